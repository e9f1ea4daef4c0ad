"""The built-in laptop data: reproducible from its generator, consistent, and image-readable."""

from __future__ import annotations

import importlib.util
import io
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from langgraph_salessim.catalog import Catalog, Product
from langgraph_salessim.constraints import Constraint
from langgraph_salessim.images import BACKGROUND, COLORS, read_visual_attributes, render_product_image
from langgraph_salessim.personas import Persona, resolve_ground_truth

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "langgraph_salessim" / "data" / "laptops"
SCRIPT = REPO / "tools" / "generate_builtin_data.py"
ATTRIBUTE_TYPES = {
    "brand": str,
    "os": str,
    "processor": str,
    "ram_gb": int,
    "storage_gb": int,
    "screen_in": float,
    "weight_lb": float,
    "battery_hours": int,
    "gpu": str,
    "touchscreen": bool,
    "color": str,
}


def _load_script():
    spec = importlib.util.spec_from_file_location("generate_builtin_data", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    data = json.loads((DATA / "catalog.json").read_text(encoding="utf-8"))
    return Catalog.model_validate({**data, "base_dir": DATA})


@pytest.fixture(scope="module")
def personas() -> list[Persona]:
    lines = (DATA / "personas.jsonl").read_text(encoding="utf-8").splitlines()
    return [Persona.model_validate_json(line) for line in lines]


def _assert_same_output(a: Path, b: Path) -> None:
    for name in ("catalog.json", "personas.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs from the committed data"
    pngs_a = sorted(p.name for p in (a / "images").glob("*.png"))
    pngs_b = sorted(p.name for p in (b / "images").glob("*.png"))
    assert pngs_a == pngs_b
    for name in pngs_a:
        with Image.open(a / "images" / name) as x, Image.open(b / "images" / name) as y:
            assert (x.size, x.mode) == (y.size, y.mode), name
            assert x.tobytes() == y.tobytes(), f"{name}: pixels differ"


def test_regeneration_matches_committed_data(tmp_path: Path) -> None:
    _load_script().generate(tmp_path)
    _assert_same_output(tmp_path, DATA)


def test_generator_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(REPO)}
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)], check=True, env=env, capture_output=True, timeout=300
    )
    _assert_same_output(tmp_path, DATA)


def test_personas_validate_and_ground_truth_agrees(catalog: Catalog, personas: list[Persona]) -> None:
    assert len({p.uuid for p in personas}) == len(personas)
    for persona in personas:
        assert persona.category == "laptop"
        assert 1 <= len(persona.constraints) <= 4, persona.uuid
        assert 1 <= len(persona.soft_constraints) <= 3, persona.uuid
        assert 19 <= persona.age <= 78
        assert persona.budget and persona.persona_background and persona.speaking_style and persona.knowledge_level
        assert set(persona.big_five or {}) == {
            "openness",
            "conscientiousness",
            "extraversion",
            "agreeableness",
            "neuroticism",
        }
        resolved = resolve_ground_truth(persona, catalog)
        assert resolved.acceptable_products == persona.acceptable_products, persona.uuid
        hard_price = [c.value for c in persona.constraints if c.attribute == "price"]
        if hard_price:
            assert persona.budget == hard_price[0]


def test_ground_truth_detects_a_tampered_list(catalog: Catalog, personas: list[Persona]) -> None:
    persona = next(p for p in personas if p.acceptable_products)
    tampered = persona.model_copy(update={"acceptable_products": persona.acceptable_products[1:]})
    with pytest.raises(ValueError, match="disagree"):
        resolve_ground_truth(tampered, catalog)


def test_counts_and_spread(catalog: Catalog, personas: list[Persona]) -> None:
    assert len(catalog.products) >= 40 and {p.category for p in catalog.products} == {"laptop"}
    assert len(personas) >= 60
    counts = [len(p.acceptable_products or []) for p in personas]
    assert 0.15 <= counts.count(0) / len(personas) <= 0.25
    assert 1 in counts and any(2 <= c <= 4 for c in counts) and any(c > 8 for c in counts)
    colour = [p for p in personas if any(c.attribute == "color" for c in p.constraints)]
    assert len(colour) / len(personas) >= 0.2
    # colour really matters: some colour-constrained persona would accept more products without it
    assert any(
        len(
            resolve_ground_truth(
                p.model_copy(
                    update={
                        "acceptable_products": None,
                        "constraints": [c for c in p.constraints if c.attribute != "color"],
                    }
                ),
                catalog,
            ).acceptable_products
            or []
        )
        > len(p.acceptable_products or [])
        for p in colour
    )
    assert len({p.attributes["color"] for p in catalog.products}) == len(COLORS)
    assert len(catalog.buying_guides) == 3
    for guide in catalog.buying_guides:
        assert guide.category == "laptop" and 150 <= len(guide.text.split()) <= 300


