"""Built-in men's clothing: 64 products from 32 lines, buying guides and persona profile."""

from __future__ import annotations

import random

from builtin_data import clothing
from builtin_data.clothing import BIG, S_XXL, XS_XL, Line
from builtin_data.common import make_catalog
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.persona_generator import create_personas
from langgraph_salessim.persona_text import Archetype, PersonaProfile
from langgraph_salessim.personas import Persona

CATEGORY = "mens_clothing"
DIRNAME = "mens_clothing"
SEED = 20250713
VISUAL = clothing.VISUAL
N_PERSONAS = 74

NEUTRAL = ["black", "navy", "gray", "white", "beige", "brown"]
SHIRT = ["white", "blue", "pink", "navy", "gray", "green", "purple", "yellow"]
ALL = NEUTRAL + ["blue", "red", "green", "yellow", "purple", "pink"]
SOLID = ["solid"]
PRINTS = ["solid", "striped", "checked"]
WITH_DOTS = ["solid", "striped", "checked", "polka dot"]

LINES = [
    Line("Brooks Brothers", "Non-Iron Oxford Dress Shirt", "dress shirt", "cotton", "regular", "long sleeves",
         "machine washable", S_XXL, 98.5, SHIRT, WITH_DOTS, "a wrinkle-resistant oxford that looks pressed all day",
         ["Non-iron finish", "Button-down collar", "Mother-of-pearl buttons"],
         [("Non-Iron Oxford Dress Shirt", {}), ("Slim-Fit Non-Iron Oxford Dress Shirt", {"fit": "slim"})]),
    Line("Charles Tyrwhitt", "Non-Iron Twill Dress Shirt", "dress shirt", "cotton", "slim", "long sleeves",
         "machine washable", XS_XL, 79.95, SHIRT, PRINTS, "a crisp twill shirt for the office and the wedding circuit",
         ["Cutaway collar", "Two-button cuffs"],
         [("Non-Iron Twill Dress Shirt", {}), ("Classic-Fit Non-Iron Twill Dress Shirt", {"fit": "regular",
                                                                                         "sizes": BIG})]),
    Line("Todd Snyder", "Italian Linen Button-Down Shirt", "button-down shirt", "linen", "relaxed", "long sleeves",
         "machine washable", S_XXL, 148, ["white", "blue", "beige", "green", "navy"], PRINTS,
         "a breezy Italian linen shirt for hot days", ["Garment dyed", "Chest pocket"],
         [("Italian Linen Button-Down Shirt", {}),
          ("Italian Linen Short-Sleeve Shirt", {"sleeve": "short sleeves", "price": 128})]),
    Line("Flint and Tinder", "Heavyweight Flannel Shirt", "button-down shirt", "cotton", "regular", "long sleeves",
         "machine washable", S_XXL, 98, ["red", "green", "navy", "brown", "gray", "black"], ["checked", "solid"],
         "a brushed flannel that gets softer with every wash", ["Brushed twice", "Two chest pockets"],
         [("Heavyweight Flannel Shirt", {}), ("Heavyweight Flannel Shirt (Big)", {"sizes": BIG, "price": 108})]),
    Line("Taylor Stitch", "The Jack Shirt", "button-down shirt", "cotton", "slim", "long sleeves", "machine washable",
         XS_XL, 128, SHIRT, PRINTS, "a trim everyday shirt in sturdy organic cotton", ["Organic cotton", "Back yoke"],
         [("The Jack Shirt", {}), ("The California Short-Sleeve Shirt", {"sleeve": "short sleeves", "fit": "regular",
                                                                        "price": 98})]),
    Line("Ralph Lauren", "Classic Fit Mesh Polo Shirt", "polo shirt", "cotton", "regular", "short sleeves",
         "machine washable", S_XXL, 110, ALL, ["solid", "striped"], "the iconic cotton mesh polo",
         ["Cotton mesh", "Ribbed collar", "Embroidered logo"],
         [("Classic Fit Mesh Polo Shirt", {}), ("Custom Slim Fit Mesh Polo Shirt", {"fit": "slim"})]),
    Line("Lacoste", "L.12.12 Pique Polo Shirt", "polo shirt", "cotton", "regular", "short sleeves",
         "machine washable", XS_XL, 98, ALL, ["solid", "striped"], "a petit pique polo with the famous crocodile",
         ["Petit pique knit", "Two-button placket"],
         [("L.12.12 Pique Polo Shirt", {}),
          ("Long-Sleeve L.12.12 Pique Polo Shirt", {"sleeve": "long sleeves", "price": 115})]),
    Line("Abercrombie & Fitch", "Essential Polo", "polo shirt", "cotton", "slim", "short sleeves", "machine washable",
         XS_XL, 50, ALL, ["solid", "striped"], "a soft, stretchy polo with a modern cut", ["Stretch pique"],
         [("Essential Polo", {}), ("Long-Sleeve Sweater Polo", {"sleeve": "long sleeves", "price": 70})]),
    Line("Uniqlo", "U Crew Neck T-Shirt", "t-shirt", "cotton", "regular", "short sleeves", "machine washable", S_XXL,
         19.9, ALL, ["solid", "striped"], "a heavyweight cotton tee with a clean, boxy shape", ["Heavyweight cotton"],
         [("U Crew Neck T-Shirt", {}), ("Oversized Crew Neck T-Shirt", {"fit": "oversized", "price": 24.9})]),
    Line("Hanes", "Beefy-T Crewneck T-Shirt", "t-shirt", "cotton", "relaxed", "short sleeves", "machine washable",
         BIG, 12, ALL, SOLID, "a thick, tough tee that survives years of washing", ["Heavyweight 6.1 oz cotton"],
         [("Beefy-T Crewneck T-Shirt", {}), ("Beefy-T Long-Sleeve T-Shirt", {"sleeve": "long sleeves", "price": 16})]),
    Line("Under Armour", "Tech 2.0 T-Shirt", "t-shirt", "polyester", "regular", "short sleeves", "machine washable",
         S_XXL, 25, ["black", "gray", "navy", "red", "blue", "green"], SOLID, "a quick-drying training tee",
         ["Anti-odor technology", "Quick-drying"],
         [("Tech 2.0 T-Shirt", {}), ("Tech 2.0 Long-Sleeve T-Shirt", {"sleeve": "long sleeves", "price": 30})]),
    Line("Everlane", "The Organic Cotton Crew", "t-shirt", "cotton", "slim", "short sleeves", "machine washable",
         XS_XL, 30, ALL, ["solid", "striped"], "a trim organic cotton tee", ["Organic cotton", "Fair Trade certified"],
         [("The Organic Cotton Crew", {}), ("The Heavyweight Tee", {"fit": "oversized", "price": 35})]),
    Line("Levi's", "501 Original Fit Jeans", "jeans", "denim", "regular", None, "machine washable", S_XXL, 79.5,
         ["blue", "navy", "black", "gray"], SOLID, "the original button-fly jean with a straight leg",
         ["Button fly", "Straight leg"],
         [("501 Original Fit Jeans", {}), ("511 Slim Fit Jeans", {"fit": "slim", "price": 69.5})]),
    Line("Wrangler", "Cowboy Cut Original Fit Jeans", "jeans", "denim", "regular", None, "machine washable", BIG,
         44.99, ["blue", "navy", "black"], SOLID, "a rugged, rigid denim jean built for work",
         ["Heavyweight denim", "Seat and thigh room"],
         [("Cowboy Cut Original Fit Jeans", {}), ("Relaxed Fit Jeans", {"fit": "relaxed", "price": 39.99})]),
    Line("Bonobos", "Stretch Washed Chinos", "chinos", "cotton", "slim", None, "machine washable", XS_XL, 99,
         ["beige", "navy", "green", "gray", "brown"], SOLID, "soft, stretchy chinos that go from desk to dinner",
         ["Two-way stretch", "Hidden coin pocket"],
         [("Stretch Washed Chinos", {}), ("Stretch Washed Chinos Athletic Fit", {"fit": "relaxed"})]),
    Line("Dockers", "Signature Iron-Free Chinos", "chinos", "cotton", "regular", None, "machine washable", BIG, 64.5,
         ["beige", "navy", "black", "gray", "brown"], SOLID, "iron-free chinos with a crisp crease",
         ["Iron-free", "Stain defender"],
         [("Signature Iron-Free Chinos", {}), ("Alpha Slim Chinos", {"fit": "slim", "sizes": S_XXL, "price": 69.5})]),
    Line("Lululemon", "ABC Classic-Fit Pant", "trousers", "nylon", "regular", None, "machine washable", S_XXL, 128,
         ["black", "navy", "gray", "beige"], SOLID, "a stretchy, abrasion-resistant pant for commuting",
         ["Gusseted crotch", "Hidden phone pocket"],
         [("ABC Classic-Fit Pant", {}), ("ABC Slim-Fit Pant", {"fit": "slim"})]),
    Line("Vuori", "Ponto Performance Jogger", "trousers", "polyester", "relaxed", None, "machine washable", S_XXL, 89,
         ["black", "gray", "navy", "green"], SOLID, "a lounge-ready jogger that is secretly technical",
         ["Drawcord waist", "Zip pocket"],
         [("Ponto Performance Jogger", {}), ("Meta Pant", {"fit": "slim", "price": 98})]),
    Line("Patagonia", "Baggies Shorts", "shorts", "nylon", "relaxed", None, "machine washable", XS_XL, 59,
         ["navy", "green", "blue", "red", "gray", "yellow"], SOLID, "quick-drying shorts that go from river to town",
         ["Quick-drying", "Mesh liner"],
         [("Baggies Shorts", {}), ("Baggies Longs", {"price": 65})]),
    Line("Nike", "Challenger Dri-FIT Running Shorts", "shorts", "polyester", "regular", None, "machine washable",
         S_XXL, 40, ["black", "gray", "blue", "red", "green"], SOLID, "lightweight running shorts with a brief liner",
         ["Sweat-wicking", "Zip pocket"],
         [("Challenger Dri-FIT Running Shorts", {}), ("Club Fleece Shorts", {"material": "cotton", "fit": "relaxed",
                                                                             "price": 45})]),
    Line("Carhartt", "Loose Fit Midweight Hoodie", "hoodie", "cotton", "relaxed", "long sleeves", "machine washable",
         BIG, 54.99, ["gray", "black", "brown", "navy", "green"], SOLID,
         "a rugged sweatshirt hoodie for cold job sites",
         ["Rib-knit cuffs", "Front hand-warmer pocket"],
         [("Loose Fit Midweight Hoodie", {}), ("Rain Defender Loose Fit Hoodie", {"material": "polyester",
                                                                                "price": 69.99})]),
    Line("Champion", "Reverse Weave Hoodie", "hoodie", "cotton", "regular", "long sleeves", "machine washable", S_XXL,
         75, ALL, SOLID, "the heavyweight hoodie that resists shrinking", ["Reverse weave construction"],
         [("Reverse Weave Hoodie", {}), ("Powerblend Fleece Hoodie", {"material": "fleece", "price": 50})]),
    Line("Banana Republic", "Merino Crew-Neck Sweater", "sweater", "merino wool", "regular", "long sleeves",
         "hand wash only", S_XXL, 110, ALL, ["solid", "striped"], "a fine merino sweater for layering over a shirt",
         ["Fine gauge knit"],
         [("Merino Crew-Neck Sweater", {}), ("Merino V-Neck Sweater", {"fit": "slim"})]),
    Line("Quince", "Mongolian Cashmere Crewneck Sweater", "sweater", "cashmere", "regular", "long sleeves",
         "hand wash only", XS_XL, 59.9, ALL, SOLID, "a cashmere sweater at an everyday price", ["Grade-A cashmere"],
         [("Mongolian Cashmere Crewneck Sweater", {}), ("Cashmere Quarter-Zip Sweater", {"price": 89.9})]),
    Line("Patagonia", "Better Sweater Quarter-Zip", "sweater", "fleece", "regular", "long sleeves",
         "machine washable", S_XXL, 119, ["gray", "navy", "green", "brown", "black"], SOLID,
         "a sweater-knit fleece pullover for cool mornings", ["Quarter zip", "Recycled polyester fleece"],
         [("Better Sweater Quarter-Zip", {}), ("Better Sweater Fleece Jacket", {"garment": "jacket", "price": 149})]),
    Line("The North Face", "Antora Rain Jacket", "jacket", "polyester", "regular", "long sleeves",
         "machine washable", S_XXL, 110, ["black", "navy", "green", "red", "blue", "yellow"], SOLID,
         "a waterproof, breathable shell for wet commutes", ["Waterproof", "Stowable hood"],
         [("Antora Rain Jacket", {}), ("Venture 2 Jacket", {"price": 99})]),
    Line("Arc'teryx", "Atom Hoody", "jacket", "nylon", "slim", "long sleeves", "machine washable", XS_XL, 280,
         ["black", "blue", "green", "red", "gray"], SOLID, "a light insulated jacket that breathes on the move",
         ["Synthetic insulation", "Stretch side panels"],
         [("Atom Hoody", {}), ("Beta Jacket", {"fit": "regular", "price": 450})]),
    Line("Columbia", "Steens Mountain Fleece Jacket", "jacket", "fleece", "regular", "long sleeves",
         "machine washable", BIG, 60, ["gray", "navy", "black", "green", "red"], SOLID, "a classic full-zip fleece",
         ["Full zip", "Zippered pockets"],
         [("Steens Mountain Fleece Jacket", {}), ("Watertight II Jacket", {"material": "nylon", "price": 90})]),
    Line("Bonobos", "Italian Wool Topcoat", "coat", "merino wool", "slim", "long sleeves", "dry clean only", XS_XL,
         498, ["navy", "gray", "black", "beige", "brown"], ["solid", "checked"], "a tailored topcoat in Italian wool",
         ["Notch lapels", "Fully lined"],
         [("Italian Wool Topcoat", {}), ("Italian Wool Car Coat", {"fit": "regular", "price": 448})]),
    Line("L.L.Bean", "Baxter State Parka", "coat", "polyester", "relaxed", "long sleeves", "machine washable", BIG,
         229, ["black", "navy", "green", "brown", "red"], SOLID, "a warm, waterproof parka for real winters",
         ["Waterproof", "Insulated hood"],
         [("Baxter State Parka", {}), ("Baxter State Parka (Tall)", {"sizes": S_XXL, "price": 249})]),
    Line("Suitsupply", "Havana Linen Blazer", "blazer", "linen", "slim", "long sleeves", "dry clean only", XS_XL, 399,
         ["beige", "navy", "blue", "white", "green"], ["solid", "checked"], "an unstructured linen blazer for summer",
         ["Half lined", "Patch pockets"],
         [("Havana Linen Blazer", {}), ("Lazio Wool Blazer", {"material": "merino wool", "price": 499})]),
    Line("J.Crew", "Ludlow Slim-Fit Blazer", "blazer", "merino wool", "slim", "long sleeves", "dry clean only",
         S_XXL, 395, ["navy", "gray", "black", "brown"], ["solid", "checked"],
         "a sharp, structured blazer in Italian wool", ["Two buttons", "Side vents"],
         [("Ludlow Slim-Fit Blazer", {}), ("Crosby Classic-Fit Blazer", {"fit": "regular", "sizes": BIG})]),
]

