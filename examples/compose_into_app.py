"""Compose SalesSim pieces into your own LangGraph app.

Your app already has a sales bot node and a `messages` list. Add our shopper as a node, loop until it
buys or leaves (or a turn cap), then score the conversation with our judge node. The whole
SalesSim graph is one call away too (`create_salessim_graph()` returns an uncompiled StateGraph).

Run: python examples/compose_into_app.py
"""

from __future__ import annotations

import asyncio
import operator
from typing import Annotated, Any

from langchain_core.messages import AIMessage, AnyMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from typing_extensions import TypedDict

from langgraph_salessim import load_builtin_catalog, load_builtin_personas
from langgraph_salessim.bot_adapter import create_catalog_tools
from langgraph_salessim.nodes import create_judge_node, create_shopper_node, shopper_decided

CATALOG = load_builtin_catalog()
SEARCH = create_catalog_tools(CATALOG, category="laptop")[0]


class AppState(TypedDict):
    """Your app's state; our nodes only need the keys you point them at."""

    chat: Annotated[list[AnyMessage], add_messages]
    customer: dict[str, Any]
    decision: dict[str, Any] | None
    notes: dict[str, Any]
    scores: Annotated[list[dict[str, Any]], operator.add]


def my_sales_bot(state: AppState) -> dict[str, Any]:
    """Stand-in for your bot: greets, then recommends the top search hit for what was said."""
    if not state["chat"]:
        return {"chat": [AIMessage(content="Hi! What are you shopping for today?")]}
    found = SEARCH.invoke({"name": "catalog_search", "args": {"query": state["chat"][-1].text},
                           "id": "s", "type": "tool_call"})
    names = [CATALOG.get(pid).name for pid in found.artifact[:2]]
    return {"chat": [AIMessage(content="How about " + " or ".join(f"**{n}**" for n in names) + "?")]}


def route(state: AppState) -> str:
    turns = sum(m.type == "human" for m in state["chat"])
    return "judge" if shopper_decided(state, decision_key="decision") or turns >= 8 else "bot"


def build_app() -> StateGraph:
    builder = StateGraph(AppState)
    builder.add_node("bot", my_sales_bot)
    builder.add_node("shopper", create_shopper_node(catalog=CATALOG, messages_key="chat", persona_key="customer",
                                                    decision_key="decision", memory_key="notes"))
    builder.add_node("judge", create_judge_node(["decision_alignment", "first_turn_criteria", "num_turns"],
                                                catalog=CATALOG, messages_key="chat", persona_key="customer",
                                                decision_key="decision"))
    builder.add_edge(START, "bot")
    builder.add_edge("bot", "shopper")
    builder.add_conditional_edges("shopper", route, ["bot", "judge"])
    builder.add_edge("judge", END)
    return builder


async def main() -> dict[str, Any]:
    app = build_app().compile(checkpointer=InMemorySaver())
    persona = load_builtin_personas("laptop")[0]
    config = {"configurable": {"thread_id": "demo"}}
    result = await app.ainvoke({"customer": persona.model_dump(mode="json"), "decision": None, "notes": {}},
                               config)
    for m in result["chat"]:
        print(f"{'Shopper' if m.type == 'human' else 'Salesperson'}: {m.text}")
    for s in result["scores"]:
        print(f"{s['name']}: {s['value']} ({s.get('label')})")
    return result


if __name__ == "__main__":
    asyncio.run(main())
