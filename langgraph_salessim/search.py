"""Catalog and buying-guide search: rapidfuzz text matching combined with structured filters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from langgraph_salessim.catalog import BuyingGuide, Catalog, Product
from langgraph_salessim.constraints import Constraint, satisfies_all
from langgraph_salessim.matching import normalize_name

_STOP = frozenset(
    "a an and any are as at be best but for from good have i im in is it looking me my need of on or "
    "please show some something that the this to under want with would you your".split()
)
_TOKEN_HIT = 85.0


class VisualAttributeError(ValueError):
    """A filter named an attribute that is only visible in product images."""


def query_tokens(text: str) -> tuple[str, ...]:
    """Normalised tokens of a query, stop words removed."""
    return tuple(t for t in normalize_name(text).split() if t not in _STOP)


@lru_cache(maxsize=8192)
def _text_tokens(text: str) -> frozenset[str]:
    return frozenset(normalize_name(text).split())


def token_coverage(q: tuple[str, ...], text: str) -> float:
    """Share of the query tokens found in `text` (exactly, or fuzzily for tokens longer than 3 characters)."""
    words = _text_tokens(text)
    hits = 0.0
    for tok in q:
        if tok in words:
            hits += 1
        elif len(tok) > 3:
            best = max((fuzz.ratio(tok, w) for w in words), default=0.0)
            hits += 1 if best >= _TOKEN_HIT else 0
    return hits / len(q)


def text_score(query: str, text: str) -> float:
    """Relevance of `text` to `query` in [0, 100]: fuzzy coverage of query tokens plus token-set similarity."""
    q = query_tokens(query)
    if not q:
        return 0.0
    return 70.0 * token_coverage(q, text) + 0.3 * fuzz.token_set_ratio(" ".join(q), normalize_name(text))


def search_products(
    catalog: Catalog,
    query: str = "",
    *,
    category: str | None = None,
    min_price: float | None = None,
    max_price: float | None = None,
    filters: Sequence[Constraint] = (),
    top_k: int = 5,
    exclude: Sequence[str] = (),
) -> list[Product]:
    """Products matching the filters, best text matches first.

    Filters on visual-only attributes are refused: those are learned from images.

    Raises:
        VisualAttributeError: a filter names a visual-only attribute of the category.
    """
    pool = catalog.in_category(category) if category else catalog.products
    for f in filters:
        cats = [category] if category else catalog.categories
        if any(catalog.is_visual(c, f.attribute) for c in cats):
            raise VisualAttributeError(
                f"'{f.attribute}' is only visible in product images; inspect the image instead of filtering on it"
            )
    bounds = list(filters)
    if min_price is not None:
        bounds.append(Constraint(attribute="price", operator=">=", value=float(min_price)))
    if max_price is not None:
        bounds.append(Constraint(attribute="price", operator="<=", value=float(max_price)))
    skip = set(exclude)
    kept = [p for p in pool if p.id not in skip and satisfies_all(p.facts(), bounds)]
    scored = [(text_score(query, p.text()) if query.strip() else 0.0, p) for p in kept]
    # stable order: relevance, then rating, then cheaper first, then catalog order
    scored.sort(key=lambda sp: (-round(sp[0], 6), -(sp[1].rating or 0.0), sp[1].price))
    return [p for _, p in scored[: max(top_k, 0)]]


def search_guides(catalog: Catalog, query: str, *, category: str | None = None, top_k: int = 2) -> list[BuyingGuide]:
    """Buying guides ranked by relevance to the query (those with no relevance are left out)."""
    q = query_tokens(query)
    if not q:
        return []
    pool = [g for g in catalog.buying_guides if category is None or g.category == category]
    # a guide sharing no query word is irrelevant, however similar its characters
    pool = [g for g in pool if token_coverage(q, f"{g.title} {g.text}") > 0]
    scored = [(text_score(query, f"{g.title} {g.title} {g.text}"), g) for g in pool]
    scored.sort(key=lambda sg: -sg[0])
    return [g for _, g in scored[:top_k]]


def guide_excerpt(guide: BuyingGuide, query: str, *, max_chars: int = 700) -> str:
    """The guide paragraphs most relevant to the query, up to `max_chars`."""
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", guide.text) if p.strip()]
    ranked = sorted(paras, key=lambda p: -text_score(query, p))
    out: list[str] = []
    size = 0
    for p in ranked:
        if size + len(p) > max_chars and out:
            break
        out.append(p)
        size += len(p)
    return "\n".join(p for p in paras if p in out)[:max_chars]
