"""Scripted chat models for tests: they replay AIMessages and remember what they were sent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field


class ScriptedChatModel(BaseChatModel):
    """Replays `script` one message per call; records every call's messages in `received`.

    An `Exception` instance in the script is raised at that call (a crashing model).
    Running past the end of the script raises, so a test notices an unexpected extra call.
    """

    script: list[Any]
    received: list[list[BaseMessage]] = Field(default_factory=list)
    bound_tools: list[list[str]] = Field(default_factory=list)
    calls: int = 0

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedChatModel:  # type: ignore[override]
        self.bound_tools.append([getattr(t, "name", str(t)) for t in tools])
        return self

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.received.append(list(messages))
        if self.calls >= len(self.script):
            raise RuntimeError(f"scripted model called {self.calls + 1} times, script has {len(self.script)}")
        item = self.script[self.calls]
        self.calls += 1
        if isinstance(item, Exception):
            raise item
        return ChatResult(generations=[ChatGeneration(message=item)])

    def all_text(self) -> str:
        """Everything the model was sent, as one string (content and tool results)."""
        parts = []
        for call in self.received:
            for m in call:
                parts.append(m.content if isinstance(m.content, str) else repr(m.content))
        return "\n".join(parts)


def tool_call(name: str, args: dict[str, Any] | None = None, call_id: str = "c1") -> dict[str, Any]:
    """A tool call dict for `AIMessage(tool_calls=[...])`."""
    return {"name": name, "args": args or {}, "id": call_id, "type": "tool_call"}
