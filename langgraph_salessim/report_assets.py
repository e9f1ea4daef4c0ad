"""Inline CSS and JavaScript of the HTML report (`report_html`): no network, no external fonts."""

from __future__ import annotations

RUN_COLOURS = ("#3b5bdb", "#e8590c", "#2b8a3e", "#ae3ec9", "#c92a2a", "#1098ad", "#f08c00", "#5c7cfa")
"""One colour per run, in the order the runs are given."""

LABEL_COLOURS = {
    "correct_accept": "#2f9e6b", "correct_reject": "#8fd3b4", "premature_ending": "#f59f00",
    "too_stringent": "#4c6ef5", "chose_wrong_product": "#e03131", "overly_lenient": "#f76707",
    "hallucinated_purchase": "#ae3ec9",
}
"""Decision labels (DESIGN §6): aligned ones green, failures in warm or distinct colours."""

METRIC_NAMES = {
    "first_turn_criteria": "First-turn criteria", "complete_sentences": "Complete-sentence fraction",
    "num_turns": "Shopper turns", "lexical_similarity": "Lexical similarity (lower = more diverse)",
    **{f"lexical_similarity_turn_{k}": f"Lexical similarity, shopper turn {k}" for k in range(4)},
    "format_leaks": "Tool-call formatting leaks", "premature_ending": "Premature endings",
    "persuasion_drift": "Persuasion drift", "acceptable_recommended": "Sales: acceptable product recommended",
    "sold": "Sales: sell rate", "invented_products": "Sales: products not in the catalog",
    "dealbreaker_violations": "Sales: dealbreaker violations", "turns_to_acceptable": "Sales: turns to acceptable",
    "distinct_1": "Distinct-1 of shopper text", "distinct_2": "Distinct-2 of shopper text",
}
"""Readable names of the quality metrics (`evaluation.METRICS`, lexical similarity, distinct-n)."""

SECTIONS = {
    "alignment": ("Decision alignment", "Share of graded conversations whose buy/leave decision matches the "
                  "persona's ground truth, with 95% bootstrap CIs. Errors are excluded."),
    "labels": ("Decision labels", "How each graded conversation ended against the ground truth (DESIGN §6); "
               "unscored conversations in grey."),
    "passk": ("pass^k over trials", "Chance that k trials of the same persona are all aligned (mean over "
              "personas with at least k graded trials); pass@k below."),
    "quality": ("Conversation quality", "Re-scored from the transcripts: mean with 95% bootstrap CI per run; "
                "the dashed line in a strip is the human mean."),
    "cost": ("Cost per role", "Token usage reported by the models, summed over conversations; last column per "
             "conversation."),
    "conversations": ("Conversations", "Failures first. Open a conversation for the persona, the outcome and "
                      "the transcript with recommendations and shopper actions."),
}
"""Section id -> (title, lead), in page order."""

NO_HUMAN = ("No human reference given: pass SalesSim's per-dialogue human features (<code>--human FILE</code>) "
            "to compare with people.")

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
"""Content security policy of the page: it can load nothing from anywhere."""

