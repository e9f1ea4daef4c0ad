"""Built-in smartwatches: 64 products from 36 model lines (case sizes as variants), guides and persona profile."""

from __future__ import annotations

import random

from builtin_data.common import Balancer, make_catalog, price
from langgraph_salessim.catalog import Catalog, Product
from langgraph_salessim.images import visual_values
from langgraph_salessim.persona_generator import create_personas
from langgraph_salessim.persona_text import Archetype, PersonaProfile
from langgraph_salessim.personas import Persona

CATEGORY = "smart_watch"
DIRNAME = "smart_watches"
SEED = 20250714
VISUAL = ["color", "band_style"]
N_PERSONAS = 74

IOS, ANDROID, BOTH = ["iPhone"], ["Android"], ["iPhone", "Android"]
SPORTY = ["black", "silver", "blue", "green", "white"]
DRESSY = ["silver", "gold", "rose gold", "black", "brown"]
ALL = ["black", "silver", "gold", "rose gold", "white", "blue", "green", "brown"]
BANDS = ["silicone", "metal link", "leather"]

# brand, model, os, compatibility, gps, cellular, ecg, battery hours, water m, shape, colours, bands,
# [(case mm, weight g, price)], kind, extras
LINES = [
    ("Apple", "Watch Series 9", "watchOS", IOS, True, False, True, 18, 50, "square", ["black", "silver", "rose gold",
     "white", "blue"], BANDS, [(41, 32, 399), (45, 39, 429)], "everyday", ["Always-On Retina display",
                                                                          "Double tap gesture", "Crash Detection"]),
    ("Apple", "Watch Series 9 GPS + Cellular", "watchOS", IOS, True, True, True, 18, 50, "square", ["black", "silver",
     "rose gold", "white"], BANDS, [(41, 32, 499), (45, 39, 529)], "everyday", ["Always-On Retina display",
                                                                               "Calls without your phone"]),
    ("Apple", "Watch Series 9 Stainless Steel", "watchOS", IOS, True, True, True, 18, 50, "square",
     ["gold", "silver", "black"], ["metal link", "leather"], [(41, 42, 699), (45, 52, 749)], "luxury",
     ["Sapphire crystal", "Stainless steel case"]),
    ("Apple", "Watch SE (2nd Gen)", "watchOS", IOS, True, False, False, 18, 50, "square", ["black", "silver",
     "white", "rose gold"], ["silicone", "leather"], [(40, 26, 249), (44, 33, 279)], "budget",
     ["Fall Detection", "Heart rate notifications"]),
    ("Apple", "Watch Ultra 2", "watchOS", IOS, True, True, True, 36, 100, "square", ["silver", "black"],
     ["silicone", "metal link"], [(49, 61, 799)], "rugged", ["Precision dual-frequency GPS", "Dive computer app",
                                                            "Titanium case"]),
    ("Samsung", "Galaxy Watch6", "Wear OS", ANDROID, True, False, True, 40, 50, "round", ["black", "silver", "gold",
     "white"], ["silicone", "leather"], [(40, 29, 299), (44, 33, 329)], "everyday", ["Sleep coaching",
                                                                                    "Body composition sensor"]),
    ("Samsung", "Galaxy Watch6 LTE", "Wear OS", ANDROID, True, True, True, 40, 50, "round", ["black", "silver",
     "gold"], ["silicone", "metal link"], [(40, 29, 349), (44, 33, 379)], "everyday", ["Calls without your phone",
                                                                                      "Sleep coaching"]),
    ("Samsung", "Galaxy Watch6 Classic", "Wear OS", ANDROID, True, False, True, 40, 50, "round", ["black",
     "silver"], ["leather", "metal link", "silicone"], [(43, 52, 399), (47, 59, 429)], "luxury",
     ["Rotating bezel", "Stainless steel case"]),
    ("Samsung", "Galaxy Watch Ultra", "Wear OS", ANDROID, True, True, True, 96, 100, "round", ["silver", "white",
     "black"], ["silicone"], [(47, 60, 649)], "rugged", ["Titanium case", "Quick button", "Dual-frequency GPS"]),
    ("Google", "Pixel Watch 2", "Wear OS", ANDROID, True, False, True, 24, 50, "round", ["black", "silver", "gold"],
     ["silicone", "metal link", "leather"], [(41, 31, 349)], "everyday", ["Fitbit health tracking",
                                                                          "Safety Check"]),
    ("Google", "Pixel Watch 2 LTE", "Wear OS", ANDROID, True, True, True, 24, 50, "round", ["black", "silver",
     "gold"], ["silicone", "leather"], [(41, 31, 399)], "everyday", ["Calls without your phone",
                                                                     "Fitbit health tracking"]),
    ("Fitbit", "Versa 4", "Fitbit OS", BOTH, True, False, False, 144, 50, "square", ["black", "rose gold", "blue",
     "white"], ["silicone"], [(40, 38, 199)], "fitness", ["40+ exercise modes", "Sleep profile"]),
    ("Fitbit", "Sense 2", "Fitbit OS", BOTH, True, False, True, 144, 50, "square", ["black", "silver", "gold"],
     ["silicone", "leather"], [(40, 40, 249)], "fitness", ["Stress management sensor", "Skin temperature"]),
    ("Garmin", "Forerunner 265", "Garmin OS", BOTH, True, False, False, 312, 50, "round", ["black", "white",
     "blue"], ["silicone"], [(42, 39, 449), (46, 47, 449)], "fitness", ["Training readiness", "Race predictor"]),
    ("Garmin", "Forerunner 965", "Garmin OS", BOTH, True, False, False, 552, 50, "round", ["black", "white",
     "silver"], ["silicone"], [(47, 53, 599)], "fitness", ["Full-color maps", "Titanium bezel"]),
    ("Garmin", "Forerunner 55", "Garmin OS", BOTH, True, False, False, 480, 50, "round", ["black", "white", "blue"],
     ["silicone"], [(42, 37, 199)], "budget", ["Daily suggested workouts", "Pacing tools"]),
    ("Garmin", "Venu 3", "Garmin OS", BOTH, True, False, True, 336, 50, "round", ["black", "silver", "gold",
     "white"], ["silicone", "leather"], [(41, 40, 449), (45, 47, 449)], "everyday", ["Sleep coach",
                                                                                    "Wheelchair mode"]),
    ("Garmin", "fenix 7 Pro Solar", "Garmin OS", BOTH, True, False, False, 432, 100, "round", ["black", "silver"],
     ["silicone", "metal link"], [(47, 73, 799), (51, 89, 899)], "rugged", ["Solar charging", "Built-in flashlight",
                                                                            "Topo maps"]),
    ("Garmin", "Instinct 2 Solar", "Garmin OS", BOTH, True, False, False, 672, 100, "round", ["black", "green",
     "blue", "white"], ["silicone"], [(40, 42, 349), (45, 53, 399)], "rugged", ["Solar charging",
                                                                                "Military-standard durability"]),
    ("Garmin", "Vivoactive 5", "Garmin OS", BOTH, True, False, False, 264, 50, "round", ["black", "white", "blue",
     "gold"], ["silicone"], [(42, 36, 299)], "fitness", ["Body Battery energy monitoring", "Sleep coach"]),
    ("Garmin", "Lily 2", "Garmin OS", BOTH, False, False, False, 120, 50, "round", ["gold", "rose gold", "silver",
     "white"], ["leather", "silicone", "metal link"], [(35, 24, 249)], "luxury", ["Hidden display",
                                                                                  "Menstrual cycle tracking"]),
    ("Amazfit", "GTR 4", "Zepp OS", BOTH, True, False, False, 336, 50, "round", ["black", "silver", "brown"],
     ["silicone", "leather"], [(46, 34, 199)], "budget", ["Dual-band GPS", "Alexa built in"]),
    ("Amazfit", "GTS 4", "Zepp OS", BOTH, True, False, False, 168, 50, "square", ["black", "rose gold", "blue"],
     ["silicone"], [(43, 27, 199)], "budget", ["150+ sports modes", "Alexa built in"]),
    ("Amazfit", "T-Rex Ultra", "Zepp OS", BOTH, True, False, False, 480, 100, "round", ["black", "green"],
     ["silicone"], [(47, 89, 399)], "rugged", ["Mud and frost resistant", "Offline maps"]),
    ("Amazfit", "Bip 5", "Zepp OS", BOTH, True, False, False, 240, 30, "square", ["black", "white", "rose gold"],
     ["silicone"], [(49, 26, 89)], "budget", ["Bluetooth calls", "Large display"]),
    ("Amazfit", "Balance", "Zepp OS", BOTH, True, False, False, 336, 50, "round", ["black", "gold"],
     ["silicone", "leather"], [(46, 35, 229)], "fitness", ["Readiness score", "Body composition"]),
    ("Withings", "ScanWatch 2", "Withings OS", BOTH, False, False, True, 720, 100, "round", ["silver", "black",
     "rose gold", "white"], ["silicone", "leather", "metal link"], [(38, 42, 349), (42, 58, 349)], "luxury",
     ["Analog hands", "Temperature tracking"]),
    ("Withings", "ScanWatch Light", "Withings OS", BOTH, False, False, False, 720, 50, "round", ["silver", "gold",
     "black"], ["leather", "silicone"], [(37, 44, 249)], "luxury", ["Analog hands", "Cycle tracking"]),
    ("Huawei", "Watch GT 4", "HarmonyOS", BOTH, True, False, False, 336, 50, "round", ["black", "brown", "gold",
     "silver"], ["leather", "metal link", "silicone"], [(41, 37, 249), (46, 48, 269)], "everyday",
     ["Octagonal bezel design", "Calorie management"]),
    ("Fossil", "Gen 6 Smartwatch", "Wear OS", ANDROID, True, False, False, 24, 30, "round", ["silver", "gold",
     "rose gold", "black", "brown"], ["leather", "metal link"], [(42, 43, 299), (44, 45, 299)], "luxury",
     ["Rapid charging", "Stainless steel case"]),
    ("OnePlus", "Watch 2", "Wear OS", ANDROID, True, False, False, 96, 50, "round", ["black", "silver"],
     ["silicone"], [(47, 49, 299)], "everyday", ["Dual-engine battery", "Sapphire crystal"]),
    ("Mobvoi", "TicWatch Pro 5", "Wear OS", ANDROID, True, False, False, 72, 50, "round", ["black"],
     ["silicone"], [(50, 44, 349)], "fitness", ["Dual display", "Military-standard durability"]),
    ("Polar", "Ignite 3", "Polar OS", BOTH, True, False, False, 120, 30, "round", ["black", "gold", "brown"],
     ["silicone"], [(43, 35, 329)], "fitness", ["Nightly recharge", "FitSpark workout guide"]),
    ("Coros", "Pace 3", "Coros OS", BOTH, True, False, False, 576, 50, "round", ["black", "white", "blue"],
     ["silicone"], [(42, 30, 229)], "fitness", ["Dual-frequency GPS", "Track run mode"]),
    ("Suunto", "Race S", "Suunto OS", BOTH, True, False, False, 216, 50, "round", ["black", "silver", "green"],
     ["silicone", "leather"], [(45, 60, 349)], "rugged", ["Offline maps", "Stainless steel bezel"]),
    ("Apple", "Watch SE (2nd Gen) GPS + Cellular", "watchOS", IOS, True, True, False, 18, 50, "square",
     ["black", "silver", "white"], ["silicone"], [(40, 27, 299), (44, 33, 329)], "budget",
     ["Fall Detection", "Calls without your phone"]),
    ("Samsung", "Galaxy Watch FE", "Wear OS", ANDROID, True, False, True, 40, 50, "round", ["black", "silver",
     "rose gold"], ["silicone"], [(40, 26, 199)], "budget", ["Sleep coaching", "Sapphire crystal"]),
    ("Google", "Pixel Watch 3", "Wear OS", ANDROID, True, False, True, 24, 50, "round", ["black", "silver", "gold"],
     ["silicone", "metal link"], [(41, 31, 349), (45, 37, 399)], "everyday", ["Loss of pulse detection",
                                                                              "Fitbit health tracking"]),
    ("Garmin", "Venu Sq 2", "Garmin OS", BOTH, True, False, False, 264, 50, "square", ["black", "white", "gold",
     "blue"], ["silicone"], [(40, 38, 249)], "budget", ["Body Battery energy monitoring", "Sleep score"]),
    ("Garmin", "epix Pro", "Garmin OS", BOTH, True, False, False, 240, 100, "round", ["black", "silver"],
     ["silicone", "metal link"], [(42, 58, 899), (47, 70, 899), (51, 89, 999)], "rugged",
     ["AMOLED display", "Built-in flashlight", "Topo maps"]),
    ("Amazfit", "Active", "Zepp OS", BOTH, True, False, False, 336, 50, "square", ["black", "rose gold", "green"],
     ["silicone", "leather"], [(42, 24, 139)], "budget", ["AI fitness coach", "Bluetooth calls"]),
    ("Withings", "ScanWatch Nova", "Withings OS", BOTH, False, False, True, 720, 100, "round", ["black", "blue",
     "green"], ["metal link", "silicone"], [(42, 80, 599)], "luxury", ["Rotating diver bezel", "Analog hands"]),
    ("Polar", "Vantage V3", "Polar OS", BOTH, True, False, True, 144, 50, "round", ["black", "silver", "gold"],
     ["silicone"], [(47, 57, 599)], "fitness", ["Offline maps", "Biosensing ECG"]),
    ("Huawei", "Watch Fit 3", "HarmonyOS", BOTH, True, False, False, 240, 50, "square", ["black", "white",
     "rose gold", "green"], ["silicone", "leather"], [(43, 26, 159)], "budget", ["Ultra-thin design",
                                                                                 "Calorie management"]),
    ("Apple", "Watch Series 9 Hermes Edition", "watchOS", IOS, True, True, True, 18, 50, "square", ["silver"],
     ["leather"], [(41, 42, 1249), (45, 52, 1299)], "luxury", ["Exclusive watch faces", "Stainless steel case"]),
]
BLURBS = {
    "everyday": ["a do-it-all smartwatch for notifications, health tracking and workouts",
                 "an everyday companion that keeps your health and messages on your wrist"],
    "luxury": ["a dressy smartwatch that looks as good with a suit as at the gym",
               "a refined smartwatch with premium materials and classic lines"],
    "rugged": ["a tough outdoor watch built for long adventures far from a charger",
               "a rugged adventure watch with navigation and serious battery life"],
    "fitness": ["a training-focused watch with detailed workout and recovery data",
                "a fitness watch that tracks runs, rides and recovery"],
    "budget": ["an affordable smartwatch that covers the essentials",
               "a great-value watch with the basics done well"],
}


