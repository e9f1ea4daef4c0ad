"""Laptop product images: an open laptop whose body colour is visible only in the picture."""

from __future__ import annotations

from PIL import Image, ImageDraw

from langgraph_salessim.catalog import Product
from langgraph_salessim.image_utils import RGB, crop_fraction, dist2, draw_text, median, nearest, pixels, shade

COLORS: dict[str, RGB] = {
    "silver": (196, 199, 204),
    "space gray": (94, 97, 104),
    "black": (28, 28, 31),
    "white": (247, 247, 245),
    "blue": (42, 84, 172),
    "rose gold": (228, 166, 154),
    "green": (46, 150, 80),
    "red": (186, 36, 44),
}
"""Laptop body colours by name, well separated in RGB."""

SIZE = (256, 192)
"""Width and height of a rendered laptop image."""

BACKGROUND: RGB = (160, 148, 128)
"""A warm taupe backdrop, at least 70 RGB units away from every palette colour."""

_CANVAS = (512, 384)  # drawing coordinates; the picture is downsampled to SIZE for smooth edges
_HINGE_Y, _DECK_BOTTOM, _SPREAD = 214, 330, 34
_SAMPLE_BOX = (150 / 512, 294 / 384, 185 / 512, 316 / 384)  # left palm rest, body colour at every screen size
_SCREEN = (52, 56, 64)
_KEY = (46, 48, 53)


def _is_dark(rgb: RGB) -> bool:
    return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 90