CSS = """
:root{--bg:#f5f6fa;--card:#fff;--ink:#1c2230;--muted:#5d6677;--line:#e2e5ee;--soft:#eef1f7;
--accent:#3b5bdb;--good:#2b8a3e;--bad:#c92a2a;--warn:#e67700;--sales:#eef2ff;--shop:#e6f6ee}
@media (prefers-color-scheme:dark){:root{--bg:#12151c;--card:#1b1f29;--ink:#e6e9f0;--muted:#9aa3b5;
--line:#2c3242;--soft:#232838;--sales:#222a44;--shop:#1d3329}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif;font-variant-numeric:tabular-nums}
.wrap{max-width:1180px;margin:0 auto;padding:0 20px}
.hero{background:linear-gradient(135deg,#1f2a5a,#3b5bdb);color:#fff;padding:28px 0 24px}
.hero h1{margin:0;font-size:28px;letter-spacing:-.01em}.hero .sub{margin:4px 0 18px;opacity:.85}
.runs{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:14px}
.run{background:rgba(255,255,255,.1);border:1px solid rgba(255,255,255,.2);border-radius:12px;padding:14px 16px}
.run h2{margin:0 0 8px;font-size:17px;display:flex;align-items:center;gap:8px;overflow-wrap:anywhere}
.run .big{font-size:30px;font-weight:700;line-height:1.1}.run .ci{opacity:.8;font-size:13px}
.run dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:10px 0 0;font-size:13px}
.run dt{opacity:.75}.run dd{margin:0;overflow-wrap:anywhere}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;flex:none}
nav.toc{position:sticky;top:0;z-index:5;background:var(--card);border-bottom:1px solid var(--line)}
nav.toc .wrap{display:flex;gap:4px;overflow-x:auto;padding-top:6px;padding-bottom:6px}
nav.toc a{color:var(--muted);text-decoration:none;padding:6px 10px;border-radius:8px;white-space:nowrap;font-size:14px}
nav.toc a:hover{background:var(--soft);color:var(--ink)}
main{padding:20px 0 40px}
section.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:18px 20px;margin:0 0 18px}
section h2{margin:0 0 4px;font-size:19px}section .lead{margin:0 0 14px;color:var(--muted);font-size:14px}
.two{display:grid;grid-template-columns:1fr 1fr;gap:18px}.two>section{min-width:0}
@media (max-width:900px){.two{grid-template-columns:1fr}}
.tw{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
td.n,th.n{text-align:right}td small,.muted{color:var(--muted)}td small{display:block;font-size:12px}
.pos{color:var(--warn)}.neg{color:var(--accent)}
svg.chart{width:100%;min-width:520px;height:auto;display:block;margin:6px 0}
svg text{fill:var(--muted);font-size:12px}svg .grid{stroke:var(--line)}svg .axis{stroke:var(--muted)}
svg .ci{stroke:var(--ink);stroke-width:1.4}svg text.in{fill:#fff;font-weight:600}svg .hum{stroke:var(--ink)}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;font-size:13px;color:var(--muted);margin:4px 0 8px}
.legend span{display:inline-flex;align-items:center;gap:6px}
.note{background:var(--soft);border-radius:8px;padding:8px 12px;font-size:13px;color:var(--muted)}
.controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:0 0 12px}
.controls input,.controls select{font:inherit;font-size:14px;padding:7px 10px;border:1px solid var(--line);
border-radius:8px;background:var(--card);color:var(--ink)}.controls input{flex:1 1 220px;min-width:180px}
.count{color:var(--muted);font-size:13px;margin:0 0 8px}
details.conv{border:1px solid var(--line);border-radius:10px;margin:0 0 8px;background:var(--card)}
details.conv>summary{cursor:pointer;list-style:none;display:flex;flex-wrap:wrap;align-items:center;gap:8px;
padding:10px 14px}details.conv>summary::-webkit-details-marker{display:none}
details.conv[open]>summary{border-bottom:1px solid var(--line);background:var(--soft);border-radius:10px 10px 0 0}
.who{font-weight:600}.meta{color:var(--muted);font-size:13px;flex:1 1 auto}
.badge{display:inline-block;font-size:12px;font-weight:600;padding:2px 8px;border-radius:999px;
background:var(--soft);color:var(--muted);white-space:nowrap}
.badge.good{background:#d3f9d8;color:#1b5e20}.badge.bad{background:#ffe3e3;color:#a61e1e}
.badge.warn{background:#fff3bf;color:#8a5300}.badge.info{background:#dbe4ff;color:#2b3f9e}
.cbody{padding:14px}.cgrid{display:grid;grid-template-columns:3fr 2fr;gap:14px;margin:0 0 14px}
@media (max-width:800px){.cgrid{grid-template-columns:1fr}}
.panel{background:var(--soft);border-radius:10px;padding:12px 14px;font-size:14px}
.panel h4{margin:0 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.panel p{margin:6px 0}.facts{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0}
.facts dt{color:var(--muted)}.facts dd{margin:0}.chips{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}
.chip{font-size:12px;background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1px 7px}
.transcript{display:flex;flex-direction:column;gap:10px}
.turn{display:flex}.turn.shopper{justify-content:flex-end}
.bubble{max-width:78%;border-radius:14px;padding:10px 14px;background:var(--sales)}
.turn.shopper .bubble{background:var(--shop);border-bottom-right-radius:4px}
.turn.sales .bubble{border-bottom-left-radius:4px}
.speaker{font-size:12px;font-weight:600;color:var(--muted);margin:0 0 2px}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.recs,.insp{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0 2px}.cap{width:100%;font-size:12px;color:var(--muted)}
.prod{display:flex;gap:8px;align-items:center;background:var(--card);border:1px solid var(--line);
border-radius:10px;padding:6px 8px;max-width:330px;font-size:13px}
.prod.ok{border-color:#8ce99a}.prod.no{border-color:#ffa8a8}
.prod img{width:56px;height:56px;object-fit:contain;border-radius:6px;background:#fff;flex:none}
.pm{color:var(--muted);font-size:12px}.action{margin:8px 0 0}
details.reasoning{margin:6px 0 0;font-size:13px;color:var(--muted)}
button.more{font:inherit;font-size:14px;padding:8px 16px;border-radius:8px;border:1px solid var(--line);
background:var(--card);color:var(--accent);cursor:pointer}
footer{color:var(--muted);font-size:13px;text-align:center;padding:0 0 30px}
"""

