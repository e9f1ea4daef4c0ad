"""The built-in data of all five categories: reproducible, consistent, spread out, and image-readable."""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from langgraph_salessim.builtin import (
    BUILTIN_CATEGORIES,
    builtin_data_dir,
    load_builtin_catalog,
    load_builtin_personas,
)
from langgraph_salessim.catalog import Catalog, Product
from langgraph_salessim.constraints import Constraint
from langgraph_salessim.formats import load_catalog, load_personas
from langgraph_salessim.image_gadget import GADGET_COLORS
from langgraph_salessim.image_garment import GARMENT_COLORS
from langgraph_salessim.image_laptop import BACKGROUND, COLORS
from langgraph_salessim.image_watch import WATCH_COLORS
from langgraph_salessim.images import (
    BACKGROUNDS,
    detect_layout,
    layout_of,
    read_visual_attributes,
    render_product_image,
    visual_values,
)
from langgraph_salessim.persona_generator import bucket
from langgraph_salessim.personas import Persona, resolve_ground_truth
from langgraph_salessim.vocab import SYNONYMS

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "langgraph_salessim" / "data"
SCRIPT = REPO / "tools" / "generate_builtin_data.py"
DIRS = {c: builtin_data_dir(c).name for c in BUILTIN_CATEGORIES}
VISUAL = {"laptop": ["color"], "womens_clothing": ["color", "pattern"], "mens_clothing": ["color", "pattern"],
          "smart_watch": ["color", "band_style"], "game_gadget": ["color"]}
TRAITS = {"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All categories regenerated once, in a subprocess with another hash seed (no hash-order dependence)."""
    out = tmp_path_factory.mktemp("regenerated")
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True, env=env, capture_output=True,
                   timeout=300)
    return out


@pytest.fixture(scope="module")
def catalogs() -> dict[str, Catalog]:
    return {c: load_catalog(DATA / DIRS[c] / "catalog.json") for c in BUILTIN_CATEGORIES}


