"""Built-in laptop personas: archetype-driven, hand-written phrasings, quotas per acceptable-set size.

The laptop personas predate `langgraph_salessim.persona_generator` and keep their own
generator so that the committed data stays stable; the other categories use the package one.
"""

from __future__ import annotations

import math
import random
import uuid

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.constraints import Constraint, SoftConstraint
from langgraph_salessim.images import COLORS
from langgraph_salessim.persona_text import OPENERS, PREF_OPENERS, SPEAKING_STYLES, STRENGTH
from langgraph_salessim.personas import Persona, compute_acceptable

NAMESPACE = uuid.UUID("6f1d3c2a-9b7e-5d4f-8a21-53a1e5c0b7d9")

# ---------------------------------------------------------------------------------------- personas
FIRST_NAMES = [
    "Aaliyah", "Abdul", "Ada", "Aiko", "Alejandro", "Amara", "Anders", "Aneesh", "Astrid", "Bao", "Beatriz",
    "Bogdan", "Camille", "Carlos", "Chidi", "Chloe", "Dalia", "Darnell", "Deborah", "Diego", "Dmitri", "Elena",
    "Emeka", "Esther", "Farah", "Felix", "Fiona", "Gareth", "Grace", "Hana", "Hector", "Ingrid", "Isaac", "Jamal",
    "Jasmine", "Javier", "Joon", "Kaito", "Keisha", "Kofi", "Lars", "Leilani", "Lucia", "Malik", "Margaret",
    "Mateo", "Mei", "Miriam", "Nadia", "Niamh", "Olusegun", "Omar", "Paloma", "Priya", "Quentin", "Rafael", "Rosa",
    "Ruth", "Sadia", "Santiago", "Siobhan", "Soren", "Tamar", "Tariq", "Thandiwe", "Tomasz", "Uma", "Valentina",
    "Walter", "Wen", "Xavier", "Yara", "Yusuf", "Zainab", "Zoe", "Harold", "Gloria", "Rohan", "Ivy", "Bernard",
]
PLACES = [
    "Albuquerque", "rural Vermont", "Houston", "a suburb of Atlanta", "Chicago", "Tucson", "Portland, Maine",
    "Minneapolis", "Brooklyn", "a small town in Ohio", "San Diego", "Baton Rouge", "Milwaukee", "Boise",
    "Pittsburgh", "Sacramento", "Raleigh", "Anchorage", "El Paso", "Madison", "Savannah", "Spokane", "Omaha",
    "Newark", "Salt Lake City", "Fresno", "Des Moines", "Honolulu",
]
KNOWLEDGE = {
    "low": ["Knows how to browse and send email, but finds specs like RAM and processors confusing.",
            "Has never bought a computer alone and relies on advice from family.",
            "Comfortable with a phone, but not sure what separates one laptop from another."],
    "mid": ["A confident everyday user who knows roughly what RAM and storage are, but not processor generations.",
            "Has read a couple of reviews online and knows the basic specs to compare.",
            "Uses a laptop daily for work and knows what annoyed them about the last one."],
    "high": ["Builds their own desktop PCs and follows hardware news closely.",
             "A power user who compares benchmarks and knows GPU and CPU model numbers.",
             "Works in IT and has opinions on every brand's build quality."],
}
TRAITS = ["openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"]

