"""Shared builder for the two clothing categories: product lines with variants, and persona profile parts."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from builtin_data.common import Balancer, join_and, price, size_range
from langgraph_salessim.catalog import Product
from langgraph_salessim.images import visual_values

XS_XL = ["XS", "S", "M", "L", "XL"]
XS_3XL = ["XS", "S", "M", "L", "XL", "XXL", "3XL"]
PLUS = ["XL", "XXL", "3XL"]
PETITE = ["XS", "S", "M", "L"]
S_XXL = ["S", "M", "L", "XL", "XXL"]
BIG = ["L", "XL", "XXL", "3XL"]

CARE_TEXT = {"machine washable": "Machine washable", "hand wash only": "Hand wash only",
             "dry clean only": "Dry clean only"}
FIT_TEXT = {"slim": "Slim fit", "regular": "Regular fit", "relaxed": "Relaxed fit", "oversized": "Oversized fit"}
SLEEVE_TEXT = {"short sleeves": "Short sleeves", "long sleeves": "Long sleeves", "sleeveless": "Sleeveless"}
MATERIAL_TEXT = {"cotton": "100% cotton", "linen": "Pure linen", "merino wool": "Merino wool", "silk": "Mulberry silk",
                 "polyester": "Recycled polyester", "denim": "Cotton denim", "cashmere": "Grade-A cashmere",
                 "viscose": "Soft viscose", "nylon": "Stretch nylon", "fleece": "Recycled fleece"}
TOPS = {"t-shirt", "tank top", "blouse", "sweater", "cardigan", "dress shirt", "button-down shirt", "polo shirt",
        "hoodie", "jacket", "coat", "blazer", "dress"}


@dataclass
class Line:
    """A product line; each variant (name, overrides) becomes one product."""

    brand: str
    name: str
    garment: str
    material: str
    fit: str
    sleeve: str | None
    care: str
    sizes: list[str]
    price: float
    colors: list[str]
    patterns: list[str]
    blurb: str
    extras: list[str]
    variants: list[tuple[str, dict]] = field(default_factory=list)


DESCRIPTIONS = [
    "{Blurb}. Made from {material_l} in a {fit} fit{sleeve_c}, it comes in sizes {sizes}.",
    "The {brand} {short} is {blurb}. {Material} fabric, {fit} fit{sleeve_c}; {care_l}.",
    "{Blurb}: the {short} from {brand} pairs {material_l} with a {fit} cut{sleeve_c}. Sizes {sizes}, {care_l}.",
]


def build(lines: list[Line], category: str, prefix: str, rng: random.Random) -> list[Product]:
    values = visual_values(category)
    colors, patterns = Balancer(list(values["color"]), rng), Balancer(list(values["pattern"]), rng)
    products: list[Product] = []
    for line in lines:
        used_colors: list[str] = []
        for vname, over in line.variants or [(line.name, {})]:
            spec = {"material": line.material, "fit": line.fit, "sleeve": line.sleeve, "care": line.care,
                    "sizes": line.sizes, "price": line.price, "garment": line.garment, **over}
            pid = f"{prefix}-{len(products) + 1:03d}"
            color = colors.pick(line.colors, used_colors)
            used_colors.append(color)
            pattern = patterns.pick(line.patterns)
            short = vname.split(" (")[0]
            sleeve = spec["sleeve"] if spec["garment"] in TOPS else None
            fields = {
                "brand": line.brand, "short": short, "blurb": line.blurb,
                "Blurb": line.blurb[0].upper() + line.blurb[1:],
                "material_l": spec["material"],
                "Material": MATERIAL_TEXT[spec["material"]], "fit": spec["fit"],
                "sleeve_c": f" with {spec['sleeve']}" if sleeve and sleeve != "sleeveless" else
                (", sleeveless" if sleeve else ""),
                "sizes": size_range(spec["sizes"]), "care_l": CARE_TEXT[spec["care"]].lower(),
            }
            description = rng.choice(DESCRIPTIONS).format(**fields)
            features = [MATERIAL_TEXT[spec["material"]], FIT_TEXT[spec["fit"]],
                        *( [SLEEVE_TEXT[sleeve]] if sleeve else []),
                        f"Sizes {join_and(spec['sizes'])}", CARE_TEXT[spec["care"]]]
            features += rng.sample(line.extras, min(len(line.extras), rng.randint(1, 2)))
            attributes = {"brand": line.brand, "garment": spec["garment"], "sizes": list(spec["sizes"]),
                          "material": spec["material"], "fit": spec["fit"]}
            if sleeve:
                attributes["sleeve"] = sleeve
            attributes |= {"care": spec["care"], "color": color, "pattern": pattern}
            products.append(Product(
                id=pid, name=f"{line.brand} - {vname}", category=category,
                price=price(spec["price"]), description=description, features=features,
                rating=round(rng.uniform(3.6, 4.9), 1), image=f"images/{pid}.png", attributes=attributes,
            ))
    return products


VISUAL = ["color", "pattern"]
KINDS = {"garment": ("is", "is", "is", "one_of"), "sizes": ("has",), "material": ("is", "not", "one_of"),
         "fit": ("is", "not"), "sleeve": ("is",), "care": ("is", "not"), "color": ("is", "is", "one_of", "not"),
         "pattern": ("is", "not"), "brand": ("is", "not", "one_of")}
VALUES = {"care:is": ("machine washable",), "care:not": ("dry clean only",)}
WEIGHTS = {"garment": 4.0, "sizes": 3.0, "price": 2.0, "material": 1.0, "fit": 1.0, "sleeve": 0.8, "care": 0.6,
           "color": 1.5, "pattern": 1.0, "brand": 0.6}
HARD = {
    "garment:is": ["I'm shopping for {a}, nothing else", "it has to be {a}", "I came in for {a} and that's what I want",
                   "specifically {a}, not anything else"],
    "garment:one_of": ["{a} would work, nothing else", "it has to be {a}", "I'm only after {a}",
                       "only {a}, please, that's what my closet is missing"],
    "sizes:has": ["I wear a size {v}, so it has to come in that", "it must be available in size {v}",
                  "size {v} or nothing, that's what fits me", "they need to have it in a size {v}"],
    "material:is": ["it has to be {v}", "{v} only, my skin reacts to everything else", "the fabric must be {v}",
                    "I'll only wear {v}"],
    "material:one_of": ["the fabric has to be {v}", "I only wear {v}", "{v} are the only fabrics I accept",
                        "it must be made of {v}"],
    "material:not": ["no {v}, it makes me itch", "anything but {v}", "I refuse to wear {v}",
                     "{v} is a dealbreaker for me"],
    "fit:is": ["it has to be {a} fit", "I only wear {v} fits", "{a} fit is non-negotiable",
               "if the fit isn't {v}, forget it"],
    "fit:not": ["no {v} fits, they never work on me", "anything but {a} fit", "I won't wear {a} cut",
                "{v} fits are off the table"],
    "sleeve:is": ["{v}, that's a must", "it has to be {v}", "I'll only take {v}", "{v} or I pass"],
    "care:is": ["it must be {v}, I don't do dry cleaning", "{v} is a must", "if it isn't {v}, I'm out",
                "it has to be {v}, I have no time for fussy laundry"],
    "care:not": ["nothing {v}, please", "{v} clothes are a no-go for me", "I won't buy anything {v}",
                 "skip anything that's {v}"],
    "color:is": ["it has to come in {v}", "I'll only take it in {v}", "the colour must be {v}, I'm picky about that",
                 "if it's not {v}, I'm not interested"],
    "color:one_of": ["it has to come in {v}", "I'll only wear {v}", "{v}, those are the colours I wear",
                     "the colour has to be {v}"],
    "color:not": ["anything but {v}, I can't stand that colour", "it can't be {v}", "I refuse to wear {v}",
                  "no {v}, please, it washes me out"],
    "pattern:is": ["it has to be {v}", "I only wear {v} fabrics", "{v} or nothing", "I'm set on {v}"],
    "pattern:not": ["nothing {v}", "I can't do {v}", "{v} is a no from me", "no {v} patterns, please"],
}
SOFT = {
    "garment:is": ["{a} would be my first choice", "I'm leaning toward {a}", "ideally {a}",
                   "I'd probably go for {a}"],
    "garment:one_of": ["{a} would be my first choice", "I'm leaning toward {a}", "ideally {a}",
                       "I'd probably go for {a}"],
    "care:is": ["ideally it's {v}", "{v} would make life easier", "I'd prefer something {v}", "bonus if it's {v}"],
    "material:one_of": ["{v} would feel nice", "I lean toward {v}", "ideally it's {v}", "I like the feel of {v}"],
    "color:one_of": ["I'd love it in {v}", "{v} would suit me", "I lean toward {v}", "I have a soft spot for {v}"],
    "color:is": ["I'd love it in {v}", "{v} would be my favourite colour for it", "if it comes in {v}, even better",
                 "I have a soft spot for {v}"],
    "pattern:is": ["something {v} would be nice", "I lean toward {v} fabrics", "{v} would suit my style",
                   "if it's {v}, even better"],
    "material:is": ["{v} would feel nice", "I lean toward {v}", "ideally it's {v}", "I like the feel of {v}"],
    "fit:is": ["{a} fit would be nice", "I usually like {a} fit", "I lean toward {v} cuts", "ideally {a} fit"],
}
SOFT_WEIGHTS = {"sizes": 0.0, "garment": 0.5}
KNOWLEDGE = {
    "low": ["Buys clothes a couple of times a year and never checks fabric labels.",
            "Goes by what looks right in the mirror; sizing charts confuse them.",
            "Has a partner who usually picks their clothes."],
    "mid": ["Knows their size in most brands and reads the care label before buying.",
            "Has opinions about fits and fabrics after a few disappointing purchases.",
            "Shops online often and checks reviews for how things fit."],
    "high": ["Knows fabric weights, weaves and which brands run small.",
             "Sews some of their own clothes and can tell good construction at a glance.",
             "Works in fashion retail and knows every brand's sizing quirks."],
}
FEMALE_NAMES = (
    "Aaliyah", "Ada", "Aiko", "Amara", "Astrid", "Beatriz", "Camille", "Chloe", "Dalia", "Deborah", "Elena", "Esther",
    "Farah", "Fiona", "Grace", "Hana", "Ingrid", "Jasmine", "Keisha", "Leilani", "Lucia", "Margaret", "Mei",
    "Miriam", "Nadia", "Niamh", "Paloma", "Priya", "Rosa", "Ruth", "Sadia", "Siobhan", "Tamar", "Thandiwe", "Uma",
    "Valentina", "Wen", "Yara", "Zainab", "Zoe", "Gloria", "Ivy", "Adaeze", "Cressida", "Fatima", "Imani", "Kalani",
    "Leonie", "Marisol", "Oksana", "Rania", "Teodora", "Vivian", "Wanjiru", "Ximena", "Zara", "Birgit", "Delphine",
    "Florence", "Ilse", "Kavya", "Maeve", "Nkechi", "Orla", "Pilar", "Sunita", "Ursula", "Wilhelmina", "Yolanda",
    "Bettina", "Dolores", "Gwen", "Harriet", "Joanna", "Kirsten", "Linnea", "Mariana", "Naomi",
)
MALE_NAMES = (
    "Abdul", "Alejandro", "Anders", "Aneesh", "Bao", "Bogdan", "Carlos", "Chidi", "Darnell", "Diego", "Dmitri",
    "Emeka", "Felix", "Gareth", "Hector", "Isaac", "Jamal", "Javier", "Joon", "Kaito", "Kofi", "Lars", "Malik",
    "Mateo", "Olusegun", "Omar", "Quentin", "Rafael", "Santiago", "Soren", "Tariq", "Tomasz", "Walter", "Xavier",
    "Yusuf", "Harold", "Rohan", "Bernard", "Benedikt", "Dev", "Eamon", "Gustavo", "Hiroshi", "Jonah", "Nikhil",
    "Pedro", "Stellan", "Ulrich", "Yosef", "Arjun", "Cyrus", "Ezra", "Goran", "Hyun-woo", "Jude", "Luther", "Reza",
    "Tobias", "Vikram", "Zeke", "Marcus", "Connor", "Enzo", "Andre", "Boris", "Clive", "Desmond", "Emil", "Farid",
    "Gideon", "Ivan", "Kwame", "Leon", "Mikael", "Nils", "Oscar",
)
