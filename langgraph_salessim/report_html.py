"""A self-contained HTML report of one or more runs side by side.

One file, nothing fetched at view time: inline CSS, SVG charts drawn here, the conversations as JSON
rendered by a small vanilla-JS viewer (`report_assets`). Records are re-scored before anything is shown,
and the same input always gives the same HTML.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from langgraph_salessim import report_assets as assets
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.evaluation import HUMAN_FIELDS, METRICS
from langgraph_salessim.report_data import ReportRun, json_for_script, ordered_labels, prepare_run, viewer_data
from langgraph_salessim.results import package_version

_DASH = '<td class="n">–</td>'


def _e(x: Any) -> str:
    return html.escape(str(x))


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _num(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3f}"


def _svg(w: int, h: int, body: Sequence[str], label: str) -> str:
    return (f'<div class="tw"><svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{_e(label)}">'
            f'{"".join(body)}</svg></div>')


def _legend(items: Sequence[tuple[str, str]]) -> str:
    return '<div class="legend">' + "".join(
        f'<span><i class="sw" style="background:{c}"></i>{_e(t)}</span>' for t, c in items) + "</div>"


def _section(key: str, *body: str) -> str:
    title, lead = assets.SECTIONS[key]
    return (f'<section id="{key}" class="card"><h2>{_e(title)}</h2><p class="lead">{_e(lead)}</p>'
            f'{"".join(body)}</section>')


def _table(head: Sequence[str], rows: Sequence[str]) -> str:
    cells = "".join(f'<th class="n">{h[1:]}</th>' if h.startswith(">") else f"<th>{h}</th>" for h in head)
    return f'<div class="tw"><table><thead><tr>{cells}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _est(x: Mapping[str, Any] | None, fmt: Any = _num) -> str:
    """A table cell: mean, then the 95% CI and n in small print."""
    if x is None:
        return _DASH
    return f'<td class="n"><b>{fmt(x["mean"])}</b><small>[{fmt(x["ci"][0])}, {fmt(x["ci"][1])}] n={x["n"]}</small></td>'


def _swatch(colour: str, text: str) -> str:
    return f'<td><i class="sw" style="background:{colour}"></i> {_e(text)}</td>'


def _y_grid(ticks: Sequence[tuple[float, str]], left: int, right: int, top: int, ph: int) -> list[str]:
    return [f'<line class="grid" x1="{left}" x2="{right}" y1="{top + ph * (1 - v):.1f}" y2="{top + ph * (1 - v):.1f}"/>'
            f'<text x="{left - 6}" y="{top + ph * (1 - v) + 4:.1f}" text-anchor="end">{t}</text>' for v, t in ticks]


def _alignment_section(runs: Sequence[ReportRun]) -> str:
    groups = [*sorted({c for r in runs for c in r.alignment if c != "overall"}), "overall"]
    w, h, left, top, ph = 1000, 290, 40, 12, 238
    gw = (w - left - 10) / len(groups)
    bw = min(34.0, gw * 0.8 / len(runs))
    parts = _y_grid([(v / 4, f"{25 * v}%") for v in range(5)], left, w - 10, top, ph)
    for gi, group in enumerate(groups):
        x0 = left + gi * gw + (gw - bw * len(runs)) / 2
        for ri, run in enumerate(runs):
            if (a := run.alignment.get(group)) is None:
                continue
            x, y, cx = x0 + ri * bw, top + ph * (1 - a["mean"]), x0 + (ri + 0.5) * bw
            lo, hi = (top + ph * (1 - c) for c in a["ci"])
            tip = f"{run.name} · {group}: {_pct(a['mean'])} [{_pct(a['ci'][0])}, {_pct(a['ci'][1])}], n={a['n']}"
            parts.append(f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{bw - 2:.1f}" height="{top + ph - y:.1f}" rx="2" '
                         f'fill="{run.colour}"><title>{_e(tip)}</title></rect><path class="ci" d="M{cx:.1f} '
                         f'{lo:.1f}V{hi:.1f}M{cx - 4:.1f} {lo:.1f}h8M{cx - 4:.1f} {hi:.1f}h8"/>')
        bold = ' font-weight="700"' if group == "overall" else ""
        parts.append(f'<text x="{left + (gi + 0.5) * gw:.1f}" y="{h - 16}" text-anchor="middle"{bold}>'
                     f'{_e(group.replace("_", " "))}</text>')
    parts.append(f'<line class="axis" x1="{left}" x2="{w - 10}" y1="{top + ph}" y2="{top + ph}"/>')
    rows = [_swatch(r.colour, r.name) + "".join(_est(r.alignment.get(g), _pct) for g in groups) + "</tr>"
            for r in runs]
    return _section("alignment", _table(["run", *(">" + _e(g.replace("_", " ")) for g in groups)],
                                        ["<tr>" + r for r in rows]),
                    _legend([(r.name, r.colour) for r in runs]),
                    _svg(w, h, parts, "decision alignment per category and run"))


def _labels_section(runs: Sequence[ReportRun]) -> str:
    labels = ordered_labels({lab for r in runs for lab in r.summary["labels"]})
    grey = ("#868e96", "#495057", "#adb5bd")
    colour = {lab: assets.LABEL_COLOURS.get(lab, grey[i % 3]) for i, lab in enumerate(labels)}
    w, row, left = 560, 34, 130
    parts = []
    for ri, run in enumerate(runs):
        y, x, total = 6 + ri * row, float(left), sum(run.summary["labels"].values())
        parts.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end">{_e(run.name[:18])}</text>')
        for lab in labels:
            if not (n := run.summary["labels"].get(lab, 0)):
                continue
            bw = (w - left - 6) * n / total
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{bw:.1f}" height="24" fill="{colour[lab]}"><title>'
                         f'{_e(run.name)} · {_e(lab)}: {n} ({_pct(n / total)})</title></rect>')
            if bw > 40:
                parts.append(f'<text class="in" x="{x + bw / 2:.1f}" y="{y + 16}" text-anchor="middle">'
                             f'{_pct(n / total)}</text>')
            x += bw
    rows = [f"<tr>{_swatch(colour[lab], lab.replace('_', ' '))}"
            + "".join(f'<td class="n">{r.summary["labels"].get(lab, 0)}</td>' for r in runs) + "</tr>"
            for lab in labels]
    rows += [f'<tr><td class="muted">{_e(k)}</td>'
             + "".join(f'<td class="n muted">{r.summary["unscored"].get(k, 0)}</td>' for r in runs) + "</tr>"
             for k in sorted({k for r in runs for k in r.summary["unscored"]})]
    chart = _svg(w, 12 + row * len(runs), parts, "decision labels per run") if labels else ""
    return _section("labels", chart, _table(["label", *(">" + _e(r.name) for r in runs)], rows))


def _passk_section(runs: Sequence[ReportRun]) -> str:
    k_max = max((r.max_trials for r in runs), default=0)
    if k_max == 0:
        return _section("passk", '<p class="note">No graded conversations.</p>')
    w, h, left, top, ph, right = 560, 260, 44, 14, 212, 20

    def px(k: int) -> float:
        return left + ((w - left - right) / 2 if k_max == 1 else (w - left - right) * (k - 1) / (k_max - 1))

    parts = _y_grid([(v / 4, f"{v / 4:.2f}") for v in range(5)], left, w - right, top, ph)
    parts += [f'<text x="{px(k):.1f}" y="{h - 12}" text-anchor="middle">k={k}</text>' for k in range(1, k_max + 1)]
    for run in runs:
        pts = [(px(k), top + ph * (1 - v), k, v) for k in range(1, run.max_trials + 1)
               if (v := run.passk.get(f"pass^{k}")) is not None]
        if len(pts) > 1:
            line = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in pts)
            parts.append(f'<polyline points="{line}" fill="none" stroke="{run.colour}" stroke-width="2.5"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{run.colour}"><title>{_e(run.name)} · '
                  f'pass^{k} = {v:.3f}</title></circle>' for x, y, k, v in pts]
    rows = [f"<tr><td>{_e(r.name)}</td>" + "".join(
        f'<td class="n">{r.passk[f"pass^{k}"]:.3f}<small>pass@{k} {r.passk[f"pass@{k}"]:.3f}</small></td>'
        if r.passk.get(f"pass^{k}") is not None else _DASH for k in range(1, k_max + 1)) + "</tr>" for r in runs]
    return _section("passk", _legend([(r.name, r.colour) for r in runs]), _svg(w, h, parts, "pass^k per run"),
                    _table(["run", *(f">k={k}" for k in range(1, k_max + 1))], rows))


def _ci_strip(runs: Sequence[ReportRun], name: str, human: float | None) -> str:
    """Each run's mean and CI of one metric on a shared scale, with the human mean dashed."""
    rows = [(r.colour, r.quality["metrics"].get(name)) for r in runs]
    xs = [v for _, m in rows if m for v in m["ci"]] + ([human] if human is not None else [])
    if not xs:
        return ""
    pad = (max(xs) - min(xs)) * 0.08 or 0.5
    lo, hi = min(xs) - pad, max(xs) + pad
    w, h = 200, 8 + 10 * len(rows)

    def px(v: float) -> str:
        return f"{4 + (w - 8) * (v - lo) / (hi - lo):.1f}"

    parts = [f'<line class="hum" x1="{px(human)}" x2="{px(human)}" y1="0" y2="{h}" stroke-dasharray="3 2"><title>'
             f'human {human:.3f}</title></line>'] if human is not None else []
    parts += [f'<line x1="{px(m["ci"][0])}" x2="{px(m["ci"][1])}" y1="{9 + 10 * i}" y2="{9 + 10 * i}" stroke="{c}" '
              f'stroke-width="2"/><circle cx="{px(m["mean"])}" cy="{9 + 10 * i}" r="3.5" fill="{c}"/>'
              for i, (c, m) in enumerate(rows) if m]
    return (f'<svg class="strip" width="{w}" height="{h}" viewBox="0 0 {w} {h}" aria-hidden="true">'
            f'{"".join(parts)}</svg>')