# key: ages, occupations, situations, purposes, knowledge levels, hard-constraint kinds, soft kinds, budgets,
# value overrides
ARCHETYPES = {
    "student": ((19, 27), ["nursing student", "engineering freshman", "community-college accounting student",
                           "sociology grad student", "art history major"],
                ["{n}'s hand-me-down laptop stopped charging halfway through the semester.",
                 "{n} just got a scholarship refund and wants a machine that lasts until graduation.",
                 "{n} shares a cramped dorm room and takes the laptop to every lecture."],
                ["lecture notes, essays and streaming"], ["low", "mid"],
                ["price", "price", "weight", "battery", "ram", "color_in", "os_in", "touch", "brand_ne", "color_ne"],
                ["weight", "battery", "color_in", "touch", "storage", "brand_in", "price"], [450, 600, 700, 800], {}),
    "gamer": ((19, 38), ["warehouse associate", "line cook", "software tester", "esports club captain"],
              ["{n} streams on weekends and the current laptop overheats in every match.",
               "{n} has saved up for months to finally play new releases on high settings."],
              ["gaming and streaming"], ["mid", "high"],
              ["gpu", "gpu", "ram", "screen_min", "storage", "price", "color_in", "brand_in", "brand_ne"],
              ["ram", "storage", "screen_min", "color_in", "battery", "weight"], [1200, 1500, 2000, 2500],
              {"ram": [16, 32], "screen_min": [15.6, 16.0], "storage": [512, 1024]}),
    "creative": ((24, 56), ["freelance video editor", "wedding photographer", "graphic designer", "music producer",
                            "architect"],
                 ["{n} edits client projects late at night and the old machine stutters on every export.",
                  "{n} just landed a big contract and wants a tool that keeps up."],
                 ["photo and video editing"], ["mid", "high"],
                 ["os_eq", "ram", "storage", "screen_min", "price", "color_in", "gpu"],
                 ["screen_min", "battery", "weight", "color_in", "storage"], [1800, 2200, 3000],
                 {"ram": [16, 32], "storage": [512, 1024], "os_eq": ["macOS", "macOS", "Windows"]}),
    "traveler": ((28, 62), ["management consultant", "regional sales rep", "freelance journalist",
                            "NGO field coordinator"],
                 ["{n} spends three days a week on planes and trains.",
                  "{n} works from airport lounges and hotel desks more than from an office."],
                 ["email, slides and video calls on the road"], ["mid", "high"],
                 ["weight", "weight", "battery", "screen_max", "brand_in", "os_eq", "ram", "color_ne"],
                 ["weight", "battery", "brand_in", "touch", "color_in"], [1300, 1600, 2000],
                 {"os_eq": ["Windows", "macOS"], "weight": [3.0, 3.5]}),
    "retiree": ((62, 78), ["retired teacher", "retired mail carrier", "retired nurse", "retired machinist"],
                ["{n} video-calls the grandchildren every Sunday and wants to see them properly.",
                 "{n}'s old desktop finally died and the grandkids said a laptop would be easier."],
                ["video calls, photos and online banking"], ["low", "low", "mid"],
                ["screen_min", "price", "os_in", "touch", "color_in", "weight", "brand_in"],
                ["screen_min", "touch", "brand_in", "color_in", "battery"], [500, 700, 900],
                {"screen_min": [15.6, 16.0]}),
    "parent": ((31, 52), ["dental hygienist", "bus driver", "stay-at-home parent", "pharmacist"],
               ["{n} is buying a first laptop for a ten-year-old who is hard on gadgets.",
                "{n}'s teenager needs a laptop for school and the family shares one budget."],
               ["homework and school apps"], ["low", "mid"],
               ["price", "os_eq", "touch", "weight", "color_in", "battery", "color_ne"],
               ["color_in", "battery", "touch", "weight", "price"], [350, 450, 600],
               {"os_eq": ["ChromeOS", "ChromeOS", "Windows"]}),
    "office": ((30, 63), ["small-business owner", "bookkeeper", "human-resources coordinator", "real-estate agent"],
               ["{n} runs the books on spreadsheets that have grown far too big for the old laptop.",
                "{n} is replacing a work laptop that the office no longer supports."],
               ["spreadsheets, invoicing and video meetings"], ["mid"],
               ["os_eq", "ram", "storage", "price", "screen_min", "brand_in", "color_ne"],
               ["weight", "battery", "brand_in", "storage", "color_in"], [800, 1000, 1200],
               {"os_eq": ["Windows"], "screen_min": [15.6]}),
    "developer": ((23, 46), ["backend developer", "data scientist", "mobile app developer", "DevOps engineer"],
                  ["{n} runs containers and a local database all day.",
                   "{n} just joined a startup that lets engineers pick their own hardware."],
                  ["coding, containers and the occasional model training run"], ["high"],
                  ["ram", "ram", "storage", "os_in", "brand_ne", "weight", "screen_min", "color_in"],
                  ["battery", "weight", "ram", "screen_min", "color_in"], [1500, 2000, 2500],
                  {"ram": [16, 32], "os_in": [["macOS", "Windows"]], "storage": [512, 1024]}),
    "lifestyle": ((21, 41), ["lifestyle blogger", "boutique owner", "yoga instructor", "wedding planner"],
                  ["{n} works from cafés and posts content every day, so the laptop is part of the look.",
                   "{n} wants something that matches the rest of a carefully chosen desk setup."],
                  ["blogging, social media and light photo edits"], ["low", "mid"],
                  ["color_in", "color_in", "weight", "touch", "price", "screen_max", "os_eq"],
                  ["color_in", "weight", "battery", "touch"], [800, 1100, 1400],
                  {"os_eq": ["Windows", "macOS"]}),
    "educator": ((26, 61), ["middle-school teacher", "ICU nurse", "social worker", "librarian"],
                 ["{n} grades papers on the couch and hauls the laptop between rooms all day.",
                  "{n} works long shifts and needs a laptop that does not die between outlets."],
                 ["lesson plans, charting and email"], ["low", "mid"],
                 ["price", "touch", "battery", "screen_min", "weight", "os_in", "color_ne"],
                 ["battery", "weight", "touch", "brand_in", "color_in"], [600, 800, 1000], {}),
}
VALUES = {
    "os_eq": ["Windows", "macOS", "ChromeOS"], "os_in": [["Windows", "ChromeOS"], ["macOS", "Windows"]],
    "ram": [8, 16, 32], "storage": [256, 512, 1024], "screen_min": [14.0, 15.6, 16.0], "screen_max": [13.6, 14.0],
    "weight": [3.0, 3.5, 4.0, 4.5], "battery": [10, 12, 14, 16],
    "brand": ["Dell", "HP", "Lenovo", "Apple", "ASUS", "Acer", "Microsoft", "Samsung"],
}
ATTR = {"price": ("price", "<="), "os_eq": ("os", "=="), "os_in": ("os", "in"), "ram": ("ram_gb", ">="),
        "storage": ("storage_gb", ">="), "screen_min": ("screen_in", ">="), "screen_max": ("screen_in", "<="),
        "weight": ("weight_lb", "<="), "battery": ("battery_hours", ">="), "touch": ("touchscreen", "=="),
        "gpu": ("gpu", "=="), "brand_in": ("brand", "in"), "brand_ne": ("brand", "!="),
        "color_in": ("color", "in"), "color_ne": ("color", "!=")}
