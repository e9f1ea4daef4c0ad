"""The LLM sales agent: any chat model with catalog search, buying guides and image inspection."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AnyMessage, SystemMessage, ToolMessage
from langchain_core.messages.ai import UsageMetadata, add_usage
from langchain_core.tools import BaseTool

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.chat import drop_images, prepare_model, split_tool_images
from langgraph_salessim.prompts import FINAL_ANSWER_NOTE, SALES_PROMPT, SALES_PUSHY_PROMPT
from langgraph_salessim.seats import SalesReply, SalesView
from langgraph_salessim.tools import (
    create_buying_guide_search_tool,
    create_catalog_search_tool,
    create_inspect_image_tool,
)

SalesVariant = Literal["default", "pushy"]
"""Sales agent prompt variants: helpful (SalesSim's) or pushy (sells one target product hard, truthfully)."""


@dataclass
class LLMSalesAgent:
    """A sales seat backed by a chat model. Build it with `create_sales_agent`."""

    model: BaseChatModel
    catalog: Catalog
    prompt: str = SALES_PROMPT
    max_tool_rounds: int = 3
    target: str | None = None
    _tools: dict[str, dict[str, BaseTool]] = field(default_factory=dict, init=False, repr=False)

    async def respond(self, view: SalesView) -> SalesReply:
        """Run up to `max_tool_rounds` tool rounds, then answer; tool work goes to the trace only."""
        tools = self._tools_for(view.category)
        bound = prepare_model(self.model, list(tools.values()), seed=view.seed)
        system = self.prompt.format(category=view.category, target=self.target or "")
        messages: list[AnyMessage] = [SystemMessage(content=system)]
        messages += [drop_images(m) if isinstance(m, AIMessage) else m for m in view.messages]
        trace: list[dict[str, Any]] = []
        retrieved: list[str] = []
        usage: UsageMetadata | None = None
        for _ in range(self.max_tool_rounds):
            ai = await bound.ainvoke(messages)
            usage = add_usage(usage, ai.usage_metadata)
            if not ai.tool_calls:
                return SalesReply(messages=[ai], trace=trace, retrieved=retrieved, usage=dict(usage))
            messages.append(ai)
            for call in ai.tool_calls:
                result = await self._call(tools, dict(call))
                ids = result.artifact if isinstance(result.artifact, list) else []
                if call["name"] == "catalog_search":
                    retrieved += ids
                trace.append({"tool": call["name"], "args": call["args"], "product_ids": ids})
                messages += split_tool_images([result])
        messages.append(SystemMessage(content=FINAL_ANSWER_NOTE))
        final = await prepare_model(self.model, seed=view.seed).ainvoke(messages)
        usage = add_usage(usage, final.usage_metadata)
        return SalesReply(messages=[final], trace=trace, retrieved=retrieved, usage=dict(usage))

    def _tools_for(self, category: str) -> dict[str, BaseTool]:
        """The tools for one store section, built once (building a tool is costly)."""
        if category not in self._tools:
            self._tools[category] = {t.name: t for t in (
                create_catalog_search_tool(self.catalog, category=category),
                create_buying_guide_search_tool(self.catalog, category=category),
                create_inspect_image_tool(self.catalog, category=category),
            )}
        return self._tools[category]

    @staticmethod
    async def _call(tools: dict[str, Any], call: dict[str, Any]) -> ToolMessage:
        tool = tools.get(call["name"])
        if tool is None:
            return ToolMessage(content=f"Unknown tool {call['name']!r}; available: {sorted(tools)}",
                               tool_call_id=call["id"], name=call["name"])
        try:
            return await tool.ainvoke({**call, "type": "tool_call"})
        except Exception as err:  # a bad tool argument is the model's mistake: tell it, keep going
            return ToolMessage(content=f"Tool error: {err}", tool_call_id=call["id"], name=call["name"],
                               status="error")


def create_sales_agent(
    model: BaseChatModel,
    *,
    catalog: Catalog,
    variant: SalesVariant = "default",
    target: str | None = None,
    prompt: str | None = None,
    max_tool_rounds: int = 3,
) -> LLMSalesAgent:
    """Create an LLM sales agent with `catalog_search`, `buying_guide_search` and `inspect_image`.

    Its tool calls and what they returned go to the graph's `sales_trace`, never to the shopper.
    After `max_tool_rounds` tool rounds in a turn it must answer without tools.

    Args:
        model: the chat model playing the salesperson.
        catalog: the store's catalog.
        variant: `default` (helpful) or `pushy` (sells `target` hard, without lying).
        target: the product (name or id) the pushy variant sells; required for it.
        prompt: system prompt template overriding the variant's (placeholders `{category}`, `{target}`).
        max_tool_rounds: tool rounds per turn before it must answer.

    Returns:
        An `LLMSalesAgent` for the sales seat of `create_salessim_graph`.

    Raises:
        ValueError: an unknown variant, a pushy agent without a known target, or negative rounds.

    Example:
        >>> from langchain_openai import ChatOpenAI
        >>> agent = create_sales_agent(ChatOpenAI(model="gpt-4o"), catalog=catalog)  # doctest: +SKIP
    """
    if max_tool_rounds < 0:
        raise ValueError("max_tool_rounds must be >= 0")
    if variant not in ("default", "pushy"):
        raise ValueError(f"unknown sales agent variant {variant!r}; choose default or pushy")
    target_name = None
    if variant == "pushy":
        product = catalog.find(target) if target else None
        if product is None:
            raise ValueError(f"the pushy sales agent needs a catalog product as target, got {target!r}")
        target_name = product.name
    template = prompt or (SALES_PUSHY_PROMPT if variant == "pushy" else SALES_PROMPT)
    return LLMSalesAgent(model=model, catalog=catalog, prompt=template, max_tool_rounds=max_tool_rounds,
                         target=target_name)
