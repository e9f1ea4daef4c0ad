"""Per-conversation metrics of the sales agent: did it serve the shopper, and how."""

from __future__ import annotations

import re

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.constraints import Constraint
from langgraph_salessim.conversation import Conversation
from langgraph_salessim.criteria import criterion_for, mentions
from langgraph_salessim.matching import mask_names
from langgraph_salessim.state import Score, make_score

LOOK_ELSEWHERE = re.compile(
    r"look elsewhere|somewhere else|another (?:store|retailer|shop)|(?:don't|do not) (?:have|carry)|"
    r"nothing (?:in our|we have|that (?:fits|matches))|none of our|not (?:in|part of) our (?:catalog|range)", re.I)


def acceptable_recommended(conv: Conversation) -> Score:
    """1 when the salesperson served the shopper, else 0.

    Served: it recommended an acceptable product, or, when none exists, told the shopper to
    look elsewhere.
    """
    if conv.acceptable is None:
        return make_score("acceptable_recommended", None, comment="persona has no ground truth")
    if conv.outcome == "error":
        return make_score("acceptable_recommended", None, comment="conversation ended in an error")
    if conv.acceptable:
        hit = sorted(set(conv.recommended) & set(conv.acceptable))
        return make_score("acceptable_recommended", 1.0 if hit else 0.0, recommended_acceptable=hit)
    graceful = any(LOOK_ELSEWHERE.search(t.text) for t in conv.sales_turns[1:])
    return make_score("acceptable_recommended", 1.0 if graceful else 0.0, nothing_acceptable=True,
                  told_to_look_elsewhere=graceful)


def sold(conv: Conversation) -> Score:
    """1 when the conversation ended in a purchase (the sell rate is its mean)."""
    if conv.outcome in (None, "error"):
        return make_score("sold", None, comment=f"outcome {conv.outcome!r}")
    return make_score("sold", 1.0 if conv.bought else 0.0)


def invented_products(conv: Conversation) -> Score:
    """Number of product names the salesperson recommended that match nothing in the catalog."""
    names = [n for t in conv.sales_turns for n in t.unmatched]
    return make_score("invented_products", float(len(names)), names=names)


def dealbreaker_violations(conv: Conversation, catalog: Catalog | None) -> Score:
    """Recommendations breaking a dealbreaker the shopper had already stated (count of products)."""
    if conv.persona is None or not conv.persona.constraints:
        return make_score("dealbreaker_violations", None, comment="persona has no machine-checkable dealbreakers")
    if catalog is None:
        return make_score("dealbreaker_violations", None, comment="needs the catalog")
    stated: list[Constraint] = []
    bad: list[str] = []
    names = tuple(p.name for p in catalog.products)
    for t in conv.turns:
        if t.speaker == "Shopper":
            said = mask_names(t.text, names)  # a product name the shopper quotes back states nothing
            stated += [c for c in conv.persona.constraints
                       if c not in stated and mentions(said, criterion_for(c), strict=True)]
            continue
        for pid in t.recommended:
            facts = catalog.get(pid).facts()
            if any(not c.holds(facts) for c in stated) and pid not in bad:
                bad.append(pid)
    return make_score("dealbreaker_violations", float(len(bad)), products=bad)


def turns_to_acceptable(conv: Conversation) -> Score:
    """Shopper turns before the salesperson first recommended an acceptable product."""
    if not conv.acceptable:
        return make_score("turns_to_acceptable", None, comment="no acceptable product exists or no ground truth")
    shopper_turns = 0
    for t in conv.turns:
        if t.speaker == "Shopper":
            shopper_turns += 1
        elif set(t.recommended) & set(conv.acceptable):
            return make_score("turns_to_acceptable", float(shopper_turns))
    return make_score("turns_to_acceptable", None, comment="no acceptable product was recommended")