@pytest.fixture(scope="module")
def personas(catalogs: dict[str, Catalog]) -> dict[str, list[Persona]]:
    out = {}
    for c in BUILTIN_CATEGORIES:
        lines = (DATA / DIRS[c] / "personas.jsonl").read_text(encoding="utf-8").splitlines()
        out[c] = [Persona.model_validate_json(line) for line in lines]
    return out


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_regeneration_matches_committed_data(regenerated: Path, category: str) -> None:
    a, b = regenerated / DIRS[category], DATA / DIRS[category]
    for name in ("catalog.json", "personas.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{category}/{name} differs from the committed data"
    pngs = sorted(p.name for p in (a / "images").glob("*.png"))
    assert pngs == sorted(p.name for p in (b / "images").glob("*.png"))
    for name in pngs:
        with Image.open(a / "images" / name) as x, Image.open(b / "images" / name) as y:
            assert (x.size, x.mode) == (y.size, y.mode), name
            assert x.tobytes() == y.tobytes(), f"{category}/{name}: pixels differ"


def test_data_directory_holds_only_the_five_categories_and_stays_small() -> None:
    assert sorted(p.name for p in DATA.iterdir() if p.is_dir()) == sorted(DIRS.values())
    total = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    assert total < 4_000_000, f"built-in data is {total} bytes"
    for png in DATA.rglob("*.png"):
        with Image.open(png) as img:
            assert img.width == 256, png


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_personas_validate_and_ground_truth_agrees(catalogs, personas, category: str) -> None:
    catalog = catalogs[category]
    assert len(personas[category]) >= 60
    assert len({p.uuid for p in personas[category]}) == len(personas[category])
    assert len({p.name for p in personas[category]}) == len(personas[category])
    for persona in personas[category]:
        assert persona.category == category
        assert 1 <= len(persona.constraints) <= 5, persona.uuid
        assert 1 <= len(persona.soft_constraints) <= 3, persona.uuid
        assert 12 <= persona.age <= 85
        assert persona.budget and persona.persona_background and persona.speaking_style and persona.knowledge_level
        assert set(persona.big_five or {}) == TRAITS
        computed = resolve_ground_truth(persona.model_copy(update={"acceptable_products": None}), catalog)
        assert computed.acceptable_products == persona.acceptable_products, persona.uuid
        hard_price = [c.value for c in persona.constraints if c.attribute == "price" and c.operator == "<="]
        if hard_price:
            assert persona.budget == hard_price[0]
        kinds = Counter((c.attribute, c.operator) for c in persona.constraints)
        assert max(kinds.values()) == 1, persona.uuid


def test_ground_truth_detects_a_tampered_list(catalogs, personas) -> None:
    persona = next(p for p in personas["smart_watch"] if p.acceptable_products)
    tampered = persona.model_copy(update={"acceptable_products": persona.acceptable_products[1:]})
    with pytest.raises(ValueError, match="disagree"):
        resolve_ground_truth(tampered, catalogs["smart_watch"])


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_counts_spread_and_guides(catalogs, personas, category: str) -> None:
    catalog, people = catalogs[category], personas[category]
    assert len(catalog.products) >= 60 and catalog.categories == [category]
    sizes = Counter(bucket(len(p.acceptable_products or [])) for p in people)
    assert 0.15 <= sizes["0"] / len(people) <= 0.25
    assert sizes["1"] >= 5 and sizes["2-4"] >= 8 and sizes["5-8"] >= 5 and sizes[">8"] >= 8, sizes
    infeasible = [p for p in people if not p.acceptable_products]
    for p in infeasible:  # each constraint alone is satisfiable: the conflict is in the combination
        for c in p.constraints:
            assert any(c.holds(x.facts()) for x in catalog.products), (p.uuid, c.describe())
    assert 2 <= len(catalog.buying_guides) <= 4
    for guide in catalog.buying_guides:
        assert guide.category == category and 150 <= len(guide.text.split()) <= 300


def test_totals(catalogs, personas) -> None:
    assert sum(len(c.products) for c in catalogs.values()) >= 300
    assert sum(len(p) for p in personas.values()) >= 360


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_visual_attributes_matter(catalogs, personas, category: str) -> None:
    catalog, people = catalogs[category], personas[category]
    visual = VISUAL[category]
    assert catalog.visual_attributes == {category: visual}
    on_visual = [p for p in people if any(c.attribute in visual for c in p.constraints)]
    assert len(on_visual) / len(people) >= 0.2
    # some persona would accept more products if it did not care about the visual attribute
    assert any(
        len(resolve_ground_truth(p.model_copy(update={
            "acceptable_products": None, "constraints": [c for c in p.constraints if c.attribute not in visual]}),
            catalog).acceptable_products or [])
        > len(p.acceptable_products or [])
        for p in on_visual if len(p.constraints) > 1
    )
    for attr in visual:
        used = {p.attributes[attr] for p in catalog.products}
        assert used <= set(visual_values(category)[attr]) and len(used) >= 3


def _visual_words(category: str) -> set[str]:
    values = visual_values(category)
    words = {v for vs in values.values() for v in vs}
    words |= {w for v in list(words) for w in v.split() if w not in ("space", "metal")}
    words |= {s for attr in values for forms in SYNONYMS.get(attr, {}).values() for s in forms}
    if "pattern" in values:
        words |= {"stripe", "stripes", "dot", "dots", "check", "gingham", "floral", "print"}
    return words | {"grey", "colour", "color"}


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_product_text_never_reveals_visual_attributes(catalogs, category: str) -> None:
    words = _visual_words(category)
    pattern = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)",
                         re.I)
    for p in catalogs[category].products:
        for text in (p.name, p.description, *p.features):
            assert not pattern.search(text), f"{p.id}: {text!r} reveals a visual attribute"


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_read_visual_attributes_recovers_every_product(catalogs, category: str) -> None:
    catalog = catalogs[category]
    for p in catalog.products:
        path = catalog.image_path(p)
        assert path is not None and path == DATA / DIRS[category] / "images" / f"{p.id}.png" and path.is_file()
        expected = {a: p.attributes[a] for a in VISUAL[category]}
        assert read_visual_attributes(path, category) == expected, p.id
        assert read_visual_attributes(str(path)) == expected, p.id  # layout detected from the backdrop
        assert detect_layout(path) == layout_of(category)


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_reader_survives_jpeg(catalogs, category: str) -> None:
    catalog = catalogs[category]
    for p in catalog.products[::4]:
        with Image.open(catalog.image_path(p)) as img:  # type: ignore[arg-type]
            jpeg = io.BytesIO()
            img.convert("RGB").save(jpeg, format="JPEG", quality=75)
        assert read_visual_attributes(jpeg.getvalue()) == {a: p.attributes[a] for a in VISUAL[category]}, p.id


def test_laptop_reader_survives_rescaling(catalogs) -> None:
    for p in catalogs["laptop"].products[::3]:
        with Image.open(catalogs["laptop"].image_path(p)) as img:  # type: ignore[arg-type]
            assert read_visual_attributes(img.resize((512, 384))) == {"color": p.attributes["color"]}, p.id


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_reader_uses_pixels_not_metadata(catalogs, category: str) -> None:
    product = catalogs[category].products[0]
    values = visual_values(category)
    info = PngImagePlugin.PngInfo()
    info.add_text("color", "nonsense")
    buf = io.BytesIO()
    render_product_image(product).save(buf, format="PNG", pnginfo=info)
    assert read_visual_attributes(buf.getvalue())["color"] == product.attributes["color"]
    for attr, options in values.items():
        for value in options:
            changed = Product.model_validate(
                {**product.model_dump(), "attributes": {**product.attributes, attr: value}})
            assert read_visual_attributes(render_product_image(changed))[attr] == value, (attr, value)


