"""Product images: deterministic drawings per category, and a pixel reader for visual-only attributes.

The built-in catalogs keep some attributes (colour, fabric pattern, band style) out of their
text: they are only visible in the product image. `render_product_image` draws that image and
`read_visual_attributes` recovers those attributes from the pixels alone. Each layout has its
own backdrop colour, so the reader can tell the layout of an image without being told.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PIL import Image

from langgraph_salessim.catalog import Product
from langgraph_salessim.image_gadget import GADGET_BACKGROUND, GADGET_COLORS, read_gadget, render_gadget
from langgraph_salessim.image_garment import (
    GARMENT_BACKGROUND,
    GARMENT_COLORS,
    PATTERNS,
    read_garment,
    render_garment,
)
from langgraph_salessim.image_laptop import BACKGROUND, COLORS, SIZE, nearest_color, read_laptop, render_laptop
from langgraph_salessim.image_utils import RGB, corner_color, dist2, load
from langgraph_salessim.image_watch import BAND_STYLES, WATCH_BACKGROUND, WATCH_COLORS, read_watch, render_watch

__all__ = [
    "BACKGROUND",
    "BACKGROUNDS",
    "COLORS",
    "LAYOUTS",
    "SIZE",
    "Layout",
    "detect_layout",
    "layout_of",
    "nearest_color",
    "read_visual_attributes",
    "render_product_image",
    "visual_values",
]

Layout = Literal["laptop", "garment", "watch", "gadget"]
"""A family of product drawings, each with its own renderer, reader and backdrop colour."""

LAYOUTS: dict[str, Layout] = {
    "laptop": "laptop",
    "womens_clothing": "garment",
    "mens_clothing": "garment",
    "smart_watch": "watch",
    "game_gadget": "gadget",
}
"""Drawing layout of each built-in category; other categories are drawn as laptops."""

BACKGROUNDS: dict[Layout, RGB] = {
    "laptop": BACKGROUND,
    "garment": GARMENT_BACKGROUND,
    "watch": WATCH_BACKGROUND,
    "gadget": GADGET_BACKGROUND,
}
"""Backdrop colour of each layout: how `detect_layout` tells them apart."""
_RENDER: dict[Layout, Callable[[Product], Image.Image]] = {
    "laptop": render_laptop,
    "garment": render_garment,
    "watch": render_watch,
    "gadget": render_gadget,
}
_READ: dict[Layout, Callable[[Image.Image], dict[str, str]]] = {
    "laptop": read_laptop,
    "garment": read_garment,
    "watch": read_watch,
    "gadget": read_gadget,
}
_VALUES: dict[Layout, dict[str, tuple[str, ...]]] = {
    "laptop": {"color": tuple(COLORS)},
    "garment": {"color": tuple(GARMENT_COLORS), "pattern": PATTERNS},
    "watch": {"color": tuple(WATCH_COLORS), "band_style": BAND_STYLES},
    "gadget": {"color": tuple(GADGET_COLORS)},
}


def layout_of(category: str) -> Layout:
    """The drawing layout of a category (`laptop` for categories without their own)."""
    return LAYOUTS.get(category, "laptop")


def visual_values(category: str) -> dict[str, tuple[str, ...]]:
    """The visual attributes a category's images show, with the values each can take."""
    return dict(_VALUES[layout_of(category)])


def render_product_image(product: Product) -> Image.Image:
    """Draw a product's image from its attributes, in the layout of its category.

    The drawing is deterministic and uses no system fonts, so it renders identically on
    any machine with the same Pillow version.

    Args:
        product: The product; its `attributes` must hold the visual attributes of its
            category's layout (see `visual_values`).

    Returns:
        An RGB image 256 pixels wide.

    Raises:
        ValueError: If a visual attribute is missing or has a value the layout cannot draw.

    Example:
        >>> render_product_image(catalog.get("lap-001")).save("lap-001.png")  # doctest: +SKIP
    """
    return _RENDER[layout_of(product.category)](product)


def detect_layout(image: Image.Image | bytes | str | Path) -> Layout | None:
    """The layout an image was drawn in, told by its backdrop colour; None for a foreign image."""
    corners = corner_color(load(image))
    layout = min(BACKGROUNDS, key=lambda name: dist2(BACKGROUNDS[name], corners))
    return layout if dist2(BACKGROUNDS[layout], corners) <= 30**2 else None


def read_visual_attributes(
    image: Image.Image | bytes | str | Path, category: str | None = None
) -> dict[str, str]:
    """Read a product image's visual attributes from its pixels (never from metadata).

    Args:
        image: A PIL image, PNG/JPEG bytes, or a path to an image file.
        category: The product's category. When it has no layout of its own (or is None)
            the layout is detected from the image's backdrop; a foreign image is read as
            a laptop (its most common palette colour).

    Returns:
        Every visual attribute of the layout: `{"color"}` for laptops and gadgets,
        `{"color", "pattern"}` for clothing, `{"color", "band_style"}` for watches.

    Example:
        >>> read_visual_attributes("images/wcl-001.png")  # doctest: +SKIP
        {'color': 'navy', 'pattern': 'striped'}
    """
    img = load(image)
    layout: Layout | None = LAYOUTS.get(category) if category else None
    if layout is None:
        layout = detect_layout(img) or "laptop"
    return _READ[layout](img)
