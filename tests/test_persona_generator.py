"""`create_personas`: any catalog in, personas with sampled constraints, free text and exact ground truth out."""

from __future__ import annotations

from collections import Counter

import pytest

from langgraph_salessim.builtin import load_builtin_catalog
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.formats import load_catalog
from langgraph_salessim.persona_generator import bucket, create_personas
from langgraph_salessim.persona_text import Archetype, PersonaProfile
from langgraph_salessim.personas import Persona, compute_acceptable, resolve_ground_truth
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def official() -> Catalog:
    return load_catalog(FIXTURES / "official_v1_products.json")


def _check(personas: list[Persona], catalog: Catalog) -> None:
    """Ground truth is exact; infeasible personas conflict only in combination; text states the values."""
    assert len({p.uuid for p in personas}) == len(personas)
    for p in personas:
        assert p.constraints and p.budget and p.dealbreakers and p.persona_background and p.knowledge_level
        assert set(p.big_five or {}) == {"openness", "conscientiousness", "extraversion", "agreeableness",
                                         "neuroticism"}
        assert p.acceptable_products == compute_acceptable(p, catalog)
        assert resolve_ground_truth(p, catalog).acceptable_products == p.acceptable_products
        products = catalog.in_category(p.category)
        for c in p.constraints:
            assert any(c.holds(x.facts()) for x in products), (p.uuid, c.describe())
            values = c.value if isinstance(c.value, list) else [c.value]
            if not isinstance(c.value, (bool, int, float)):
                assert all(str(v).lower() in p.dealbreakers.lower() for v in values), (c.describe(), p.dealbreakers)
        for s in p.soft_constraints:
            assert s.weight > 0


@pytest.mark.parametrize("n", [0, 1, 7, 30])
def test_honours_n_and_exact_infeasible_count(small_catalog: Catalog, n: int) -> None:
    personas = create_personas(small_catalog, n=n, infeasible_share=0.3, seed=4)
    assert len(personas) == n
    assert sum(not p.acceptable_products for p in personas) == round(n * 0.3)
    _check(personas, small_catalog)


@pytest.mark.parametrize("share", [0.0, 0.2, 0.5, 1.0])
def test_infeasible_share_is_exact(small_catalog: Catalog, share: float) -> None:
    personas = create_personas(small_catalog, n=20, infeasible_share=share, seed=1)
    infeasible = [p for p in personas if not p.acceptable_products]
    assert len(infeasible) == round(20 * share)
    for p in infeasible:  # nothing fits all constraints, yet each one alone is satisfiable
        assert compute_acceptable(p, small_catalog) == []
        assert len(p.constraints) >= 2
        for c in p.constraints:
            assert compute_acceptable(p.model_copy(update={"constraints": [c]}), small_catalog), c.describe()


def test_same_seed_same_personas_other_seed_differs(small_catalog: Catalog) -> None:
    a = create_personas(small_catalog, n=12, seed=7)
    b = create_personas(small_catalog, n=12, seed=7)
    c = create_personas(small_catalog, n=12, seed=8)
    dump = lambda ps: [p.model_dump(mode="json") for p in ps]  # noqa: E731
    assert dump(a) == dump(b)
    assert dump(a) != dump(c)
    assert {p.uuid for p in a} != {p.uuid for p in c}


def test_official_catalog_fixture(official: Catalog) -> None:
    personas = create_personas(official, n=10, infeasible_share=0.2, seed=0)
    assert len(personas) == 10 and sum(not p.acceptable_products for p in personas) == 2
    assert {p.category for p in personas} == {"laptop"}
    attributes = {c.attribute for p in personas for c in p.constraints}
    assert attributes <= {"price", "brand", "screen_size"} and len(attributes) >= 2
    _check(personas, official)


def test_spread_of_acceptable_set_sizes_on_a_real_catalog() -> None:
    catalog = load_builtin_catalog("smart_watch")
    personas = create_personas(catalog, n=50, infeasible_share=0.2, seed=3)
    sizes = Counter(bucket(len(p.acceptable_products or [])) for p in personas)
    assert sizes["0"] == 10 and sizes["1"] >= 6 and sizes["2-4"] >= 9 and sizes["5-8"] >= 6 and sizes[">8"] >= 9
    _check(personas, catalog)
    # thresholds come from the catalog's own values, never invented numbers
    observed = {a: {p.attributes.get(a) for p in catalog.products} for a in ("battery_hours", "case_mm", "weight_g")}
    for p in personas:
        for c in p.constraints:
            if c.attribute in observed:
                assert c.value in observed[c.attribute], c.describe()
    assert len({p.dealbreakers for p in personas}) == len(personas)


def test_several_categories_share_n(small_catalog: Catalog) -> None:
    catalog = load_builtin_catalog()
    personas = create_personas(catalog, n=12, infeasible_share=0.25, seed=2)
    assert Counter(p.category for p in personas) == {"laptop": 3, "womens_clothing": 3, "mens_clothing": 2,
                                                     "smart_watch": 2, "game_gadget": 2}
    assert sum(not p.acceptable_products for p in personas) == 3
    only = create_personas(catalog, n=4, seed=2, category="game_gadget")
    assert {p.category for p in only} == {"game_gadget"}


def test_profile_phrasings_names_and_focus(small_catalog: Catalog) -> None:
    profile = PersonaProfile(
        noun="laptop", names=("Ada", "Grace", "Hedy"),
        archetypes=(Archetype("mac fan", focus={"os": ("macOS",)}, situations=("{n} loves {noun}s.",)),),
        weights={"os": 50.0}, kinds={"os": ("is",)},
        hard_phrases={"os:is": ["only {v} will do, full stop"]},
    )
    personas = create_personas(small_catalog, n=3, infeasible_share=0, seed=5, profile=profile)
    assert sorted(p.name for p in personas) == ["Ada", "Grace", "Hedy"]
    assert all("loves laptops" in p.persona_background for p in personas)
    stated = [p for p in personas if any(c.attribute == "os" for c in p.constraints)]
    assert stated and all("Only macOS will do, full stop" in p.dealbreakers for p in stated)


def test_bad_arguments(small_catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="infeasible_share"):
        create_personas(small_catalog, n=3, infeasible_share=1.5)
    with pytest.raises(ValueError, match="n must be"):
        create_personas(small_catalog, n=-1)
    with pytest.raises(ValueError, match="no products"):
        create_personas(small_catalog, n=3, category="toaster")


def test_a_catalog_without_variety_cannot_give_infeasible_personas() -> None:
    catalog = Catalog.model_validate({"products": [
        {"id": "a", "name": "Alpha", "category": "mug", "price": 10, "attributes": {"size": "small"}},
        {"id": "b", "name": "Beta", "category": "mug", "price": 10, "attributes": {"size": "small"}},
    ]})
    with pytest.raises(ValueError, match="infeasible"):
        create_personas(catalog, n=5, infeasible_share=0.4)