JS = r"""
(() => {
  "use strict";
  const D = JSON.parse(document.getElementById("salessim-data").textContent);
  const PAGE = 40;
  const OUTCOME = {accepted: "info", max_turns_reached: "warn", error: "bad"};  // right or wrong: the label
  const root = document.getElementById("viewer");
  const KEYS = ["q", "run", "cat", "outcome", "label"];
  const st = {run: "", cat: "", outcome: "", label: "", q: "", shown: PAGE};
  const hash = new URLSearchParams(location.hash.slice(1));  // e.g. #label=!misaligned&run=1
  KEYS.forEach(k => { if (hash.get(k)) st[k] = k === "q" ? hash.get(k).toLowerCase() : hash.get(k); });
  const update = (key, value) => {
    st[key] = value; st.shown = PAGE; render();
    const p = new URLSearchParams();
    KEYS.forEach(k => { if (st[k]) p.set(k, st[k]); });
    try { history.replaceState(null, "", p.toString() ? "#" + p : location.pathname); } catch (e) { /* file: */ }
  };
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  const add = (parent, child) => { parent.appendChild(child); return child; };
  const rich = (node, text) => {  // **bold** spans become <strong>; everything stays text
    const parts = String(text).split("**");
    if (parts.length % 2 === 0) { node.textContent = String(text); return; }
    parts.forEach((p, i) => { if (p) node.appendChild(i % 2 ? el("strong", null, p) : document.createTextNode(p)); });
  };
  const badge = (text, cls) => el("span", "badge " + (cls || ""), text);
  const labelCls = c => c.aligned === 1 ? "good" : c.aligned === 0 ? "bad" : "";
  const product = (id, name, ok) => {
    const p = (id && D.products[id]) || {};
    const c = el("div", "prod" + (ok === true ? " ok" : ok === false ? " no" : ""));
    if (p.img) { const im = add(c, el("img")); im.src = p.img; im.alt = ""; im.loading = "lazy"; }
    const t = add(c, el("div"));
    add(t, el("div", "pn", name || p.name || id));
    const meta = [];
    if (p.price) meta.push(p.price);
    if (ok === true) meta.push("acceptable"); else if (ok === false) meta.push("not acceptable");
    if (meta.length) add(t, el("div", "pm", meta.join(" · ")));
    return c;
  };
  const select = (label, key, options) => {
    const s = el("select"); s.setAttribute("aria-label", label); s.dataset.filter = key;
    add(s, el("option", null, label)).value = "";
    options.forEach(([v, text]) => { add(s, el("option", null, text)).value = String(v); });
    s.value = st[key];
    s.addEventListener("change", () => update(key, s.value));
    return s;
  };
  D.conversations.forEach(c => {
    const p = c.persona = D.personas[c.p];
    c.hay = [p.name, c.persona_id, c.id, p.background, p.preferences, p.dealbreakers].join(" ").toLowerCase();
  });
  const ctl = add(root, el("div", "controls"));
  const q = add(ctl, el("input")); q.type = "search"; q.placeholder = "Search persona: name, id, background…";
  q.setAttribute("aria-label", "search personas"); q.dataset.filter = "q"; q.value = st.q;
  q.addEventListener("input", () => update("q", q.value.trim().toLowerCase()));
  if (D.runs.length > 1) ctl.appendChild(select("All runs", "run", D.runs.map((r, i) => [i, r])));
  ctl.appendChild(select("All categories", "cat", D.categories.map(c => [c, c.replace(/_/g, " ")])));
  ctl.appendChild(select("All outcomes", "outcome", D.outcomes.map(o => [o, o.replace(/_/g, " ")])));
  ctl.appendChild(select("All decision labels", "label",
    [["!misaligned", "misaligned (any failure)"], ...D.labels.map(l => [l, l.replace(/_/g, " ")])]));
  const count = add(root, el("p", "count"));
  const list = add(root, el("div", "convs"));
  const more = el("button", "more", "Show more"); more.type = "button";
  more.addEventListener("click", () => { st.shown += PAGE; render(); });
  root.appendChild(more);

  const matches = c =>
    (st.run === "" || String(c.run) === st.run) && (st.cat === "" || c.category === st.cat) &&
    (st.outcome === "" || c.outcome === st.outcome) &&
    (st.label === "" || (st.label === "!misaligned" ? c.aligned === 0 : c.label === st.label)) &&
    (st.q === "" || c.hay.includes(st.q));

  const body = c => {
    const b = el("div", "cbody"), grid = add(b, el("div", "cgrid")), p = c.persona;
    const pc = add(grid, el("div", "panel"));
    add(pc, el("h4", null, "Persona"));
    const facts = add(pc, el("dl", "facts"));
    [["Name", p.name], ["Age", p.age], ["Budget", p.budget], ["Knowledge", p.knowledge], ["Style", p.style]]
      .forEach(([k, v]) => { if (v !== undefined && v !== null && v !== "") {
        add(facts, el("dt", null, k)); add(facts, el("dd", null, v)); } });
    if (p.background) add(pc, el("p", null, p.background));
    [["Preferences", p.preferences], ["Dealbreakers", p.dealbreakers]].forEach(([k, v]) => {
      if (v) { const e = add(pc, el("p")); add(e, el("strong", null, k + ": ")); e.append(String(v)); }
    });
    if (p.constraints && p.constraints.length) {
      const ch = add(pc, el("div", "chips")); p.constraints.forEach(x => add(ch, el("span", "chip", x)));
    }
    const oc = add(grid, el("div", "panel"));
    add(oc, el("h4", null, "Outcome"));
    const bs = add(oc, el("div", "chips"));
    bs.appendChild(badge(c.outcome, OUTCOME[c.outcome]));
    if (c.label) bs.appendChild(badge(c.label, labelCls(c)));
    if (c.reason) add(oc, el("p", null, c.reason));
    if (c.error) add(oc, el("p", "muted", "Error: " + c.error));
    if (c.purchase) {
      add(oc, el("div", "cap", "Purchased")); oc.appendChild(product(c.purchase[0], c.purchase[1], c.purchase[2]));
    }
    add(oc, el("p", "muted", c.n_acceptable === null ? "No ground truth for this persona."
      : c.n_acceptable + " acceptable product" + (c.n_acceptable === 1 ? "" : "s") + " in the catalog."));
    add(oc, el("p", "muted", D.runs[c.run] + " · trial " + c.trial + " · " + c.id));
    const tr = add(b, el("div", "transcript"));
    c.turns.forEach(t => {
      const shop = t.who === "shopper";
      const bub = add(add(tr, el("div", "turn " + (shop ? "shopper" : "sales"))), el("div", "bubble"));
      add(bub, el("div", "speaker", (shop ? "Shopper" : "Salesperson") + " · turn " + t.i));
      if (t.inspected && t.inspected.length) {
        const ins = add(bub, el("div", "insp")); add(ins, el("div", "cap", "Inspected images of"));
        t.inspected.forEach(x => ins.appendChild(product(x[0], x[1], null)));
      }
      rich(add(bub, el("div", "text")), t.text);
      if (t.recs && t.recs.length) {
        const rl = add(bub, el("div", "recs")); add(rl, el("div", "cap", "Recommended"));
        t.recs.forEach(x => rl.appendChild(product(x[0], x[1], x[2])));
      }
      if (t.action && t.action !== "message") {
        const a = add(bub, el("div", "action"));
        a.appendChild(badge(t.action, t.action === "add_to_cart" ? "good" : "info"));
        if (t.product) a.append(" " + t.product);
      }
      if (t.leak) add(bub, el("div", "action")).appendChild(badge("format leak", "warn"));
      if (t.reasoning) {
        const r = add(bub, el("details", "reasoning")); add(r, el("summary", null, "reasoning"));
        add(r, el("div", "text", t.reasoning));
      }
    });
    return b;
  };
  const entry = c => {
    const d = el("details", "conv"); d.dataset.id = c.id;
    const s = add(d, el("summary"));
    add(s, el("span", "sw")).style.background = D.colors[c.run];
    add(s, el("span", "who", c.persona.name || "?"));
    add(s, el("span", "meta", [c.category.replace(/_/g, " "), D.runs[c.run], "trial " + c.trial,
      c.turns_n + " shopper turn" + (c.turns_n === 1 ? "" : "s")].join(" · ")));
    s.appendChild(badge(c.outcome, OUTCOME[c.outcome]));
    if (c.label) s.appendChild(badge(c.label, labelCls(c)));
    let built = false;
    const build = () => { if (!built) { built = true; d.appendChild(body(c)); } };
    d.addEventListener("toggle", () => { if (d.open) build(); });
    d.build = build;
    return d;
  };
  function render() {
    const hits = D.conversations.filter(matches), shown = hits.slice(0, st.shown);
    list.replaceChildren(...shown.map(entry));
    count.textContent = "Showing " + shown.length + " of " + hits.length + " conversations" +
      (hits.length < D.conversations.length ? " (" + D.conversations.length + " in all)" : "");
    more.hidden = shown.length >= hits.length;
    const first = list.firstElementChild;
    if (first) { first.build(); first.open = true; }
  }
  render();
  document.body.dataset.viewer = "ready";
})();
"""
