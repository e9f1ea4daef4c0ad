"""The Studio graphs in process: persona by id, human seats through interrupt/resume, batch, judge."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from langgraph_salessim import load_builtin_catalog, load_builtin_personas
from langgraph_salessim.state import Context
from langgraph_salessim.studio import (
    create_batch_graph,
    create_judge_graph,
    create_shopper_chat_graph,
    create_studio_graph,
)


def _feasible_laptop_persona():
    return next(p for p in load_builtin_personas("laptop") if p.acceptable_products)


def test_salessim_graph_by_persona_id_with_all_metrics() -> None:
    persona = _feasible_laptop_persona()
    app = create_studio_graph().compile()
    out = asyncio.run(app.ainvoke({"persona_id": persona.uuid[:13]}))
    assert out["outcome"] in ("accepted", "ended_by_shopper")
    names = {s["name"] for s in out["scores"]}
    assert {"decision_alignment", "first_turn_criteria", "lexical_similarity"} - names == {"lexical_similarity"}
    with pytest.raises(ValueError, match="persona_id"):
        asyncio.run(app.ainvoke({}))


def test_a_person_can_play_the_salesperson() -> None:
    persona = _feasible_laptop_persona()
    product = load_builtin_catalog().get(persona.acceptable_products[0])
    app = create_studio_graph().compile(checkpointer=InMemorySaver())
    config = {"configurable": {"thread_id": "human-sales"}}
    ctx = Context(human_salesperson=True)
    out: Any = asyncio.run(app.ainvoke({"persona": persona.model_dump(mode="json")}, config, context=ctx))
    for _ in range(6):
        pending = app.get_state(config, subgraphs=True)
        if not pending.next and not any(t.interrupts for t in pending.tasks):
            break
        out = asyncio.run(app.ainvoke(Command(resume=f"I recommend the **{product.name}**."), config, context=ctx))
    assert out["outcome"] == "accepted" and out["purchase"]["product_id"] == product.id
    salesperson_turns = [m.text for m in out["messages"] if isinstance(m, AIMessage)]
    assert f"I recommend the **{product.name}**." in salesperson_turns


def test_shopper_chat_graph_waits_for_the_salesperson() -> None:
    persona = _feasible_laptop_persona()
    product = load_builtin_catalog().get(persona.acceptable_products[0])
    app = create_shopper_chat_graph().compile(checkpointer=InMemorySaver())
    config = {"configurable": {"thread_id": "chat"}}
    asyncio.run(app.ainvoke({"persona_id": persona.uuid}, config))
    task = app.get_state(config).tasks[0]
    assert task.interrupts and "salesperson" in task.interrupts[0].value["prompt"]
    state = asyncio.run(app.ainvoke(Command(resume="Hello! What are you looking for?"), config))
    assert isinstance(state["messages"][-1], HumanMessage) and state["messages"][-1].text
    for _ in range(6):
        if state.get("shopper_decision") and state["shopper_decision"]["action"] != "message":
            break
        state = asyncio.run(app.ainvoke(Command(resume=f"Try the **{product.name}**."), config))
    assert state["shopper_decision"]["action"] == "add_to_cart"
    assert state["shopper_decision"]["product"] == product.name


def test_batch_graph_fans_out_and_aggregates() -> None:
    out = asyncio.run(create_batch_graph().compile().ainvoke({"category": "smart_watch", "limit": 3}))
    assert len(out["results"]) == 3
    assert out["summary"]["overall"]["n"] == 3 and out["summary"]["smart_watch"]["mean"] == 1.0


def test_judge_graph_scores_a_transcript() -> None:
    persona = _feasible_laptop_persona()
    product = load_builtin_catalog().get(persona.acceptable_products[0])
    messages = [AIMessage(content="Hi!"), HumanMessage(content="Hello."),
                AIMessage(content=f"Try the **{product.name}**."), HumanMessage(content="Sold.")]
    out = asyncio.run(create_judge_graph().compile().ainvoke({
        "messages": messages, "persona": persona.model_dump(mode="json"),
        "shopper_decision": {"action": "add_to_cart", "product": product.name}}))
    by_name = {s["name"]: s for s in out["scores"]}
    assert by_name["decision_alignment"]["label"] == "correct_accept"
    assert by_name["num_turns"]["value"] == 2.0


def test_a_person_can_play_the_shopper() -> None:
    persona = _feasible_laptop_persona()
    app = create_studio_graph().compile(checkpointer=InMemorySaver())
    config = {"configurable": {"thread_id": "human-shopper"}}
    ctx = Context(human_shopper=True)
    asyncio.run(app.ainvoke({"persona": persona.model_dump(mode="json")}, config, context=ctx))
    task = next(t for t in app.get_state(config, subgraphs=True).tasks if t.interrupts)
    assert task.interrupts[0].value["persona"]["uuid"] == persona.uuid
    out = asyncio.run(app.ainvoke(Command(resume="I need a laptop with 16GB of RAM."), config, context=ctx))
    out = asyncio.run(app.ainvoke(Command(resume="Thanks, I'll pass. end_conversation()"), config, context=ctx))
    assert out["outcome"] == "ended_by_shopper"
    shopper_turns = [m.text for m in out["messages"] if isinstance(m, HumanMessage)]
    assert shopper_turns == ["I need a laptop with 16GB of RAM.", "Thanks, I'll pass."]