HARD = {
    "price": ["I can't spend more than {v}, that's a hard ceiling", "anything over {v} is out of the question",
              "my absolute limit is {v}, not a cent more", "if it costs more than {v}, I walk away",
              "{v} is all I have for this, full stop"],
    "os_eq": ["it has to run {v}", "{v} only, that's non-negotiable", "whatever I buy must come with {v}",
              "don't show me anything that isn't {v}", "I won't learn a new system, so {v} it is"],
    "os_in": ["it needs to run {v}", "the operating system has to be {v}, nothing else",
              "I'm fine with {v}, but not any other platform", "only {v} will work with what I use"],
    "ram": ["it needs at least {v}GB of RAM", "anything under {v}GB of memory is a no-go",
            "I refuse to go below {v} gigs of RAM", "{v}GB of memory is my minimum"],
    "storage": ["I need at least {v} of storage", "storage has to be {v} or more",
                "nothing with less than {v} on the drive", "a {v} drive at minimum, I keep everything locally"],
    "screen_min": ["the screen must be at least {v} inches", "nothing smaller than a {v}-inch display",
                   "I need a big screen, {v} inches or larger", "a {v}\" display or bigger is a must"],
    "screen_max": ["the screen can't be bigger than {v} inches", "{v}\" is the biggest display I'll accept",
                   "it must be {v} inches or smaller so it fits my bag", "no screens over {v} inches"],
    "weight": ["it can't weigh more than {v} lbs", "anything heavier than {v} pounds is a dealbreaker",
               "{v} lbs max, since I carry it everywhere", "it has to be {v} pounds or lighter"],
    "battery": ["I need at least {v} hours of battery", "battery life under {v} hours is unacceptable",
                "it has to last {v} hours or more unplugged", "a minimum of {v} hours on a charge"],
    "touch": ["it must have a touchscreen", "no touchscreen, no deal",
              "I need to tap the screen, so a touchscreen is required", "a touch-screen display is essential"],
    "gpu": ["it needs a dedicated graphics card", "integrated graphics won't do, a dedicated GPU is required",
            "it must have dedicated graphics", "a dedicated video card is non-negotiable"],
    "brand_in": ["it has to be a {v} machine", "I only trust {v}", "I'll only consider {v}",
                 "brand-wise, {v}, nothing else"],
    "brand_ne": ["no {v}, whatever you do", "I will never buy {v} again after my last one", "anything but {v}",
                 "{v} is off the table"],
    "color_in": ["it has to come in {v}", "I'll only take it in {v}", "the colour must be {v}, I'm picky about that",
                 "if it's not {v}, I'm not interested"],
    "color_ne": ["anything but {v}, I can't stand that colour", "it can't be {v}",
                 "I refuse to carry a {v} laptop", "no {v} ones, please"],
}
SOFT = {
    "price": ["I'd like to stay under {v}", "ideally the total lands below {v}", "keeping it under {v} would be great",
              "coming in under {v} would make me happy"],
    "ram": ["{v}GB of RAM would be nice", "I'd prefer {v}GB of memory or more", "more memory is better, {v}GB ideally",
            "I'd lean toward {v} gigs of RAM"],
    "storage": ["I'd like {v} of storage", "{v} or more on the drive would be handy",
                "preferably {v} of storage for my files", "roomy storage, {v} or so, would be welcome"],
    "screen_min": ["a screen of {v} inches or more would be nice", "I lean toward displays of {v}\" and up",
                   "bigger is better for the screen, {v} inches ideally", "I'd enjoy a {v}-inch or larger display"],
    "weight": ["lighter is better, ideally {v} lbs or less", "I'd prefer something under {v} pounds",
               "if it weighs {v} lbs or less, great", "I'd love it to be {v} pounds or lighter"],
    "battery": ["I'd like {v}+ hours of battery", "long battery life, {v} hours or more, would be great",
                "ideally it lasts {v} hours unplugged", "a battery good for {v} hours would help"],
    "touch": ["a touchscreen would be a bonus", "I'd like a touchscreen", "touch support would be handy",
              "being able to touch the screen would be nice"],
    "brand_in": ["I lean toward {v}", "I've had good luck with {v}", "{v} would be my first pick",
                 "I'd prefer {v} if possible"],
    "color_in": ["I'd love it in {v}", "{v} would be my favourite colour for it", "if it comes in {v}, even better",
                 "I have a soft spot for {v}"],
}
SOFT_VALUES = {"price": None, "ram": [16, 32], "storage": [512, 1024], "screen_min": [15.6, 16.0],
               "weight": [3.0, 3.5, 4.0], "battery": [10, 12, 15]}
