"""One view of a finished conversation for every metric.

It comes from graph state, from one of our results records, or from an official SalesSim results file.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.personas import Persona
from langgraph_salessim.results import conversation_turns
from langgraph_salessim.state import state_persona


@dataclass
class Turn:
    """One message of the conversation."""

    speaker: str  # "Salesperson" or "Shopper"
    text: str
    index: int
    action: str | None = None  # shopper: message, add_to_cart, end_conversation
    recommended: list[str] = field(default_factory=list)  # salesperson: product ids
    unmatched: list[str] = field(default_factory=list)  # salesperson: bold names matching no product
    format_leak: bool = False


@dataclass
class Conversation:
    """What the metrics read. `acceptable` is None when the persona has no ground truth."""

    turns: list[Turn]
    outcome: str | None
    persona: Persona | None = None
    category: str | None = None
    acceptable: list[str] | None = None
    purchase_id: str | None = None
    purchase_name: str | None = None
    criteria: list[str] = field(default_factory=list)  # free-text criteria of official personas
    total_turns: int | None = None  # shopper turns as counted by the run (None: count the messages)

    @property
    def decided_in_first_turn(self) -> bool:
        """The shopper bought or left in its very first turn."""
        n = self.total_turns if self.total_turns is not None else len(self.shopper_turns)
        return self.outcome in ("accepted", "ended_by_shopper") and n <= 1

    @property
    def shopper_turns(self) -> list[Turn]:
        """The shopper's messages, in order."""
        return [t for t in self.turns if t.speaker == "Shopper"]

    @property
    def sales_turns(self) -> list[Turn]:
        """The salesperson's messages, in order (the greeting first)."""
        return [t for t in self.turns if t.speaker == "Salesperson"]

    @property
    def recommended(self) -> list[str]:
        """Every product id the salesperson recommended, first time first."""
        return list(dict.fromkeys(pid for t in self.sales_turns for pid in t.recommended))

    @property
    def bought(self) -> bool:
        """Whether the shopper put a product in the cart."""
        return self.outcome == "accepted"


def resolve_purchase(conv: Conversation, name: str, catalog: Catalog) -> None:
    """Set `purchase_id` from the name the shopper bought: recommended products first, then its category."""
    recommended = [catalog.get(pid) for pid in conv.recommended]
    product = (catalog.find(name, among=recommended) if recommended else None) or \
        catalog.find(name, category=conv.category)
    conv.purchase_name = name
    conv.purchase_id = product.id if product else None


def _turns(raw: Any) -> list[dict[str, Any]]:
    if isinstance(raw, str):  # official v0 files hold the list as a Python literal
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError:
            raw = ast.literal_eval(raw)
    return list(raw or [])


def _turn(d: Mapping[str, Any], i: int) -> Turn:
    return Turn(speaker=str(d.get("speaker", "")), text=str(d.get("text") or ""), index=int(d.get("turn", i)),
                action=d.get("shopper_action"), recommended=list(d.get("recommended_ids") or []),
                unmatched=list(d.get("unmatched_mentions") or []), format_leak=bool(d.get("format_leak")))


def from_state(state: Mapping[str, Any]) -> Conversation:
    """The conversation held in a SalesSim graph state."""
    persona = state_persona(state) if state.get("persona") is not None else None
    purchase = state.get("purchase") or {}
    return Conversation(
        turns=[_turn(d, i) for i, d in enumerate(conversation_turns(state))],
        outcome=state.get("outcome"), persona=persona, category=persona.category if persona else None,
        acceptable=persona.acceptable_products if persona else None,
        purchase_id=purchase.get("product_id"), purchase_name=purchase.get("name"),
        total_turns=state.get("turn"),
    )


def from_record(record: Mapping[str, Any]) -> Conversation:
    """The conversation of a results record: ours, or an official SalesSim (v0/v1) one."""
    turns = [_turn(d, i) for i, d in enumerate(_turns(record.get("conversation")))]
    purchase = record.get("purchase") or {}
    prefs = record.get("shopper_preferences")
    persona = None
    criteria: list[str] = []
    if isinstance(prefs, dict) and ("constraints" in prefs or "dealbreakers" in prefs):
        shown = record.get("shopper_persona") or {}
        persona = Persona.model_validate({
            "uuid": record.get("persona_id") or "unknown", "name": shown.get("name") or "?",
            "age": shown.get("age") or 0, "category": record.get("category") or "unknown",
            **{k: shown[k] for k in ("budget", "persona_background", "speaking_style", "knowledge_level",
                                     "big_five", "emotion") if shown.get(k) is not None},
            **{k: v for k, v in prefs.items() if k in ("preferences", "dealbreakers", "constraints",
                                                       "soft_constraints")},
            "acceptable_products": record.get("ideal_recommendation_ids"),
        })
    else:
        criteria = _official_criteria(prefs)
    return Conversation(
        turns=turns, outcome=record.get("outcome"), persona=persona,
        category=record.get("category") or record.get("product_category"),
        acceptable=record.get("ideal_recommendation_ids"),
        purchase_id=purchase.get("product_id"), purchase_name=purchase.get("name"), criteria=criteria,
        total_turns=len([t for t in turns if t.speaker == "Shopper"]),
    )


def _official_criteria(prefs: Any) -> list[str]:
    """Criteria of an official record: the answers of its question -> answer preferences."""
    if isinstance(prefs, str):
        try:
            prefs = ast.literal_eval(prefs)
        except (ValueError, SyntaxError):
            return [s.strip() for s in prefs.split("\n") if s.strip()]
    if isinstance(prefs, dict):
        # a bare "yes" means nothing without its question ("Do you care about weight? yes")
        return [f"{k} {v}" if len(str(v).split()) <= 2 and k.endswith("?") else str(v)
                for k, v in prefs.items() if k != "persona_background" and str(v).strip()]
    return []
