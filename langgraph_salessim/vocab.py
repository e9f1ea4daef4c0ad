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
from langgraph_salessim.matching import mask_names


@dataclass(frozen=True)
class NumericWords:
    """How a numeric attribute is written: its unit pattern and the phrase used to say it."""

    unit: str  # regex matched right after the number
    say: str  # format with {v}
    default_op: Operator  # comparator assumed when no cue word is present
    scales: tuple[tuple[str, float], ...] = ()  # (unit word, multiplier), e.g. ("tb", 1024): 2TB is 2048


NUMERIC: dict[str, NumericWords] = {
    "ram_gb": NumericWords(r"\s*gb\s+(?:of\s+)?(?:ram|memory)", "{v}GB of RAM", ">="),
    "storage_gb": NumericWords(
        r"\s*(?:gb|tb)\s+(?:of\s+)?(?:storage|ssd|disk|drive space)", "{v} of storage", ">=", (("tb", 1024),)),
    "screen_in": NumericWords(
        r"\s*(?:-|\s)?(?:inch|in\b|\")(?:es)?(?:\s+(?:screen|display))?", "a {v}-inch screen", ">="),
    "weight_lb": NumericWords(r"\s*(?:lbs?|pounds?)\b", "{v} pounds", "<="),
    "battery_hours": NumericWords(
        r"\s*(?:hours?|hrs?|days?)\s+(?:of\s+)?battery", "{v} of battery life", ">=", (("day", 24),)),
    "weight_g": NumericWords(r"\s*(?:g|grams?)\b", "{v} grams", "<="),
    "case_mm": NumericWords(r"\s*mm\b(?:\s+case)?", "a {v}mm case", "<="),
    "water_resistance_m": NumericWords(
        r"\s*(?:m|meters?|metres?)\s+(?:of\s+)?water(?:[- ]?(?:resistance|resistant|proof))?",
        "{v}m of water resistance", ">="),
    "dpi": NumericWords(r"\s*dpi\b", "{v} DPI", ">="),
}

SYNONYMS: dict[str, dict[str, list[str]]] = {
    "os": {"macOS": ["macos", "mac os", "a mac"], "ChromeOS": ["chromeos", "chrome os", "chromebook"]},
    "gpu": {"dedicated": ["dedicated graphics", "dedicated gpu", "discrete graphics", "discrete gpu"],
            "integrated": ["integrated graphics", "integrated gpu"]},
    "pattern": {"solid": ["plain", "solid colour", "solid color"], "polka dot": ["polka dots", "polka-dot"],
                "striped": ["stripes", "stripy"], "checked": ["checks", "checkered", "plaid"]},
    "sleeve": {"short sleeves": ["short sleeve", "short-sleeved"], "long sleeves": ["long sleeve", "long-sleeved"]},
    "care": {"machine washable": ["machine wash", "machine-washable"]},
    "band_style": {"metal link": ["link bracelet", "metal bracelet"], "silicone": ["sport band", "rubber"]},
    "sizes": {"XS": ["extra small"], "S": ["small"], "M": ["medium"], "L": ["large"],
              "XL": ["extra large", "extra-large"], "XXL": ["2xl"]},
}
QUALIFIED: dict[str, str] = {"sizes": r"size\s+(?:is\s+)?"}
"""Attributes whose values count only after a cue (regex), e.g. "size M": a bare "M" means nothing."""

BOOLEAN: dict[str, list[str]] = {
    "touchscreen": ["touchscreen", "touch screen", "touch-screen"],
    "gps": ["built-in gps", "gps"],
    "cellular": ["cellular", "lte"],
    "ecg": ["ecg"],
    "wireless": ["wireless"],
    "rgb_lighting": ["rgb lighting", "rgb"],
}
BOOLEAN_ABSENT: dict[str, list[str]] = {"wireless": ["wired"]}
"""Words that name a boolean feature's absence ("wired" is not wireless)."""

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
_SAY_KIND = ["I'm looking for {x}", "it has to be {x}", "I need {x}", "specifically, {x}"]