def _battery(hours: int) -> str:
    return f"up to {hours // 24} days of battery life" if hours >= 48 else f"up to {hours} hours of battery life"


def build_products(rng: random.Random) -> list[Product]:
    values = visual_values(CATEGORY)
    colors, bands = Balancer(list(values["color"]), rng), Balancer(list(values["band_style"]), rng)
    products: list[Product] = []
    for (brand, model, os_name, compat, gps, cell, ecg, battery, water, shape, allowed, band_styles, sizes, kind,
         extras) in LINES:
        used: list[str] = []
        for case, weight, cost in sizes:
            pid = f"swt-{len(products) + 1:03d}"
            color = colors.pick(allowed, used)
            used.append(color)
            band = bands.pick(band_styles)
            name = f"{brand} - {model} {case}mm" if " + " not in model else \
                f"{brand} - {model.split(' GPS + ')[0]} {case}mm GPS + Cellular"
            phones = " and ".join(compat)
            desc = rng.choice([
                "The {model} is {blurb}. Its {case}mm {shape} case runs {os} and pairs with {phones}, with {bat}.",
                "{Blurb}, the {brand} {model} pairs with {phones} and offers {bat} in a {case}mm {shape} case.",
                "Meet the {brand} {model}: {blurb}. {Bat}, water resistance to {water} meters and a {case}mm case.",
            ]).format(model=model, blurb=rng.choice(BLURBS[kind]), Blurb=rng.choice(BLURBS[kind]).capitalize(),
                      case=case, shape=shape, os=os_name, phones=phones, bat=_battery(battery),
                      Bat=_battery(battery).capitalize(), brand=brand, water=water)
            features = [f"{case}mm {shape} case", f"Works with {phones}", _battery(battery).capitalize(),
                        f"Water resistant to {water}m", f"{weight} g"]
            features += [x for x, on in (("Built-in GPS", gps), ("Cellular (LTE) model", cell), ("ECG app", ecg))
                         if on]
            features += rng.sample(extras, min(len(extras), rng.randint(1, 2)))
            products.append(Product(
                id=pid, name=name, category=CATEGORY, price=price(cost), description=desc, features=features,
                weight=f"{weight} g", rating=round(rng.uniform(3.8, 4.9), 1), image=f"images/{pid}.png",
                attributes={"brand": brand, "os": os_name, "compatibility": list(compat), "gps": gps,
                            "cellular": cell, "ecg": ecg, "battery_hours": battery, "water_resistance_m": water,
                            "case_mm": case, "weight_g": weight, "display_shape": shape, "color": color,
                            "band_style": band},
            ))
    return products


