"""Reading a shopper model's reply: reasoning tags, and tool calls written as text (DESIGN §5).

Models that write `add_to_cart("X")` in their text instead of calling the tool still get
their action carried out; the slip is recorded as a formatting leak so it can be measured.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

SHOPPER_TOOLS = ("add_to_cart", "end_conversation", "inspect_image")

_REASONING = re.compile(r"<(think|thinking|reasoning)>(.*?)(?:</\1>|$)", re.S | re.I)
_TOOL_CALL_TAG = re.compile(r"<tool_call>\s*(.*?)\s*(?:</tool_call>|$)", re.S | re.I)
_NAMES = "|".join(SHOPPER_TOOLS)
# add_to_cart("X"), <add_to_cart(X)>, [add_to_cart: X], add_to_cart: X
_CALL = re.compile(
    rf"[<\[]?\s*\b({_NAMES})\b\s*(?:\(\s*(.*?)\s*\)|:\s*([^\]\n>]*))\s*[>\]]?",
    re.S | re.I,
)
_BARE_END = re.compile(r"^\W*(?:\[|<)?\s*(?:end(?:ing)? the conversation|end_conversation)\s*(?:\]|>)?\W*$", re.I)


@dataclass
class ParsedReply:
    """A shopper reply split into what the salesperson sees and what it does."""

    visible: str
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    reasoning: str | None = None
    format_leak: bool = False


def _tool_call(name: str, product: str | None) -> dict[str, Any]:
    args = {} if name == "end_conversation" else {"product": (product or "").strip().strip("\"'“”‘’ ")}
    return {"name": name, "args": args, "id": f"call_{uuid.uuid4().hex[:12]}", "type": "tool_call"}


def _from_obj(data: Any) -> dict[str, Any] | None:
    """A tool call from a JSON object such as `{"name": "add_to_cart", "arguments": {...}}`."""
    if not isinstance(data, dict) or data.get("name") not in SHOPPER_TOOLS:
        return None
    args = data.get("arguments") or data.get("args") or data.get("parameters") or {}
    if isinstance(args, str):
        try:
            args = json.loads(args)
        except json.JSONDecodeError:
            args = {"product": args}
    product = args.get("product") or args.get("product_name") or args.get("name") if isinstance(args, dict) else None
    return _tool_call(data["name"], product)


def split_reasoning(text: str) -> tuple[str, str | None]:
    """Remove `<think>`/`<reasoning>` blocks; return (visible text, reasoning or None)."""
    found = [m.group(2).strip() for m in _REASONING.finditer(text)]
    visible = _REASONING.sub("", text).strip()
    return visible, ("\n".join(found) if found else None)


def parse_reply(text: str, tool_calls: list[dict[str, Any]] | None = None) -> ParsedReply:
    """Parse a shopper model's reply.

    Structured `tool_calls` win; without them, tool calls written in the text are parsed
    and removed from the visible text, and `format_leak` is set.
    """
    visible, reasoning = split_reasoning(text)
    calls = [dict(c) for c in (tool_calls or []) if c.get("name") in SHOPPER_TOOLS]
    if calls:
        return ParsedReply(visible=_strip_calls(visible), tool_calls=calls, reasoning=reasoning,
                           format_leak=visible != _strip_calls(visible))
    json_calls, visible_rest = _json_calls(visible)
    found = json_calls or _calls_in(visible_rest)
    if not found and _BARE_END.match(visible):
        return ParsedReply(visible="", tool_calls=[_tool_call("end_conversation", None)], reasoning=reasoning,
                           format_leak=True)
    cleaned = _strip_calls(visible_rest) if found else visible
    return ParsedReply(visible=cleaned, tool_calls=found, reasoning=reasoning, format_leak=bool(found))


_LLAMA_FUNCTION = re.compile(r"<function=(\w+)>\s*(\{.*?\})?\s*</function>", re.S)
_DECODER = json.JSONDecoder()


def _json_calls(text: str) -> tuple[list[dict[str, Any]], str]:
    """Tool calls written as JSON, and the text without them.

    Covers Hermes `<tool_call>{...}`, Mistral `[TOOL_CALLS] [...]`, bare objects and Llama's
    `<function=name>{...}</function>`.
    """
    found: list[dict[str, Any]] = []

    def llama(m: re.Match[str]) -> str:
        if m.group(1) not in SHOPPER_TOOLS:
            return m.group(0)
        parsed = _from_obj({"name": m.group(1), "arguments": json.loads(m.group(2) or "{}")})
        found.extend([parsed] if parsed else [])
        return ""

    try:
        text = _LLAMA_FUNCTION.sub(llama, text)
    except json.JSONDecodeError:
        pass
    out, i = [], 0
    while i < len(text):
        if text[i] in "{[":
            try:
                value, end = _DECODER.raw_decode(text, i)
            except json.JSONDecodeError:
                value, end = None, i + 1
            items = value if isinstance(value, list) else [value]
            calls = [c for c in (_from_obj(v) for v in items) if c]
            if calls and len(calls) == len(items):
                found.extend(calls)
                i = end
                continue
        out.append(text[i])
        i += 1
    rest = "".join(out) if found else text
    return found, rest


def _calls_in(text: str) -> list[dict[str, Any]]:
    out = []
    for m in _CALL.finditer(text):
        name = m.group(1).lower()
        arg = m.group(2) if m.group(2) is not None else m.group(3)
        if name != "end_conversation" and not (arg or "").strip():
            continue
        if arg and "=" in arg.split(",")[0] and name != "end_conversation":
            arg = arg.split("=", 1)[1]
        out.append(_tool_call(name, arg))
    return out


def _strip_calls(text: str) -> str:
    text = _TOOL_CALL_TAG.sub("", text)
    text = _CALL.sub("", text)
    text = re.sub(r"\[TOOL_CALLS\]|</?tool_call>|```\w*", "", text)
    return re.sub(r"[ \t]+\n", "\n", re.sub(r"[ \t]{2,}", " ", text)).strip()
