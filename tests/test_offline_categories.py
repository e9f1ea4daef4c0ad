"""The offline agents on every built-in category: the shopper's words are read back exactly, and the
reference baselines reach full decision alignment and always recommend an acceptable product."""

from __future__ import annotations

import asyncio
import random

import pytest

from langgraph_salessim.builtin import BUILTIN_CATEGORIES, load_builtin_catalog, load_builtin_personas
from langgraph_salessim.constraints import Constraint
from langgraph_salessim.runner import run_conversations
from langgraph_salessim.vocab import Reader, say_constraint


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_reader_reads_back_every_constraint_the_shopper_says(category: str) -> None:
    catalog = load_builtin_catalog(category)
    reader = Reader(catalog, category)
    products = catalog.in_category(category)
    for persona in load_builtin_personas(category):
        for soft_or_hard in [*persona.constraints, *persona.soft_constraints]:
            c = Constraint(attribute=soft_or_hard.attribute, operator=soft_or_hard.operator, value=soft_or_hard.value)
            wanted = [p.id for p in products if c.holds(p.facts())]
            for seed in range(3):
                said = say_constraint(c, random.Random(seed))
                read = reader.read(said)
                assert len(read) == 1, (said, [r.describe() for r in read])
                assert [p.id for p in products if read[0].holds(p.facts())] == wanted, (said, read[0].describe())


@pytest.mark.parametrize("category", BUILTIN_CATEGORIES)
def test_offline_agents_align_on_every_category(category: str) -> None:
    personas = load_builtin_personas(category)
    infeasible = [p for p in personas if not p.acceptable_products][:3]
    feasible = sorted((p for p in personas if p.acceptable_products), key=lambda p: (-len(p.constraints), p.uuid))[:9]
    catalog = load_builtin_catalog()  # the merged catalog: image paths of every category must resolve
    records = asyncio.run(run_conversations([*feasible, *infeasible], catalog=catalog, seed=3))
    by_id = {r["persona_id"]: r for r in records}
    for p in feasible:
        r = by_id[p.uuid]
        label = next(s["label"] for s in r["scores"] if s["name"] == "decision_alignment")
        assert label == "correct_accept", (p.uuid, r["termination_reason"])
        assert set(r["recommended_ids"]) & set(p.acceptable_products or []), p.uuid
    for p in infeasible:
        r = by_id[p.uuid]
        label = next(s["label"] for s in r["scores"] if s["name"] == "decision_alignment")
        assert (r["outcome"], label) == ("ended_by_shopper", "correct_reject"), p.uuid
