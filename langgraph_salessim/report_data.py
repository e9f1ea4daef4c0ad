"""What the HTML report shows, computed: re-scored runs, and the conversation viewer's data."""

from __future__ import annotations

import base64
import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image

from langgraph_salessim import report_assets as assets
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.conversation import Conversation
from langgraph_salessim.evaluation import corpus_summary
from langgraph_salessim.repeatability import alignment_by_category, repeatability
from langgraph_salessim.report import summarize
from langgraph_salessim.rescore import rescore_records
from langgraph_salessim.state import find_score

_THUMB = 128  # px, longest side of the embedded product images


@dataclass
class ReportRun:
    """One run, re-scored, with everything the report draws from it."""

    name: str
    colour: str
    records: list[dict[str, Any]]  # re-scored
    convs: list[Conversation]
    alignment: dict[str, dict[str, Any]]
    summary: dict[str, Any]
    quality: dict[str, Any]
    passk: dict[str, Any]
    max_trials: int


def prepare_run(name: str, colour: str, records: Sequence[Mapping[str, Any]], catalog: Catalog | None,
                human: Mapping[str, float] | None) -> ReportRun:
    """Re-score a run's records and compute its alignment, summary, quality and pass^k figures."""
    pairs = list(rescore_records(records, catalog=catalog))
    recs = [r for r, _ in pairs]
    scored = [(c, [s for s in r["scores"] if isinstance(s.get("name"), str) and "value" in s]) for r, c in pairs]
    trials = Counter(str(r.get("persona_id")) for r in recs
                     if (find_score(r, "decision_alignment") or {}).get("value") is not None)
    k_max = max(trials.values(), default=0)
    return ReportRun(name, colour, recs, [c for _, c in pairs], alignment_by_category(recs), summarize(recs),
                corpus_summary(scored, human=human), repeatability(recs, ks=range(1, k_max + 1)), k_max)


def ordered_labels(labels: set[str]) -> list[str]:
    """Labels in DESIGN §6 order (aligned ones first), then any others alphabetically."""
    known = list(assets.LABEL_COLOURS)
    return sorted(labels, key=lambda x: (known.index(x) if x in known else len(known), x))


def _thumbnail(catalog: Catalog, product_id: str) -> str | None:
    """A product's local image as a small PNG data URI (None when it has none or it cannot be read)."""
    path = catalog.image_path(catalog.get(product_id))
    if path is None or not path.is_file():
        return None
    try:
        with Image.open(path) as src:
            im = src.convert("RGBA" if "A" in src.getbands() else "RGB")
        im.thumbnail((_THUMB, _THUMB))
        if im.mode == "RGB":  # a 128-colour palette halves the size; the renders look the same
            im = im.quantize(colors=128)
        buf = io.BytesIO()
        im.save(buf, format="PNG", optimize=True)
    except OSError:
        return None
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _value(v: Any) -> str:
    return ", ".join(map(str, v)) if isinstance(v, list) else str(v)


def _persona(rec: Mapping[str, Any]) -> dict[str, Any]:
    sp, prefs = rec.get("shopper_persona"), rec.get("shopper_preferences")
    sp = sp if isinstance(sp, Mapping) else ({"persona_background": str(sp)} if sp else {})
    budget = sp.get("budget")
    out = {"name": sp.get("name"), "age": sp.get("age"), "background": sp.get("persona_background"),
           "budget": f"${budget:,.0f}" if isinstance(budget, (int, float)) else budget,
           "style": sp.get("speaking_style"), "knowledge": sp.get("knowledge_level")}
    if isinstance(prefs, Mapping):
        out |= {"preferences": prefs.get("preferences"), "dealbreakers": prefs.get("dealbreakers"),
                "constraints": [f"{c.get('attribute')} {c.get('operator')} {_value(c.get('value'))}" + soft
                                for key, soft in (("constraints", ""), ("soft_constraints", " (soft)"))
                                for c in prefs.get(key) or [] if isinstance(c, Mapping)]}
    elif prefs:
        out["preferences"] = str(prefs)
    return {k: v for k, v in out.items() if v not in (None, "", [])}


