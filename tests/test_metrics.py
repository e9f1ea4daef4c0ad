"""Golden tests of the metric suite on hand-written conversations, TF-IDF by hand, bootstrap coverage."""

from __future__ import annotations

import json
import math
import random

import pytest

from langgraph_salessim import Catalog, Constraint, Persona, SoftConstraint
from langgraph_salessim.cli import main
from langgraph_salessim.conversation import Conversation, Turn, from_record
from langgraph_salessim.corpus import (
    bootstrap_mean,
    cosine,
    distinct_n,
    mean_similarity_to_others,
    tfidf_vectors,
)
from langgraph_salessim.evaluation import corpus_summary, create_metric_judges, load_human_reference, score_conversation
from langgraph_salessim.quality import (
    complete_sentence_fraction,
    first_turn_criteria,
    is_complete_sentence,
    persuasion_drift,
    premature_ending,
)
from langgraph_salessim.sales_metrics import (
    acceptable_recommended,
    dealbreaker_violations,
    invented_products,
    turns_to_acceptable,
)
from langgraph_salessim.vocab import Reader

PERSONA = Persona(
    uuid="m-1", name="Iris", age=52, category="laptop", budget=1400,
    constraints=[Constraint(attribute="os", operator="==", value="Windows"),
                 Constraint(attribute="ram_gb", operator=">=", value=16),
                 Constraint(attribute="color", operator="==", value="red")],
    soft_constraints=[SoftConstraint(attribute="weight_lb", operator="<=", value=3, weight=1)],
    acceptable_products=["lt-004"],
)


