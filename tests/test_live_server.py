"""Live: `langgraph dev` serves the repository's langgraph.json; the graphs are driven through langgraph_sdk.

Starts the real LangGraph dev server (langgraph-cli with the inmem extra, from the dev extra) on a
loopback port. Skipped only when langgraph-cli is not installed.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("langgraph_cli", reason="langgraph-cli[inmem] is not installed (dev extra)")
from langgraph_sdk import get_client  # noqa: E402

from langgraph_salessim import load_builtin_catalog, load_builtin_personas  # noqa: E402

pytestmark = [pytest.mark.live, pytest.mark.allow_hosts(["127.0.0.1"])]
ROOT = Path(__file__).parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Any:
    port = _free_port()
    log = tmp_path_factory.mktemp("langgraph-dev") / "server.log"
    env = {**os.environ, "LANGGRAPH_CLI_NO_ANALYTICS": "1", "LANGSMITH_TRACING": "false"}
    with log.open("w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "langgraph_cli", "dev", "--port", str(port), "--host",
                                 "127.0.0.1", "--no-browser", "--no-reload"], cwd=ROOT, stdout=fh, stderr=fh,
                                env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{url}/ok", timeout=1) as r:  # noqa: S310 (loopback)
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
            if proc.poll() is not None:
                break
        else:
            pytest.fail(f"langgraph dev did not start:\n{log.read_text()[-3000:]}")
        if proc.poll() is not None:
            pytest.fail(f"langgraph dev exited:\n{log.read_text()[-3000:]}")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def _persona():
    return next(p for p in load_builtin_personas("laptop") if p.acceptable_products)


def test_server_lists_all_four_graphs(server_url: str) -> None:
    async def go() -> set[str]:
        client = get_client(url=server_url)
        return {a["graph_id"] for a in await client.assistants.search(limit=50)}

    assert {"salessim", "salessim_batch", "shopper", "judge"} <= asyncio.run(go())


def test_salessim_graph_on_the_server(server_url: str) -> None:
    persona = _persona()

    async def go() -> dict[str, Any]:
        client = get_client(url=server_url)
        thread = await client.threads.create()
        return await client.runs.wait(thread["thread_id"], "salessim", input={"persona_id": persona.uuid})

    out = asyncio.run(go())
    assert out["outcome"] == "accepted"
    assert {s["name"] for s in out["scores"]} >= {"decision_alignment", "first_turn_criteria"}
    assert next(s for s in out["scores"] if s["name"] == "decision_alignment")["label"] == "correct_accept"


def test_shopper_graph_interrupt_and_resume(server_url: str) -> None:
    persona = _persona()
    product = load_builtin_catalog().get(persona.acceptable_products[0])

    async def go() -> dict[str, Any]:
        client = get_client(url=server_url)
        thread = await client.threads.create()
        tid = thread["thread_id"]
        await client.runs.wait(tid, "shopper", input={"persona_id": persona.uuid})
        state = await client.threads.get_state(tid)
        assert state["tasks"] and state["tasks"][0]["interrupts"], "the run should wait for the salesperson"
        await client.runs.wait(tid, "shopper", command={"resume": "Hello! What are you after?"})
        for _ in range(6):
            state = await client.threads.get_state(tid)
            decision = state["values"].get("shopper_decision") or {}
            if decision.get("action") in ("add_to_cart", "end_conversation"):
                break
            await client.runs.wait(tid, "shopper", command={"resume": f"Try the **{product.name}**."})
        return state["values"]

    values = asyncio.run(go())
    assert values["shopper_decision"]["action"] == "add_to_cart"
    assert values["messages"][0]["type"] == "ai" and values["messages"][1]["type"] == "human"


def test_batch_graph_on_the_server(server_url: str) -> None:
    async def go() -> dict[str, Any]:
        client = get_client(url=server_url)
        thread = await client.threads.create()
        return await client.runs.wait(thread["thread_id"], "salessim_batch",
                                      input={"category": "game_gadget", "limit": 3})

    out = asyncio.run(go())
    assert len(out["results"]) == 3 and out["summary"]["overall"]["n"] == 3


def test_salessim_run_on_the_server_with_resume(server_url: str, tmp_path) -> None:
    from langgraph_salessim.cli import main
    from langgraph_salessim.results import read_results

    out = tmp_path / "on-server"
    argv = ["run", "--server", server_url, "--category", "laptop", "--limit", "3", "--out", str(out), "--quiet",
            "--concurrency", "3"]
    assert main(argv) == 0
    records = list(read_results(out / "results.jsonl"))
    assert len(records) == 3 and all(r["outcome"] in ("accepted", "ended_by_shopper") for r in records)
    assert all(r["models"] == {"executor": {"server": server_url, "graph_id": "salessim"}} for r in records)
    assert all(r["conversation"][1]["speaker"] == "Shopper" and r["conversation"][1]["text"] for r in records)
    argv[argv.index("3")] = "5"  # --limit 5: two more, the three finished ones are skipped
    assert main([*argv, "--resume"]) == 0
    ids = [r["conversation_id"] for r in read_results(out / "results.jsonl")]
    assert len(ids) == 5 and len(set(ids)) == 5


def test_remote_graph_bot_in_the_sales_seat(server_url: str) -> None:
    from langgraph.pregel.remote import RemoteGraph

    from langgraph_salessim import create_salessim_graph
    from langgraph_salessim.bot_adapter import create_bot_sales_agent

    bot = create_bot_sales_agent(RemoteGraph("sales_bot", url=server_url))
    assert bot.stateful
    persona = _persona()
    graph = create_salessim_graph(sales_agent=bot, catalog=load_builtin_catalog())
    out = asyncio.run(graph.compile().ainvoke({"persona": persona.model_dump(mode="json")}))
    assert out["outcome"] in ("accepted", "ended_by_shopper"), out.get("error_message")
    sales_turns = [m for m in out["messages"] if m.type == "ai"][1:]
    assert sales_turns and all("**" in m.text or "Sorry" in m.text for m in sales_turns)
    assert out["scores"][0]["value"] is not None


def test_model_choices_reach_the_server_graph(server_url: str, tmp_path) -> None:
    from langgraph_salessim.cli import main
    from langgraph_salessim.results import read_results

    # the server's graph builds the model from its context: an unknown provider fails there, per conversation
    out = tmp_path / "server-models"
    assert main(["run", "--server", server_url, "--category", "laptop", "--limit", "1", "--out", str(out),
                 "--quiet", "--shopper-model", "nosuch:model"]) == 0
    [record] = list(read_results(out / "results.jsonl"))
    assert record["outcome"] == "error" and "nosuch:model" in record["error_message"]
    assert record["models"]["executor"]["context"] == {"shopper_model": "nosuch:model"}
