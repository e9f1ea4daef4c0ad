"""Built-in gaming gadgets: 64 controllers, headsets, keyboards, mice and handhelds, guides and persona profile."""

from __future__ import annotations

import random

from builtin_data.common import Balancer, make_catalog, price
from langgraph_salessim.catalog import Catalog, Product
from langgraph_salessim.images import visual_values
from langgraph_salessim.persona_generator import create_personas
from langgraph_salessim.persona_text import Archetype, PersonaProfile
from langgraph_salessim.personas import Persona

CATEGORY = "game_gadget"
DIRNAME = "game_gadgets"
SEED = 20250715
VISUAL = ["color"]
N_PERSONAS = 74

PC, MAC, PS, XB, NS, MOB = "PC", "Mac", "PlayStation", "Xbox", "Nintendo Switch", "Mobile"
ALL = ["black", "white", "gray", "red", "blue", "green", "purple", "pink"]
DARK = ["black", "gray", "white"]

# brand, name, type, platforms, wireless, battery h (None when wired), weight g, RGB, price, colours, extras,
# extra attributes (switch_type for keyboards, dpi for mice)
ITEMS = [
    ("Sony", "DualSense Wireless Controller", "controller", [PS, PC], True, 12, 280, False, 69.99, ALL,
     ["Haptic feedback", "Adaptive triggers", "Built-in microphone"], {}),
    ("Sony", "DualSense Edge Wireless Controller", "controller", [PS, PC], True, 8, 325, False, 199.99, DARK,
     ["Swappable stick modules", "Back buttons", "Carrying case"], {}),
    ("Microsoft", "Xbox Wireless Controller", "controller", [XB, PC, MOB], True, 40, 287, False, 59.99, ALL,
     ["Textured grips", "Share button", "AA batteries included"], {}),
    ("Microsoft", "Xbox Elite Wireless Controller Series 2", "controller", [XB, PC], True, 40, 345, False, 179.99,
     DARK, ["Adjustable-tension thumbsticks", "Rechargeable battery", "Four paddles"], {}),
    ("Nintendo", "Switch Pro Controller", "controller", [NS, PC], True, 40, 246, False, 69.99, DARK + ["purple"],
     ["HD rumble", "Amiibo support", "Motion controls"], {}),
    ("8BitDo", "Ultimate Bluetooth Controller", "controller", [NS, PC, MOB], True, 22, 230, False, 49.99,
     ["white", "black", "purple", "pink"], ["Charging dock", "Hall effect sticks"], {}),
    ("8BitDo", "Ultimate C Wired Controller", "controller", [PC, MOB], False, None, 210, False, 19.99,
     ["purple", "green", "white"], ["USB-C cable", "Turbo function"], {}),
    ("PowerA", "Enhanced Wired Controller for Xbox", "controller", [XB, PC], False, None, 220, False, 34.99, ALL,
     ["Mappable gaming buttons", "Detachable cable"], {}),
    ("PowerA", "Enhanced Wired Controller for Nintendo Switch", "controller", [NS], False, None, 200, False, 29.99,
     ALL, ["Mappable gaming buttons", "3 m cable"], {}),
    ("Razer", "Wolverine V2 Chroma", "controller", [XB, PC], False, None, 274, True, 149.99, ["black", "white"],
     ["Mecha-tactile face buttons", "Six remappable buttons"], {}),
    ("Razer", "Wolverine V2 Pro", "controller", [PS, PC], True, 28, 284, True, 249.99, ["black", "white"],
     ["Hyperspeed wireless", "Trigger stops"], {}),
    ("Turtle Beach", "Stealth Ultra Controller", "controller", [XB, PC, MOB], True, 30, 310, True, 199.99,
     ["black", "white"], ["Built-in display", "Charging dock"], {}),
    ("Turtle Beach", "Recon Controller", "controller", [XB, PC], False, None, 250, False, 59.99,
     ["black", "white", "blue"], ["Superhuman hearing audio mode", "Rear buttons"], {}),
    ("Backbone", "One Mobile Gaming Controller", "controller", [MOB], False, None, 136, False, 99.99,
     ["white", "black", "gray"], ["Plugs straight into your phone", "Pass-through charging"], {}),
    ("Razer", "Kishi V2", "controller", [MOB], False, None, 162, False, 99.99, ["black", "gray"],
     ["Plugs straight into your phone", "Microswitch buttons"], {}),
    ("GameSir", "G7 SE Wired Controller", "controller", [XB, PC], False, None, 225, False, 44.99,
     ["white", "black", "pink"], ["Hall effect sticks", "Back buttons"], {}),
    ("SteelSeries", "Arctis Nova 7 Wireless", "headset", [PC, PS, NS, MOB], True, 38, 325, False, 179.99,
     ["black", "white", "gray"], ["Simultaneous Bluetooth", "Retractable microphone"], {}),
    ("SteelSeries", "Arctis Nova 1", "headset", [PC, PS, XB, NS, MOB], False, None, 236, False, 59.99,
     ["black", "white"], ["3.5 mm jack", "Retractable microphone"], {}),
    ("HyperX", "Cloud III Wireless", "headset", [PC, PS, NS], True, 120, 300, False, 169.99, ["black", "red"],
     ["DTS Headphone:X spatial audio", "Detachable microphone"], {}),
    ("HyperX", "Cloud III", "headset", [PC, PS, XB, NS, MOB], False, None, 310, False, 99.99,
     ["black", "red", "pink"], ["Memory foam cushions", "Detachable microphone"], {}),
    ("Razer", "Kraken V3", "headset", [PC], False, None, 325, True, 99.99, ["black", "white", "pink"],
     ["THX spatial audio", "USB connection"], {}),
    ("Razer", "Barracuda X", "headset", [PC, PS, NS, MOB], True, 50, 250, False, 99.99, ["black", "white", "pink"],
     ["USB-C dongle", "Bluetooth"], {}),
    ("Logitech", "G Pro X 2 Lightspeed", "headset", [PC, PS, NS, MOB], True, 50, 345, False, 249.99,
     ["black", "white", "pink"], ["Graphene drivers", "Detachable microphone"], {}),
    ("Logitech", "G435 Lightspeed", "headset", [PC, PS, MOB], True, 18, 165, False, 79.99,
     ["black", "white", "blue"], ["Ultra-light design", "Built-in beamforming microphones"], {}),
    ("Sony", "Pulse 3D Wireless Headset", "headset", [PS, PC], True, 12, 292, False, 99.99, ["white", "black"],
     ["Tempest 3D audio", "Dual noise-cancelling microphones"], {}),
    ("Sony", "INZONE H9", "headset", [PS, PC], True, 32, 330, False, 299.99, ["white"],
     ["Active noise cancelling", "Boom microphone"], {}),
    ("Corsair", "HS80 RGB Wireless", "headset", [PC, PS], True, 20, 367, True, 149.99, ["black", "white"],
     ["Dolby Atmos", "Broadcast-grade microphone"], {}),
    ("Corsair", "HS55 Stereo", "headset", [PC, PS, XB, NS, MOB], False, None, 282, False, 59.99,
     ["black", "white"], ["3.5 mm jack", "Flip-to-mute microphone"], {}),
    ("Turtle Beach", "Stealth 600 Gen 3", "headset", [XB, PC, NS, MOB], True, 80, 290, False, 99.99,
     ["black", "white", "blue"], ["Flip-to-mute microphone", "Bluetooth"], {}),
    ("Microsoft", "Xbox Wireless Headset", "headset", [XB, PC], True, 15, 312, False, 99.99, ["black", "gray"],
     ["Ear-cup volume dials", "Auto-mute microphone"], {}),
    ("Astro", "A50 X", "headset", [PS, XB, PC], True, 24, 364, False, 379.99, ["black", "white"],
     ["Base station with HDMI pass-through", "Platform switching"], {}),
    ("Logitech", "G915 TKL Lightspeed", "keyboard", [PC, MAC], True, 40, 810, True, 229.99, ["black", "white"],
     ["Low-profile keys", "Aluminum top plate"], {"switch_type": "tactile"}),
    ("Logitech", "G413 SE", "keyboard", [PC], False, None, 930, False, 79.99, ["black", "gray"],
     ["PBT keycaps", "Aluminum top plate"], {"switch_type": "tactile"}),
    ("Razer", "Huntsman V3 Pro TKL", "keyboard", [PC], False, None, 890, True, 219.99, ["black", "white"],
     ["Analog optical switches", "Magnetic wrist rest"], {"switch_type": "linear"}),
    ("Razer", "DeathStalker V2 Pro", "keyboard", [PC, MAC], True, 40, 900, True, 249.99, ["black", "white"],
     ["Low-profile optical switches", "Multi-device Bluetooth"], {"switch_type": "linear"}),
    ("SteelSeries", "Apex Pro TKL", "keyboard", [PC, MAC], False, None, 974, True, 189.99, ["black", "white"],
     ["Adjustable actuation", "OLED smart display"], {"switch_type": "linear"}),
    ("SteelSeries", "Apex 9 TKL", "keyboard", [PC], False, None, 830, True, 139.99, ["black", "gray"],
     ["Hot-swappable optical switches", "Detachable cable"], {"switch_type": "linear"}),
    ("Corsair", "K70 RGB Pro", "keyboard", [PC, MAC], False, None, 1200, True, 169.99, ["black", "white"],
     ["Cherry MX switches", "Detachable wrist rest"], {"switch_type": "linear"}),
    ("Corsair", "K65 Plus Wireless", "keyboard", [PC, MAC], True, 266, 860, True, 159.99, ["black", "white"],
     ["Hot-swappable switches", "Gasket-mounted design"], {"switch_type": "linear"}),
    ("Keychron", "K2 Wireless Mechanical Keyboard", "keyboard", [PC, MAC, MOB], True, 72, 680, True, 99.99,
     ["gray", "black", "white"], ["Mac and Windows keycaps", "Bluetooth 5.1"], {"switch_type": "tactile"}),
    ("Keychron", "Q1 Pro", "keyboard", [PC, MAC], True, 300, 1900, True, 199.99, ["gray", "black", "blue", "green"],
     ["Full aluminum body", "QMK and VIA support"], {"switch_type": "clicky"}),
    ("HyperX", "Alloy Origins Core", "keyboard", [PC], False, None, 900, True, 89.99, ["black", "pink", "white"],
     ["Aircraft-grade aluminum body", "Detachable cable"], {"switch_type": "linear"}),
    ("Ducky", "One 3 SF", "keyboard", [PC, MAC], False, None, 750, True, 119.99, ["black", "white", "pink", "blue"],
     ["Hot-swappable sockets", "Double-shot PBT keycaps"], {"switch_type": "clicky"}),
    ("Logitech", "G Pro X TKL Lightspeed", "keyboard", [PC, MAC], True, 50, 960, True, 199.99,
     ["black", "white", "pink"], ["Tournament-ready compact layout", "Multimedia controls"], {"switch_type": "clicky"}),
    ("Wooting", "60HE", "keyboard", [PC], False, None, 605, True, 174.99, ["black", "white"],
     ["Rapid trigger", "Analog input"], {"switch_type": "linear"}),
    ("Logitech", "G Pro X Superlight 2", "mouse", [PC, MAC], True, 95, 60, False, 159.99, ["black", "white", "pink"],
     ["Hero 2 sensor", "Lightforce hybrid switches"], {"dpi": 32000}),
    ("Logitech", "G502 X Plus", "mouse", [PC, MAC], True, 130, 106, True, 159.99, ["black", "white"],
     ["Hyper-fast scroll wheel", "13 programmable controls"], {"dpi": 25600}),
    ("Logitech", "G203 Lightsync", "mouse", [PC, MAC], False, None, 85, True, 39.99, ["black", "white", "blue",
     "purple"], ["Six programmable buttons", "Classic shape"], {"dpi": 8000}),
    ("Razer", "DeathAdder V3 Pro", "mouse", [PC], True, 90, 63, False, 149.99, ["black", "white"],
     ["Ergonomic right-handed shape", "Optical switches"], {"dpi": 30000}),
    ("Razer", "Basilisk V3", "mouse", [PC], False, None, 101, True, 69.99, ["black"],
     ["Tilt scroll wheel", "11 programmable buttons"], {"dpi": 26000}),
    ("Razer", "Viper V2 Pro", "mouse", [PC], True, 80, 58, False, 149.99, ["black", "white"],
     ["Symmetrical shape", "Optical switches"], {"dpi": 30000}),
    ("SteelSeries", "Aerox 3 Wireless", "mouse", [PC, MAC], True, 200, 68, True, 99.99, ["black", "white"],
     ["Water-resistant honeycomb shell", "Dual wireless"], {"dpi": 18000}),
    ("SteelSeries", "Rival 3", "mouse", [PC], False, None, 77, True, 29.99, ["black", "white"],
     ["Durable switches", "Six programmable buttons"], {"dpi": 8500}),
    ("Corsair", "M65 RGB Ultra", "mouse", [PC], False, None, 97, True, 79.99, ["black", "white"],
     ["Tunable weights", "Sniper button"], {"dpi": 26000}),
    ("Corsair", "Harpoon RGB Wireless", "mouse", [PC, MAC], True, 60, 99, True, 59.99, ["black", "gray"],
     ["Slipstream wireless", "Bluetooth"], {"dpi": 10000}),
    ("Glorious", "Model O 2 Wireless", "mouse", [PC, MAC], True, 110, 68, True, 99.99, ["black", "white"],
     ["Lightweight shell", "Glorious switches"], {"dpi": 26000}),
    ("Glorious", "Model D 2", "mouse", [PC, MAC], False, None, 62, True, 69.99, ["black", "white", "gray"],
     ["Ergonomic shape", "Paracord-style cable"], {"dpi": 26000}),
    ("Zowie", "EC2-CW", "mouse", [PC], True, 70, 77, False, 149.99, ["black"],
     ["Ergonomic right-handed shape", "Plug-and-play"], {"dpi": 3200}),
    ("HyperX", "Pulsefire Haste 2", "mouse", [PC, MAC], False, None, 53, True, 59.99, ["black", "white", "pink"],
     ["Ultra-light shell", "Flexible cable"], {"dpi": 26000}),
    ("Nintendo", "Switch OLED", "handheld console", [NS], True, 9, 420, False, 349.99, ["white", "red", "blue"],
     ["7-inch OLED screen", "Detachable Joy-Con controllers", "64GB storage"], {}),
    ("Nintendo", "Switch Lite", "handheld console", [NS], True, 7, 275, False, 199.99, ["gray", "blue", "pink",
     "purple", "green"], ["Compact and light", "Built-in controls"], {}),
    ("Valve", "Steam Deck OLED 512GB", "handheld console", [PC], True, 12, 640, False, 549.0, ["black", "white"],
     ["HDR OLED screen", "Trackpads"], {}),
    ("Valve", "Steam Deck OLED 1TB", "handheld console", [PC], True, 12, 640, False, 649.0, ["black", "gray"],
     ["HDR OLED screen", "Anti-glare etched glass"], {}),
    ("ASUS", "ROG Ally Z1 Extreme", "handheld console", [PC], True, 3, 608, True, 649.99, ["white", "black"],
     ["120 Hz screen", "Windows 11"], {}),
    ("Lenovo", "Legion Go", "handheld console", [PC], True, 3, 854, True, 699.99, ["black", "gray"],
     ["8.8-inch screen", "Detachable controllers"], {}),
    ("Sony", "PlayStation Portal Remote Player", "handheld console", [PS], True, 7, 529, False, 199.99,
     ["white", "black"], ["Streams games from your PS5", "8-inch LCD screen"], {}),
    ("Logitech", "G Cloud Gaming Handheld", "handheld console", [MOB], True, 12, 463, False, 299.99, ["white", "gray"],
     ["Cloud gaming services", "Android apps"], {}),
]
BLURBS = {
    "controller": ["a comfortable gamepad with responsive sticks and triggers",
                   "a controller built for long sessions on the couch"],
    "headset": ["a gaming headset with clear chat and immersive sound",
                "a comfortable headset for long nights of multiplayer"],
    "keyboard": ["a mechanical gaming keyboard with fast, precise switches",
                 "a sturdy keyboard that makes every keystroke count"],
    "mouse": ["a precise gaming mouse with a high-accuracy sensor",
              "a fast, light mouse for competitive shooters"],
    "handheld console": ["a handheld gaming console that takes your library anywhere",
                         "a portable console for gaming on the go"],
}
PLATFORM_TEXT = {PC: "PC", MAC: "Mac", PS: "PlayStation", XB: "Xbox", NS: "Nintendo Switch", MOB: "phones"}


