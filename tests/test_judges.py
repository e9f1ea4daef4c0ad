"""Decision alignment: the eight cases of DESIGN §6, and the judge over graph state."""

from __future__ import annotations

import asyncio

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from langgraph_salessim import Persona, classify_decision, decision_alignment
from langgraph_salessim.judges import Judge, run_judge

A = ["good-1", "good-2"]


@pytest.mark.parametrize(
    ("acceptable", "recommended", "bought", "purchased", "first_turn", "label"),
    [
        (A, ["good-1"], True, "good-1", True, "premature_ending"),
        (A, [], False, None, True, "premature_ending"),
        ([], ["bad-1"], True, "bad-1", False, "overly_lenient"),
        (A, ["good-1"], True, "bad-9", False, "hallucinated_purchase"),
        (A, ["good-1"], True, None, False, "hallucinated_purchase"),
        (A, ["good-1", "bad-1"], True, "bad-1", False, "chose_wrong_product"),
        (A, ["bad-1"], True, "bad-1", False, "overly_lenient"),
        (A, ["bad-1", "good-2"], True, "good-2", False, "correct_accept"),
        (A, ["bad-1"], False, None, False, "correct_reject"),
        ([], ["bad-1"], False, None, False, "correct_reject"),
        (A, ["good-2"], False, None, False, "too_stringent"),
    ],
)
def test_classify_decision_cases(acceptable, recommended, bought, purchased, first_turn, label) -> None:
    assert classify_decision(acceptable=acceptable, recommended=recommended, bought=bought,
                             purchased=purchased, decided_in_first_turn=first_turn) == label


def _state(**kw):
    persona = Persona(uuid="u", name="N", age=30, category="laptop", acceptable_products=A)
    messages = [AIMessage(content="Hello!"), HumanMessage(content="Hi."), AIMessage(content="**Bad One**"),
                HumanMessage(content="No."), AIMessage(content="**Good One**"), HumanMessage(content="Yes.")]
    base = {"persona": persona.model_dump(mode="json"), "outcome": "accepted", "turn": 3, "messages": messages,
            "recommended": [{"turn": 1, "product_ids": ["bad-1"], "mentions": [], "unmatched": []},
                            {"turn": 2, "product_ids": ["good-1"], "mentions": [], "unmatched": []}],
            "purchase": {"name": "Good One", "product_id": "good-1"}}
    return {**base, **kw}


def test_judge_uses_all_turns_recommendations_and_reports_its_sets() -> None:
    score = decision_alignment(_state())
    assert (score["value"], score["label"]) == (1.0, "correct_accept")
    assert score["details"]["recommended"] == ["bad-1", "good-1"]
    assert score["details"]["recommended_acceptable"] == ["good-1"]


def test_max_turns_counts_as_not_buying() -> None:
    score = decision_alignment(_state(outcome="max_turns_reached", purchase=None))
    assert (score["value"], score["label"]) == (0.0, "too_stringent")


@pytest.mark.parametrize(("state_kw", "label"), [
    ({"outcome": "error"}, "error"),
    ({"outcome": None}, "unfinished"),
    ({"persona": Persona(uuid="u", name="N", age=30, category="laptop").model_dump(mode="json")}, "no_ground_truth"),
])
def test_unscorable_conversations_are_unscored_not_zero(state_kw, label) -> None:
    score = decision_alignment(_state(**state_kw))
    assert score["value"] is None and score["label"] == label and score["comment"]


def test_a_crashing_judge_becomes_an_unscored_score() -> None:
    def broken(state):
        raise KeyError("persona")

    [score] = asyncio.run(run_judge(Judge(name="broken", fn=broken), {}))
    assert score["name"] == "broken" and score["value"] is None
    assert score["label"] == "judge_error" and "KeyError" in score["comment"]
