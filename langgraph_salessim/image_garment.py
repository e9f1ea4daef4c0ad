"""Clothing product images: a garment silhouette whose colour and pattern are visible only in the picture."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import cast

from PIL import Image, ImageDraw

from langgraph_salessim.catalog import Product
from langgraph_salessim.image_utils import RGB, crop_fraction, dist2, luminance, nearest, pixels, shade

GARMENT_COLORS: dict[str, RGB] = {
    "black": (28, 28, 30),
    "white": (245, 245, 240),
    "gray": (140, 140, 140),
    "navy": (26, 44, 104),
    "blue": (66, 126, 220),
    "red": (204, 36, 48),
    "pink": (240, 150, 190),
    "green": (36, 122, 64),
    "beige": (226, 206, 164),
    "yellow": (242, 200, 36),
    "brown": (118, 72, 38),
    "purple": (118, 58, 160),
}
"""Garment base colours by name, well separated in RGB."""

PATTERNS = ("solid", "striped", "polka dot", "checked")
"""Fabric patterns drawn over the base colour."""

GARMENT_SIZE = (256, 256)
"""Width and height of a rendered garment image."""

GARMENT_BACKGROUND: RGB = (150, 205, 200)
"""A pale teal backdrop, far from every garment colour."""

_S = 2  # drawn at twice the size, then box-downsampled: pattern edges stay on whole pixels
_LIGHT, _DARK = (250, 250, 250), (44, 44, 48)
_SWATCH = (96 / 256, 96 / 256, 120 / 256, 136 / 256)  # inside every silhouette, clear of seams and trims
_TOPS = {"t-shirt", "blouse", "sweater", "cardigan", "dress shirt", "polo shirt", "hoodie", "jacket", "coat", "blazer",
         "dress"}
_OPEN_FRONT = {"cardigan", "jacket", "coat", "blazer"}
_HEMS = {"coat": 230, "jacket": 206, "blazer": 206}


def overlay_color(base: RGB) -> RGB:
    """Colour of the pattern drawn on a base colour: near-white on dark bases, charcoal on light ones."""
    return _LIGHT if luminance(base) < 128 else _DARK


def _mirror(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(256 - x, y) for x, y in points]


def _shapes(garment: str, sleeve: str | None) -> list[Sequence[tuple[float, float]]]:
    """Polygons (output pixels) of a garment's silhouette."""
    if garment == "skirt":
        return [[(90, 60), (166, 60), (192, 212), (64, 212)]]
    if garment in ("jeans", "trousers", "chinos"):
        return [[(84, 46), (172, 46), (176, 240), (134, 240), (128, 142), (122, 240), (80, 240)]]
    if garment == "leggings":
        return [[(92, 46), (164, 46), (160, 240), (134, 240), (128, 138), (122, 240), (96, 240)]]
    if garment == "shorts":
        return [[(84, 56), (172, 56), (180, 176), (134, 176), (128, 144), (122, 176), (76, 176)]]
    hem = _HEMS.get(garment, 196)
    torso: list[tuple[float, float]] = [(86, 50), (112, 44), (128, 54), (144, 44), (170, 50), (174, hem), (82, hem)]
    shapes: list[Sequence[tuple[float, float]]] = [torso]
    if garment == "dress":
        shapes = [[(86, 50), (112, 44), (128, 54), (144, 44), (170, 50), (172, 124), (84, 124)],
                  [(84, 122), (172, 122), (198, 234), (58, 234)]]
    if sleeve == "short sleeves":
        left = [(86, 50), (58, 98), (80, 108), (92, 82)]
        shapes += [left, _mirror(left)]
    elif sleeve == "long sleeves":
        left = [(86, 50), (50, 186), (70, 192), (92, 90)]
        shapes += [left, _mirror(left)]
    return shapes


