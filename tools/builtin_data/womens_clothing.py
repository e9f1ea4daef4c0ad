"""Built-in women's clothing: 64 products from 32 lines, buying guides and persona profile."""

from __future__ import annotations

import random

from builtin_data import clothing
from builtin_data.clothing import PETITE, PLUS, XS_3XL, XS_XL, Line
from builtin_data.common import make_catalog
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.persona_generator import create_personas
from langgraph_salessim.persona_text import Archetype, PersonaProfile
from langgraph_salessim.personas import Persona

CATEGORY = "womens_clothing"
DIRNAME = "womens_clothing"
SEED = 20250712
VISUAL = clothing.VISUAL
N_PERSONAS = 74

DARK = ["black", "navy", "gray", "brown"]
BRIGHT = ["red", "pink", "green", "yellow", "purple", "blue"]
LIGHT = ["white", "beige", "gray", "pink"]
ALL = DARK + BRIGHT + ["white", "beige"]
SOLID = ["solid"]
PRINTS = ["solid", "striped", "polka dot", "checked"]

LINES = [
    Line("Everlane", "The Organic Cotton Crew Tee", "t-shirt", "cotton", "regular", "short sleeves", "machine washable",
         XS_XL, 30, ALL, ["solid", "striped"], "an everyday tee cut from soft, breathable organic cotton",
         ["Pre-shrunk", "Tag-free neckline", "Fair Trade certified factory"],
         [("The Organic Cotton Crew Tee", {}),
          ("The Organic Cotton Long-Sleeve Tee", {"sleeve": "long sleeves", "price": 38})]),
    Line("Uniqlo", "Supima Cotton Crew Neck T-Shirt", "t-shirt", "cotton", "slim", "short sleeves", "machine washable",
         XS_3XL, 19.9, ALL, ["solid", "striped"],
         "a smooth, long-staple cotton tee that keeps its shape wash after wash",
         ["Smooth Supima cotton", "Keeps its shape", "Great for layering"],
         [("Supima Cotton Crew Neck T-Shirt", {}),
          ("Supima Cotton Relaxed T-Shirt", {"fit": "relaxed", "price": 24.9})]),
    Line("Hanes", "Essentials Tank Top", "tank top", "cotton", "regular", "sleeveless", "machine washable", XS_3XL, 12,
         ALL, ["solid", "striped"], "a lightweight tank for warm days and workouts",
         ["Ribbed trim", "Lightweight jersey"],
         [("Essentials Tank Top", {}), ("Essentials Ribbed Tank Top", {"fit": "slim", "price": 14})]),
    Line("Madewell", "The Perfect Vintage Jean", "jeans", "denim", "slim", None, "machine washable", XS_XL, 128,
         ["blue", "navy", "black", "gray", "white"], SOLID, "a high-rise jean with a vintage-inspired, lived-in feel",
         ["High rise", "Five-pocket styling", "Button fly"],
         [("The Perfect Vintage Jean", {}), ("The Perfect Vintage Jean (Plus)", {"sizes": PLUS, "price": 138})]),
    Line("Levi's", "501 Original Jeans for Women", "jeans", "denim", "regular", None, "machine washable", XS_3XL, 79.5,
         ["blue", "navy", "black", "white"], SOLID, "the original button-fly jean with a straight leg",
         ["Straight leg", "Button fly", "Signature arcuate stitching"],
         [("501 Original Jeans for Women", {}),
          ("Wedgie Straight Jeans", {"fit": "slim", "price": 98, "sizes": XS_XL})]),
    Line("Abercrombie & Fitch", "Curve Love High Rise Straight Jean", "jeans", "denim", "regular", None,
         "machine washable", XS_3XL, 90, ["blue", "black", "beige"], SOLID,
         "a straight jean with extra room through the hip and thigh", ["Extra hip room", "No waist gap"],
         [("Curve Love High Rise Straight Jean", {}),
          ("Curve Love Wide Leg Jean", {"fit": "relaxed", "price": 95})]),
    Line("Reformation", "Juliette Midi Dress", "dress", "viscose", "slim", "sleeveless", "hand wash only", XS_XL, 248,
         BRIGHT + ["black", "white"], PRINTS, "a fitted midi dress with a square neckline and a flattering drape",
         ["Square neckline", "Midi length", "Side zip"],
         [("Juliette Midi Dress", {}),
          ("Juliette Short Sleeve Midi Dress", {"sleeve": "short sleeves", "price": 258})]),
    Line("Mango", "Flowy Wrap Dress", "dress", "viscose", "relaxed", "short sleeves", "machine washable", XS_XL, 79.99,
         ALL, PRINTS, "an easy wrap dress that ties at the waist and moves with you",
         ["Wrap front", "Tie waist", "Knee length"],
         [("Flowy Wrap Dress", {}), ("Flowy Long Sleeve Wrap Dress", {"sleeve": "long sleeves", "price": 89.99})]),
    Line("H&M", "Linen-Blend Shirt Dress", "dress", "linen", "relaxed", "long sleeves", "machine washable", XS_3XL,
         49.99, LIGHT + ["blue", "green"], ["solid", "striped", "checked"],
         "a breezy button-front dress with a tie belt for summer days",
         ["Button front", "Tie belt", "Chest pockets"],
         [("Linen-Blend Shirt Dress", {}), ("Short-Sleeve Linen-Blend Shirt Dress", {"sleeve": "short sleeves"})]),
    Line("Boden", "Laura Jersey Midi Dress", "dress", "cotton", "regular", "short sleeves", "machine washable",
         XS_3XL, 120, ALL, PRINTS, "a comfortable jersey dress you can wear to the office or the park",
         ["Soft jersey", "Side pockets", "Midi length"],
         [("Laura Jersey Midi Dress", {}), ("Laura Long Sleeve Jersey Midi Dress", {"sleeve": "long sleeves",
                                                                                   "price": 130})]),
    Line("Anthropologie", "Maeve Tiered Maxi Dress", "dress", "cotton", "relaxed", "sleeveless", "machine washable",
         XS_XL, 168, BRIGHT + ["white", "beige"], PRINTS, "a tiered maxi dress with a swingy, romantic silhouette",
         ["Tiered skirt", "Smocked back", "Maxi length"],
         [("Maeve Tiered Maxi Dress", {}), ("Maeve Flutter Sleeve Maxi Dress", {"sleeve": "short sleeves",
                                                                               "price": 178})]),
    Line("Banana Republic", "Silk Button-Down Blouse", "blouse", "silk", "regular", "long sleeves", "dry clean only",
         XS_XL, 120, ["white", "beige", "navy", "black", "pink", "green"], ["solid", "polka dot", "striped"],
         "a fluid silk blouse that works under a blazer or on its own",
         ["Mother-of-pearl buttons", "Curved hem", "Relaxed drape"],
         [("Silk Button-Down Blouse", {}), ("Short-Sleeve Silk Blouse", {"sleeve": "short sleeves", "price": 110})]),
    Line("Ann Taylor", "Ruffle Neck Blouse", "blouse", "polyester", "regular", "long sleeves", "machine washable",
         XS_3XL, 79.5, ALL, PRINTS, "a polished blouse with a soft ruffle at the neckline",
         ["Ruffle neckline", "Keyhole back", "Wrinkle resistant"],
         [("Ruffle Neck Blouse", {}), ("Sleeveless Ruffle Neck Blouse", {"sleeve": "sleeveless", "price": 69.5})]),
    Line("Vince", "Satin Slip Skirt", "skirt", "silk", "slim", None, "dry clean only", XS_XL, 265,
         ["black", "beige", "green", "brown", "navy"], SOLID, "a bias-cut slip skirt with a liquid sheen",
         ["Bias cut", "Elastic waist", "Midi length"],
         [("Satin Slip Skirt", {}), ("Satin Slip Skirt (Petite)", {"sizes": PETITE})]),
    Line("J.Crew", "Pleated Midi Skirt", "skirt", "polyester", "regular", None, "machine washable", XS_3XL, 98,
         ALL, PRINTS, "a knife-pleated skirt that swishes when you walk",
         ["Knife pleats", "Side zip", "Lined"],
         [("Pleated Midi Skirt", {}), ("Pleated Mini Skirt", {"price": 88})]),
    Line("Madewell", "Cashmere Crewneck Sweater", "sweater", "cashmere", "relaxed", "long sleeves", "hand wash only",
         XS_XL, 148, ALL, ["solid", "striped"], "a cloud-soft cashmere pullover for cold mornings",
         ["Ribbed cuffs", "Dropped shoulders"],
         [("Cashmere Crewneck Sweater", {}), ("Cashmere V-Neck Sweater", {"fit": "regular", "price": 158})]),
    Line("Quince", "Mongolian Cashmere Cardigan", "cardigan", "cashmere", "regular", "long sleeves",
         "hand wash only", XS_3XL, 89.9, ALL, ["solid"], "an affordable, genuinely soft cashmere cardigan",
         ["Horn-effect buttons", "Ribbed hem"],
         [("Mongolian Cashmere Cardigan", {}), ("Mongolian Cashmere Boyfriend Sweater", {"garment": "sweater",
                                                                                        "price": 59.9})]),
    Line("Loft", "Ribbed Button Cardigan", "cardigan", "cotton", "relaxed", "long sleeves", "machine washable",
         XS_3XL, 69.5, ALL, ["solid", "striped"], "a chunky ribbed cardigan for layering over everything",
         ["Chunky rib knit", "Patch pockets"],
         [("Ribbed Button Cardigan", {}), ("Cropped Ribbed Cardigan", {"fit": "slim", "price": 59.5})]),
    Line("Free People", "Easy Street Pullover", "sweater", "cotton", "oversized", "long sleeves", "hand wash only",
         XS_XL, 128, ALL, ["solid", "striped"], "a slouchy, oversized pullover with a cozy waffle knit",
         ["Waffle knit", "Split hem"],
         [("Easy Street Pullover", {}), ("Easy Street Tunic Pullover", {"price": 138})]),
    Line("Talbots", "Merino Crewneck Sweater", "sweater", "merino wool", "regular", "long sleeves", "hand wash only",
         XS_3XL, 99.5, ALL, ["solid"], "a fine-gauge merino sweater that layers neatly under a jacket",
         ["Fine gauge knit", "Temperature regulating"],
         [("Merino Crewneck Sweater", {}), ("Merino Crewneck Sweater (Plus)", {"sizes": PLUS, "price": 109.5})]),
    Line("Eileen Fisher", "Organic Linen Wide-Leg Pant", "trousers", "linen", "relaxed", None, "machine washable",
         XS_3XL, 198, ["beige", "white", "black", "navy", "green", "brown"], SOLID,
         "a wide-leg pant in crisp organic linen with an easy elastic waist", ["Elastic waist", "Side pockets"],
         [("Organic Linen Wide-Leg Pant", {}), ("Organic Linen Cropped Pant", {"fit": "regular", "price": 178})]),
    Line("Athleta", "Brooklyn Ankle Pant", "trousers", "nylon", "slim", None, "machine washable", XS_3XL, 99,
         ["black", "navy", "gray", "green", "beige"], SOLID, "a travel-ready pant that packs small and dries fast",
         ["Quick-drying", "Zip pocket", "UPF 50+"],
         [("Brooklyn Ankle Pant", {}), ("Brooklyn Jogger", {"fit": "relaxed", "price": 89})]),
    Line("Aritzia", "The Effortless Pant", "trousers", "polyester", "relaxed", None, "machine washable", XS_XL, 148,
         ["black", "beige", "brown", "gray", "navy"], ["solid", "checked"], "a high-waisted, pleated pant that drapes",
         ["Front pleats", "High waist"],
         [("The Effortless Pant", {}), ("The Effortless Pant (Petite)", {"sizes": PETITE})]),
    Line("Lululemon", "Align High-Rise Leggings", "leggings", "nylon", "slim", None, "machine washable", XS_XL, 98,
         ["black", "navy", "green", "purple", "pink", "gray"], SOLID,
         "buttery-soft leggings made for yoga and lounging",
         ["Buttery-soft fabric", "Hidden waistband pocket"],
         [("Align High-Rise Leggings", {}), ("Wunder Train High-Rise Leggings", {"price": 98})]),
    Line("Nike", "One Dri-FIT Shorts", "shorts", "polyester", "regular", None, "machine washable", XS_3XL, 35,
         ["black", "blue", "pink", "purple", "gray", "red"], ["solid", "striped"],
         "light, sweat-wicking training shorts",
         ["Sweat-wicking", "Built-in briefs"],
         [("One Dri-FIT Shorts", {}), ("Tempo Running Shorts", {"fit": "relaxed", "price": 30})]),
    Line("Patagonia", "Better Sweater Fleece Jacket", "jacket", "fleece", "regular", "long sleeves", "machine washable",
         XS_XL, 149, ["gray", "navy", "green", "brown", "purple", "beige"], ["solid"],
         "a sweater-knit fleece jacket made from recycled polyester", ["Full zip", "Zippered hand pockets"],
         [("Women's Better Sweater Fleece Jacket", {}),
          ("Women's Retro Pile Fleece Jacket", {"fit": "relaxed", "price": 139})]),
    Line("Columbia", "Arcadia II Rain Jacket", "jacket", "polyester", "regular", "long sleeves", "machine washable",
         XS_3XL, 80, ["red", "blue", "green", "black", "navy", "yellow"], ["solid"],
         "a packable, waterproof shell with an adjustable hood", ["Waterproof", "Packable hood"],
         [("Arcadia II Rain Jacket", {}), ("Switchback Lined Rain Jacket", {"fit": "relaxed", "price": 70})]),
    Line("Carhartt", "Rugged Flex Canvas Jacket", "jacket", "cotton", "relaxed", "long sleeves", "machine washable",
         XS_3XL, 99.99, ["brown", "black", "green", "navy"], ["solid"],
         "a tough canvas work jacket with a bit of stretch",
         ["Rugged Flex stretch", "Triple-stitched seams"],
         [("Rugged Flex Canvas Jacket", {}), ("Rugged Flex Canvas Jacket (Plus)", {"sizes": PLUS, "price": 109.99})]),
    Line("Everlane", "The ReWool Oversized Coat", "coat", "merino wool", "oversized", "long sleeves",
         "dry clean only", XS_XL, 278, ["beige", "gray", "black", "navy", "brown"], ["solid", "checked"],
         "a dropped-shoulder coat in recycled Italian wool", ["Notch lapels", "Welt pockets"],
         [("The ReWool Oversized Coat", {}), ("The ReWool Car Coat", {"fit": "regular", "price": 248})]),
    Line("Theory", "Tailored Wool Blazer", "blazer", "merino wool", "slim", "long sleeves", "dry clean only", XS_XL,
         395, ["black", "navy", "gray", "beige", "white"], ["solid", "checked"],
         "a sharply tailored single-button blazer", ["Single button", "Fully lined"],
         [("Tailored Wool Blazer", {}), ("Relaxed Linen Blazer", {"material": "linen", "fit": "relaxed",
                                                                 "price": 345})]),
    Line("Ann Taylor", "Seasonless Stretch Blazer", "blazer", "polyester", "regular", "long sleeves",
         "machine washable", XS_3XL, 149, ALL, ["solid", "checked"], "a stretchy, washable blazer for workdays",
         ["Two-way stretch", "Machine washable"],
         [("Seasonless Stretch Blazer", {}), ("Seasonless Stretch Blazer (Petite)", {"sizes": PETITE})]),
    Line("L.L.Bean", "Pima Cotton Polo Shirt", "polo shirt", "cotton", "regular", "short sleeves", "machine washable",
         XS_3XL, 39.95, ALL, ["solid", "striped"], "a classic polo with a soft, durable pima knit",
         ["Three-button placket", "Side vents"],
         [("Pima Cotton Polo Shirt", {}), ("Pima Cotton Sleeveless Polo Shirt", {"sleeve": "sleeveless",
                                                                                "price": 34.95})]),
]

