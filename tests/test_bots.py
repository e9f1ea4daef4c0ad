"""The user's own sales bot in the sales seat: compiled graphs, Runnables, callables; isolation, failures."""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.runnables import RunnableLambda
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.types import RetryPolicy

from langgraph_salessim import Catalog, Constraint, Persona, create_salessim_graph, resolve_ground_truth
from langgraph_salessim.bot_adapter import create_bot_sales_agent, create_catalog_tools
from langgraph_salessim.runner import run_conversations
from tests.fakes import ScriptedChatModel, tool_call

THINKPAD = "Lenovo ThinkPad X1 Carbon Gen 11 Intel Core i5 16GB 512GB"
NO_RETRY = RetryPolicy(max_attempts=1)


def _persona(catalog: Catalog, uuid: str = "bot-1") -> Persona:
    return resolve_ground_truth(Persona(
        uuid=uuid, name="Noor", age=29, category="laptop",
        constraints=[Constraint(attribute="ram_gb", operator=">=", value=16),
                     Constraint(attribute="os", operator="==", value="Windows")]), catalog)


def _run(catalog: Catalog, bot: Any, persona: Persona | None = None) -> dict[str, Any]:
    graph = create_salessim_graph(sales_agent=bot, catalog=catalog, retry_policy=NO_RETRY)
    return asyncio.run(graph.compile().ainvoke({"persona": (persona or _persona(catalog)).model_dump(mode="json")}))


def _stateful_bot() -> tuple[Any, list[list[str]]]:
    """A hand-made StateGraph bot with its own checkpointer; records what each call received."""
    seen: list[list[str]] = []

    def reply(state: MessagesState) -> dict[str, Any]:
        seen.append([m.type for m in state["messages"]])
        return {"messages": [AIMessage(content=f"You might like the **{THINKPAD}**.")]}

    builder = StateGraph(MessagesState)
    builder.add_node("reply", reply)
    builder.add_edge(START, "reply")
    return builder.compile(checkpointer=InMemorySaver()), seen


def test_compiled_graph_bot_keeps_one_thread_per_conversation(small_catalog: Catalog) -> None:
    bot, seen = _stateful_bot()
    agent = create_bot_sales_agent(bot)
    assert agent.kind == "graph" and agent.stateful
    personas = [_persona(small_catalog, f"bot-{i}") for i in range(2)]
    records = asyncio.run(run_conversations(personas, catalog=small_catalog, sales_agent=agent, concurrency=2))
    assert all(r["outcome"] == "accepted" for r in records)
    assert all(r["scores"][0]["label"] == "correct_accept" for r in records)
    # each conversation's first call saw greeting + shopper; the next calls built on the same thread
    first_calls = [s for s in seen if s == ["ai", "human"]]
    assert len(first_calls) == 2
    assert all(s.count("human") == s.count("ai") for s in seen)  # never a duplicated message
    threads = {r["conversation_id"] for r in records}
    assert len(threads) == 2


def test_bot_built_with_tools_and_a_model(small_catalog: Catalog) -> None:
    from langgraph.prebuilt import create_react_agent  # langchain.agents.create_agent builds the same shape

    model = ScriptedChatModel(script=[
        AIMessage(content="", tool_calls=[tool_call("catalog_search", {"query": "ThinkPad"})]),
        AIMessage(content=f"The **{THINKPAD}** has 16GB and Windows."),
    ])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # its move to langchain.agents; not a dependency here
        bot = create_react_agent(model, tools=create_catalog_tools(small_catalog, category="laptop"))
    out = _run(small_catalog, bot)
    assert out["outcome"] == "accepted" and out["purchase"]["product_id"] == "lt-004"
    assert out["recommended"][-1]["product_ids"] == ["lt-004"]  # read from its text, matched to the catalog
    assert "Noor" not in str(model.received)  # the persona never reaches the bot


def test_runnable_and_callable_bots(small_catalog: Catalog) -> None:
    runnable = RunnableLambda(lambda msgs: f"Consider the **{THINKPAD}**.")
    assert _run(small_catalog, runnable)["outcome"] == "accepted"

    calls: list[int] = []

    async def bot(messages: list[Any]) -> list[AIMessage]:
        calls.append(len(messages))
        return [AIMessage(content="Let me think."), AIMessage(content=f"Got it: the **{THINKPAD}**.")]

    out = _run(small_catalog, bot)
    assert out["outcome"] == "accepted"
    sales_turn = [m for m in out["messages"] if isinstance(m, AIMessage)][1:3]
    assert [m.text for m in sales_turn] == ["Let me think.", f"Got it: the **{THINKPAD}**."]  # both kept
    assert calls == [2]  # stateless: the whole transcript (greeting + first shopper message)


def test_failing_and_hanging_bots_end_as_errors(small_catalog: Catalog) -> None:
    def broken(messages: list[Any]) -> str:
        raise RuntimeError("bot backend down")

    out = _run(small_catalog, broken)
    assert out["outcome"] == "error" and out["error_message"] == "RuntimeError: bot backend down"

    async def hangs(messages: list[Any]) -> str:
        await asyncio.sleep(30)
        return "too late"

    out = _run(small_catalog, create_bot_sales_agent(hangs, timeout=0.05))
    assert out["outcome"] == "error" and "did not answer within 0.05 s" in out["error_message"]
    with pytest.raises(TypeError, match="cannot use"):
        create_bot_sales_agent(42)


def test_bot_reply_shapes(small_catalog: Catalog) -> None:
    replies = iter([{"messages": [HumanMessage(content="x"), AIMessage(content="**" + THINKPAD + "**")]}])

    def dict_bot(messages: list[Any]) -> Any:
        return next(replies)

    assert _run(small_catalog, dict_bot)["outcome"] == "accepted"

    def bad_shape(messages: list[Any]) -> Any:
        return 3.14

    out = _run(small_catalog, bad_shape)
    assert out["outcome"] == "error" and "returned float" in out["error_message"]
