"""Helpers shared by the built-in category generators: balanced visual attributes, text, output."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from langgraph_salessim.catalog import BuyingGuide, Catalog, Product
from langgraph_salessim.images import render_product_image
from langgraph_salessim.persona_generator import bucket
from langgraph_salessim.personas import Persona

BUCKETS = ["0", "1", "2-4", "5-8", ">8"]


class Balancer:
    """Picks values so that every value of an attribute is used about equally across a catalog."""

    def __init__(self, values: list[str], rng: random.Random) -> None:
        self.used = dict.fromkeys(values, 0)
        self.rng = rng

    def pick(self, allowed: list[str], avoid: list[str] | tuple[str, ...] = ()) -> str:
        tiebreak = {v: self.rng.random() for v in allowed}
        choice = min(allowed, key=lambda v: (v in avoid, self.used[v], tiebreak[v]))
        self.used[choice] += 1
        return choice


def article(noun: str) -> str:
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"


def join_and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def size_range(sizes: list[str]) -> str:
    return sizes[0] if len(sizes) == 1 else f"{sizes[0]}-{sizes[-1]}"


def price(value: float) -> float:
    """A shelf price ending in .99 (or .00 under $10)."""
    return round(value) - 0.01 if value >= 10 else round(value, 2)


def write_category(out_dir: Path, catalog: Catalog, personas: list[Persona]) -> None:
    """Write catalog.json, images/<id>.png and personas.jsonl into `out_dir` (stale images removed)."""
    out_dir = Path(out_dir)
    (out_dir / "images").mkdir(parents=True, exist_ok=True)
    data = {"visual_attributes": catalog.visual_attributes,
            "buying_guides": [g.model_dump(mode="json") for g in catalog.buying_guides],
            "products": [p.model_dump(mode="json") for p in catalog.products]}
    (out_dir / "catalog.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    wanted = {f"{p.id}.png" for p in catalog.products}
    for stale in sorted((out_dir / "images").glob("*.png")):
        if stale.name not in wanted:
            stale.unlink()
    for p in catalog.products:
        render_product_image(p).save(out_dir / "images" / f"{p.id}.png", format="PNG", optimize=False,
                                     compress_level=9)
    lines = [json.dumps(p.model_dump(mode="json", exclude_none=True), ensure_ascii=False) for p in personas]
    (out_dir / "personas.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_catalog(products: list[Product], category: str, guides: list[tuple[str, str]], visual: list[str]) -> Catalog:
    names = [p.name for p in products]
    assert len(set(names)) == len(names), "product names must be unique"
    return Catalog(products=products, visual_attributes={category: visual},
                   buying_guides=[BuyingGuide(category=category, title=t, text=x) for t, x in guides])


def summarize(catalog: Catalog, personas: list[Persona]) -> str:
    category = catalog.categories[0]
    counts = [len(p.acceptable_products or []) for p in personas]
    spread = Counter(bucket(c) for c in counts)
    visual = catalog.visual_attributes.get(category, [])
    on_visual = sum(any(c.attribute in visual for c in p.constraints) for p in personas)
    values = {a: dict(Counter(str(p.attributes[a]) for p in catalog.products)) for a in visual}
    return (f"{category}: products {len(catalog.products)}, personas {len(personas)}, "
            f"infeasible {spread['0']} ({spread['0'] / len(personas):.0%}), "
            f"spread {{{', '.join(f'{b}: {spread[b]}' for b in BUCKETS)}}}, "
            f"visual-constraint personas {on_visual} ({on_visual / len(personas):.0%}), visual values {values}")
