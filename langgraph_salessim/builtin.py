"""The built-in benchmark data shipped with the package: five categories, one directory each."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from langgraph_salessim.catalog import BuyingGuide, Catalog, Product
from langgraph_salessim.formats import load_catalog, load_personas
from langgraph_salessim.personas import Persona

BUILTIN_CATEGORIES = ("laptop", "womens_clothing", "mens_clothing", "smart_watch", "game_gadget")
"""Categories with a built-in catalog, images, buying guides and personas."""

_DIRS = {
    "laptop": "laptops",
    "womens_clothing": "womens_clothing",
    "mens_clothing": "mens_clothing",
    "smart_watch": "smart_watches",
    "game_gadget": "game_gadgets",
}


def builtin_data_dir(category: str | None = "laptop") -> Path:
    """Directory of a built-in category's catalog.json, personas.jsonl and images/.

    Args:
        category: A name from `BUILTIN_CATEGORIES`, or None for the data root holding
            every category's directory.

    Raises:
        ValueError: For a category without built-in data.
    """
    root = Path(str(files("langgraph_salessim") / "data"))
    if category is None:
        return root
    if category not in _DIRS:
        raise ValueError(f"no built-in data for category {category!r}; available: {list(BUILTIN_CATEGORIES)}")
    return root / _DIRS[category]


@lru_cache(maxsize=8)
def load_builtin_catalog(category: str | None = None) -> Catalog:
    """The built-in catalog of one category, or of all of them (cached: treat it as read-only).

    Args:
        category: A name from `BUILTIN_CATEGORIES`; None merges every category into one catalog
            (products, buying guides and visual attributes) whose image paths resolve from the
            data root.

    Returns:
        The catalog.

    Example:
        >>> catalog = load_builtin_catalog()  # doctest: +SKIP
        >>> sorted(catalog.categories)[:2]  # doctest: +SKIP
        ['game_gadget', 'laptop']
    """
    if category is not None:
        return load_catalog(builtin_data_dir(category) / "catalog.json")
    products: list[Product] = []
    guides: list[BuyingGuide] = []
    visual: dict[str, list[str]] = {}
    for name in BUILTIN_CATEGORIES:
        part = load_builtin_catalog(name)
        products += [p.model_copy(update={"image": f"{_DIRS[name]}/{p.image}"}) if p.image and "://" not in p.image
                     else p for p in part.products]
        guides += part.buying_guides
        visual |= part.visual_attributes
    return Catalog(products=products, buying_guides=guides, visual_attributes=visual, base_dir=builtin_data_dir(None))


def load_builtin_personas(category: str | None = None) -> list[Persona]:
    """The built-in personas of one category, or of all of them, with ground truth resolved.

    Args:
        category: A name from `BUILTIN_CATEGORIES`, or None for every category's personas
            (in `BUILTIN_CATEGORIES` order).

    Returns:
        Personas whose `acceptable_products` are ids of the built-in catalog.
    """
    names = BUILTIN_CATEGORIES if category is None else (category,)
    out: list[Persona] = []
    for name in names:
        out += load_personas(builtin_data_dir(name) / "personas.jsonl", catalog=load_builtin_catalog(name))
    return out