def build_products(rng: random.Random) -> list[Product]:
    colors = Balancer(list(visual_values(CATEGORY)["color"]), rng)
    products: list[Product] = []
    for brand, name, kind, platforms, wireless, battery, weight, rgb, cost, allowed, extras, more in ITEMS:
        pid = f"ggd-{len(products) + 1:03d}"
        works = ", ".join(PLATFORM_TEXT[p] for p in platforms)
        link = "wireless" if wireless else "wired"
        desc = rng.choice([
            "The {brand} {name} is {blurb}. It works with {works}{battery} and weighs {weight} g.",
            "{Blurb}: the {brand} {name} is a {link} {kind} for {works}{battery}.",
            "Meet the {brand} {name}, {blurb}. Compatible with {works}; {weight} g{battery}.",
        ]).format(brand=brand, name=name, blurb=rng.choice(BLURBS[kind]), Blurb=rng.choice(BLURBS[kind]).capitalize(),
                  works=works, weight=weight, link=link, kind=kind,
                  battery=f", with up to {battery} hours of battery life" if battery else "")
        features = [f"{link.capitalize()} {kind}", f"Works with {works}", f"{weight} g"]
        if battery:
            features.append(f"Up to {battery} hours of battery life")
        if rgb:
            features.append("RGB lighting")
        if "switch_type" in more:
            features.append(f"{more['switch_type'].capitalize()} mechanical switches")
        if "dpi" in more:
            features.append(f"{more['dpi']:,} DPI sensor")
        features += rng.sample(extras, min(len(extras), rng.randint(1, 2)))
        attributes: dict = {"brand": brand, "product_type": kind, "platforms": list(platforms), "wireless": wireless}
        if battery:
            attributes["battery_hours"] = battery
        attributes |= {"weight_g": weight, "rgb_lighting": rgb, **more, "color": colors.pick(allowed)}
        products.append(Product(
            id=pid, name=f"{brand} - {name}", category=CATEGORY, price=price(cost), description=desc,
            features=features, weight=f"{weight} g", rating=round(rng.uniform(3.7, 4.9), 1), image=f"images/{pid}.png",
            attributes=attributes,
        ))
    return products


