"""Loading catalogs and personas: our format, SalesSim v1 and v0 (DESIGN §3, "Formats read")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from langgraph_salessim.formats import DataError, load_catalog, load_personas
from tests.data_factory import small_catalog_data

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
V1_DELL = "Dell - Inspiron 14 2-in-1 Touch-Screen Laptop - AMD Ryzen 7 - 16GB Memory - 512GB SSD"
V1_LENOVO = 'Lenovo - IdeaPad Slim 3 15.6" Laptop - Intel Core i3 - 8GB Memory - 256GB SSD'


def _jsonl(path: Path, records: list) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _persona(uuid: str = "p-1", **overrides) -> dict:
    rec = {"uuid": uuid, "name": "Ana", "age": 30, "category": "laptop", "budget": 900}
    rec.update(overrides)
    return rec


# --- catalogs --------------------------------------------------------------------------------------------------


def test_load_our_catalog(small_catalog, small_catalog_path):
    assert [p.id for p in small_catalog.products] == [f"lt-00{i}" for i in range(1, 9)]
    assert small_catalog.base_dir == small_catalog_path.parent
    assert small_catalog.visual_attributes == {"laptop": ["color"]}
    assert [g.title for g in small_catalog.buying_guides][0] == "How much RAM do you need?"
    p = small_catalog.get("lt-003")
    assert p.price == pytest.approx(1299.99)
    assert p.attributes["touchscreen"] is True and p.attributes["color"] == "black"
    assert small_catalog.image_path(p).is_file()


def test_load_official_catalog(fixtures_dir):
    catalog = load_catalog(fixtures_dir / "official_v1_products.json")
    assert catalog.categories == ["laptop"]
    ids = [p.id for p in catalog.products]
    assert ids == [
        "lenovo-ideapad-slim-3-15-6-laptop-intel-core-i3-8gb-memory-256gb-ssd",
        "dell-inspiron-14-2-in-1-touch-screen-laptop-amd-ryzen-7-16gb-memory-512gb-ssd",
        "razer-blade-16-gaming-laptop-intel-core-i9-32gb-memory-nvidia-geforce-rtx-4080-1tb-ssd",
    ]
    dell = catalog.products[1]
    assert dell.name == V1_DELL
    assert dell.category == "laptop"
    assert dell.price == pytest.approx(1299.99)
    assert dell.weight == "3.1 lbs"
    assert dell.rating == pytest.approx(4.4)
    assert dell.features[0] == "14 inch touch-screen display"
    # fields that are not Product fields are kept in attributes
    assert dell.attributes == {"brand": "Dell", "screen_size": "14 inches"}
    assert catalog.products[2].rating is None
    assert catalog.base_dir == fixtures_dir


def test_official_catalog_keeps_explicit_ids_and_attributes(tmp_path):
    path = tmp_path / "cat.json"
    path.write_text(json.dumps({"phone": [
        {"id": "ph-1", "name": "Pixel 9", "price": "$799", "attributes": {"gps": True}, "storage": "128GB"},
    ]}))
    p = load_catalog(path).products[0]
    assert (p.id, p.category, p.price) == ("ph-1", "phone", 799.0)
    assert p.attributes == {"gps": True, "storage": "128GB"}


def test_catalog_errors_name_file_and_field(tmp_path):
    data = small_catalog_data()
    del data["products"][1]["price"]
    path = tmp_path / "ours.json"
    path.write_text(json.dumps(data))
    with pytest.raises(DataError) as exc:
        load_catalog(path)
    assert str(path) in str(exc.value)
    assert "field 'products.1.price'" in str(exc.value)

    data = small_catalog_data()
    data["products"][2]["price"] = -10
    path.write_text(json.dumps(data))
    with pytest.raises(DataError, match=r"field 'products\.2\.price'.*greater than or equal to 0"):
        load_catalog(path)


def test_catalog_duplicate_ids_name_the_file(tmp_path):
    data = small_catalog_data()
    data["products"][5]["id"] = "lt-002"
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(data))
    with pytest.raises(DataError) as exc:
        load_catalog(path)
    assert str(path) in str(exc.value) and "duplicate product id 'lt-002'" in str(exc.value)


def test_official_catalog_errors_name_category_and_index(tmp_path):
    path = tmp_path / "official.json"
    path.write_text(json.dumps({"laptop": [{"name": "A", "price": "$1"}, {"description": "no name", "price": "$2"}]}))
    with pytest.raises(DataError, match=re.escape(f"{path}: field 'laptop.1.name'")):
        load_catalog(path)

    path.write_text(json.dumps({"laptop": {"name": "not a list"}}))
    with pytest.raises(DataError, match="field 'laptop': expected a list"):
        load_catalog(path)

    path.write_text(json.dumps({"laptop": [{"name": "A", "price": "$1"}], "tablet": [{"name": "B", "price": "free"}]}))
    with pytest.raises(DataError) as exc:
        load_catalog(path)
    assert "field 'tablet.0.price'" in str(exc.value)
    assert "'free'" in str(exc.value)


def test_catalog_invalid_json_and_missing_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "products": [\n  ,]\n}')
    with pytest.raises(DataError, match=re.escape(f"{path}:3: invalid JSON")):
        load_catalog(path)
    with pytest.raises(DataError, match="file not found"):
        load_catalog(tmp_path / "nope.json")
    path.write_text("[1, 2]")
    with pytest.raises(DataError, match="expected a JSON object, got list"):
        load_catalog(path)


# --- personas: ours --------------------------------------------------------------------------------------------


def test_load_our_personas_jsonl_with_constraints(tmp_path, small_catalog):
    path = _jsonl(tmp_path / "p.jsonl", [
        _persona("p-1", constraints=[{"attribute": "os", "operator": "==", "value": "macOS"}],
                 soft_constraints=[{"attribute": "ram_gb", "operator": ">=", "value": 16, "weight": 2}],
                 big_five={"openness": "High"}),
        "",
        _persona("p-2", acceptable_products=["HP Pavilion 15 AMD Ryzen 5 8GB 512GB"], speaking_style="terse"),
    ])
    personas = load_personas(path, catalog=small_catalog)
    assert [p.uuid for p in personas] == ["p-1", "p-2"]
    assert personas[0].acceptable_products == ["lt-001", "lt-002"]
    assert personas[0].soft_constraints[0].weight == 2.0
    assert personas[0].big_five == {"openness": "High"}
    assert personas[1].acceptable_products == ["lt-005"]
    assert personas[1].speaking_style == "terse"
    # without a catalog nothing is resolved
    raw = load_personas(path)
    assert raw[0].acceptable_products is None
    assert raw[1].acceptable_products == ["HP Pavilion 15 AMD Ryzen 5 8GB 512GB"]


def test_load_our_personas_json_list(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps([_persona("a"), _persona("b", age=41, budget="$1,250")], indent=2))
    personas = load_personas(path)
    assert [(p.uuid, p.age, p.budget) for p in personas] == [("a", 30, 900.0), ("b", 41, 1250.0)]


def test_load_builtin_style_personas_file_round_trips(tmp_path, small_catalog):
    personas = load_personas(_jsonl(tmp_path / "p.jsonl", [_persona("p-1")]), catalog=small_catalog)
    path = _jsonl(tmp_path / "again.jsonl", [personas[0].model_dump(mode="json")])
    assert load_personas(path, catalog=small_catalog) == personas


# --- personas: official v1 -------------------------------------------------------------------------------------


def test_load_official_v1_personas(fixtures_dir):
    catalog = load_catalog(fixtures_dir / "official_v1_products.json")
    personas = load_personas(fixtures_dir / "official_v1_personas.jsonl", catalog=catalog)
    assert [p.name for p in personas] == ["Priya", "Tomás", "Keiko"]
    priya, tomas, keiko = personas
    assert priya.uuid == "11111111-aaaa-4bbb-8ccc-000000000001"
    assert priya.acceptable_products == [catalog.products[1].id]
    assert priya.budget == 1500.0
    assert priya.speaking_style.startswith("Friendly")
    assert "touch screen" in priya.dealbreakers
    assert tomas.acceptable_products == [catalog.products[0].id]
    assert tomas.budget == 500.0  # "$500"
    assert tomas.speaking_style is None
    assert tomas.preferences == "A big screen is easier on my eyes.\nLenovo has been reliable for me."
    assert tomas.dealbreakers == "Nothing above $500."
    assert tomas.metadata == {"shopping_frequency": "rarely"}
    assert keiko.acceptable_products == []
    assert keiko.has_ground_truth


def test_official_v1_unknown_product_name(tmp_path, fixtures_dir):
    catalog = load_catalog(fixtures_dir / "official_v1_products.json")
    path = _jsonl(tmp_path / "v1.jsonl", [
        _persona("ok", acceptable_products=[V1_LENOVO]),
        _persona("bad", acceptable_products=[V1_DELL, "Apple - MacBook Neo 15", "Framework Laptop 13"]),
    ])
    with pytest.raises(DataError) as exc:
        load_personas(path, catalog=catalog)
    msg = str(exc.value)
    assert msg.startswith(f"{path}:2:")
    assert "Apple - MacBook Neo 15" in msg and "Framework Laptop 13" in msg
    assert V1_DELL not in msg


# --- personas: v0 ----------------------------------------------------------------------------------------------


def test_load_v0_personas(fixtures_dir):
    personas = load_personas(fixtures_dir / "official_v0_personas.jsonl")
    liam, margaret = personas
    assert liam.name == "Liam" and liam.age == 19 and liam.category == "laptop"
    assert liam.acceptable_products is None and not liam.has_ground_truth
    assert liam.budget == 800.0
    assert margaret.budget == 1200.0  # "around $1.2k, maybe less"
    assert "must have at least 16GB of RAM" in liam.dealbreakers
    assert "16GB" not in liam.preferences
    assert "note taking, coding assignments" in liam.preferences
    assert liam.persona_background.startswith("First-year engineering student")
    assert liam.knowledge_level.startswith("Knows the basics")
    assert liam.speaking_style.startswith("Casual")
    assert margaret.speaking_style is None
    assert liam.metadata["format"] == "salessim-v0"
    assert liam.metadata["answers"]["What is your budget?"] == "$800"
    assert liam.metadata["answers"]["Do you have dealbreakers?"] == "must have at least 16GB of RAM"
    assert liam.metadata["persona_tag"] == "student"
    assert liam.uuid != margaret.uuid
    # ids are derived deterministically
    assert [p.uuid for p in load_personas(fixtures_dir / "official_v0_personas.jsonl")] == [liam.uuid, margaret.uuid]


def test_v0_personas_with_catalog_have_no_ground_truth(fixtures_dir, small_catalog):
    personas = load_personas(fixtures_dir / "official_v0_personas.jsonl", catalog=small_catalog)
    assert all(p.acceptable_products is None for p in personas)


# --- persona errors --------------------------------------------------------------------------------------------


def test_invalid_json_line(tmp_path):
    path = _jsonl(tmp_path / "p.jsonl", [_persona("a"), _persona("b"), '{"uuid": "c", "name": '])
    with pytest.raises(DataError, match=re.escape(f"{path}:3: invalid JSON")):
        load_personas(path)


def test_missing_name(tmp_path):
    rec = _persona("b")
    del rec["name"]
    path = _jsonl(tmp_path / "p.jsonl", [_persona("a"), rec])
    with pytest.raises(DataError) as exc:
        load_personas(path)
    assert str(exc.value).startswith(f"{path}:2:")
    assert "field 'name'" in str(exc.value) and "Field required" in str(exc.value)


def test_age_not_an_int(tmp_path):
    path = _jsonl(tmp_path / "p.jsonl", [_persona("a", age="thirty")])
    with pytest.raises(DataError, match=re.escape(f"{path}:1: field 'age': Input should be a valid integer")):
        load_personas(path)


def test_unknown_constraint_operator(tmp_path):
    bad = _persona("b", constraints=[
        {"attribute": "ram_gb", "operator": ">=", "value": 8},
        {"attribute": "os", "operator": "is", "value": "macOS"},
    ])
    path = _jsonl(tmp_path / "p.jsonl", [_persona("a"), "", bad])
    with pytest.raises(DataError) as exc:
        load_personas(path)
    msg = str(exc.value)
    assert msg.startswith(f"{path}:3:")  # blank lines still count
    assert "field 'constraints.1.operator'" in msg


def test_duplicate_uuid(tmp_path):
    path = _jsonl(tmp_path / "p.jsonl", [_persona("a"), _persona("b"), _persona("a", name="Other")])
    with pytest.raises(DataError) as exc:
        load_personas(path)
    msg = str(exc.value)
    assert msg.startswith(f"{path}:3: field 'uuid': duplicate 'a'")
    assert f"first at {path}:1" in msg


def test_json_list_errors_name_the_record(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps([_persona("a"), _persona("b", age=[30])]))
    with pytest.raises(DataError, match=re.escape(f"{path}: record 2: field 'age'")):
        load_personas(path)


def test_non_object_line_and_missing_file(tmp_path):
    path = _jsonl(tmp_path / "p.jsonl", [_persona("a"), "[1, 2]"])
    with pytest.raises(DataError, match=re.escape(f"{path}:2: expected a JSON object, got list")):
        load_personas(path)
    with pytest.raises(DataError, match="file not found"):
        load_personas(tmp_path / "missing.jsonl")


def test_ground_truth_errors_name_the_line(tmp_path, small_catalog):
    path = _jsonl(tmp_path / "p.jsonl", [
        _persona("a"),
        _persona("b", constraints=[{"attribute": "os", "operator": "==", "value": "ChromeOS"}],
                 acceptable_products=["Apple MacBook Air 13 M2 8GB 256GB"]),
    ])
    with pytest.raises(DataError) as exc:
        load_personas(path, catalog=small_catalog)
    msg = str(exc.value)
    assert msg.startswith(f"{path}:2:")
    assert "lt-007" in msg and "lt-001" in msg


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


# --- real reference data (local compatibility check) -----------------------------------------------------------


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference not available")
def test_reference_v0_data_loads():
    catalog = load_catalog(REFERENCE / "salessim_v0_laptops_catalog.json")
    assert catalog.categories == ["laptop"]
    assert len(catalog.products) >= 10
    assert all(p.price > 0 for p in catalog.products)
    assert len({p.id for p in catalog.products}) == len(catalog.products)
    personas = load_personas(REFERENCE / "salessim_v0_laptop_personas.jsonl", catalog=catalog)
    assert len(personas) >= 5
    assert all(p.category == "laptop" and p.acceptable_products is None for p in personas)
    assert all(p.metadata["format"] == "salessim-v0" and p.metadata["answers"] for p in personas)
    emily = next(p for p in personas if p.name == "Emily")
    assert emily.budget == 500.0
    assert "cannot go over $500" in emily.dealbreakers
