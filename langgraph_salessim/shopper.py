"""The LLM shopper: any chat model plays the persona (DESIGN §5)."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AnyMessage, SystemMessage, ToolMessage

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.chat import bind_tools, drop_images, split_tool_images
from langgraph_salessim.personas import Persona
from langgraph_salessim.prompts import SHOPPER_PROMPT
from langgraph_salessim.seats import ShopperReply, ShopperView
from langgraph_salessim.tools import create_add_to_cart_tool, create_end_conversation_tool, create_inspect_image_tool

MAX_TOOL_ROUNDS = 3


def shopper_system_prompt(persona: Persona, prompt: str = SHOPPER_PROMPT) -> str:
    """The shopper's system prompt, filled from the persona."""
    return prompt.format(
        name=persona.name,
        age=persona.age,
        category=persona.category.replace("_", " "),
        background=persona.persona_background,
        speaking_style=f"Speaking style: {persona.speaking_style}\n" if persona.speaking_style else "",
        preferences=persona.preferences or "none in particular",
        dealbreakers=persona.dealbreakers or "none",
        budget=f"${persona.budget:,.0f}" if persona.budget is not None else "not fixed",
    )


def _this_turn(scratch: list[AnyMessage], rounds: int) -> list[AnyMessage]:
    """The shopper's tool exchanges of the current turn: its last `rounds` tool calls and their results."""
    if rounds <= 0:
        return []
    calls = [i for i, m in enumerate(scratch) if isinstance(m, AIMessage) and m.tool_calls]
    start = calls[-rounds] if len(calls) >= rounds else 0
    return [m for m in scratch[start:] if isinstance(m, (AIMessage, ToolMessage))]


@dataclass
class LLMShopper:
    """A shopper seat backed by a chat model. Build it with `create_shopper`."""

    model: BaseChatModel
    catalog: Catalog | None = None
    prompt: str = SHOPPER_PROMPT

    async def respond(self, view: ShopperView) -> ShopperReply:
        """Ask the model for the shopper's next move (text tool calls are parsed by the graph)."""
        tools = [create_add_to_cart_tool(), create_end_conversation_tool()]
        if view.catalog is not None and view.tool_rounds < MAX_TOOL_ROUNDS:
            tools.append(create_inspect_image_tool(view.catalog, category=view.persona.category))
        messages: list[AnyMessage] = [SystemMessage(content=shopper_system_prompt(view.persona, self.prompt))]
        messages += [drop_images(m) if isinstance(m, AIMessage) else m for m in view.transcript]
        messages += split_tool_images(_this_turn(view.scratch, view.tool_rounds))
        reply = await bind_tools(self.model, tools).ainvoke(messages)
        if not isinstance(reply, AIMessage):
            raise TypeError(f"shopper model returned {type(reply).__name__}, expected AIMessage")
        return ShopperReply(message=reply)


def create_shopper(model: BaseChatModel, *, catalog: Catalog | None = None, prompt: str = SHOPPER_PROMPT) -> LLMShopper:
    """Create an LLM shopper from any LangChain chat model.

    The conversation reaches the model with roles flipped (salesperson = user, shopper =
    assistant); its tools are `add_to_cart`, `end_conversation` and `inspect_image`.

    Args:
        model: the chat model playing the shopper.
        catalog: the catalog (for `inspect_image`); the graph supplies its own.
        prompt: system prompt template with the placeholders of `SHOPPER_PROMPT`.

    Returns:
        An `LLMShopper` for the shopper seat of `create_salessim_graph`.

    Example:
        >>> from langchain_openai import ChatOpenAI
        >>> shopper = create_shopper(ChatOpenAI(model="gpt-4o-mini"))  # doctest: +SKIP
    """
    return LLMShopper(model=model, catalog=catalog, prompt=prompt)
