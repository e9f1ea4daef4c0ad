"""The SalesSim conversation graph (DESIGN §4)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage
from langgraph.config import get_stream_writer
from langgraph.errors import GraphBubbleUp
from langgraph.graph import END, START, StateGraph
from langgraph.prebuilt import ToolNode
from langgraph.runtime import Runtime
from langgraph.types import Command, RetryPolicy

from langgraph_salessim.actions import parse_reply
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.judges import Judge, create_decision_alignment_judge, run_judge
from langgraph_salessim.pacing import waiting
from langgraph_salessim.personas import Persona, resolve_ground_truth
from langgraph_salessim.retry import DEFAULT_RETRY_POLICY, EmptyReplyError, call_with_retry
from langgraph_salessim.seats import SalesAgent, SalesReply, SalesView, Shopper, ShopperView
from langgraph_salessim.state import (
    OPENING_GREETING,
    Context,
    SalesSimInput,
    SalesSimOutput,
    SalesSimState,
    state_persona,
)
from langgraph_salessim.tools import create_inspect_image_tool
from langgraph_salessim.turns import (
    SALESPERSON_NAME,
    after_shopper,
    error_update,
    finalize_update,
    is_empty,
    public_transcript,
    sales_update,
    shopper_transcript,
    shopper_update,
)

DEFAULT_MAX_TURNS = 16


def _as_persona(value: Any, catalog: Catalog | None) -> Persona:
    persona = value if isinstance(value, Persona) else Persona.model_validate(value)
    if catalog is not None and persona.acceptable_products is None and persona.constraints:
        persona = resolve_ground_truth(persona, catalog)
    return persona


def create_salessim_graph(
    *,
    shopper: Shopper | BaseChatModel | None = None,
    sales_agent: SalesAgent | BaseChatModel | Any = None,
    judges: Sequence[Judge] | None = None,
    catalog: Catalog | None = None,
    max_turns: int = DEFAULT_MAX_TURNS,
    attach_images: bool = True,
    retry_policy: RetryPolicy | None = DEFAULT_RETRY_POLICY,
) -> StateGraph[SalesSimState, Context, SalesSimInput, SalesSimOutput]:
    """Build the conversation graph: opening, shopper and sales agent turns, finalize, judges.

    Args:
        shopper: the shopper seat: a `Shopper`, a chat model (wrapped with `create_shopper`),
            or None for the offline agenda-based shopper.
        sales_agent: the sales seat: a `SalesAgent`, a chat model (wrapped with
            `create_sales_agent`), None for the offline retrieval sales agent, or your own bot
            (a compiled graph, `RemoteGraph`, Runnable or callable; see `create_bot_sales_agent`).
        judges: judges run in parallel once the conversation ends; each appends to
            `scores`. Defaults to decision alignment.
        catalog: the catalog both sides work on; defaults to the built-in laptops.
        max_turns: shopper turns before the conversation is cut off (context `max_turns` overrides).
        attach_images: attach the images of recommended products to the salesperson's message
            (context `attach_images` overrides).
        retry_policy: how a seat's failing or empty reply is retried; when it still fails the
            conversation ends with outcome `error` (None: no retries).

    Returns:
        An uncompiled `StateGraph`; compile it with the checkpointer and store you want.

    Example:
        >>> graph = create_salessim_graph().compile()
        >>> persona = load_builtin_personas()[0]  # doctest: +SKIP
        >>> result = await graph.ainvoke({"persona": persona.model_dump(mode="json")})  # doctest: +SKIP
        >>> result["outcome"], result["scores"][0]["label"]  # doctest: +SKIP
    """
    if catalog is None:
        from langgraph_salessim.builtin import load_builtin_catalog

        catalog = load_builtin_catalog()
    shopper_seat = as_shopper_seat(shopper, catalog)
    sales_seat = as_sales_seat(sales_agent, catalog)
    judge_list = list(judges) if judges is not None else [create_decision_alignment_judge()]

    # the small functions below are async so that LangGraph runs them inline, not in a thread pool
    async def opening(state: SalesSimState) -> dict[str, Any]:
        # kept as JSON in state: checkpointers then need no knowledge of our types
        update: dict[str, Any] = {"persona": _as_persona(state["persona"], catalog).model_dump(mode="json")}
        if not state.get("messages"):
            update["messages"] = [AIMessage(content=OPENING_GREETING, name=SALESPERSON_NAME)]
        update.setdefault("turn", state.get("turn", 0))
        if not state.get("conversation_id"):
            update["conversation_id"] = f"conv-{uuid.uuid4().hex}"
        return update

    async def shopper_node(state: SalesSimState, runtime: Runtime[Context]) -> Command[str]:
        seed = runtime.context.seed if runtime.context else 0
        view = ShopperView(
            persona=state_persona(state),
            transcript=shopper_transcript(state["messages"]),
            scratch=list(state.get("shopper_scratch", [])),
            turn=state.get("turn", 0),
            tool_rounds=state.get("shopper_tool_rounds", 0),
            memory=dict(state.get("shopper_memory") or {}),
            catalog=catalog,
            seed=seed,
        )

        async def ask() -> dict[str, Any]:
            async with waiting():  # the seat's model call (or person) runs without this conversation's CPU turn
                reply = await shopper_seat.respond(view)
            if is_empty(parse_reply(reply.message.text, [dict(c) for c in reply.message.tool_calls])):
                raise EmptyReplyError("the shopper's model returned neither text nor a tool call")
            return shopper_update(reply.message, reply.memory, state, catalog)

        try:
            update = await call_with_retry(ask, retry_policy)
            if "messages" in update:
                _progress({"event": "turn", "speaker": "shopper", "turn": update.get("turn"),
                           "action": update["shopper_actions"][-1]["action"]})
        except GraphBubbleUp:  # an interrupt (a person in a seat) pauses the run: let LangGraph handle it
            raise
        except Exception as err:  # a failing seat ends this conversation, not the batch
            update = error_update("shopper", err)
        limit = (runtime.context.max_turns if runtime.context else None) or max_turns
        return Command(update=update, goto=after_shopper({**state, **update}, limit))

    async def sales_node(state: SalesSimState, runtime: Runtime[Context]) -> Command[str]:
        ctx = runtime.context
        persona = state_persona(state)
        view = SalesView(
            messages=public_transcript(state["messages"]),
            category=persona.category, catalog=catalog, turn=state.get("turn", 0), seed=ctx.seed if ctx else 0,
            conversation_id=state.get("conversation_id") or "conversation",
        )
        attach = attach_images if ctx is None or ctx.attach_images is None else ctx.attach_images

        async def ask() -> SalesReply:
            async with waiting():
                reply = await sales_seat.respond(view)
            if not any(m.text.strip() for m in reply.messages):
                raise EmptyReplyError("the sales agent returned no text")
            return reply

        try:
            reply = await call_with_retry(ask, retry_policy)
        except GraphBubbleUp:
            raise
        except Exception as err:
            return Command(update=error_update("sales_agent", err), goto="finalize")
        update = sales_update(reply, state, catalog, attach_images=attach)
        _progress({"event": "turn", "speaker": "salesperson", "turn": state.get("turn", 0),
                   "recommended": [r["product_ids"] for r in update.get("recommended", [])]})
        ended = update.get("outcome") is not None or state.get("outcome") is not None
        return Command(update=update, goto="finalize" if ended else "shopper")

    async def finalize(state: SalesSimState) -> dict[str, Any]:
        return finalize_update(state)

    builder = StateGraph(
        SalesSimState, context_schema=Context, input_schema=SalesSimInput, output_schema=SalesSimOutput
    )
    builder.add_node("opening", opening)
    builder.add_node("shopper", shopper_node, destinations=("shopper_tools", "sales_agent", "finalize"))
    builder.add_node("shopper_tools", _shopper_tools(catalog))
    builder.add_node("sales_agent", sales_node, destinations=("shopper", "finalize"))
    builder.add_node("finalize", finalize)
    builder.add_edge(START, "opening")
    builder.add_edge("opening", "shopper")
    builder.add_edge("shopper_tools", "shopper")
    names: list[str] = []
    for judge in judge_list:
        node = f"judge_{judge.name}"
        if node in names:
            raise ValueError(f"two judges are named {judge.name!r}")
        names.append(node)
        builder.add_node(node, _judge_node(judge))
        builder.add_edge("finalize", node)
        builder.add_edge(node, END)
    if not names:
        builder.add_edge("finalize", END)
    return builder


def _progress(event: dict[str, Any]) -> None:
    """A custom stream event (`stream_mode="custom"`): turn and score progress for Studio and callers."""
    try:
        get_stream_writer()(event)
    except RuntimeError:  # called outside a graph run
        pass


def _judge_node(judge: Judge) -> Any:
    async def node(state: SalesSimState) -> dict[str, Any]:
        async with waiting():
            scores = await run_judge(judge, state)
        for s in scores:
            _progress({"event": "score", "name": s["name"], "value": s["value"], "label": s.get("label")})
        return {"scores": scores}

    return node


def _shopper_tools(catalog: Catalog) -> ToolNode:
    return ToolNode([create_inspect_image_tool(catalog, mentioned_only=True)], messages_key="shopper_scratch")


def as_shopper_seat(shopper: Shopper | BaseChatModel | None, catalog: Catalog) -> Shopper:
    """The shopper seat for a `Shopper`, a chat model (LLM shopper) or None (offline shopper)."""
    if shopper is None:
        from langgraph_salessim.offline_shopper import create_offline_shopper

        return create_offline_shopper()
    if isinstance(shopper, BaseChatModel):
        from langgraph_salessim.shopper import create_shopper

        return create_shopper(shopper, catalog=catalog)
    if not isinstance(shopper, Shopper):
        raise TypeError(f"shopper must be a Shopper, a chat model or None, got {type(shopper).__name__}")
    return shopper


def as_sales_seat(agent: Any, catalog: Catalog) -> SalesAgent:
    """The sales seat for a `SalesAgent`, a chat model, None (the offline agent), or the user's bot.

    A bot is a compiled graph, `RemoteGraph`, Runnable or callable (see `create_bot_sales_agent`).
    """
    if agent is None:
        from langgraph_salessim.offline_sales import create_offline_sales_agent

        return create_offline_sales_agent(catalog=catalog)
    if isinstance(agent, BaseChatModel):
        from langgraph_salessim.sales_agent import create_sales_agent

        return create_sales_agent(agent, catalog=catalog)
    if isinstance(agent, SalesAgent):
        return agent
    from langgraph_salessim.bot_adapter import create_bot_sales_agent

    # anything else is the user's bot: a graph, a RemoteGraph, a Runnable or a callable
    return create_bot_sales_agent(agent)
