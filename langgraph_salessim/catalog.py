"""Products, buying guides and the catalog that holds them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from langgraph_salessim.matching import best_match, normalize_name

_PRICE_RE = re.compile(r"^\s*\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*$")


def parse_price(value: Any) -> float:
    """Parse a price given as a number or as a string such as "$1,299.99"."""
    if isinstance(value, bool):
        raise ValueError(f"price must be a number or a string like '$1,299.99', got {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        m = _PRICE_RE.match(value)
        if m:
            return float(m.group(1).replace(",", ""))
    raise ValueError(f"price must be a number or a string like '$1,299.99', got {value!r}")


def slugify(text: str) -> str:
    """A stable id from a product name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Product(BaseModel):
    """One catalog product. `attributes` hold the structured ground truth used for filtering."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, description="Unique product id within the catalog.")
    name: str = Field(min_length=1, description="Exact product name, as a salesperson says it.")
    category: str = Field(min_length=1)
    price: float = Field(ge=0, description="Price in US dollars.")
    description: str = ""
    features: list[str] = Field(default_factory=list)
    weight: str | float | None = None
    rating: float | None = Field(default=None, ge=0, le=5)
    image: str | None = Field(default=None, description="Image path relative to the catalog file, or URL.")
    attributes: dict[str, Any] = Field(default_factory=dict)

    @field_validator("price", mode="before")
    @classmethod
    def _parse_price(cls, value: Any) -> float:
        return parse_price(value)

    def facts(self) -> dict[str, Any]:
        """Attributes plus `price`, the mapping constraints are checked against."""
        return {**self.attributes, "price": self.price}

    def text(self) -> str:
        """The product's searchable text: name, description and features."""
        return " ".join([self.name, self.description, *self.features])


class BuyingGuide(BaseModel):
    """A short article about what to look for in a category."""

    model_config = ConfigDict(extra="forbid")

    category: str
    title: str
    text: str


class Catalog(BaseModel):
    """Products of one or more categories, with buying guides and image locations.

    `visual_attributes` maps a category to attributes that are visible in product
    images only: they are ground truth for constraints, but search neither shows
    nor filters them, so the only way to learn them is to inspect the image.
    """

    model_config = ConfigDict(extra="forbid")

    products: list[Product]
    buying_guides: list[BuyingGuide] = Field(default_factory=list)
    visual_attributes: dict[str, list[str]] = Field(default_factory=dict)
    base_dir: Path | None = Field(default=None, exclude=True, description="Directory images are relative to.")

    _by_id: dict[str, Product] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any) -> None:  # noqa: D102
        seen: dict[str, Product] = {}
        for p in self.products:
            if p.id in seen:
                raise ValueError(f"duplicate product id {p.id!r}")
            seen[p.id] = p
        self._by_id = seen

    @property
    def categories(self) -> list[str]:
        """Categories in catalog order."""
        return list(dict.fromkeys(p.category for p in self.products))

    def get(self, product_id: str) -> Product:
        """The product with this id; `KeyError` naming it otherwise."""
        try:
            return self._by_id[product_id]
        except KeyError:
            raise KeyError(f"unknown product id {product_id!r}") from None

    def in_category(self, category: str) -> list[Product]:
        """Products of one category."""
        return [p for p in self.products if p.category == category]

    def is_visual(self, category: str, attribute: str) -> bool:
        """Whether an attribute of this category is visible only in images."""
        return attribute in self.visual_attributes.get(category, [])

    def find(
        self,
        name: str,
        *,
        category: str | None = None,
        among: list[Product] | None = None,
    ) -> Product | None:
        """The product whose name matches `name` (fuzzy, see `matching`), or None."""
        pool = among if among is not None else (self.in_category(category) if category else self.products)
        exact = normalize_name(name)
        for p in pool:
            if normalize_name(p.name) == exact or p.id == name:
                return p
        index = best_match(name, [p.name for p in pool])
        return pool[index] if index is not None else None

    def image_path(self, product: Product) -> Path | None:
        """Local path of a product's image, or None when it has none or it is a URL."""
        if not product.image or "://" in product.image:
            return None
        path = Path(product.image)
        if not path.is_absolute() and self.base_dir is not None:
            path = self.base_dir / path
        return path