ARCHETYPES = (
    Archetype("competitive", (16, 34), ("esports club captain", "software tester", "delivery driver", "line cook"),
              ("{n} plays ranked shooters every night and every millisecond counts.",
               "{n} just qualified for a local tournament."), ("It is for competitive play.",), ("mid", "high"),
              weights={"weight_g": 2.0, "dpi": 2.0, "wireless": 1.5},
              focus={"product_type": ("mouse", "keyboard", "headset")}),
    Archetype("console", (12, 50), ("middle-school student", "warehouse associate", "nurse", "electrician"),
              ("{n} plays co-op games on the couch with family every weekend.",
               "{n}'s old controller has stick drift and it drives them mad."),
              ("Mostly for console games.",), ("low", "mid"), weights={"platforms": 5.0},
              focus={"product_type": ("controller", "headset")}),
    Archetype("streamer", (18, 35), ("part-time streamer", "video editor", "community manager"),
              ("{n} streams three nights a week and wants the setup to look good on camera.",
               "{n} is rebuilding a desk setup from scratch."), ("It will be on camera a lot.",), ("mid", "high"),
              weights={"rgb_lighting": 3.0, "color": 2.5}),
    Archetype("gift", (30, 70), ("dentist", "bus driver", "retired teacher", "school principal"),
              ("{n} is buying a birthday present for a gaming-obsessed grandchild.",
               "{n} wants a holiday gift for a teenager and knows nothing about games."),
              ("It is a gift.",), ("low",), weights={"price": 4.0, "platforms": 4.0}),
    Archetype("commuter", (20, 45), ("consultant", "graduate student", "flight attendant", "sales rep"),
              ("{n} spends two hours a day on trains.", "{n} travels for work and wants to game in hotel rooms."),
              ("It has to travel well.",), ("mid", "high"), weights={"battery_hours": 3.0, "weight_g": 2.0},
              focus={"product_type": ("handheld console", "controller", "headset")}),
    Archetype("pc builder", (17, 45), ("IT technician", "mechanical engineer", "data analyst"),
              ("{n} just built a new gaming PC and wants peripherals to match.",
               "{n} types all day at work and games all evening."), ("It is for a desk setup.",), ("high",),
              weights={"switch_type": 3.0}, focus={"product_type": ("keyboard", "mouse")}),
    Archetype("retro", (28, 55), ("record-store owner", "librarian", "sound engineer"),
              ("{n} collects old games and plays them on every platform.",
               "{n} wants one device to play a backlog of games."), ("Mostly for older and indie games.",),
              ("mid", "high"), weights={"platforms": 3.0}),
)

