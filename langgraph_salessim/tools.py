"""LangChain tools of both seats: catalog and guide search, image inspection, buy and leave."""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from langchain_core.tools import BaseTool, StructuredTool
from langgraph.prebuilt import InjectedState
from pydantic import BaseModel, Field, ValidationError

from langgraph_salessim.catalog import Catalog, Product
from langgraph_salessim.constraints import Constraint, Operator
from langgraph_salessim.matching import match_mentions, normalize_name
from langgraph_salessim.search import VisualAttributeError, guide_excerpt, search_guides, search_products


class AttributeFilter(BaseModel):
    """A structured filter on one product attribute."""

    attribute: str = Field(description="Attribute name, e.g. ram_gb, os, screen_in, weight_lb, battery_hours.")
    operator: Operator = Field(description="One of <, <=, >, >=, ==, !=, in, not_in, contains, not_contains.")
    value: Any = Field(description="Value to compare with; a list for in/not_in.")


@lru_cache(maxsize=1024)
def _b64(path: str, mtime: float) -> str:
    return base64.b64encode(Path(path).read_bytes()).decode("ascii")


def image_block(path: Path) -> dict[str, Any]:
    """A LangChain image content block holding the file's bytes (base64)."""
    mime = "image/jpeg" if path.suffix.lower() in (".jpg", ".jpeg") else "image/png"
    return {"type": "image", "base64": _b64(str(path), path.stat().st_mtime), "mime_type": mime}


def describe_product(product: Product, catalog: Catalog) -> str:
    """One line about a product as a store page would show it (visual-only attributes left out)."""
    shown = {
        k: v
        for k, v in product.attributes.items()
        if not catalog.is_visual(product.category, k) and v is not None
    }
    specs = ", ".join(f"{k}={v}" for k, v in shown.items())
    return f"**{product.name}** — ${product.price:,.2f}" + (f" | {specs}" if specs else "") + (
        f" | {product.description}" if product.description else ""
    )


def create_catalog_search_tool(
    catalog: Catalog, *, category: str | None = None, top_k: int = 5, name: str = "catalog_search"
) -> BaseTool:
    """Create the sales agent's catalog search tool.

    Its artifact is the list of product ids returned, so callers can record retrieval.

    Args:
        catalog: the catalog to search.
        category: restrict every search to this category (the store section).
        top_k: most products returned per search.
        name: tool name shown to the model.

    Returns:
        A tool taking `query`, optional `min_price`/`max_price` and `filters`.

    Example:
        >>> tool = create_catalog_search_tool(catalog, category="laptop")
        >>> tool.invoke({"query": "light laptop for travel", "max_price": 900})  # doctest: +SKIP
    """

    def catalog_search(
        query: str,
        min_price: float | None = None,
        max_price: float | None = None,
        filters: list[AttributeFilter] | None = None,
    ) -> tuple[str, list[str]]:
        """Search the store's product catalog.

        Args:
            query: what the shopper is looking for, in words.
            min_price: lowest price in US dollars.
            max_price: highest price in US dollars.
            filters: structured attribute filters, e.g. {"attribute": "ram_gb", "operator": ">=", "value": 16}.
        """
        try:
            constraints = [Constraint(**f.model_dump()) if isinstance(f, AttributeFilter) else Constraint(**f)
                           for f in (filters or [])]
            found = search_products(
                catalog, query, category=category, min_price=min_price, max_price=max_price,
                filters=constraints, top_k=top_k,
            )
        except (VisualAttributeError, ValidationError, TypeError) as err:
            return f"Search failed: {err}", []
        if not found:
            return "No products match this search. Try fewer or looser filters.", []
        lines = [f"{i}. {describe_product(p, catalog)}" for i, p in enumerate(found, 1)]
        return "\n".join(lines), [p.id for p in found]

    return StructuredTool.from_function(catalog_search, name=name, response_format="content_and_artifact")


def create_buying_guide_search_tool(
    catalog: Catalog, *, category: str | None = None, name: str = "buying_guide_search"
) -> BaseTool:
    """Create a tool that searches the catalog's buying guides.

    Args:
        catalog: the catalog whose guides are searched.
        category: restrict to this category's guides.
        name: tool name shown to the model.

    Returns:
        A tool taking `query` and returning the most relevant guide excerpts.
    """

    def buying_guide_search(query: str) -> str:
        """Search buying guides for advice on what matters when choosing a product.

        Args:
            query: the question, e.g. "how much RAM do I need for photo editing".
        """
        guides = search_guides(catalog, query, category=category)
        if not guides:
            return "No buying guide covers this question."
        return "\n\n".join(f"## {g.title}\n{guide_excerpt(g, query)}" for g in guides)

    return StructuredTool.from_function(buying_guide_search, name=name)


