"""Graphs for LangGraph Studio / `langgraph dev` (the modules in `graphs/` only call these).

- `salessim`: one conversation; pick a built-in persona by id or pass a persona; models and options
  in the context form; a person can take the salesperson's seat (`human_salesperson`).
- `salessim_batch`: many conversations fanned out with `Send`, scores aggregated.
- `shopper`: the shopper alone; you play the salesperson through `interrupt()`.
- `judge`: score a given transcript.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, NotRequired, cast

from langchain_core.messages import AIMessage, AnyMessage
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.runtime import get_runtime
from langgraph.types import Send, interrupt
from typing_extensions import TypedDict

from langgraph_salessim.builtin import load_builtin_catalog, load_builtin_personas
from langgraph_salessim.graph import as_sales_seat, as_shopper_seat, create_salessim_graph
from langgraph_salessim.models import create_chat_model
from langgraph_salessim.nodes import create_judge_node, create_shopper_node, shopper_decided
from langgraph_salessim.personas import Persona
from langgraph_salessim.repeatability import alignment_by_category
from langgraph_salessim.sales_agent import create_sales_agent
from langgraph_salessim.seats import SalesReply, SalesView, ShopperReply, ShopperView
from langgraph_salessim.shopper import ShopperVariant, create_shopper
from langgraph_salessim.state import Context, SalesSimOutput, SalesSimState

HUMAN_SHOPPER_PROMPT = ("You are the shopper (persona attached). Reply to the salesperson; to buy write "
                        'add_to_cart("exact product name"), to leave write end_conversation().')
HUMAN_PROMPT = "You are the salesperson. Reply to the shopper (their last message is in `shopper_said`)."


def builtin_persona(persona_id: str) -> Persona:
    """A built-in persona by its uuid (or a unique prefix of it)."""
    matches = [p for p in load_builtin_personas() if p.uuid == persona_id or p.uuid.startswith(persona_id)]
    if len(matches) != 1:
        raise ValueError(f"persona_id {persona_id!r} matches {len(matches)} built-in personas; give the full uuid")
    return matches[0]


class ContextShopper:
    """The shopper seat chosen per run from the context: a model by name, else the offline shopper."""

    def __init__(self) -> None:
        self._seats: dict[tuple[Any, ...], Any] = {}

    async def respond(self, view: ShopperView) -> ShopperReply:
        """Answer as the configured shopper; a person answers through `interrupt()`."""
        ctx = get_runtime(Context).context
        if ctx is not None and ctx.human_shopper:
            said = view.transcript[-1].text if view.transcript else ""
            answer = interrupt({"prompt": HUMAN_SHOPPER_PROMPT, "salesperson_said": said,
                                "persona": view.persona.model_dump(mode="json")})
            return ShopperReply(message=AIMessage(content=str(answer)))
        key = (ctx.shopper_model, ctx.base_url, ctx.shopper_variant) if ctx else (None, None, "default")
        if key not in self._seats:
            model = create_chat_model(key[0], base_url=key[1]) if key[0] else None
            catalog = view.catalog or load_builtin_catalog()
            self._seats[key] = (create_shopper(model, catalog=catalog, variant=cast(ShopperVariant, key[2]))
                                if model else as_shopper_seat(None, catalog))
        return await self._seats[key].respond(view)


class ContextSalesAgent:
    """The sales seat chosen per run: a person (`human_salesperson`), a model by name, or the offline agent."""

    def __init__(self) -> None:
        self._seats: dict[tuple[Any, ...], Any] = {}

    async def respond(self, view: SalesView) -> SalesReply:
        """Answer as the configured salesperson; a person answers through `interrupt()`."""
        ctx = get_runtime(Context).context
        if ctx is not None and ctx.human_salesperson:
            said = view.messages[-1].text if view.messages else ""
            answer = interrupt({"prompt": HUMAN_PROMPT, "shopper_said": said})
            return SalesReply(messages=[AIMessage(content=str(answer))], retrieved=None)
        key = (ctx.sales_model, ctx.base_url) if ctx else (None, None)
        if key not in self._seats:
            catalog = view.catalog or load_builtin_catalog()
            model = create_chat_model(key[0], base_url=key[1]) if key[0] else None
            self._seats[key] = create_sales_agent(model, catalog=catalog) if model else as_sales_seat(None, catalog)
        return await self._seats[key].respond(view)


class StudioInput(TypedDict):
    """Start one conversation: a built-in persona id, or a persona object."""

    persona_id: NotRequired[str]
    persona: NotRequired[dict[str, Any]]


class StudioState(SalesSimState):
    """The conversation's state plus the persona id the run started from."""

    persona_id: NotRequired[str]


