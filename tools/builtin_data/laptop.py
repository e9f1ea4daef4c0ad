"""Built-in laptop catalog: 66 laptops from 45 model lines, and three buying guides."""

from __future__ import annotations

import math
import random

from langgraph_salessim.catalog import Product
from langgraph_salessim.images import COLORS

CATEGORY = "laptop"
DIRNAME = "laptops"
SEED = 20250611
VISUAL = ["color"]


def article(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiouAEIOU' else 'a'} {noun}"


# ---------------------------------------------------------------------------------------- products
# brand, model line, kind, os, screen, processors, dedicated GPU (None: integrated), touch, 2-in-1,
# base price, weight (lb), battery (h), body colours, configs (processor index, RAM GB, storage GB)
LINES = [
    ("Acer", "Chromebook 314", "chromebook", "ChromeOS", 14.0, ["Intel Celeron N4500", "MediaTek Kompanio 520"],
     None, False, False, 249, 3.1, 12, ["silver", "blue", "white"], [(0, 4, 64), (1, 8, 128)]),
    ("HP", "Chromebook x360", "chromebook", "ChromeOS", 14.0, ["Intel Core i3"], None, True, True, 429, 3.3, 11,
     ["silver", "white", "green"], [(0, 8, 128)]),
    ("Lenovo", "IdeaPad Flex 3 Chromebook", "chromebook", "ChromeOS", 11.6, ["MediaTek Kompanio 520"], None, True,
     True, 279, 2.6, 12, ["blue", "space gray"], [(0, 4, 64)]),
    ("ASUS", "Chromebook Plus CX34", "chromebook", "ChromeOS", 14.0, ["Intel Core i3"], None, False, False, 399, 3.2,
     10, ["white", "space gray", "green"], [(0, 8, 128), (0, 8, 256)]),
    ("Samsung", "Galaxy Chromebook 2", "chromebook", "ChromeOS", 13.3, ["Intel Core i3"], None, True, False, 549, 2.7,
     10, ["red", "space gray"], [(0, 8, 128)]),
    ("HP", "255 G10", "budget", "Windows", 15.6, ["AMD Ryzen 3", "AMD Ryzen 5"], None, False, False, 379, 3.9, 8,
     ["silver", "black", "blue"], [(0, 8, 256), (1, 16, 512)]),
    ("Lenovo", "IdeaPad 1", "budget", "Windows", 14.0, ["Intel Celeron N4020"], None, False, False, 279, 3.1, 7,
     ["blue", "space gray"], [(0, 4, 128)]),
    ("Acer", "Aspire 5", "budget", "Windows", 15.6, ["Intel Core i5", "Intel Core i7"], None, False, False, 499, 3.9,
     8, ["silver", "space gray"], [(0, 8, 512), (1, 16, 512)]),
    ("Dell", "Inspiron 15", "mainstream", "Windows", 15.6, ["Intel Core i5", "Intel Core i7"], None, False, False,
     549, 3.7, 9, ["silver", "black", "white"], [(0, 8, 512), (1, 16, 1024)]),
    ("Lenovo", "IdeaPad Slim 3", "mainstream", "Windows", 15.6, ["AMD Ryzen 5", "AMD Ryzen 7"], None, False, False,
     449, 3.6, 10, ["space gray", "blue", "silver"], [(0, 8, 256), (1, 16, 512)]),
    ("ASUS", "Vivobook 16", "mainstream", "Windows", 16.0, ["Intel Core i5", "Intel Core i7"], None, False, False,
     529, 4.1, 7, ["silver", "black", "blue"], [(1, 16, 1024)]),
    ("HP", "Essential", "mainstream", "Windows", 17.3, ["Intel Core i5"], None, False, False, 649, 4.6, 7,
     ["silver", "black"], [(0, 16, 512)]),
    ("Lenovo", "IdeaPad 3", "mainstream", "Windows", 17.3, ["AMD Ryzen 7"], None, False, False, 599, 4.8, 7,
     ["space gray", "blue"], [(0, 16, 512)]),
    ("Dell", "Inspiron Plus", "mainstream", "Windows", 16.0, ["Intel Core i7"], None, False, False, 1049, 4.3, 9,
     ["space gray", "silver"], [(0, 16, 1024)]),
    ("Dell", "Inspiron 2-in-1", "convertible", "Windows", 14.0, ["Intel Core i5", "Intel Core i7"], None, True, True,
     699, 3.4, 10, ["silver", "blue", "rose gold"], [(0, 16, 512), (1, 16, 1024)]),
    ("HP", "Pavilion x360", "convertible", "Windows", 14.0, ["Intel Core i5"], None, True, True, 629, 3.3, 9,
     ["silver", "rose gold", "green", "red"], [(0, 8, 512), (0, 16, 512)]),
    ("Lenovo", "Yoga 7i", "convertible", "Windows", 16.0, ["Intel Core i7"], None, True, True, 849, 4.1, 12,
     ["space gray", "blue", "white"], [(0, 16, 1024)]),
    ("Samsung", "Galaxy Book4 360", "convertible", "Windows", 15.6, ["Intel Core 7"], None, True, True, 899, 3.6, 13,
     ["space gray", "silver"], [(0, 16, 512)]),
    ("Microsoft", "Surface Laptop Go 3", "ultrabook", "Windows", 12.4, ["Intel Core i5"], None, True, False, 699,
     2.5, 12, ["silver", "blue", "green", "rose gold"], [(0, 8, 256), (0, 16, 256)]),
    ("Dell", "XPS 13", "ultrabook", "Windows", 13.4, ["Intel Core Ultra 7"], None, False, False, 1099, 2.6, 14,
     ["silver", "space gray", "white"], [(0, 16, 512), (0, 32, 1024)]),
    ("HP", "Spectre x360", "ultrabook", "Windows", 14.0, ["Intel Core Ultra 7"], None, True, True, 1399, 3.2, 15,
     ["black", "blue", "space gray"], [(0, 16, 1024)]),
    ("Lenovo", "ThinkPad X1 Carbon", "business", "Windows", 14.0, ["Intel Core Ultra 5", "Intel Core Ultra 7"], None,
     False, False, 1549, 2.5, 15, ["black"], [(0, 16, 512), (1, 64, 2048)]),
    ("Lenovo", "ThinkPad T14", "business", "Windows", 14.0, ["Intel Core i7"], None, False, False, 1099, 3.0, 12,
     ["black"], [(0, 16, 512)]),
    ("ASUS", "Zenbook 14 OLED", "ultrabook", "Windows", 14.0, ["Intel Core Ultra 5", "Intel Core Ultra 7"], None,
     False, False, 799, 2.8, 15, ["blue", "silver", "white"], [(0, 16, 512), (1, 32, 1024)]),
    ("Acer", "Swift Go 14", "ultrabook", "Windows", 14.0, ["Intel Core Ultra 5"], None, False, False, 729, 2.9, 13,
     ["silver", "rose gold", "green"], [(0, 16, 512)]),
    ("Microsoft", "Surface Laptop 7", "ultrabook", "Windows", 13.8, ["Snapdragon X Plus", "Snapdragon X Elite"], None,
     True, False, 999, 2.9, 18, ["silver", "blue", "green", "black"], [(0, 16, 256), (1, 32, 1024)]),
    ("Samsung", "Galaxy Book4 Pro", "ultrabook", "Windows", 14.0, ["Intel Core Ultra 7"], None, True, False, 1249,
     2.6, 16, ["space gray", "silver"], [(0, 16, 512)]),
    ("Apple", "MacBook Air", "mac", "macOS", 13.6, ["Apple M2", "Apple M3"], None, False, False, 999, 2.7,
     18, ["silver", "space gray", "rose gold", "blue"], [(0, 8, 256), (1, 16, 256), (1, 16, 512)]),
    ("Apple", "MacBook Air", "mac", "macOS", 15.3, ["Apple M3"], None, False, False, 1299, 3.3, 18,
     ["silver", "space gray", "blue"], [(0, 16, 512)]),
    ("Apple", "MacBook Pro", "mac", "macOS", 14.2, ["Apple M3 Pro", "Apple M3 Max"], None, False, False,
     1599, 3.4, 17, ["silver", "space gray", "black"], [(0, 16, 512), (1, 64, 2048)]),
    ("Apple", "MacBook Pro", "mac", "macOS", 16.2, ["Apple M3 Pro"], None, False, False, 2499, 4.7, 22,
     ["silver", "black"], [(0, 32, 1024)]),
    ("ASUS", "TUF Gaming A15", "gaming", "Windows", 15.6, ["AMD Ryzen 7"], "NVIDIA GeForce RTX 4050", False, False,
     849, 4.9, 6, ["space gray", "black"], [(0, 16, 512)]),
    ("ASUS", "ROG Strix G16", "gaming", "Windows", 16.0, ["Intel Core i7"], "NVIDIA GeForce RTX 4070", False, False,
     1399, 5.5, 5, ["space gray", "black"], [(0, 16, 1024), (0, 32, 1024)]),
    ("Acer", "Nitro V", "gaming", "Windows", 15.6, ["Intel Core i5"], "NVIDIA GeForce RTX 4050", False, False, 699,
     4.7, 5, ["black"], [(0, 8, 512)]),
    ("Lenovo", "Legion 5i", "gaming", "Windows", 16.0, ["Intel Core i7"], "NVIDIA GeForce RTX 4060", False, False,
     1199, 5.3, 6, ["space gray", "white"], [(0, 16, 1024), (0, 32, 1024)]),
    ("HP", "Victus", "gaming", "Windows", 15.6, ["AMD Ryzen 5"], "NVIDIA GeForce RTX 3050", False, False, 649, 5.1, 5,
     ["black", "blue", "silver"], [(0, 8, 512), (0, 16, 512)]),
    ("Dell", "G16", "gaming", "Windows", 16.0, ["Intel Core i7"], "NVIDIA GeForce RTX 4060", False, False, 1199, 6.0,
     5, ["space gray", "black"], [(0, 16, 1024)]),
    ("MSI", "Katana 17", "gaming", "Windows", 17.3, ["Intel Core i7"], "NVIDIA GeForce RTX 4060", False, False, 1099,
     5.7, 4, ["black", "red"], [(0, 16, 1024), (0, 32, 1024)]),
    ("HP", "OMEN", "gaming", "Windows", 17.3, ["Intel Core i9"], "NVIDIA GeForce RTX 4080", False, False, 2299, 6.4,
     4, ["black"], [(0, 32, 2048)]),
    ("Razer", "Blade 14", "gaming", "Windows", 14.0, ["AMD Ryzen 9"], "NVIDIA GeForce RTX 4070", False, False, 2199,
     4.0, 8, ["black", "space gray", "white"], [(0, 16, 1024)]),
    ("Acer", "Predator Helios 16", "gaming", "Windows", 16.0, ["Intel Core i9"], "NVIDIA GeForce RTX 4080", False,
     False, 2399, 5.9, 5, ["black", "space gray"], [(0, 32, 2048)]),
    ("Dell", "XPS 16", "creator", "Windows", 16.3, ["Intel Core Ultra 7"], "NVIDIA GeForce RTX 4060", False, False,
     2199, 4.7, 11, ["space gray", "silver"], [(0, 32, 1024), (0, 64, 2048)]),
    ("Microsoft", "Surface Laptop Studio 2", "creator", "Windows", 14.4, ["Intel Core i7"], "NVIDIA GeForce RTX 4050",
     True, False, 2399, 4.2, 14, ["silver"], [(0, 32, 1024)]),
    ("HP", "ENVY 16", "creator", "Windows", 16.0, ["Intel Core Ultra 7"], "NVIDIA GeForce RTX 4060", True, False,
     1399, 4.7, 10, ["silver", "space gray"], [(0, 16, 1024)]),
    ("Lenovo", "ThinkPad P16s", "business", "Windows", 16.0, ["Intel Core i7"], "NVIDIA RTX A500", False, False, 1799,
     3.9, 10, ["black"], [(0, 32, 1024)]),
]

BLURBS = {
    "chromebook": ["a no-fuss Chromebook that boots in seconds and keeps web apps, email and homework moving",
                   "an affordable Chromebook made for browsing, streaming and cloud documents"],
    "budget": ["an everyday laptop that covers browsing, documents and video calls without stretching a budget",
               "a practical machine for home, school and office basics"],
    "mainstream": ["a dependable all-rounder for work, study and entertainment",
                   "a roomy everyday laptop with enough power for multitasking"],
    "convertible": ["a flexible 2-in-1 that folds from laptop to tablet mode for sketching, reading and presenting",
                    "a versatile convertible whose hinge lets you work, watch or write by hand"],
    "ultrabook": ["a slim, light notebook built to travel, with stamina for a full day away from the outlet",
                  "a premium thin-and-light laptop for people who work on the go"],
    "business": ["a rugged business laptop with the security and manageability IT departments ask for",
                 "a professional workhorse with a famously comfortable keyboard"],
    "mac": ["a Mac laptop that pairs Apple silicon efficiency with very long battery life",
            "a quiet, premium Mac notebook with a sharp Retina display"],
    "gaming": ["a gaming laptop built for high frame rates and long sessions",
               "a performance-first gaming machine with serious cooling"],
    "creator": ["a creator laptop with the graphics muscle for video editing, 3D work and photo processing",
                "a powerhouse for creative professionals who need a discrete GPU on the go"],
}
EXTRAS = {
    "chromebook": ["Google apps and automatic updates built in", "Spill-resistant keyboard", "HD webcam"],
    "mac": ["Touch ID", "MagSafe charging", "Three-mic array", "Liquid Retina display"],
    "gaming": ["High-refresh-rate display", "Dual-fan cooling system", "Per-key lighting keyboard"],
    "creator": ["Factory-calibrated display", "Thunderbolt 4 ports", "Quad speakers"],
    "business": ["Fingerprint reader", "Privacy shutter on the webcam", "MIL-STD durability testing"],
    "other": ["Backlit keyboard", "Wi-Fi 6E wireless", "1080p webcam", "USB-C charging", "Fingerprint reader"],
}
OS_FEATURE = {"Windows": "Windows 11 Home", "macOS": "macOS", "ChromeOS": "ChromeOS"}


def storage_label(gb: int) -> str:
    size = f"{gb // 1024}TB" if gb >= 1024 else f"{gb}GB"
    return f"{size} {'eMMC' if gb <= 128 else 'SSD'}"


def build_products(rng: random.Random) -> list[Product]:
    products: list[Product] = []
    used = dict.fromkeys(COLORS, 0)
    for brand, line, kind, os_name, screen, cpus, gpu, touch, convertible, base, weight0, battery0, colors, configs \
            in LINES:
        tiebreak = {c: rng.random() for c in colors}
        ram0, st0 = configs[0][1], configs[0][2]
        step = max(100, base * 0.12)
        line_colors: list[str] = []
        for j, (ci, ram, storage) in enumerate(configs):
            cpu = cpus[ci]
            price = base + step * (math.log2(ram / ram0) + math.log2(storage / st0) + ci)
            price = min(2999.99, round(price / 10) * 10 - 0.01)
            weight = round(weight0 + (0.1 * rng.randint(0, 1) if j else 0.0), 1)
            battery = battery0 - ci
            pid = f"lap-{len(products) + 1:03d}"
            label = f'{line}{" 2-in-1" if convertible and "2-in-1" not in line else ""}'
            label += "" if f"{screen:g}" in line.split() else f' {screen:g}"'
            chip = f"{cpu} chip" if brand == "Apple" else cpu
            name = (f"{brand} - {label} {'Touch-Screen ' if touch else ''}Laptop - {chip} - {ram}GB Memory - "
                    f"{storage_label(storage)}")
            a_cpu = article(cpu)
            blurb = rng.choice(BLURBS[kind])
            graphics = f"{gpu} graphics" if gpu else "Integrated graphics"
            display = f"{screen:g}-inch {'touch-screen ' if touch else ''}display"
            desc = rng.choice([
                f"The {brand} {line} is {blurb}. It pairs {a_cpu} processor with {ram}GB of "
                f"memory and {storage_label(storage)} storage behind a {display}.",
                f"Meet the {brand} {line}: {blurb}. Inside are {a_cpu} processor, {ram}GB of "
                f"memory and {storage_label(storage)} storage, all under a {display}.",
                f"{blurb[0].upper()}{blurb[1:]}, the {brand} {line} runs {OS_FEATURE[os_name]} on "
                f"{a_cpu} processor with {ram}GB of memory, {storage_label(storage)} storage and a {display}.",
            ])
            desc += " " + (f"{gpu} graphics handle demanding games and creative apps." if gpu else
                           rng.choice(["Integrated graphics keep it cool and quiet.",
                                       "Integrated graphics keep power draw low."]))
            desc += rng.choice([f" Rated for up to {battery} hours of battery life, it weighs {weight:.1f} lbs.",
                                f" It weighs {weight:.1f} lbs and lasts up to {battery} hours on a charge."])
            optional = [graphics, f"Up to {battery} hours of battery life", f"{weight:.1f} lbs",
                        OS_FEATURE[os_name], *EXTRAS.get(kind, EXTRAS["other"])]
            features = [display, f"{cpu} processor", f"{ram}GB memory", f"{storage_label(storage)} storage"]
            features += rng.sample(optional, rng.randint(0, 3))
            attributes = {
                "brand": brand, "os": os_name, "processor": cpu, "ram_gb": ram, "storage_gb": storage,
                "screen_in": screen, "weight_lb": weight, "battery_hours": battery,
                "gpu": "dedicated" if gpu else "integrated", "touchscreen": touch,
                "color": min(colors, key=lambda c: (c in line_colors, used[c], tiebreak[c])),
            }
            used[attributes["color"]] += 1
            line_colors.append(attributes["color"])
            products.append(Product(
                id=pid, name=name, category="laptop", price=price, description=desc, features=features,
                weight=f"{weight:.1f} lbs", rating=round(rng.uniform(3.7, 4.9), 1), image=f"images/{pid}.png",
                attributes=attributes,
            ))
    names = [p.name for p in products]
    assert len(set(names)) == len(names), "product names must be unique"
    return products


GUIDES = [
    ("How much memory and storage do you really need?",
     "Memory (RAM) is the desk your laptop works on; storage is the filing cabinet. With too little RAM, a laptop "
     "slows to a crawl as soon as you open a dozen browser tabs next to a video call. For browsing, email and "
     "documents, 8GB is a workable floor today, and Chromebooks manage well with 4GB to 8GB because the operating "
     "system is light. If you keep many apps open, edit photos, or want the machine to age gracefully over four or "
     "five years, 16GB is the comfortable choice. Video editors, developers running containers or virtual machines, "
     "and anyone working with large 3D scenes should look at 32GB or more. Storage is easier to reason about: add up "
     "what you keep locally. A 128GB or smaller eMMC drive suits cloud-first users but fills quickly with photos and "
     "games. 256GB covers most office users, 512GB is a safe middle ground, and 1TB or more makes sense for game "
     "libraries, raw photos and video projects. Prefer an SSD over eMMC when you can: it is noticeably faster at "
     "starting apps and copying files. Many thin laptops solder memory to the board, so buy the amount you will need "
     "later rather than planning an upgrade."),
    ("Screen size versus portability",
     "Screen size drives almost everything else about a laptop: its footprint, its weight, how much battery fits "
     "inside and often its price. Models between 11.6 and 13.6 inches are the easiest to carry; many weigh under 3 "
     "pounds and slip into a tote or a small backpack, which matters if you commute on foot or by bike, or fly "
     "often. The trade-off is a cramped view when two windows sit side by side. 14-inch laptops are today's sweet "
     "spot, with room for a full keyboard and a usable split screen at roughly 3 to 3.5 pounds. At 15.6 and 16 "
     "inches you gain a number pad on many models and a display that is kinder to older eyes and spreadsheet work, "
     "but expect 3.5 to 4.5 pounds. 17.3-inch machines are desktop replacements: great to look at, usually 4.5 "
     "pounds or more, and they rarely leave the house. A useful rule: if you will carry it daily, hold the weight "
     "you are considering in your bag for a day before you decide. If it mostly stays on a desk, a bigger screen or "
     "an external monitor is the better investment. Touchscreens and 2-in-1 hinges add a little weight, but let you "
     "sketch, sign documents or use the laptop as a tablet."),
    ("Battery life, graphics and choosing an operating system",
     "Advertised battery figures come from light, controlled tests, so treat them as a ceiling: real use with a "
     "bright screen and video calls often lands at 60 to 75 percent of the claim. Thin laptops with efficient "
     "processors, including Apple's M-series Macs and recent Snapdragon Windows machines, regularly last a full "
     "working day, while gaming laptops with dedicated graphics may need the charger after four or five hours. A "
     "dedicated GPU is worth its weight and cost only if you play demanding games, edit video or render 3D; for "
     "everything else, integrated graphics are cooler, quieter and easier on the battery. The operating system "
     "shapes the whole experience. Windows offers the widest choice of hardware and software, including most games "
     "and specialised business tools. macOS runs only on Apple laptops, integrates tightly with iPhones and iPads, "
     "and is popular with creative professionals, but Mac laptops start at a higher price and none has a "
     "touchscreen. ChromeOS is simple, secure and inexpensive, with automatic updates and web apps; it suits "
     "students, children and anyone who lives in a browser, but it cannot run many desktop programs. Before "
     "choosing, list the two or three applications you cannot live without and check they run on the platform."),
]
