"""The SalesSim conversation graph (DESIGN §4)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AnyMessage, HumanMessage
from langgraph.graph import END, START, StateGraph
from langgraph.prebuilt import ToolNode
from langgraph.runtime import Runtime

from langgraph_salessim.actions import parse_reply
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.judges import Judge, create_decision_alignment_judge, run_judge
from langgraph_salessim.matching import best_match, candidate_mentions
from langgraph_salessim.personas import Persona, resolve_ground_truth
from langgraph_salessim.seats import SalesAgent, SalesView, Shopper, ShopperView
from langgraph_salessim.state import (
    OPENING_GREETING,
    Context,
    Purchase,
    SalesSimInput,
    SalesSimOutput,
    SalesSimState,
    state_persona,
)
from langgraph_salessim.tools import create_inspect_image_tool

DEFAULT_MAX_TURNS = 16
MAX_SHOPPER_TOOL_ROUNDS = 3
SHOPPER_NAME = "shopper"
SALESPERSON_NAME = "salesperson"


def shopper_transcript(messages: Sequence[AnyMessage]) -> list[AnyMessage]:
    """The public transcript with roles flipped for the shopper's model.

    Salesperson turns become human messages and the shopper's own turns AI messages;
    tool calls and tool results (the sales agent's private work) are left out.
    """
    out: list[AnyMessage] = []
    for m in messages:
        if isinstance(m, HumanMessage):
            out.append(AIMessage(content=m.content, name=SHOPPER_NAME))
        elif isinstance(m, AIMessage) and not m.tool_calls:
            out.append(HumanMessage(content=m.content, name=SALESPERSON_NAME))
    return out


def public_transcript(messages: Sequence[AnyMessage]) -> list[AnyMessage]:
    """The transcript as the sales agent may see it: shopper and salesperson turns only."""
    return [m for m in messages if isinstance(m, HumanMessage) or (isinstance(m, AIMessage) and not m.tool_calls)]


def _error_update(seat: str, err: BaseException) -> dict[str, Any]:
    message = f"{type(err).__name__}: {err}"
    return {"outcome": "error", "termination_reason": f"error in {seat}: {message}", "error_message": message}


def _as_persona(value: Any, catalog: Catalog | None) -> Persona:
    persona = value if isinstance(value, Persona) else Persona.model_validate(value)
    if catalog is not None and persona.acceptable_products is None and persona.constraints:
        persona = resolve_ground_truth(persona, catalog)
    return persona


def _recommended_ids(state: SalesSimState) -> list[str]:
    return [pid for r in state.get("recommended", []) for pid in r["product_ids"]]


def _match_purchase(name: str, state: SalesSimState, catalog: Catalog | None) -> Purchase:
    if catalog is None:
        return {"name": name, "product_id": None}
    recommended = [catalog.get(pid) for pid in dict.fromkeys(_recommended_ids(state))]
    product = catalog.find(name, among=recommended) if recommended else None
    product = product or catalog.find(name, category=state_persona(state).category)
    return {"name": name, "product_id": product.id if product else None}


def create_salessim_graph(
    *,
    shopper: Shopper | BaseChatModel | None = None,
    sales_agent: SalesAgent | BaseChatModel | None = None,
    judges: Sequence[Judge] | None = None,
    catalog: Catalog | None = None,
    max_turns: int = DEFAULT_MAX_TURNS,
) -> StateGraph[SalesSimState, Context, SalesSimInput, SalesSimOutput]:
    """Build the conversation graph: opening, shopper and sales agent turns, finalize, judges.

    Args:
        shopper: the shopper seat: a `Shopper`, a chat model (wrapped with `create_shopper`),
            or None for the offline agenda-based shopper.
        sales_agent: the sales seat: a `SalesAgent`, a chat model (wrapped with
            `create_sales_agent`), or None for the offline retrieval sales agent.
        judges: judges run in parallel once the conversation ends; each appends to
            `scores`. Defaults to decision alignment.
        catalog: the catalog both sides work on; defaults to the built-in laptops.
        max_turns: shopper turns before the conversation is cut off (context `max_turns` overrides).

    Returns:
        An uncompiled `StateGraph`; compile it with the checkpointer and store you want.

    Example:
        >>> graph = create_salessim_graph().compile()
        >>> persona = load_builtin_personas()[0]  # doctest: +SKIP
        >>> result = graph.invoke({"persona": persona})  # doctest: +SKIP
        >>> result["outcome"], result["scores"][0]["label"]  # doctest: +SKIP
    """
    if catalog is None:
        from langgraph_salessim.builtin import load_builtin_catalog

        catalog = load_builtin_catalog()
    shopper_seat = as_shopper_seat(shopper, catalog)
    sales_seat = as_sales_seat(sales_agent, catalog)
    judge_list = list(judges) if judges is not None else [create_decision_alignment_judge()]

    def opening(state: SalesSimState) -> dict[str, Any]:
        # kept as JSON in state: checkpointers then need no knowledge of our types
        update: dict[str, Any] = {"persona": _as_persona(state["persona"], catalog).model_dump(mode="json")}
        if not state.get("messages"):
            update["messages"] = [AIMessage(content=OPENING_GREETING, name=SALESPERSON_NAME)]
        update.setdefault("turn", state.get("turn", 0))
        return update

    async def shopper_node(state: SalesSimState, runtime: Runtime[Context]) -> dict[str, Any]:
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
        try:
            reply = await shopper_seat.respond(view)
            return _apply_shopper_reply(reply.message, reply.memory, state)
        except Exception as err:  # a crashing seat ends this conversation, not the batch
            return _error_update("shopper", err)

    def _apply_shopper_reply(msg: AIMessage, memory: dict[str, Any] | None, state: SalesSimState) -> dict[str, Any]:
        parsed = parse_reply(msg.text, [dict(c) for c in msg.tool_calls])
        update: dict[str, Any] = {} if memory is None else {"shopper_memory": memory}
        terminal = next((c for c in parsed.tool_calls if c["name"] in ("add_to_cart", "end_conversation")), None)
        inspects = [c for c in parsed.tool_calls if c["name"] == "inspect_image"]
        rounds = state.get("shopper_tool_rounds", 0)
        if terminal is None and inspects and rounds < MAX_SHOPPER_TOOL_ROUNDS:
            update["shopper_scratch"] = [AIMessage(content=parsed.visible, tool_calls=inspects)]
            update["shopper_tool_rounds"] = rounds + 1
            update["shopper_actions"] = [{
                "turn": state.get("turn", 0) + 1, "action": "inspect_image",
                "products": [c["args"].get("product") for c in inspects],
                "reasoning": parsed.reasoning, "format_leak": parsed.format_leak,
                "usage": dict(msg.usage_metadata) if msg.usage_metadata else None,
            }]
            return update
        turn = state.get("turn", 0) + 1
        action: dict[str, Any] = {
            "turn": turn, "action": terminal["name"] if terminal else "message",
            "reasoning": parsed.reasoning, "format_leak": parsed.format_leak,
            "usage": dict(msg.usage_metadata) if msg.usage_metadata else None,
        }
        update.update(turn=turn, shopper_tool_rounds=0, shopper_actions=[action])
        # one human message per shopper turn (even an empty one) keeps turns and messages aligned
        update["messages"] = [HumanMessage(content=parsed.visible, name=SHOPPER_NAME)]
        if terminal is not None and terminal["name"] == "add_to_cart":
            product_name = str(terminal["args"].get("product", "")).strip()
            purchase = _match_purchase(product_name, state, catalog)
            action["product"] = product_name
            update.update(outcome="accepted", purchase=purchase,
                          termination_reason=f"accepted: shopper added '{product_name}' to the cart")
        elif terminal is not None:
            update.update(outcome="ended_by_shopper", termination_reason="ended_by_shopper: shopper left")
        return update

    async def sales_node(state: SalesSimState, runtime: Runtime[Context]) -> dict[str, Any]:
        seed = runtime.context.seed if runtime.context else 0
        persona = state_persona(state)
        view = SalesView(
            messages=public_transcript(state["messages"]),
            category=persona.category, catalog=catalog, turn=state.get("turn", 0), seed=seed,
        )
        try:
            reply = await sales_seat.respond(view)
        except Exception as err:
            return _error_update("sales_agent", err)
        visible = [AIMessage(content=m.content, name=SALESPERSON_NAME) for m in reply.messages if m.text.strip()]
        if visible and reply.usage:
            visible[0].usage_metadata = reply.usage  # type: ignore[assignment]  # the whole turn's usage
        if not visible:
            return _error_update("sales_agent", ValueError("the sales agent returned no text"))
        text = "\n".join(m.text for m in visible)
        retrieved = [pid for t in state.get("sales_trace", []) for pid in t.get("product_ids", [])]
        retrieved += reply.retrieved or []
        if retrieved:
            pool = [catalog.get(pid) for pid in dict.fromkeys(retrieved)]
        else:
            pool = catalog.in_category(persona.category)
        ids: list[str] = []
        unmatched: list[str] = []
        mentions = candidate_mentions(text)
        for mention in mentions:
            idx = best_match(mention, [p.name for p in pool])
            if idx is None:
                unmatched.append(mention)
            elif pool[idx].id not in ids:
                ids.append(pool[idx].id)
        turn = state.get("turn", 0)
        trace = [{**t, "turn": turn} for t in reply.trace]
        if reply.retrieved is not None and not reply.trace:
            trace = [{"turn": turn, "tool": "retrieval", "product_ids": list(reply.retrieved)}]
        return {
            "messages": visible,
            "sales_trace": trace,
            "recommended": [{"turn": turn, "product_ids": ids, "mentions": mentions, "unmatched": unmatched}],
        }

    def finalize(state: SalesSimState) -> dict[str, Any]:
        if state.get("outcome") is not None:
            return {}
        return {
            "outcome": "max_turns_reached",
            "termination_reason": f"max_turns_reached: {state.get('turn', 0)} shopper turns without a decision",
        }

    def after_shopper(state: SalesSimState, runtime: Runtime[Context]) -> str:
        if state.get("outcome") is not None:
            return "finalize"
        scratch = state.get("shopper_scratch", [])
        if scratch and isinstance(scratch[-1], AIMessage) and scratch[-1].tool_calls:
            return "shopper_tools"
        limit = (runtime.context.max_turns if runtime.context else None) or max_turns
        return "finalize" if state.get("turn", 0) >= limit else "sales_agent"

    def after_sales(state: SalesSimState) -> Literal["shopper", "finalize"]:
        return "finalize" if state.get("outcome") is not None else "shopper"

    builder = StateGraph(
        SalesSimState, context_schema=Context, input_schema=SalesSimInput, output_schema=SalesSimOutput
    )
    builder.add_node("opening", opening)
    builder.add_node("shopper", shopper_node)
    builder.add_node("shopper_tools", _shopper_tools(catalog))
    builder.add_node("sales_agent", sales_node)
    builder.add_node("finalize", finalize)
    builder.add_edge(START, "opening")
    builder.add_edge("opening", "shopper")
    builder.add_conditional_edges("shopper", after_shopper, ["shopper_tools", "sales_agent", "finalize"])
    builder.add_edge("shopper_tools", "shopper")
    builder.add_conditional_edges("sales_agent", after_sales, ["shopper", "finalize"])
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


def _judge_node(judge: Judge) -> Any:
    async def node(state: SalesSimState) -> dict[str, Any]:
        return {"scores": await run_judge(judge, state)}

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


def as_sales_seat(agent: SalesAgent | BaseChatModel | None, catalog: Catalog) -> SalesAgent:
    """The sales seat for a `SalesAgent`, a chat model (LLM sales agent) or None (offline agent)."""
    if agent is None:
        from langgraph_salessim.offline_sales import create_offline_sales_agent

        return create_offline_sales_agent(catalog=catalog)
    if isinstance(agent, BaseChatModel):
        from langgraph_salessim.sales_agent import create_sales_agent

        return create_sales_agent(agent, catalog=catalog)
    if not isinstance(agent, SalesAgent):
        raise TypeError(f"sales_agent must be a SalesAgent, a chat model or None, got {type(agent).__name__}")
    return agent