SITUATIONS_EXTRA = ["", "", "A friend warned {n} about pushy salespeople.",
                    "{n} has been burned by a flimsy hinge before.", "{n} wants to decide today if possible."]
# infeasible on purpose (nothing in the catalog fits): realistic wishes the market does not offer
INFEASIBLE = [
    ("student", [("os_eq", "macOS"), ("price", 600)]), ("student", [("os_eq", "macOS"), ("price", 700),
                                                                    ("color_in", ["rose gold"])]),
    ("retiree", [("screen_min", 17.3), ("weight", 4.0)]), ("gamer", [("gpu", True), ("price", 600)]),
    ("gamer", [("gpu", True), ("battery", 16)]), ("lifestyle", [("color_in", ["rose gold"]), ("gpu", True)]),
    ("parent", [("os_eq", "ChromeOS"), ("ram", 16)]), ("creative", [("os_eq", "macOS"), ("touch", True)]),
    ("developer", [("ram", 64), ("price", 1500)]), ("lifestyle", [("color_in", ["red"]), ("os_eq", "macOS")]),
    ("creative", [("os_eq", "macOS"), ("screen_min", 17.3), ("ram", 32)]), ("gamer", [("gpu", True), ("weight", 3.5)]),
    ("traveler", [("weight", 3.0), ("screen_min", 15.6)]),
    ("retiree", [("price", 400), ("touch", True), ("screen_min", 15.6)]),
]
QUOTAS = {"1": 10, "2-4": 16, "5-8": 12, ">8": 16}


