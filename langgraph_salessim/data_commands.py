"""Data commands behind `salessim data validate|stats|personas`: plain functions, no argument parsing.

- `validate_files(paths)`: every problem in catalog and persona files, each naming file, line and field.
- `data_stats(catalog, personas)` / `format_stats(stats)`: products and personas per category,
  acceptable-set sizes, infeasible share, image-only attributes.
- `generate_personas_file(catalog_path, out_path, n=...)`: personas with ground truth for any catalog.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from langgraph_salessim.builtin import BUILTIN_CATEGORIES, load_builtin_catalog, load_builtin_personas
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.formats import (
    DataError,
    explain_validation_error,
    load_catalog,
    load_personas,
    persona_from_record,
)
from langgraph_salessim.persona_generator import bucket, create_personas
from langgraph_salessim.personas import Persona, resolve_ground_truth

BUCKETS = ("0", "1", "2-4", "5-8", ">8")
"""Acceptable-set size buckets reported by `data_stats`."""

_FIELD_AT = re.compile(r"field '([^.']+)\.(\d+)")


def detect_kind(path: str | Path) -> str | None:
    """Whether a file holds a catalog ("catalog"), personas ("personas"), or neither (None)."""
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        return "personas"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        lines = [line for line in text.splitlines() if line.strip()]
        return "personas" if lines and all(line.lstrip().startswith("{") for line in lines) else None
    if isinstance(data, list):
        return "personas"
    if isinstance(data, dict):
        if "products" in data or (data and all(isinstance(v, list) for v in data.values())):
            return "catalog"
        return "personas" if "uuid" in data or any(str(k).endswith("?") for k in data) else None
    return None


def validate_files(paths: Iterable[str | Path], *, catalog: Catalog | None = None) -> list[str]:
    """Check catalog and persona files and list every problem found (empty: all good).

    Catalogs are checked first (product fields, duplicate ids and names, image files, visual-only
    attributes kept out of the product text); personas are then checked line by line (JSON,
    fields, operators, duplicate uuids) and, when a catalog is known, against it: category,
    constraint attributes and `acceptable_products`. The catalog is `catalog`, else the
    catalog files given, else the built-in catalog for personas with constraints on built-in
    categories.

    Args:
        paths: Catalog and persona files (JSON, JSONL; ours or the official SalesSim formats).
        catalog: Catalog to check personas against, instead of the catalog files given.

    Returns:
        Problems such as `personas.jsonl:3: field 'age': Input should be a valid integer`.

    Example:
        >>> for problem in validate_files(["catalog.json", "personas.jsonl"]):  # doctest: +SKIP
        ...     print(problem)
    """
    problems: list[str] = []
    catalogs: list[Catalog] = []
    persona_files: list[Path] = []
    for path in map(Path, paths):
        if not path.is_file():
            problems.append(f"{path}: file not found")
            continue
        kind = detect_kind(path)
        if kind == "catalog":
            found, issues = _check_catalog(path)
            problems += issues
            catalogs += [found] if found is not None else []
        elif kind == "personas":
            persona_files.append(path)
        else:
            problems.append(_unreadable(path))
    against = catalog or _merge(catalogs, problems)
    for path in persona_files:
        problems += _check_personas(path, against)
    return problems


def _unreadable(path: Path) -> str:
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return f"{path}:{e.lineno}: invalid JSON: {e.msg}"
    except (OSError, ValueError):
        pass
    return f"{path}: neither a catalog nor a persona file (expected JSON or JSONL)"


def _merge(catalogs: list[Catalog], problems: list[str]) -> Catalog | None:
    if len(catalogs) <= 1:
        return catalogs[0] if catalogs else None
    try:
        merged = Catalog(products=[p for c in catalogs for p in c.products],
                         visual_attributes={k: v for c in catalogs for k, v in c.visual_attributes.items()})
    except ValueError as err:
        problems.append(f"catalog files cannot be combined: {err}")
        return None
    merged.base_dir = catalogs[0].base_dir
    return merged


def _item_lines(text: str) -> dict[str, list[int]]:
    """Line numbers of the items of each top-level JSON array ("products" or an official category)."""
    out: dict[str, list[int]] = {}
    decoder = json.JSONDecoder()
    for m in re.finditer(r'^\s{0,4}"([^"]+)"\s*:\s*\[', text, re.M):
        pos, lines = m.end(), []
        while pos < len(text):
            while pos < len(text) and text[pos] in " \t\r\n,":
                pos += 1
            if pos >= len(text) or text[pos] == "]":
                break
            lines.append(text.count("\n", 0, pos) + 1)
            try:
                _, pos = decoder.raw_decode(text, pos)
            except ValueError:
                break
        out[m.group(1)] = lines
    return out


def _with_line(path: Path, message: str, lines: dict[str, list[int]]) -> str:
    m = _FIELD_AT.search(message)
    if m and m.group(1) in lines and int(m.group(2)) < len(lines[m.group(1)]):
        return f"{path}:{lines[m.group(1)][int(m.group(2))]}: {message}"
    return f"{path}: {message}"


def _check_catalog(path: Path) -> tuple[Catalog | None, list[str]]:
    text = path.read_text(encoding="utf-8")
    lines = _item_lines(text)
    try:
        catalog = load_catalog(path)
    except DataError as err:
        message = str(err).removeprefix(f"{path}").lstrip(":")
        if re.match(r"\d+:", message):  # invalid JSON: the loader already names the line
            return None, [f"{path}:{message}"]
        parts = message.strip().split("; field ")
        return None, [_with_line(path, part, lines) for part in [parts[0], *(f"field {p}" for p in parts[1:])]]
    where = lines.get("products") or [line for key in lines for line in lines[key]]
    problems: list[str] = []
    names: dict[str, str] = {}
    for i, p in enumerate(catalog.products):
        at = f"{path}:{where[i]}" if i < len(where) else str(path)
        if p.name.lower() in names:
            problems.append(f"{at}: field 'name': duplicate product name {p.name!r} (also {names[p.name.lower()]})")
        names.setdefault(p.name.lower(), p.id)
        image = catalog.image_path(p)
        if image is not None and not image.is_file():
            problems.append(f"{at}: field 'image': image file not found: {image}")
        text_lower = p.text().lower()
        for attr in catalog.visual_attributes.get(p.category, []):
            value = p.attributes.get(attr)
            if value is None:
                problems.append(f"{at}: field 'attributes.{attr}': visual-only attribute missing on {p.id}")
            elif re.search(rf"(?<!\w){re.escape(str(value).lower())}(?!\w)", text_lower):
                problems.append(f"{at}: field 'attributes.{attr}': visual-only value {value!r} of {p.id} "
                                "appears in its name, description or features")
    return catalog, problems


def _records(path: Path) -> Iterable[tuple[int, Any, str | None]]:
    """(line or record number, record, JSON error) of a persona file."""
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        try:
            yield from ((i, rec, None) for i, rec in enumerate(json.loads(text), start=1))
        except json.JSONDecodeError as e:
            yield e.lineno, None, e.msg
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield lineno, json.loads(line), None
            except json.JSONDecodeError as e:
                yield lineno, None, e.msg


def _check_personas(path: Path, catalog: Catalog | None) -> list[str]:
    problems: list[str] = []
    seen: dict[str, int] = {}
    attributes: dict[str, set[str]] = {}
    for line, rec, error in _records(path):
        at = f"{path}:{line}"
        if error is not None:
            problems.append(f"{at}: invalid JSON: {error}")
            continue
        if not isinstance(rec, dict):
            problems.append(f"{at}: expected a JSON object, got {type(rec).__name__}")
            continue
        try:
            persona = persona_from_record(rec, line)
        except ValidationError as err:
            problems += [f"{at}: {msg}" for msg in explain_validation_error(err)]
            continue
        if persona.uuid in seen:
            problems.append(f"{at}: field 'uuid': duplicate {persona.uuid!r} (first at line {seen[persona.uuid]})")
        seen.setdefault(persona.uuid, line)
        against = catalog
        if against is None and persona.constraints and persona.category in BUILTIN_CATEGORIES:
            against = load_builtin_catalog()
        if against is None:
            continue
        if not against.in_category(persona.category):
            problems.append(f"{at}: field 'category': no products of category {persona.category!r} in the catalog")
            continue
        known = attributes.setdefault(persona.category, {"price"} | {
            k for p in against.in_category(persona.category) for k in p.attributes})
        for k, c in enumerate(persona.constraints):
            if c.attribute not in known:
                problems.append(f"{at}: field 'constraints.{k}.attribute': unknown attribute {c.attribute!r} "
                                f"in category {persona.category!r}")
        try:
            resolve_ground_truth(persona, against)
        except ValueError as err:
            problems.append(f"{at}: field 'acceptable_products': {str(err).split(': ', 1)[-1]}")
    return problems


def data_stats(catalog: Catalog, personas: Sequence[Persona]) -> dict[str, Any]:
    """Figures about a catalog and its personas, per category and in total.

    Args:
        catalog: The catalog.
        personas: Personas with ground truth resolved against the catalog (`load_personas(..., catalog=)`).

    Returns:
        `{"categories": {category: figures}, "total": figures}`; figures hold `products`,
        `personas`, `with_ground_truth`, `infeasible`, `infeasible_share`, `acceptable_sizes`
        (bucket: count), `acceptable_median`, `acceptable_max`, `image_only_attributes`,
        `buying_guides`, `price_min` and `price_max`.
    """
    categories = list(dict.fromkeys([*catalog.categories, *(p.category for p in personas)]))
    per = {c: _figures(catalog, [p for p in personas if p.category == c], [c]) for c in categories}
    return {"categories": per, "total": _figures(catalog, list(personas), categories)}


def _figures(catalog: Catalog, personas: list[Persona], categories: list[str]) -> dict[str, Any]:
    products = [p for c in categories for p in catalog.in_category(c)]
    sizes = [len(p.acceptable_products) for p in personas if p.acceptable_products is not None]
    infeasible = sizes.count(0)
    return {
        "products": len(products),
        "personas": len(personas),
        "with_ground_truth": len(sizes),
        "infeasible": infeasible,
        "infeasible_share": infeasible / len(sizes) if sizes else None,
        "acceptable_sizes": {b: sum(bucket(s) == b for s in sizes) for b in BUCKETS},
        "acceptable_median": statistics.median(sizes) if sizes else None,
        "acceptable_max": max(sizes, default=None),
        "image_only_attributes": sorted({a for c in categories for a in catalog.visual_attributes.get(c, [])}),
        "buying_guides": sum(g.category in categories for g in catalog.buying_guides),
        "price_min": min((p.price for p in products), default=None),
        "price_max": max((p.price for p in products), default=None),
    }


def format_stats(stats: dict[str, Any]) -> str:
    """A plain-text table of `data_stats` figures, one row per category and a total row."""
    head = (f"{'category':<18}{'products':>9}{'personas':>9}{'infeasible':>13}  "
            f"{'acceptable 0/1/2-4/5-8/>8':<27}{'median':>7}  image-only attributes")
    rows = [head, "-" * len(head)]
    items = [*stats["categories"].items(), ("total", stats["total"])]
    for name, f in items:
        share = f"{f['infeasible']} ({f['infeasible_share']:.0%})" if f["infeasible_share"] is not None else "-"
        spread = "/".join(str(f["acceptable_sizes"][b]) for b in BUCKETS) if f["with_ground_truth"] else "-"
        median = f"{f['acceptable_median']:g}" if f["acceptable_median"] is not None else "-"
        rows.append(f"{name:<18}{f['products']:>9}{f['personas']:>9}{share:>13}  {spread:<27}{median:>7}  "
                    f"{', '.join(f['image_only_attributes']) or '-'}")
    return "\n".join(rows)


def stats_for_files(catalog_path: str | Path | None = None, persona_paths: Sequence[str | Path] = ()) -> dict:
    """`data_stats` of data files; without a catalog, of the built-in data (its personas unless files are given).

    Raises:
        DataError: When a file cannot be loaded (the message names file, line and field).
    """
    catalog = load_catalog(catalog_path) if catalog_path else load_builtin_catalog()
    if persona_paths:
        personas = [p for path in persona_paths for p in load_personas(path, catalog=catalog)]
    else:
        personas = [] if catalog_path else load_builtin_personas()
    return data_stats(catalog, personas)


def generate_personas_file(
    catalog_path: str | Path,
    out_path: str | Path,
    *,
    n: int,
    infeasible_share: float = 0.2,
    seed: int = 0,
    category: str | None = None,
) -> list[Persona]:
    """Generate personas for a catalog file (ours or official) and write them as JSONL.

    Args:
        catalog_path: The catalog the personas shop in.
        out_path: JSONL file to write (parent directories are created).
        n: Number of personas.
        infeasible_share: Share of personas for whom nothing fits (exact count `round(n * share)`).
        seed: Same seed, same file.
        category: Only this category (default: spread over all categories).

    Returns:
        The personas written.

    Raises:
        DataError: When the catalog cannot be loaded.
        ValueError: When the catalog cannot yield the requested personas.
    """
    catalog = load_catalog(catalog_path)
    personas = create_personas(catalog, n=n, infeasible_share=infeasible_share, seed=seed, category=category)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(p.model_dump(mode="json", exclude_none=True), ensure_ascii=False) for p in personas]
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return personas
