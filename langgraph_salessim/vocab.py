"""Words for product attributes: how the offline shopper says criteria and the offline sales agent reads them.

Both offline agents share this vocabulary: it is what makes them a dependable,
deterministic baseline. Categorical values (brands, operating systems, colours...)
come from the catalog itself, so a new catalog works without editing this table;
numeric attributes need a unit entry below to be spoken and understood.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.constraints import Constraint, Operator


@dataclass(frozen=True)
class NumericWords:
    """How a numeric attribute is written: its unit pattern and the phrase used to say it."""

    unit: str  # regex matched right after the number
    say: str  # format with {v}
    default_op: Operator  # comparator assumed when no cue word is present


NUMERIC: dict[str, NumericWords] = {
    "ram_gb": NumericWords(r"\s*gb\s+(?:of\s+)?(?:ram|memory)", "{v}GB of RAM", ">="),
    "storage_gb": NumericWords(
        r"\s*(?:gb|tb)\s+(?:of\s+)?(?:storage|ssd|disk|drive space)", "{v} of storage", ">="),
    "screen_in": NumericWords(
        r"\s*(?:-|\s)?(?:inch|in\b|\")(?:es)?(?:\s+(?:screen|display))?", "a {v}-inch screen", ">="),
    "weight_lb": NumericWords(r"\s*(?:lbs?|pounds?)\b", "{v} pounds", "<="),
    "battery_hours": NumericWords(r"\s*(?:hours?|hrs?)\s+(?:of\s+)?battery", "{v} hours of battery life", ">="),
}

SYNONYMS: dict[str, dict[str, list[str]]] = {
    "os": {"macOS": ["macos", "mac os", "a mac"], "ChromeOS": ["chromeos", "chrome os", "chromebook"]},
    "gpu": {"dedicated": ["dedicated graphics", "dedicated gpu", "discrete graphics", "discrete gpu"],
            "integrated": ["integrated graphics", "integrated gpu"]},
}
BOOLEAN: dict[str, list[str]] = {"touchscreen": ["touchscreen", "touch screen", "touch-screen"]}

# comparison cues; the one nearest the number wins, so "no less than" is read as a minimum
_CUE = re.compile(
    r"(?P<ge>no less than|not less than|no fewer than|at least|minimum|min\.?|or more|plus|more than|over|above|"
    r"bigger than|larger than|\+)"
    r"|(?P<le>no more than|not more than|no bigger than|no heavier than|can't go over|cannot go over|"
    r"can't spend more|spend more than|under|at most|max(?:imum)?|below|less than|or less|lighter than|up to|"
    r"cap|tops|within|budget)", re.I)
_NEGATION = re.compile(
    r"\b(?:no(?!\s+(?:more|less|bigger|smaller|heavier))|not(?!\s+(?:more|less))|never|avoid|anything but|"
    r"except|rather not|hate|don't want|won't take)\b[^.,;]*$", re.I)
_MONEY = re.compile(r"\$\s?([0-9][0-9,]*(?:\.[0-9]+)?)(\s?k\b)?", re.I)
_SENTENCES = re.compile(r"(?<=[.!?;\n])\s+")


def _fmt(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) and v >= 10000 else str(v)


def _storage(v: Any) -> str:
    return f"{int(v) // 1024}TB" if int(v) >= 1024 and int(v) % 1024 == 0 else f"{int(v)}GB"


_SAY_GE = ["at least {x}", "{x} minimum", "no less than {x}", "{x} or more"]
_SAY_LE = ["at most {x}", "no more than {x}", "{x} max", "under {x}"]
_SAY_IN = ["it has to be {x}", "I only want {x}", "it must be {x}", "I'm set on {x}"]
_SAY_NOT = ["no {x}, please", "anything but {x}", "I don't want {x}", "definitely not {x}"]
_SAY_COLOR = ["I want it in {x}", "the colour has to be {x}", "it needs to be {x}", "I'm only after {x}"]


def say_constraint(c: Constraint, rng: random.Random) -> str:
    """A short spoken clause for one constraint, e.g. "at least 16GB of RAM"."""
    if c.attribute == "price":
        x = f"${_fmt(c.value)}"
        if c.operator in (">", ">="):
            return f"at least {x}"
        return rng.choice(["my budget is {x} max", "I can't go over {x}", "no more than {x}", "under {x}"]).format(x=x)
    if c.attribute in NUMERIC:
        words = NUMERIC[c.attribute]
        x = words.say.format(v=_storage(c.value) if c.attribute == "storage_gb" else _fmt(c.value))
        return rng.choice(_SAY_GE if c.operator in (">", ">=") else _SAY_LE).format(x=x)
    if c.attribute in BOOLEAN:
        phrase = BOOLEAN[c.attribute][0]
        positive = (c.operator == "==") == bool(c.value)
        return rng.choice(["it needs a {x}", "it has to have a {x}"] if positive else ["no {x}"]).format(x=phrase)
    values = c.value if isinstance(c.value, list) else [c.value]
    named = " or ".join(str(v) for v in values)
    if c.attribute == "color" and c.operator in ("==", "in"):
        return rng.choice(_SAY_COLOR).format(x=named)
    if c.attribute == "gpu":
        named = f"{named} graphics"
    negative = c.operator in ("!=", "not_in", "not_contains")
    return rng.choice(_SAY_NOT if negative else _SAY_IN).format(x=named)


class Reader:
    """Reads criteria out of shopper messages for one catalog category."""

    def __init__(self, catalog: Catalog, category: str) -> None:
        self.category = category
        values: dict[str, set[str]] = {}
        for p in catalog.in_category(category):
            for k, v in p.attributes.items():
                if isinstance(v, str) and k not in NUMERIC:
                    values.setdefault(k, set()).add(v)
        names = sorted({p.name for p in catalog.in_category(category)}, key=len, reverse=True)
        # product names quoted back by the shopper ("the X 16GB ... doesn't do it") are not criteria
        self._names = re.compile("|".join(re.escape(n) for n in names), re.I) if names else None
        self._words: list[tuple[str, str, re.Pattern[str]]] = []
        for attr in sorted(values):
            for value in sorted(values[attr]):
                forms = [value.lower(), *SYNONYMS.get(attr, {}).get(value, [])]
                pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.I)
                self._words.append((attr, value, pattern))

    def read(self, text: str) -> list[Constraint]:
        """Constraints stated in `text`; later statements about an attribute replace earlier ones."""
        found: dict[tuple[str, str], Constraint] = {}
        if self._names is not None:
            text = self._names.sub("that one", text)
        for sentence in _SENTENCES.split(text):
            for c in self._read_sentence(sentence):
                kind = {"<": "le", "<=": "le", ">": "ge", ">=": "ge"}.get(c.operator, c.operator)
                found[(c.attribute, kind)] = c
        return list(found.values())

    def _read_sentence(self, s: str) -> list[Constraint]:
        return [*_read_money(s), *_read_numbers(s), *_read_flags(s), *self._read_values(s)]

    def _read_values(self, s: str) -> list[Constraint]:
        out: list[Constraint] = []
        positive: dict[str, list[str]] = {}
        for attr, value, pattern in self._words:
            m = pattern.search(s)
            if not m:
                continue
            if _NEGATION.search(s[max(0, m.start() - 40): m.start()]):
                out.append(Constraint(attribute=attr, operator="!=", value=value))
            else:
                positive.setdefault(attr, []).append(value)
        for attr, vals in positive.items():
            out.append(Constraint(attribute=attr, operator="==", value=vals[0]) if len(vals) == 1
                       else Constraint(attribute=attr, operator="in", value=vals))
        return out


def _nearest_cue(before: str) -> Operator | None:
    """The comparison named by the cue closest to (just before) a number, if any."""
    last = None
    for m in _CUE.finditer(before):
        last = m
    if last is None:
        return None
    return ">=" if last.group("ge") else "<="


def _read_money(s: str) -> list[Constraint]:
    out = []
    for m in _MONEY.finditer(s):
        amount = float(m.group(1).replace(",", "")) * (1000 if m.group(2) else 1)
        op: Operator = _nearest_cue(s[max(0, m.start() - 25): m.start()]) or "<="
        out.append(Constraint(attribute="price", operator=op, value=amount))
    return out


def _read_numbers(s: str) -> list[Constraint]:
    out = []
    for attr, words in NUMERIC.items():
        for m in re.finditer(r"(\d+(?:\.\d+)?)" + words.unit, s, re.I):
            amount = float(m.group(1)) * (1024 if attr == "storage_gb" and "tb" in m.group(0).lower() else 1)
            before, after = s[max(0, m.start() - 30): m.start()], s[m.end(): m.end() + 15]
            op: Operator = _nearest_cue(before) or words.default_op
            if re.search(r"^\W*(?:max|or less|tops)", after, re.I):
                op = "<="
            elif re.search(r"^\W*(?:minimum|or more|\+)", after, re.I):
                op = ">="
            out.append(Constraint(attribute=attr, operator=op, value=int(amount) if amount.is_integer() else amount))
    return out


def _read_flags(s: str) -> list[Constraint]:
    out = []
    for attr, phrases in BOOLEAN.items():
        i = next((i for i in (s.lower().find(p) for p in phrases) if i >= 0), -1)
        if i >= 0:
            out.append(Constraint(attribute=attr, operator="==", value=not _NEGATION.search(s[:i])))
    return out