def create_studio_graph() -> StateGraph[Any, Any, Any, Any]:
    """The `salessim` graph for Studio: resolves `persona_id`, then runs one scored conversation."""
    from langgraph_salessim.evaluation import create_metric_judges

    catalog = load_builtin_catalog()
    inner = create_salessim_graph(shopper=ContextShopper(), sales_agent=ContextSalesAgent(), catalog=catalog,
                                  judges=create_metric_judges(catalog=catalog)).compile()

    def pick(state: Any) -> dict[str, Any]:
        if state.get("persona"):
            return {"persona": Persona.model_validate(state["persona"]).model_dump(mode="json")}
        if not state.get("persona_id"):
            raise ValueError("give persona_id (a built-in persona uuid) or persona (a persona object)")
        return {"persona": builtin_persona(state["persona_id"]).model_dump(mode="json")}

    builder = StateGraph(StudioState, context_schema=Context, input_schema=StudioInput,
                         output_schema=SalesSimOutput)
    builder.add_node("pick_persona", pick)
    builder.add_node("conversation", inner)
    builder.add_edge(START, "pick_persona")
    builder.add_edge("pick_persona", "conversation")
    builder.add_edge("conversation", END)
    return builder


class BatchState(TypedDict):
    """Fan-out over personas; each conversation's summary is appended to `results`."""

    persona_ids: NotRequired[list[str]]
    category: NotRequired[str]
    limit: NotRequired[int]
    results: Annotated[list[dict[str, Any]], operator.add]
    summary: dict[str, Any]


def create_batch_graph() -> StateGraph[Any, Any, Any, Any]:
    """The `salessim_batch` graph: one `Send` per persona, then alignment per category."""
    catalog = load_builtin_catalog()
    one = create_salessim_graph(catalog=catalog).compile()

    def plan(state: BatchState) -> list[Send]:
        if state.get("persona_ids"):
            personas = [builtin_persona(pid) for pid in state["persona_ids"]]
        else:
            personas = load_builtin_personas(state.get("category"))[: state.get("limit", 10)]
        return [Send("conversation", {"persona": p.model_dump(mode="json")}) for p in personas]

    async def conversation(payload: Any) -> dict[str, Any]:
        out = await one.ainvoke({"persona": payload["persona"]})
        persona = payload["persona"]
        return {"results": [{"persona_id": persona["uuid"], "category": persona["category"],
                             "outcome": out["outcome"], "scores": out["scores"]}]}

    def aggregate(state: BatchState) -> dict[str, Any]:
        return {"summary": alignment_by_category(state["results"])}

    builder: StateGraph[Any, Any, Any, Any] = StateGraph(BatchState)
    builder.add_node("conversation", conversation)  # type: ignore[arg-type]  # a Send target takes its payload
    builder.add_node("aggregate", aggregate)
    builder.add_conditional_edges(START, plan, ["conversation"])
    builder.add_edge("conversation", "aggregate")
    builder.add_edge("aggregate", END)
    return builder


class ShopperChatState(TypedDict):
    """Chat with the shopper: you are the salesperson (AI turns), it answers (human turns)."""

    messages: Annotated[list[AnyMessage], add_messages]
    persona_id: NotRequired[str]
    persona: NotRequired[dict[str, Any]]
    shopper_decision: NotRequired[dict[str, Any] | None]
    shopper_memory: NotRequired[dict[str, Any]]


def create_shopper_chat_graph(*, max_turns: int = 16) -> StateGraph[Any, Any, Any, Any]:
    """The `shopper` graph: a person plays the salesperson through `interrupt()`; the shopper answers."""
    catalog = load_builtin_catalog()

    def setup(state: ShopperChatState) -> dict[str, Any]:
        persona = Persona.model_validate(state["persona"]) if state.get("persona") else builtin_persona(
            state.get("persona_id") or load_builtin_personas()[0].uuid)
        return {"persona": persona.model_dump(mode="json"), "shopper_decision": None, "shopper_memory": {}}

    def salesperson(state: ShopperChatState) -> dict[str, Any]:
        said = state["messages"][-1].text if state.get("messages") else ""
        answer = interrupt({"prompt": HUMAN_PROMPT, "shopper_said": said})
        return {"messages": [AIMessage(content=str(answer), name="salesperson")]}

    def route(state: ShopperChatState) -> str:
        turns = sum(m.type == "human" for m in state["messages"])
        return END if shopper_decided(state) or turns >= max_turns else "salesperson"

    builder = StateGraph(ShopperChatState, context_schema=Context)
    builder.add_node("setup", setup)
    builder.add_node("salesperson", salesperson)
    builder.add_node("shopper", create_shopper_node(ContextShopper(), catalog=catalog))
    builder.add_edge(START, "setup")
    builder.add_edge("setup", "salesperson")
    builder.add_edge("salesperson", "shopper")
    builder.add_conditional_edges("shopper", route, ["salesperson", END])
    return builder


class JudgeState(TypedDict):
    """A transcript to score: messages (human = shopper, AI = salesperson), persona, the decision."""

    messages: Annotated[list[AnyMessage], add_messages]
    persona: dict[str, Any]
    shopper_decision: NotRequired[dict[str, Any] | None]
    scores: Annotated[list[dict[str, Any]], operator.add]


def create_judge_graph() -> StateGraph[Any, Any, Any, Any]:
    """The `judge` graph: every deterministic metric on the given transcript."""
    builder = StateGraph(JudgeState)
    builder.add_node("judge", create_judge_node(catalog=load_builtin_catalog()))
    builder.add_edge(START, "judge")
    builder.add_edge("judge", END)
    return builder
