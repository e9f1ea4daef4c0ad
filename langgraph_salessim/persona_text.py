"""Free text of generated personas: dealbreakers and preferences written from constraints, and backgrounds.

Every constraint kind has at least four generic phrasings; a `PersonaProfile` adds
category-specific ones per attribute (e.g. "I wear a size {v}") and the archetypes whose
backgrounds personas are drawn from. `persona_generator` uses this module.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from langgraph_salessim.constraints import Constraint, SoftConstraint
from langgraph_salessim.vocab import PLURAL_NOUNS

TRAITS = ("openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism")
"""The Big-Five traits, each given a level (Low, Neutral, High) per persona."""


@dataclass(frozen=True)
class Archetype:
    """A kind of shopper: who they are, why they shop, and which attributes they care about.

    `situations` and `purposes` may use `{n}` (the persona's name) and `{noun}`. `weights`
    raise or lower how often an attribute becomes a hard constraint (0 excludes it); unlisted
    attributes keep the profile's weight. `focus` limits the products a persona's wishes are
    drawn around, e.g. `{"garment": ("dress", "skirt")}` for a wedding guest.
    """

    key: str
    ages: tuple[int, int] = (22, 70)
    occupations: tuple[str, ...] = ("nurse", "high-school teacher", "accountant", "retail manager", "electrician",
                                    "graduate student", "bus driver", "software developer", "chef", "paralegal")
    situations: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    knowledge: tuple[str, ...] = ("low", "mid", "high")
    weights: dict[str, float] = field(default_factory=dict)
    focus: dict[str, tuple[Any, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonaProfile:
    """Category-specific material for `create_personas`; every field has a generic default.

    Attributes:
        noun: What the category's products are called ("smartwatch").
        archetypes: Kinds of shoppers to draw from.
        weights: Relative chance of each attribute (or `price`) being constrained; default 1 (price 2).
        directions: Comparison per numeric attribute (">=" or "<="); default from the vocabulary.
        kinds: Allowed constraint kinds per attribute, e.g. `{"care": ("is", "not")}`.
        values: Allowed values per `attribute:kind`, e.g. `{"care:not": ("dry clean only",)}`.
        hard_phrases: Extra dealbreaker phrasings per `attribute:kind` (or `attribute`).
        soft_phrases: Extra preference phrasings per `attribute:kind` (or `attribute`).
        knowledge: Knowledge-level descriptions per level (low, mid, high).
        hard_counts: Number of hard constraints to draw from.
        soft_counts: Number of soft constraints to draw from.
        soft_weights: Weights for choosing soft constraints, where they differ from `weights`.
        names: First names to draw from (default: `FIRST_NAMES`).
    """

    noun: str = "product"
    archetypes: tuple[Archetype, ...] = ()
    weights: dict[str, float] = field(default_factory=dict)
    directions: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    values: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    hard_phrases: dict[str, list[str]] = field(default_factory=dict)
    soft_phrases: dict[str, list[str]] = field(default_factory=dict)
    knowledge: dict[str, list[str]] = field(default_factory=dict)
    hard_counts: tuple[int, ...] = (1, 2, 2, 3, 3, 4)
    soft_counts: tuple[int, ...] = (1, 2, 2, 3)
    soft_weights: dict[str, float] = field(default_factory=dict)
    names: tuple[str, ...] = ()


FIRST_NAMES = [
    "Aaliyah", "Abdul", "Ada", "Aiko", "Alejandro", "Amara", "Anders", "Aneesh", "Astrid", "Bao", "Beatriz",
    "Bogdan", "Camille", "Carlos", "Chidi", "Chloe", "Dalia", "Darnell", "Deborah", "Diego", "Dmitri", "Elena",
    "Emeka", "Esther", "Farah", "Felix", "Fiona", "Gareth", "Grace", "Hana", "Hector", "Ingrid", "Isaac", "Jamal",
    "Jasmine", "Javier", "Joon", "Kaito", "Keisha", "Kofi", "Lars", "Leilani", "Lucia", "Malik", "Margaret",
    "Mateo", "Mei", "Miriam", "Nadia", "Niamh", "Olusegun", "Omar", "Paloma", "Priya", "Quentin", "Rafael", "Rosa",
    "Ruth", "Sadia", "Santiago", "Siobhan", "Soren", "Tamar", "Tariq", "Thandiwe", "Tomasz", "Uma", "Valentina",
    "Walter", "Wen", "Xavier", "Yara", "Yusuf", "Zainab", "Zoe", "Harold", "Gloria", "Rohan", "Ivy", "Bernard",
    "Adaeze", "Benedikt", "Cressida", "Dev", "Eamon", "Fatima", "Gustavo", "Hiroshi", "Imani", "Jonah", "Kalani",
    "Leonie", "Marisol", "Nikhil", "Oksana", "Pedro", "Rania", "Stellan", "Teodora", "Ulrich", "Vivian", "Wanjiru",
    "Ximena", "Yosef", "Zara", "Arjun", "Birgit", "Cyrus", "Delphine", "Ezra", "Florence", "Goran", "Hyun-woo",
    "Ilse", "Jude", "Kavya", "Luther", "Maeve", "Nkechi", "Orla", "Pilar", "Reza", "Sunita", "Tobias", "Ursula",
    "Vikram", "Wilhelmina", "Yolanda", "Zeke", "Marcus", "Bettina", "Connor", "Dolores", "Enzo", "Gwen",
]
PLACES = [
    "Albuquerque", "rural Vermont", "Houston", "a suburb of Atlanta", "Chicago", "Tucson", "Portland, Maine",
    "Minneapolis", "Brooklyn", "a small town in Ohio", "San Diego", "Baton Rouge", "Milwaukee", "Boise",
    "Pittsburgh", "Sacramento", "Raleigh", "Anchorage", "El Paso", "Madison", "Savannah", "Spokane", "Omaha",
    "Newark", "Salt Lake City", "Fresno", "Des Moines", "Honolulu", "Burlington", "Duluth", "Tulsa", "Asheville",
    "Queens", "coastal Oregon", "a college town in Iowa", "Miami", "Denver", "Cleveland", "Providence", "Reno",
]
SPEAKING_STYLES = [
    "Terse: answers in a few words and rarely volunteers details.",
    "Rambles and drifts into anecdotes before getting to the point.",
    "Formal and polite, addresses the salesperson as 'sir' or 'ma'am'.",
    "Sprinkles emoji into almost every message 😅👍.",
    "Uses lots of filler words like 'um', 'like' and 'you know'.",
    "Blunt and a little impatient; dislikes sales talk.",
    "Chatty and warm, asks about the salesperson's day.",
    "Writes in lowercase with almost no punctuation.",
    "Asks many follow-up questions and double-checks numbers.",
    "Self-deprecating about technology, jokes about being clueless.",
    "Speaks in precise technical jargon and expects the same back.",
    "Hesitant; changes their mind mid-sentence and apologises often.",
    "Enthusiastic, uses exclamation marks and superlatives!",
    "Sarcastic, dry sense of humour.",
    "Short, businesslike sentences; wants bullet points.",
    "Folksy, uses sayings and regional expressions.",
]
KNOWLEDGE = {
    "low": ["Rarely shops for this kind of thing and finds the spec sheets confusing.",
            "Relies on advice from friends and family more than on product listings.",
            "Knows what they like when they see it, but not the jargon."],
    "mid": ["Has read a few reviews and knows the basic things to compare.",
            "Has owned a couple of these before and knows what annoyed them about the last one.",
            "A confident everyday buyer who checks the main specs but not the fine print."],
    "high": ["Follows the product category closely and compares spec sheets side by side.",
             "An enthusiast who knows the brands, model lines and their trade-offs.",
             "Works in the industry and has opinions on every brand's quality."],
}
_SITUATIONS = ("{n} is replacing a worn-out {noun}.", "{n} has been comparing {noun}s online for weeks.",
               "{n} got some birthday money and wants a {noun} that lasts.",
               "{n} needs a {noun} before a trip next month.")
OPENERS = ["", "", "Non-negotiables first. ", "A few hard rules. ", "Here's where I draw the line. ",
           "Let me be clear about what I won't budge on. ", "My must-haves, no exceptions. ",
           "Two words: hard limits. "]
PREF_OPENERS = ["", "", "Nice-to-haves, if you can. ", "Beyond that, just preferences. ",
                "Not dealbreakers, just wishes. ", "If I had my pick, here is the wishlist. "]
STRENGTH = {"high": [" (this one matters a lot)", " (I really care about this one)", ", honestly that's a big one"],
            "low": [", but it's no big deal", " if possible", ", though I could live without it"],
            "mid": [""]}
EXTRAS = ["", "", "A friend warned {n} about pushy salespeople.", "{n} wants to decide today if possible.",
          "{n} has been burned by a bad purchase before and reads every detail."]

HARD: dict[str, list[str]] = {
    "price_max": ["I can't spend more than {v}, that's a hard ceiling", "anything over {v} is out of the question",
                  "my absolute limit is {v}, not a cent more", "if it costs more than {v}, I walk away",
                  "{v} is all I have for this, full stop"],
    "price_min": ["I won't trust anything under {v}", "it should cost at least {v}, cheaper ones break",
                  "nothing cheaper than {v}", "I expect to pay {v} or more for decent quality"],
    "min": ["I need at least {q}", "{q} is my minimum", "nothing with less than {q}", "it has to offer {q} or more"],
    "max": ["{q} at most", "nothing over {q}", "it can't be more than {q}", "{q} is the most I'll accept"],
    "yes": ["it must have {feat}", "{feat} is non-negotiable", "no {feat}, no deal", "I need {feat}, full stop"],
    "no": ["it must not have {feat}", "I don't want {feat}", "{feat} is a dealbreaker for me",
           "skip anything with {feat}"],
    "is": ["the {attr} has to be {v}", "I'll only take {v} for the {attr}", "{v} {attr} or nothing",
           "it must have {v} as the {attr}, no exceptions"],
    "one_of": ["the {attr} has to be {v}", "I'm fine with {v} for the {attr}, nothing else",
               "only {v} will do for the {attr}", "{v}: those are the only {attr} options I accept"],
    "not": ["anything but {v}", "{v} is off the table", "no {v}, whatever you do", "I refuse to buy {v}"],
    "none_of": ["anything but {v}", "{v} are off the table", "no {v}, whatever you do", "I refuse to buy {v}"],
    "has": ["it has to support {v}", "{v} support is a must", "it must work with {v}",
            "if it doesn't work with {v}, I'm out"],
    "lacks": ["it must not include {v}", "anything with {v} is out", "no {v}, please", "I don't want {v} at all"],
}
SOFT: dict[str, list[str]] = {
    "price_max": ["I'd like to stay under {v}", "ideally the total lands below {v}",
                  "keeping it under {v} would be great", "coming in under {v} would make me happy"],
    "price_min": ["I don't mind spending {v} or more", "something around {v} or above feels right",
                  "I'd rather spend {v} or more on quality", "{v} and up is fine by me"],
    "min": ["{q} or more would be nice", "ideally {q} or better", "I'd prefer at least {q}",
            "I lean toward {q} or more"],
    "max": ["ideally no more than {q}", "I'd prefer {q} or less", "{q} or less would be great",
            "if it stays within {q}, even better"],
    "yes": ["{feat} would be a bonus", "I'd like {feat}", "having {feat} would be handy", "{feat} would be nice"],
    "no": ["I'd rather skip {feat}", "I don't really need {feat}", "no {feat} would suit me fine",
           "I could do without {feat}"],
    "is": ["ideally the {attr} would be {v}", "{v} would be my first pick for the {attr}",
           "I lean toward {v} for the {attr}", "if the {attr} is {v}, even better"],
    "one_of": ["ideally the {attr} would be {v}", "I lean toward {v} for the {attr}",
               "{v} would suit me for the {attr}", "I have a soft spot for {v}"],
    "not": ["I'd rather avoid {v}", "preferably not {v}", "I'm not keen on {v}", "{v} isn't my favourite"],
    "none_of": ["I'd rather avoid {v}", "preferably not {v}", "I'm not keen on {v}", "{v} aren't my favourites"],
    "has": ["ideally it supports {v}", "{v} support would be nice", "I'd like it to work with {v}",
            "bonus points if it works with {v}"],
    "lacks": ["I'd rather it didn't include {v}", "preferably without {v}", "no {v} would be nice",
              "I could do without {v}"],
}
QUANTITY = {
    "ram_gb": "{v}GB of RAM", "storage_gb": "{v} of storage", "screen_in": "a {v}-inch screen",
    "weight_lb": "{v} lbs", "battery_hours": "{v} of battery life", "weight_g": "{v} grams",
    "case_mm": "a {v}mm case", "water_resistance_m": "{v}m of water resistance", "dpi": "{v} DPI",
}
FEATURES = {"touchscreen": "a touchscreen", "gps": "built-in GPS", "cellular": "cellular connectivity",
            "ecg": "an ECG sensor", "wireless": "wireless connectivity", "rgb_lighting": "RGB lighting"}
LABELS = {"os": "operating system", "band_style": "band", "display_shape": "display shape", "sizes": "size",
          "switch_type": "switch type", "product_type": "type", "platforms": "platform", "color": "colour",
          "compatibility": "phone compatibility"}


def constraint_kind(c: Constraint) -> str:
    """The phrasing kind of a constraint: price_max, min, max, yes, no, is, one_of, not, none_of, has, lacks."""
    if c.attribute == "price":
        return "price_min" if c.operator in (">", ">=") else "price_max"
    if c.operator in (">", ">="):
        return "min"
    if c.operator in ("<", "<="):
        return "max"
    if isinstance(c.value, bool):
        return "yes" if (c.operator == "==") == c.value else "no"
    return {"==": "is", "!=": "not", "in": "one_of", "not_in": "none_of", "contains": "has",
            "not_contains": "lacks"}[c.operator]


def money(v: float) -> str:
    """Dollars as written by a shopper: "$1,299" or "$24.99"."""
    return f"${v:,.0f}" if float(v).is_integer() else f"${v:,.2f}"


def number(attribute: str, v: Any) -> str:
    """A number as a shopper writes it, with storage in TB and long battery lives in days."""
    if attribute == "storage_gb":
        return f"{int(v) // 1024}TB" if int(v) >= 1024 else f"{int(v)}GB"
    if attribute == "battery_hours":
        return f"{int(v) // 24} days" if v >= 48 and v % 24 == 0 else f"{v:g} hours"
    return f"{v:g}" if isinstance(v, float) else str(v)


def with_article(noun: str) -> str:
    """The noun with an article: "a dress", "an oversized coat", "a pair of jeans"."""
    if noun in PLURAL_NOUNS:
        return f"a pair of {noun}"
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _join(values: list[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]


def render_clause(c: Constraint, rng: random.Random, profile: PersonaProfile, *, hard: bool) -> str:
    """One sentence (without final punctuation) stating a constraint, in a randomly chosen phrasing."""
    kind = constraint_kind(c)
    phrases = profile.hard_phrases if hard else profile.soft_phrases
    templates = (phrases.get(f"{c.attribute}:{kind}") or phrases.get(c.attribute)
                 or (HARD if hard else SOFT)[kind])
    values = c.value if isinstance(c.value, list) else [c.value]
    if c.attribute == "price":
        v = money(c.value)
    elif kind in ("min", "max"):
        v = number(c.attribute, c.value)
    else:
        v = _join([str(x) for x in values])
    label = LABELS.get(c.attribute, c.attribute.replace("_", " "))
    q = QUANTITY.get(c.attribute, f"a {label} of {{v}}").format(v=v)
    fields = {"v": v, "q": q, "attr": label, "feat": FEATURES.get(c.attribute, label),
              "a": _join([with_article(str(x)) for x in values])}
    return _capitalize(rng.choice(templates).format(**fields))


def _capitalize(text: str) -> str:
    """Capitalise the first letter unless the first word is spelled in mixed case ("iPhone", "macOS")."""
    first = text.split(" ", 1)[0]
    return text if any(ch.isupper() for ch in first[1:]) else text[:1].upper() + text[1:]


def render_dealbreakers(constraints: list[Constraint], rng: random.Random, profile: PersonaProfile) -> str:
    """The persona's `dealbreakers` text: one sentence per hard constraint, in order."""
    sentences = [render_clause(c, rng, profile, hard=True) + rng.choice([".", ".", ".", "!"]) for c in constraints]
    return rng.choice(OPENERS) + " ".join(sentences)


def render_preferences(soft: list[SoftConstraint], rng: random.Random, profile: PersonaProfile) -> str:
    """The persona's `preferences` text: one sentence per soft constraint, its strength shown by its weight."""
    parts = []
    for s in soft:
        strength = "high" if s.weight >= 2 else "low" if s.weight < 1 else "mid"
        parts.append(render_clause(s, rng, profile, hard=False) + rng.choice(STRENGTH[strength])
                     + rng.choice([".", ".", "!"]))
    return rng.choice(PREF_OPENERS) + " ".join(parts)


def render_background(name: str, archetype: Archetype, rng: random.Random, noun: str) -> str:
    """A two- or three-sentence background: occupation and place, situation, and a purpose or aside."""
    occupation = rng.choice(archetype.occupations)
    situation = rng.choice(archetype.situations or _SITUATIONS)
    closing = rng.choice(EXTRAS) or (rng.choice(archetype.purposes) if archetype.purposes else "")
    sentences = [f"{name} is {with_article(occupation)} from {rng.choice(PLACES)}.",
                 situation.format(n=name, noun=noun), closing.format(n=name, noun=noun)]
    return " ".join(s for s in sentences if s)


def knowledge_text(level: str, rng: random.Random, profile: PersonaProfile) -> str:
    """A description of how much the persona knows about the category, for a level (low, mid, high)."""
    return rng.choice(profile.knowledge.get(level) or KNOWLEDGE[level])
