"""Summaries of a set of results records: outcomes, decision alignment, sales-agent figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from langgraph_salessim.repeatability import paper_table, repeatability
from langgraph_salessim.state import find_score


def summarize(records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Headline figures of a run.

    Decision alignment is aligned / graded over conversations the judge scored;
    conversations that ended in an error are excluded and counted separately, and so are
    those whose persona has no ground truth. The sales agent's acceptable-recommendation
    rate is over conversations whose persona has at least one acceptable product.
    """
    records = list(records)
    outcomes = Counter(r.get("outcome") or "unknown" for r in records)
    labels: Counter[str] = Counter()
    aligned = graded = 0
    unscored: Counter[str] = Counter()
    for r in records:
        s = find_score(r, "decision_alignment")
        if s is None:
            unscored["no decision_alignment score"] += 1
        elif s.get("value") is None:
            unscored[s.get("label") or "unscored"] += 1
        else:
            graded += 1
            aligned += int(s["value"] == 1.0)
            labels[s["label"]] += 1
    feasible = [r for r in records if r.get("ideal_recommendation_ids") and r.get("outcome") != "error"]
    hits = sum(1 for r in feasible if set(r["ideal_recommendation_ids"]) & set(r.get("recommended_ids", [])))
    return {
        "conversations": len(records),
        "outcomes": dict(outcomes),
        "decision_alignment": aligned / graded if graded else None,
        "graded": graded,
        "labels": dict(labels),
        "unscored": dict(unscored),
        "errors": outcomes.get("error", 0),
        "acceptable_recommended_rate": hits / len(feasible) if feasible else None,
        "feasible_conversations": len(feasible),
    }


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def format_summary(summary: Mapping[str, Any]) -> str:
    """The summary as plain text for terminals and CI logs."""
    lines = [f"conversations: {summary['conversations']}"]
    lines.append("outcomes: " + ", ".join(f"{k}={v}" for k, v in sorted(summary["outcomes"].items())))
    lines.append(f"decision alignment: {_pct(summary['decision_alignment'])} "
                 f"({summary['graded']} graded, {summary['errors']} errors excluded)")
    for label, n in sorted(summary["labels"].items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {label}: {n}")
    if summary["unscored"]:
        lines.append("unscored: " + ", ".join(f"{k}={v}" for k, v in sorted(summary["unscored"].items())))
    lines.append(f"sales agent recommended an acceptable product: {_pct(summary['acceptable_recommended_rate'])} "
                 f"of {summary['feasible_conversations']} conversations where one exists")
    return "\n".join(lines)


def markdown_report(runs: Mapping[str, Sequence[Mapping[str, Any]]]) -> str:
    """Runs side by side: decision alignment per category, outcomes and labels, pass^k over trials."""
    lines = ["## Decision alignment (%)", "", paper_table(runs), "", "## Runs", ""]
    lines += ["| run | conversations | errors | labels | pass^1 | pass^2 | pass^3 | sales: acceptable recommended |",
              "|---|---|---|---|---|---|---|---|"]
    for name, records in runs.items():
        s = summarize(records)
        rep = repeatability(records)
        labels = ", ".join(f"{k} {v}" for k, v in sorted(s["labels"].items(), key=lambda kv: -kv[1]))
        passes = [f"{rep[f'pass^{k}']:.3f}" if rep[f"pass^{k}"] is not None else "–" for k in (1, 2, 3)]
        lines.append(f"| {name} | {s['conversations']} | {s['errors']} | {labels} | " + " | ".join(passes)
                     + f" | {_pct(s['acceptable_recommended_rate'])} |")
    return "\n".join(lines)