def _inspect(
    catalog: Catalog, product_name: str, category: str | None
) -> tuple[str | list[dict[str, Any]], str | None]:
    product = catalog.find(product_name, category=category)
    if product is None:
        return (f"No product named '{product_name}' in the catalog; inspect_image only shows catalog products. "
                "Use the exact product name."), None
    path = catalog.image_path(product)
    if path is None or not path.exists():
        return f"'{product.name}' has no image available.", product.id
    return [{"type": "text", "text": f"Image of {product.name}:"}, image_block(path)], product.id


def _persona_category(state: dict[str, Any], catalog: Catalog) -> str | None:
    """The category of the persona in the graph state, when the catalog has products of it."""
    persona = state.get("persona")
    category = persona.get("category") if isinstance(persona, dict) else getattr(persona, "category", None)
    return category if isinstance(category, str) and catalog.in_category(category) else None


def create_inspect_image_tool(
    catalog: Catalog,
    *,
    category: str | None = None,
    mentioned_only: bool = False,
    name: str = "inspect_image",
) -> BaseTool:
    """Create the tool that shows a product's image (as an image content block) with its name.

    Unknown products get a clear message back, not an exception. Its artifact is the
    product id shown (None when nothing was shown).

    Args:
        catalog: the catalog whose images are shown.
        category: restrict lookups to this category.
        mentioned_only: only show products the salesperson named in the conversation
            (read from the graph's `messages` through `InjectedState`); for the shopper.
        name: tool name shown to the model.

    Returns:
        A tool taking `product` (the product's name).
    """
    if not mentioned_only:

        def inspect_image(product: str) -> tuple[str | list[dict[str, Any]], str | None]:
            """Look at a product's image to check what it looks like (colour, style, design).

            Args:
                product: the exact product name.
            """
            return _inspect(catalog, product, category)

        return StructuredTool.from_function(inspect_image, name=name, response_format="content_and_artifact")

    def inspect_image_mentioned(
        product: str, state: Annotated[dict[str, Any], InjectedState]
    ) -> tuple[str | list[dict[str, Any]], str | None]:
        """Look at the image of a product the salesperson mentioned (colour, style, design).

        Args:
            product: the exact product name.
            state: the graph state (injected, not shown to the model).
        """
        said = " ".join(
            m.text for m in state.get("messages", []) if getattr(m, "type", "") == "ai"
        )
        # in a catalog of several categories, look in the shopper's own category first
        where = category or _persona_category(state, catalog)
        pool = catalog.in_category(where) if where else catalog.products
        known = catalog.find(product, category=where)
        named = {pool[i].id for i in match_mentions(said, [p.name for p in pool])}
        text, asked = f" {normalize_name(said)} ", normalize_name(product)
        mentioned = known is not None and (
            f" {normalize_name(known.name)} " in text
            or known.id in named
            # a shortened name ("Dell XPS 13") the salesperson wrote in plain text
            or (len(asked.split()) >= 2 and f" {asked} " in text)
        )
        if known is not None and not mentioned:
            return f"'{known.name}' has not been mentioned by the salesperson; ask about it first.", None
        return _inspect(catalog, product, where)

    return StructuredTool.from_function(
        inspect_image_mentioned, name=name, response_format="content_and_artifact",
        description="Look at the image of a product the salesperson mentioned (colour, style, design).",
    )


def create_add_to_cart_tool(*, name: str = "add_to_cart") -> BaseTool:
    """Create the shopper's buy tool; calling it ends the conversation with a purchase."""

    def add_to_cart(product: str) -> str:
        """Buy a product the salesperson recommended. This ends the conversation.

        Args:
            product: the exact product name as the salesperson wrote it.
        """
        return f"Added '{product}' to the cart."

    return StructuredTool.from_function(add_to_cart, name=name)


def create_end_conversation_tool(*, name: str = "end_conversation") -> BaseTool:
    """Create the shopper's leave tool; calling it ends the conversation without a purchase."""

    def end_conversation() -> str:
        """Leave the store without buying anything. This ends the conversation."""
        return "Conversation ended."

    return StructuredTool.from_function(end_conversation, name=name)
