"""Repeatability over trials: pass^k / pass@k per persona, and the paper-style alignment table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from math import comb
from typing import Any

from langgraph_salessim.corpus import bootstrap_mean
from langgraph_salessim.state import find_score


def pass_hat_k(n: int, c: int, k: int) -> float:
    """pass^k: the chance that k trials drawn from n (c of them aligned) are all aligned."""
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError(f"need 0 <= c <= n and 1 <= k <= n, got n={n}, c={c}, k={k}")
    return comb(c, k) / comb(n, k)


def pass_at_k(n: int, c: int, k: int) -> float:
    """pass@k: the chance that at least one of k trials drawn from n (c aligned) is aligned."""
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError(f"need 0 <= c <= n and 1 <= k <= n, got n={n}, c={c}, k={k}")
    return 1.0 - comb(n - c, k) / comb(n, k)


def _aligned(record: Mapping[str, Any]) -> float | None:
    score = find_score(record, "decision_alignment")
    return None if score is None else score.get("value")


def repeatability(records: Iterable[Mapping[str, Any]], *, ks: Sequence[int] = (1, 2, 3)) -> dict[str, Any]:
    """Mean pass^k and pass@k over personas, from each persona's graded trials.

    Personas with fewer graded trials than k are left out of that k (their count is reported).
    """
    per_persona: dict[str, list[float]] = defaultdict(list)
    for r in records:
        value = _aligned(r)
        if value is not None:
            per_persona[str(r.get("persona_id"))].append(value)
    out: dict[str, Any] = {"personas": len(per_persona)}
    for k in ks:
        usable = [(len(v), int(sum(v))) for v in per_persona.values() if len(v) >= k]
        out[f"pass^{k}"] = sum(pass_hat_k(n, c, k) for n, c in usable) / len(usable) if usable else None
        out[f"pass@{k}"] = sum(pass_at_k(n, c, k) for n, c in usable) / len(usable) if usable else None
        out[f"personas_with_{k}_trials"] = len(usable)
    return out


def alignment_by_category(records: Iterable[Mapping[str, Any]], *, seed: int = 0) -> dict[str, dict[str, Any]]:
    """Decision alignment per category and overall, with bootstrap CIs and the label breakdown."""
    values: dict[str, list[float]] = defaultdict(list)
    labels: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in records:
        score = find_score(r, "decision_alignment")
        if score is None or score.get("value") is None:
            continue
        for key in (str(r.get("category")), "overall"):
            values[key].append(float(score["value"]))
            labels[key][score.get("label") or "?"] += 1
    out = {}
    for key, xs in values.items():
        est = bootstrap_mean(xs, seed=seed)
        assert est is not None
        out[key] = {"mean": est.mean, "ci": [est.low, est.high], "n": est.n, "labels": dict(labels[key])}
    return out


def paper_table(runs: Mapping[str, Sequence[Mapping[str, Any]]]) -> str:
    """Markdown table: one row per run (e.g. per shopper model), one column per category plus overall."""
    tables = {name: alignment_by_category(records) for name, records in runs.items()}
    categories = sorted({c for t in tables.values() for c in t if c != "overall"})
    head = ["run", *categories, "overall"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, table in tables.items():
        cells = [f"{100 * table[c]['mean']:.1f}" if c in table else "–" for c in [*categories, "overall"]]
        lines.append("| " + " | ".join([name, *cells]) + " |")
    return "\n".join(lines)
