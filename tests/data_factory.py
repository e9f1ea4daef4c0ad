"""A small laptop catalog in our own format, shared by the test suite.

Use `write_small_catalog(directory)` to write `catalog.json` (and render the product
images next to it), then `load_catalog` the returned path; or use the `small_catalog`
fixture from `tests/conftest.py`.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from langgraph_salessim.catalog import Product
from langgraph_salessim.images import render_product_image

CATEGORY = "laptop"


def _laptop(
    pid: str,
    name: str,
    price: float,
    *,
    description: str,
    features: list[str],
    rating: float,
    brand: str,
    os: str,
    processor: str,
    ram_gb: int,
    storage_gb: int,
    screen_in: float,
    weight_lb: float,
    battery_hours: int,
    gpu: str,
    touchscreen: bool,
    color: str,
    ports: list[str],
) -> dict[str, Any]:
    return {
        "id": pid,
        "name": name,
        "category": CATEGORY,
        "price": price,
        "description": description,
        "features": features,
        "weight": f"{weight_lb} lbs",
        "rating": rating,
        "image": f"images/{pid}.png",
        "attributes": {
            "brand": brand,
            "os": os,
            "processor": processor,
            "ram_gb": ram_gb,
            "storage_gb": storage_gb,
            "screen_in": screen_in,
            "weight_lb": weight_lb,
            "battery_hours": battery_hours,
            "gpu": gpu,
            "touchscreen": touchscreen,
            "color": color,
            "ports": ports,
        },
    }


PRODUCTS: list[dict[str, Any]] = [
    _laptop(
        "lt-001", "Apple MacBook Air 13 M2 8GB 256GB", 999.0,
        description="Thin and fanless ultraportable for students and everyday writing.",
        features=["13.6 inch Liquid Retina display", "Apple M2 chip", "8GB unified memory", "256GB SSD",
                  "Up to 18 hours of battery life"],
        rating=4.7, brand="Apple", os="macOS", processor="Apple M2", ram_gb=8, storage_gb=256,
        screen_in=13.6, weight_lb=2.7, battery_hours=18, gpu="integrated", touchscreen=False,
        color="silver", ports=["usb-c", "headphone"],
    ),
    _laptop(
        "lt-002", "Apple MacBook Pro 14 M3 Pro 18GB 512GB", 1999.0,
        description="Pro laptop for video editing, music production and software development.",
        features=["14.2 inch Liquid Retina XDR display", "Apple M3 Pro chip", "18GB unified memory", "512GB SSD",
                  "HDMI and SD card slot"],
        rating=4.8, brand="Apple", os="macOS", processor="Apple M3 Pro", ram_gb=18, storage_gb=512,
        screen_in=14.2, weight_lb=3.4, battery_hours=17, gpu="integrated", touchscreen=False,
        color="space gray", ports=["usb-c", "thunderbolt", "hdmi", "sd-card"],
    ),
    _laptop(
        "lt-003", "Dell XPS 13 Plus Intel Core i7 16GB 512GB", 1299.99,
        description="Premium compact Windows ultrabook with an edge-to-edge touch display.",
        features=["13.4 inch OLED touch display", "Intel Core i7-1360P", "16GB memory", "512GB SSD"],
        rating=4.3, brand="Dell", os="Windows", processor="Intel Core i7", ram_gb=16, storage_gb=512,
        screen_in=13.4, weight_lb=2.7, battery_hours=12, gpu="integrated", touchscreen=True,
        color="black", ports=["usb-c", "thunderbolt"],
    ),
    _laptop(
        "lt-004", "Lenovo ThinkPad X1 Carbon Gen 11 Intel Core i5 16GB 512GB", 1449.0,
        description="Business laptop with a legendary keyboard, built for road warriors.",
        features=["14 inch WUXGA display", "Intel Core i5-1335U", "16GB memory", "512GB SSD",
                  "MIL-STD tested durability"],
        rating=4.5, brand="Lenovo", os="Windows", processor="Intel Core i5", ram_gb=16, storage_gb=512,
        screen_in=14.0, weight_lb=2.5, battery_hours=15, gpu="integrated", touchscreen=False,
        color="red", ports=["usb-c", "usb-a", "hdmi", "thunderbolt"],
    ),
    _laptop(
        "lt-005", "HP Pavilion 15 AMD Ryzen 5 8GB 512GB", 649.99,
        description="Affordable family laptop with a roomy screen and a number pad.",
        features=["15.6 inch Full HD touch display", "AMD Ryzen 5 7530U", "8GB memory", "512GB SSD",
                  "Numeric keypad"],
        rating=4.1, brand="HP", os="Windows", processor="AMD Ryzen 5", ram_gb=8, storage_gb=512,
        screen_in=15.6, weight_lb=3.9, battery_hours=8, gpu="integrated", touchscreen=True,
        color="blue", ports=["usb-c", "usb-a", "hdmi"],
    ),
    _laptop(
        "lt-006", "ASUS ROG Zephyrus G14 AMD Ryzen 9 32GB 1TB RTX 4060", 1599.99,
        description="Compact gaming laptop with a dedicated NVIDIA graphics card.",
        features=["14 inch 165Hz display", "AMD Ryzen 9 8945HS", "32GB memory", "1TB SSD",
                  "NVIDIA GeForce RTX 4060 graphics"],
        rating=4.6, brand="ASUS", os="Windows", processor="AMD Ryzen 9", ram_gb=32, storage_gb=1024,
        screen_in=14.0, weight_lb=3.6, battery_hours=10, gpu="dedicated", touchscreen=False,
        color="white", ports=["usb-c", "usb-a", "hdmi"],
    ),
    _laptop(
        "lt-007", "Acer Chromebook 314 Intel Celeron 4GB 64GB", 279.0,
        description="Simple, inexpensive Chromebook for web browsing and homework.",
        features=["14 inch HD display", "Intel Celeron N4500", "4GB memory", "64GB eMMC storage"],
        rating=3.9, brand="Acer", os="ChromeOS", processor="Intel Celeron", ram_gb=4, storage_gb=64,
        screen_in=14.0, weight_lb=3.2, battery_hours=10, gpu="integrated", touchscreen=False,
        color="green", ports=["usb-c", "usb-a"],
    ),
    _laptop(
        "lt-008", "Microsoft Surface Laptop 5 Intel Core i5 8GB 256GB", 899.99,
        description="Elegant touchscreen laptop with an Alcantara keyboard deck.",
        features=["13.5 inch PixelSense touch display", "Intel Core i5-1235U", "8GB memory", "256GB SSD"],
        rating=4.2, brand="Microsoft", os="Windows", processor="Intel Core i5", ram_gb=8, storage_gb=256,
        screen_in=13.5, weight_lb=2.9, battery_hours=17, gpu="integrated", touchscreen=True,
        color="rose gold", ports=["usb-c", "usb-a"],
    ),
]
"""Eight laptops; every colour is different and none is written in the product text."""

BUYING_GUIDES: list[dict[str, str]] = [
    {
        "category": CATEGORY,
        "title": "How much RAM do you need?",
        "text": (
            "Memory decides how many apps stay responsive at once.\n"
            "For browsing and documents 8GB is enough; photo editing and many tabs call for 16GB.\n"
            "Video editing and virtual machines benefit from 32GB."
        ),
    },
    {
        "category": CATEGORY,
        "title": "Choosing a gaming laptop",
        "text": (
            "A dedicated graphics card (GPU) such as an NVIDIA RTX matters most for games.\n"
            "Look for a high refresh rate display, 120Hz or more, and good cooling."
        ),
    },
    {
        "category": CATEGORY,
        "title": "Battery life for travel",
        "text": (
            "Frequent flyers should look for all-day battery life of 12 hours or more.\n"
            "Lighter machines under 3 pounds are easier to carry through airports."
        ),
    },
]

CATALOG: dict[str, Any] = {
    "products": PRODUCTS,
    "visual_attributes": {CATEGORY: ["color"]},
    "buying_guides": BUYING_GUIDES,
}


def small_catalog_data() -> dict[str, Any]:
    """A deep copy of the small catalog as a JSON-ready dict (safe to modify)."""
    return copy.deepcopy(CATALOG)


def write_small_catalog(directory: str | Path) -> Path:
    """Write the small catalog as `catalog.json` into `directory`, render its images, return the JSON path."""
    directory = Path(directory)
    (directory / "images").mkdir(parents=True, exist_ok=True)
    data = small_catalog_data()
    path = directory / "catalog.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    for raw in data["products"]:
        product = Product.model_validate(raw)
        render_product_image(product).save(directory / raw["image"], format="PNG")
    return path