ARCHETYPES = (
    Archetype("professional", (26, 58), ("paralegal", "HR manager", "pharmacist", "architect", "bank teller"),
              ("{n} starts a new job next month and needs things that look sharp at the office.",
               "{n} has been promoted and wants a wardrobe that matches the new role."),
              ("The clothes are mostly for the office.",), ("mid", "high"),
              focus={"garment": ("blouse", "blazer", "trousers", "skirt", "sweater", "dress")}),
    Archetype("student", (18, 25), ("nursing student", "art history major", "engineering freshman"),
              ("{n} is heading back to campus and most of last year's clothes are worn out.",
               "{n} just got a first part-time job and a little money to spend."),
              ("Comfort for long lecture days matters most.",), ("low", "mid"),
              focus={"garment": ("t-shirt", "jeans", "sweater", "leggings", "hoodie", "tank top", "dress")}),
    Archetype("wedding guest", (25, 60), ("event planner", "dental hygienist", "teacher", "florist"),
              ("{n} has three weddings to attend this summer.",
               "{n} was invited to a garden party and has nothing to wear."),
              ("It needs to look special in photos.",), ("low", "mid", "high"),
              focus={"garment": ("dress", "skirt", "blouse")}),
    Archetype("active", (22, 55), ("yoga instructor", "physical therapist", "personal trainer", "park ranger"),
              ("{n} trains five days a week and wears through workout clothes fast.",
               "{n} is training for a first half marathon."),
              ("It has to survive sweat and a lot of washing.",), ("mid", "high"),
              focus={"garment": ("leggings", "shorts", "tank top", "t-shirt", "jacket")}),
    Archetype("retiree", (62, 80), ("retired librarian", "retired nurse", "retired postal worker"),
              ("{n} is going on a long-awaited cruise.", "{n} lost some weight and nothing fits anymore."),
              ("Easy care and comfort come first.",), ("low", "mid"),
              weights={"care": 2.0}),
    Archetype("new parent", (27, 42), ("accountant", "social worker", "graphic designer", "nurse"),
              ("{n} just had a baby and wants clothes that are comfortable and survive spit-up.",
               "{n} is back at work after parental leave and wants easy pieces."),
              ("Everything has to go in the washing machine.",), ("low", "mid"),
              weights={"care": 2.5}),
    Archetype("traveler", (28, 65), ("flight attendant", "consultant", "travel writer", "photographer"),
              ("{n} is packing for a month abroad with a single carry-on.",
               "{n} travels for work every other week."),
              ("Pieces have to pack small and mix and match.",), ("mid", "high"),
              focus={"garment": ("trousers", "jacket", "t-shirt", "dress", "coat", "cardigan")}),
    Archetype("outdoors", (24, 64), ("farmer", "landscaper", "veterinarian", "wildlife biologist"),
              ("{n} spends most days outside in all weather.", "{n} just moved somewhere much colder."),
              ("It has to handle rain and cold.",), ("low", "mid", "high"),
              focus={"garment": ("jacket", "coat", "sweater", "jeans", "trousers")}),
)

