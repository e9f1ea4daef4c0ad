"""The HTML report: self-contained, escaped, deterministic, and rendered by a real browser."""

from __future__ import annotations

import asyncio
import copy
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage

from langgraph_salessim.builtin import load_builtin_catalog, load_builtin_personas
from langgraph_salessim.repeatability import alignment_by_category
from langgraph_salessim.report_assets import NO_HUMAN
from langgraph_salessim.report_html import render_html_report
from langgraph_salessim.runner import run_conversations
from langgraph_salessim.seats import ShopperReply, ShopperView

EVIL = "<script>alert(1)</script>"
EAGER = "eager & <co>"  # a run name that needs escaping


class EagerShopper:
    """A careless shopper that fails in several ways, picked by the conversation seed.

    It leaves at once (premature ending), leaves whatever it was offered (too stringent when something
    fitted), buys the first product named in bold (right or wrong), or buys a product nobody offered.
    """

    name = "eager-test-shopper"

    async def respond(self, view: ShopperView) -> ShopperReply:
        style = view.seed % 4
        if view.turn == 0 and style != 0:
            return ShopperReply(AIMessage(content=f"Hi, I need a {view.persona.category.replace('_', ' ')}."))
        m = re.search(r"\*\*(.+?)\*\*", view.transcript[-1].text) if view.transcript else None
        if m is None and style in (1, 2) and view.turn < 3:
            return ShopperReply(AIMessage(content=view.persona.dealbreakers or "What would you recommend?"))
        if style in (0, 1) or (style == 2 and m is None):
            return _act("Never mind, bye.", "end_conversation")
        return _act("I'll take it.", "add_to_cart", m.group(1) if style == 2 and m else "Imaginary Gadget 3000")


def _act(text: str, tool: str, product: str | None = None) -> ShopperReply:
    args = {"product": product} if product else {}
    return ShopperReply(AIMessage(content=text, tool_calls=[{"name": tool, "args": args, "id": "c1",
                                                             "type": "tool_call"}]))


@pytest.fixture(scope="module")
def runs() -> dict[str, list[dict[str, Any]]]:
    """Two small offline runs over laptop and smart-watch personas: the reference shopper and an eager one."""
    catalog = load_builtin_catalog()
    personas = load_builtin_personas("laptop")[:4] + load_builtin_personas("smart_watch")[:2]
    offline = asyncio.run(run_conversations(personas, catalog=catalog, trials=2))
    eager = asyncio.run(run_conversations(personas, catalog=catalog, shopper=EagerShopper(), trials=2))
    order = {f"{p.uuid}-t{t}": i for i, (t, p) in enumerate((t, p) for t in range(2) for p in personas)}
    offline.sort(key=lambda r: order[r["conversation_id"]])  # completion order varies; the report is given one
    eager.sort(key=lambda r: order[r["conversation_id"]])
    evil = copy.deepcopy(eager[0])
    evil["conversation_id"] += "-evil"
    evil["shopper_persona"]["name"] = EVIL
    next(t for t in evil["conversation"] if t["speaker"] == "Shopper")["text"] = f"Hi {EVIL} there"
    return {"offline": offline, EAGER: [*eager, evil]}


@pytest.fixture(scope="module")
def report(runs: dict[str, list[dict[str, Any]]]) -> str:
    return render_html_report(runs, catalog=load_builtin_catalog(), title="Test report")