def _quality_section(runs: Sequence[ReportRun], human: Mapping[str, float] | None) -> str:
    human = human or {}
    order = [*HUMAN_FIELDS, *METRICS]
    names = sorted({n for r in runs for n in r.quality["metrics"]} - {"decision_alignment"},
                   key=lambda n: (n not in human, order.index(n) if n in order else len(order), n))
    rows = []
    for n in [*names, "distinct_1", "distinct_2"]:
        h = human.get(n)
        cells = []
        for r in runs:
            m = r.quality["metrics"].get(n)
            d = r.quality.get(n) if n.startswith("distinct_") else None
            cells.append(f'<td class="n"><b>{d:.3f}</b></td>' if d is not None else _est(m))
            if human:
                diff = (m or {}).get("difference")
                cells.append(_DASH if diff is None else
                             f'<td class="n {"pos" if diff > 0 else "neg"}">{diff:+.3f}</td>')
        rows.append(f'<tr><td>{_e(assets.METRIC_NAMES.get(n, n.replace("_", " ")))}<small>{_e(n)}</small></td>'
                    f'<td class="n">{"–" if h is None else _num(h)}</td>{"".join(cells)}'
                    f'<td>{"" if n.startswith("distinct_") else _ci_strip(runs, n, h)}</td></tr>')
    head = [f">{_e(r.name)}" + ("</th><th class=\"n\">Δ human" if human else "") for r in runs]
    return _section("quality", "" if human else f'<p class="note">{assets.NO_HUMAN}</p>',
                    _legend([(r.name, r.colour) for r in runs]),
                    _table(["metric", ">human", *head, "mean ± CI"], rows))


