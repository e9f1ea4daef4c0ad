"""Pixel helpers shared by the product-image renderers and readers (`images` and `image_*` modules)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

RGB = tuple[int, int, int]


def shade(rgb: RGB, factor: float) -> RGB:
    """The colour with every channel multiplied by `factor`, clamped to 0..255."""
    return tuple(max(0, min(255, round(c * factor))) for c in rgb)  # type: ignore[return-value]


def luminance(rgb: RGB) -> float:
    """Perceived brightness of a colour (0..255)."""
    return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]


def contrast(rgb: RGB) -> RGB:
    """A detail colour that stands out on `rgb`: a light tint on dark colours, a dark one on light colours."""
    if luminance(rgb) < 128:
        return tuple(round(c + (250 - c) * 0.7) for c in rgb)  # type: ignore[return-value]
    return tuple(round(c * 0.25) for c in rgb)  # type: ignore[return-value]


def dist2(a: RGB, b: RGB) -> int:
    """Squared Euclidean distance between two colours."""
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True))


def nearest(palette: dict[str, RGB], rgb: RGB) -> str:
    """Name of the palette colour nearest to `rgb`."""
    return min(palette, key=lambda name: dist2(palette[name], rgb))


def load(image: Image.Image | bytes | str | Path) -> Image.Image:
    """An RGB copy of an image given as a PIL image, encoded bytes, or a file path."""
    if isinstance(image, Image.Image):
        return image.convert("RGB")
    if isinstance(image, (bytes, bytearray)):
        with Image.open(io.BytesIO(image)) as img:
            return img.convert("RGB")
    with Image.open(Path(image)) as img:
        return img.convert("RGB")


def pixels(img: Image.Image) -> list[RGB]:
    """The image's RGB pixels, row by row."""
    data = img.convert("RGB").tobytes()
    return list(zip(data[0::3], data[1::3], data[2::3], strict=True))


def median(values: list[RGB]) -> RGB:
    """Per-channel median of a non-empty list of colours."""
    return tuple(sorted(p[i] for p in values)[len(values) // 2] for i in range(3))  # type: ignore[return-value]


def crop_fraction(img: Image.Image, box: tuple[float, float, float, float]) -> Image.Image:
    """Crop a box given as fractions of the image's width and height."""
    w, h = img.size
    left, top, right, bottom = (round(f * n) for f, n in zip(box, (w, h, w, h), strict=True))
    return img.crop((left, top, max(right, left + 1), max(bottom, top + 1)))


def corner_color(img: Image.Image) -> RGB:
    """Median colour of the four corner patches (the backdrop of a product image)."""
    w, h = img.size
    k = max(2, min(w, h) // 32)
    patches: list[RGB] = []
    for x, y in ((0, 0), (w - k, 0), (0, h - k), (w - k, h - k)):
        patches += pixels(img.crop((x, y, x + k, y + k)))
    return median(patches)


def draw_text(draw: ImageDraw.ImageDraw, center: tuple[float, float], text: str, fill: RGB, scale: int) -> None:
    """Draw text with Pillow's built-in bitmap font, enlarged `scale` times, centred on `center`.

    It uses no system fonts, so it renders identically on any machine with the same Pillow.
    """
    font = ImageFont.load_default_imagefont()
    left, top, right, bottom = font.getbbox(text)
    mask = Image.new("L", (right - left + 2, bottom - top + 2), 0)
    ImageDraw.Draw(mask).text((1 - left, 1 - top), text, font=font, fill=255)
    mask = mask.resize((mask.width * scale, mask.height * scale), Image.Resampling.NEAREST)
    x, y = round(center[0] - mask.width / 2), round(center[1] - mask.height / 2)
    draw.bitmap((x, y), mask, fill=fill)


def dips(line: list[RGB], base: RGB, threshold: float = 45.0) -> int:
    """Number of runs of pixels farther than `threshold` from `base` along a line of pixels."""
    runs, inside = 0, False
    for p in line:
        far = dist2(p, base) > threshold**2
        runs += far and not inside
        inside = far
    return runs
