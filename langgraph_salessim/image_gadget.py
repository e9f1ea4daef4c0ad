"""Gaming-gadget product images: a controller, headset, keyboard, mouse or handheld in its colour."""

from __future__ import annotations

from collections import Counter
from typing import cast

from PIL import Image, ImageDraw

from langgraph_salessim.catalog import Product
from langgraph_salessim.image_utils import RGB, dist2, draw_text, nearest, pixels

GADGET_COLORS: dict[str, RGB] = {
    "black": (28, 28, 30),
    "white": (244, 244, 242),
    "gray": (146, 148, 152),
    "red": (206, 34, 44),
    "blue": (44, 104, 214),
    "green": (40, 160, 80),
    "purple": (128, 60, 180),
    "pink": (238, 140, 190),
}
"""Shell colours by name, well separated in RGB."""

GADGET_SIZE = (256, 192)
"""Width and height of a rendered gadget image."""

GADGET_BACKGROUND: RGB = (220, 170, 120)
"""A warm peach backdrop, far from every gadget colour."""

DETAIL: RGB = (74, 78, 90)
"""Slate used for sticks, keys' gaps, cushions and cables: far from every shell colour."""

_SCREEN: RGB = (60, 70, 96)
_RAINBOW: list[RGB] = [(255, 80, 80), (255, 190, 40), (90, 230, 120), (60, 170, 255), (200, 110, 255)]
_S = 2


