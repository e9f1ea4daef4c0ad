"""The offline agents' shared vocabulary: multi-word values, list attributes, units, flags."""

from __future__ import annotations

import random

import pytest

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.constraints import Constraint
from langgraph_salessim.vocab import Reader, say_constraint, shopping_for


def _catalog() -> Catalog:
    def product(pid: str, **attributes: object) -> dict:
        return {"id": pid, "name": f"Thing {pid}", "category": "gear", "price": 100, "attributes": attributes}

    return Catalog.model_validate({"products": [
        product("a", color="rose gold", band_style="metal link", sizes=["S", "M"], platforms=["PC", "Nintendo Switch"],
                brand="Nintendo", garment="t-shirt", wireless=True, battery_hours=336, dpi=16000),
        product("b", color="gold", band_style="silicone", sizes=["L", "XL"], platforms=["Xbox"], brand="Fitbit",
                os="Fitbit OS", garment="polo shirt", wireless=False, battery_hours=18, water_resistance_m=100),
        product("c", color="space gray", band_style="leather", sizes=["XS"], platforms=["PC"], brand="Apple",
                garment="jeans", wireless=True, case_mm=41, weight_g=32),
    ]})


def _read(text: str) -> list[str]:
    return [c.describe() for c in Reader(_catalog(), "gear").read(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("I want it in rose gold.", ["color == 'rose gold'"]),
    ("I want it in gold.", ["color == 'gold'"]),
    ("Rose gold or gold, please.", ["color in ['gold', 'rose gold']"]),
    ("No rose gold, please.", ["color != 'rose gold'"]),
    ("Anything but gold or space gray.", ["color not_in ['gold', 'space gray']"]),
    ("I only wear metal link bands.", ["band_style == 'metal link'"]),
    ("I'd like a link bracelet.", ["band_style == 'metal link'"]),
    ("I wear a size M.", ["sizes contains 'M'"]),
    ("My size is XL.", ["sizes contains 'XL'"]),
    ("I need size medium.", ["sizes contains 'M'"]),
    ("I'm small and I'll take a large coffee.", []),
    ("It has to work with Nintendo Switch.", ["platforms contains 'Nintendo Switch'"]),
    ("I only want Nintendo.", ["brand == 'Nintendo'"]),
    ("It has to run Fitbit OS.", ["os == 'Fitbit OS'"]),
    ("I'm looking for a t-shirt.", ["garment == 't-shirt'"]),
    ("I need a polo shirt.", ["garment == 'polo shirt'"]),
    ("I need a pair of jeans.", ["garment == 'jeans'"]),
    ("It has to be wireless.", ["wireless == True"]),
    ("It has to be wired.", ["wireless == False"]),
    ("The filter is alternate.", []),
    ("At least 14 days of battery life.", ["battery_hours >= 336"]),
    ("At least 36 hours of battery life.", ["battery_hours >= 36"]),
    ("At least 16,000 DPI.", ["dpi >= 16000"]),
    ("No less than 100m of water resistance.", ["water_resistance_m >= 100"]),
    ("A 41mm case max.", ["case_mm <= 41"]),
    ("Under 50 grams.", ["weight_g <= 50"]),
])
def test_reader(text: str, expected: list[str]) -> None:
    assert sorted(_read(text)) == sorted(expected)


def test_later_statements_replace_earlier_ones() -> None:
    assert _read("I want it in gold. Actually, I want it in rose gold.") == ["color == 'rose gold'"]


@pytest.mark.parametrize(("constraint", "spoken"), [
    (Constraint(attribute="sizes", operator="contains", value="XL"), "XL"),
    (Constraint(attribute="garment", operator="==", value="jeans"), "a pair of jeans"),
    (Constraint(attribute="garment", operator="in", value=["dress", "skirt"]), "a dress or a skirt"),
    (Constraint(attribute="battery_hours", operator=">=", value=336), "14 days of battery life"),
    (Constraint(attribute="dpi", operator=">=", value=16000), "16,000 DPI"),
    (Constraint(attribute="wireless", operator="==", value=False), "wired"),
    (Constraint(attribute="band_style", operator="!=", value="leather"), "leather"),
])
def test_say_constraint(constraint: Constraint, spoken: str) -> None:
    for seed in range(6):
        assert spoken in say_constraint(constraint, random.Random(seed))


def test_shopping_for() -> None:
    assert shopping_for("smart_watch") == "a smartwatch"
    assert shopping_for("laptop") == "a new laptop"
    assert shopping_for("coffee_maker") == "a new coffee maker"