def test_palettes_are_well_separated() -> None:
    def dist(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
        return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5

    for palette, background in ((COLORS, BACKGROUND), (GARMENT_COLORS, BACKGROUNDS["garment"]),
                                (WATCH_COLORS, BACKGROUNDS["watch"]), (GADGET_COLORS, BACKGROUNDS["gadget"])):
        assert len(palette) >= 8
        for a, b in itertools.combinations(palette.values(), 2):
            assert dist(a, b) >= 60
        assert min(dist(background, c) for c in palette.values()) >= 60
    for a, b in itertools.combinations(BACKGROUNDS.values(), 2):
        assert dist(a, b) >= 60


def _forms(c: Constraint, value: object) -> list[str]:
    if c.attribute == "storage_gb" and isinstance(value, int) and value >= 1024:
        return [f"{value // 1024}TB", str(value)]
    if c.attribute == "battery_hours" and isinstance(value, int) and value >= 48 and value % 24 == 0:
        return [f"{value // 24} days", str(value)]
    return [f"{value:g}" if isinstance(value, float) else str(value)]


def _mentions(text: str, c: Constraint) -> bool:
    value = c.value
    if isinstance(value, bool):
        words = {"touchscreen": ["touch"], "gps": ["gps"], "cellular": ["cellular", "lte"], "ecg": ["ecg"],
                 "wireless": ["wire", "cable"], "rgb_lighting": ["rgb"]}
        return any(w in text.lower() for w in words[c.attribute])
    if isinstance(value, (int, float)):
        flat = text.replace(",", "")
        return any(re.search(rf"(?<![\d.]){re.escape(f)}(?!\.?\d)", flat) for f in _forms(c, value))
    return all(str(v).lower() in text.lower() for v in (value if isinstance(value, list) else [value]))


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_free_text_states_every_constraint(personas, category: str) -> None:
    for persona in personas[category]:
        for c in persona.constraints:
            assert _mentions(persona.dealbreakers, c), f"{persona.uuid}: {c.describe()} not in {persona.dealbreakers!r}"
        for s in persona.soft_constraints:
            assert _mentions(persona.preferences, s), f"{persona.uuid}: {s.describe()} not in {persona.preferences!r}"
    assert not _mentions("It has to weigh 4.5 lbs or less.", Constraint(attribute="weight_lb", operator="<=", value=4))


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_free_text_is_lexically_diverse(personas, category: str) -> None:
    people = personas[category]
    assert len({p.dealbreakers for p in people}) == len(people)
    sentences = [s for p in people for s in _constraint_sentences(p)]
    assert len(set(sentences)) / len(sentences) > 0.6
    # each attribute constrained often enough is stated in several different ways
    by_attribute: dict[str, set[str]] = {}
    for p in people:
        for c, sentence in zip(p.constraints, _constraint_sentences(p), strict=False):
            shape = sentence
            for v in (c.value if isinstance(c.value, list) else [c.value]):
                shape = shape.replace(str(v), "#").replace(f"{v:,.0f}" if isinstance(v, float) else "#", "#")
            by_attribute.setdefault(c.attribute, set()).add(re.sub(r"\d[\d,.]*", "#", shape).lower())
    common = [a for a, shapes in by_attribute.items() if sum(c.attribute == a for p in people
                                                             for c in p.constraints) >= 8]
    assert common and all(len(by_attribute[a]) >= 3 for a in common), {a: len(by_attribute[a]) for a in common}


def _constraint_sentences(p: Persona) -> list[str]:
    body = p.dealbreakers
    sentences = [s for s in re.split(r"(?<=[.!])\s+", body) if s]
    return sentences[-len(p.constraints):]


def test_phrase_tables_have_four_phrasings_per_constraint_kind() -> None:
    from langgraph_salessim.persona_text import HARD, SOFT

    for table in (HARD, SOFT):
        assert set(table) == {"price_max", "price_min", "min", "max", "yes", "no", "is", "one_of", "not", "none_of",
                              "has", "lacks"}
        assert all(len(set(phrasings)) >= 4 for phrasings in table.values())


def test_builtin_loaders_merge_every_category() -> None:
    merged = load_builtin_catalog()
    assert merged.categories == list(BUILTIN_CATEGORIES)
    assert len(merged.products) == sum(len(load_builtin_catalog(c).products) for c in BUILTIN_CATEGORIES)
    assert set(merged.visual_attributes) == set(BUILTIN_CATEGORIES)
    assert {g.category for g in merged.buying_guides} == set(BUILTIN_CATEGORIES)
    for p in merged.products:
        path = merged.image_path(p)
        assert path is not None and path.is_file(), p.id
        assert path == load_builtin_catalog(p.category).image_path(load_builtin_catalog(p.category).get(p.id))
    everyone = load_builtin_personas()
    assert len(everyone) >= 360 and {p.category for p in everyone} == set(BUILTIN_CATEGORIES)
    watches = load_builtin_personas("smart_watch")
    assert watches and {p.category for p in watches} == {"smart_watch"}
    assert load_personas(builtin_data_dir("smart_watch") / "personas.jsonl", catalog=merged) == watches
    assert builtin_data_dir(None) == DATA.resolve() or builtin_data_dir(None) == DATA
    with pytest.raises(ValueError, match="no built-in data"):
        builtin_data_dir("toasters")


def test_catalog_json_is_plain_utf8(catalogs) -> None:
    for c in BUILTIN_CATEGORIES:
        data = json.loads((DATA / DIRS[c] / "catalog.json").read_text(encoding="utf-8"))
        assert set(data) == {"visual_attributes", "buying_guides", "products"}