SAY: dict[str, tuple[list[str], list[str]]] = {
    "color": (_SAY_COLOR, _SAY_NOT),
    "garment": (_SAY_KIND, ["no {x}, please", "I don't want {x}", "anything but {x}", "definitely not {x}"]),
    "product_type": (_SAY_KIND, ["no {x}, please", "I don't want {x}", "anything but {x}", "definitely not {x}"]),
    "material": (["it has to be {x}", "I only want {x}", "it must be made of {x}", "{x} only, please"], _SAY_NOT),
    "fit": (["I want a {x} fit", "it has to be a {x} fit", "only a {x} fit works for me", "{x} fit, please"],
            ["no {x} fit, please", "I don't want a {x} fit", "anything but a {x} fit", "definitely not a {x} fit"]),
    "sleeve": (["I want {x}", "it has to have {x}", "I'm after {x}", "{x} only"], _SAY_NOT),
    "care": (["it has to be {x}", "it must be {x}", "I need it {x}", "I only buy {x}"],
             ["no {x} stuff, please", "I don't want anything {x}", "anything but {x}", "definitely not {x}"]),
    "pattern": (["I want something {x}", "it has to be {x}", "I'm after a {x} one", "{x}, please"],
                ["no {x} ones, please", "I don't want anything {x}", "anything but {x}", "definitely not {x}"]),
    "sizes": (["I wear a size {x}", "it has to come in size {x}", "I need size {x}", "my size is {x}"],
              ["no size {x}, please", "I don't want size {x}"]),
    "band_style": (["it has to have a {x} band", "I only wear {x} bands", "the band must be {x}", "I want a {x} band"],
                   ["no {x} band, please", "I don't want a {x} band", "anything but a {x} band",
                    "definitely not a {x} band"]),
    "display_shape": (["I want a {x} face", "the face has to be {x}", "it must have a {x} display",
                       "{x} watch faces only"], ["no {x} faces, please", "I don't want a {x} face"]),
    "os": (["it has to run {x}", "I only want {x}", "it must run {x}", "I'm set on {x}"], _SAY_NOT),
    "compatibility": (["it has to work with my {x}", "it must pair with my {x}", "it needs to support my {x}",
                       "compatibility with my {x} is a must"], ["it can't be {x}-only", "no {x}, please"]),
    "platforms": (["it has to work with {x}", "it must support {x}", "I play on {x}, so it has to work there",
                   "{x} support is a must"], ["no {x}, please", "I don't want {x}"]),
    "switch_type": (["I want {x} switches", "it has to have {x} switches", "only {x} switches for me",
                     "{x} switches, please"], ["no {x} switches, please", "I don't want {x} switches",
                                               "anything but {x} switches", "definitely not {x} switches"]),
}
"""Spoken clauses per categorical attribute: (positive, negative) templates with an {x} slot."""

FLAG_SAY: dict[str, tuple[list[str], list[str]]] = {
    "touchscreen": (["it needs a touchscreen", "it has to have a touchscreen"], ["no touchscreen"]),
    "gps": (["it needs built-in GPS", "it has to have GPS"], ["no GPS needed", "I'd rather not pay for GPS"]),
    "cellular": (["it needs cellular", "it has to be a cellular model"], ["no cellular plan for me",
                                                                       "I'd rather not have cellular"]),
    "ecg": (["it needs an ECG", "it has to have an ECG app"], ["no ECG needed"]),
    "wireless": (["it has to be wireless", "it needs to be wireless"], ["it has to be wired", "I want a wired one"]),
    "rgb_lighting": (["it needs RGB lighting", "it has to have RGB"], ["no RGB lighting", "no RGB, please"]),
}
"""Spoken clauses per boolean attribute: (feature wanted, feature not wanted)."""