def article(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiouAEIOU' else 'a'} {noun}"


def join_or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def money(v: float) -> str:
    return f"${v:,.0f}" if float(v).is_integer() else f"${v:,.2f}"


def render_value(kind: str, value: object) -> str:
    if kind == "price":
        return money(value)  # type: ignore[arg-type]
    if kind == "storage":
        return f"{value // 1024}TB" if value >= 1024 else f"{value}GB"  # type: ignore[operator]
    if isinstance(value, list):
        return join_or([str(v) for v in value])
    return f"{value:g}" if isinstance(value, float) else str(value)


def phrase(rng: random.Random, templates: list[str], kind: str, value: object, suffix: str = "") -> str:
    text = rng.choice(templates).format(v=render_value(kind, value)) + suffix
    if not text.startswith("macOS"):
        text = text[0].upper() + text[1:]
    return text + rng.choice([".", ".", ".", "!"])


def draw_value(rng: random.Random, kind: str, overrides: dict, soft: bool = False) -> object:
    if kind in ("touch", "gpu"):
        return True if kind == "touch" else "dedicated"
    if kind in ("brand_in", "color_in"):
        pool = VALUES["brand"] if kind == "brand_in" else list(COLORS)
        return sorted(rng.sample(pool, rng.choice([1, 2] if soft else [1, 2, 2, 3])), key=pool.index)
    if kind in ("brand_ne", "color_ne"):
        return rng.choice(VALUES["brand"] if kind == "brand_ne" else list(COLORS))
    pool = overrides.get(kind) or (SOFT_VALUES.get(kind) if soft else None) or VALUES[kind]
    return rng.choice(pool)


def make_constraint(kind: str, value: object, weight: float | None = None) -> Constraint:
    attribute, operator = ATTR[kind]
    value = value if kind != "gpu" else "dedicated"
    if weight is None:
        return Constraint(attribute=attribute, operator=operator, value=value)
    return SoftConstraint(attribute=attribute, operator=operator, value=value, weight=weight)


def draw_hard(rng: random.Random, arch: tuple, want_color: bool) -> list[tuple[str, object]]:
    kinds: list[str] = [rng.choice(["color_in", "color_in", "color_ne"])] if want_color else []
    target = rng.choice([1, 2, 2, 3, 3, 4])
    while len(kinds) < max(target, 1 + want_color):
        kind = rng.choice(arch[5])
        if ATTR[kind][0] not in {ATTR[k][0] for k in kinds} and not ({kind, *kinds} >= {"screen_min", "screen_max"}):
            kinds.append(kind)
    return [(k, draw_value(rng, k, {"price": arch[7], **arch[8]})) for k in kinds]


def bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-4" if n <= 4 else "5-8" if n <= 8 else ">8"


def build_persona(rng: random.Random, arch_key: str, hard: list[tuple[str, object]], name: str, uid: str,
                  catalog: Catalog) -> Persona:
    arch = ARCHETYPES[arch_key]
    constraints = [make_constraint(k, v) for k, v in hard]
    probe = Persona(uuid="probe", name=name, age=30, category="laptop", constraints=constraints)
    acceptable = compute_acceptable(probe, catalog)
    prices = sorted(catalog.get(pid).price for pid in acceptable) or [1000.0]
    budget = next((float(v) for k, v in hard if k == "price"), None)  # type: ignore[arg-type]
    if budget is None:
        budget = float(math.ceil(prices[0] * rng.choice([1.05, 1.15, 1.3, 1.5]) / 50) * 50)
    used = {ATTR[k][0] for k, _ in hard}
    soft_kinds = [k for k in dict.fromkeys([*arch[6], *SOFT]) if ATTR[k][0] not in used][:max(4, len(arch[6]))]
    soft: list[tuple[str, object, float]] = []
    for kind in rng.sample(soft_kinds, min(len(soft_kinds), rng.randint(1, 3))):
        value = budget if kind == "price" else draw_value(rng, kind, {}, soft=True)
        soft.append((kind, value, rng.choice([0.5, 1.0, 1.0, 1.5, 2.0, 3.0])))
    n = name
    deal = rng.choice(OPENERS) + " ".join(phrase(rng, HARD[k], k, v) for k, v in hard)
    prefs = rng.choice(PREF_OPENERS) + " ".join(
        phrase(rng, SOFT[k], k, v, rng.choice(STRENGTH["high" if w >= 2 else "low" if w < 1 else "mid"]))
        for k, v, w in soft)
    background = " ".join(s for s in [
        f"{n} is {article(rng.choice(arch[1]))} from {rng.choice(PLACES)}.", rng.choice(arch[2]).format(n=n),
        rng.choice(SITUATIONS_EXTRA).format(n=n) or f"The laptop is mostly for {arch[3][0]}."] if s)
    return Persona(
        uuid=uid, name=name, age=rng.randint(*arch[0]), category="laptop", budget=budget,
        persona_background=background, speaking_style=rng.choice(SPEAKING_STYLES),
        preferences=prefs, dealbreakers=deal, acceptable_products=acceptable, constraints=constraints,
        soft_constraints=[make_constraint(k, v, w) for k, v, w in soft],
        knowledge_level=rng.choice(KNOWLEDGE[rng.choice(arch[4])]),
        big_five={t: rng.choice(["Low", "Neutral", "High"]) for t in TRAITS},
    )


def build_personas(rng: random.Random, catalog: Catalog) -> list[Persona]:
    specs: list[tuple[str, list[tuple[str, object]]]] = list(INFEASIBLE)
    filled = dict.fromkeys(QUOTAS, 0)
    keys = list(ARCHETYPES)
    for _ in range(20000):
        if filled == QUOTAS:
            break
        arch_key = rng.choice(keys)
        hard = draw_hard(rng, ARCHETYPES[arch_key], rng.random() < 0.1)
        probe = Persona(uuid="probe", name="probe", age=30, category="laptop",
                        constraints=[make_constraint(k, v) for k, v in hard])
        b = bucket(len(compute_acceptable(probe, catalog)))
        if b in QUOTAS and filled[b] < QUOTAS[b]:
            filled[b] += 1
            specs.append((arch_key, hard))
    else:
        raise RuntimeError(f"could not fill persona quotas: {filled}")
    rng.shuffle(specs)
    names = rng.sample(FIRST_NAMES, len(specs))
    personas = []
    for i, ((arch_key, hard), name) in enumerate(zip(specs, names, strict=True)):
        uid = str(uuid.uuid5(NAMESPACE, f"laptop-persona-{i:03d}"))
        personas.append(build_persona(rng, arch_key, hard, name, uid, catalog))
    for (_, hard), persona in zip(specs, personas, strict=True):
        if (hard in [h for _, h in INFEASIBLE]) != (not persona.acceptable_products):
            raise RuntimeError(f"persona {persona.name}: infeasible by design must mean no acceptable product")
    return personas
