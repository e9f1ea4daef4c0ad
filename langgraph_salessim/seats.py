"""The two seats of a conversation: what each side sees and what it answers.

The graph gives each seat a *view* holding only what that side may know, and turns
the seat's reply into state updates. A shopper never sees the sales agent's tool
work; a sales agent never sees the persona.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from langchain_core.messages import AIMessage, AnyMessage

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.personas import Persona


@dataclass(frozen=True)
class ShopperView:
    """What the shopper knows when it speaks.

    Attributes:
        persona: the shopper's persona.
        transcript: the public conversation from the shopper's side: salesperson turns
            are human messages, the shopper's own turns AI messages.
        scratch: the shopper's private tool exchanges (its `inspect_image` calls and
            their results) during this conversation, in order.
        turn: number of shopper turns so far.
        tool_rounds: tool rounds the shopper has made in the current turn.
        memory: private notes the shopper kept from its earlier turns.
        catalog: the catalog, for looking up products the salesperson named.
        seed: per-conversation seed.
    """

    persona: Persona
    transcript: list[AnyMessage]
    scratch: list[AnyMessage]
    turn: int
    tool_rounds: int
    memory: dict[str, Any]
    catalog: Catalog | None
    seed: int


@dataclass
class ShopperReply:
    """The shopper's move: an AI message whose tool calls (if any) are its action.

    Tool calls are `add_to_cart(product)`, `end_conversation()` or `inspect_image(product)`.
    `memory` replaces the shopper's private notes when not None.
    """

    message: AIMessage
    memory: dict[str, Any] | None = None


@dataclass(frozen=True)
class SalesView:
    """What the sales agent knows: the public transcript, its catalog and the store section."""

    messages: list[AnyMessage]
    category: str
    catalog: Catalog | None
    turn: int
    seed: int
    conversation_id: str = "conversation"


@dataclass
class SalesReply:
    """The salesperson's turn.

    Attributes:
        messages: its visible message(s) to the shopper.
        trace: its tool calls this turn (`{"tool", "args", "product_ids", ...}`), kept private.
        retrieved: ids of the products its searches returned this turn; None when its
            retrieval is not visible (an external bot), in which case recommendations
            are matched against the whole catalog.
        usage: token usage of all its model calls this turn (`UsageMetadata` keys), if known.
    """

    messages: list[AIMessage]
    trace: list[dict[str, Any]] = field(default_factory=list)
    retrieved: list[str] | None = None
    usage: dict[str, Any] | None = None


@runtime_checkable
class Shopper(Protocol):
    """A shopper seat: LLM-driven, offline, or anything that can answer a view."""

    async def respond(self, view: ShopperView) -> ShopperReply:
        """Return the shopper's next move."""
        ...


@runtime_checkable
class SalesAgent(Protocol):
    """A sales-agent seat."""

    async def respond(self, view: SalesView) -> SalesReply:
        """Return the salesperson's next turn."""
        ...
