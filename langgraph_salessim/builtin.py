"""The built-in benchmark data shipped with the package."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.formats import load_catalog, load_personas
from langgraph_salessim.personas import Persona

BUILTIN_CATEGORIES = ("laptop",)
_DIRS = {"laptop": "laptops"}


def builtin_data_dir(category: str = "laptop") -> Path:
    """Directory of a built-in category's catalog, images and personas."""
    if category not in _DIRS:
        raise ValueError(f"no built-in data for category {category!r}; available: {list(BUILTIN_CATEGORIES)}")
    return Path(str(files("langgraph_salessim") / "data" / _DIRS[category]))


@lru_cache(maxsize=4)
def load_builtin_catalog(category: str = "laptop") -> Catalog:
    """The built-in catalog of a category (cached: treat it as read-only)."""
    return load_catalog(builtin_data_dir(category) / "catalog.json")


def load_builtin_personas(category: str = "laptop") -> list[Persona]:
    """The built-in personas of a category, with ground truth resolved against the built-in catalog."""
    return load_personas(builtin_data_dir(category) / "personas.jsonl", catalog=load_builtin_catalog(category))