ARCHETYPES = (
    Archetype("professional", (25, 60), ("financial analyst", "lawyer", "sales manager", "civil engineer"),
              ("{n} starts a new job next month and needs to look the part.",
               "{n} has client meetings every week and a closet of worn-out shirts."),
              ("The clothes are mostly for the office.",), ("mid", "high"),
              focus={"garment": ("dress shirt", "blazer", "chinos", "trousers", "sweater", "coat")}),
    Archetype("student", (18, 25), ("computer science student", "apprentice electrician", "history major"),
              ("{n} is moving into a dorm and owns about four shirts.", "{n} just landed a summer internship."),
              ("Comfort and price matter most.",), ("low", "mid"),
              focus={"garment": ("t-shirt", "hoodie", "jeans", "shorts", "polo shirt")}),
    Archetype("weekend", (28, 65), ("plumber", "high-school coach", "firefighter", "brewer"),
              ("{n} wants clothes for weekends at the lake.", "{n} is tired of wearing the same three outfits."),
              ("It has to be comfortable for weekends.",), ("low", "mid"),
              focus={"garment": ("button-down shirt", "polo shirt", "shorts", "jeans", "t-shirt", "hoodie")}),
    Archetype("athlete", (20, 50), ("physical therapist", "personal trainer", "cycling mechanic", "police officer"),
              ("{n} runs every morning and wears through shorts and tees quickly.",
               "{n} just joined a climbing gym."), ("It has to handle sweat.",), ("mid", "high"),
              focus={"garment": ("shorts", "t-shirt", "trousers", "jacket", "hoodie")}),
    Archetype("groom's party", (24, 45), ("software developer", "nurse", "restaurant manager"),
              ("{n} is a groomsman at a summer wedding.", "{n} has a formal dinner and nothing to wear."),
              ("It needs to look sharp in photos.",), ("low", "mid", "high"),
              focus={"garment": ("blazer", "dress shirt", "chinos", "trousers")}),
    Archetype("outdoors", (25, 68), ("forester", "farmer", "surveyor", "fishing guide"),
              ("{n} works outside through the winter.", "{n} is planning a week of hiking in the mountains."),
              ("It has to handle rain and cold.",), ("low", "mid", "high"),
              focus={"garment": ("jacket", "coat", "sweater", "hoodie", "button-down shirt")}),
    Archetype("retiree", (62, 82), ("retired machinist", "retired accountant", "retired bus driver"),
              ("{n} is heading south for the winter.", "{n}'s grandchildren said the old wardrobe needs help."),
              ("Easy care and comfort come first.",), ("low", "mid"), weights={"care": 2.0}),
    Archetype("big and tall", (25, 60), ("truck driver", "carpenter", "offensive line coach", "mechanic"),
              ("{n} can never find things in the right size.", "{n} wants clothes that actually fit the shoulders."),
              ("Fit is the hardest part.",), ("low", "mid"), weights={"sizes": 6.0}),
)