def test_product_attributes_and_images(catalog: Catalog) -> None:
    assert catalog.visual_attributes == {"laptop": ["color"]}
    for p in catalog.products:
        assert re.fullmatch(r"lap-\d{3}", p.id)
        assert set(p.attributes) == set(ATTRIBUTE_TYPES), p.id
        for key, kind in ATTRIBUTE_TYPES.items():
            assert type(p.attributes[key]) is kind, (p.id, key)
        a = p.attributes
        assert a["color"] in COLORS and a["gpu"] in ("integrated", "dedicated")
        assert a["os"] in ("Windows", "macOS", "ChromeOS") and (a["brand"] == "Apple") == (a["os"] == "macOS")
        assert a["ram_gb"] in (4, 8, 16, 32, 64) and a["storage_gb"] in (64, 128, 256, 512, 1024, 2048)
        assert 11.6 <= a["screen_in"] <= 17.3 and p.weight == f"{a['weight_lb']:.1f} lbs"
        assert 4 <= len(p.features) <= 7 and p.rating is not None
        assert catalog.image_path(p) == DATA / "images" / f"{p.id}.png" and catalog.image_path(p).is_file()
    assert len({p.name for p in catalog.products}) == len(catalog.products)


def test_product_text_never_reveals_colour(catalog: Catalog) -> None:
    words = {*COLORS, *(w for name in COLORS for w in name.split() if w != "space"), "grey", "color", "colour"}
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)
    for p in catalog.products:
        for text in (p.name, p.description, *p.features):
            assert not pattern.search(text), f"{p.id}: {text!r} mentions a colour"


def test_read_visual_attributes_recovers_every_colour(catalog: Catalog) -> None:
    for p in catalog.products:
        path = catalog.image_path(p)
        assert path is not None
        expected = {"color": p.attributes["color"]}
        assert read_visual_attributes(path) == expected, p.id
        assert read_visual_attributes(str(path)) == expected, p.id
        with Image.open(path) as img:
            jpeg = io.BytesIO()
            img.convert("RGB").save(jpeg, format="JPEG", quality=70)
            assert read_visual_attributes(jpeg.getvalue()) == expected, p.id
            assert read_visual_attributes(img.resize((256, 192))) == expected, p.id


def test_reader_uses_pixels_not_metadata(catalog: Catalog) -> None:
    product = next(p for p in catalog.products if p.attributes["color"] == "blue")
    info = PngImagePlugin.PngInfo()
    info.add_text("color", "red")
    buf = io.BytesIO()
    render_product_image(product).save(buf, format="PNG", pnginfo=info)
    assert read_visual_attributes(buf.getvalue()) == {"color": "blue"}
    for color in COLORS:
        recoloured = Product.model_validate(
            {**product.model_dump(), "attributes": {**product.attributes, "color": color}}
        )
        assert read_visual_attributes(render_product_image(recoloured)) == {"color": color}


def test_palette_is_well_separated() -> None:
    def dist(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
        return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5

    assert len(COLORS) >= 8
    for a, b in itertools.combinations(COLORS.values(), 2):
        assert dist(a, b) >= 60
    assert min(dist(BACKGROUND, c) for c in COLORS.values()) >= 60


def _forms(constraint: Constraint) -> list[str]:
    value = constraint.value
    if constraint.attribute == "storage_gb" and value >= 1024:
        return [f"{value // 1024}TB", str(value)]
    return [f"{value:g}" if isinstance(value, float) else str(value)]


def _mentions(text: str, constraint: Constraint) -> bool:
    value = constraint.value
    if isinstance(value, bool):
        return constraint.attribute == "touchscreen" and "touch" in text.lower()
    if isinstance(value, (int, float)):
        flat = text.replace(",", "")
        return any(re.search(rf"(?<![\d.]){re.escape(f)}(?!\.?\d)", flat) for f in _forms(constraint))
    return all(str(v).lower() in text.lower() for v in (value if isinstance(value, list) else [value]))


def test_free_text_states_every_constraint(personas: list[Persona]) -> None:
    for persona in personas:
        for c in persona.constraints:
            assert _mentions(persona.dealbreakers, c), f"{persona.uuid}: {c.describe()} not in {persona.dealbreakers!r}"
        for s in persona.soft_constraints:
            assert _mentions(persona.preferences, s), f"{persona.uuid}: {s.describe()} not in {persona.preferences!r}"
    assert not _mentions("It has to weigh 4.5 lbs or less.", Constraint(attribute="weight_lb", operator="<=", value=4))


def test_free_text_is_lexically_diverse(personas: list[Persona]) -> None:
    script = _load_script()
    for table in (script.HARD, script.SOFT):
        assert all(len(set(phrasings)) >= 4 for phrasings in table.values())
    assert len({p.dealbreakers for p in personas}) == len(personas)
    sentences = [s for p in personas for s in re.split(r"(?<=[.!])\s+", p.dealbreakers) if s]
    assert len(set(sentences)) / len(sentences) > 0.6
