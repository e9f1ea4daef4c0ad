"""Training data for a shopper model from results files: SFT chats and DPO preference pairs.

Each conversation becomes the shopper's chat in OpenAI message format: a `system` message (the
shopper prompt filled from the persona), then the conversation with roles flipped (salesperson =
`user`, shopper = `assistant`). A shopper's decision is an assistant message with a structured
`tool_calls` entry (`add_to_cart` with the product it named, or `end_conversation`), whether the
model called the tool or wrote the call as text (the SFT target is the clean form). The shopper's
`inspect_image` rounds and private reasoning are not exported.

Records are ours or official SalesSim ones (v0 `results.json` rows too: their shopper decided with
`[ACCEPT]`/`[DONE]` tokens, so they get the v0 prompt and no tool calls; they have no ground truth,
so they are exported only with `all_with_rewards`).
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice, product
from pathlib import Path
from typing import Any

from langchain_core.utils.function_calling import convert_to_openai_tool

from langgraph_salessim.conversation import Conversation, from_record
from langgraph_salessim.formats import persona_from_record
from langgraph_salessim.judges import decision_alignment_of
from langgraph_salessim.personas import Persona
from langgraph_salessim.rescore import load_any_results
from langgraph_salessim.rewards import (
    DEFAULT_WEIGHTS,
    HUMAN_REFERENCE,
    combined_reward,
    decision_alignment_reward,
    reward_components,
)
from langgraph_salessim.shopper import _PROMPTS, shopper_system_prompt
from langgraph_salessim.tools import create_add_to_cart_tool, create_end_conversation_tool

VARIANTS = ("auto", "default", "human_steering", "v0")
"""System prompt choices: `auto` is v0's prompt for v0 records and the default prompt otherwise."""

SHOPPER_TOOLS: list[dict[str, Any]] = [convert_to_openai_tool(t) for t in
                                       (create_add_to_cart_tool(), create_end_conversation_tool())]
"""OpenAI tool schemas of the shopper's decisions (the `tools` field of SFT lines)."""


