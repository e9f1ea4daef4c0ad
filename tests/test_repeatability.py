"""pass^k / pass@k against hand-computed values, per-category alignment, the Markdown report."""

from __future__ import annotations

import json

import pytest

from langgraph_salessim.cli import main
from langgraph_salessim.repeatability import alignment_by_category, pass_at_k, pass_hat_k, repeatability


@pytest.mark.parametrize(("n", "c", "k", "hat", "at"), [
    (3, 3, 3, 1.0, 1.0),
    (3, 2, 1, 2 / 3, 2 / 3),
    (3, 2, 2, 1 / 3, 1.0),        # C(2,2)/C(3,2); 1 - C(1,2)/C(3,2)
    (4, 2, 2, 1 / 6, 5 / 6),      # C(2,2)/C(4,2) = 1/6; 1 - C(2,2)/C(4,2)
    (5, 0, 2, 0.0, 0.0),
    (5, 1, 3, 0.0, 0.6),          # 1 - C(4,3)/C(5,3) = 1 - 4/10
])
def test_pass_k_hand_values(n, c, k, hat, at) -> None:
    assert pass_hat_k(n, c, k) == pytest.approx(hat)
    assert pass_at_k(n, c, k) == pytest.approx(at)


def test_pass_k_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError):
        pass_hat_k(3, 4, 1)
    with pytest.raises(ValueError):
        pass_at_k(3, 1, 4)


def _rec(pid: str, cat: str, value: float | None, label: str = "x") -> dict:
    return {"persona_id": pid, "category": cat,
            "scores": [{"name": "decision_alignment", "value": value, "label": label, "details": {}}]}


def test_repeatability_over_personas() -> None:
    records = [_rec("a", "laptop", 1.0), _rec("a", "laptop", 1.0), _rec("a", "laptop", 0.0),
               _rec("b", "laptop", 1.0), _rec("b", "laptop", 1.0), _rec("b", "laptop", 1.0),
               _rec("c", "laptop", None)]  # unscored: not a trial
    rep = repeatability(records, ks=(1, 3))
    assert rep["personas"] == 2
    assert rep["pass^1"] == pytest.approx((2 / 3 + 1) / 2)
    assert rep["pass^3"] == pytest.approx((0 + 1) / 2)
    assert rep["pass@3"] == pytest.approx(1.0)


def test_alignment_by_category_has_overall_and_labels() -> None:
    table = alignment_by_category([_rec("a", "laptop", 1.0, "correct_accept"),
                                   _rec("b", "laptop", 0.0, "too_stringent"),
                                   _rec("c", "smart_watch", 1.0, "correct_reject")])
    assert table["laptop"]["mean"] == 0.5 and table["overall"]["n"] == 3
    assert table["overall"]["labels"] == {"correct_accept": 1, "too_stringent": 1, "correct_reject": 1}


def test_report_command_compares_runs(tmp_path, capsys) -> None:
    for name, value in (("model_a", 1.0), ("model_b", 0.0)):
        run = tmp_path / name
        run.mkdir()
        rows = [_rec(f"p{i}", "laptop", value, "correct_accept" if value else "too_stringent") for i in range(3)]
        (run / "results.jsonl").write_text("".join(json.dumps({**r, "outcome": "accepted"}) + "\n" for r in rows))
    md = tmp_path / "report.md"
    assert main(["report", str(tmp_path / "model_a"), str(tmp_path / "model_b"), "--md", str(md)]) == 0
    text = md.read_text()
    assert "| model_a | 100.0 | 100.0 |" in text and "| model_b | 0.0 | 0.0 |" in text
    assert text == capsys.readouterr().out
