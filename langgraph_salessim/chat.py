"""Helpers shared by the LLM seats: tool binding and image handling for chat APIs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AnyMessage, HumanMessage, ToolMessage
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool

from langgraph_salessim.models import takes_seed

# tool schemas are converted once per (model, tools): binding them is costly for real chat models
_BOUND: dict[tuple[int, tuple[int, ...]], tuple[Any, Runnable[Any, Any], tuple[BaseTool, ...]]] = {}


def prepare_model(
    model: BaseChatModel, tools: Sequence[BaseTool] = (), *, seed: int | None = None
) -> Runnable[Any, Any]:
    """The model with tools bound (when supported) and the conversation's seed forwarded (when taken).

    A model without tool support is used bare: tool calls it writes as text are parsed.
    """
    runnable: Runnable[Any, Any] = model
    if tools:
        key = (id(model), tuple(id(t) for t in tools))
        cached = _BOUND.get(key)
        if cached is None or cached[0] is not model:
            try:
                bound: Runnable[Any, Any] = model.bind_tools(list(tools))
            except NotImplementedError:
                bound = model
            cached = _BOUND[key] = (model, bound, tuple(tools))  # keep model and tools alive with their ids
        runnable = cached[1]
    if seed is not None and takes_seed(model):
        runnable = runnable.bind(seed=seed)
    return runnable


def is_image(block: Any) -> bool:
    """Whether a content block is an image (LangChain v1 `image` or OpenAI-style `image_url`)."""
    return isinstance(block, dict) and block.get("type") in ("image", "image_url")


def split_tool_images(messages: Sequence[AnyMessage]) -> list[AnyMessage]:
    """Move images out of tool results into a following user turn (chat APIs take none in tool results)."""
    out: list[AnyMessage] = []
    for m in messages:
        if isinstance(m, ToolMessage) and isinstance(m.content, list):
            images = [b for b in m.content if is_image(b)]
            text = " ".join(b.get("text", "") for b in m.content if isinstance(b, dict) and b.get("type") == "text")
            out.append(ToolMessage(content=text or "(image follows)", tool_call_id=m.tool_call_id, name=m.name))
            if images:
                out.append(HumanMessage(content=[{"type": "text", "text": "Image from the tool result:"}, *images]))
        else:
            out.append(m)
    return out


def drop_images(message: AnyMessage) -> AnyMessage:
    """A copy of the message without image parts (for turns going back to a model as assistant turns)."""
    if not isinstance(message.content, list):
        return message
    kept = [b for b in message.content if not is_image(b)]
    return message.model_copy(update={"content": kept})