PROFILE = PersonaProfile(
    noun="outfit", archetypes=ARCHETYPES, weights=clothing.WEIGHTS, kinds=clothing.KINDS, values=clothing.VALUES,
    hard_phrases=clothing.HARD, soft_phrases=clothing.SOFT, knowledge=clothing.KNOWLEDGE,
    hard_counts=(2, 2, 3, 3, 3, 4), soft_counts=(1, 2, 2, 3), soft_weights=clothing.SOFT_WEIGHTS,
    names=clothing.MALE_NAMES)

GUIDES = [
    ("How a shirt should fit",
     "A shirt fits when the shoulder seam sits at the edge of your shoulder, the collar closes with room for one "
     "finger, and the cuff ends where your hand meets your wrist. Slim fits taper through the waist and suit lean "
     "builds or anyone who tucks in; regular fits give room to move and are the safest choice if you are between "
     "sizes; relaxed fits are made to be worn untucked. Dress shirts come in a smooth twill or poplin for suits, while "
     "oxford cloth and flannel are casual and hold up to years of washing. Non-iron cotton saves ironing time but "
     "feels a little stiffer at first. Polo shirts and tees follow the same rules at the shoulder; the hem of an "
     "untucked shirt should reach the middle of your fly. If you are broad in the chest or tall, look for big and "
     "tall lines, which add length to the body and sleeves rather than only width, and check each brand's size "
     "chart, because an XL from one maker can be a large from another."),
    ("Trousers, jeans and chinos without the guesswork",
     "Start with the rise and the leg. A regular or straight fit sits at the waist with room through the seat and an "
     "even leg, a slim fit narrows from the knee down, and a relaxed or athletic fit adds room in the seat and thigh "
     "for people who cycle, lift or simply prefer comfort. Rigid denim breaks in over weeks and lasts for years, while "
     "stretch denim and chinos feel good from the first day but can bag out at the knee. Chinos sit between jeans "
     "and dress trousers: wear them with a polo on weekends or a blazer at the office. Technical trousers in nylon or "
     "polyester resist stains and wrinkles and dry quickly, which makes them useful for travel and commuting. "
     "Whatever you choose, sit down in them before you buy: if the waistband digs in or the seat pulls, go up a size "
     "or switch to a roomier fit. Shorts follow the same logic; pick a length that ends just above the knee."),
    ("Layers for cold and wet weather",
     "Dress for the weather in layers you can add or remove. A base of cotton or merino, a mid layer of fleece, a "
     "sweater or an insulated jacket, and an outer shell that stops wind and rain cover nearly every day of the year. "
     "Fleece is warm, light and easy to wash, but wind blows straight through it. Merino wool and cashmere sweaters "
     "are warmer for their weight and look smart under a coat, though they need hand washing. Rain jackets in "
     "polyester or nylon keep water out; look for taped seams and a hood that adjusts. For deep winter, a parka with "
     "synthetic or down insulation matters more than any sweater, and a wool topcoat is the dressier choice for "
     "commuting in a suit. Check the care label before buying outerwear: tailored wool coats and blazers usually need "
     "dry cleaning, while most technical jackets can go in the washing machine on a gentle cycle."),
]


def build_catalog() -> Catalog:
    products = clothing.build(LINES, CATEGORY, "mcl", random.Random(SEED))
    return make_catalog(products, CATEGORY, GUIDES, VISUAL)


def build_personas(catalog: Catalog) -> list[Persona]:
    return create_personas(catalog, n=N_PERSONAS, infeasible_share=0.2, seed=SEED, category=CATEGORY,
                           profile=PROFILE)
