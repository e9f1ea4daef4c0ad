"""Loaders for catalogs and personas: our JSON/JSONL and the official SalesSim v1 and v0 formats."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from langgraph_salessim.catalog import Catalog, parse_price, slugify
from langgraph_salessim.personas import Persona, resolve_ground_truth


class DataError(ValueError):
    """A data file could not be loaded; the message names the file, line and field."""


def _where(path: Path, line: int | None, *, jsonl: bool = True) -> str:
    if line is None:
        return str(path)
    return f"{path}:{line}" if jsonl else f"{path}: record {line}"


def _explain(err: ValidationError, *, prefix: str = "", products: list[str] | None = None) -> str:
    """`products` renames `products.<i>` locations (official catalogs have no `products` key)."""
    parts = []
    for e in err.errors():
        raw = tuple(e["loc"])
        if products and len(raw) > 1 and raw[0] == "products" and isinstance(raw[1], int) and raw[1] < len(products):
            raw = (products[raw[1]], *raw[2:])
        loc = ".".join(str(x) for x in raw)
        field = f"{prefix}{loc}" if loc else prefix.rstrip(".") or "(record)"
        parts.append(f"field '{field}': {e['msg']}")
    return "; ".join(parts)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except json.JSONDecodeError as e:
        raise DataError(f"{path}:{e.lineno}: invalid JSON: {e.msg}") from None


def load_catalog(path: str | Path) -> Catalog:
    """Load a catalog file, detecting its format.

    Our format is `{"products": [...], "buying_guides": [...], "visual_attributes": {...}}`.
    The official SalesSim product JSON is `{category: [product, ...]}` with string prices
    ("$1,299.99") and no ids: ids are derived from names.

    Raises:
        DataError: naming the file and the offending product field.
    """
    path = Path(path)
    data = _read_json(path)
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a JSON object, got {type(data).__name__}")
    locations: list[str] | None = None
    if "products" not in data:
        official = list(_official_products(path, data))
        locations = [loc for loc, _ in official]
        data = {"products": [product for _, product in official]}
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as err:
        raise DataError(f"{path}: {_explain(err, products=locations)}") from None
    except ValueError as err:
        raise DataError(f"{path}: {err}") from None
    catalog.base_dir = path.parent
    return catalog


def _official_products(path: Path, data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(location in the file, product in our shape) pairs of an official `{category: [...]}` catalog."""
    for category, items in data.items():
        if not isinstance(items, list):
            raise DataError(f"{path}: field '{category}': expected a list of products (official format)")
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise DataError(f"{path}: field '{category}.{i}.name': missing product name")
            product = {k: v for k, v in item.items() if k in _PRODUCT_FIELDS}
            product.setdefault("id", item.get("id") or slugify(item["name"]))
            product["category"] = item.get("category", category)
            extra = {k: v for k, v in item.items() if k not in _PRODUCT_FIELDS and k != "attributes"}
            product["attributes"] = {**extra, **item.get("attributes", {})}
            yield f"{category}.{i}", product


_PRODUCT_FIELDS = {"id", "name", "category", "price", "description", "features", "weight", "rating", "image"}


def _records(path: Path) -> Iterator[tuple[str, int, Any]]:
    """(location, number, record) triples from a JSON list or JSONL file."""
    if not path.exists():
        raise DataError(f"{path}: file not found")
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        for i, rec in enumerate(_read_json(path), start=1):
            yield _where(path, i, jsonl=False), i, rec
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _where(path, lineno), lineno, json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(f"{path}:{lineno}: invalid JSON: {e.msg}") from None