ARCHETYPES = (
    Archetype("runner", (19, 58), ("marathon runner", "physical education teacher", "triathlete", "barista"),
              ("{n} is training for a marathon and the phone app is not cutting it.",
               "{n} runs before work every day and wants better pacing data."),
              ("Mostly for running and training.",), ("mid", "high"),
              weights={"gps": 3.0, "battery_hours": 2.0, "weight_g": 1.5}, focus={"gps": (True,)}),
    Archetype("outdoors", (24, 66), ("park ranger", "mountain guide", "geologist", "commercial fisherman"),
              ("{n} goes on week-long backpacking trips.", "{n} works outdoors far from any charger."),
              ("Battery life and toughness come first.",), ("mid", "high"),
              weights={"battery_hours": 3.0, "water_resistance_m": 2.0, "gps": 2.0}),
    Archetype("health", (45, 80), ("retired pharmacist", "bookkeeper", "retired firefighter", "church organist"),
              ("{n}'s doctor suggested keeping an eye on heart rhythm.",
               "{n} wants to track sleep and daily steps after a health scare."),
              ("It is mostly for health tracking.",), ("low", "mid"), weights={"ecg": 3.0, "display_shape": 1.5}),
    Archetype("professional", (27, 60), ("corporate lawyer", "real-estate agent", "hospital administrator"),
              ("{n} wants fewer phone checks in meetings.", "{n} wants a watch that goes with a suit."),
              ("It has to look right at work.",), ("mid", "high"),
              weights={"band_style": 2.0, "color": 2.0, "cellular": 1.5}),
    Archetype("student", (16, 24), ("high-school senior", "college sophomore", "nursing student"),
              ("{n} got some birthday money and wants a first smartwatch.",
               "{n} wants to leave the phone in the locker during practice."),
              ("Price matters a lot.",), ("low", "mid"), weights={"price": 3.0}),
    Archetype("swimmer", (18, 70), ("lifeguard", "swim coach", "scuba instructor", "surfer"),
              ("{n} swims laps five mornings a week.", "{n} spends weekends on the water."),
              ("It has to survive the water.",), ("mid", "high"), weights={"water_resistance_m": 4.0}),
    Archetype("parent", (30, 50), ("stay-at-home parent", "nurse", "delivery driver"),
              ("{n} wants to take calls while pushing a stroller.", "{n} is buying a gift for a partner."),
              ("It should make busy days easier.",), ("low", "mid"), weights={"cellular": 2.0}),
    Archetype("style", (22, 55), ("boutique owner", "fashion photographer", "jeweller"),
              ("{n} cares as much about how it looks as what it does.",
               "{n} wants a smartwatch that does not look like a gadget."),
              ("Looks matter most.",), ("low", "mid", "high"),
              weights={"color": 3.0, "band_style": 3.0, "display_shape": 2.0}),
)

