"""Any sales bot in the sales seat: a compiled graph, a `RemoteGraph`, any Runnable, or an async callable.

The bot sees only the public transcript (it never sees the persona). Its tool calls are not visible
to us, so its recommendations are read from its text and matched against the whole catalog.
"""

from __future__ import annotations

import asyncio
import inspect
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from langchain_core.messages import AIMessage, AnyMessage, BaseMessage, HumanMessage, messages_from_dict
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langgraph.pregel.protocol import PregelProtocol

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.chat import drop_images
from langgraph_salessim.seats import SalesReply, SalesView
from langgraph_salessim.tools import (
    create_buying_guide_search_tool,
    create_catalog_search_tool,
    create_inspect_image_tool,
)

BotKind = Literal["graph", "runnable", "callable"]
"""How the bot is called: a LangGraph graph (local or remote), any other Runnable, or an async callable."""

_THREADS = uuid.UUID("4f9b7a52-2d61-4c0e-9a57-2b6f0c1d8e33")
BotCallable = Callable[[list[AnyMessage]], Awaitable[Any]]


def _ai_messages(out: Any) -> list[AIMessage]:
    """The bot's reply as AI messages with text: from a str, an AIMessage, a list, or `{"messages": [...]}`."""
    if isinstance(out, str):
        return [AIMessage(content=out)]
    if isinstance(out, BaseMessage):
        return [AIMessage(content=out.content)] if isinstance(out, AIMessage) else []
    if isinstance(out, dict) and "messages" in out:
        out = out["messages"]
    if isinstance(out, list):
        msgs = [m if isinstance(m, BaseMessage) else _from_dict(m) for m in out]
        # the bot's turn: the AI messages after the last human (shopper) message
        last_human = max((i for i, m in enumerate(msgs) if isinstance(m, HumanMessage)), default=-1)
        return [AIMessage(content=m.content) for m in msgs[last_human + 1:] if isinstance(m, AIMessage) and m.text]
    raise TypeError(f"the sales bot returned {type(out).__name__}; expected str, AIMessage, a list of messages "
                    "or a dict with 'messages'")


def _from_dict(m: Any) -> BaseMessage:
    if isinstance(m, dict) and "type" in m and "data" not in m:  # the server's JSON form
        role = {"ai": "ai", "assistant": "ai", "human": "human", "user": "human"}.get(m["type"], m["type"])
        return messages_from_dict([{"type": role, "data": {"content": m.get("content", ""), "type": role}}])[0]
    if isinstance(m, dict) and "role" in m:
        return AIMessage(content=m.get("content", "")) if m["role"] == "assistant" else HumanMessage(
            content=m.get("content", ""))
    return messages_from_dict([m])[0]


@dataclass
class BotSalesAgent:
    """A sales seat around the user's bot. Build it with `create_bot_sales_agent`."""

    bot: Any
    kind: BotKind
    stateful: bool
    timeout: float = 120.0
    name: str = "sales-bot"
    _sent: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    async def respond(self, view: SalesView) -> SalesReply:
        """Send the bot the conversation (or, to a stateful bot, what is new on its thread) and read its turn."""
        transcript: list[AnyMessage] = [drop_images(m) for m in view.messages]
        # one thread per conversation; a UUID, as LangGraph servers require
        thread = str(uuid.uuid5(_THREADS, view.conversation_id))
        new = transcript[self._sent.get(thread, 0):] if self.stateful else transcript
        try:
            out = await asyncio.wait_for(self._call(new, thread), timeout=self.timeout)
        except TimeoutError:
            raise TimeoutError(f"the sales bot did not answer within {self.timeout:g} s") from None
        replies = _ai_messages(out)
        self._sent[thread] = len(transcript) + len(replies)  # its replies come back in the transcript
        return SalesReply(messages=replies, trace=[], retrieved=None)

    async def _call(self, messages: list[AnyMessage], thread: str) -> Any:
        if self.kind == "callable":
            result = self.bot(messages)
            return await result if inspect.isawaitable(result) else result
        config = {"configurable": {"thread_id": thread}} if self.stateful else {}
        if self.kind == "graph":
            return await self.bot.ainvoke({"messages": messages}, config)
        return await self.bot.ainvoke(messages, config)


def create_bot_sales_agent(
    bot: Any, *, timeout: float = 120.0, stateful: bool | None = None, name: str | None = None
) -> BotSalesAgent:
    """Put your own sales bot in the sales seat.

    Accepted: a compiled LangGraph graph speaking `{"messages": [...]}` (e.g. from
    `langchain.agents.create_agent`), a `langgraph.pregel.remote.RemoteGraph`, any other
    Runnable taking a list of messages, or a callable `(messages) -> str | AIMessage | list[AIMessage]`
    (sync or async). Each conversation gets its own thread. A graph with a checkpointer (and a
    `RemoteGraph`) keeps its state on that thread and is sent only the new shopper messages;
    anything else is sent the whole public transcript each turn. Errors and timeouts end the
    conversation with outcome `error` (after the graph's retries).

    Args:
        bot: the bot.
        timeout: seconds to wait for one bot turn.
        stateful: override the detection of whether the bot keeps its own history.
        name: name recorded in results.

    Returns:
        A `BotSalesAgent` for `create_salessim_graph(sales_agent=...)`.

    Example:
        >>> agent = create_bot_sales_agent(my_compiled_graph)  # doctest: +SKIP
        >>> graph = create_salessim_graph(sales_agent=agent)  # doctest: +SKIP
    """
    if isinstance(bot, PregelProtocol):
        kind: BotKind = "graph"
        remote = type(bot).__name__ == "RemoteGraph"
        detected = remote or getattr(bot, "checkpointer", None) not in (None, False)
    elif isinstance(bot, Runnable):
        kind, detected = "runnable", False
    elif callable(bot):
        kind, detected = "callable", False
    else:
        raise TypeError(f"cannot use {type(bot).__name__} as a sales bot: expected a graph, Runnable or callable")
    label = name or getattr(bot, "name", None) or getattr(bot, "__name__", None) or type(bot).__name__
    return BotSalesAgent(bot=bot, kind=kind, stateful=detected if stateful is None else stateful,
                         timeout=timeout, name=str(label))


def create_catalog_tools(catalog: Catalog, *, category: str | None = None) -> Sequence[BaseTool]:
    """Our catalog tools for your bot: `catalog_search`, `buying_guide_search`, `inspect_image`.

    Args:
        catalog: the catalog (e.g. `load_builtin_catalog()`).
        category: restrict them to one store section.

    Returns:
        The three tools, ready for `create_agent(model, tools=...)` or `bind_tools`.
    """
    return [create_catalog_search_tool(catalog, category=category),
            create_buying_guide_search_tool(catalog, category=category),
            create_inspect_image_tool(catalog, category=category)]