def _literal(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value


def is_v0(record: Mapping[str, Any]) -> bool:
    """Whether a record is an official SalesSim v0 results row (Python-literal fields, no persona id)."""
    return "persona_id" not in record and isinstance(record.get("shopper_persona"), str)


def record_persona(record: Mapping[str, Any], conv: Conversation | None = None) -> Persona | None:
    """The persona of a record (ours or official; for v0 rows, rebuilt from its persona and answers)."""
    conv = conv or from_record(record)
    if conv.persona is not None:
        return conv.persona
    shown, prefs = _literal(record.get("shopper_persona")), _literal(record.get("shopper_preferences"))
    if not isinstance(shown, dict) or not isinstance(prefs, dict):
        return None
    rec = {**shown, **prefs, "category": record.get("product_category") or record.get("category") or "laptop"}
    persona = persona_from_record(rec)
    emotion = record.get("shopper_emotion")
    return persona.model_copy(update={"emotion": emotion}) if isinstance(emotion, str) else persona


def chat_messages(record: Mapping[str, Any], *, variant: str = "auto",
                  prompt: str | None = None) -> list[dict[str, Any]] | None:
    """The shopper-side chat of one record (see the module docstring); None when it has no persona.

    Args:
        record: a results record.
        variant: system prompt variant (`VARIANTS`).
        prompt: a system prompt template overriding `variant`.
    """
    conv = from_record(record)
    persona = record_persona(record, conv)
    if persona is None:
        return None
    v0 = is_v0(record)
    if variant == "auto":
        variant = "v0" if v0 else "default"
    template = prompt or _PROMPTS[variant]
    out: list[dict[str, Any]] = [{"role": "system", "content": shopper_system_prompt(persona, template)}]
    purchase = record.get("purchase") or {}
    for i, turn in enumerate(conv.turns):
        if turn.speaker == "Salesperson":
            out.append({"role": "user", "content": turn.text})
            continue
        message: dict[str, Any] = {"role": "assistant", "content": turn.text}
        if turn.action in ("add_to_cart", "end_conversation") and not v0:
            args = {"product": str(purchase.get("name") or "")} if turn.action == "add_to_cart" else {}
            message["tool_calls"] = [{"id": f"call_{i}", "type": "function",
                                      "function": {"name": turn.action, "arguments": json.dumps(args)}}]
        out.append(message)
        if turn.action in ("add_to_cart", "end_conversation"):
            break
    return out


def _metadata(record: Mapping[str, Any], conv: Conversation) -> dict[str, Any]:
    return {"conversation_id": record.get("conversation_id"), "persona_id": record.get("persona_id"),
            "category": conv.category, "outcome": conv.outcome,
            "decision_label": decision_alignment_of(conv)["label"]}


def sft_examples(
    records: Iterable[Mapping[str, Any]],
    *,
    all_with_rewards: bool = False,
    variant: str = "auto",
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    reference: Mapping[str, float] = HUMAN_REFERENCE,
) -> Iterator[dict[str, Any]]:
    """SFT lines `{"messages", "tools", "metadata"}`: decision-aligned conversations only by default.

    With `all_with_rewards`, every conversation with a persona, plus `rewards` (each component of
    `rewards.REWARDS`, None when it cannot be computed) and `reward` (`combined_reward` with `weights`).
    """
    for record in records:
        conv = from_record(record)
        aligned = decision_alignment_reward(conv)
        if not all_with_rewards and aligned != 1.0:
            continue
        messages = chat_messages(record, variant=variant)
        if messages is None:
            continue
        line: dict[str, Any] = {"messages": messages, "metadata": _metadata(record, conv)}
        if not is_v0(record):
            line["tools"] = SHOPPER_TOOLS
        if all_with_rewards:
            line["rewards"] = reward_components(conv, reference=reference)
            line["reward"] = combined_reward(conv, weights=weights, reference=reference)
        yield line


def _persona_key(record: Mapping[str, Any]) -> str:
    return str(record.get("persona_hash") or record.get("persona_id") or record.get("shopper_persona"))


def _split(chosen: list[dict[str, Any]], rejected: list[dict[str, Any]]) -> int:
    """Length of the shared prompt: the common prefix, backed off so both continuations open with the shopper."""
    k = 0
    while k < min(len(chosen), len(rejected)) and chosen[k] == rejected[k]:
        k += 1
    while k > 0 and k < len(chosen) and chosen[k]["role"] != "assistant":
        k -= 1
    return k


def preference_pairs(
    records: Iterable[Mapping[str, Any]],
    *,
    variant: str = "auto",
    max_pairs_per_persona: int | None = None,
) -> Iterator[dict[str, Any]]:
    """DPO pairs in TRL's conversational format: `{"prompt", "chosen", "rejected", "metadata"}`.

    For each persona, every decision-aligned conversation is paired with every misaligned one
    (in file order, at most `max_pairs_per_persona`). `prompt` is the messages both share (the
    system prompt and the greeting, or longer); `chosen` / `rejected` are the rest of the aligned /
    misaligned conversation. Unscorable conversations are left out.
    """
    groups: dict[str, tuple[list[list[dict[str, Any]]], list[list[dict[str, Any]]], list[Any]]] = {}
    for record in records:
        value = decision_alignment_reward(record)
        messages = chat_messages(record, variant=variant) if value is not None else None
        if messages is None:
            continue
        good, bad, ids = groups.setdefault(_persona_key(record), ([], [], []))
        (good if value == 1.0 else bad).append(messages)
        ids.append(record.get("persona_id"))
    for good, bad, ids in groups.values():
        pairs = ((c, r) for c, r in product(good, bad) if c != r)
        for chosen, rejected in islice(pairs, max_pairs_per_persona):
            k = _split(chosen, rejected)
            if k >= min(len(chosen), len(rejected)):
                continue
            yield {"prompt": chosen[:k], "chosen": chosen[k:], "rejected": rejected[k:],
                   "metadata": {"persona_id": ids[0]}}


def export_results(
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    format: str,
    all_with_rewards: bool = False,
    variant: str = "auto",
    max_pairs_per_persona: int | None = None,
    reference: Mapping[str, float] = HUMAN_REFERENCE,
) -> dict[str, int]:
    """Write SFT lines or preference pairs from results files to a JSONL file.

    Args:
        paths: results files or run directories (ours, official v1 JSONL or v0 JSON).
        out: the JSONL file to write.
        format: `sft` or `preference`.
        all_with_rewards: SFT only: every conversation with its rewards, not only aligned ones.
        variant: system prompt variant (`VARIANTS`).
        max_pairs_per_persona: preference only: cap on pairs per persona.
        reference: human means for the closeness rewards.

    Returns:
        `{"read": conversations read, "written": lines written}`.
    """
    if format not in ("sft", "preference"):
        raise ValueError(f"unknown format {format!r}; choose sft or preference")
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; choose one of {list(VARIANTS)}")
    records = [r for p in paths for r in load_any_results(p)]
    lines: Iterable[dict[str, Any]] = (
        sft_examples(records, all_with_rewards=all_with_rewards, variant=variant, reference=reference)
        if format == "sft" else
        preference_pairs(records, variant=variant, max_pairs_per_persona=max_pairs_per_persona))
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with target.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            written += 1
    return {"read": len(records), "written": written}