def _cost_section(runs: Sequence[ReportRun]) -> str:
    rows: list[str] = []
    any_tokens = False
    for run in runs:
        usage = [r.get("token_usage") or {} for r in run.records]
        for role in sorted({role for u in usage for role in u}):
            tot = [sum(int((u.get(role) or {}).get(k) or 0) for u in usage)
                   for k in ("input_tokens", "output_tokens", "total_tokens")]
            any_tokens |= tot[2] > 0
            rows.append(f'<tr><td>{_e(run.name)}</td><td>{_e(role.replace("_", " "))}</td>'
                        + "".join(f'<td class="n">{v:,}</td>' for v in tot)
                        + f'<td class="n">{tot[2] / max(len(usage), 1):,.1f}</td></tr>')
        secs = [float(t) for r in run.records
                if isinstance(t := (r.get("timings") or {}).get("duration_s"), (int, float))]
        if secs:
            rows.append(f'<tr><td>{_e(run.name)}</td><td class="muted">wall time</td><td colspan="3" class="n muted">'
                        f'{sum(secs):,.1f} s in all</td><td class="n muted">{sum(secs) / len(secs):.2f} s</td></tr>')
    note = "" if any_tokens else '<p class="note">No model reported token usage (offline agents use none).</p>'
    return _section("cost", note, _table(["run", "role", ">input", ">output", ">total", ">per conversation"], rows))