PROFILE = PersonaProfile(
    noun="gaming accessory", archetypes=ARCHETYPES,
    weights={"product_type": 4.0, "platforms": 3.0, "price": 2.0, "wireless": 1.2, "battery_hours": 1.0,
             "weight_g": 0.8, "rgb_lighting": 0.8, "switch_type": 1.0, "dpi": 0.8, "brand": 0.8, "color": 1.5},
    directions={"weight_g": "<=", "battery_hours": ">=", "dpi": ">="},
    kinds={"product_type": ("is",), "platforms": ("has",), "wireless": ("yes", "no"), "rgb_lighting": ("yes", "no"),
           "switch_type": ("is", "not"), "brand": ("is", "not", "one_of"), "color": ("is", "is", "one_of", "not")},
    hard_phrases={
        "product_type:is": ["I'm shopping for {a}", "it has to be {a}, that's what I came for",
                            "I need {a}, nothing else", "specifically {a}"],
        "platforms:has": ["it has to work with {v}", "I play on {v}, so it must support that",
                          "{v} support is non-negotiable", "if it doesn't work with {v}, it's useless to me"],
        "wireless:yes": ["it has to be wireless", "no cables, I want it wireless", "wireless or nothing",
                         "I'm done with cords, it must be wireless"],
        "wireless:no": ["it has to be wired, I don't trust wireless latency", "I want a wired one",
                        "no batteries to charge, so wired only", "a cable is a must for me"],
        "rgb_lighting:yes": ["it needs RGB lighting", "RGB is a must for my setup", "no RGB, no deal",
                             "it has to light up, RGB please"],
        "rgb_lighting:no": ["no RGB lighting, I find it tacky", "I don't want RGB", "skip anything with RGB",
                            "lights are a dealbreaker, no RGB"],
        "switch_type:is": ["it has to have {v} switches", "{v} switches only", "I only type on {v} switches",
                           "if the switches aren't {v}, I pass"],
        "switch_type:not": ["no {v} switches", "anything but {v} switches", "I can't stand {v} switches",
                            "{v} switches are a dealbreaker"],
        "battery_hours:min": ["the battery has to last at least {v}", "{q} minimum",
                              "I need {v} or more on a charge", "anything under {v} of battery is a no-go"],
        "weight_g:max": ["it can't weigh more than {v} grams", "{v} g at most", "nothing heavier than {v} grams",
                         "it has to be {v} grams or lighter"],
        "dpi:min": ["the sensor needs at least {v} DPI", "{v} DPI minimum", "nothing under {v} DPI",
                    "I need a sensor of {v} DPI or more"],
        "color:is": ["it has to be {v}", "I'll only take it in {v}", "the colour must be {v} to match my setup",
                     "if it isn't {v}, I'm not interested"],
        "color:one_of": ["it has to be {v}", "{v}, to match my desk", "only {v} will do", "the colour must be {v}"],
        "color:not": ["anything but {v}", "no {v}, it clashes with my setup", "it can't be {v}",
                      "{v} is off the table"],
    },
    soft_phrases={
        "rgb_lighting:yes": ["RGB would be a bonus", "some RGB would look nice", "I'd like RGB lighting",
                             "RGB lighting would be fun"],
        "wireless:yes": ["wireless would be nice", "I'd prefer wireless", "ideally no cable",
                         "going wireless would be a bonus"],
        "color:is": ["I'd love it in {v}", "{v} would match my setup", "if it comes in {v}, even better",
                     "I have a soft spot for {v}"],
    },
    knowledge={
        "low": ["Does not game much and does not know what the specs mean.",
                "Buys for someone else and only knows which console they have.",
                "Plays casual games and has never bought an accessory."],
        "mid": ["Plays most evenings and knows the difference between wired and wireless.",
                "Has owned a few controllers and headsets and knows what wore out.",
                "Watches reviews on video sites before buying."],
        "high": ["Knows sensor models, polling rates and switch types by heart.",
                 "Builds PCs and mods controllers as a hobby.",
                 "Plays competitively and tunes every setting."],
    },
    soft_weights={"product_type": 0.0, "platforms": 0.0},
)