_DISPLAY: dict[str, dict[str, str]] = {
    "sleeve": {"sleeveless": "a sleeveless cut"},
    "pattern": {"solid": "plain"},
    "compatibility": {"Android": "Android phone"},
}
PLURAL_NOUNS = {"jeans", "trousers", "chinos", "shorts", "leggings"}
CATEGORY_PHRASES: dict[str, str] = {
    "laptop": "a new laptop",
    "womens_clothing": "some new clothes",
    "mens_clothing": "some new clothes",
    "smart_watch": "a smartwatch",
    "game_gadget": "some new gaming gear",
}


def shopping_for(category: str) -> str:
    """What a shopper says it is looking for, e.g. "a smartwatch"."""
    return CATEGORY_PHRASES.get(category, f"a new {category.replace('_', ' ')}")


def _spoken_number(attribute: str, v: Any) -> str:
    if attribute == "storage_gb":
        return _storage(v)
    if attribute == "battery_hours":
        hours = float(v)
        return f"{int(hours // 24)} days" if hours >= 48 and hours % 24 == 0 else f"{_fmt(v)} hours"
    return _fmt(v)


def _spoken_value(attribute: str, value: Any, negative: bool) -> str:
    text = str(value)
    if attribute in ("garment", "product_type"):
        return text if negative else (f"a pair of {text}" if text in PLURAL_NOUNS else _article(text))
    return text if negative else _DISPLAY.get(attribute, {}).get(text, text)


def _article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def say_constraint(c: Constraint, rng: random.Random) -> str:
    """A short spoken clause for one constraint, e.g. "at least 16GB of RAM"."""
    if c.attribute == "price":
        x = f"${_fmt(c.value)}"
        if c.operator in (">", ">="):
            return f"at least {x}"
        return rng.choice(["my budget is {x} max", "I can't go over {x}", "no more than {x}", "under {x}"]).format(x=x)
    if c.attribute in NUMERIC:
        x = NUMERIC[c.attribute].say.format(v=_spoken_number(c.attribute, c.value))
        return rng.choice(_SAY_GE if c.operator in (">", ">=") else _SAY_LE).format(x=x)
    if c.attribute in BOOLEAN:
        positive = (c.operator == "==") == bool(c.value)
        yes, no = FLAG_SAY.get(c.attribute, ([f"it needs a {BOOLEAN[c.attribute][0]}"],
                                             [f"no {BOOLEAN[c.attribute][0]}"]))
        return rng.choice(yes if positive else no)
    negative = c.operator in ("!=", "not_in", "not_contains")
    values = c.value if isinstance(c.value, list) else [c.value]
    named = " or ".join(_spoken_value(c.attribute, v, negative) for v in values)
    if c.attribute == "gpu":
        named = f"{named} graphics"
    positive_says, negative_says = SAY.get(c.attribute, (_SAY_IN, _SAY_NOT))
    return rng.choice(negative_says if negative else positive_says).format(x=named)


