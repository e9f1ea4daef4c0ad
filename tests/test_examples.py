"""The examples run offline, and the CLI takes a bot by import path."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path

from langgraph_salessim.cli import main as cli
from langgraph_salessim.results import read_results

EXAMPLES = Path(__file__).parent.parent / "examples"


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem + "_example", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_evaluate_your_sales_bot_example() -> None:
    summary = asyncio.run(_load(EXAMPLES / "evaluate_your_sales_bot.py").main(6, False))
    assert summary["conversations"] == 6 and summary["errors"] == 0 and summary["graded"] == 6


def test_compose_into_app_example() -> None:
    result = asyncio.run(_load(EXAMPLES / "compose_into_app.py").main())
    names = [s["name"] for s in result["scores"]]
    assert names == ["decision_alignment", "first_turn_criteria", "num_turns"]
    assert result["decision"]["action"] in ("add_to_cart", "end_conversation") or len(result["chat"]) >= 16
    assert result["scores"][0]["value"] is not None


def test_custom_catalog_example(tmp_path) -> None:
    report = asyncio.run(_load(EXAMPLES / "custom_catalog" / "run.py").main(tmp_path, 8))
    assert "coffee_maker" in report
    assert len(list(read_results(tmp_path / "results.jsonl"))) == 8
    assert (tmp_path / "personas.jsonl").read_text().count("\n") == 8


def test_cli_takes_a_bot_by_import_path(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    out = tmp_path / "bot-run"
    assert cli(["run", "--sales-agent", "examples.evaluate_your_sales_bot:bot", "--category", "laptop",
                "--limit", "3", "--out", str(out), "--quiet"]) == 0
    records = list(read_results(out / "results.jsonl"))
    assert len(records) == 3 and records[0]["models"]["sales_agent"]["type"] == "BotSalesAgent"
    assert cli(["run", "--sales-agent", "examples.nope:bot", "--out", str(tmp_path / "x")]) == 2
    assert "examples.nope:bot" in capsys.readouterr().err
