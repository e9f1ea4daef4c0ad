"""Results records: one JSON object per conversation (DESIGN §7), appended as each finishes."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.personas import Persona, persona_hash
from langgraph_salessim.state import state_persona


@functools.cache
def package_version() -> str:
    """Installed version of langgraph-salessim (read once: the metadata lookup parses files)."""
    try:
        return version("langgraph-salessim")
    except PackageNotFoundError:
        return "unknown"


def conversation_turns(state: Mapping[str, Any], catalog: Catalog | None = None) -> list[dict[str, Any]]:
    """Turns in SalesSim's shape: speaker, text, turn, plus shopper actions and recommendations."""
    actions = {a["turn"]: a for a in state.get("shopper_actions", []) if a.get("action") != "inspect_image"}
    inspections: dict[int, list[Any]] = {}
    for a in state.get("shopper_actions", []):
        if a.get("action") == "inspect_image":
            inspections.setdefault(a["turn"], []).extend(a.get("products", []))
    recs = {r["turn"]: r for r in state.get("recommended", [])}
    trace: dict[int, list[dict[str, Any]]] = {}
    for t in state.get("sales_trace", []):
        trace.setdefault(t.get("turn", 0), []).append(t)
    turns: list[dict[str, Any]] = []
    sales_i = shopper_i = 0
    for index, m in enumerate(state.get("messages", [])):
        if isinstance(m, AIMessage):
            rec = recs.get(sales_i, {})
            names = [catalog.get(pid).name if catalog else pid for pid in rec.get("product_ids", [])]
            turns.append({"speaker": "Salesperson", "text": m.text, "turn": index,
                          "recommended_items": names, "recommended_ids": rec.get("product_ids", []),
                          "unmatched_mentions": rec.get("unmatched", []), "knowledge_used": trace.get(sales_i, [])})
            sales_i += 1
        elif isinstance(m, HumanMessage):
            shopper_i += 1
            action = actions.get(shopper_i, {})
            turns.append({"speaker": "Shopper", "text": m.text, "turn": index,
                          "shopper_action": action.get("action", "message"),
                          "shopper_action_product": action.get("product"),
                          "images_inspected": inspections.get(shopper_i, []),
                          "reasoning": action.get("reasoning"), "format_leak": bool(action.get("format_leak"))})
    return turns


def build_record(
    state: Mapping[str, Any],
    *,
    persona: Persona,
    conversation_id: str,
    trial: int,
    seed: int,
    catalog: Catalog | None,
    models: Mapping[str, Any],
    timings: Mapping[str, float],
) -> dict[str, Any]:
    """The results line of one finished (or failed) conversation."""
    if state.get("persona") is not None:
        persona = state_persona(state)
    acceptable = persona.acceptable_products
    recommended = list(dict.fromkeys(pid for r in state.get("recommended", []) for pid in r["product_ids"]))
    return {
        "conversation_id": conversation_id,
        "persona_id": persona.uuid,
        "persona_hash": persona_hash(persona),
        "category": persona.category,
        "product_category": persona.category,
        "trial": trial,
        "seed": seed,
        "shopper_persona": persona.model_dump(
            mode="json", include={"name", "age", "persona_background", "speaking_style", "knowledge_level",
                                  "big_five", "emotion", "budget"}),
        "shopper_preferences": persona.model_dump(
            mode="json", include={"preferences", "dealbreakers", "constraints", "soft_constraints"}),
        "ideal_recommendations": None if acceptable is None else [
            catalog.get(pid).name if catalog else pid for pid in acceptable],
        "ideal_recommendation_ids": acceptable,
        "recommended_ids": recommended,
        "conversation": conversation_turns(state, catalog),
        "outcome": state.get("outcome"),
        "termination_reason": state.get("termination_reason"),
        "purchase": state.get("purchase"),
        "total_turns": state.get("turn", 0),
        "error_message": state.get("error_message"),
        "scores": list(state.get("scores", [])),
        "models": dict(models),
        "token_usage": _usage(state),
        "timings": dict(timings),
        "package_version": package_version(),
    }


_USAGE_KEYS = ("input_tokens", "output_tokens", "total_tokens")


def _usage(state: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """Token usage per role, from what the models reported (zeros for the offline agents)."""
    roles = {
        "shopper": [a.get("usage") for a in state.get("shopper_actions", [])],
        "sales_agent": [m.usage_metadata for m in state.get("messages", []) if isinstance(m, AIMessage)],
    }
    return {role: {k: sum(int((u or {}).get(k, 0)) for u in usages) for k in _USAGE_KEYS}
            for role, usages in roles.items()}


class ResultsWriter:
    """Appends records to a JSONL file, flushed and fsync'd per record so a crash loses nothing finished."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        _drop_torn_tail(path)
        self._fh = path.open("a", encoding="utf-8")

    def write(self, record: Mapping[str, Any]) -> None:
        """Append one record."""
        self._fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        """Close the file."""
        self._fh.close()


def _drop_torn_tail(path: Path) -> None:
    """Cut a last line left half-written by a crash, so appending after it keeps the file valid."""
    if not path.exists() or path.stat().st_size == 0:
        return
    data = path.read_bytes()
    if data.endswith(b"\n"):
        return
    with path.open("r+b") as fh:
        fh.truncate(data.rfind(b"\n") + 1)


def read_results(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records of a results file; a torn last line (a crash mid-write) is skipped."""
    with Path(path).open(encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError:
            if i == len(lines) - 1:
                return
            raise ValueError(f"{path}:{i + 1}: invalid JSON in results file") from None
