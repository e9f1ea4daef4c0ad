"""run_conversations(workers=N): same records as one process; the parent writes, resumes and budgets."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from langgraph_salessim import load_builtin_catalog, load_builtin_personas
from langgraph_salessim.pacing import CpuTurns, waiting
from langgraph_salessim.runner import run_conversations

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def _key(record: dict[str, Any]) -> tuple[Any, ...]:
    return (record["conversation_id"], record["outcome"], record["purchase"], record["total_turns"],
            json.dumps(record["scores"], sort_keys=True), json.dumps(record["conversation"], sort_keys=True))


def _personas() -> list[Any]:
    personas = load_builtin_personas("laptop")
    feasible = [p for p in personas if p.acceptable_products][:4]
    infeasible = [p for p in personas if not p.acceptable_products][:2]
    return [*feasible, *infeasible]


def test_workers_give_the_same_records_and_one_results_file(tmp_path: Path) -> None:
    catalog = load_builtin_catalog("laptop")
    personas = _personas()
    one = asyncio.run(run_conversations(personas, catalog=catalog, trials=2, seed=7, concurrency=4))
    seen: list[str] = []
    out = tmp_path / "results.jsonl"
    many = asyncio.run(run_conversations(personas, catalog=catalog, trials=2, seed=7, concurrency=4, workers=3,
                                         out=out, on_result=lambda r: seen.append(r["conversation_id"])))
    assert sorted(map(_key, many)) == sorted(map(_key, one))
    assert {r["outcome"] for r in one} >= {"accepted", "ended_by_shopper"}
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["conversation_id"] for r in written] == seen == [r["conversation_id"] for r in many]
    assert sorted(map(_key, written)) == sorted(map(_key, one))


def test_workers_skip_finished_and_stop_at_the_token_budget() -> None:
    catalog = load_builtin_catalog("laptop")
    personas = _personas()
    skip = {f"{personas[0].uuid}-t0", f"{personas[1].uuid}-t0"}
    rest = asyncio.run(run_conversations(personas, catalog=catalog, workers=2, concurrency=2, skip=skip))
    assert sorted(r["conversation_id"] for r in rest) == sorted(f"{p.uuid}-t0" for p in personas[2:])
    # offline seats use no tokens: a zero budget is spent before any conversation starts
    assert asyncio.run(run_conversations(personas, catalog=catalog, workers=2, token_budget=0)) == []


def test_workers_reject_an_executor_and_bad_counts() -> None:
    catalog = load_builtin_catalog("laptop")
    with pytest.raises(ValueError, match="workers"):
        asyncio.run(run_conversations(_personas(), catalog=catalog, workers=2, executor=object()))
    with pytest.raises(ValueError, match="workers"):
        asyncio.run(run_conversations(_personas(), catalog=catalog, workers=0))


def test_cpu_turns_let_one_conversation_work_at_a_time() -> None:
    async def main() -> list[str]:
        turns, log = CpuTurns(), []

        async def conversation(name: str) -> None:
            async with turns.conversation():
                log.append(f"{name} works")
                await asyncio.sleep(0)  # framework work yields: the other conversation must not start
                log.append(f"{name} asks")
                async with waiting():  # judges in parallel: the turn comes back once both answered
                    await asyncio.gather(asyncio.sleep(0.01), asyncio.sleep(0.02))
                log.append(f"{name} done")

        await asyncio.gather(conversation("a"), conversation("b"))
        async with waiting():  # outside a conversation: nothing to release
            pass
        return log

    log = asyncio.run(main())
    assert log[:4] == ["a works", "a asks", "b works", "b asks"]
    assert sorted(log[4:]) == ["a done", "b done"]
