"""Results records: DESIGN §7 shape, token usage per role, no secrets."""

from __future__ import annotations

import asyncio
import json

import pytest
from langchain_core.messages import AIMessage

from langgraph_salessim import Catalog, Constraint, Persona, resolve_ground_truth
from langgraph_salessim.runner import describe_seat, run_conversations
from langgraph_salessim.sales_agent import create_sales_agent
from tests.fakes import ScriptedChatModel, tool_call

XPS = "Dell XPS 13 Plus Intel Core i7 16GB 512GB"


def _usage(i: int, o: int) -> dict:
    return {"input_tokens": i, "output_tokens": o, "total_tokens": i + o}


def _persona(catalog: Catalog) -> Persona:
    return resolve_ground_truth(Persona(uuid="r1", name="Ren", age=50, category="laptop",
                                        constraints=[Constraint(attribute="ram_gb", operator=">=", value=16)]),
                                catalog)


def test_record_counts_tokens_per_role_and_names_turns(small_catalog: Catalog) -> None:
    shopper = ScriptedChatModel(script=[
        AIMessage(content="Hi, 16GB please.", usage_metadata=_usage(100, 10)),
        AIMessage(content="Deal.", tool_calls=[tool_call("add_to_cart", {"product": XPS})],
                  usage_metadata=_usage(200, 5)),
    ])
    sales = ScriptedChatModel(script=[
        AIMessage(content="", tool_calls=[tool_call("catalog_search", {"query": "16GB"})],
                  usage_metadata=_usage(300, 20)),
        AIMessage(content=f"Try the **{XPS}**.", usage_metadata=_usage(400, 30)),
    ])
    [record] = asyncio.run(run_conversations([_persona(small_catalog)], catalog=small_catalog,
                                             shopper=shopper, sales_agent=sales))
    assert record["token_usage"] == {"shopper": _usage(300, 15), "sales_agent": _usage(700, 50)}
    turns = record["conversation"]
    assert [t["speaker"] for t in turns] == ["Salesperson", "Shopper", "Salesperson", "Shopper"]
    assert turns[2]["recommended_items"] == [XPS]
    assert turns[2]["knowledge_used"][0]["tool"] == "catalog_search"
    assert turns[3]["shopper_action"] == "add_to_cart" and turns[3]["shopper_action_product"] == XPS
    assert record["ideal_recommendations"] and XPS in record["ideal_recommendations"]
    json.dumps(record)  # a record is plain JSON


def test_seat_description_never_carries_secrets(small_catalog: Catalog) -> None:
    class KeyedModel(ScriptedChatModel):
        api_key: str = "sk-test-not-a-real-key"

        @property
        def _identifying_params(self) -> dict:
            return {"model_name": "scripted-1", "temperature": 0.2, "api_key": self.api_key,
                    "openai_api_secret": "s", "access_token": "t"}

    seat = create_sales_agent(KeyedModel(script=[]), catalog=small_catalog)
    described = describe_seat(seat)
    assert described["name"] == "scripted-1" and described["params"]["temperature"] == 0.2
    assert "sk-test" not in json.dumps(described)
    assert not any(k in described["params"] for k in ("api_key", "openai_api_secret", "access_token"))


def test_offline_agents_stop_at_the_turn_cap(small_catalog: Catalog) -> None:
    [record] = asyncio.run(run_conversations([_persona(small_catalog)], catalog=small_catalog, max_turns=1))
    assert record["outcome"] == "max_turns_reached" and record["total_turns"] == 1
    assert record["termination_reason"].startswith("max_turns_reached")


def test_token_budget_stops_starting_new_conversations(small_catalog: Catalog) -> None:
    class Chatty(ScriptedChatModel):
        def _generate(self, messages, stop=None, run_manager=None, **kwargs):  # always the same paid reply
            self.calls += 1
            msg = AIMessage(content="Hi.", tool_calls=[tool_call("end_conversation")],
                            usage_metadata=_usage(40, 10))
            from langchain_core.outputs import ChatGeneration, ChatResult
            return ChatResult(generations=[ChatGeneration(message=msg)])

    base = _persona(small_catalog)
    personas = [base.model_copy(update={"uuid": f"b{i}"}) for i in range(6)]
    records = asyncio.run(run_conversations(personas, catalog=small_catalog, shopper=Chatty(script=[]),
                                            concurrency=1, token_budget=120))
    assert len(records) == 3  # 50 tokens each: after 150 >= 120 no new conversation starts


def test_max_cost_stops_starting_new_conversations_and_records_cost(small_catalog: Catalog, tmp_path) -> None:
    from langgraph_salessim.results import read_results
    from langgraph_salessim.runner import describe_seat

    class Paid(ScriptedChatModel):
        def _generate(self, messages, stop=None, run_manager=None, **kwargs):
            from langchain_core.outputs import ChatGeneration, ChatResult

            msg = AIMessage(content="Bye.", tool_calls=[tool_call("end_conversation")], usage_metadata=_usage(40, 10))
            return ChatResult(generations=[ChatGeneration(message=msg)])

    model = Paid(script=[])
    name = describe_seat(create_sales_agent(model, catalog=small_catalog))["name"]
    prices = {name: {"input": 1000.0, "output": 2000.0}}  # $ per million tokens: 0.04 + 0.02 per conversation
    personas = [_persona(small_catalog).model_copy(update={"uuid": f"c{i}"}) for i in range(5)]
    out = tmp_path / "results.jsonl"
    records = asyncio.run(run_conversations(personas, catalog=small_catalog, shopper=model, concurrency=1,
                                            prices=prices, max_cost=0.1, out=out))
    assert len(records) == 2 and all(r["cost_usd"] == pytest.approx(0.06) for r in records)
    assert [r["cost_usd"] for r in read_results(out)] == [r["cost_usd"] for r in records]  # in the file too
    unpriced = asyncio.run(run_conversations(personas[:1], catalog=small_catalog, shopper=model, prices={"x": {}}))
    assert unpriced[0]["cost_usd"] is None  # a model without a price: unknown, not zero
    with pytest.raises(ValueError, match="max_cost needs prices"):
        asyncio.run(run_conversations(personas, catalog=small_catalog, max_cost=1.0))
