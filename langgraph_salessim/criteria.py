"""Which of a persona's criteria a piece of shopper text mentions (for over-disclosure metrics)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from langgraph_salessim.constraints import Constraint
from langgraph_salessim.corpus import STOP_WORDS
from langgraph_salessim.matching import normalize_name
from langgraph_salessim.personas import Persona
from langgraph_salessim.search import token_coverage

# words that name an attribute even without its value ("I need lots of RAM")
ATTRIBUTE_WORDS: dict[str, tuple[str, ...]] = {
    "price": ("budget", "price", "afford", "cheap", "expensive", "spend", "cost", "dollars"),
    "ram_gb": ("ram", "memory"),
    "storage_gb": ("storage", "ssd", "space", "disk"),
    "screen_in": ("screen", "display", "inch", "inches"),
    "weight_lb": ("weight", "light", "lightweight", "heavy", "pounds", "lbs", "portable"),
    "weight_g": ("weight", "light", "lightweight", "heavy", "grams"),
    "battery_hours": ("battery",),
    "os": ("windows", "mac", "macos", "chromebook", "chromeos", "operating"),
    "gpu": ("graphics", "gpu", "gaming"),
    "touchscreen": ("touch", "touchscreen"),
    "color": ("color", "colour"),
    "brand": ("brand",),
}
_UNITS = {"gb", "in", "lb", "lbs", "hours", "m", "g", "mm", "kg"}
# words of free-text criteria that say nothing about what the shopper wants
_FILLERS = frozenset("""yes yeah really strongly prefer prefers preferred want wants need needs like likes care cares
important undecided sure definitely absolutely probably generally ideally maybe would should could must lot lots
something anything good great nice better best looking thing things laptop laptops computer""".split())
_WORDS = re.compile(r"[a-z][a-z0-9]{2,}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Criterion:
    """One thing a shopper wants: a hard or soft constraint, the budget, or a free-text criterion."""

    label: str
    words: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    numbers: tuple[float, ...] = ()
    text: str | None = None  # free-text criterion (official personas)


def _num(x: str) -> float | None:
    try:
        return float(x.replace(",", ""))
    except ValueError:
        return None


def criterion_for(c: Constraint) -> Criterion:
    """The criterion a constraint stands for: its attribute's words, its values and numbers."""
    words = ATTRIBUTE_WORDS.get(c.attribute) or tuple(w for w in c.attribute.split("_") if w not in _UNITS)
    raw = c.value if isinstance(c.value, list) else [c.value]
    numbers = tuple(float(v) for v in raw if isinstance(v, (int, float)) and not isinstance(v, bool))
    values = tuple(str(v) for v in raw if isinstance(v, str))
    if c.attribute == "storage_gb":
        numbers += tuple(n / 1024 for n in numbers if n >= 1024)
    return Criterion(label=c.describe(), words=words, values=values, numbers=numbers)


def persona_criteria(persona: Persona | None, free_text: list[str] | None = None) -> list[Criterion]:
    """The persona's criteria.

    Each constraint and soft constraint, plus the budget when no constraint is on price;
    without constraints, the sentences of its dealbreakers and preferences (and `free_text`).
    """
    if persona is not None and (persona.constraints or persona.soft_constraints):
        out = [criterion_for(c) for c in [*persona.constraints, *persona.soft_constraints]]
        if persona.budget is not None and not any(c.attribute == "price" for c in persona.constraints):
            out.append(Criterion(label="budget", words=ATTRIBUTE_WORDS["price"], numbers=(persona.budget,)))
        return out
    sentences = list(free_text or [])
    if persona is not None:
        text = f"{persona.dealbreakers}\n{persona.preferences}"
        sentences += [s for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]
    return [Criterion(label=s.strip(), text=s.strip()) for s in dict.fromkeys(sentences) if s.strip()]


def mentions(text: str, criterion: Criterion, *, strict: bool = False) -> bool:
    """Whether `text` states (or asks about) the criterion: its value, a number of it, or its attribute.

    With `strict`, naming the attribute alone does not count when the criterion has a value
    ("16GB of RAM" states `ram_gb >= 16`; "how much memory?" does not).
    """
    if not text.strip():
        return False
    norm = f" {normalize_name(text)} "
    said_numbers = {n for n in (_num(x) for x in _NUMBER.findall(text)) if n is not None}
    if criterion.text is not None:
        numbers = {n for n in (_num(x) for x in _NUMBER.findall(criterion.text)) if n is not None}
        content = [w for w in _WORDS.findall(criterion.text.lower()) if w not in STOP_WORDS and w not in _FILLERS]
        return bool(numbers & said_numbers) or (bool(content) and token_coverage(tuple(content), text) > 0)
    if any(n in said_numbers or (n >= 1000 and n / 1000 in said_numbers) for n in criterion.numbers):
        return True
    for value in criterion.values:
        v = normalize_name(value)
        if f" {v} " in norm or (len(v) >= 4 and fuzz.partial_ratio(v, norm) >= 90):
            return True
    if strict and (criterion.values or criterion.numbers):
        return False
    return any(f" {w} " in norm for w in criterion.words)


def count_mentioned(text: str, criteria: list[Criterion]) -> int:
    """How many of the criteria the text mentions."""
    return sum(1 for c in criteria if mentions(text, c))
