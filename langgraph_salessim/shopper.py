"""The LLM shopper: any chat model plays the persona (DESIGN §5)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.tools import BaseTool

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.chat import drop_images, is_image, prepare_model, split_tool_images
from langgraph_salessim.personas import Persona
from langgraph_salessim.prompts import SHOPPER_HUMAN_STEERING_PROMPT, SHOPPER_PROMPT, SHOPPER_V0_PROMPT
from langgraph_salessim.seats import ShopperReply, ShopperView
from langgraph_salessim.tools import create_add_to_cart_tool, create_end_conversation_tool, create_inspect_image_tool
from langgraph_salessim.turns import MAX_SHOPPER_TOOL_ROUNDS
from langgraph_salessim.vocab import shopping_for

ShopperVariant = Literal["default", "human_steering", "v0"]
"""Prompt variants: SalesSim's default, the human-steering prompt, and the older v0 token style."""

ImageMode = Literal["image", "caption", "none"]
"""How product images in salesperson turns reach the shopper's model: as images (vision models), as a
short text caption (text-only models), or not at all."""

_PROMPTS: dict[str, str] = {
    "default": SHOPPER_PROMPT, "human_steering": SHOPPER_HUMAN_STEERING_PROMPT, "v0": SHOPPER_V0_PROMPT,
}
_DECISION_TOOLS = (create_add_to_cart_tool(), create_end_conversation_tool())
_ACCEPT = re.compile(r"\[\s*ACCEPT\s*\]", re.I)
_DONE = re.compile(r"\[\s*DONE\s*\]", re.I)


def shopper_system_prompt(persona: Persona, prompt: str = SHOPPER_PROMPT) -> str:
    """The shopper's system prompt, filled from the persona."""
    traits = ", ".join(f"{k}: {v}" for k, v in (persona.big_five or {}).items()) or "not specified"
    return prompt.format(
        name=persona.name,
        age=persona.age,
        category=shopping_for(persona.category),
        background=persona.persona_background,
        speaking_style=f"Speaking style: {persona.speaking_style}\n" if persona.speaking_style else "",
        knowledge_level=f"What you know about these products: {persona.knowledge_level}\n"
        if persona.knowledge_level else "",
        preferences=persona.preferences or "none in particular",
        dealbreakers=persona.dealbreakers or "none",
        budget=f"${persona.budget:,.0f}" if persona.budget is not None else "not fixed",
        big_five=traits,
        emotion=persona.emotion or "neutral",
    )


def _this_turn(scratch: list[AnyMessage], rounds: int) -> list[AnyMessage]:
    """The shopper's tool exchanges of the current turn: its last `rounds` tool calls and their results."""
    if rounds <= 0:
        return []
    calls = [i for i, m in enumerate(scratch) if isinstance(m, AIMessage) and m.tool_calls]
    start = calls[-rounds] if len(calls) >= rounds else 0
    return [m for m in scratch[start:] if isinstance(m, (AIMessage, ToolMessage))]


def _caption(block: dict[str, Any]) -> dict[str, Any]:
    extras = block.get("extras") or {}
    return {"type": "text", "text": f"[{extras.get('caption') or 'Product image'}]"}


def prepare_images(transcript: list[AnyMessage], *, mode: ImageMode, keep: int | None) -> list[AnyMessage]:
    """Apply the image policy to the shopper's transcript.

    Images stay only in the `keep` most recent salesperson turns that carry any (all when
    None); older ones are pruned. In `caption` mode every image becomes its caption.
    """
    with_images = [i for i, m in enumerate(transcript) if isinstance(m, HumanMessage) and _has_image(m)]
    recent = set(with_images if keep is None else with_images[len(with_images) - keep:] if keep > 0 else [])
    out: list[AnyMessage] = []
    for i, m in enumerate(transcript):
        if isinstance(m, AIMessage):
            out.append(drop_images(m))
        elif not _has_image(m) or (mode == "image" and i in recent):
            out.append(m)
        elif mode == "caption":
            blocks = [_caption(b) if is_image(b) else b for b in m.content]  # type: ignore[arg-type]
            out.append(m.model_copy(update={"content": blocks}))
        else:  # pruned (older turn) or images left out
            out.append(drop_images(m))
    return out


def _has_image(m: AnyMessage) -> bool:
    return isinstance(m.content, list) and any(is_image(b) for b in m.content)


