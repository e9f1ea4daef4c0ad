"""Generate the built-in catalogs, product images and personas of every category, deterministically.

Usage: python tools/generate_builtin_data.py [--out DIR] [--category NAME ...]
(default DIR: langgraph_salessim/data/; each category goes to DIR/<its directory>/).
Output is byte-stable for a given Pillow. The per-category generators live in tools/builtin_data/.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for path in (REPO, Path(__file__).resolve().parent):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from builtin_data.common import make_catalog, summarize, write_category  # noqa: E402

from langgraph_salessim.catalog import Catalog  # noqa: E402
from langgraph_salessim.personas import Persona  # noqa: E402

DEFAULT_OUT = REPO / "langgraph_salessim" / "data"
CATEGORIES = ["laptop", "womens_clothing", "mens_clothing", "smart_watch", "game_gadget"]


def build(category: str) -> tuple[str, Catalog, list[Persona]]:
    """(directory name, catalog, personas) of one built-in category."""
    if category == "laptop":
        from builtin_data import laptop, laptop_personas

        catalog = make_catalog(laptop.build_products(random.Random(laptop.SEED)), "laptop", laptop.GUIDES,
                               laptop.VISUAL)
        return laptop.DIRNAME, catalog, laptop_personas.build_personas(random.Random(laptop.SEED + 1), catalog)
    module = importlib.import_module(f"builtin_data.{category}")
    catalog = module.build_catalog()
    return module.DIRNAME, catalog, module.build_personas(catalog)


def generate(out_root: Path, categories: list[str] | None = None) -> None:
    """Write every (or the given) category's catalog.json, images/ and personas.jsonl under `out_root`."""
    for category in categories or CATEGORIES:
        dirname, catalog, personas = build(category)
        write_category(Path(out_root) / dirname, catalog, personas)
        print(summarize(catalog, personas))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output root (default: {DEFAULT_OUT})")
    parser.add_argument("--category", action="append", choices=CATEGORIES, help="only this category (repeatable)")
    args = parser.parse_args(argv)
    generate(args.out, args.category)
    return 0


if __name__ == "__main__":
    sys.exit(main())
