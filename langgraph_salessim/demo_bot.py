"""A tiny rule-based sales bot, for demos and tests of the bot seat (not a baseline to measure)."""

from __future__ import annotations

from typing import Any

from langchain_core.messages import AIMessage
from langgraph.graph import START, MessagesState, StateGraph

from langgraph_salessim.builtin import load_builtin_catalog
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.search import search_products


def create_demo_bot(*, catalog: Catalog | None = None, category: str = "laptop") -> StateGraph[Any, Any, Any, Any]:
    """A StateGraph bot: searches the catalog with the shopper's last message, recommends the top hit in bold.

    Args:
        catalog: the catalog (default: the built-in one).
        category: the store section it sells.

    Returns:
        An uncompiled `StateGraph` over `MessagesState`.
    """
    shop = catalog or load_builtin_catalog()

    def reply(state: MessagesState) -> dict[str, Any]:
        asked = state["messages"][-1].text if state["messages"] else ""
        found = search_products(shop, asked, category=category, top_k=1)
        if not found:
            return {"messages": [AIMessage(content="Sorry, we don't carry anything like that.")]}
        return {"messages": [AIMessage(content=f"I'd go with the **{found[0].name}**. Want to hear about it?")]}

    builder = StateGraph(MessagesState)
    builder.add_node("reply", reply)
    builder.add_edge(START, "reply")
    return builder