PROFILE = PersonaProfile(
    noun="smartwatch", archetypes=ARCHETYPES,
    weights={"compatibility": 3.0, "price": 2.0, "gps": 1.2, "ecg": 0.8, "cellular": 0.8, "battery_hours": 1.5,
             "water_resistance_m": 1.0, "case_mm": 1.0, "weight_g": 0.6, "display_shape": 0.8, "brand": 0.8,
             "os": 0.0, "color": 1.2, "band_style": 1.2},
    directions={"case_mm": "<=", "weight_g": "<=", "battery_hours": ">=", "water_resistance_m": ">="},
    kinds={"brand": ("is", "not", "one_of"), "display_shape": ("is",), "band_style": ("is", "is", "not"),
           "color": ("is", "is", "one_of", "not"), "compatibility": ("has",), "gps": ("yes",), "ecg": ("yes",),
           "cellular": ("yes",)},
    hard_phrases={
        "compatibility:has": ["it has to work with my {v}", "I use {a}, so it must be compatible",
                              "if it doesn't pair with {a}, it's useless to me", "{v} compatibility is a must"],
        "battery_hours:min": ["I need at least {q}", "it has to last {v} or more between charges",
                              "anything under {v} on a charge is a no-go", "{q} at minimum, I hate charging"],
        "water_resistance_m:min": ["it needs at least {q}", "I swim, so {v}m water resistance or better",
                                   "{q} minimum", "it must handle water down to {v} meters"],
        "case_mm:max": ["the case can't be bigger than {v}mm, I have small wrists",
                        "{v}mm is the biggest case I'll wear",
                        "nothing over {v}mm", "a {v}mm case or smaller"],
        "weight_g:max": ["it can't weigh more than {v} grams", "{v} g at most, I wear it to sleep",
                         "nothing heavier than {v} grams", "it has to be {v} grams or lighter"],
        "color:is": ["it has to be {v}", "I'll only wear it in {v}", "the colour must be {v}",
                     "if it isn't {v}, I'm not interested"],
        "color:one_of": ["it has to be {v}", "I'll only wear {v}", "{v}, nothing else", "the finish must be {v}"],
        "color:not": ["anything but {v}", "no {v}, it clashes with everything I own", "it can't be {v}",
                      "{v} is off the table"],
        "band_style:is": ["it has to come with a {v} band", "I only wear {v} bands", "the band must be {v}",
                          "a {v} band is a must"],
        "band_style:not": ["no {v} bands, they irritate my skin", "anything but a {v} band", "I won't wear {v}",
                           "the band can't be {v}"],
        "display_shape:is": ["I want a {v} face", "the display has to be {v}", "only a {v} watch face for me",
                             "{v} face or nothing"],
        "gps:yes": ["it must have built-in GPS", "GPS is non-negotiable", "no GPS, no deal",
                    "I need GPS so I can leave my phone at home", "built-in GPS or I walk",
                    "it has to track my routes with its own GPS"],
        "ecg:yes": ["it must have an ECG app", "an ECG sensor is non-negotiable", "no ECG, no deal",
                    "my doctor wants ECG readings, so it needs one", "it has to take an ECG",
                    "I won't buy one without ECG"],
        "cellular:yes": ["it has to have cellular", "I need a cellular model so I can call without my phone",
                         "LTE is a must", "no cellular, no deal", "it must work without my phone nearby, so cellular",
                         "cellular connectivity is required"],
    },
    soft_phrases={
        "battery_hours:min": ["{q} would be nice", "ideally it lasts {v} on a charge", "I'd like {q} or more",
                              "longer battery, {v} or so, would help"],
        "band_style:is": ["a {v} band would be nice", "I lean toward {v} bands", "ideally a {v} band",
                          "I'd love a {v} band"],
        "color:is": ["I'd love it in {v}", "{v} would be my pick", "if it comes in {v}, even better",
                     "I have a soft spot for {v}"],
    },
    knowledge={
        "low": ["Has never owned a smartwatch and is not sure what they can do.",
                "Uses a phone for calls and photos and little else.",
                "Heard about smartwatches from friends and finds the options overwhelming."],
        "mid": ["Has worn a basic fitness band for a few years.",
                "Knows which phone they have and roughly what battery life to expect.",
                "Read a couple of reviews comparing the big brands."],
        "high": ["Has tried several watches and compares GPS accuracy and heart-rate sensors.",
                 "Follows wearable tech news and knows every brand's software.",
                 "Analyses training data in spreadsheets and knows what each sensor measures."],
    },
    soft_weights={"compatibility": 0.0, "os": 0.0},
)