def _data(report: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="salessim-data">(.*?)</script>', report, re.S)
    assert m is not None
    return json.loads(m.group(1))


def test_report_fetches_nothing_remote(report: str) -> None:
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", report, re.I)
    assert not re.search(r"url\(\s*[\"']?(?:https?:)?//|@import", report, re.I)
    assert "http://" not in report and "https://" not in report
    assert "Content-Security-Policy" in report and "default-src 'none'" in report


def test_report_shows_run_names_and_alignment(runs: dict[str, list[dict[str, Any]]], report: str) -> None:
    assert ">offline<" in report and "eager &amp; &lt;co&gt;" in report and EAGER not in report
    for records in runs.values():
        table = alignment_by_category(records)
        for cell in table.values():
            assert f"{100 * cell['mean']:.1f}%" in report
            assert f"[{100 * cell['ci'][0]:.1f}%, {100 * cell['ci'][1]:.1f}%] n={cell['n']}" in report
    eager = alignment_by_category(runs[EAGER])["overall"]
    assert eager["mean"] < 1.0  # the eager shopper fails: there is something to look at
    assert alignment_by_category(runs["offline"])["overall"]["mean"] == 1.0


def test_record_text_is_escaped_and_survives_in_the_data(report: str) -> None:
    assert EVIL not in report and "<script>alert" not in report
    data = _data(report)
    texts = [t["text"] for c in data["conversations"] for t in c["turns"]]
    assert f"Hi {EVIL} there" in texts
    assert EVIL in [p.get("name") for p in data["personas"]]


def test_report_is_deterministic(runs: dict[str, list[dict[str, Any]]], report: str) -> None:
    assert render_html_report(runs, catalog=load_builtin_catalog(), title="Test report") == report


def test_only_products_that_appear_are_embedded(report: str) -> None:
    data = _data(report)
    mentioned = {x[0] for c in data["conversations"] for t in c["turns"]
                 for x in [*t.get("recs", []), *t.get("inspected", [])]}
    mentioned |= {c["purchase"][0] for c in data["conversations"] if c["purchase"]}
    assert set(data["products"]) == mentioned - {None}
    images = [p["img"] for p in data["products"].values() if "img" in p]
    assert images and all(i.startswith("data:image/png;base64,") for i in images)
    assert len(images) < len(load_builtin_catalog().products)
    assert report.count("data:image/png;base64,") == len(images)


def test_human_reference_is_compared(runs: dict[str, list[dict[str, Any]]], report: str) -> None:
    assert NO_HUMAN in report
    with_human = render_html_report(runs, human={"first_turn_criteria": 2.99, "num_turns": 10.2})
    assert NO_HUMAN not in with_human and "Δ human" in with_human
    assert "2.990" in with_human and 'class="hum"' in with_human


def test_no_runs_is_an_error() -> None:
    with pytest.raises(ValueError, match="no runs"):
        render_html_report({})


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def _chromium(exe: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.browser
def test_report_renders_in_headless_chromium(runs: dict[str, list[dict[str, Any]]], report: str,
                                             tmp_path: Path) -> None:
    exe = shutil.which("chromium")
    if exe is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium); the browser test needs it")
    page = tmp_path / "report.html"
    page.write_text(report, encoding="utf-8")
    result = _chromium(exe, tmp_path / "profile-dom", "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert 'data-viewer="ready"' in dom  # the viewer script ran to the end
    total = sum(len(r) for r in runs.values())
    assert dom.count('<details class="conv"') == total
    assert f"Showing {total} of {total} conversations" in dom
    for control in ("q", "run", "cat", "outcome", "label"):
        assert f'data-filter="{control}"' in dom
    assert dom.count('<svg class="chart"') >= 3 and '<svg class="strip"' in dom
    assert len(re.findall(r'<details class="conv"[^>]*\sopen=', dom)) == 1  # the first one, built
    assert 'class="bubble"' in dom and 'class="prod' in dom and "data:image/png;base64," in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom and EVIL not in dom  # shown as text, never run

    # filters read from the URL: the eager run's misaligned conversations only
    failed = sum(1 for r in runs[EAGER] for sc in r["scores"] if sc["name"] == "decision_alignment"
                 and sc["value"] == 0.0)
    assert 0 < failed < len(runs[EAGER])
    result = _chromium(exe, tmp_path / "profile-filter", "--dump-dom", page.as_uri() + "#label=!misaligned&run=1")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count('<details class="conv"') == failed
    assert f"Showing {failed} of {failed} conversations ({total} in all)" in result.stdout

    shot = tmp_path / "report.png"
    result = _chromium(exe, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1280,2000",
                       page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if artifacts := os.environ.get("SALESSIM_ARTIFACTS"):
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(artifacts) / "report.png")
        shutil.copy(page, Path(artifacts) / "report.html")
