"""Catalog search, buying-guide search and product-name matching (DESIGN §3, §6)."""

from __future__ import annotations

import pytest

from langgraph_salessim.constraints import Constraint
from langgraph_salessim.matching import (
    MATCH_THRESHOLD,
    best_match,
    candidate_mentions,
    match_mentions,
    name_similarity,
    normalize_name,
)
from langgraph_salessim.search import (
    VisualAttributeError,
    guide_excerpt,
    search_guides,
    search_products,
    text_score,
)
from tests.data_factory import PRODUCTS

NAMES = [p["name"] for p in PRODUCTS]


def _ids(products) -> list[str]:
    return [p.id for p in products]


# --- search_products -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ThinkPad X1 Carbon", "lt-004"),
        ("macbook air", "lt-001"),
        ("MacBook Pro for video editing", "lt-002"),
        ("zephyrus", "lt-006"),
        ("a chromebook for homework", "lt-007"),
        ("Surface Laptop", "lt-008"),
        ("xps", "lt-003"),
        ("gaming laptop with RTX graphics", "lt-006"),
        ("pavillion", "lt-005"),  # misspelt
    ],
)
def test_query_naming_a_model_line_ranks_it_first(small_catalog, query, expected):
    found = search_products(small_catalog, query, top_k=8)
    assert found[0].id == expected
    assert text_score(query, found[0].text()) > text_score(query, found[1].text())


def test_text_score_range_and_stop_words():
    assert text_score("", "anything") == 0.0
    assert text_score("the best for me", "Apple MacBook Air") == 0.0  # only stop words
    assert text_score("macbook air", "Apple MacBook Air 13") == pytest.approx(100.0)
    assert 0 < text_score("macbook air", "Dell XPS 13") < 50


def test_empty_query_orders_by_rating_then_price(small_catalog):
    ids = _ids(search_products(small_catalog, "", top_k=8))
    ratings = [small_catalog.get(i).rating for i in ids]
    assert ratings == sorted(ratings, reverse=True)
    assert ids[:3] == ["lt-002", "lt-001", "lt-006"]


def test_price_bounds(small_catalog):
    found = search_products(small_catalog, "", min_price=600, max_price=1000, top_k=10)
    assert set(_ids(found)) == {"lt-001", "lt-005", "lt-008"}
    assert all(600 <= p.price <= 1000 for p in found)
    # bounds are inclusive
    assert _ids(search_products(small_catalog, "", min_price=999, max_price=999)) == ["lt-001"]
    assert _ids(search_products(small_catalog, "", max_price=279)) == ["lt-007"]
    assert search_products(small_catalog, "", max_price=100) == []
    # price bounds apply to text queries too
    assert "lt-002" not in _ids(search_products(small_catalog, "MacBook Pro", max_price=1500, top_k=8))


def test_attribute_filters(small_catalog):
    ram = [Constraint(attribute="ram_gb", operator=">=", value=16)]
    found = search_products(small_catalog, "", filters=ram, top_k=10)
    assert set(_ids(found)) == {"lt-002", "lt-003", "lt-004", "lt-006"}
    mac = [Constraint(attribute="os", operator="==", value="macOS")]
    assert set(_ids(search_products(small_catalog, "", filters=mac, top_k=10))) == {"lt-001", "lt-002"}
    both = ram + mac
    assert _ids(search_products(small_catalog, "laptop", filters=both, top_k=10)) == ["lt-002"]
    touch_cheap = [Constraint(attribute="touchscreen", operator="==", value=True)]
    found = search_products(small_catalog, "", filters=touch_cheap, max_price=1000, top_k=10)
    assert set(_ids(found)) == {"lt-005", "lt-008"}


def test_top_k(small_catalog):
    assert len(search_products(small_catalog, "laptop")) == 5  # default
    assert len(search_products(small_catalog, "laptop", top_k=2)) == 2
    assert len(search_products(small_catalog, "laptop", top_k=50)) == 8
    assert search_products(small_catalog, "laptop", top_k=0) == []
    assert search_products(small_catalog, "laptop", top_k=-3) == []


def test_category_restriction(small_catalog):
    assert len(search_products(small_catalog, "laptop", category="laptop", top_k=10)) == 8
    assert search_products(small_catalog, "laptop", category="phone") == []


def test_exclude(small_catalog):
    found = search_products(small_catalog, "macbook air", exclude=["lt-001"], top_k=8)
    assert "lt-001" not in _ids(found)
    assert found[0].id == "lt-002"
    assert len(found) == 7


def test_filter_on_visual_attribute_is_refused(small_catalog):
    color = [Constraint(attribute="color", operator="==", value="blue")]
    with pytest.raises(VisualAttributeError, match="'color' is only visible in product images"):
        search_products(small_catalog, "", filters=color)
    with pytest.raises(VisualAttributeError):
        search_products(small_catalog, "", category="laptop", filters=color)
    assert issubclass(VisualAttributeError, ValueError)
    # in a category where colour is not visual-only, the filter is allowed (and matches nothing here)
    assert search_products(small_catalog, "", category="phone", filters=color) == []