def _v0_decision(reply: AIMessage) -> AIMessage:
    """Turn v0's [ACCEPT]/[DONE] tokens into tool calls (the product is resolved from the text)."""
    if reply.tool_calls or not isinstance(reply.content, str):
        return reply
    if _ACCEPT.search(reply.content):
        name, args = "add_to_cart", {"product": ""}
    elif _DONE.search(reply.content):
        name, args = "end_conversation", {}
    else:
        return reply
    text = _DONE.sub("", _ACCEPT.sub("", reply.content)).strip()
    call = {"name": name, "args": args, "id": "v0_token", "type": "tool_call"}
    return reply.model_copy(update={"content": text, "tool_calls": [call]})


@dataclass
class LLMShopper:
    """A shopper seat backed by a chat model. Build it with `create_shopper`."""

    model: BaseChatModel
    catalog: Catalog | None = None
    prompt: str = SHOPPER_PROMPT
    variant: ShopperVariant = "default"
    image_mode: ImageMode = "image"
    keep_images: int | None = 2
    _tools: dict[tuple[int, str], BaseTool] = field(default_factory=dict, init=False, repr=False)

    async def respond(self, view: ShopperView) -> ShopperReply:
        """Ask the model for the shopper's next move (text tool calls are parsed by the graph)."""
        messages: list[AnyMessage] = [SystemMessage(content=shopper_system_prompt(view.persona, self.prompt))]
        messages += prepare_images(view.transcript, mode=self.image_mode, keep=self.keep_images)
        messages += split_tool_images(_this_turn(view.scratch, view.tool_rounds))
        tools: list[BaseTool] = []
        if self.variant != "v0":
            tools = list(_DECISION_TOOLS)
            if view.catalog is not None and view.tool_rounds < MAX_SHOPPER_TOOL_ROUNDS and self.image_mode != "none":
                tools.append(self._inspect_tool(view.catalog, view.persona.category))
        reply = await prepare_model(self.model, tools, seed=view.seed).ainvoke(messages)
        if not isinstance(reply, AIMessage):
            raise TypeError(f"shopper model returned {type(reply).__name__}, expected AIMessage")
        return ShopperReply(message=_v0_decision(reply) if self.variant == "v0" else reply)

    def _inspect_tool(self, catalog: Catalog, category: str) -> BaseTool:
        """The shopper's inspect_image schema for a category, built once (building a tool is costly)."""
        key = (id(catalog), category)
        if key not in self._tools:
            self._tools[key] = create_inspect_image_tool(catalog, category=category)
        return self._tools[key]


def create_shopper(
    model: BaseChatModel,
    *,
    catalog: Catalog | None = None,
    variant: ShopperVariant = "default",
    prompt: str | None = None,
    image_mode: ImageMode = "image",
    keep_images: int | None = 2,
) -> LLMShopper:
    """Create an LLM shopper from any LangChain chat model.

    The conversation reaches the model with roles flipped (salesperson = user, shopper =
    assistant); its tools are `add_to_cart`, `end_conversation` and `inspect_image`
    (the `v0` variant decides with `[ACCEPT]`/`[DONE]` tokens instead).

    Args:
        model: the chat model playing the shopper.
        catalog: the catalog (for `inspect_image`); the graph supplies its own.
        variant: `default`, `human_steering` or `v0`.
        prompt: system prompt template overriding the variant's (placeholders of `SHOPPER_PROMPT`).
        image_mode: `image` for vision models, `caption` for text-only ones, `none` to leave images out.
        keep_images: most recent salesperson turns whose images are kept (None: all).

    Returns:
        An `LLMShopper` for the shopper seat of `create_salessim_graph`.

    Example:
        >>> from langchain_openai import ChatOpenAI
        >>> shopper = create_shopper(ChatOpenAI(model="gpt-4o-mini"), variant="human_steering")  # doctest: +SKIP
    """
    if variant not in _PROMPTS:
        raise ValueError(f"unknown shopper variant {variant!r}; choose one of {sorted(_PROMPTS)}")
    if image_mode not in ("image", "caption", "none"):
        raise ValueError(f"unknown image_mode {image_mode!r}; choose image, caption or none")
    return LLMShopper(model=model, catalog=catalog, prompt=prompt or _PROMPTS[variant], variant=variant,
                      image_mode=image_mode, keep_images=keep_images)