def _pattern_fill(base: RGB, pattern: str, size: tuple[int, int]) -> Image.Image:
    img = Image.new("RGB", size, base)
    d = ImageDraw.Draw(img)
    over = overlay_color(base)
    w, h = size
    if pattern == "striped":
        for y in range(0, h, 14 * _S):
            d.rectangle([0, y, w, y + 4 * _S - 1], fill=over)
    elif pattern == "checked":
        for k in range(0, max(w, h), 18 * _S):
            d.rectangle([k, 0, k + 3 * _S - 1, h], fill=over)
            d.rectangle([0, k, w, k + 3 * _S - 1], fill=over)
    elif pattern == "polka dot":
        r = 3.5 * _S
        for j in range(h // (14 * _S) + 1):
            for i in range(-1, w // (14 * _S) + 1):
                cx, cy = (14 * i + 7 + (7 if j % 2 else 0)) * _S, (14 * j + 7) * _S
                d.ellipse([cx - r, cy - r, cx + r - 1, cy + r - 1], fill=over)
    elif pattern != "solid":
        raise ValueError(f"pattern {pattern!r} is not one of {PATTERNS}")
    return img


def render_garment(product: Product) -> Image.Image:
    """Draw a product as a garment silhouette in its `color` and `pattern`.

    The silhouette follows `garment` (dress, skirt, jeans, t-shirt, jacket...) and `sleeve`;
    trims (collars, plackets, waistbands, pockets) are drawn away from the fabric swatch the
    reader samples.

    Args:
        product: The product; its `attributes` should hold `color` (a `GARMENT_COLORS` key),
            `pattern` (one of `PATTERNS`), `garment` and, for tops and dresses, `sleeve`.

    Returns:
        A `GARMENT_SIZE` RGB image.

    Raises:
        ValueError: If the colour or pattern is missing or unknown.
    """
    attrs = product.attributes
    color, pattern = attrs.get("color"), attrs.get("pattern", "solid")
    if color not in GARMENT_COLORS:
        raise ValueError(f"product {product.id}: color {color!r} is not one of {sorted(GARMENT_COLORS)}")
    base = GARMENT_COLORS[color]
    garment = str(attrs.get("garment", "t-shirt"))
    big = (GARMENT_SIZE[0] * _S, GARMENT_SIZE[1] * _S)
    shapes = [[(x * _S, y * _S) for x, y in poly] for poly in _shapes(garment, attrs.get("sleeve"))]
    canvas = Image.new("RGB", big, GARMENT_BACKGROUND)
    d = ImageDraw.Draw(canvas)
    trim = shade(base, 0.72) if luminance(base) > 60 else shade(base, 2.2)
    if garment == "hoodie":
        d.ellipse([100 * _S, 20 * _S, 156 * _S, 66 * _S], fill=trim)
    mask = Image.new("L", big, 0)
    md = ImageDraw.Draw(mask)
    for poly in shapes:
        md.polygon(poly, fill=255)
    canvas.paste(_pattern_fill(base, str(pattern), big), (0, 0), mask)
    for poly in shapes:
        d.polygon(poly, outline=trim, width=2 * _S)
    _trims(d, garment, trim)
    return canvas.resize(GARMENT_SIZE, Image.Resampling.BOX)


def _trims(d: ImageDraw.ImageDraw, garment: str, trim: RGB) -> None:
    """Collars, plackets, waistbands and pockets: all outside the swatch (x 96-120, y 96-136)."""

    def box(x0: float, y0: float, x1: float, y1: float, **kw: object) -> None:
        d.rectangle([x0 * _S, y0 * _S, x1 * _S - 1, y1 * _S - 1], **kw)  # type: ignore[arg-type]

    def poly(points: list[tuple[float, float]]) -> None:
        d.polygon([(x * _S, y * _S) for x, y in points], fill=trim)

    if garment in ("jeans", "trousers", "chinos", "leggings", "shorts", "skirt"):
        top = {"skirt": 60, "shorts": 56}.get(garment, 46)
        left, right = {"skirt": (90, 166), "leggings": (92, 164)}.get(garment, (84, 172))
        box(left, top, right, top + 10, fill=trim)
        if garment in ("jeans", "trousers", "chinos", "shorts"):
            box(127, top + 10, 129, top + 60, fill=trim)
        return
    poly([(112, 44), (128, 54), (144, 44), (140, 42), (128, 49), (116, 42)])  # neckline
    if garment in ("dress shirt", "button-down shirt", "polo shirt"):
        poly([(112, 44), (127, 56), (118, 64)])
        poly(_mirror([(112, 44), (127, 56), (118, 64)]))
        end = 88 if garment == "polo shirt" else 194
        box(125, 56, 131, end, outline=trim, width=_S)
        for y in range(64, end - 4, 18):
            d.ellipse([126 * _S, y * _S, 130 * _S, (y + 4) * _S], fill=trim)
    if garment == "hoodie":
        box(119, 54, 121, 86, fill=trim)
        box(135, 54, 137, 86, fill=trim)
        box(104, 150, 152, 186, outline=trim, width=_S)
    if garment in _OPEN_FRONT:
        hem = _HEMS.get(garment, 196)
        box(127, 54, 129, hem, fill=trim)
        if garment in ("coat", "blazer"):
            poly([(112, 44), (127, 54), (127, 112), (118, 78)])
            poly(_mirror([(112, 44), (127, 54), (127, 112), (118, 78)]))
        if garment != "jacket":
            for y in range(118, hem - 10, 24):
                d.ellipse([132 * _S, y * _S, 137 * _S, (y + 5) * _S], fill=trim)
        if garment in ("coat", "jacket"):
            box(92, 160, 116, 180, outline=trim, width=_S)
            box(140, 160, 164, 180, outline=trim, width=_S)
    if garment == "sweater":
        box(84, 186, 173, 196, fill=trim)


def read_garment(img: Image.Image) -> dict[str, str]:
    """Colour and pattern of a garment image, from a fabric swatch inside the silhouette.

    The colour is the palette colour most pixels of the swatch are nearest to; the pattern
    follows from where the other pixels lie: whole rows (striped), whole rows and columns
    (checked), scattered (polka dot), or hardly any (solid).
    """
    swatch = crop_fraction(img, _SWATCH)
    values = pixels(swatch)
    votes: Counter[str] = Counter()
    for count, rgb in swatch.getcolors(len(values)) or []:
        votes[nearest(GARMENT_COLORS, cast(RGB, rgb))] += count
    color = votes.most_common(1)[0][0]
    base = GARMENT_COLORS[color]
    limit = dist2(base, overlay_color(base)) / 4  # half-way to the overlay colour
    w, h = swatch.size
    far = [dist2(p, base) > limit for p in values]
    share = sum(far) / len(far)
    if share < 0.05:
        return {"color": color, "pattern": "solid"}
    rows = max(sum(far[y * w:(y + 1) * w]) / w for y in range(h))
    cols = max(sum(far[y * w + x] for y in range(h)) / h for x in range(w))
    if rows >= 0.85:
        return {"color": color, "pattern": "checked" if cols >= 0.85 else "striped"}
    return {"color": color, "pattern": "polka dot"}
