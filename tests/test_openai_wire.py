"""Wire level: both seats as `ChatOpenAI` against the loopback OpenAI-compatible stub.

These tests send real HTTP requests to 127.0.0.1 and check the JSON we send (roles, tools,
images, seeds) and that the replies we parse drive the graph to its outcomes.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from langgraph_salessim import Catalog, Constraint, Persona, create_salessim_graph, resolve_ground_truth
from langgraph_salessim.cli import main
from langgraph_salessim.models import create_chat_model
from langgraph_salessim.results import read_results
from langgraph_salessim.sales_agent import create_sales_agent
from langgraph_salessim.shopper import create_shopper
from langgraph_salessim.state import Context
from tests.openai_stub import OpenAIStub

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])  # loopback only; everything else stays blocked

XPS = "Dell XPS 13 Plus Intel Core i7 16GB 512GB"
SECRET = "sk-wire-test-key-123"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SALESSIM_TEST_KEY", SECRET)


def _tools(body: dict[str, Any]) -> list[str]:
    return [t["function"]["name"] for t in body.get("tools", [])]


def _scripted_store() -> Any:
    """Reply per request: the shopper (it has add_to_cart) and the salesperson follow a script."""
    shopper = iter([
        {"content": "Hi! I need a Windows laptop with 16GB of RAM."},
        {"tool_calls": [{"name": "inspect_image", "arguments": {"product": XPS}}]},
        {"content": "Looks great, I'll take it.",
         "tool_calls": [{"name": "add_to_cart", "arguments": {"product": XPS}}]},
    ])
    sales = iter([
        {"tool_calls": [{"name": "catalog_search", "arguments": {
            "query": "windows laptop", "filters": [{"attribute": "ram_gb", "operator": ">=", "value": 16}]}}]},
        {"content": f"I'd recommend the **{XPS}**: 16GB of RAM and Windows 11.",
         "usage": {"prompt_tokens": 50, "completion_tokens": 12}},
    ])

    def handler(body: dict[str, Any]) -> dict[str, Any]:
        return next(shopper) if "add_to_cart" in _tools(body) else next(sales)

    return handler


def _persona(catalog: Catalog) -> Persona:
    return resolve_ground_truth(Persona(
        uuid="wire-1", name="Odalys Brenn", age=38, category="laptop", persona_background="Cartographer in Ghent.",
        dealbreakers="16GB of RAM, Windows.", constraints=[Constraint(attribute="ram_gb", operator=">=", value=16),
                                                       Constraint(attribute="os", operator="==", value="Windows")],
    ), catalog)


def test_full_conversation_through_chat_openai(small_catalog: Catalog) -> None:
    with OpenAIStub(_scripted_store()) as stub:
        def model() -> Any:
            return create_chat_model("openai:stub-model", base_url=stub.base_url, api_key_env="SALESSIM_TEST_KEY",
                                     temperature=0.4, max_tokens=300)
        graph = create_salessim_graph(shopper=create_shopper(model(), catalog=small_catalog),
                                      sales_agent=create_sales_agent(model(), catalog=small_catalog),
                                      catalog=small_catalog)
        out = asyncio.run(graph.compile().ainvoke({"persona": _persona(small_catalog).model_dump(mode="json")},
                                                  context=Context(seed=4242)))
        requests, headers = list(stub.requests), list(stub.headers)

    assert out["outcome"] == "accepted" and out["purchase"]["product_id"] == "lt-003"
    assert out["scores"][0]["label"] == "correct_accept"
    shopper_reqs = [r for r in requests if "add_to_cart" in _tools(r)]
    sales_reqs = [r for r in requests if "catalog_search" in _tools(r)]
    assert len(shopper_reqs) == 3 and len(sales_reqs) == 2
    for body in requests:  # settings and the conversation's seed on the wire
        assert body["model"] == "stub-model" and body["temperature"] == 0.4
        assert body["max_completion_tokens"] == 300 and body["seed"] == 4242
    assert all(h["authorization"] == f"Bearer {SECRET}" for h in headers)

    # shopper: roles flipped, the recommendation's image attached to the salesperson (user) turn
    second = shopper_reqs[1]["messages"]
    assert [m["role"] for m in second] == ["system", "user", "assistant", "user"]
    assert "Odalys Brenn" in second[0]["content"]
    parts = second[3]["content"]
    assert any(p["type"] == "image_url" and p["image_url"]["url"].startswith("data:image/png;base64,")
               for p in parts)
    # its own inspect_image result comes back as a tool message plus a user turn holding the image
    third = shopper_reqs[2]["messages"]
    tool_msgs = [m for m in third if m["role"] == "tool"]
    assert len(tool_msgs) == 1 and XPS in tool_msgs[0]["content"]
    follow = third[third.index(tool_msgs[0]) + 1]
    assert follow["role"] == "user" and any(p["type"] == "image_url" for p in follow["content"])
    # ...and never the sales agent's search results (listed as "| brand=..., os=..., ram_gb=...")
    assert "ram_gb=" not in json.dumps(shopper_reqs)

    # salesperson: never the persona; its search result reaches it as a tool message
    sales_wire = json.dumps(sales_reqs)
    for private in ("Odalys", "Cartographer", "Ghent", "16GB of RAM, Windows."):
        assert private not in sales_wire
    search_result = [m for m in sales_reqs[1]["messages"] if m["role"] == "tool"]
    assert search_result and XPS in search_result[0]["content"]
    assert [t["function"]["name"] for t in sales_reqs[0]["tools"]] == [
        "catalog_search", "buying_guide_search", "inspect_image"]


def test_cli_runs_with_models_on_an_openai_compatible_server(small_catalog_path, tmp_path, capsys) -> None:
    persona = {"uuid": "cli-wire", "name": "Tamsin", "age": 44, "category": "laptop",
               "constraints": [{"attribute": "ram_gb", "operator": ">=", "value": 16}]}
    personas = tmp_path / "p.jsonl"
    personas.write_text(json.dumps(persona) + "\n")
    out = tmp_path / "out"
    with OpenAIStub(_scripted_store()) as stub:
        code = main(["run", "--personas", str(personas), "--catalog", str(small_catalog_path), "--out", str(out),
                     "--shopper-model", "openai:shopper-llm", "--sales-model", "openai:sales-llm",
                     "--base-url", stub.base_url, "--api-key-env", "SALESSIM_TEST_KEY", "--temperature", "0.1",
                     "--quiet"])
        models_on_wire = {r["model"] for r in stub.requests}
    assert code == 0, capsys.readouterr().err
    assert models_on_wire == {"shopper-llm", "sales-llm"}
    [record] = list(read_results(out / "results.jsonl"))
    assert record["outcome"] == "accepted"
    assert record["models"]["shopper"]["name"] == "shopper-llm"
    assert record["models"]["sales_agent"]["params"]["temperature"] == 0.1
    assert record["token_usage"]["sales_agent"]["total_tokens"] == 62
    saved = (out / "run.json").read_text() + (out / "results.jsonl").read_text()
    assert SECRET not in saved  # the API key never reaches results or configs


def test_eval_runs_llm_judges_through_chat_openai(tmp_path, capsys) -> None:
    record = {"conversation_id": "j1", "category": "laptop", "outcome": "ended_by_shopper",
              "ideal_recommendation_ids": [],
              "shopper_persona": {"name": "Vera", "age": 70, "big_five": {"openness": "High"}},
              "shopper_preferences": {"dealbreakers": "Under $500.", "constraints": []},
              "conversation": [{"speaker": "Salesperson", "text": "Hi!"},
                               {"speaker": "Shopper", "text": "Something under $500, please."},
                               {"speaker": "Salesperson", "text": "Sorry, we don't carry that; try another store."},
                               {"speaker": "Shopper", "text": "Ok, thanks."}]}
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps(record) + "\n")

    def handler(body: dict[str, Any]) -> dict[str, Any]:
        wants_traits = "openness" in json.dumps(body)
        verdict = {"reasoning": "r", **({t: "High" for t in ("openness", "conscientiousness", "extraversion",
                                                              "agreeableness", "neuroticism")}
                                        if wants_traits else {"verdict": True})}
        return {"content": json.dumps(verdict)}

    with OpenAIStub(handler) as stub:
        code = main(["eval", str(results), "--judge-model", "openai:judge-llm", "--base-url", stub.base_url,
                     "--api-key-env", "SALESSIM_TEST_KEY", "--judges", "dealbreakers,big_five",
                     "--judge-samples", "2"])
        sent = len(stub.requests)
    assert code == 0, capsys.readouterr().err
    assert sent == 4  # 2 judges x 2 samples
    [scored] = [json.loads(x) for x in (tmp_path / "results.scored.jsonl").read_text().splitlines()]
    by_name = {s["name"]: s for s in scored["scores"]}
    assert by_name["llm_dealbreakers"]["value"] == 1.0 and by_name["llm_big_five"]["value"] == 1.0
    assert "llm_dealbreakers" in capsys.readouterr().out
