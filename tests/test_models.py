"""Data model: products, catalog, constraints and personas (DESIGN §3)."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from langgraph_salessim.catalog import BuyingGuide, Catalog, Product, parse_price, slugify
from langgraph_salessim.constraints import OPERATORS, Constraint, SoftConstraint, preference_score, satisfies_all
from langgraph_salessim.personas import Persona, compute_acceptable, persona_hash, resolve_ground_truth
from tests.data_factory import PRODUCTS, small_catalog_data


def _product(**overrides):
    data = {"id": "p1", "name": "Test Laptop 14", "category": "laptop", "price": 500}
    data.update(overrides)
    return data


def _persona(**overrides) -> Persona:
    data = {"uuid": "u-1", "name": "Ana", "age": 30, "category": "laptop", "budget": 1000}
    data.update(overrides)
    return Persona.model_validate(data)


def _errors(err: ValidationError) -> dict[str, str]:
    return {".".join(str(x) for x in e["loc"]): e["msg"] for e in err.errors()}


# --- parse_price / Product -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("$1,299.99", 1299.99), ("$449.99", 449.99), ("799", 799.0), (" $ 1,000 ", 1000.0), (12, 12.0), (3.5, 3.5)],
)
def test_parse_price_accepts_numbers_and_dollar_strings(raw, expected):
    assert parse_price(raw) == pytest.approx(expected)
    assert isinstance(parse_price(raw), float)


@pytest.mark.parametrize("raw", ["cheap", "", "$", "1.299,99 EUR", "-5", None, True, [10]])
def test_parse_price_rejects_garbage_with_a_message(raw):
    with pytest.raises(ValueError, match=r"price must be a number or a string like '\$1,299.99'"):
        parse_price(raw)


def test_product_parses_string_price():
    assert Product.model_validate(_product(price="$1,299.99")).price == pytest.approx(1299.99)


def test_product_missing_field_names_it():
    data = _product()
    del data["name"]
    with pytest.raises(ValidationError) as exc:
        Product.model_validate(data)
    errors = _errors(exc.value)
    assert list(errors) == ["name"]
    assert "Field required" in errors["name"]


def test_product_wrong_type_names_the_field():
    with pytest.raises(ValidationError) as exc:
        Product.model_validate(_product(features="fast, light"))
    assert "features" in _errors(exc.value)
    assert "valid list" in _errors(exc.value)["features"]

    with pytest.raises(ValidationError) as exc:
        Product.model_validate(_product(price="cheap"))
    assert "price" in _errors(exc.value)
    assert "'cheap'" in _errors(exc.value)["price"]


def test_product_negative_price_rejected():
    with pytest.raises(ValidationError) as exc:
        Product.model_validate(_product(price=-5))
    assert "greater than or equal to 0" in _errors(exc.value)["price"]


def test_product_rating_bounds_and_unknown_fields():
    with pytest.raises(ValidationError) as exc:
        Product.model_validate(_product(rating=7))
    assert "rating" in _errors(exc.value)
    with pytest.raises(ValidationError) as exc:
        Product.model_validate(_product(colour="red"))
    assert "Extra inputs are not permitted" in _errors(exc.value)["colour"]


def test_product_facts_and_text():
    p = Product.model_validate(PRODUCTS[0])
    facts = p.facts()
    assert facts["price"] == 999.0
    assert facts["ram_gb"] == 8
    assert p.attributes == {k: v for k, v in facts.items() if k != "price"}
    text = p.text()
    assert text.startswith(p.name)
    assert "Apple M2 chip" in text and "fanless" in text


def test_small_catalog_never_writes_the_colour_in_text():
    for raw in PRODUCTS:
        p = Product.model_validate(raw)
        assert p.attributes["color"].lower() not in p.text().lower(), p.id


def test_slugify():
    assert slugify('HP - 15.6" Laptop - 8GB Memory') == "hp-15-6-laptop-8gb-memory"


# --- Catalog ---------------------------------------------------------------------------------------------------


def test_duplicate_product_ids_rejected():
    data = small_catalog_data()
    data["products"][3]["id"] = data["products"][0]["id"]
    with pytest.raises(ValueError, match="duplicate product id 'lt-001'"):
        Catalog.model_validate(data)


def test_catalog_lookup_helpers(small_catalog):
    assert small_catalog.categories == ["laptop"]
    assert small_catalog.get("lt-003").name.startswith("Dell XPS 13")
    with pytest.raises(KeyError, match="unknown product id 'nope'"):
        small_catalog.get("nope")
    assert len(small_catalog.in_category("laptop")) == 8
    assert small_catalog.in_category("phone") == []
    assert small_catalog.is_visual("laptop", "color")
    assert not small_catalog.is_visual("laptop", "ram_gb")
    assert not small_catalog.is_visual("phone", "color")


def test_catalog_find(small_catalog):
    assert small_catalog.find("apple macbook air 13 m2 8gb 256gb").id == "lt-001"
    assert small_catalog.find("lt-006").id == "lt-006"
    assert small_catalog.find("MacBook Pro 14 M3 Pro").id == "lt-002"
    assert small_catalog.find("Dell XPS 13 Plus", category="laptop").id == "lt-003"
    assert small_catalog.find("Dell XPS 13 Plus", category="phone") is None
    assert small_catalog.find("Samsung Galaxy Book") is None
    # `among` restricts the pool
    air = small_catalog.get("lt-001")
    assert small_catalog.find("Dell XPS 13 Plus", among=[air]) is None


def test_catalog_image_path(small_catalog, small_catalog_path):
    p = small_catalog.get("lt-001")
    path = small_catalog.image_path(p)
    assert path == small_catalog_path.parent / "images" / "lt-001.png"
    assert path.is_file()
    assert small_catalog.image_path(p.model_copy(update={"image": "https://example.com/x.png"})) is None
    assert small_catalog.image_path(p.model_copy(update={"image": None})) is None


def test_buying_guide_model_requires_fields():
    with pytest.raises(ValidationError) as exc:
        BuyingGuide.model_validate({"category": "laptop", "title": "RAM"})
    assert "text" in _errors(exc.value)


# --- Constraint validation -------------------------------------------------------------------------------------


def test_operators_constant_lists_all_operators():
    assert set(OPERATORS) == {"<", "<=", ">", ">=", "==", "!=", "in", "not_in", "contains", "not_contains"}


def test_unknown_operator_rejected():
    with pytest.raises(ValidationError) as exc:
        Constraint(attribute="ram_gb", operator="~=", value=16)
    msg = _errors(exc.value)["operator"]
    assert "'not_contains'" in msg and "'<='" in msg


def test_in_without_a_list_rejected():
    with pytest.raises(ValidationError, match=r"operator 'in' needs a list value, got 'macOS'"):
        Constraint(attribute="os", operator="in", value="macOS")
    with pytest.raises(ValidationError, match="operator 'not_in' needs a list value"):
        Constraint(attribute="os", operator="not_in", value="ChromeOS")


@pytest.mark.parametrize("value", ["16", True, None, [16]])
def test_ordered_operator_needs_a_number(value):
    with pytest.raises(ValidationError, match="operator '>=' needs a number"):
        Constraint(attribute="ram_gb", operator=">=", value=value)


def test_constraint_missing_field_and_extra_field():
    with pytest.raises(ValidationError) as exc:
        Constraint.model_validate({"attribute": "ram_gb", "value": 16})
    assert "operator" in _errors(exc.value)
    with pytest.raises(ValidationError) as exc:
        Constraint.model_validate({"attribute": "ram_gb", "operator": ">=", "value": 16, "unit": "GB"})
    assert "unit" in _errors(exc.value)
    with pytest.raises(ValidationError):
        Constraint(attribute="", operator="==", value=1)


def test_soft_constraint_weight_must_be_positive():
    assert SoftConstraint(attribute="ram_gb", operator=">=", value=16).weight == 1.0
    with pytest.raises(ValidationError) as exc:
        SoftConstraint(attribute="ram_gb", operator=">=", value=16, weight=0)
    assert "weight" in _errors(exc.value)


def test_constraint_describe():
    assert Constraint(attribute="ram_gb", operator=">=", value=16).describe() == "ram_gb >= 16"
    assert Constraint(attribute="os", operator="in", value=["macOS"]).describe() == "os in ['macOS']"


# --- Constraint evaluation -------------------------------------------------------------------------------------

ATTRS = {"ram_gb": 16, "price": 999.0, "os": "macOS", "ports": ["USB-C", "hdmi"], "touchscreen": False}


@pytest.mark.parametrize(
    ("attribute", "operator", "value", "expected"),
    [
        ("ram_gb", "<", 16, False),
        ("ram_gb", "<", 17, True),
        ("ram_gb", "<=", 16, True),
        ("ram_gb", "<=", 15.5, False),
        ("ram_gb", ">", 16, False),
        ("ram_gb", ">", 8, True),
        ("ram_gb", ">=", 16, True),
        ("ram_gb", ">=", 32, False),
        ("price", "<=", 999, True),
        ("price", "<", 999, False),
        ("os", "==", "macos", True),
        ("os", "==", "  MACOS ", True),
        ("os", "==", "Windows", False),
        ("os", "!=", "MacOS", False),
        ("os", "!=", "Windows", True),
        ("ram_gb", "==", 16, True),
        ("touchscreen", "==", False, True),
        ("touchscreen", "==", True, False),
        ("os", "in", ["Windows", "MACOS"], True),
        ("os", "in", ["Windows", "ChromeOS"], False),
        ("os", "not_in", ["windows", "chromeos"], True),
        ("os", "not_in", ["macos"], False),
        ("ram_gb", "in", [8, 16], True),
        ("ports", "contains", "usb-c", True),
        ("ports", "contains", "thunderbolt", False),
        ("ports", "not_contains", "thunderbolt", True),
        ("ports", "not_contains", "HDMI", False),
        ("ports", "in", ["HDMI", "thunderbolt"], True),
        ("ports", "in", ["thunderbolt"], False),
        ("ports", "not_in", ["thunderbolt", "sd-card"], True),
        ("ports", "not_in", ["usb-c"], False),
        ("ports", "contains", ["usb-c"], False),
        ("os", "contains", "mac", True),
        ("os", "not_contains", "win", True),
    ],
)
def test_constraint_operators(attribute, operator, value, expected):
    assert Constraint(attribute=attribute, operator=operator, value=value).holds(ATTRS) is expected


def test_ordered_operator_on_non_numeric_attribute_is_false():
    assert not Constraint(attribute="os", operator=">=", value=1).holds(ATTRS)
    assert not Constraint(attribute="touchscreen", operator=">=", value=0).holds(ATTRS)


@pytest.mark.parametrize(
    ("operator", "value", "expected"),
    [
        ("<", 10, False),
        (">=", 0, False),
        ("==", "x", False),
        ("in", ["x"], False),
        ("contains", "x", False),
        ("!=", "x", True),
        ("not_in", ["x"], True),
        ("not_contains", "x", True),
    ],
)
def test_missing_attribute_fails_all_but_negative_operators(operator, value, expected):
    c = Constraint(attribute="gps", operator=operator, value=value)
    assert c.holds(ATTRS) is expected
    assert c.holds({**ATTRS, "gps": None}) is expected


def test_satisfies_all():
    cs = [
        Constraint(attribute="ram_gb", operator=">=", value=16),
        Constraint(attribute="os", operator="==", value="macOS"),
    ]
    assert satisfies_all(ATTRS, cs)
    assert not satisfies_all({**ATTRS, "ram_gb": 8}, cs)
    assert satisfies_all(ATTRS, [])


def test_preference_score_sums_weights_of_satisfied_preferences():
    soft = [
        SoftConstraint(attribute="ram_gb", operator=">=", value=16, weight=2.0),
        SoftConstraint(attribute="os", operator="==", value="windows", weight=1.5),
        SoftConstraint(attribute="price", operator="<", value=1000, weight=0.5),
    ]
    assert preference_score(ATTRS, soft) == pytest.approx(2.5)
    assert preference_score({**ATTRS, "os": "Windows"}, soft) == pytest.approx(4.0)
    assert preference_score({"price": 2000}, soft) == 0
    assert preference_score(ATTRS, []) == 0


def test_constraints_against_catalog_products(small_catalog):
    light = Constraint(attribute="weight_lb", operator="<=", value=2.7)
    assert {p.id for p in small_catalog.products if light.holds(p.facts())} == {"lt-001", "lt-003", "lt-004"}
    thunder = Constraint(attribute="ports", operator="contains", value="Thunderbolt")
    assert {p.id for p in small_catalog.products if thunder.holds(p.facts())} == {"lt-002", "lt-003", "lt-004"}


# --- Persona ---------------------------------------------------------------------------------------------------


def test_persona_validation_messages():
    with pytest.raises(ValidationError) as exc:
        Persona.model_validate({"uuid": "u", "age": 30, "category": "laptop"})
    assert "name" in _errors(exc.value)
    with pytest.raises(ValidationError) as exc:
        _persona(age="thirty")
    assert "valid integer" in _errors(exc.value)["age"]
    with pytest.raises(ValidationError) as exc:
        _persona(budget=-1)
    assert "budget" in _errors(exc.value)
    with pytest.raises(ValidationError) as exc:
        _persona(constraints=[{"attribute": "ram_gb", "operator": "=>", "value": 16}])
    assert "constraints.0.operator" in _errors(exc.value)
    with pytest.raises(ValidationError) as exc:
        _persona(big_five={"openness": "Very High"})
    assert "big_five.openness" in _errors(exc.value)


def test_has_ground_truth():
    assert not _persona().has_ground_truth
    assert _persona(acceptable_products=[]).has_ground_truth


def test_compute_acceptable(small_catalog):
    p = _persona(
        constraints=[
            {"attribute": "ram_gb", "operator": ">=", "value": 16},
            {"attribute": "price", "operator": "<=", "value": 1500},
        ]
    )
    assert compute_acceptable(p, small_catalog) == ["lt-003", "lt-004"]
    # visual attributes are ground truth too
    blue = _persona(constraints=[{"attribute": "color", "operator": "in", "value": ["Blue", "green"]}])
    assert compute_acceptable(blue, small_catalog) == ["lt-005", "lt-007"]
    nothing = _persona(constraints=[{"attribute": "price", "operator": "<", "value": 100}])
    assert compute_acceptable(nothing, small_catalog) == []
    # no constraints: every product of the category
    assert len(compute_acceptable(_persona(), small_catalog)) == 8
    assert compute_acceptable(_persona(category="phone"), small_catalog) == []


def test_resolve_ground_truth_from_constraints(small_catalog):
    p = _persona(constraints=[{"attribute": "os", "operator": "==", "value": "macOS"}])
    resolved = resolve_ground_truth(p, small_catalog)
    assert resolved.acceptable_products == ["lt-001", "lt-002"]
    assert p.acceptable_products is None  # the input is not modified


def test_resolve_ground_truth_names_to_ids(small_catalog):
    names = ["Apple MacBook Air 13 M2 8GB 256GB", "lt-005", "apple macbook air 13 m2 8gb 256gb"]
    p = _persona(acceptable_products=names)
    assert resolve_ground_truth(p, small_catalog).acceptable_products == ["lt-001", "lt-005"]
    assert resolve_ground_truth(_persona(acceptable_products=[]), small_catalog).acceptable_products == []
    assert resolve_ground_truth(_persona(), small_catalog).acceptable_products is None


def test_acceptable_product_not_in_catalog_lists_the_names(small_catalog):
    p = _persona(acceptable_products=["Dell XPS 13 Plus Intel Core i7 16GB 512GB", "Samsung Galaxy Book4", "Zeta 9"])
    with pytest.raises(ValueError) as exc:
        resolve_ground_truth(p, small_catalog)
    msg = str(exc.value)
    assert "u-1" in msg and "not found in the catalog" in msg
    assert "Samsung Galaxy Book4" in msg and "Zeta 9" in msg
    assert "Dell XPS" not in msg


def test_acceptable_products_disagreeing_with_constraints(small_catalog):
    # constraints accept lt-003 and lt-004; the list has lt-003 and lt-001
    p = _persona(
        constraints=[
            {"attribute": "ram_gb", "operator": ">=", "value": 16},
            {"attribute": "price", "operator": "<=", "value": 1500},
        ],
        acceptable_products=["Dell XPS 13 Plus Intel Core i7 16GB 512GB", "Apple MacBook Air 13 M2 8GB 256GB"],
    )
    with pytest.raises(ValueError) as exc:
        resolve_ground_truth(p, small_catalog)
    msg = str(exc.value)
    assert "disagree" in msg
    missing = re.search(r"not listed: (\[.*?\])", msg).group(1)
    extra = re.search(r"violate a constraint: (\[.*?\])", msg).group(1)
    assert "lt-004" in missing and "lt-001" not in missing
    assert "lt-001" in extra and "lt-004" not in extra
    assert "lt-003" not in msg


def test_acceptable_products_agreeing_with_constraints(small_catalog):
    p = _persona(
        constraints=[{"attribute": "os", "operator": "==", "value": "ChromeOS"}],
        acceptable_products=["Acer Chromebook 314 Intel Celeron 4GB 64GB"],
    )
    assert resolve_ground_truth(p, small_catalog).acceptable_products == ["lt-007"]


def test_resolve_ground_truth_unknown_category(small_catalog):
    with pytest.raises(ValueError, match="category 'phone' has no products"):
        resolve_ground_truth(_persona(category="phone"), small_catalog)


def test_persona_hash_stable_and_sensitive():
    a = _persona(preferences="light", constraints=[{"attribute": "ram_gb", "operator": ">=", "value": 16}])
    b = Persona.model_validate(a.model_dump(mode="json"))
    h = persona_hash(a)
    assert re.fullmatch(r"[0-9a-f]{64}", h)
    assert persona_hash(b) == h
    assert persona_hash(a) == h  # deterministic across calls
    assert persona_hash(a.model_copy(update={"budget": 1001.0})) != h
    assert persona_hash(a.model_copy(update={"preferences": "light!"})) != h
    assert persona_hash(a.model_copy(update={"acceptable_products": []})) != h


def test_persona_hash_independent_of_key_order():
    data = {"uuid": "u-1", "name": "Ana", "age": 30, "category": "laptop", "metadata": {"b": 1, "a": 2}}
    reordered = {"metadata": {"a": 2, "b": 1}, "category": "laptop", "age": 30, "name": "Ana", "uuid": "u-1"}
    assert persona_hash(Persona.model_validate(data)) == persona_hash(Persona.model_validate(reordered))