def _raw_turns(rec: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    raw = rec.get("conversation")
    return [t if isinstance(t, Mapping) else {} for t in raw] if isinstance(raw, list) else []


def viewer_data(runs: Sequence[ReportRun], catalog: Catalog | None) -> dict[str, Any]:
    """The conversation viewer's data: runs, personas, conversations, and thumbnails of named products."""
    names: dict[str, str] = {}  # product id -> name, from the catalog or the records
    for run in runs:
        for rec in run.records:
            for rt in _raw_turns(rec):
                for pid, name in zip(rt.get("recommended_ids") or [], rt.get("recommended_items") or [], strict=False):
                    names.setdefault(str(pid), str(name))
    in_catalog = {p.id for p in catalog.products} if catalog is not None else set()
    if catalog is not None:
        names |= {p.id: p.name for p in catalog.products}
    by_name = {v: k for k, v in sorted(names.items(), reverse=True)}
    used: set[str] = set()

    def ref(pid: Any, name: Any, category: str | None, acceptable: set[str] | None) -> list[Any]:
        pid = str(pid) if pid else by_name.get(str(name)) or (str(name) if str(name) in names else None)
        if pid is None and catalog is not None and name:
            found = catalog.find(str(name), category=category) or catalog.find(str(name))
            pid = found.id if found else None
        if pid is not None:
            used.add(pid)
        ok = None if acceptable is None or pid is None else pid in acceptable
        return [pid, names.get(pid or "", str(name or pid or "?")), ok]

    convs = []
    personas: dict[str, int] = {}  # trials of a persona share one entry
    for ri, run in enumerate(runs):
        for rec, conv in zip(run.records, run.convs, strict=True):
            da = find_score(rec, "decision_alignment")
            value = None if da is None or da.get("value") is None else int(da["value"] == 1.0)
            acc = None if conv.acceptable is None else set(conv.acceptable)
            raw = _raw_turns(rec)
            turns = []
            for i, t in enumerate(conv.turns):
                r = raw[i] if i < len(raw) else {}
                shop = t.speaker.lower() == "shopper"
                d: dict[str, Any] = {"who": "shopper" if shop else "sales", "i": t.index, "text": t.text}
                if t.recommended:
                    d["recs"] = [ref(pid, None, conv.category, acc) for pid in t.recommended]
                if shop and t.action:
                    d["action"] = t.action
                if shop and r.get("shopper_action_product"):
                    d["product"] = str(r["shopper_action_product"])
                if shop and r.get("images_inspected"):
                    d["inspected"] = [ref(None, x, conv.category, None) for x in r["images_inspected"]]
                if t.format_leak:
                    d["leak"] = True
                if r.get("reasoning"):
                    d["reasoning"] = str(r["reasoning"])
                turns.append(d)
            persona = _persona(rec)
            p_index = personas.setdefault(json.dumps(persona, sort_keys=True, default=str), len(personas))
            purchase = rec.get("purchase") if isinstance(rec.get("purchase"), Mapping) else None
            convs.append({
                "run": ri, "id": str(rec.get("conversation_id") or ""), "persona_id": str(rec.get("persona_id") or ""),
                "category": str(conv.category or "unknown"), "trial": rec.get("trial") or 0,
                "outcome": str(rec.get("outcome") or "unknown"), "reason": rec.get("termination_reason"),
                "label": da.get("label") if da else None, "aligned": value, "error": rec.get("error_message"),
                "purchase": ref(purchase.get("product_id"), purchase.get("name"), conv.category, acc)
                if purchase else None,
                "n_acceptable": None if acc is None else len(acc), "turns_n": len(conv.shopper_turns),
                "name": str(persona.get("name", "")), "p": p_index, "turns": turns})
    convs.sort(key=lambda c: (c["aligned"] != 0, c["category"], c["name"], c["persona_id"],
                              c["trial"] if isinstance(c["trial"], int) else 0, c["run"], c["id"]))
    products: dict[str, dict[str, Any]] = {}
    for pid in sorted(used):
        entry: dict[str, Any] = {"name": names.get(pid, pid)}
        if catalog is not None and pid in in_catalog:
            entry["price"] = f"${catalog.get(pid).price:,.2f}"
            if img := _thumbnail(catalog, pid):
                entry["img"] = img
        products[pid] = entry
    labels = ordered_labels({str(c["label"]) for c in convs if c["label"]})
    return {"runs": [r.name for r in runs], "colors": [r.colour for r in runs],
            "categories": sorted({c["category"] for c in convs}), "outcomes": sorted({c["outcome"] for c in convs}),
            "labels": labels, "products": products, "conversations": convs,
            "personas": [json.loads(k) for k in personas]}


def json_for_script(data: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can close or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
