"""Rewards on hand-written records: decision cases, closeness to the human means, weights, None, TRL adapters."""

from __future__ import annotations

import json
from typing import Any

import pytest
from langchain_core.messages import AIMessage

from langgraph_salessim import Catalog, Constraint, Persona, resolve_ground_truth
from langgraph_salessim.conversation import from_record
from langgraph_salessim.rewards import (
    DEFAULT_WEIGHTS,
    HUMAN_REFERENCE,
    as_trl_reward,
    closeness,
    combined_reward,
    complete_sentence_reward,
    conversation_from_chat,
    decision_alignment_reward,
    disclosure_turn_rewards,
    first_turn_reward,
    format_reward,
    gradual_disclosure_reward,
    no_premature_ending_reward,
    reward_components,
)

XPS = "Dell XPS 13 Plus Intel Core i7 16GB 512GB"  # lt-003 in the small catalog
CONSTRAINTS = [Constraint(attribute="ram_gb", operator=">=", value=16).model_dump(),
               Constraint(attribute="os", operator="==", value="Windows").model_dump(),
               Constraint(attribute="price", operator="<=", value=1400).model_dump()]
OPENING = "I need Windows."  # one criterion, one complete sentence


def make_record(
    shopper: list[str],
    *,
    recommended: list[list[str]] | None = None,
    outcome: str | None = "ended_by_shopper",
    purchase: str | None = None,
    acceptable: list[str] | None = ("lt-003", "lt-004"),  # type: ignore[assignment]
    leaks: tuple[int, ...] = (),
    constraints: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A record in our results format: greeting, then shopper / salesperson turns alternating."""
    recs = recommended or []
    turns: list[dict[str, Any]] = [{"speaker": "Salesperson", "text": "Hello! What are you looking for?", "turn": 0}]
    for i, text in enumerate(shopper):
        last = i == len(shopper) - 1
        action = "message"
        if last and outcome == "accepted":
            action = "add_to_cart"
        elif last and outcome == "ended_by_shopper":
            action = "end_conversation"
        turns.append({"speaker": "Shopper", "text": text, "turn": len(turns), "shopper_action": action,
                      "format_leak": i in leaks})
        if not last:
            ids = recs[i] if i < len(recs) else []
            turns.append({"speaker": "Salesperson", "text": "Here you go: " + ", ".join(f"**{p}**" for p in ids),
                          "turn": len(turns), "recommended_ids": ids})
    return {
        "conversation_id": "c-1", "persona_id": "p-1", "persona_hash": "h-1", "category": "laptop",
        "shopper_persona": {"name": "Mara Quill", "age": 41, "budget": 1400},
        "shopper_preferences": {"preferences": "Prefers a light machine.",
                                "dealbreakers": "Needs 16GB of RAM and Windows.",
                                "constraints": CONSTRAINTS if constraints is None else constraints},
        "ideal_recommendation_ids": None if acceptable is None else list(acceptable),
        "conversation": turns, "outcome": outcome,
        "purchase": {"name": purchase, "product_id": purchase} if purchase else None,
    }


DECISION_CASES = {
    "premature_ending": (make_record(["Sold, the XPS."], outcome="accepted", purchase="lt-003"), 0.0),
    "overly_lenient_nothing_fits": (
        make_record([OPENING, "I'll take it."], recommended=[["lt-001"]], outcome="accepted", purchase="lt-001",
                    acceptable=[]), 0.0),
    "hallucinated_purchase": (
        make_record([OPENING, "I'll take it."], recommended=[["lt-003"]], outcome="accepted", purchase="lt-004"),
        0.0),
    "chose_wrong_product": (
        make_record([OPENING, "I'll take it."], recommended=[["lt-001", "lt-003"]], outcome="accepted",
                    purchase="lt-001"), 0.0),
    "overly_lenient_none_recommended": (
        make_record([OPENING, "I'll take it."], recommended=[["lt-001"]], outcome="accepted", purchase="lt-001"),
        0.0),
    "correct_accept": (
        make_record([OPENING, "I'll take it."], recommended=[["lt-003"]], outcome="accepted", purchase="lt-003"),
        1.0),
    "correct_reject": (make_record([OPENING, "No thanks."], recommended=[["lt-001"]]), 1.0),
    "too_stringent": (make_record([OPENING, "No thanks."], recommended=[["lt-003"]]), 0.0),
}


@pytest.mark.parametrize("case", list(DECISION_CASES))
def test_decision_alignment_reward_for_each_case(case: str) -> None:
    record, expected = DECISION_CASES[case]
    assert decision_alignment_reward(record) == expected
    assert decision_alignment_reward(json.dumps(record)) == expected  # a JSON line works too
    assert decision_alignment_reward(from_record(record)) == expected  # and a Conversation


@pytest.mark.parametrize("record", [
    make_record([OPENING, "Oops."], outcome="error"),
    make_record([OPENING, "No thanks."], acceptable=None),  # no ground truth (e.g. v0)
    make_record([OPENING, "Hmm."], outcome=None),  # unfinished
])
def test_unscorable_decisions_are_none_not_a_default(record: dict[str, Any]) -> None:
    assert decision_alignment_reward(record) is None
    assert combined_reward(record) is None  # decision alignment is required
    assert combined_reward(record, missing="zero") is None


def test_closeness_at_and_away_from_the_reference() -> None:
    assert closeness(2.99, 2.99) == 1.0
    assert closeness(0.0, 2.99) == 0.0
    assert closeness(6.5, 2.99) == 0.0  # clipped at 0
    assert closeness(1.0, 2.0) == closeness(3.0, 2.0) == 0.5
    with pytest.raises(ValueError):
        closeness(1.0, 0.0)


def test_first_turn_reward_counts_criteria_against_the_human_mean() -> None:
    three = make_record(["I need Windows with 16GB of RAM for under $1400.", "Bye."])
    one = make_record([OPENING, "Bye."])
    none = make_record(["hello there", "Bye."])
    assert first_turn_reward(three) == pytest.approx(1 - 0.01 / 2.99)
    assert first_turn_reward(one) == pytest.approx(1 - 1.99 / 2.99)
    assert first_turn_reward(none) == 0.0
    assert first_turn_reward(three, reference=3.0) == 1.0
    assert first_turn_reward(make_record([OPENING, "Bye."], constraints=[])) is not None  # free-text criteria
    assert first_turn_reward(make_record([], outcome="error")) is None  # the shopper never spoke


def test_complete_sentence_reward_against_the_human_mean() -> None:
    third = make_record(["I need a laptop. cheap one", "Bye."])  # 1 of 3 sentences complete
    assert complete_sentence_reward(third) == pytest.approx(1 - abs(1 / 3 - 0.37) / 0.37)
    assert complete_sentence_reward(third, reference=1 / 3) == pytest.approx(1.0)
    assert complete_sentence_reward(third, reference=1 / 6) == pytest.approx(0.0)
    assert complete_sentence_reward(third, reference=2 / 3) == pytest.approx(0.5)
    all_complete = make_record(["I need a laptop.", "I will look elsewhere."])
    assert complete_sentence_reward(all_complete) == 0.0  # 1.0 is more than twice 0.37 away
    assert complete_sentence_reward(all_complete, reference=1.0) == 1.0
    assert complete_sentence_reward(make_record([], outcome="error")) is None


def test_format_and_premature_ending_rewards() -> None:
    clean = make_record([OPENING, "No thanks."])
    leaked = make_record([OPENING, "No thanks."], leaks=(1,))
    assert (format_reward(clean), format_reward(leaked)) == (1.0, 0.0)
    assert no_premature_ending_reward(clean) == 1.0
    assert no_premature_ending_reward(DECISION_CASES["premature_ending"][0]) == 0.0
    assert no_premature_ending_reward(make_record([OPENING], outcome="error")) is None


def test_per_turn_disclosure_shaping() -> None:
    record = make_record(["I need Windows with 16GB of RAM for under $1400.", "Windows, remember.", "Bye."])
    assert disclosure_turn_rewards(record) == [0.0, 1.0, 1.0]  # 3 new, then nothing new
    assert disclosure_turn_rewards(record, max_new=3) == [1.0, 1.0, 1.0]
    assert gradual_disclosure_reward(record) == pytest.approx(2 / 3)
    gradual = make_record([OPENING, "And 16GB of RAM.", "Under $1400 please."])
    assert disclosure_turn_rewards(gradual) == [1.0, 1.0, 1.0]


def test_weights_combine_as_a_weighted_mean() -> None:
    record = make_record([OPENING, "No thanks."], recommended=[["lt-001"]], leaks=(1,))  # aligned, leaked
    assert combined_reward(record, weights={"decision_alignment": 1.0, "format": 1.0}) == 0.5
    assert combined_reward(record, weights={"decision_alignment": 3.0, "format": 1.0}) == 0.75
    parts = reward_components(record)
    expected = sum(w * parts[n] for n, w in DEFAULT_WEIGHTS.items()) / sum(DEFAULT_WEIGHTS.values())  # type: ignore
    assert combined_reward(record) == pytest.approx(expected)
    with pytest.raises(ValueError):
        combined_reward(record, weights={"nope": 1.0})
    with pytest.raises(ValueError):
        combined_reward(record, weights={"format": -1.0})


def test_any_aligned_conversation_outranks_any_misaligned_one_with_default_weights() -> None:
    for record, aligned in DECISION_CASES.values():
        value = combined_reward(record)
        assert value is not None
        assert value >= 2 / 3 if aligned else value <= 1 / 3


def test_missing_components_skip_zero_or_none() -> None:
    record = make_record([OPENING, "No thanks."], recommended=[["lt-001"]], constraints=[])
    record["shopper_preferences"].update(preferences="", dealbreakers="")  # no criteria: first turn unscorable
    assert reward_components(record)["first_turn_criteria"] is None
    weights = {"decision_alignment": 1.0, "first_turn_criteria": 1.0}
    assert combined_reward(record, weights=weights) == 1.0  # skipped: the mean of the rest
    assert combined_reward(record, weights=weights, missing="zero") == 0.5
    assert combined_reward(record, weights=weights, missing="none") is None


def test_reference_means_can_come_from_the_human_features() -> None:
    record = make_record(["I need Windows with 16GB of RAM for under $1400.", "Bye."])
    ref = {**HUMAN_REFERENCE, "first_turn_criteria": 3.0}
    assert reward_components(record, reference=ref)["first_turn_criteria"] == 1.0


def test_trl_adapter_reads_records_from_a_column() -> None:
    good, bad = DECISION_CASES["correct_accept"][0], DECISION_CASES["too_stringent"][0]
    error = make_record([OPENING], outcome="error")
    fn = as_trl_reward(decision_alignment_reward)
    assert fn.__name__ == "decision_alignment_reward"
    out = fn(prompts=["p"] * 4, completions=["c"] * 4, record=[good, json.dumps(bad), from_record(good), error])
    assert out == [1.0, 0.0, 1.0, None]
    assert as_trl_reward(decision_alignment_reward, missing=0.0)(
        prompts=["p"], completions=["c"], record=[error]) == [0.0]
    combined = as_trl_reward(combined_reward, name="salessim")
    assert combined.__name__ == "salessim"
    values = combined(prompts=[[]] * 2, completions=[[]] * 2, record=[good, bad])
    assert len(values) == 2 and values[0] > values[1]  # type: ignore[operator]


def _persona(catalog: Catalog) -> Persona:
    return resolve_ground_truth(Persona(
        uuid="p-1", name="Mara Quill", age=41, category="laptop", budget=1400,
        constraints=[Constraint.model_validate(c) for c in CONSTRAINTS]), catalog)


def test_trl_adapter_scores_a_transcript_completion(small_catalog: Catalog) -> None:
    persona = _persona(small_catalog)
    prompt = [{"role": "system", "content": "You are Mara."},
              {"role": "user", "content": "Hello! What are you looking for?"},
              {"role": "assistant", "content": OPENING},
              {"role": "user", "content": f"Try the **{XPS}**."}]
    call = {"name": "add_to_cart", "arguments": json.dumps({"product": XPS})}
    tool_calls = [{"id": "c1", "type": "function", "function": call}]
    buy = [{"role": "assistant", "content": "Great.", "tool_calls": tool_calls}]
    leave_as_text = [{"role": "assistant", "content": "No thanks. end_conversation()"}]
    fn = as_trl_reward(decision_alignment_reward, catalog=small_catalog)
    kwargs = {"persona": [persona.model_dump(mode="json")] * 3}
    out = fn(prompts=[prompt] * 3, completions=[buy, leave_as_text, [{"role": "assistant", "content": "Hm?"}]],
             **kwargs)
    assert out == [1.0, 0.0, None]  # correct accept, too stringent (XPS fits), unfinished
    fmt = as_trl_reward(format_reward)(prompts=[prompt] * 2, completions=[buy, leave_as_text])
    assert fmt == [1.0, 0.0]  # the call written as text is a formatting leak
    conv = conversation_from_chat([*prompt, *buy], persona=persona, catalog=small_catalog)
    assert (conv.outcome, conv.purchase_id, conv.recommended) == ("accepted", "lt-003", ["lt-003"])
    capped = conversation_from_chat([AIMessage(content="Hi."), AIMessage(content="Hm.")], max_turns=2)
    assert capped.outcome == "max_turns_reached" and len(capped.shopper_turns) == 2