GUIDES = [
    ("Start with your phone",
     "The single most important question about a smartwatch is which phone it will live with. Apple Watch works only "
     "with an iPhone, and most of today's Wear OS watches from Samsung, Google, Fossil and OnePlus need an Android "
     "phone. Garmin, Fitbit, Amazfit, Withings, Huawei, Polar, Coros and Suunto watches pair with both, which makes "
     "them a safe choice for households with a mix of phones or for anyone who might switch. Check what you lose on "
     "the other platform: replying to messages, contactless payments and voice assistants often work fully only with "
     "the phone the watch was designed for. Cellular models add their own mobile connection so you can call, stream "
     "music or get help without carrying your phone, but they cost more up front and need a separate line from your "
     "carrier. If you mainly want notifications and fitness tracking, a Bluetooth model is plenty, and it leaves more "
     "money for the features you will use every day."),
    ("Battery life, GPS and the sensors that matter",
     "Battery life ranges from about a day to several weeks. Watches with bright always-on screens and full app stores "
     "usually need charging every night or two, while fitness watches with efficient displays last one to three "
     "weeks, and solar models stretch that further. Built-in GPS lets you map runs, rides and hikes without a phone, "
     "but it is the biggest drain on the battery, so check how many hours a watch manages with GPS switched on, not "
     "only in standby. Dual-frequency GPS is more accurate near tall buildings and under trees. For health, almost "
     "every watch now tracks heart rate and sleep; an ECG app can record your heart rhythm and flag signs of atrial "
     "fibrillation, which some doctors like to see. Water resistance of 50 meters is fine for swimming laps; choose "
     "100 meters for snorkelling or open-water sports, and a dedicated dive watch for scuba. If you swim in the sea, "
     "rinse the watch in fresh water afterwards to keep the buttons and seals working."),
    ("Size, comfort and style",
     "A watch you take off is a watch that tracks nothing, so comfort matters. Case sizes run from about 35 to 51 "
     "millimeters: smaller wrists usually prefer 40 to 42 millimeters, and very large cases can bump the back of your "
     "hand. Lighter watches, under about 40 grams, are easier to wear to bed for sleep tracking. Round faces look "
     "like a traditional watch, while square screens show more text at once. Bands change the look and feel more "
     "than anything else: silicone sport bands are cheap, sweat-proof and easy to clean, metal link bracelets and "
     "leather straps dress a watch up but do not like sweat or water, and most watches use standard pins so you can "
     "swap bands later. Look at the case finish in person or in photos, because colour names differ from brand to "
     "brand, and choose a finish that suits what you wear every day."),
]


def build_catalog() -> Catalog:
    return make_catalog(build_products(random.Random(SEED)), CATEGORY, GUIDES, VISUAL)


def build_personas(catalog: Catalog) -> list[Persona]:
    return create_personas(catalog, n=N_PERSONAS, infeasible_share=0.2, seed=SEED, category=CATEGORY,
                           profile=PROFILE)