GUIDES = [
    ("Pick the platform first",
     "Before comparing features, check that an accessory works with what you play on. Console controllers are tied "
     "to their console: a DualSense is made for PlayStation, an Xbox controller for Xbox, and the Pro Controller for "
     "Nintendo Switch, though most also work on a PC. Third-party controllers are often licensed for one console "
     "only, so read the box. Headsets are more flexible: a model with a 3.5 mm jack plugs into almost any controller, "
     "while wireless headsets depend on a USB dongle or Bluetooth and may not talk to every console. Keyboards and "
     "mice are mostly for PCs, with some supporting Macs; mobile controllers clip around a phone. Handheld consoles "
     "are platforms of their own: a Switch plays Switch games, a Steam Deck or ROG Ally runs your PC library, and "
     "the PlayStation Portal streams games from a PS5 on the same network rather than running them itself, so it "
     "needs a good home connection to feel responsive."),
    ("Wired or wireless?",
     "Modern wireless gear is fast enough for almost everyone. Dongle-based wireless mice and headsets deliver "
     "latency you cannot feel, and Bluetooth is fine for casual play, music and calls. What wireless costs you is "
     "charging: controllers last anywhere from eight hours to several days, headsets from half a day to over a "
     "hundred hours, and gaming mice a few days to a couple of weeks. Wired gear never runs flat, is lighter because "
     "it carries no battery, and is often cheaper, which is why some competitive players still prefer it. Think about "
     "where you play: from the couch, wireless is worth it; at a desk a cable rarely gets in the way. Whichever you "
     "choose, check the weight: a light mouse is easier to flick across the pad, while a heavier headset can press "
     "on your head after a few hours. Try to hold or wear the gear before buying, or check the return window, "
     "because comfort is personal."),
    ("Keyboards, mice and lighting",
     "Mechanical keyboards differ mostly by their switches. Linear switches travel smoothly with no bump and are "
     "popular for fast games; tactile switches have a small bump that tells your finger a key registered, which many "
     "typists like; clicky switches add an audible click that is satisfying but loud for shared rooms and voice "
     "chat. Tenkeyless and compact layouts drop the number pad to give your mouse more room. For mice, shape and "
     "weight matter more than the highest DPI figure: any modern sensor above a few thousand DPI is precise enough, "
     "and most players use far less. Pick a shape that suits your grip and a weight you can control. RGB lighting is "
     "purely cosmetic: it looks great on stream and in a dark room, costs battery life on wireless gear, and can "
     "usually be switched off if you change your mind. Software matters too: check that the companion app runs on "
     "your system before you rely on macros or lighting profiles."),
]


def build_catalog() -> Catalog:
    return make_catalog(build_products(random.Random(SEED)), CATEGORY, GUIDES, VISUAL)


def build_personas(catalog: Catalog) -> list[Persona]:
    return create_personas(catalog, n=N_PERSONAS, infeasible_share=0.2, seed=SEED, category=CATEGORY,
                           profile=PROFILE)
