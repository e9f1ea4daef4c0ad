"""The runner benchmark (tools/bench_runner.py) runs end to end and reports every figure it promises."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "tools" / "bench_runner.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_runner", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_reports_efficiency_cpu_and_both_sequential_baselines(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("openevals")
    _load().main(["--conversations", "6", "--concurrency", "3", "--latency", "0.002", "--turns", "2",
                  "--repeat", "2", "--sequential-sample", "2"])
    out = capsys.readouterr().out
    assert "model_calls=18" in out  # 6 conversations x (2 shopper + 1 salesperson calls)
    efficiency = float(re.search(r"efficiency (\d\.\d+) \(best", out).group(1))  # type: ignore[union-attr]
    assert 0 < efficiency <= 1.0
    assert re.search(r"CPU used \d+\.\d+ ms per conversation", out)
    assert re.search(r"sequential \(est\. from 2\) \d+\.\d+s  speed-up \d+\.\dx", out)
    assert re.search(r"openevals run_multiturn_simulation_async one after another \(est\. from 2\) \d+\.\d+s", out)
    assert re.search(r"framework overhead per shopper turn .*: \d+\.\d+ ms wall", out)