def render_laptop(product: Product) -> Image.Image:
    """Draw a product as an open laptop whose lid and body have its `attributes["color"]`.

    The drawing reflects the screen size (`screen_in`), shows the brand on the bezel, a
    stylus for touchscreens and a sticker for a dedicated GPU.

    Args:
        product: The product; its `attributes` should hold `color` (a `COLORS` key),
            and may hold `screen_in`, `brand`, `touchscreen` and `gpu`.

    Returns:
        A `SIZE` RGB image.

    Raises:
        ValueError: If the colour is missing or not in `COLORS`.
    """
    attrs = product.attributes
    color = attrs.get("color")
    if color not in COLORS:
        raise ValueError(f"product {product.id}: color {color!r} is not one of {sorted(COLORS)}")
    body = COLORS[color]
    dark = _is_dark(body)
    line = (96, 96, 102) if dark else (44, 44, 48)
    img = Image.new("RGB", _CANVAS, BACKGROUND)
    d = ImageDraw.Draw(img)

    def rect(x0: float, y0: float, x1: float, y1: float, **kw: object) -> None:
        d.rounded_rectangle([x0, y0, x1, y1], **kw)  # type: ignore[arg-type]

    screen_in = float(attrs.get("screen_in", 14.0))
    width = 210 + max(0.0, min(1.0, (screen_in - 11.6) / 5.7)) * 110
    x0, x1 = 256 - width / 2, 256 + width / 2
    top = _HINGE_Y - width * 0.6
    deck_h = _DECK_BOTTOM - _HINGE_Y

    def deck(u: float, v: float) -> tuple[float, float]:
        left, right = x0 - _SPREAD * v, x1 + _SPREAD * v
        return (left + u * (right - left), _HINGE_Y + v * deck_h)

    def quad(u0: float, v0: float, u1: float, v1: float, **kw: object) -> None:
        d.polygon([deck(u0, v0), deck(u1, v0), deck(u1, v1), deck(u0, v1)], **kw)  # type: ignore[arg-type]

    # shadow, then the base: front edge and top deck
    d.ellipse([x0 - 70, _DECK_BOTTOM - 8, x1 + 70, _DECK_BOTTOM + 26], fill=shade(BACKGROUND, 0.8))
    front = [deck(0, 1), deck(1, 1), (deck(1, 1)[0] - 6, deck(1, 1)[1] + 9), (deck(0, 1)[0] + 6, deck(0, 1)[1] + 9)]
    d.polygon(front, fill=shade(body, 0.78 if not dark else 1.6), outline=line, width=2)
    quad(0, 0, 1, 1, fill=body, outline=line, width=2)
    quad(0.02, 0.03, 0.98, 0.06, fill=shade(body, 0.85 if not dark else 1.5))  # hinge gap
    rows = [13, 13, 12, 12, 9]
    for r, n in enumerate(rows):
        v0 = 0.09 + r * 0.095
        for k in range(n):
            u0 = 0.08 + k * (0.84 / n)
            u1 = u0 + 0.84 / n - 0.012
            if r == 4 and k == n // 2 - 1:  # space bar spans three keys
                u1 = u0 + 3 * 0.84 / n - 0.012
            elif r == 4 and n // 2 - 1 < k <= n // 2 + 1:
                continue
            quad(u0, v0, u1, v0 + 0.075, fill=(66, 68, 74) if dark else _KEY)
    quad(0.37, 0.64, 0.63, 0.92, fill=shade(body, 0.92 if not dark else 1.35), outline=shade(line, 1.1))
    if attrs.get("gpu") == "dedicated":
        quad(0.80, 0.74, 0.90, 0.86, fill=(20, 20, 22))
        quad(0.815, 0.76, 0.885, 0.80, fill=(126, 186, 0))
    # lid: bezel in body colour, screen with a neutral desktop
    rect(x0, top, x1, _HINGE_Y, radius=6, fill=body, outline=line, width=2)
    sx0, sy0, sx1, sy1 = x0 + 9, top + 9, x1 - 9, _HINGE_Y - 22
    d.rectangle([sx0, sy0, sx1, sy1], fill=_SCREEN)
    wx0, wy0 = sx0 + (sx1 - sx0) * 0.12, sy0 + (sy1 - sy0) * 0.12
    wx1, wy1 = sx0 + (sx1 - sx0) * 0.78, sy0 + (sy1 - sy0) * 0.78
    d.rectangle([wx0, wy0, wx1, wy1], fill=(232, 233, 235))
    d.rectangle([wx0, wy0, wx1, wy0 + 9], fill=(196, 198, 202))
    for i in range(int((wy1 - wy0 - 16) // 9)):
        frac = (0.9, 0.75, 0.82, 0.6, 0.88, 0.7)[i % 6]
        y = wy0 + 16 + i * 9
        d.rectangle([wx0 + 8, y, wx0 + 8 + (wx1 - wx0 - 16) * frac, y + 3], fill=(150, 152, 158))
    d.rectangle([sx0, sy1 - 10, sx1, sy1], fill=(34, 36, 42))
    for i in range(5):
        cx = (sx0 + sx1) / 2 + (i - 2) * 12
        d.rectangle([cx - 4, sy1 - 8, cx + 4, sy1 - 2], fill=(120 + 20 * i, 122 + 20 * i, 128 + 20 * i))
    brand = str(attrs.get("brand") or product.name.split(" - ")[0]).strip() or "?"
    draw_text(d, ((x0 + x1) / 2, _HINGE_Y - 11), brand, (235, 235, 235) if dark else (40, 40, 44), scale=2)
    if attrs.get("touchscreen"):
        a, b = (x1 + 44, _DECK_BOTTOM - 2), (x1 + 92, _HINGE_Y + 30)
        d.line([a, b], fill=(58, 60, 66), width=7)
        d.line([a, (a[0] - 5, a[1] + 7)], fill=(215, 215, 215), width=3)
    return img.resize(SIZE, Image.Resampling.LANCZOS)


def nearest_color(rgb: RGB) -> str:
    """Name of the laptop `COLORS` entry nearest to an RGB triple (Euclidean distance)."""
    return nearest(COLORS, rgb)


def read_laptop(img: Image.Image) -> dict[str, str]:
    """The body colour of a laptop image: the median of the left palm rest.

    If that region is not uniform (a foreign image), the most common palette colour
    among non-background pixels wins.
    """
    region = pixels(crop_fraction(img, _SAMPLE_BOX))
    if region:
        mid = median(region)
        close = sum(1 for p in region if dist2(p, mid) <= 30**2)
        if close >= 0.8 * len(region) and dist2(mid, BACKGROUND) > 30**2:
            return {"color": nearest_color(mid)}
    small = pixels(img.resize((64, 48), Image.Resampling.BOX))
    backdrop = median([small[0], small[63], small[-64], small[-1]])
    counts = dict.fromkeys(COLORS, 0)
    for p in small:
        if dist2(p, backdrop) > 30**2:
            name = nearest_color(p)
            if dist2(COLORS[name], p) <= 60**2:
                counts[name] += 1
    best = max(counts, key=lambda name: counts[name])
    return {"color": best if counts[best] else nearest_color(median(small))}
