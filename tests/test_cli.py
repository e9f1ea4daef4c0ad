"""`salessim run` / `summary` end to end, and the runner's batch behaviour (offline agents)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from langgraph_salessim import Catalog, Constraint, Persona, load_personas, resolve_ground_truth
from langgraph_salessim.cli import main
from langgraph_salessim.offline_shopper import create_offline_shopper
from langgraph_salessim.results import read_results
from langgraph_salessim.runner import run_conversations
from langgraph_salessim.seats import ShopperReply, ShopperView

REQUIRED_FIELDS = {
    "conversation_id", "persona_id", "persona_hash", "category", "trial", "seed", "shopper_persona",
    "shopper_preferences", "ideal_recommendations", "conversation", "outcome", "termination_reason",
    "purchase", "total_turns", "error_message", "scores", "models", "token_usage", "timings", "package_version",
}


def _personas() -> list[dict]:
    c = lambda a, o, v: {"attribute": a, "operator": o, "value": v}  # noqa: E731
    return [
        {"uuid": "feasible", "name": "Ines", "age": 33, "category": "laptop", "budget": 1500,
         "dealbreakers": "16GB of RAM, Windows.", "constraints": [c("ram_gb", ">=", 16), c("os", "==", "Windows")]},
        {"uuid": "infeasible", "name": "Olu", "age": 61, "category": "laptop", "budget": 600,
         "dealbreakers": "A Mac under $600.", "constraints": [c("os", "==", "macOS"), c("price", "<=", 600)]},
        {"uuid": "colour", "name": "Yara", "age": 22, "category": "laptop", "budget": 1000,
         "dealbreakers": "Blue, under $1000.", "constraints": [c("color", "==", "blue"), c("price", "<=", 1000)]},
    ]


@pytest.fixture
def persona_file(tmp_path: Path) -> Path:
    path = tmp_path / "personas.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in _personas()))
    return path


def test_run_writes_results_and_prints_summary(small_catalog_path, persona_file, tmp_path, capsys) -> None:
    out = tmp_path / "out"
    argv = ["run", "--personas", str(persona_file), "--catalog", str(small_catalog_path), "--out", str(out),
            "--quiet", "--concurrency", "2"]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "conversations: 3" in printed
    assert "decision alignment: 100.0% (3 graded, 0 errors excluded)" in printed
    assert "sales agent recommended an acceptable product: 100.0% of 2 conversations" in printed

    records = list(read_results(out / "results.jsonl"))
    assert sorted(r["persona_id"] for r in records) == ["colour", "feasible", "infeasible"]
    for r in records:
        assert REQUIRED_FIELDS <= set(r)
        assert r["conversation"][0]["speaker"] == "Salesperson" and r["conversation"][1]["speaker"] == "Shopper"
    by_id = {r["persona_id"]: r for r in records}
    assert by_id["infeasible"]["outcome"] == "ended_by_shopper"
    assert by_id["colour"]["purchase"]["product_id"] == "lt-005"  # the only blue laptop under $1000
    config = json.loads((out / "run.json").read_text())
    assert config["personas"]["count"] == 3 and len(config["catalog"]["sha256"]) == 64

    # the same --out is not appended to by accident; --resume skips finished conversations
    assert main(argv) == 2
    assert "--resume" in capsys.readouterr().err
    assert main([*argv, "--resume"]) == 0
    assert len(list(read_results(out / "results.jsonl"))) == 3


def test_summary_command(small_catalog_path, persona_file, tmp_path, capsys) -> None:
    out = tmp_path / "out"
    main(["run", "--personas", str(persona_file), "--catalog", str(small_catalog_path), "--out", str(out), "--quiet"])
    capsys.readouterr()
    assert main(["summary", str(out)]) == 0
    assert "outcomes: accepted=2, ended_by_shopper=1" in capsys.readouterr().out


def test_bad_persona_file_names_file_line_and_field(small_catalog_path, tmp_path, capsys) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(_personas()[0]) + "\n" + json.dumps({**_personas()[1], "age": "old"}) + "\n")
    assert main(["run", "--personas", str(bad), "--catalog", str(small_catalog_path),
                 "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2" in err and "field 'age'" in err


def test_official_v1_personas_run_in_oracle_mode(fixtures_dir, tmp_path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["run", "--personas", str(fixtures_dir / "official_v1_personas.jsonl"),
                 "--catalog", str(fixtures_dir / "official_v1_products.json"), "--out", str(out), "--quiet"]) == 0
    records = list(read_results(out / "results.jsonl"))
    scores = [s for r in records for s in r["scores"] if s["name"] == "decision_alignment"]
    assert len(scores) == len(records) and all(s["value"] is not None for s in scores)


class _CrashFor:
    """Offline shopper that crashes for one persona."""

    def __init__(self, uuid: str) -> None:
        self.uuid, self.inner = uuid, create_offline_shopper()

    async def respond(self, view: ShopperView) -> ShopperReply:
        if view.persona.uuid == self.uuid and view.turn > 0:
            raise RuntimeError("model timed out")
        return await self.inner.respond(view)


def test_a_failing_conversation_is_recorded_and_the_batch_goes_on(small_catalog: Catalog, tmp_path) -> None:
    personas = load_personas(_write(tmp_path, _personas()), catalog=small_catalog)
    out = tmp_path / "results.jsonl"
    records = asyncio.run(run_conversations(personas, catalog=small_catalog, shopper=_CrashFor("feasible"),
                                            concurrency=3, trials=2, out=out))
    assert len(records) == 6 and len(list(read_results(out))) == 6
    failed = [r for r in records if r["outcome"] == "error"]
    assert {r["persona_id"] for r in failed} == {"feasible"} and len(failed) == 2
    assert failed[0]["error_message"] == "RuntimeError: model timed out"
    assert all(r["outcome"] != "error" for r in records if r["persona_id"] != "feasible")
    assert len({r["seed"] for r in records}) == 6  # every conversation has its own seed


def test_trials_with_the_same_seed_repeat_exactly(small_catalog: Catalog) -> None:
    p = resolve_ground_truth(Persona(uuid="x", name="X", age=40, category="laptop",
                                     constraints=[Constraint(attribute="ram_gb", operator=">=", value=16)]),
                             small_catalog)
    texts = [[t["text"] for t in asyncio.run(run_conversations([p], catalog=small_catalog, seed=5))[0]["conversation"]]
             for _ in range(2)]
    assert texts[0] == texts[1]


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_run_a_built_in_category(tmp_path, capsys) -> None:
    out = tmp_path / "watch"
    assert main(["run", "--category", "smart_watch", "--limit", "4", "--out", str(out), "--quiet"]) == 0
    records = list(read_results(out / "results.jsonl"))
    assert len(records) == 4 and {r["category"] for r in records} == {"smart_watch"}
    config = json.loads((out / "run.json").read_text())
    assert config["personas"]["source"] == "built-in:smart_watch" and len(config["personas"]["sha256"]) == 64


def test_data_commands(small_catalog_path, persona_file, tmp_path, capsys) -> None:
    assert main(["data", "validate", str(small_catalog_path), str(persona_file)]) == 0
    assert "2 file(s) checked, 0 problem(s)" in capsys.readouterr().out
    broken = tmp_path / "broken.jsonl"
    broken.write_text(persona_file.read_text() + '{"uuid": "x", "name": "Q", "category": "laptop"}\n')
    assert main(["data", "validate", str(small_catalog_path), str(broken)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:4" in err and "age" in err

    generated = tmp_path / "generated.jsonl"
    assert main(["data", "personas", "--catalog", str(small_catalog_path), "-n", "10",
                 "--infeasible-share", "0.3", "--seed", "3", "--out", str(generated)]) == 0
    assert "wrote 10 personas" in capsys.readouterr().out
    made = load_personas(generated, catalog=Catalog.model_validate(json.loads(small_catalog_path.read_text())))
    assert len(made) == 10 and sum(p.acceptable_products == [] for p in made) == 3

    assert main(["data", "stats", "--catalog", str(small_catalog_path), "--personas", str(generated)]) == 0
    assert "laptop" in capsys.readouterr().out


def test_resume_after_a_killed_run_keeps_every_conversation_once(tmp_path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "killed"
    argv = [sys.executable, "-m", "langgraph_salessim", "run", "--category", "laptop", "--out", str(out),
            "--quiet", "--concurrency", "2"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = out / "results.jsonl"
    deadline = time.time() + 60
    while time.time() < deadline and (not results.exists() or results.read_text().count("\n") < 5):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = results.read_text().count("\n")
    assert 5 <= done_before < 68
    with results.open("a") as fh:  # as if the kill had landed mid-write
        fh.write('{"conversation_id": "torn')
    assert main(["run", "--category", "laptop", "--out", str(out), "--quiet", "--resume"]) == 0
    ids = [r["conversation_id"] for r in read_results(results)]
    assert len(ids) == 68 and len(set(ids)) == 68
