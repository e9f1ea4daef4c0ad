"""ShopperEnv: reset/step to every ending, group sampling from one state, identity with the graph."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from langchain_core.messages import AIMessage

from langgraph_salessim import (
    Catalog,
    Constraint,
    Persona,
    ShopperReply,
    ShopperView,
    create_offline_shopper,
    create_salessim_graph,
    create_shopper,
    load_builtin_catalog,
    load_builtin_personas,
    resolve_ground_truth,
)
from langgraph_salessim.environment import ShopperEnv
from langgraph_salessim.evaluation import create_metric_judges
from langgraph_salessim.matching import candidate_mentions
from langgraph_salessim.results import build_record
from langgraph_salessim.rewards import combined_reward, format_reward
from langgraph_salessim.rollouts import arollout, as_trl_rollout_reward
from langgraph_salessim.state import Context
from tests.fakes import ScriptedChatModel, tool_call

XPS = "Dell XPS 13 Plus Intel Core i7 16GB 512GB"
NEEDS = "Hi, I need a Windows laptop with 16GB of RAM."
RECORD_KEYS = ("conversation", "outcome", "termination_reason", "purchase", "total_turns", "scores",
               "recommended_ids", "error_message", "ideal_recommendation_ids", "persona_hash")


def persona(catalog: Catalog, **kw: Any) -> Persona:
    base = dict(uuid="p-1", name="Mara Quill", age=41, category="laptop", budget=1400,
                persona_background="Quillwright archivist in Tromsø.", preferences="Prefers a light machine.",
                dealbreakers="Needs 16GB of RAM and Windows.",
                constraints=[Constraint(attribute="ram_gb", operator=">=", value=16),
                             Constraint(attribute="os", operator="==", value="Windows"),
                             Constraint(attribute="price", operator="<=", value=1400)])
    return resolve_ground_truth(Persona(**{**base, **kw}), catalog)


def recommended(obs: list[dict[str, Any]]) -> list[str]:
    return candidate_mentions(obs[-1]["content"])


def test_reset_gives_the_shoppers_chat(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog)
    obs = env.reset(persona(small_catalog), seed=3)
    assert [m["role"] for m in obs] == ["system", "user"]
    assert "Mara Quill" in obs[0]["content"] and "Needs 16GB of RAM" in obs[0]["content"]
    assert obs[1]["content"].startswith("Hello!")
    assert (env.state["turn"], env.done, env.seed, env.record) == (0, False, 3, None)
    with pytest.raises(ValueError):
        ShopperEnv(catalog=small_catalog, variant="nope")


def test_accepted_conversation(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog)
    env.reset(persona(small_catalog))
    obs, reward, done, info = env.step(NEEDS)
    assert (reward, done, info["outcome"], info["turn"]) == (0.0, False, None, 1)
    assert [m["role"] for m in obs] == ["system", "user", "assistant", "user"]
    assert obs[2]["content"] == NEEDS
    assert recommended(obs)[0] == XPS and "[Image of Dell XPS" in obs[-1]["content"]  # image as a caption
    obs, reward, done, info = env.step(AIMessage(content="I'll take it.",
                                                 tool_calls=[tool_call("add_to_cart", {"product": XPS})]))
    assert done and info["outcome"] == "accepted" and info["termination_reason"].startswith("accepted")
    record = info["record"]
    assert record["purchase"] == {"name": XPS, "product_id": "lt-003"}
    assert [s["label"] for s in info["scores"]] == ["correct_accept"]
    assert reward == combined_reward(record) == info["reward"] and not info["unscorable"]
    assert format_reward(record) == 1.0
    with pytest.raises(RuntimeError):
        env.step("one more thing")


def test_text_tool_call_is_parsed_as_in_the_graph(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog)
    env.reset(persona(small_catalog))
    env.step(NEEDS)
    _, _, done, info = env.step(f'Sounds good. add_to_cart("{XPS}")')
    assert done and info["outcome"] == "accepted"
    assert info["record"]["conversation"][-1]["text"] == "Sounds good."
    assert format_reward(info["record"]) == 0.0


def test_left_conversation(small_catalog: Catalog) -> None:
    p = persona(small_catalog, constraints=[Constraint(attribute="ram_gb", operator=">=", value=64)], budget=None)
    env = ShopperEnv(catalog=small_catalog)
    env.reset(p)
    obs, _, done, _ = env.step("I need 64GB of RAM.")
    assert not done and "look elsewhere" in obs[-1]["content"]
    _, reward, done, info = env.step(AIMessage(content="Okay, bye.", tool_calls=[tool_call("end_conversation")]))
    assert done and info["outcome"] == "ended_by_shopper"
    assert info["scores"][0]["label"] == "correct_reject" and reward is not None and reward >= 2 / 3


def test_turn_capped_conversation(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog, max_turns=2)
    env.reset(persona(small_catalog))
    assert env.step("Hello.")[2] is False
    _, reward, done, info = env.step("Still thinking.")
    assert done and info["outcome"] == "max_turns_reached"
    assert info["termination_reason"] == "max_turns_reached: 2 shopper turns without a decision"
    assert info["record"]["total_turns"] == 2 and reward is not None


def test_empty_message_ends_in_an_error_and_an_unscorable_reward(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog)
    env.reset(persona(small_catalog))
    _, reward, done, info = env.step("   ")
    assert done and info["outcome"] == "error" and "EmptyReplyError" in info["termination_reason"]
    assert reward is None and info["unscorable"]


def test_inspect_image_round_shows_the_tool_result(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog)
    env.reset(persona(small_catalog))
    env.step(NEEDS)
    obs, reward, done, info = env.step(AIMessage(content="", tool_calls=[tool_call("inspect_image", {"product": XPS})]))
    assert (reward, done, info["turn"]) == (0.0, False, 1)  # not a turn: the shopper speaks again
    call, result = obs[-2], obs[-1]
    assert call["tool_calls"][0]["function"]["name"] == "inspect_image"
    assert result["role"] == "tool" and result["tool_call_id"] == call["tool_calls"][0]["id"]
    assert "Image of Dell XPS" in result["content"] and "color: black" in result["content"]


def test_per_turn_shaping_reward(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog, turn_reward=0.1)
    env.reset(persona(small_catalog))
    assert env.clone().step("I need Windows.")[1] == pytest.approx(0.1)  # one new criterion
    assert env.step("Windows, 16GB of RAM, under $1400.")[1] == 0.0  # three at once


def test_group_sampling_from_one_state_gives_independent_branches(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog)
    env.reset(persona(small_catalog))
    env.step(NEEDS)
    before = env.observation()
    buy, leave, talk = env.fork(3)
    buy_out = buy.step(AIMessage(content="Yes.", tool_calls=[tool_call("add_to_cart", {"product": XPS})]))
    leave_out = leave.step(AIMessage(content="No.", tool_calls=[tool_call("end_conversation")]))
    talk_out = talk.step("Anything lighter?")
    assert [buy_out[3]["outcome"], leave_out[3]["outcome"], talk_out[3]["outcome"]] == \
        ["accepted", "ended_by_shopper", None]
    assert buy_out[3]["scores"][0]["label"] == "correct_accept"
    assert leave_out[3]["scores"][0]["label"] == "too_stringent"
    assert buy_out[1] > leave_out[1]  # type: ignore[operator]
    # the parent state is untouched by its branches
    assert env.observation() == before and not env.done and env.state["turn"] == 1
    assert len(talk.state["messages"]) == 5 and len(env.state["messages"]) == 3


def test_state_dict_round_trips_through_json(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog)
    env.reset(persona(small_catalog), seed=5)
    env.step(NEEDS)
    saved = json.dumps(env.state_dict())
    fresh = ShopperEnv(catalog=small_catalog)
    assert fresh.load_state(saved) == env.observation() and fresh.seed == 5
    a = env.clone().step("Anything lighter?")
    b = fresh.step("Anything lighter?")
    assert a[0] == b[0] and a[3]["turn"] == b[3]["turn"] == 2


class ScriptedShopper:
    """A deterministic shopper seat: states its needs, inspects the first recommendation, then buys it."""

    async def respond(self, view: ShopperView) -> ShopperReply:
        if view.turn == 0:
            return ShopperReply(AIMessage(content=NEEDS))
        names = candidate_mentions(view.transcript[-1].text)
        if view.tool_rounds == 0:
            return ShopperReply(AIMessage(content="", tool_calls=[tool_call("inspect_image", {"product": names[0]})]))
        return ShopperReply(AIMessage(content=f'Great. add_to_cart("{names[0]}")'))


def _graph_record(graph: Any, p: Persona, catalog: Catalog, seed: int, max_turns: int = 16) -> dict[str, Any]:
    state = asyncio.run(graph.ainvoke({"persona": p.model_dump(mode="json")},
                                      context=Context(seed=seed, max_turns=max_turns),
                                      config={"recursion_limit": 400}))
    return build_record(state, persona=p, conversation_id="x", trial=0, seed=seed, catalog=catalog, models={},
                        timings={})


def _env_record(env: ShopperEnv, p: Persona, seat: Any, seed: int) -> dict[str, Any]:
    env.reset(p, seed=seed)
    asyncio.run(arollout(env, seat))
    assert env.record is not None
    return env.record


def test_same_messages_give_the_same_record_as_the_graph(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    judges = create_metric_judges(catalog=small_catalog)
    graph = create_salessim_graph(shopper=ScriptedShopper(), catalog=small_catalog, judges=judges).compile()
    expected = _graph_record(graph, p, small_catalog, seed=2)
    got = _env_record(ShopperEnv(catalog=small_catalog, judges=judges), p, ScriptedShopper(), seed=2)
    assert expected["outcome"] == "accepted" and expected["conversation"][-1]["images_inspected"]
    for key in RECORD_KEYS:
        assert got[key] == expected[key], key


def test_offline_shopper_gives_the_same_records_as_the_graph() -> None:
    catalog = load_builtin_catalog()
    personas = []
    for category in ("laptop", "smart_watch", "womens_clothing"):
        some = load_builtin_personas(category)
        personas += [p for p in some if p.acceptable_products][:2] + [p for p in some if not p.acceptable_products][:2]
    graph = create_salessim_graph(catalog=catalog, max_turns=10).compile()
    env = ShopperEnv(catalog=catalog, max_turns=10)
    outcomes, inspected = set(), 0
    for i, p in enumerate(personas):
        expected = _graph_record(graph, p, catalog, seed=i, max_turns=10)
        got = _env_record(env, p, create_offline_shopper(), seed=i)
        outcomes.add(expected["outcome"])
        inspected += any(t.get("images_inspected") for t in expected["conversation"])
        for key in RECORD_KEYS:
            assert got[key] == expected[key], (p.uuid, key)
    assert {"accepted", "ended_by_shopper"} <= outcomes and inspected  # both endings, image rounds included


def test_rollout_reward_in_trl_signature(small_catalog: Catalog) -> None:
    env = ShopperEnv(catalog=small_catalog)
    prompt = env.reset(persona(small_catalog))
    state = json.dumps(env.state_dict())
    records: list[dict[str, Any]] = []
    fn = as_trl_rollout_reward(env, on_record=records.append)
    completions = [NEEDS, [{"role": "assistant", "content": NEEDS}], [{"role": "assistant", "content": ""}]]
    out = fn(prompts=[prompt] * 3, completions=completions, env_state=[state] * 3)
    assert len(out) == 3 and out[0] == out[1] and out[0] is not None and out[2] is None
    assert [r["outcome"] for r in records].count("error") == 1
    assert all(r["conversation"][1]["text"] == NEEDS for r in records if r["outcome"] != "error")
    assert fn.__name__ == "rollout_combined_reward"
    assert as_trl_rollout_reward(env, missing=0.0)(prompts=[prompt], completions=[""], env_state=[state]) == [0.0]
    with pytest.raises(KeyError):
        fn(prompts=[prompt], completions=[NEEDS])


def test_rollout_reward_continues_with_an_llm_shopper(small_catalog: Catalog) -> None:
    """A policy-driven rollout: the completion opens, an LLM shopper (here scripted) plays the rest."""
    follow_up = "Is there anything lighter than that?"
    model = ScriptedChatModel(script=[AIMessage(content=follow_up),
                                      AIMessage(content="Thanks, I'll look elsewhere.",
                                                tool_calls=[tool_call("end_conversation")])])
    env = ShopperEnv(catalog=small_catalog)
    prompt = env.reset(persona(small_catalog))
    records: list[dict[str, Any]] = []
    fn = as_trl_rollout_reward(env, continuation=create_shopper(model, catalog=small_catalog),
                               on_record=records.append)
    out = fn(prompts=[prompt], completions=[NEEDS], env_state=[json.dumps(env.state_dict())])
    (record,) = records
    shopper_texts = [t["text"] for t in record["conversation"] if t["speaker"] == "Shopper"]
    assert shopper_texts == [NEEDS, follow_up, "Thanks, I'll look elsewhere."]
    assert record["outcome"] == "ended_by_shopper" and out[0] is not None
    assert model.calls == 2
    # the continuation speaks as the same shopper: the completion is its own earlier turn, roles flipped
    first_call = model.received[0]
    assert [m.text for m in first_call if m.type == "ai"] == [NEEDS]
    assert "Mara Quill" in first_call[0].text  # its persona prompt
