"""Generate personas with machine-checkable ground truth for any catalog (ours or the official SalesSim one).

Constraints are sampled from the catalog's own attribute distributions: numeric thresholds
from quantiles, categorical values from observed values, budgets from the price distribution.
A feasible persona is drawn around an anchor product (so something fits); an infeasible one
adds to a feasible set of constraints one that no product satisfying them meets, while each
constraint alone is still satisfiable. Acceptable-set sizes are spread over 1, a few and many.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from langgraph_salessim.catalog import Catalog, Product
from langgraph_salessim.constraints import Constraint, SoftConstraint, satisfies_all
from langgraph_salessim.persona_text import (
    FIRST_NAMES,
    SPEAKING_STYLES,
    TRAITS,
    Archetype,
    PersonaProfile,
    knowledge_text,
    render_background,
    render_dealbreakers,
    render_preferences,
)
from langgraph_salessim.personas import Persona
from langgraph_salessim.vocab import NUMERIC

NAMESPACE = uuid.UUID("0b3f6a52-4f0e-5d8c-9a77-2c51e1f0a4b6")
BUCKETS = {"1": 0.2, "2-4": 0.3, "5-8": 0.2, ">8": 0.3}
"""Target shares of acceptable-set sizes among feasible personas."""

_QUANTILES = (0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9)
_DEFAULT_KINDS = {"text": ("is", "is", "is", "one_of", "not"), "list": ("has",), "bool": ("yes",),
                  "number": ("bound",)}
_GENERIC = Archetype(key="shopper")


@dataclass(frozen=True)
class _Attribute:
    name: str
    kind: str  # number, bool, text, list
    values: tuple[Any, ...]  # observed values (numbers: sorted; lists: their items)


def bucket(size: int) -> str:
    """The acceptable-set size bucket of a count: 0, 1, 2-4, 5-8 or >8."""
    return "0" if size == 0 else "1" if size == 1 else "2-4" if size <= 4 else "5-8" if size <= 8 else ">8"


def create_personas(
    catalog: Catalog,
    *,
    n: int,
    infeasible_share: float = 0.2,
    seed: int = 0,
    category: str | None = None,
    profile: PersonaProfile | None = None,
) -> list[Persona]:
    """Generate `n` personas whose constraints, free text and ground truth come from the catalog.

    Args:
        catalog: Any catalog; its products' `attributes` (and prices) are what constraints test.
        n: Number of personas (split evenly over the categories when `category` is None).
        infeasible_share: Share of personas for whom no product fits; exactly
            `round(n * infeasible_share)` are generated.
        seed: Same seed, same personas.
        category: Generate for this category only.
        profile: Category-specific phrasings, archetypes and weights (default: generic ones).

    Returns:
        Personas with `constraints`, weighted `soft_constraints`, free-text `dealbreakers`
        and `preferences`, and computed `acceptable_products`.

    Raises:
        ValueError: On bad arguments, or when the catalog cannot yield the requested personas
            (e.g. infeasible ones from a catalog with too little variety).

    Example:
        >>> personas = create_personas(load_catalog("products.json"), n=50, seed=1)  # doctest: +SKIP
    """
    if n < 0:
        raise ValueError(f"n must be non-negative, got {n}")
    if not 0 <= infeasible_share <= 1:
        raise ValueError(f"infeasible_share must be between 0 and 1, got {infeasible_share}")
    if category is not None and not catalog.in_category(category):
        raise ValueError(f"category {category!r} has no products in the catalog; available: {catalog.categories}")
    categories = [category] if category else catalog.categories
    infeasible = round(n * infeasible_share)
    rng = random.Random(f"salessim-personas|{seed}")
    personas: list[Persona] = []
    for i, cat in enumerate(categories):
        count = n // len(categories) + (i < n % len(categories))
        bad = infeasible // len(categories) + (i < infeasible % len(categories))
        gen = _Generator(catalog, cat, profile or PersonaProfile(noun=cat.replace("_", " ")), rng)
        personas += gen.personas(count, min(bad, count), seed)
    return personas


class _Generator:
    def __init__(self, catalog: Catalog, category: str, profile: PersonaProfile, rng: random.Random) -> None:
        self.catalog, self.category, self.profile, self.rng = catalog, category, profile, rng
        self.products = catalog.in_category(category)
        self.attributes = _attributes(self.products)
        self.prices = sorted(p.price for p in self.products)

    # ------------------------------------------------------------------------------------ drawing
    def personas(self, count: int, infeasible: int, seed: int) -> list[Persona]:
        specs = self._feasible(count - infeasible) + self._infeasible(infeasible)
        self.rng.shuffle(specs)
        names = _names(self.rng, len(specs), self.profile.names or tuple(FIRST_NAMES))
        return [self._persona(arch, hard, name, str(uuid.uuid5(NAMESPACE, f"{self.category}|{seed}|{i}")))
                for i, ((arch, hard), name) in enumerate(zip(specs, names, strict=True))]

    def _feasible(self, count: int) -> list[tuple[Archetype, list[Constraint]]]:
        quotas = _quotas(count)
        out: list[tuple[Archetype, list[Constraint]]] = []
        seen: set[tuple[str, ...]] = set()
        for attempt in range(400 * count + 200):
            if len(out) == count:
                break
            arch, hard = self._draw()
            key = tuple(sorted(c.describe() for c in hard))
            b = bucket(len(self._acceptable(hard)))
            relaxed = attempt >= 300 * count  # a small catalog cannot fill every bucket, nor vary much
            if b == "0" or (not relaxed and (key in seen or quotas.get(b, 0) <= 0)):
                continue
            seen.add(key)
            quotas[b] = quotas.get(b, 0) - 1
            out.append((arch, hard))
        if len(out) < count:
            raise ValueError(f"category {self.category!r}: could only generate {len(out)} of {count} feasible personas")
        return out

    def _infeasible(self, count: int) -> list[tuple[Archetype, list[Constraint]]]:
        out: list[tuple[Archetype, list[Constraint]]] = []
        seen: set[tuple[str, ...]] = set()
        for _ in range(400 * count + 200):
            if len(out) == count:
                break
            arch, hard = self._draw(counts=(1, 1, 2, 2, 3))
            conflict = self._conflict(hard, arch)
            if conflict is None:
                continue
            hard = [*hard, conflict]
            key = tuple(sorted(c.describe() for c in hard))
            if key in seen or self._acceptable(hard) or not all(self._acceptable([c]) for c in hard):
                continue
            seen.add(key)
            out.append((arch, hard))
        if len(out) < count:
            raise ValueError(f"category {self.category!r}: could only construct {len(out)} of {count} infeasible "
                             "personas (the catalog has too little variety)")
        return out

    def _draw(self, counts: Sequence[int] | None = None) -> tuple[Archetype, list[Constraint]]:
        arch = self.rng.choice(self.profile.archetypes or (_GENERIC,))
        focused = [p for p in self.products if all(_matches(p.facts().get(k), v) for k, v in arch.focus.items())]
        anchor = self.rng.choice(focused or self.products)
        facts = anchor.facts()
        pool = [a for a in self.attributes if facts.get(a.name) is not None and self._weight(a.name, arch) > 0]
        chosen = _weighted_sample(self.rng, pool, [self._weight(a.name, arch) for a in pool],
                                  self.rng.choice(counts or self.profile.hard_counts))
        hard = [c for a in chosen if (c := self._around(a, anchor)) is not None]
        return arch, hard or [self._price_bound(anchor.price)]

    def _weight(self, name: str, arch: Archetype) -> float:
        default = 2.0 if name == "price" else 1.0
        return arch.weights.get(name, self.profile.weights.get(name, default))

    def _direction(self, name: str) -> str:
        if name in self.profile.directions:
            return self.profile.directions[name]
        if name == "price":
            return "<="
        return NUMERIC[name].default_op if name in NUMERIC else self.rng.choice([">=", "<="])

    def _kinds(self, a: _Attribute) -> tuple[str, ...]:
        return self.profile.kinds.get(a.name) or _DEFAULT_KINDS[a.kind]

    def _allowed(self, a: _Attribute, kind: str, candidates: list[Any]) -> list[Any]:
        allowed = self.profile.values.get(f"{a.name}:{kind}")
        return [v for v in candidates if allowed is None or v in allowed]

    def _around(self, a: _Attribute, anchor: Product, *, soft: bool = False) -> Constraint | None:
        """A constraint on `a` that `anchor` satisfies, or None when the profile allows none."""
        value = anchor.facts()[a.name]
        kinds = [k for k in self._kinds(a) if not soft or k != "not"] or ["is"]
        kind = self.rng.choice(kinds)
        if a.name == "price":
            return self._price_bound(value)
        if a.kind == "number":
            op = self._direction(a.name)
            marks = _marks(a.values)
            fits = [m for m in marks if (m <= value if op == ">=" else m >= value)] or [value]
            return Constraint(attribute=a.name, operator=op, value=self.rng.choice(fits))  # type: ignore[arg-type]
        if a.kind == "bool":
            allowed = ("yes" if value else "no") in self._kinds(a)
            return Constraint(attribute=a.name, operator="==", value=value) if allowed else None
        if a.kind == "list":
            items = self._allowed(a, "has", sorted(value))
            return Constraint(attribute=a.name, operator="contains", value=self.rng.choice(items)) if items else None
        others = self._allowed(a, kind, [v for v in a.values if v != value])
        if kind == "not" and others:
            return Constraint(attribute=a.name, operator="!=", value=self.rng.choice(others))
        if kind == "one_of" and len(others) >= 2:
            return Constraint(attribute=a.name, operator="in", value=sorted([value, self.rng.choice(others)]))
        if not self._allowed(a, "is", [value]):
            return None
        return Constraint(attribute=a.name, operator="==", value=value)

    def _price_bound(self, price: float) -> Constraint:
        marks = [q for q in _marks(tuple(self.prices)) if q >= price]
        candidates = [_nice(price * f) for f in (1.0, 1.05, 1.15, 1.3)] + [_nice(q) for q in marks]
        return Constraint(attribute="price", operator="<=", value=self.rng.choice(candidates))

    def _conflict(self, hard: list[Constraint], arch: Archetype) -> Constraint | None:
        """A constraint some product meets but none of those meeting `hard` does."""
        fitting = [p for p in self.products if satisfies_all(p.facts(), hard)]
        used = {c.attribute for c in hard}
        pool = [a for a in self.attributes if a.name not in used and self._weight(a.name, arch) > 0]
        self.rng.shuffle(pool)
        for a in pool:
            facts = [p.facts().get(a.name) for p in fitting]
            present = [f for f in facts if f is not None]
            if a.name == "price":
                floor = _nice(min(present) * 0.85, down=True)
                c = Constraint(attribute="price", operator="<=", value=floor) if floor >= self.prices[0] else None
            elif a.kind == "number":
                op = self._direction(a.name)
                beyond = [m for m in a.values if (m > max(present, default=-math.inf) if op == ">="
                                                  else m < min(present, default=math.inf))]
                pick = (beyond[:2] if op == ">=" else beyond[-2:])
                c = Constraint(attribute=a.name, operator=op, value=self.rng.choice(pick)) if pick else None  # type: ignore[arg-type]
            elif a.kind == "bool":
                missing = [v for v in (True, False) if v not in present and v in a.values
                           and ("yes" if v else "no") in self._kinds(a)]
                c = Constraint(attribute=a.name, operator="==", value=missing[0]) if missing else None
            elif a.kind == "list":
                held = {x for f in present for x in f}
                missing = self._allowed(a, "has", [v for v in a.values if v not in held])
                c = Constraint(attribute=a.name, operator="contains", value=self.rng.choice(missing)) \
                    if missing else None
            else:
                missing = self._allowed(a, "is", [v for v in a.values if v not in present])
                c = Constraint(attribute=a.name, operator="==", value=self.rng.choice(missing)) if missing else None
            if c is not None and self._acceptable([c]) and not self._acceptable([*hard, c]):
                return c
        return None

    def _acceptable(self, constraints: list[Constraint]) -> list[str]:
        return [p.id for p in self.products if satisfies_all(p.facts(), constraints)]

    # ------------------------------------------------------------------------------------ persona
    def _persona(self, arch: Archetype, hard: list[Constraint], name: str, uid: str) -> Persona:
        rng, profile = self.rng, self.profile
        acceptable = self._acceptable(hard)
        budget = next((float(c.value) for c in hard if c.attribute == "price" and c.operator in ("<", "<=")), None)
        if budget is None:
            base = min(self.catalog.get(pid).price for pid in acceptable) if acceptable else \
                self.prices[len(self.prices) // 2]
            budget = float(_nice(base * rng.choice([1.05, 1.15, 1.3, 1.5])))
        soft = self._soft(hard, arch, budget)
        level = rng.choice(arch.knowledge)
        return Persona(
            uuid=uid, name=name, age=rng.randint(*arch.ages), category=self.category, budget=budget,
            persona_background=render_background(name, arch, rng, profile.noun),
            speaking_style=rng.choice(SPEAKING_STYLES),
            preferences=render_preferences(soft, rng, profile), dealbreakers=render_dealbreakers(hard, rng, profile),
            acceptable_products=acceptable, constraints=hard, soft_constraints=soft,
            knowledge_level=knowledge_text(level, rng, profile),
            big_five={t: rng.choice(["Low", "Neutral", "High"]) for t in TRAITS},
        )

    def _soft(self, hard: list[Constraint], arch: Archetype, budget: float) -> list[SoftConstraint]:
        used = {c.attribute for c in hard}
        weight = {a.name: self.profile.soft_weights.get(a.name, self._weight(a.name, arch)) for a in self.attributes}
        pool = [a for a in self.attributes if a.name not in used and weight[a.name] > 0]
        wanted = self.rng.choice(self.profile.soft_counts)
        out: list[SoftConstraint] = []
        for a in _weighted_sample(self.rng, pool, [weight[a.name] for a in pool], len(pool)):
            if len(out) == wanted:
                break
            strength = self.rng.choice([0.5, 1.0, 1.0, 1.5, 2.0, 3.0])
            if a.name == "price":
                c: Constraint | None = Constraint(attribute="price", operator="<=", value=_nice(budget * 0.85))
            else:
                holders = [p for p in self.products if p.facts().get(a.name) is not None]
                c = self._around(a, self.rng.choice(holders), soft=True)
            if c is not None:
                out.append(SoftConstraint(**c.model_dump(), weight=strength))
        return out


def _attributes(products: list[Product]) -> list[_Attribute]:
    """The constrainable attributes of a category's products, with their observed values (plus price)."""
    seen: dict[str, list[Any]] = {"price": [p.price for p in products]}
    for p in products:
        for k, v in p.attributes.items():
            if v is not None and k != "price":
                seen.setdefault(k, []).append(v)
    out = []
    for name, values in seen.items():
        if all(isinstance(v, bool) for v in values):
            kind = "bool"
        elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            kind = "number"
        elif all(isinstance(v, str) for v in values):
            kind = "text"
        elif all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in values):
            kind = "list"
        else:
            continue
        flat = [x for v in values for x in v] if kind == "list" else values
        distinct = sorted(set(flat), key=lambda x: (str(type(x)), x))
        if len(distinct) < 2 or (kind == "text" and len(distinct) > 12 and len(distinct) > 0.35 * len(products)):
            continue  # constant, or an identifier-like attribute (model numbers, processors...)
        out.append(_Attribute(name, kind, tuple(distinct)))
    return out


