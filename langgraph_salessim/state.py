"""Graph state, scores and per-run context of a SalesSim conversation (DESIGN §4)."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, NotRequired, TypedDict

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages

from langgraph_salessim.personas import Persona

Outcome = Literal["accepted", "ended_by_shopper", "max_turns_reached", "error"]
"""How a conversation ended: a purchase, the shopper leaving, the turn cap, or a crash of either side."""

OPENING_GREETING = "Hello! I'm here to help you find the perfect product. What are you looking for today?"
"""The salesperson's fixed first message (as in SalesSim)."""


def keep_first(current: Any, new: Any) -> Any:
    """Reducer for channels written once: the first non-None value wins."""
    return current if current is not None else new


def state_persona(state: Any) -> Persona:
    """The persona of a state: stored as plain JSON so any checkpointer can hold it."""
    value = state["persona"]
    return value if isinstance(value, Persona) else Persona.model_validate(value)


class Score(TypedDict):
    """One judge's verdict on a conversation.

    `value` is None when the judge could not score (then `comment` says why); it is
    never replaced by a default.
    """

    name: str
    value: float | None
    label: str | None
    details: dict[str, Any]
    comment: NotRequired[str | None]


def make_score(name: str, value: float | None, *, label: str | None = None, comment: str | None = None,
               **details: Any) -> Score:
    """A `Score`; keyword arguments beyond label and comment go to `details`."""
    return Score(name=name, value=value, label=label, details=dict(details), comment=comment)


def find_score(record: Any, name: str) -> Any:
    """The score named `name` in a record's (or state's) `scores`, or None."""
    return next((s for s in record.get("scores") or [] if s.get("name") == name), None)


class Recommendation(TypedDict):
    """Products the salesperson recommended in one of its turns."""

    turn: int
    product_ids: list[str]
    mentions: list[str]
    unmatched: list[str]


class Purchase(TypedDict):
    """What the shopper put in its cart: the name it used and the catalog product it matched."""

    name: str
    product_id: str | None


class SalesSimInput(TypedDict):
    """What a caller passes to start a conversation."""

    persona: Persona | dict[str, Any]
    conversation_id: NotRequired[str]


class SalesSimState(TypedDict):
    """Full state of one conversation.

    `messages` is the public transcript from the salesperson's side: shopper turns are
    human messages, salesperson turns AI messages. Each side's private work lives in
    its own channel (`shopper_scratch`, `sales_trace`) and never reaches the other.
    """

    messages: Annotated[list[AnyMessage], add_messages]
    persona: dict[str, Any]
    conversation_id: Annotated[str | None, keep_first]
    turn: int
    outcome: Annotated[Outcome | None, keep_first]
    termination_reason: Annotated[str | None, keep_first]
    error_message: Annotated[str | None, keep_first]
    purchase: Purchase | None
    recommended: Annotated[list[Recommendation], operator.add]
    sales_trace: Annotated[list[dict[str, Any]], operator.add]
    shopper_scratch: Annotated[list[AnyMessage], add_messages]
    shopper_tool_rounds: int
    shopper_actions: Annotated[list[dict[str, Any]], operator.add]
    shopper_memory: dict[str, Any]
    scores: Annotated[list[Score], operator.add]


class SalesSimOutput(TypedDict):
    """What a finished conversation returns: the transcript, how it ended, and the scores."""

    messages: list[AnyMessage]
    outcome: Outcome | None
    termination_reason: str | None
    error_message: str | None
    purchase: Purchase | None
    recommended: list[Recommendation]
    sales_trace: list[dict[str, Any]]
    shopper_actions: list[dict[str, Any]]
    turn: int
    scores: list[Score]


@dataclass(kw_only=True)
class Context:
    """Per-run settings (LangGraph `context_schema`); Studio shows them as a form."""

    max_turns: int | None = field(
        default=None,
        metadata={"description": "Maximum number of shopper turns; None keeps the graph's default (16)."},
    )
    seed: int = field(default=0, metadata={"description": "Seed for the offline agents and models that take one."})
    attach_images: bool | None = field(
        default=None,
        metadata={"description": "Attach images of recommended products to salesperson turns; None keeps the "
                                 "graph's default (on)."},
    )
    shopper_model: str | None = field(
        default=None, metadata={"description": "Studio: shopper model, e.g. openai:gpt-4o-mini (empty: offline)."})
    shopper_variant: str = field(
        default="default", metadata={"description": "Studio graphs: default, human_steering or v0."})
    sales_model: str | None = field(
        default=None, metadata={"description": "Studio: sales agent model, e.g. openai:gpt-4o (empty: offline)."})
    base_url: str | None = field(
        default=None, metadata={"description": "Studio graphs: OpenAI-compatible server for both models."})
    human_shopper: bool = field(
        default=False, metadata={"description": "Studio graphs: you play the shopper (the run pauses for you)."})
    human_salesperson: bool = field(
        default=False, metadata={"description": "Studio graphs: you play the salesperson (the run pauses for you)."})