def load_personas(path: str | Path, *, catalog: Catalog | None = None) -> list[Persona]:
    """Load personas from JSON or JSONL: ours, SalesSim v1 lines, or v0 laptop personas.

    With a catalog, each persona's ground truth is resolved (computed from constraints,
    or its listed acceptable products resolved to catalog ids).

    Raises:
        DataError: naming the file, the line (record number in a JSON list) and the field.
    """
    path = Path(path)
    personas: list[Persona] = []
    seen: dict[str, str] = {}
    for where, line, rec in _records(path):
        if not isinstance(rec, dict):
            raise DataError(f"{where}: expected a JSON object, got {type(rec).__name__}")
        try:
            persona = Persona.model_validate(_from_v0(rec, line) if _is_v0(rec) else _from_v1(rec))
        except ValidationError as err:
            raise DataError(f"{where}: {_explain(err)}") from None
        if persona.uuid in seen:
            raise DataError(f"{where}: field 'uuid': duplicate {persona.uuid!r} (first at {seen[persona.uuid]})")
        seen[persona.uuid] = where
        if catalog is not None:
            try:
                persona = resolve_ground_truth(persona, catalog)
            except ValueError as err:
                raise DataError(f"{where}: {err}") from None
        personas.append(persona)
    return personas


_PERSONA_FIELDS = set(Persona.model_fields)


def _from_v1(rec: dict[str, Any]) -> dict[str, Any]:
    """Our format is a superset of v1: keep known fields, coerce v1 spellings, keep the rest as metadata."""
    out = {k: v for k, v in rec.items() if k in _PERSONA_FIELDS}
    extra = {k: v for k, v in rec.items() if k not in _PERSONA_FIELDS}
    if extra:
        out["metadata"] = {**extra, **out.get("metadata", {})}
    if isinstance(out.get("budget"), str):
        out["budget"] = _budget(out["budget"])
    for key in ("preferences", "dealbreakers"):
        if isinstance(out.get(key), list):
            out[key] = "\n".join(str(x) for x in out[key])
    return out


def _is_v0(rec: dict[str, Any]) -> bool:
    return "uuid" not in rec and any(k.endswith("?") for k in rec)


_MONEY = re.compile(r"\$\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(k)?", re.I)


def _budget(text: str) -> float | None:
    m = _MONEY.search(text)
    if not m:
        try:
            return parse_price(text)
        except ValueError:
            return None
    value = float(m.group(1).replace(",", ""))
    return value * 1000 if m.group(2) else value


def _from_v0(rec: dict[str, Any], line: int) -> dict[str, Any]:
    """Map a v0 laptop persona (question -> answer pairs) onto our fields; it has no ground truth."""
    answers = {k: v for k, v in rec.items() if k.endswith("?")}
    dealbreakers = [f"{q} {a}" for q, a in answers.items() if "dealbreaker" in q.lower()]
    preferences = [f"{q} {a}" for q, a in answers.items() if "dealbreaker" not in q.lower()]
    budget_answer = next((str(a) for q, a in answers.items() if "budget" in q.lower()), "")
    known = {"name", "age", "background", "speaking_style", "knowledge_level", "persona_background"}
    ident = f"{rec.get('name', '')}|{rec.get('age', '')}|{rec.get('background', '')}"
    return {
        "uuid": rec.get("uuid") or f"v0-{slugify(str(rec.get('name', 'persona')))}-{_short_hash(ident)}",
        "name": rec.get("name"),
        "age": rec.get("age"),
        "category": rec.get("category", "laptop"),
        "budget": _budget(budget_answer),
        "persona_background": rec.get("background", ""),
        "speaking_style": rec.get("speaking_style"),
        "knowledge_level": rec.get("knowledge_level"),
        "preferences": "\n".join(preferences),
        "dealbreakers": "\n".join(dealbreakers),
        "acceptable_products": None,
        "metadata": {
            "format": "salessim-v0",
            "line": line,
            "answers": answers,
            **{k: v for k, v in rec.items() if k not in known and k not in answers},
            **({"persona_tag": rec["persona_background"]} if "persona_background" in rec else {}),
        },
    }


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def persona_from_record(rec: dict[str, Any], line: int = 0) -> Persona:
    """Validate one persona record in any supported format (ours, SalesSim v1 or v0), without ground truth.

    Raises:
        pydantic.ValidationError: naming the offending fields.
    """
    return Persona.model_validate(_from_v0(rec, line) if _is_v0(rec) else _from_v1(rec))


def explain_validation_error(err: ValidationError) -> list[str]:
    """One "field 'x.y': message" string per error of a pydantic validation error."""
    return [f"field '{'.'.join(str(x) for x in e['loc']) or '(record)'}': {e['msg']}" for e in err.errors()]