def _matches(value: Any, wanted: tuple[Any, ...]) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(v in wanted for v in values)


def _marks(values: tuple[Any, ...]) -> list[Any]:
    """Observed values at the quantiles of a sorted distribution (the thresholds people name)."""
    ordered = sorted(values)
    return sorted({ordered[min(len(ordered) - 1, int(q * len(ordered)))] for q in _QUANTILES})


def _nice(price: float, *, down: bool = False) -> float:
    """A round budget near a price: to $5 under $100, $10 under $300, $25 under $1,000, else $50."""
    step = 5 if price < 100 else 10 if price < 300 else 25 if price < 1000 else 50
    rounded = (math.floor if down else math.ceil)(price / step - 1e-9) * step
    return float(rounded)


def _quotas(count: int) -> dict[str, int]:
    raw = {b: share * count for b, share in BUCKETS.items()}
    quotas = {b: int(v) for b, v in raw.items()}
    for b in sorted(raw, key=lambda b: raw[b] - quotas[b], reverse=True)[: count - sum(quotas.values())]:
        quotas[b] += 1
    return quotas


def _weighted_sample(rng: random.Random, items: list[Any], weights: list[float], k: int) -> list[Any]:
    items, weights = list(items), list(weights)
    out: list[Any] = []
    while items and len(out) < k:
        i = rng.choices(range(len(items)), weights=weights)[0]
        out.append(items.pop(i))
        weights.pop(i)
    return out


def _names(rng: random.Random, count: int, names: tuple[str, ...]) -> list[str]:
    """Distinct first names; past the pool's size, names get a last initial ("Ada B.")."""
    if count <= len(names):
        return rng.sample(names, count)
    pool = rng.sample(names, len(names))
    return [f"{pool[i % len(pool)]} {chr(65 + (i // len(pool)) % 26)}." for i in range(count)]
