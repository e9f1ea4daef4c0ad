"""The offline retrieval sales agent: no model, no network, deterministic (DESIGN §5).

Each turn it reads the shopper's stated needs from everything the shopper said (budget
and attribute mentions), asks a clarifying question while it knows nothing, searches the
catalog with those needs as filters, checks visual-only needs (colour, pattern, band style) by reading the
candidates' image pixels, and recommends at most two products it has not offered before,
in bold by exact catalog name. When nothing fits it says so and suggests looking elsewhere.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage

from langgraph_salessim.catalog import Catalog, Product
from langgraph_salessim.constraints import Constraint, satisfies_all
from langgraph_salessim.images import read_visual_attributes
from langgraph_salessim.matching import candidate_mentions
from langgraph_salessim.search import search_products
from langgraph_salessim.seats import SalesReply, SalesView
from langgraph_salessim.vocab import Reader

_ASK = [
    "Happy to help! What will you mostly use it for, and is there anything it absolutely must have?",
    "Sure! Tell me a bit more: what matters most to you, and do you have a budget in mind?",
    "Great, let's find the right one. What are your must-haves?",
]
_INTRO = ["Based on what you've told me, I'd suggest:", "Here's what I'd recommend:", "These look like a good fit:"]
_NONE = ("I'm sorry, nothing in our catalog matches all of that ({needs}). "
         "You may want to look elsewhere for this one.")


@dataclass
class OfflineSalesAgent:
    """Retrieval sales agent. Use `create_offline_sales_agent` to build one.

    Attributes:
        catalog: the store's catalog.
        max_recommendations: products recommended per turn.
        candidates: products fetched per search before visual checks.
    """

    catalog: Catalog
    max_recommendations: int = 2
    candidates: int = 200
    name: str = "offline-retrieval"

    def __post_init__(self) -> None:
        self._readers: dict[str, Reader] = {}
        self._seen: dict[str, dict[str, str]] = {}

    def _known_attributes(self, category: str) -> set[str]:
        return {"price"} | {k for p in self.catalog.in_category(category) for k in p.attributes}

    def _reader(self, category: str) -> Reader:
        if category not in self._readers:
            self._readers[category] = Reader(self.catalog, category)
        return self._readers[category]

    async def respond(self, view: SalesView) -> SalesReply:
        """Read the needs, search, check images, and recommend (or ask, or send the shopper elsewhere)."""
        rng = random.Random(f"{view.seed}|sales|{view.turn}")
        said = "\n".join(m.text for m in view.messages if isinstance(m, HumanMessage))
        needs = self._reader(view.category).read(said)
        if not needs:
            return SalesReply(messages=[AIMessage(content=rng.choice(_ASK))], trace=[], retrieved=[])
        offered = {p.id for m in view.messages if isinstance(m, AIMessage)
                   for p in [self.catalog.find(x, category=view.category) for x in candidate_mentions(m.text)] if p}
        visual = [c for c in needs if self.catalog.is_visual(view.category, c.attribute)]
        # a catalog without structured specs (e.g. SalesSim's product JSON) is searched by text alone
        known = self._known_attributes(view.category)
        filters = [c for c in needs if c not in visual and c.attribute in known]
        last = next((m.text for m in reversed(view.messages) if isinstance(m, HumanMessage)), "")
        found = search_products(self.catalog, last, category=view.category, filters=filters,
                                top_k=self.candidates, exclude=sorted(offered))
        trace: list[dict[str, Any]] = [{
            "tool": "catalog_search",
            "args": {"query": last, "filters": [c.model_dump() for c in filters]},
            "product_ids": [p.id for p in found],
        }]
        if visual:
            picks = self._check_visual(found, visual, trace, view.category)
        else:
            picks = found[: self.max_recommendations]
        retrieved = [pid for t in trace for pid in t.get("product_ids", [])]
        if not picks:
            text = _NONE.format(needs="; ".join(c.describe() for c in needs))
            return SalesReply(messages=[AIMessage(content=text)], trace=trace, retrieved=retrieved)
        stated = [c for c in filters if c.attribute != "price"]
        lines = [rng.choice(_INTRO)] + [f"{i}. **{p.name}** — ${p.price:,.2f}. {self._why(p, stated)}"
                                        for i, p in enumerate(picks, 1)]
        return SalesReply(messages=[AIMessage(content="\n".join(lines))], trace=trace, retrieved=retrieved)

    def _look(self, product: Product, category: str) -> dict[str, str]:
        """Visual attributes read from the product's image pixels (cached per product)."""
        if product.id not in self._seen:
            path = self.catalog.image_path(product)
            self._seen[product.id] = read_visual_attributes(path, category) if path and path.exists() else {}
        return self._seen[product.id]

    def _check_visual(self, found: list[Product], visual: list[Constraint],
                      trace: list[dict[str, Any]], category: str) -> list[Product]:
        picks: list[Product] = []
        for p in found:
            seen = self._look(p, category)
            trace.append({"tool": "inspect_image", "args": {"product": p.name}, "product_ids": [], "seen": seen})
            if satisfies_all(seen, visual):
                picks.append(p)
                if len(picks) == self.max_recommendations:
                    break
        return picks

    @staticmethod
    def _why(product: Product, needs: list[Constraint]) -> str:
        facts = product.facts()
        shown = [c.attribute for c in needs if c.attribute in facts]
        specs = ", ".join(f"{a.replace('_', ' ')}: {facts[a]}" for a in dict.fromkeys(shown))
        return f"It matches what you asked for ({specs})." if specs else "It fits your budget."


def create_offline_sales_agent(*, catalog: Catalog, max_recommendations: int = 2) -> OfflineSalesAgent:
    """Create the offline retrieval sales agent.

    Args:
        catalog: the store's catalog.
        max_recommendations: products recommended per turn (SalesSim: at most 2).

    Returns:
        An `OfflineSalesAgent` for the sales seat of `create_salessim_graph`.

    Example:
        >>> agent = create_offline_sales_agent(catalog=load_builtin_catalog())  # doctest: +SKIP
    """
    if max_recommendations < 1:
        raise ValueError("max_recommendations must be at least 1")
    return OfflineSalesAgent(catalog=catalog, max_recommendations=max_recommendations)