def _roles(records: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Each seat's distinct model descriptions in a run: name (type) and parameters."""
    out: dict[str, list[str]] = {}
    for r in records:
        for role, seat in sorted((r.get("models") or {}).items()):
            text = str(seat)
            if isinstance(seat, Mapping):
                params = ", ".join(f"{k}={v}" for k, v in sorted((seat.get("params") or {}).items())
                                   if v is not None and k not in ("model", "model_name"))
                text = f"{seat.get('name') or '?'} ({seat.get('type') or 'model'})" + (f" · {params}" if params else "")
            if text not in out.setdefault(role, []):
                out[role].append(text)
    return out


def _run_card(run: ReportRun) -> str:
    s, a = run.summary, run.alignment.get("overall")
    big = (f'<div class="big">{_pct(a["mean"])}</div><div class="ci">decision alignment · 95% CI '
           f'[{_pct(a["ci"][0])}, {_pct(a["ci"][1])}] · {a["n"]} graded</div>') if a else \
        '<div class="big">–</div><div class="ci">no graded conversations</div>'
    personas = len({str(r.get("persona_id")) for r in run.records})
    facts = [("conversations", f"{s['conversations']} ({personas} personas, up to {run.max_trials} graded trials)"),
             ("outcomes", " · ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(s["outcomes"].items()))),
             ("errors", str(s["errors"])),
             ("sales agent", f"acceptable product recommended in {_pct(s['acceptable_recommended_rate'])} "
                             f"of {s['feasible_conversations']}")]
    facts += [(f"{role.replace('_', ' ')} model", "; ".join(texts[:3]) + (" …" if len(texts) > 3 else ""))
              for role, texts in _roles(run.records).items()]
    if versions := sorted({str(r["package_version"]) for r in run.records if r.get("package_version")}):
        facts.append(("package", ", ".join(versions)))
    dl = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
    return (f'<div class="run"><h2><i class="sw" style="background:{run.colour}"></i>{_e(run.name)}</h2>{big}'
            f'<dl>{dl}</dl></div>')


def render_html_report(runs: Mapping[str, Sequence[Mapping[str, Any]]], *, human: Mapping[str, float] | None = None,
                       catalog: Catalog | None = None, title: str = "SalesSim report") -> str:
    """One self-contained HTML page comparing runs: alignment, labels, quality, pass^k, cost, conversations.

    Args:
        runs: run name -> its results records (ours or official SalesSim ones, as `load_any_results` reads).
        human: human reference means under our metric names (`load_human_reference`), compared in the
            quality table.
        catalog: the catalog the runs used: product prices and names, and images of the products that
            appear (recommended, inspected, bought), embedded as small PNG data URIs.
        title: page title.

    Returns:
        The HTML. Every record is re-scored first; nothing is fetched when the page is viewed.

    Raises:
        ValueError: when `runs` is empty.
    """
    if not runs:
        raise ValueError("no runs to report")
    prepared = [prepare_run(name, assets.RUN_COLOURS[i % len(assets.RUN_COLOURS)], records, catalog, human)
                for i, (name, records) in enumerate(runs.items())]
    data = viewer_data(prepared, catalog)
    total = sum(len(r.records) for r in prepared)
    nav = "".join(f'<a href="#{k}">{_e(title)}</a>' for k, (title, _) in assets.SECTIONS.items())
    version = package_version()
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{assets.CSP}">',
        f"<title>{_e(title)}</title><style>{assets.CSS}</style></head><body>",
        f'<header class="hero"><div class="wrap"><h1>{_e(title)}</h1><p class="sub">{len(prepared)} run'
        f'{"s" if len(prepared) != 1 else ""} · {total} conversations · langgraph-salessim {_e(version)}</p>'
        f'<div class="runs">{"".join(_run_card(r) for r in prepared)}</div></div></header>',
        f'<nav class="toc"><div class="wrap">{nav}</div></nav><main class="wrap">',
        _alignment_section(prepared),
        f'<div class="two">{_labels_section(prepared)}{_passk_section(prepared)}</div>',
        _quality_section(prepared, human), _cost_section(prepared),
        _section("conversations", '<div id="viewer"><noscript>Turn on JavaScript to browse the conversations.'
                 '</noscript></div>'),
        f'</main><footer>Generated by langgraph-salessim {_e(version)} · self-contained: works offline</footer>',
        f'<script type="application/json" id="salessim-data">{json_for_script(data)}</script>',
        f"<script>{assets.JS}</script></body></html>", ""])
