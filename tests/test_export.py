"""`salessim export`: SFT chat JSONL (roles, tool calls, aligned-only filter) and preference pairs per persona."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage

from langgraph_salessim import Catalog, Constraint
from langgraph_salessim.cli_export import add_export_parser, cmd_export
from langgraph_salessim.environment import ShopperEnv
from langgraph_salessim.export import chat_messages, export_results, preference_pairs, sft_examples
from tests.fakes import tool_call
from tests.test_environment import NEEDS, XPS, persona

BUY = AIMessage(content="I'll take it.", tool_calls=[tool_call("add_to_cart", {"product": XPS})])
LEAVE = AIMessage(content="No thanks.", tool_calls=[tool_call("end_conversation")])
V0_ROW = {
    "product_category": "laptop",
    "shopper_preferences": "{'persona_background': 'new_grad', 'What is your budget?': '$500'}",
    "shopper_persona": "{'name': 'Emily', 'age': 22, 'background': 'Fresh graduate.'}",
    "shopper_emotion": "overwhelmed",
    "conversation": str([{"speaker": "Salesperson", "text": "Hello!", "turn": 0},
                         {"speaker": "Shopper", "text": "I need a cheap laptop.", "turn": 1},
                         {"speaker": "Salesperson", "text": "Try the **HP Pavilion**.", "turn": 1},
                         {"speaker": "Shopper", "text": "[ACCEPT] I'll take it.", "turn": 2}]),
    "outcome": "accepted", "total_turns": 2,
}


def _play(env: ShopperEnv, p: Any, moves: list[Any], seed: int) -> dict[str, Any]:
    env.reset(p, seed=seed)
    for move in moves:
        *_, info = env.step(move)
    assert env.done
    return info["record"]


@pytest.fixture
def records(small_catalog: Catalog) -> list[dict[str, Any]]:
    env = ShopperEnv(catalog=small_catalog)
    mara = persona(small_catalog)
    picky = persona(small_catalog, uuid="p-2", name="Ivo Brandt",
                    constraints=[Constraint(attribute="ram_gb", operator=">=", value=64)], budget=None)
    out = [
        _play(env, mara, [NEEDS, BUY], seed=0),  # correct_accept
        _play(env, mara, [NEEDS, LEAVE], seed=0),  # too_stringent
        _play(env, mara, ["Hello.", NEEDS, BUY], seed=1),  # correct_accept
        _play(env, picky, ["I need 64GB of RAM.", LEAVE], seed=0),  # correct_reject
        _play(env, mara, ["  "], seed=0),  # error: unscorable
    ]
    assert [r["scores"][0]["label"] for r in out] == [
        "correct_accept", "too_stringent", "correct_accept", "correct_reject", "error"]
    return out


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_sft_lines_are_the_shoppers_chat_with_tool_calls(records: list[dict[str, Any]]) -> None:
    messages = chat_messages(records[0])
    assert messages is not None
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user", "assistant"]
    assert "Mara Quill" in messages[0]["content"] and "Needs 16GB of RAM" in messages[0]["content"]
    assert messages[1]["content"].startswith("Hello!") and messages[2]["content"] == NEEDS
    assert "tool_calls" not in messages[2]
    [call] = messages[-1]["tool_calls"]
    assert call["type"] == "function" and call["function"]["name"] == "add_to_cart"
    assert json.loads(call["function"]["arguments"]) == {"product": XPS}
    assert messages[-1]["content"] == "I'll take it."
    leave = chat_messages(records[1])
    assert leave is not None and leave[-1]["tool_calls"][0]["function"] == {"name": "end_conversation",
                                                                            "arguments": "{}"}
    steering = chat_messages(records[0], variant="human_steering")
    assert steering is not None and "How real shoppers talk" in steering[0]["content"]


def test_sft_keeps_only_aligned_conversations_by_default(records: list[dict[str, Any]]) -> None:
    lines = list(sft_examples(records))
    assert [line["metadata"]["decision_label"] for line in lines] == ["correct_accept", "correct_accept",
                                                                     "correct_reject"]
    assert {t["function"]["name"] for t in lines[0]["tools"]} == {"add_to_cart", "end_conversation"}
    assert "rewards" not in lines[0]
    everything = list(sft_examples(records, all_with_rewards=True))
    assert len(everything) == 5
    by_label = {line["metadata"]["decision_label"]: line for line in everything}
    assert by_label["too_stringent"]["rewards"]["decision_alignment"] == 0.0
    assert by_label["error"]["reward"] is None and by_label["correct_accept"]["reward"] >= 2 / 3


def test_preference_pairs_per_persona(records: list[dict[str, Any]]) -> None:
    pairs = list(preference_pairs(records))
    assert len(pairs) == 2  # Mara: 2 aligned x 1 misaligned; Ivo has no misaligned conversation
    for pair in pairs:
        assert pair["metadata"]["persona_id"] == "p-1"
        assert pair["prompt"][0]["role"] == "system" and pair["prompt"][1]["content"].startswith("Hello!")
        assert pair["chosen"][0]["role"] == pair["rejected"][0]["role"] == "assistant"
        assert pair["chosen"][-1]["tool_calls"][0]["function"]["name"] == "add_to_cart"
        assert pair["rejected"][-1]["tool_calls"][0]["function"]["name"] == "end_conversation"
    # the first pair shares the opening turns too: it forks where the shopper decided
    assert [m["role"] for m in pairs[0]["prompt"]] == ["system", "user", "assistant", "user"]
    assert pairs[0]["chosen"] == [pairs[0]["chosen"][-1]]
    assert len(list(preference_pairs(records, max_pairs_per_persona=1))) == 1


def test_official_v0_rows_get_the_v0_prompt_and_no_tool_calls(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    path.write_text(json.dumps([V0_ROW]), encoding="utf-8")
    assert export_results([path], tmp_path / "sft.jsonl", format="sft") == {"read": 1, "written": 0}  # no ground truth
    assert export_results([path], tmp_path / "all.jsonl", format="sft", all_with_rewards=True)["written"] == 1
    [line] = [json.loads(x) for x in (tmp_path / "all.jsonl").read_text().splitlines()]
    assert "Emily" in line["messages"][0]["content"] and "[ACCEPT]" in line["messages"][0]["content"]
    assert line["messages"][-1] == {"role": "assistant", "content": "[ACCEPT] I'll take it."}
    assert "tools" not in line and line["reward"] is None and line["rewards"]["decision_alignment"] is None


def test_cli_export(tmp_path: Path, records: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    results = _write(tmp_path / "results.jsonl", records)
    parser = argparse.ArgumentParser()
    add_export_parser(parser.add_subparsers(dest="command"))
    out = tmp_path / "sft.jsonl"
    assert cmd_export(parser.parse_args(["export", "--format", "sft", str(results), "--out", str(out)])) == 0
    assert len(out.read_text().splitlines()) == 3
    assert "read 5 conversations; wrote 3 examples" in capsys.readouterr().out
    pref = tmp_path / "pref.jsonl"
    assert cmd_export(parser.parse_args(["export", "--format", "preference", str(results), str(results),
                                         "--out", str(pref), "--max-pairs-per-persona", "3"])) == 0
    assert len(pref.read_text().splitlines()) == 3  # the file twice: 4 aligned x 2 misaligned, capped at 3
    every = tmp_path / "all.jsonl"
    cmd_export(parser.parse_args(["export", "--format", "sft", str(results), "--out", str(every),
                                  "--all-with-rewards", "--shopper-variant", "human_steering"]))
    assert len(every.read_text().splitlines()) == 5
    with pytest.raises(ValueError):
        export_results([results], tmp_path / "x.jsonl", format="nope")