def conv(*texts: str, recs: dict[int, list[str]] | None = None, outcome: str = "ended_by_shopper",
         purchase: str | None = None, persona: Persona | None = PERSONA) -> Conversation:
    """Alternating turns, salesperson first; `recs` maps a salesperson turn number to product ids."""
    turns = []
    for i, text in enumerate(texts):
        speaker = "Salesperson" if i % 2 == 0 else "Shopper"
        turns.append(Turn(speaker=speaker, text=text, index=i, recommended=(recs or {}).get(i // 2, [])
                          if speaker == "Salesperson" else []))
    return Conversation(turns=turns, outcome=outcome, persona=persona, category="laptop",
                        acceptable=persona.acceptable_products if persona else None, purchase_id=purchase)


def test_first_turn_criteria_counts_distinct_criteria() -> None:
    c = conv("Hello!", "Hi, I need a Windows laptop with 16GB of RAM, nothing over $1,400, ideally light.")
    score = first_turn_criteria(c)
    # os, ram, budget (no price constraint), the weight preference; not the colour
    assert score["value"] == 4.0 and score["details"]["of"] == 5
    assert first_turn_criteria(conv("Hello!", "Hi there, just browsing."))["value"] == 0.0
    assert first_turn_criteria(conv("Hello!", ""))["value"] == 0.0
    unscored = first_turn_criteria(conv("Hello!"))
    assert unscored["value"] is None and "never spoke" in unscored["comment"]


def test_first_turn_criteria_of_an_official_persona_uses_its_free_text() -> None:
    record = {"conversation": str([{"speaker": "Salesperson", "text": "Hi", "turn": 0},
                                   {"speaker": "Shopper", "text": "I want a bigger screen under $500.", "turn": 1}]),
              "shopper_preferences": str({"What is your budget?": "$500", "What screen size?": "the bigger the better",
                                          "Do you care about gaming?": "not really into gaming"}),
              "outcome": "max_turns_reached"}
    score = first_turn_criteria(from_record(record))
    assert score["value"] == 2.0 and score["details"]["of"] == 3


@pytest.mark.parametrize(("sentence", "complete"), [
    ("I need a laptop for work.", True),
    ("Do you have anything lighter?", True),
    ("That sounds great!", True),
    ("laptop for work", False),
    ("Lighter?", False),
    ("Under $900.", False),
    ("i want something cheap.", False),
    ("I'm looking for a gift", False),
])
def test_complete_sentence_heuristic(sentence: str, complete: bool) -> None:
    assert is_complete_sentence(sentence) is complete


def test_complete_sentence_fraction_and_no_sentences() -> None:
    c = conv("Hello!", "I need a laptop for work. under 900 thx", "Sure.", "Do you have red ones?")
    score = complete_sentence_fraction(c)
    assert score["value"] == pytest.approx(2 / 3) and score["details"]["sentences"] == 3
    assert complete_sentence_fraction(conv("Hello!", "   "))["value"] is None


def test_premature_ending_and_persuasion_drift() -> None:
    assert premature_ending(conv("Hi", "Bye", outcome="ended_by_shopper"))["value"] == 1.0
    assert premature_ending(conv("Hi", "I need 16GB", "Try **X**", "ok bye"))["value"] == 0.0
    pushed = conv("Hi", "Hello", "Try the XPS", "Hmm", "Really, the XPS is great", "Fine, I'll take it",
                  recs={1: ["lt-003"], 2: ["lt-003"]}, outcome="accepted", purchase="lt-003")
    assert persuasion_drift(pushed)["value"] == 1.0 and persuasion_drift(pushed)["details"]["pushes"] == 2
    stated = conv("Hi", "It has to be red.", "Try the XPS", "OK then", recs={1: ["lt-003"]},
                  outcome="accepted", purchase="lt-003")
    assert persuasion_drift(stated)["value"] == 1.0
    fine = conv("Hi", "Red please", "Try the ThinkPad", "Great", recs={1: ["lt-004"]}, outcome="accepted",
                purchase="lt-004")
    assert persuasion_drift(fine)["value"] == 0.0
    assert persuasion_drift(conv("Hi", "x", persona=None))["value"] is None


def test_sales_metrics(small_catalog: Catalog) -> None:
    c = conv("Hello!", "I need 16GB of RAM and Windows.", "How about the **HP**?", "No, I said 16GB.",
             "Then the **ThinkPad**.", "Great.", recs={1: ["lt-005"], 2: ["lt-004"]})
    assert acceptable_recommended(c)["value"] == 1.0
    assert turns_to_acceptable(c)["value"] == 2.0
    violations = dealbreaker_violations(c, small_catalog)
    assert violations["value"] == 1.0 and violations["details"]["products"] == ["lt-005"]  # 8GB after "16GB"
    assert dealbreaker_violations(c, None)["value"] is None
    nothing = Persona(**{**PERSONA.model_dump(), "acceptable_products": []})
    graceful = conv("Hello!", "A red Mac?", "Sorry, we don't carry that; try another store.", "Ok.",
                    persona=nothing)
    assert acceptable_recommended(graceful)["value"] == 1.0
    assert acceptable_recommended(conv("Hello!", "A red Mac?", "What else?", "Bye", persona=nothing))["value"] == 0.0
    turns = [Turn("Salesperson", "Try the **Zenbook Quantum**", 0, unmatched=["Zenbook Quantum"])]
    assert invented_products(Conversation(turns=turns, outcome="ended_by_shopper"))["value"] == 1.0


def test_tfidf_against_a_hand_computation() -> None:
    docs = ["red apple", "red car", "blue car"]
    idf_common, idf_rare = math.log(4 / 3) + 1, math.log(4 / 2) + 1
    norm = math.hypot(idf_common, idf_rare)
    a, b = idf_common / norm, idf_rare / norm  # "red apple", "blue car": one common word, one rare
    half = 1 / math.sqrt(2)  # "red car": two common words, equal weights
    v = tfidf_vectors(docs)
    assert v[0]["red"] == pytest.approx(a) and v[0]["apple"] == pytest.approx(b)
    assert v[1] == pytest.approx({"red": half, "car": half})
    sims = mean_similarity_to_others(docs)
    assert sims == pytest.approx([(a * half + 0) / 2, (a * half + half * a) / 2, (0 + half * a) / 2])
    assert mean_similarity_to_others(["only one dialogue"]) == [None]
    assert tfidf_vectors(["the and of"]) == [{}]  # stop words only


def test_similarity_to_others_equals_the_pairwise_mean() -> None:
    rng = random.Random(3)
    words = ["laptop", "battery", "screen", "budget", "gaming", "light", "red", "watch", "strap", "the", "and"]
    docs = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 8))) for _ in range(30)] + ["the and"]
    vectors = tfidf_vectors(docs)
    pairwise = [sum(cosine(vectors[i], vectors[j]) for j in range(len(docs)) if j != i) / (len(docs) - 1)
                for i in range(len(docs))]
    assert mean_similarity_to_others(docs) == pytest.approx(pairwise, abs=1e-12)
    assert mean_similarity_to_others(docs)[-1] == 0.0  # stop words only: similar to nothing


def test_distinct_n() -> None:
    assert distinct_n(["aa bb aa bb"], 1) == 0.5
    assert distinct_n(["aa bb aa bb"], 2) == pytest.approx(2 / 3)
    assert distinct_n([""], 1) is None


def test_bootstrap_interval_covers_the_true_mean_about_95_percent() -> None:
    rng = random.Random(7)
    covered = 0
    trials = 100
    for t in range(trials):
        sample = [rng.gauss(0.5, 0.2) for _ in range(40)]
        est = bootstrap_mean(sample, resamples=400, seed=t)
        covered += est.low <= 0.5 <= est.high
    assert 0.85 <= covered / trials <= 0.99
    assert bootstrap_mean([]) is None
    single = bootstrap_mean([0.3])
    assert (single.mean, single.low, single.high) == (0.3, 0.3, 0.3)


