"""Evaluate your own sales bot against SalesSim personas.

`bot` below stands in for your in-house bot: any compiled LangGraph graph that speaks
{"messages": [...]} works the same way (so does a RemoteGraph, a Runnable or an async callable).
This one is a tiny StateGraph that searches the built-in catalog with our `catalog_search` tool and
recommends the top hit in bold. With OPENAI_API_KEY set, pass --llm to put a tool-calling LLM bot
(`create_react_agent` with our catalog tools) in the seat instead.

Run:  python examples/evaluate_your_sales_bot.py [--llm] [--limit 20]
Or:   salessim run --sales-agent examples.evaluate_your_sales_bot:bot --category laptop
"""

from __future__ import annotations

import argparse
import asyncio
import os

from langchain_core.messages import AIMessage
from langgraph.graph import START, MessagesState, StateGraph

from langgraph_salessim import load_builtin_catalog, load_builtin_personas, run_conversations
from langgraph_salessim.bot_adapter import create_bot_sales_agent, create_catalog_tools
from langgraph_salessim.report import format_summary, summarize

CATALOG = load_builtin_catalog()
SEARCH = create_catalog_tools(CATALOG, category="laptop")[0]


def _reply(state: MessagesState) -> dict:
    asked = state["messages"][-1].text
    found = SEARCH.invoke({"name": "catalog_search", "args": {"query": asked}, "id": "s", "type": "tool_call"})
    if not found.artifact:
        return {"messages": [AIMessage(content="Sorry, we don't carry anything like that.")]}
    name = CATALOG.get(found.artifact[0]).name
    return {"messages": [AIMessage(content=f"I'd go with the **{name}**. Want to hear about it?")]}


_builder = StateGraph(MessagesState)
_builder.add_node("reply", _reply)
_builder.add_edge(START, "reply")
bot = _builder.compile()  # your bot goes here


def llm_bot():
    """A tool-calling LLM bot on our catalog tools (needs OPENAI_API_KEY)."""
    from langchain_openai import ChatOpenAI
    from langgraph.prebuilt import create_react_agent

    return create_react_agent(ChatOpenAI(model="gpt-4o-mini"), tools=create_catalog_tools(CATALOG, category="laptop"))


async def main(limit: int, use_llm: bool) -> dict:
    seat = create_bot_sales_agent(llm_bot() if use_llm else bot, name="example-bot")
    personas = load_builtin_personas("laptop")[:limit]
    records = await run_conversations(personas, catalog=CATALOG, sales_agent=seat, concurrency=8)
    summary = summarize(records)
    print(format_summary(summary))
    return summary


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llm", action="store_true", help="an LLM bot (needs OPENAI_API_KEY)")
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    if args.llm and not os.environ.get("OPENAI_API_KEY"):
        parser.error("--llm needs OPENAI_API_KEY")
    asyncio.run(main(args.limit, args.llm))
