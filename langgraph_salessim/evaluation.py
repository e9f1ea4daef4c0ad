"""The metric suite: per-conversation scores, corpus figures with CIs, and the human comparison."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.conversation import Conversation, from_state
from langgraph_salessim.corpus import Estimate, bootstrap_mean, distinct_n, mean_similarity_to_others
from langgraph_salessim.judges import Judge, decision_alignment_of
from langgraph_salessim.quality import (
    complete_sentence_fraction,
    first_turn_criteria,
    format_leaks,
    persuasion_drift,
    premature_ending,
    shopper_turn_count,
)
from langgraph_salessim.sales_metrics import (
    acceptable_recommended,
    dealbreaker_violations,
    invented_products,
    sold,
    turns_to_acceptable,
)
from langgraph_salessim.state import Score

Metric = Callable[[Conversation, Catalog | None], Score]

METRICS: dict[str, Metric] = {
    "decision_alignment": lambda c, _: decision_alignment_of(c),
    "first_turn_criteria": lambda c, _: first_turn_criteria(c),
    "complete_sentences": lambda c, _: complete_sentence_fraction(c),
    "num_turns": lambda c, _: shopper_turn_count(c),
    "format_leaks": lambda c, _: format_leaks(c),
    "premature_ending": lambda c, _: premature_ending(c),
    "persuasion_drift": lambda c, _: persuasion_drift(c),
    "acceptable_recommended": lambda c, _: acceptable_recommended(c),
    "sold": lambda c, _: sold(c),
    "invented_products": lambda c, _: invented_products(c),
    "dealbreaker_violations": dealbreaker_violations,
    "turns_to_acceptable": lambda c, _: turns_to_acceptable(c),
}
"""Deterministic per-conversation metrics by name."""

HUMAN_FIELDS: dict[str, str] = {
    "first_turn_criteria": "criterias_mentioned_first_turn",
    "complete_sentences": "complete_sentences",
    "num_turns": "num_turns",
    "lexical_similarity": "avg_tfidf_similarity",
    **{f"lexical_similarity_turn_{k}": f"tfidf_turn_{k}" for k in range(4)},
}
"""Our metric names and the fields of SalesSim's released human dialogue features."""


def score_conversation(conv: Conversation, *, catalog: Catalog | None = None,
                       metrics: Sequence[str] | None = None) -> list[Score]:
    """Every requested metric (all by default) for one conversation."""
    names = list(metrics) if metrics is not None else list(METRICS)
    unknown = [n for n in names if n not in METRICS]
    if unknown:
        raise ValueError(f"unknown metrics {unknown}; available: {sorted(METRICS)}")
    return [METRICS[n](conv, catalog) for n in names]


def create_metric_judges(*, catalog: Catalog | None = None, metrics: Sequence[str] | None = None) -> list[Judge]:
    """Judge nodes for `create_salessim_graph(judges=...)`, one per metric (all by default).

    Args:
        catalog: the catalog, for metrics that check products (dealbreaker violations).
        metrics: metric names (see `METRICS`).

    Returns:
        One `Judge` per metric, each appending its score to the state's `scores`.

    Example:
        >>> graph = create_salessim_graph(judges=create_metric_judges(catalog=catalog))  # doctest: +SKIP
    """
    names = list(metrics) if metrics is not None else list(METRICS)
    score_conversation(Conversation(turns=[], outcome=None), metrics=names)  # validates the names early

    def judge(name: str) -> Judge:
        return Judge(name=name, fn=lambda state: METRICS[name](from_state(state), catalog))

    return [judge(n) for n in names]