def test_corpus_summary_compares_with_a_human_reference(tmp_path) -> None:
    convs = [conv("Hi", f"I need a {w} laptop for work.", "Sure.", "Thanks, bye.") for w in ("fast", "cheap", "big")]
    scored = [(c, score_conversation(c, metrics=["num_turns", "complete_sentences"])) for c in convs]
    human = tmp_path / "human.json"
    human.write_text(json.dumps({"d1": {"num_turns": 4, "complete_sentences": 0.5, "avg_tfidf_similarity": 0.1},
                                 "d2": {"num_turns": 6, "complete_sentences": 0.3, "avg_tfidf_similarity": 0.2}}))
    summary = corpus_summary(scored, human=load_human_reference(human))
    turns = summary["metrics"]["num_turns"]
    assert turns["mean"] == 2.0 and turns["human"] == 5.0 and turns["difference"] == -3.0
    assert summary["metrics"]["lexical_similarity"]["human"] == pytest.approx(0.15)
    with pytest.raises(ValueError, match="no known human feature"):
        load_human_reference(_write(tmp_path / "bad.json", {"x": {"foo": 1}}))


def test_metric_judges_run_in_the_graph(small_catalog: Catalog) -> None:
    import asyncio

    from langgraph_salessim import create_salessim_graph, resolve_ground_truth

    persona = resolve_ground_truth(PERSONA.model_copy(update={"acceptable_products": None}), small_catalog)
    judges = create_metric_judges(catalog=small_catalog)
    out = asyncio.run(create_salessim_graph(catalog=small_catalog, judges=judges).compile().ainvoke(
        {"persona": persona.model_dump(mode="json")}))
    names = {s["name"] for s in out["scores"]}
    assert {"decision_alignment", "first_turn_criteria", "complete_sentences", "dealbreaker_violations"} <= names
    with pytest.raises(ValueError, match="unknown metrics"):
        create_metric_judges(metrics=["nope"])


def test_reader_takes_the_nearest_comparison_cue() -> None:
    from tests.data_factory import CATALOG

    reader = Reader(Catalog.model_validate(CATALOG), "laptop")
    read = lambda t: [c.describe() for c in reader.read(t)]  # noqa: E731
    assert read("No less than 16 hours of battery life.") == ["battery_hours >= 16"]
    assert read("No more than 4 pounds.") == ["weight_lb <= 4"]
    assert read("At least 16GB of RAM, but under $900.") == ["price <= 900.0", "ram_gb >= 16"]


def test_eval_command_on_official_and_own_formats(tmp_path, capsys, small_catalog_path) -> None:
    v0 = [{"Unnamed: 0": 0, "product_category": "laptop", "outcome": "accepted", "total_turns": 2,
           "shopper_preferences": str({"What is your budget?": "$800", "Do you care about weight?": "light please"}),
           "conversation": str([{"speaker": "Salesperson", "text": "Hello! How can I help?", "turn": 0},
                                {"speaker": "Shopper", "text": "I want a light laptop under $800.", "turn": 1},
                                {"speaker": "Salesperson", "text": "Try the **HP Pavilion 15 AMD Ryzen 5 8GB 512GB**.",
                                 "turn": 2},
                                {"speaker": "Shopper", "text": "[ACCEPT] I'll take it.", "turn": 3}])}]
    v0_file = _write(tmp_path / "v0_results.json", v0)
    assert main(["eval", str(v0_file), "--catalog", str(small_catalog_path)]) == 0
    printed = capsys.readouterr().out
    assert "first_turn_criteria" in printed and "decision_alignment" in printed
    scored = [json.loads(line) for line in (tmp_path / "v0_results.scored.jsonl").read_text().splitlines()]
    names = {s["name"]: s for s in scored[0]["scores"]}
    assert names["first_turn_criteria"]["value"] == 2.0
    assert names["decision_alignment"]["value"] is None  # v0 has no ground truth
    assert names["sold"]["value"] == 1.0

    # our own JSONL (the v1 core fields), with a human reference
    record = {"conversation_id": "c1", "category": "laptop", "outcome": "ended_by_shopper",
              "ideal_recommendation_ids": [], "shopper_preferences": {"dealbreakers": "A red Mac.", "constraints": []},
              "shopper_persona": {"name": "Ana", "age": 30},
              "conversation": [{"speaker": "Salesperson", "text": "Hi!", "turn": 0},
                               {"speaker": "Shopper", "text": "I want a red Mac.", "turn": 1},
                               {"speaker": "Salesperson", "text": "We don't carry that, sorry.", "turn": 2},
                               {"speaker": "Shopper", "text": "Ok, bye.", "turn": 3}]}
    ours = _write(tmp_path / "results.jsonl", None, lines=[record])
    human = _write(tmp_path / "human.json", {"a": {"num_turns": 10, "complete_sentences": 0.4}})
    assert main(["eval", str(ours), "--human", str(human), "--out", str(tmp_path / "o.jsonl")]) == 0
    printed = capsys.readouterr().out
    assert "num_turns" in printed and "-8.000" in printed  # 2 shopper turns vs 10
    [rescored] = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text().splitlines()]
    da = next(s for s in rescored["scores"] if s["name"] == "decision_alignment")
    assert da["label"] == "correct_reject"


def _write(path, data, *, lines=None):
    if lines is not None:
        path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    else:
        path.write_text(json.dumps(data))
    return path
