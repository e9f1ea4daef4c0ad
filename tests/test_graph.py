"""The conversation graph: termination reasons, seat isolation, checkpointed runs, graph shape.

Seats are played by scripted chat models (tests/fakes.py) or by the offline agents.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from langgraph.types import RetryPolicy

from langgraph_salessim import Catalog, Constraint, Persona, create_salessim_graph, resolve_ground_truth
from langgraph_salessim.state import Context, keep_first
from tests.fakes import ScriptedChatModel, tool_call

SNAPSHOT = Path(__file__).parent / "snapshots" / "salessim_graph.mmd"
XPS = "Dell XPS 13 Plus Intel Core i7 16GB 512GB"
PAVILION = "HP Pavilion 15 AMD Ryzen 5 8GB 512GB"


def persona(catalog: Catalog, **kw: Any) -> Persona:
    base = dict(uuid="p-1", name="Mara Quill", age=41, category="laptop", budget=1400,
                persona_background="Quillwright archivist in Tromsø.", preferences="Prefers a light machine.",
                dealbreakers="Needs 16GB of RAM and Windows.",
                constraints=[Constraint(attribute="ram_gb", operator=">=", value=16),
                             Constraint(attribute="os", operator="==", value="Windows"),
                             Constraint(attribute="price", operator="<=", value=1400)])
    return resolve_ground_truth(Persona(**{**base, **kw}), catalog)


def run(graph: Any, p: Persona, **ctx: Any) -> dict[str, Any]:
    return asyncio.run(graph.compile().ainvoke({"persona": p}, context=Context(**ctx)))


def search_then_recommend(name: str) -> list[AIMessage]:
    return [AIMessage(content="", tool_calls=[tool_call("catalog_search", {"query": "16GB windows laptop"}, "s1")]),
            AIMessage(content=f"I'd suggest the **{name}**.")]


def test_accepted_with_scripted_models_in_both_seats(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    shopper = ScriptedChatModel(script=[
        AIMessage(content="Hi, I need a Windows laptop with lots of RAM."),
        AIMessage(content="Sounds good, I'll take it.", tool_calls=[tool_call("add_to_cart", {"product": XPS})]),
    ])
    sales = ScriptedChatModel(script=search_then_recommend(XPS))
    out = run(create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog), p)

    assert out["outcome"] == "accepted"
    assert out["purchase"] == {"name": XPS, "product_id": "lt-003"}
    assert out["termination_reason"].startswith("accepted")
    [score] = out["scores"]
    assert (score["name"], score["value"], score["label"]) == ("decision_alignment", 1.0, "correct_accept")
    assert out["recommended"][-1]["product_ids"] == ["lt-003"]
    # the shopper's model saw the salesperson as the user and itself as the assistant
    first_call = shopper.received[0]
    assert first_call[0].type == "system" and "Mara Quill" in first_call[0].content
    assert isinstance(first_call[1], HumanMessage) and "help you find" in first_call[1].content
    assert shopper.bound_tools[0] == ["add_to_cart", "end_conversation", "inspect_image"]


def test_seats_never_see_each_others_private_state(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    shopper = ScriptedChatModel(script=[
        AIMessage(content="Hello, I need a laptop for archive work."),
        AIMessage(content="Hmm, not sure.", tool_calls=[]),
        AIMessage(content="", tool_calls=[tool_call("end_conversation")]),
    ])
    sales = ScriptedChatModel(script=[*search_then_recommend(XPS), AIMessage(content="Anything else?")])
    out = run(create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog), p)

    assert out["outcome"] == "ended_by_shopper"
    seen_by_sales = sales.all_text()
    for private in ("Mara Quill", "Quillwright", "Tromsø", "Needs 16GB of RAM", "Prefers a light machine"):
        assert private not in seen_by_sales
    # search results listed products the salesperson never named to the shopper
    search_results = [m for call in sales.received for m in call if isinstance(m, ToolMessage)]
    assert search_results and "Lenovo ThinkPad" in search_results[0].content
    seen_by_shopper = shopper.all_text()
    assert "Lenovo ThinkPad" not in seen_by_shopper
    assert not any(isinstance(m, ToolMessage) for call in shopper.received for m in call)
    assert XPS in seen_by_shopper


def test_ended_by_shopper_without_recommendation_is_correct_reject(small_catalog: Catalog) -> None:
    p = persona(small_catalog, constraints=[Constraint(attribute="ram_gb", operator=">=", value=64)],
                budget=None)
    assert p.acceptable_products == []
    shopper = ScriptedChatModel(script=[
        AIMessage(content="I need 64GB of RAM."),
        AIMessage(content="Then I'll look elsewhere.", tool_calls=[tool_call("end_conversation")]),
    ])
    sales = ScriptedChatModel(script=[AIMessage(content="Sorry, nothing has 64GB; try another store.")])
    out = run(create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog), p)
    assert out["outcome"] == "ended_by_shopper"
    assert out["scores"][0]["label"] == "correct_reject"


def test_max_turns_reached_then_judged(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    shopper = ScriptedChatModel(script=[AIMessage(content=f"Question {i}?") for i in range(3)])
    sales = ScriptedChatModel(script=[AIMessage(content=f"Answer {i}.") for i in range(2)])
    graph = create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog, max_turns=16)
    out = run(graph, p, max_turns=3)  # the context overrides the factory default
    assert out["outcome"] == "max_turns_reached"
    assert out["turn"] == 3 and shopper.calls == 3 and sales.calls == 2
    assert out["scores"][0]["label"] == "correct_reject"  # nothing recommended, nothing bought


@pytest.mark.parametrize("crashing_seat", ["shopper", "sales_agent"])
def test_a_crashing_seat_ends_with_error_not_an_exception(small_catalog: Catalog, crashing_seat: str) -> None:
    p = persona(small_catalog)
    boom = ConnectionError("upstream 503")
    shopper = ScriptedChatModel(script=[AIMessage(content="Hi!"), AIMessage(content="More?")])
    sales = ScriptedChatModel(script=[boom])
    if crashing_seat == "shopper":
        shopper = ScriptedChatModel(script=[AIMessage(content="Hi!"), boom])
        sales = ScriptedChatModel(script=[AIMessage(content="Hello! What do you need?")])
    graph = create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog, retry_policy=None)
    out = run(graph, p)
    assert out["outcome"] == "error"
    assert out["error_message"] == "ConnectionError: upstream 503"
    assert out["termination_reason"] == f"error in {crashing_seat}: ConnectionError: upstream 503"
    [score] = out["scores"]
    assert score["value"] is None and score["label"] == "error"


def test_tool_call_written_as_text_is_carried_out_and_recorded(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    shopper = ScriptedChatModel(script=[
        AIMessage(content="Hi, Windows laptop please."),
        AIMessage(content=f"<think>It has 16GB.</think>Great choice! <tool_call>add_to_cart(\"{XPS}\")</tool_call>"),
    ])
    sales = ScriptedChatModel(script=search_then_recommend(XPS))
    out = run(create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog), p)
    assert out["outcome"] == "accepted" and out["purchase"]["product_id"] == "lt-003"
    last = out["shopper_actions"][-1]
    assert last["format_leak"] is True and last["reasoning"] == "It has 16GB."
    assert out["messages"][-1].content == "Great choice!"


def test_buying_an_unrecommended_product_is_a_hallucinated_purchase(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    shopper = ScriptedChatModel(script=[
        AIMessage(content="Hi."),
        AIMessage(content="I'll buy the ThinkPad instead.",
                  tool_calls=[tool_call("add_to_cart", {"product": "Lenovo ThinkPad X1 Carbon Gen 11"})]),
    ])
    sales = ScriptedChatModel(script=search_then_recommend(XPS))
    out = run(create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog), p)
    assert out["purchase"]["product_id"] == "lt-004"
    assert out["scores"][0]["label"] == "hallucinated_purchase"


def test_shopper_inspects_an_image_through_its_tool_node(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    shopper = ScriptedChatModel(script=[
        AIMessage(content="Hi."),
        AIMessage(content="", tool_calls=[tool_call("inspect_image", {"product": XPS}, "i1")]),
        AIMessage(content="Nice.", tool_calls=[tool_call("add_to_cart", {"product": XPS})]),
    ])
    sales = ScriptedChatModel(script=search_then_recommend(XPS))
    out = run(create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog), p)
    assert out["outcome"] == "accepted"
    third_call = shopper.received[2]
    # the image came back as a text tool result plus a user turn holding the image
    tool_msg = next(m for m in third_call if isinstance(m, ToolMessage))
    assert XPS in tool_msg.content
    image_turn = third_call[third_call.index(tool_msg) + 1]
    assert isinstance(image_turn, HumanMessage) and any(b.get("type") == "image" for b in image_turn.content)
    assert [a["action"] for a in out["shopper_actions"]] == ["message", "inspect_image", "add_to_cart"]


def test_offline_agents_buy_an_acceptable_product_reading_colour_from_pixels(small_catalog: Catalog) -> None:
    p = persona(small_catalog, constraints=[Constraint(attribute="ram_gb", operator=">=", value=16),
                                            Constraint(attribute="os", operator="==", value="Windows"),
                                            Constraint(attribute="color", operator="==", value="red")])
    assert p.acceptable_products == ["lt-004"]
    out = run(create_salessim_graph(catalog=small_catalog), p, seed=3)
    assert out["outcome"] == "accepted" and out["purchase"]["product_id"] == "lt-004"
    assert out["scores"][0]["label"] == "correct_accept"
    assert any(a["action"] == "inspect_image" for a in out["shopper_actions"])


def test_offline_agents_leave_when_nothing_fits(small_catalog: Catalog) -> None:
    p = persona(small_catalog, constraints=[Constraint(attribute="os", operator="==", value="macOS"),
                                            Constraint(attribute="price", operator="<=", value=700)])
    assert p.acceptable_products == []
    out = run(create_salessim_graph(catalog=small_catalog), p)
    assert out["outcome"] == "ended_by_shopper"
    assert out["scores"][0]["label"] == "correct_reject"


def test_offline_run_is_deterministic_for_a_seed(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    texts = [[m.content for m in run(create_salessim_graph(catalog=small_catalog), p, seed=7)["messages"]]
             for _ in range(2)]
    assert texts[0] == texts[1]


def test_checkpointed_run_keeps_plain_state_on_its_thread(small_catalog: Catalog, caplog) -> None:
    p = persona(small_catalog)
    # strict serde: only known-safe types may come back out of a checkpoint
    saver = InMemorySaver(serde=JsonPlusSerializer(allowed_msgpack_modules=None))
    app = create_salessim_graph(catalog=small_catalog).compile(checkpointer=saver)
    config = {"configurable": {"thread_id": "conv-1"}}
    asyncio.run(app.ainvoke({"persona": p.model_dump(mode="json")}, config, context=Context(seed=1)))
    state = app.get_state(config).values
    assert state["outcome"] == "accepted" and state["termination_reason"].startswith("accepted")
    assert state["sales_trace"] and all("product_ids" in t for t in state["sales_trace"])
    assert state["persona"] == p.model_dump(mode="json")
    history = list(app.get_state_history(config))
    assert len(history) > 5  # one checkpoint per step of the conversation
    assert "Blocked deserialization" not in caplog.text  # nothing of ours needed an allow-list


def test_termination_reason_is_written_once() -> None:
    assert keep_first(None, "accepted: x") == "accepted: x"
    assert keep_first("error in shopper: boom", "max_turns_reached: 16") == "error in shopper: boom"


def test_graph_shape_matches_snapshot(small_catalog: Catalog) -> None:
    drawing = create_salessim_graph(catalog=small_catalog).compile().get_graph().draw_mermaid()
    if os.environ.get("SALESSIM_UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(drawing)
    assert SNAPSHOT.exists(), "no snapshot: run with SALESSIM_UPDATE_SNAPSHOTS=1, review it, commit it"
    assert drawing == SNAPSHOT.read_text()
    for node in ("opening", "shopper", "shopper_tools", "sales_agent", "finalize", "judge_decision_alignment"):
        assert node in drawing


FAST_RETRY = RetryPolicy(initial_interval=0.001, backoff_factor=1.0, max_attempts=3, jitter=False)


def test_transient_model_errors_are_retried(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    shopper = ScriptedChatModel(script=[
        ConnectionError("reset"), AIMessage(content="Hi, Windows please."),
        AIMessage(content="Bye.", tool_calls=[tool_call("end_conversation")]),
    ])
    sales = ScriptedChatModel(script=[ConnectionError("503"), ConnectionError("503"),
                                      AIMessage(content="What do you need it for?")])
    graph = create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog, retry_policy=FAST_RETRY)
    out = run(graph, p)
    assert out["outcome"] == "ended_by_shopper"
    assert (shopper.calls, sales.calls) == (3, 3)


def test_persistent_errors_and_empty_replies_end_as_error_after_the_attempts(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    sales = ScriptedChatModel(script=[ConnectionError("503")] * 3)
    shopper = ScriptedChatModel(script=[AIMessage(content="Hi.")])
    out = run(create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog,
                                    retry_policy=FAST_RETRY), p)
    assert out["outcome"] == "error" and sales.calls == 3
    assert out["termination_reason"] == "error in sales_agent: ConnectionError: 503"

    blank = ScriptedChatModel(script=[AIMessage(content="<think>hmm</think>")] * 3)
    out = run(create_salessim_graph(shopper=blank, sales_agent=ScriptedChatModel(script=[]),
                                    catalog=small_catalog, retry_policy=FAST_RETRY), p)
    assert out["outcome"] == "error" and blank.calls == 3
    assert "neither text nor a tool call" in out["error_message"]


def test_non_transient_errors_are_not_retried(small_catalog: Catalog) -> None:
    p = persona(small_catalog)
    sales = ScriptedChatModel(script=[ValueError("bad request: unsupported parameter")])
    shopper = ScriptedChatModel(script=[AIMessage(content="Hi.")])
    out = run(create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog,
                                    retry_policy=FAST_RETRY), p)
    assert out["outcome"] == "error" and sales.calls == 1


def test_custom_stream_events_report_turns_and_scores(small_catalog: Catalog) -> None:
    p = persona(small_catalog)

    async def collect() -> list[dict]:
        app = create_salessim_graph(catalog=small_catalog).compile()
        return [chunk async for chunk in app.astream({"persona": p.model_dump(mode="json")}, stream_mode="custom")]

    events = asyncio.run(collect())
    turns = [e for e in events if e["event"] == "turn"]
    assert turns[0] == {"event": "turn", "speaker": "shopper", "turn": 1, "action": "message"}
    assert any(e["speaker"] == "salesperson" for e in turns)
    assert [e["name"] for e in events if e["event"] == "score"] == ["decision_alignment"]
