"""Shopper personas and their ground truth (acceptable products)."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.constraints import Constraint, SoftConstraint, satisfies_all

TraitLevel = Literal["Low", "Neutral", "High"]
"""How strongly a Big-Five trait shows in the shopper's behaviour."""


class Persona(BaseModel):
    """A shopper persona: a superset of the SalesSim v1 persona line (DESIGN §3).

    `acceptable_products` holds product ids. `None` means the persona has no ground
    truth (e.g. an older v0 persona); an empty list means nothing in the catalog fits
    and the right decision is to leave.
    """

    model_config = ConfigDict(extra="forbid")

    uuid: str = Field(min_length=1)
    name: str = Field(min_length=1)
    age: int = Field(ge=0, le=130)
    category: str = Field(min_length=1)
    budget: float | None = Field(default=None, ge=0, description="Budget in US dollars.")
    persona_background: str = ""
    speaking_style: str | None = None
    preferences: str = Field(default="", description="Soft preferences, free text.")
    dealbreakers: str = Field(default="", description="Hard requirements, free text.")
    acceptable_products: list[str] | None = None
    constraints: list[Constraint] = Field(default_factory=list)
    soft_constraints: list[SoftConstraint] = Field(default_factory=list)
    knowledge_level: str | None = None
    big_five: dict[str, TraitLevel] | None = None
    emotion: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict, description="Fields of other formats, kept verbatim.")

    @property
    def has_ground_truth(self) -> bool:
        """Whether decision alignment can be computed for this persona."""
        return self.acceptable_products is not None


def persona_hash(persona: Persona) -> str:
    """SHA-256 of the persona's canonical JSON (sorted keys, no whitespace)."""
    data = persona.model_dump(mode="json")
    blob = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def compute_acceptable(persona: Persona, catalog: Catalog) -> list[str]:
    """Ids of the products of the persona's category that satisfy all its constraints."""
    return [p.id for p in catalog.in_category(persona.category) if satisfies_all(p.facts(), persona.constraints)]


def resolve_ground_truth(persona: Persona, catalog: Catalog) -> Persona:
    """Return the persona with `acceptable_products` as catalog ids.

    With `constraints`, the set is computed from the catalog; a given list must then
    agree. Without, given names (or ids) are resolved against the catalog.

    Raises:
        ValueError: naming the products that disagree or cannot be resolved.
    """
    if not catalog.in_category(persona.category):
        raise ValueError(f"persona {persona.uuid}: category {persona.category!r} has no products in the catalog")
    given: list[str] | None = None
    if persona.acceptable_products is not None:
        given, unknown = [], []
        for ref in persona.acceptable_products:
            product = catalog.find(ref, category=persona.category)
            (given.append(product.id) if product else unknown.append(ref))
        if unknown:
            raise ValueError(
                f"persona {persona.uuid}: acceptable_products not found in the catalog: {unknown}"
            )
    if persona.constraints:
        computed = compute_acceptable(persona, catalog)
        if given is not None and set(given) != set(computed):
            missing = sorted(set(computed) - set(given))
            extra = sorted(set(given) - set(computed))
            raise ValueError(
                f"persona {persona.uuid}: acceptable_products disagree with its constraints; "
                f"satisfy the constraints but not listed: {missing}; listed but violate a constraint: {extra}"
            )
        return persona.model_copy(update={"acceptable_products": computed})
    if given is not None:
        return persona.model_copy(update={"acceptable_products": list(dict.fromkeys(given))})
    return persona