def lexical_similarity(convs: Sequence[Conversation]) -> list[dict[str, float | None]]:
    """Per conversation: mean TF-IDF cosine similarity of its shopper text to its category's others.

    Overall (`lexical_similarity`) and for shopper turns 0–3 (`lexical_similarity_turn_<k>`).
    """
    out: list[dict[str, float | None]] = [{} for _ in convs]
    by_category: dict[str | None, list[int]] = defaultdict(list)
    for i, c in enumerate(convs):
        by_category[c.category].append(i)
    for members in by_category.values():
        texts = [" ".join(t.text for t in convs[i].shopper_turns) for i in members]
        for i, sim in zip(members, mean_similarity_to_others(texts), strict=True):
            out[i]["lexical_similarity"] = sim
        for k in range(4):
            having = [i for i in members if len(convs[i].shopper_turns) > k]
            sims = mean_similarity_to_others([convs[i].shopper_turns[k].text for i in having])
            for i, sim in zip(having, sims, strict=True):
                out[i][f"lexical_similarity_turn_{k}"] = sim
    return out


def load_human_reference(path: str | Path) -> dict[str, float]:
    """Means of SalesSim's released per-dialogue human features, under our metric names."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = list(data.values()) if isinstance(data, dict) else list(data)
    means: dict[str, float] = {}
    for ours, field in HUMAN_FIELDS.items():
        xs = [float(r[field]) for r in rows if isinstance(r, Mapping) and r.get(field) is not None]
        if xs:
            means[ours] = sum(xs) / len(xs)
    if not means:
        raise ValueError(f"{path}: no known human feature fields ({sorted(HUMAN_FIELDS.values())})")
    return means


def corpus_summary(scored: Sequence[tuple[Conversation, list[Score]]], *, seed: int = 0,
                   human: Mapping[str, float] | None = None) -> dict[str, Any]:
    """Mean and bootstrap CI of every metric, lexical similarity and distinct-n, with human differences."""
    values: dict[str, list[float]] = defaultdict(list)
    unscored: dict[str, int] = defaultdict(int)
    for _, scores in scored:
        for s in scores:
            if s["value"] is None:
                unscored[s["name"]] += 1
            else:
                values[s["name"]].append(float(s["value"]))
    for sims in lexical_similarity([c for c, _ in scored]):
        for name, v in sims.items():
            if v is not None:
                values[name].append(v)
    shopper_texts = [t.text for c, _ in scored for t in c.shopper_turns]
    estimates: dict[str, Estimate | None] = {n: bootstrap_mean(v, seed=seed) for n, v in values.items()}
    rows: dict[str, dict[str, Any]] = {}
    for name, est in estimates.items():
        if est is None:
            continue
        row: dict[str, Any] = {"mean": est.mean, "ci": [est.low, est.high], "n": est.n,
                               "unscored": unscored.get(name, 0)}
        if human and name in human:
            row["human"] = human[name]
            row["difference"] = est.mean - human[name]
        rows[name] = row
    return {"conversations": len(scored), "metrics": rows,
            "distinct_1": distinct_n(shopper_texts, 1), "distinct_2": distinct_n(shopper_texts, 2),
            "unscored_only": sorted(n for n in unscored if n not in rows)}


def format_corpus_summary(summary: Mapping[str, Any]) -> str:
    """The corpus summary as a plain-text table."""
    lines = [f"conversations: {summary['conversations']}",
             f"{'metric':32} {'mean':>8} {'95% CI':>19} {'n':>5}  {'human':>7} {'diff':>8}"]
    for name, r in summary["metrics"].items():
        human = f"{r['human']:7.3f} {r['difference']:+8.3f}" if "human" in r else ""
        extra = f"  ({r['unscored']} unscored)" if r["unscored"] else ""
        lines.append(f"{name:32} {r['mean']:8.3f} [{r['ci'][0]:7.3f}, {r['ci'][1]:7.3f}] {r['n']:5d}  {human}{extra}")
    for k in ("distinct_1", "distinct_2"):
        if summary.get(k) is not None:
            lines.append(f"{k:32} {summary[k]:8.3f}")
    if summary.get("unscored_only"):
        lines.append("never scored: " + ", ".join(summary["unscored_only"]))
    return "\n".join(lines)
