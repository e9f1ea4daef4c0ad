"""Smartwatch product images: a watch whose colour and band style are visible only in the picture."""

from __future__ import annotations

from PIL import Image, ImageDraw

from langgraph_salessim.catalog import Product
from langgraph_salessim.image_utils import RGB, contrast, crop_fraction, dips, draw_text, median, nearest, pixels

WATCH_COLORS: dict[str, RGB] = {
    "black": (30, 30, 32),
    "silver": (192, 196, 202),
    "gold": (214, 178, 64),
    "rose gold": (230, 164, 150),
    "white": (246, 246, 244),
    "blue": (40, 80, 170),
    "green": (40, 118, 78),
    "brown": (122, 76, 44),
}
"""Case and band colours by name, well separated in RGB."""

BAND_STYLES = ("silicone", "metal link", "leather")
"""Band styles: a plain strap with holes, a bracelet of links, or a strap with stitched edges."""

WATCH_SIZE = (256, 256)
"""Width and height of a rendered watch image."""

WATCH_BACKGROUND: RGB = (150, 120, 200)
"""A soft violet backdrop, far from every watch colour."""

_S = 2
_BAND = (104, 152)  # band's left and right edges (output pixels)
_UPPER_SWATCH = (116 / 256, 12 / 256, 140 / 256, 60 / 256)
_LOWER = (190, 252)  # rows of the lower band that the style reader scans
_COLUMNS = {"center": 128, "off_center": 117, "edge": 108}
_SCREEN: RGB = (14, 16, 22)


def render_watch(product: Product) -> Image.Image:
    """Draw a product as a smartwatch: case and band in its `color`, band of its `band_style`.

    The case is round or square (`display_shape`); a metal link band shows links across its
    width, a silicone band a row of holes, a leather band stitched edges.

    Args:
        product: The product; its `attributes` should hold `color` (a `WATCH_COLORS` key) and
            `band_style` (one of `BAND_STYLES`), and may hold `display_shape` and `brand`.

    Returns:
        A `WATCH_SIZE` RGB image.

    Raises:
        ValueError: If the colour or band style is missing or unknown.
    """
    attrs = product.attributes
    color, style = attrs.get("color"), attrs.get("band_style")
    if color not in WATCH_COLORS:
        raise ValueError(f"product {product.id}: color {color!r} is not one of {sorted(WATCH_COLORS)}")
    if style not in BAND_STYLES:
        raise ValueError(f"product {product.id}: band_style {style!r} is not one of {BAND_STYLES}")
    base = WATCH_COLORS[color]
    detail = contrast(base)
    img = Image.new("RGB", (WATCH_SIZE[0] * _S, WATCH_SIZE[1] * _S), WATCH_BACKGROUND)
    d = ImageDraw.Draw(img)

    def box(x0: float, y0: float, x1: float, y1: float, **kw: object) -> None:
        d.rectangle([x0 * _S, y0 * _S, x1 * _S - 1, y1 * _S - 1], **kw)  # type: ignore[arg-type]

    left, right = _BAND
    for y0, y1 in ((0, 90), (166, 256)):
        box(left, y0, right, y1, fill=base)
        if style == "metal link":
            for y in range(y0 + 4, y1 - 1, 8):
                box(left, y, right, y + 2, fill=detail)
        elif style == "leather":
            for x in (107, 148):
                for y in range(y0 + 2, y1 - 2, 8):
                    box(x, y, x + 2, y + 4, fill=detail)
    if style == "silicone":
        for k in range(5):
            cy = 198 + 11 * k
            d.ellipse([125 * _S, (cy - 3) * _S, 131 * _S, (cy + 3) * _S], fill=detail)
    box(180, 116, 188, 140, fill=base, outline=detail, width=_S)  # crown
    if attrs.get("display_shape") == "square":
        d.rounded_rectangle([80 * _S, 74 * _S, 176 * _S, 182 * _S], radius=20 * _S, fill=base, outline=detail,
                            width=_S)
        d.rounded_rectangle([88 * _S, 82 * _S, 168 * _S, 174 * _S], radius=14 * _S, fill=_SCREEN)
    else:
        d.ellipse([76 * _S, 76 * _S, 180 * _S, 180 * _S], fill=base, outline=detail, width=_S)
        d.ellipse([86 * _S, 86 * _S, 170 * _S, 170 * _S], fill=_SCREEN)
    d.arc([98 * _S, 98 * _S, 158 * _S, 158 * _S], start=-90, end=150, fill=(84, 200, 132), width=3 * _S)
    draw_text(d, (128 * _S, 122 * _S), "10:09", (235, 235, 235), scale=2 * _S)
    brand = str(attrs.get("brand") or "")[:10]
    if brand:
        draw_text(d, (128 * _S, 142 * _S), brand, (150, 150, 158), scale=_S)
    return img.resize(WATCH_SIZE, Image.Resampling.BOX)


def read_watch(img: Image.Image) -> dict[str, str]:
    """Colour and band style of a watch image.

    The colour is the median of the upper band; the style comes from the lower band: marks
    across its whole width are links, marks down its middle only are holes (silicone), marks
    along its edges only are stitching (leather).
    """
    band = median(pixels(crop_fraction(img, _UPPER_SWATCH)))
    color = nearest(WATCH_COLORS, band)
    w, h = img.size
    top, bottom = round(_LOWER[0] * h / 256), round(_LOWER[1] * h / 256)

    def column(x: int) -> list[tuple[int, int, int]]:
        return pixels(img.crop((round(x * w / 256), top, round(x * w / 256) + 1, bottom)))

    runs = {name: dips(column(x), band) for name, x in _COLUMNS.items()}
    if runs["center"] >= 3 and runs["off_center"] >= 3:
        style = "metal link"
    elif runs["center"] >= 3:
        style = "silicone"
    elif runs["edge"] >= 3:
        style = "leather"
    else:
        style = "silicone"
    return {"color": color, "band_style": style}
