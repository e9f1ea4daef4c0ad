"""`salessim data` functions: validation problems name file, line and field; stats; persona files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from langgraph_salessim.builtin import BUILTIN_CATEGORIES, builtin_data_dir
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.data_commands import (
    data_stats,
    detect_kind,
    format_stats,
    generate_personas_file,
    stats_for_files,
    validate_files,
)
from langgraph_salessim.formats import DataError, load_personas
from langgraph_salessim.persona_generator import create_personas
from tests.conftest import FIXTURES


@pytest.fixture
def personas_file(tmp_path: Path, small_catalog: Catalog) -> Path:
    """Six good personas for the small catalog, one per line."""
    path = tmp_path / "personas.jsonl"
    personas = create_personas(small_catalog, n=6, infeasible_share=0.0, seed=9)
    path.write_text("".join(json.dumps(p.model_dump(mode="json", exclude_none=True)) + "\n" for p in personas))
    return path


def _rewrite(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    records = [json.loads(line) for line in path.read_text().splitlines()]
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in edit(records)))


def test_good_files_have_no_problems(small_catalog_path: Path, personas_file: Path) -> None:
    assert validate_files([small_catalog_path, personas_file]) == []
    assert validate_files([FIXTURES / "official_v1_products.json", FIXTURES / "official_v1_personas.jsonl"]) == []
    builtin = [builtin_data_dir(c) / name for c in BUILTIN_CATEGORIES for name in ("catalog.json", "personas.jsonl")]
    assert validate_files(builtin) == []
    # personas with constraints on built-in categories are checked against the built-in catalog
    assert validate_files([builtin_data_dir("smart_watch") / "personas.jsonl"]) == []


def test_detects_catalog_and_persona_files(small_catalog_path: Path, personas_file: Path, tmp_path: Path) -> None:
    assert detect_kind(small_catalog_path) == "catalog"
    assert detect_kind(FIXTURES / "official_v1_products.json") == "catalog"
    assert detect_kind(personas_file) == "personas"
    listed = tmp_path / "personas.json"
    listed.write_text(json.dumps([json.loads(line) for line in personas_file.read_text().splitlines()]))
    assert detect_kind(listed) == "personas"
    (tmp_path / "notes.txt").write_text("hello")
    assert detect_kind(tmp_path / "notes.txt") is None
    assert validate_files([tmp_path / "notes.txt"]) == [f"{tmp_path / 'notes.txt'}:1: invalid JSON: Expecting value"]
    (tmp_path / "number.json").write_text("42")
    assert validate_files([tmp_path / "number.json"]) == [
        f"{tmp_path / 'number.json'}: neither a catalog nor a persona file (expected JSON or JSONL)"]
    assert validate_files([tmp_path / "missing.jsonl"]) == [f"{tmp_path / 'missing.jsonl'}: file not found"]


def test_broken_persona_lines_are_each_reported(small_catalog_path: Path, personas_file: Path) -> None:
    def edit(records: list) -> list:  # type: ignore[type-arg]
        del records[1]["age"]
        records[2]["constraints"][0]["operator"] = "about"
        records[3]["acceptable_products"] = [*records[3]["acceptable_products"], "lt-999"]
        records[4]["constraints"][0]["attribute"] = "ramm"
        records[5]["uuid"] = records[0]["uuid"]
        return [*records[:1], "{not json", *records[1:]]

    _rewrite(personas_file, edit)
    problems = validate_files([small_catalog_path, personas_file])
    at = lambda line: f"{personas_file}:{line}: "  # noqa: E731
    assert problems[0].startswith(at(2) + "invalid JSON")
    assert problems[1] == at(3) + "field 'age': Field required"
    assert problems[2].startswith(at(4) + "field 'constraints.0.operator': Input should be '<'")
    assert problems[3].startswith(at(5) + "field 'acceptable_products': acceptable_products not found in the "
                                  "catalog: ['lt-999']")
    assert problems[4].startswith(at(6) + "field 'constraints.0.attribute': unknown attribute 'ramm'")
    assert any(p.startswith(at(7) + "field 'uuid': duplicate") for p in problems)
    assert len({p.split(":")[1] for p in problems}) == 6  # one or more problems on each broken line, none on line 1


def test_ground_truth_disagreement_names_the_products(small_catalog_path: Path, personas_file: Path) -> None:
    _rewrite(personas_file, lambda rs: [{**rs[0], "acceptable_products": rs[0]["acceptable_products"][1:]}])
    [problem] = validate_files([small_catalog_path, personas_file])
    assert problem.startswith(f"{personas_file}:1: field 'acceptable_products': acceptable_products disagree")


def test_personas_without_a_catalog_are_checked_for_format_only(tmp_path: Path) -> None:
    line = json.loads((FIXTURES / "official_v1_personas.jsonl").read_text().splitlines()[0])
    path = tmp_path / "v1.jsonl"
    path.write_text(json.dumps({**line, "acceptable_products": ["No Such Laptop"]}) + "\n")
    assert validate_files([path]) == []
    assert validate_files([FIXTURES / "official_v1_products.json", path]) == [
        f"{path}:1: field 'acceptable_products': acceptable_products not found in the catalog: ['No Such Laptop']"]


def test_broken_catalogs(small_catalog_path: Path, tmp_path: Path) -> None:
    data = json.loads(small_catalog_path.read_text())
    bad = dict(data, products=[*data["products"]])
    bad["products"][2] = {**bad["products"][2], "price": "cheap"}
    broken = small_catalog_path.parent / "broken.json"
    broken.write_text(json.dumps(bad, indent=2))
    [problem] = validate_files([broken])
    line = broken.read_text().splitlines().index("    {", 0) + 1  # first product's line
    assert problem.startswith(f"{broken}:") and "field 'products.2.price'" in problem
    assert int(problem.split(":")[1]) > line

    (tmp_path / "bad.json").write_text('{"products": [\n  {"id": "x",\n}')
    [problem] = validate_files([tmp_path / "bad.json"])
    assert problem.startswith(f"{tmp_path / 'bad.json'}:3: invalid JSON")

    revealing = dict(data, products=[dict(p) for p in data["products"]],
                     visual_attributes={"laptop": ["color"]})
    revealing["products"][0]["description"] += " Finished in " + revealing["products"][0]["attributes"]["color"] + "."
    revealing["products"][1]["image"] = "images/nope.png"
    path = small_catalog_path.parent / "revealing.json"
    path.write_text(json.dumps(revealing, indent=2))
    problems = validate_files([path])
    assert any("field 'attributes.color': visual-only value" in p for p in problems)
    assert any("field 'image': image file not found" in p for p in problems)
    assert all(p.startswith(f"{path}:") and p.split(":")[1].isdigit() for p in problems)


def test_stats_figures_on_a_small_fixture(small_catalog: Catalog) -> None:
    personas = create_personas(small_catalog, n=10, infeasible_share=0.2, seed=3)
    stats = data_stats(small_catalog, personas)
    laptop = stats["categories"]["laptop"]
    assert laptop["products"] == 8 and laptop["personas"] == 10 and laptop["with_ground_truth"] == 10
    assert laptop["infeasible"] == 2 and laptop["infeasible_share"] == pytest.approx(0.2)
    assert sum(laptop["acceptable_sizes"].values()) == 10 and laptop["acceptable_sizes"]["0"] == 2
    assert laptop["acceptable_max"] <= 8 and laptop["price_min"] <= laptop["price_max"]
    assert stats["total"]["personas"] == 10
    text = format_stats(stats)
    assert "laptop" in text and "2 (20%)" in text and text.splitlines()[-1].startswith("total")


def test_stats_of_the_builtin_data() -> None:
    stats = stats_for_files()
    assert set(stats["categories"]) == set(BUILTIN_CATEGORIES)
    assert stats["total"]["products"] >= 300 and stats["total"]["personas"] >= 360
    assert stats["categories"]["smart_watch"]["image_only_attributes"] == ["band_style", "color"]
    for figures in stats["categories"].values():
        assert 0.15 <= figures["infeasible_share"] <= 0.25
    text = format_stats(stats)
    assert "band_style, color" in text and "color, pattern" in text


def test_generate_personas_file(tmp_path: Path, small_catalog_path: Path) -> None:
    out = tmp_path / "deep" / "generated.jsonl"
    personas = generate_personas_file(FIXTURES / "official_v1_products.json", out, n=5, infeasible_share=0.4, seed=1)
    assert len(out.read_text().splitlines()) == 5 == len(personas)
    assert validate_files([FIXTURES / "official_v1_products.json", out]) == []
    loaded = load_personas(out)
    assert sum(not p.acceptable_products for p in loaded) == 2
    again = tmp_path / "again.jsonl"
    generate_personas_file(FIXTURES / "official_v1_products.json", again, n=5, infeasible_share=0.4, seed=1)
    assert again.read_bytes() == out.read_bytes()
    stats = stats_for_files(small_catalog_path, [])
    assert stats["total"]["personas"] == 0
    with pytest.raises(DataError):
        generate_personas_file(tmp_path / "nope.json", out, n=1)