# --- buying guides ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("how much RAM do I need for photo editing", "How much RAM do you need?"),
        ("which GPU for gaming", "Choosing a gaming laptop"),
        ("battery life when I travel", "Battery life for travel"),
        ("what about dedicated graphics", "Choosing a gaming laptop"),
    ],
)
def test_search_guides_finds_the_right_guide(small_catalog, query, title):
    guides = search_guides(small_catalog, query)
    assert guides[0].title == title
    assert len(guides) <= 2


def test_search_guides_leaves_out_irrelevant_guides(small_catalog):
    assert search_guides(small_catalog, "xyzzy") == []
    assert search_guides(small_catalog, "") == []
    assert search_guides(small_catalog, "RAM", category="phone") == []
    assert [g.title for g in search_guides(small_catalog, "RAM", category="laptop")] == ["How much RAM do you need?"]
    assert len(search_guides(small_catalog, "laptop battery gaming RAM", top_k=1)) == 1


def test_guide_excerpt_keeps_relevant_paragraphs(small_catalog):
    guide = search_guides(small_catalog, "RAM")[0]
    excerpt = guide_excerpt(guide, "video editing", max_chars=60)
    assert excerpt == "Video editing and virtual machines benefit from 32GB."
    full = guide_excerpt(guide, "RAM", max_chars=10_000)
    assert full == guide.text


# --- matching --------------------------------------------------------------------------------------------------


def test_normalize_name():
    assert normalize_name('  HP - 15.6" Laptop_(Silver)!! ') == "hp 15 6 laptop silver"
    assert normalize_name("Dell   XPS\t13\nPlus") == "dell xps 13 plus"
    assert normalize_name("") == ""


def test_name_similarity():
    assert name_similarity("Apple MacBook Air 13 M2", "apple macbook air 13 m2") == 1.0
    # containment on whole tokens
    assert name_similarity("MacBook Air 13 M2", NAMES[0]) == 1.0
    assert name_similarity("Air 1", "MacBook Air 13") < 1.0  # "1" is not the token "13"
    assert name_similarity("Dell XPS 13", "HP Pavilion 15") < MATCH_THRESHOLD
    assert name_similarity("", "anything") == 0.0
    s = name_similarity("MacBook Air M2 13in", "Apple MacBook Air 13 M2 8GB")
    assert MATCH_THRESHOLD <= s < 1.0


def test_best_match():
    assert best_match("Apple MacBook Air 13 M2 8GB 256GB", NAMES) == 0
    assert best_match("MacBook Pro 14", NAMES) == 1
    assert best_match("MacBook Air", NAMES) == 0  # contained in the Air name only
    assert best_match("the Surface Laptop 5", NAMES) == 7
    assert best_match("Lenovo ThinkPad X1 Carbon", NAMES) == 3
    assert best_match("Razer Blade 16", NAMES) is None
    assert best_match("anything", []) is None


def test_best_match_bare_brand_does_not_match_full_name():
    assert best_match("Dell", NAMES) is None
    assert best_match("Apple", NAMES) is None
    assert best_match("HP", NAMES) is None
    # but a bare brand still matches a product whose name is only that word
    assert best_match("Dell", ["Dell", "Dell XPS 13"]) == 0


def test_best_match_prefers_closest_length_and_respects_threshold():
    assert best_match("Pixel 9", ["Pixel 9 Pro", "Pixel 9"]) == 1
    assert best_match("Pixel 9 Pro", ["Pixel 9", "Pixel 9 Pro"]) == 1
    assert best_match("Galaxy Tab S9", ["Galaxy Tab S9 FE"], threshold=1.01) is None


def test_candidate_mentions_from_bold_spans():
    text = (
        "I'd go with the **MacBook Air 13 M2** or the __Surface Laptop 5__.\n"
        "1. this numbered line is ignored when bold spans exist\n"
        "Again, the **MacBook Air 13 M2** is great."
    )
    assert candidate_mentions(text) == ["MacBook Air 13 M2", "Surface Laptop 5"]


def test_candidate_mentions_from_numbered_lines():
    text = (
        "Here are some options:\n"
        "1. Dell XPS 13 Plus Intel Core i7 16GB 512GB - $1,299.99: compact and fast\n"
        "2) HP Pavilion 15: great value\n"
        "- Acer Chromebook 314 — cheap and simple\n"
        "Let me know what you think."
    )
    assert candidate_mentions(text) == [
        "Dell XPS 13 Plus Intel Core i7 16GB 512GB",
        "HP Pavilion 15",
        "Acer Chromebook 314",
    ]
    assert candidate_mentions("No products here, sorry. 1. not at line start") == []


def test_match_mentions():
    text = "Try the **Dell XPS 13 Plus**, the **MacBook Air 13 M2**, a **Razer Blade 16** or the **Dell XPS 13 Plus**."
    assert match_mentions(text, NAMES) == [2, 0]
    numbered = "1. Acer Chromebook 314 - $279\n2. Lenovo ThinkPad X1 Carbon Gen 11 - $1,449"
    assert match_mentions(numbered, NAMES) == [6, 3]
    assert match_mentions("Have a look at **Dell**.", NAMES) == []
    assert match_mentions("nothing to see", NAMES) == []