PROFILE = PersonaProfile(
    noun="outfit", archetypes=ARCHETYPES, weights=clothing.WEIGHTS, kinds=clothing.KINDS, values=clothing.VALUES,
    hard_phrases=clothing.HARD, soft_phrases=clothing.SOFT, knowledge=clothing.KNOWLEDGE,
    hard_counts=(2, 2, 3, 3, 3, 4), soft_counts=(1, 2, 2, 3), soft_weights=clothing.SOFT_WEIGHTS,
    names=clothing.FEMALE_NAMES)

GUIDES = [
    ("Finding your size when every brand measures differently",
     "Size labels are a starting point, not a promise. Two mediums from different brands can differ by a full inch "
     "at the bust or hip, so measure yourself once and compare against each brand's size chart rather than trusting "
     "the letter on your favourite top. Measure the fullest part of the bust, the natural waist and the fullest part "
     "of the hips with a soft tape, keeping it level and snug but not tight. If you fall between two sizes, think "
     "about the garment: stretchy knits, leggings and wrap dresses forgive sizing down, while woven blouses, blazers "
     "and jeans without stretch are safer a size up and tailored in. Petite lines shorten sleeves, rises and hems for "
     "women around five foot four and under, and plus lines are cut on a different block rather than simply scaled "
     "up, so a plus-size blazer usually fits the shoulders better than the largest regular size. Read reviews for "
     "comments such as runs small or generous through the hip, and check the return policy before you buy more than "
     "one size to try at home."),
    ("Fabrics and care: what you are really signing up for",
     "The fabric decides how a piece feels, how long it lasts and how much work it is. Cotton is breathable and easy "
     "to wash, though it wrinkles and can shrink in a hot dryer. Linen is the coolest choice for summer and softens "
     "with every wash, but it creases the moment you sit down. Silk drapes beautifully and feels luxurious; most silk "
     "needs hand washing or dry cleaning, and it shows water marks. Merino wool regulates temperature, resists odour "
     "and rarely itches, while cashmere is warmer and softer still but pills where it rubs, so keep a fabric comb "
     "handy. Viscose drapes like silk at a fraction of the price, yet it can shrink if washed warm. Polyester and "
     "nylon are durable, quick-drying and wrinkle resistant, which makes them good for travel and workouts, but "
     "they trap heat. Always read the care label before you buy: if you will never take anything to the dry "
     "cleaner, skip pieces marked dry clean only, however good they look on the hanger."),
    ("Choosing a fit that flatters and lasts",
     "Fit is about proportion more than size. A slim fit follows the body closely and looks polished, but it leaves "
     "no room for layering and shows every crease. Regular fits skim the body and are the easiest to wear every day. "
     "Relaxed cuts add ease through the hip and thigh or the body of a top, which is comfortable for long days and "
     "travel, and oversized pieces are deliberately roomy, with dropped shoulders and longer hems. Balance a loose "
     "piece with a fitted one, a wide-leg trouser with a neat knit, or an oversized sweater with slim leggings. For "
     "dresses, think about where the waist sits and how the skirt moves: wrap styles adjust to the body, tiered and "
     "A-line skirts flatter most shapes, and a slip dress needs a fabric with weight to hang well. Check sleeve "
     "length too: short sleeves suit warm offices and layering under cardigans, long sleeves cover you through "
     "autumn, and sleeveless tops work best with a jacket you already own."),
]


def build_catalog() -> Catalog:
    products = clothing.build(LINES, CATEGORY, "wcl", random.Random(SEED))
    return make_catalog(products, CATEGORY, GUIDES, VISUAL)


def build_personas(catalog: Catalog) -> list[Persona]:
    return create_personas(catalog, n=N_PERSONAS, infeasible_share=0.2, seed=SEED, category=CATEGORY,
                           profile=PROFILE)
