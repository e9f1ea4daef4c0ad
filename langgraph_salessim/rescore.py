"""Re-scoring saved runs without re-simulating: ours, or official SalesSim v0/v1 results files."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.conversation import Conversation, from_record
from langgraph_salessim.evaluation import score_conversation
from langgraph_salessim.matching import match_mentions
from langgraph_salessim.results import read_results
from langgraph_salessim.state import Score


def load_any_results(path: str | Path) -> list[dict[str, Any]]:
    """Records of a results file: our JSONL, an official v1 JSONL, or an official v0 JSON list.

    Raises:
        ValueError: naming the file when it is neither.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "results.jsonl"
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{e.lineno}: invalid JSON: {e.msg}") from None
        return [_from_v0(r, i) for i, r in enumerate(rows)]
    return list(read_results(path))


def _from_v0(row: Mapping[str, Any], index: int) -> dict[str, Any]:
    """An official v0 row under our field names (it has no persona id and no ground truth)."""
    out = {k: v for k, v in row.items() if not k.startswith("Unnamed")}
    out.setdefault("conversation_id", f"v0-{index}")
    out.setdefault("category", row.get("product_category"))
    return out


def _fill_recommendations(conv: Conversation, catalog: Catalog) -> None:
    """Official records carry no recommendation ids: read them from the salesperson's text."""
    pool = catalog.in_category(conv.category) if conv.category and catalog.in_category(conv.category) \
        else catalog.products
    names = [p.name for p in pool]
    for t in conv.sales_turns:
        if not t.recommended:
            t.recommended = [pool[i].id for i in match_mentions(t.text, names)]


def rescore_records(records: Sequence[Mapping[str, Any]], *, catalog: Catalog | None = None,
                    metrics: Sequence[str] | None = None) -> Iterator[tuple[dict[str, Any], Conversation]]:
    """Each record with its scores recomputed (scores of other names are kept), and its conversation."""
    for record in records:
        conv = from_record(record)
        if catalog is not None:
            _fill_recommendations(conv, catalog)
        fresh: list[Score] = score_conversation(conv, catalog=catalog, metrics=metrics)
        names = {s["name"] for s in fresh}
        kept = [s for s in record.get("scores") or [] if isinstance(s, Mapping) and s.get("name") not in names]
        yield {**record, "scores": [*kept, *fresh]}, conv
