"""LLM judges with scripted models, and the evaluator adapters' shape."""

from __future__ import annotations

import asyncio
import json

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from langgraph_salessim import Persona
from langgraph_salessim.conversation import Conversation, Turn
from langgraph_salessim.evaluators import create_evaluator
from langgraph_salessim.llm_judges import create_llm_judges, llm_judge_score
from tests.fakes import ScriptedChatModel

PERSONA = Persona(uuid="j", name="Bea", age=61, category="laptop", dealbreakers="Must be under $700.",
                  knowledge_level="Knows little about laptops.", acceptable_products=["a"],
                  big_five={"openness": "High", "conscientiousness": "Low", "extraversion": "Neutral"})
CONV = Conversation(turns=[Turn("Salesperson", "Hello!", 0), Turn("Shopper", "Something under $700 please.", 1)],
                    outcome="ended_by_shopper", persona=PERSONA, category="laptop", acceptable=["a"])


def yes(v: bool) -> AIMessage:
    return AIMessage(content=json.dumps({"reasoning": "because", "verdict": v}))


def judge(model, kind, **kw):
    return asyncio.run(llm_judge_score(CONV, model, kind=kind, **kw))


def test_valid_verdicts_aggregate_by_mode() -> None:
    model = ScriptedChatModel(script=[yes(True), yes(False), yes(True)])
    score = judge(model, "dealbreakers", samples=3)
    assert score["value"] == 1.0 and score["details"]["samples"] == [1.0, 0.0, 1.0]
    prompt = model.received[0][1].content
    assert "Must be under $700." in prompt and "Shopper: Something under $700 please." in prompt


def test_ties_go_to_the_lower_score() -> None:
    score = judge(ScriptedChatModel(script=[yes(True), yes(False)]), "comprehension", samples=2)
    assert score["value"] == 0.0


def test_malformed_then_valid_is_retried() -> None:
    model = ScriptedChatModel(script=[AIMessage(content="I think yes!"),
                                      AIMessage(content='Sure: {"reasoning": "ok", "verdict": true} done')])
    score = judge(model, "decision", samples=1, retries=2)
    assert score["value"] == 1.0 and model.calls == 2


def test_always_malformed_is_unscored_with_the_reason() -> None:
    model = ScriptedChatModel(script=[AIMessage(content="yes")] * 6)
    score = judge(model, "decision", samples=2, retries=2)
    assert score["value"] is None and score["label"] == "unscored"
    assert "unreadable verdict" in score["comment"] and model.calls == 6


def test_big_five_scores_one_minus_distance_over_gold_traits() -> None:
    rated = {"reasoning": "r", "openness": "High", "conscientiousness": "Neutral", "extraversion": "Low",
             "agreeableness": "High", "neuroticism": "Low"}
    score = judge(ScriptedChatModel(script=[AIMessage(content=json.dumps(rated))]), "big_five", samples=1)
    assert score["value"] == pytest.approx((1 + 0.5 + 0.5) / 3)  # agreeableness/neuroticism have no gold
    nobody = Conversation(turns=[], outcome="ended_by_shopper", persona=PERSONA.model_copy(update={"big_five": None}))
    unscored = asyncio.run(llm_judge_score(nobody, ScriptedChatModel(script=[]), kind="big_five"))
    assert unscored["value"] is None


def test_llm_judges_are_graph_judges() -> None:
    [j] = create_llm_judges(ScriptedChatModel(script=[yes(True)]), kinds=["dealbreakers"], samples=1)
    state = {"persona": PERSONA.model_dump(mode="json"), "outcome": "ended_by_shopper", "turn": 1,
             "messages": [AIMessage(content="Hello!"), HumanMessage(content="Under $700.")]}
    assert j.name == "llm_dealbreakers" and asyncio.run(j.fn(state))["value"] == 1.0


def test_evaluator_shape_on_graph_output_record_and_trajectory() -> None:
    evaluator = create_evaluator("first_turn_criteria")
    graph_output = {"messages": [AIMessage(content="Hello!"), HumanMessage(content="Anything under $700?")],
                    "outcome": "ended_by_shopper", "turn": 1}
    result = evaluator(inputs={"persona": PERSONA.model_dump(mode="json")}, outputs=graph_output)
    assert set(result) == {"key", "score", "comment"} and result["key"] == "first_turn_criteria"
    assert result["score"] == 1.0
    trajectory = [{"role": "assistant", "content": "Hi!"}, {"role": "user", "content": "Need one under $700."},
                  {"role": "assistant", "content": "Sure."}, {"role": "user", "content": "Thanks."}]
    turns = create_evaluator("num_turns")(inputs={}, outputs=trajectory, reference_outputs={"persona": PERSONA})
    assert turns == {"key": "num_turns", "score": 2.0, "comment": None}
    record = {"conversation": [{"speaker": "Salesperson", "text": "Hi"}, {"speaker": "Shopper", "text": "Bye"}],
              "outcome": "ended_by_shopper", "ideal_recommendation_ids": []}
    da = create_evaluator("decision_alignment")(inputs={}, outputs=record)
    assert da["score"] == 0.0 and da["comment"] == "label: premature_ending"


def test_llm_variants_of_first_turn_criteria_and_complete_sentences() -> None:
    count = AIMessage(content=json.dumps({"reasoning": "r", "count": 2}))
    assert judge(ScriptedChatModel(script=[count]), "first_turn_criteria", samples=1)["value"] == 2.0
    frac = AIMessage(content=json.dumps({"reasoning": "r", "count": 1, "total": 4}))
    assert judge(ScriptedChatModel(script=[frac]), "complete_sentences", samples=1)["value"] == 0.25
    impossible = AIMessage(content=json.dumps({"reasoning": "r", "count": 5, "total": 4}))
    score = judge(ScriptedChatModel(script=[impossible]), "complete_sentences", samples=1)
    assert score["value"] is None  # a count above its total is not a fraction
