"""Judges run when a conversation ends; the decision-alignment judge (DESIGN §6)."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from langgraph_salessim.conversation import Conversation, from_state
from langgraph_salessim.state import Score

DecisionLabel = Literal[
    "premature_ending",
    "overly_lenient",
    "hallucinated_purchase",
    "chose_wrong_product",
    "correct_accept",
    "correct_reject",
    "too_stringent",
]
"""The eight decision cases of DESIGN §6 (two of which share `overly_lenient`)."""

ALIGNED_LABELS = frozenset({"correct_accept", "correct_reject"})

JudgeFn = Callable[[Mapping[str, Any]], "Score | list[Score] | Awaitable[Score | list[Score]]"]


@dataclass(frozen=True)
class Judge:
    """A named scoring function over a finished conversation's state.

    Attributes:
        name: unique name; the graph node is `judge_<name>`.
        fn: takes the state (a mapping) and returns one or several scores, sync or async.
    """

    name: str
    fn: JudgeFn


async def run_judge(judge: Judge, state: Mapping[str, Any]) -> list[Score]:
    """Run a judge; an exception becomes an unscored `Score` that says why, never a 0 or 1."""
    try:
        out = judge.fn(state)
        if inspect.isawaitable(out):
            out = await out
    except Exception as err:  # a broken judge must not lose the conversation
        return [Score(name=judge.name, value=None, label="judge_error", details={},
                      comment=f"{type(err).__name__}: {err}")]
    return list(out) if isinstance(out, list) else [out]


def classify_decision(
    *,
    acceptable: Sequence[str],
    recommended: Sequence[str],
    bought: bool,
    purchased: str | None,
    decided_in_first_turn: bool,
) -> DecisionLabel:
    """Classify a shopper's decision with the case table of DESIGN §6, checked in order.

    Args:
        acceptable: ids of the persona's acceptable products (A).
        recommended: ids of products the salesperson recommended (R).
        bought: whether the shopper added a product to the cart.
        purchased: id of the purchased product matched to the catalog, or None when it
            matched no product.
        decided_in_first_turn: the shopper bought or left in its first turn.
    """
    a, r = set(acceptable), set(recommended)
    if decided_in_first_turn:
        return "premature_ending"
    if bought:
        if not a:
            return "overly_lenient"
        if purchased is None or purchased not in r:
            return "hallucinated_purchase"
        if purchased not in a:
            return "chose_wrong_product" if r & a else "overly_lenient"
        return "correct_accept"
    return "too_stringent" if r & a else "correct_reject"


def decision_alignment(state: Mapping[str, Any]) -> Score:
    """Score whether the shopper's decision in a graph state follows its persona (1 aligned, 0 not)."""
    return decision_alignment_of(from_state(state))


def decision_alignment_of(conv: Conversation) -> Score:
    """Score whether the shopper's decision follows its persona (1 aligned, 0 not).

    Conversations that ended in an error, or whose persona has no ground truth, are
    returned unscored (`value` None) with the reason.
    """
    recommended = conv.recommended
    details: dict[str, Any] = {
        "acceptable": conv.acceptable,
        "recommended": recommended,
        "purchase": {"name": conv.purchase_name, "product_id": conv.purchase_id} if conv.bought else None,
        "outcome": conv.outcome,
    }
    if conv.outcome == "error":
        return Score(name="decision_alignment", value=None, label="error", details=details,
                     comment="conversation ended in an error; excluded from decision alignment")
    if conv.outcome is None:
        return Score(name="decision_alignment", value=None, label="unfinished", details=details,
                     comment="conversation has not ended")
    if conv.acceptable is None:
        return Score(name="decision_alignment", value=None, label="no_ground_truth", details=details,
                     comment="persona has no acceptable_products; decision alignment needs ground truth")
    label = classify_decision(
        acceptable=conv.acceptable,
        recommended=recommended,
        bought=conv.bought,
        purchased=conv.purchase_id if conv.bought else None,
        decided_in_first_turn=conv.decided_in_first_turn,
    )
    details["recommended_acceptable"] = sorted(set(recommended) & set(conv.acceptable))
    return Score(name="decision_alignment", value=1.0 if label in ALIGNED_LABELS else 0.0, label=label,
                 details=details)


def create_decision_alignment_judge(*, name: str = "decision_alignment") -> Judge:
    """Create the decision-alignment judge node for `create_salessim_graph(judges=[...])`.

    Args:
        name: the judge's (and score's) name.

    Returns:
        A `Judge` wrapping `decision_alignment`.
    """
    if name == "decision_alignment":
        return Judge(name=name, fn=decision_alignment)

    def renamed(state: Mapping[str, Any]) -> Score:
        return {**decision_alignment(state), "name": name}  # type: ignore[return-value]

    return Judge(name=name, fn=renamed)