class Reader:
    """Reads criteria out of shopper messages for one catalog category."""

    def __init__(self, catalog: Catalog, category: str) -> None:
        self.category = category
        values: dict[str, set[str]] = {}
        self._lists: set[str] = set()
        for p in catalog.in_category(category):
            for k, v in p.attributes.items():
                if k in NUMERIC or k in BOOLEAN:
                    continue
                if isinstance(v, str):
                    values.setdefault(k, set()).add(v)
                elif isinstance(v, list) and v and all(isinstance(x, str) for x in v):
                    values.setdefault(k, set()).update(v)
                    self._lists.add(k)
        # product names quoted back by the shopper ("the X 16GB ... doesn't do it") are not criteria
        self._names = tuple(p.name for p in catalog.in_category(category))
        forms: list[tuple[str, str, str]] = []
        for attr in sorted(values):
            for value in sorted(values[attr]):
                for form in dict.fromkeys([value.lower(), *(f.lower() for f in SYNONYMS.get(attr, {}).get(value, []))]):
                    forms.append((attr, value, form))
        # longest forms first, and a matched span is masked: "rose gold" is not also "gold"
        forms.sort(key=lambda t: -len(t[2]))
        self._words: list[tuple[str, str, re.Pattern[str]]] = [
            (attr, value, re.compile(r"(?<!\w)" + QUALIFIED.get(attr, "") + re.escape(form) + r"(?!\w)", re.I))
            for attr, value, form in forms
        ]

    def read(self, text: str) -> list[Constraint]:
        """Constraints stated in `text`; later statements about an attribute replace earlier ones."""
        found: dict[tuple[str, str], Constraint] = {}
        text = mask_names(text, self._names, "that one")
        for sentence in _SENTENCES.split(text):
            for c in self._read_sentence(sentence):
                kind = {"<": "le", "<=": "le", ">": "ge", ">=": "ge"}.get(c.operator, c.operator)
                kind = {"==": "is", "in": "is", "contains": "is", "!=": "not", "not_in": "not",
                        "not_contains": "not"}.get(kind, kind)
                found[(c.attribute, kind)] = c
        return list(found.values())

    def _read_sentence(self, s: str) -> list[Constraint]:
        return [*_read_money(s), *_read_numbers(s), *_read_flags(s), *self._read_values(s)]

    def _read_values(self, s: str) -> list[Constraint]:
        masked = s
        said: dict[str, tuple[set[str], set[str]]] = {}
        for attr, value, pattern in self._words:
            for m in pattern.finditer(masked):
                negated = bool(_NEGATION.search(s[max(0, m.start() - 40): m.start()]))
                said.setdefault(attr, (set(), set()))[1 if negated else 0].add(value)
                masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end():]
        out: list[Constraint] = []
        for attr in sorted(said):
            listed = attr in self._lists
            positive, negative = (sorted(v) for v in said[attr])
            if positive:
                op: Operator = ("contains" if listed else "==") if len(positive) == 1 else "in"
                out.append(Constraint(attribute=attr, operator=op, value=positive[0] if op != "in" else positive))
            if negative:
                op = ("not_contains" if listed else "!=") if len(negative) == 1 else "not_in"
                out.append(Constraint(attribute=attr, operator=op, value=negative[0] if op != "not_in" else negative))
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


_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


def _read_numbers(s: str) -> list[Constraint]:
    out = []
    for attr, words in NUMERIC.items():
        for m in re.finditer(_NUMBER + words.unit, s, re.I):
            amount = float(m.group(1).replace(",", ""))
            unit = m.group(0)[len(m.group(1)):].lower()
            amount *= next((scale for word, scale in words.scales if word in unit), 1)
            before, after = s[max(0, m.start() - 30): m.start()], s[m.end(): m.end() + 15]
            op: Operator = _nearest_cue(before) or words.default_op
            if re.search(r"^\W*(?:max|or less|tops)", after, re.I):
                op = "<="
            elif re.search(r"^\W*(?:minimum|or more|\+)", after, re.I):
                op = ">="
            out.append(Constraint(attribute=attr, operator=op, value=int(amount) if amount.is_integer() else amount))
    return out


def _phrase_at(phrases: list[str], s: str) -> int:
    """Where the first of `phrases` occurs in `s` as whole words, or -1."""
    if not phrases:
        return -1
    m = re.search(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", s, re.I)
    return m.start() if m else -1


def _read_flags(s: str) -> list[Constraint]:
    out = []
    for attr, phrases in BOOLEAN.items():
        yes, no = _phrase_at(phrases, s), _phrase_at(BOOLEAN_ABSENT.get(attr, []), s)
        if yes < 0 and no < 0:
            continue
        at, wanted = (yes, True) if no < 0 or 0 <= yes < no else (no, False)
        negated = bool(_NEGATION.search(s[:at]))
        out.append(Constraint(attribute=attr, operator="==", value=wanted != negated))
    return out