def render_gadget(product: Product) -> Image.Image:
    """Draw a product as a gaming gadget whose shell has its `color`.

    The shape follows `product_type` (controller, headset, keyboard, mouse, handheld console);
    RGB lighting shows as a rainbow strip and a wired product shows its cable.

    Args:
        product: The product; its `attributes` should hold `color` (a `GADGET_COLORS` key)
            and may hold `product_type`, `rgb_lighting`, `wireless` and `brand`.

    Returns:
        A `GADGET_SIZE` RGB image.

    Raises:
        ValueError: If the colour is missing or unknown.
    """
    attrs = product.attributes
    color = attrs.get("color")
    if color not in GADGET_COLORS:
        raise ValueError(f"product {product.id}: color {color!r} is not one of {sorted(GADGET_COLORS)}")
    body = GADGET_COLORS[color]
    img = Image.new("RGB", (GADGET_SIZE[0] * _S, GADGET_SIZE[1] * _S), GADGET_BACKGROUND)
    d = ImageDraw.Draw(img)

    def sc(*xy: float) -> list[float]:
        return [v * _S for v in xy]

    kind = str(attrs.get("product_type", "controller"))
    rgb = bool(attrs.get("rgb_lighting"))
    cable_from: tuple[float, float] | None = None
    light: tuple[float, float, float, float] | None = None
    if kind == "headset":
        d.arc(sc(56, 18, 200, 170), start=180, end=360, fill=body, width=16 * _S)
        for x0 in (44, 160):
            d.ellipse(sc(x0, 76, x0 + 52, 160), fill=body)
        d.ellipse(sc(88, 88, 104, 148), fill=DETAIL)
        d.ellipse(sc(152, 88, 168, 148), fill=DETAIL)
        d.line(sc(60, 150, 104, 176), fill=DETAIL, width=5 * _S)
        cable_from, light = (70, 160), (58, 110, 84, 116)
    elif kind == "keyboard":
        d.rounded_rectangle(sc(14, 52, 242, 146), radius=8 * _S, fill=body)
        d.rectangle(sc(22, 60, 234, 138), fill=DETAIL)
        for r in range(5):
            for k in range(14):
                kx, ky = 23 + k * 15.1, 61 + r * 15.4
                if r == 4 and 4 <= k <= 9:
                    if k == 4:
                        d.rectangle(sc(kx, ky, kx + 15.1 * 6 - 2, ky + 13), fill=body)
                    continue
                d.rectangle(sc(kx, ky, kx + 13, ky + 13), fill=body)
        cable_from, light = (128, 52), (20, 150, 236, 155)
    elif kind == "mouse":
        d.ellipse(sc(86, 20, 170, 178), fill=body)
        d.line(sc(128, 22, 128, 78), fill=DETAIL, width=2 * _S)
        d.rounded_rectangle(sc(122, 40, 134, 66), radius=5 * _S, fill=DETAIL)
        d.rectangle(sc(86, 84, 92, 112), fill=DETAIL)
        cable_from, light = (128, 20), (116, 134, 140, 140)
    elif kind == "handheld console":
        d.rounded_rectangle(sc(14, 36, 242, 158), radius=30 * _S, fill=body)
        d.rounded_rectangle(sc(72, 46, 184, 148), radius=4 * _S, fill=_SCREEN)
        for cx, cy in ((42, 76), (214, 120)):
            d.ellipse(sc(cx - 12, cy - 12, cx + 12, cy + 12), fill=DETAIL)
        d.rectangle(sc(36, 114, 48, 142), fill=DETAIL)
        d.rectangle(sc(28, 122, 56, 134), fill=DETAIL)
        for cx, cy in ((214, 64), (202, 76), (226, 76), (214, 88)):
            d.ellipse(sc(cx - 5, cy - 5, cx + 5, cy + 5), fill=DETAIL)
        light = (20, 150, 60, 154)
    else:  # controller
        d.rounded_rectangle(sc(58, 52, 198, 116), radius=26 * _S, fill=body)
        d.ellipse(sc(46, 80, 112, 168), fill=body)
        d.ellipse(sc(144, 80, 210, 168), fill=body)
        for cx, cy in ((102, 108), (154, 108)):
            d.ellipse(sc(cx - 13, cy - 13, cx + 13, cy + 13), fill=DETAIL)
        d.rectangle(sc(76, 70, 84, 94), fill=DETAIL)
        d.rectangle(sc(68, 78, 92, 86), fill=DETAIL)
        for cx, cy in ((176, 70), (166, 80), (186, 80), (176, 90)):
            d.ellipse(sc(cx - 5, cy - 5, cx + 5, cy + 5), fill=DETAIL)
        cable_from, light = (128, 52), (112, 62, 144, 66)
    if cable_from is not None and attrs.get("wireless") is False:
        x, y = cable_from
        d.line(sc(x, y, x + 8, y - 14 if y < 96 else y + 14, x + 30, 4 if y < 96 else 188), fill=DETAIL, width=3 * _S)
    if rgb and light is not None:
        x0, y0, x1, y1 = light
        step = (x1 - x0) / len(_RAINBOW)
        for i, c in enumerate(_RAINBOW):
            d.rectangle(sc(x0 + i * step, y0, x0 + (i + 1) * step, y1), fill=c)
    brand = str(attrs.get("brand") or "")[:12]
    if brand and kind in ("keyboard", "handheld console"):
        draw_text(d, (128 * _S, (48 if kind == "keyboard" else 30) * _S), brand, DETAIL, scale=_S)
    return img.resize(GADGET_SIZE, Image.Resampling.BOX)


def read_gadget(img: Image.Image) -> dict[str, str]:
    """The shell colour of a gadget image: the palette colour that most non-background pixels match."""
    small = img.convert("RGB").resize((128, 96), Image.Resampling.BOX)
    votes: Counter[str] = Counter()
    for count, value in small.getcolors(128 * 96) or []:  # distinct colours with their pixel counts
        p = cast(RGB, value)
        if dist2(p, GADGET_BACKGROUND) <= 40**2:
            continue
        name = nearest(GADGET_COLORS, p)
        if dist2(GADGET_COLORS[name], p) <= 45**2:
            votes[name] += count
    if not votes:
        every = pixels(small)
        return {"color": nearest(GADGET_COLORS, every[len(every) // 2])}
    return {"color": votes.most_common(1)[0][0]}
