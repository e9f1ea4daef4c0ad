"""LLM seats with scripted models: variants, image policy, the tool-round cap, models from strings."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from langgraph_salessim import Catalog, Constraint, Persona, create_salessim_graph, resolve_ground_truth
from langgraph_salessim.models import create_chat_model
from langgraph_salessim.sales_agent import create_sales_agent
from langgraph_salessim.shopper import create_shopper, prepare_images
from tests.fakes import ScriptedChatModel, tool_call

XPS = "Dell XPS 13 Plus Intel Core i7 16GB 512GB"
THINKPAD = "Lenovo ThinkPad X1 Carbon Gen 11 Intel Core i5 16GB 512GB"


def _persona(catalog: Catalog) -> Persona:
    return resolve_ground_truth(Persona(
        uuid="s-1", name="Quenby", age=35, category="laptop", big_five={"openness": "High"}, emotion="hopeful",
        constraints=[Constraint(attribute="ram_gb", operator=">=", value=16)]), catalog)


def _run(graph: Any, persona: Persona) -> dict[str, Any]:
    return asyncio.run(graph.compile().ainvoke({"persona": persona.model_dump(mode="json")}))


def _images(message: Any) -> list[dict]:
    content = message.content if isinstance(message.content, list) else []
    return [b for b in content if isinstance(b, dict) and b.get("type") == "image"]


def _recommend(name: str, n: int) -> list[AIMessage]:
    return [AIMessage(content="", tool_calls=[tool_call("catalog_search", {"query": name}, f"s{n}")]),
            AIMessage(content=f"How about the **{name}**?")]


def test_images_attached_and_pruned_for_the_shopper(small_catalog: Catalog) -> None:
    shopper = ScriptedChatModel(script=[AIMessage(content="Hi."), AIMessage(content="Other options?"),
                                        AIMessage(content="Bye.", tool_calls=[tool_call("end_conversation")])])
    sales = ScriptedChatModel(script=[*_recommend(XPS, 1), *_recommend(THINKPAD, 2)])
    graph = create_salessim_graph(
        shopper=create_shopper(shopper, keep_images=1), sales_agent=sales, catalog=small_catalog)
    out = _run(graph, _persona(small_catalog))
    # the transcript keeps every attached image, tagged with its product and caption
    attached = [_images(m) for m in out["messages"] if isinstance(m, AIMessage)]
    assert [len(a) for a in attached] == [0, 1, 1]
    assert attached[1][0]["extras"]["product_id"] == "lt-003"
    # the shopper model saw only the latest one (keep_images=1)
    last_call = shopper.received[-1]
    salesperson_turns = [m for m in last_call if isinstance(m, HumanMessage)]
    assert [len(_images(m)) for m in salesperson_turns] == [0, 0, 1]
    # and the sales model never got images back in its own (assistant) turns
    second_turn = sales.received[2]
    assert all(not _images(m) for m in second_turn if isinstance(m, AIMessage))


def test_text_only_shopper_gets_captions(small_catalog: Catalog) -> None:
    shopper = ScriptedChatModel(script=[AIMessage(content="Hi."),
                                        AIMessage(content="Bye.", tool_calls=[tool_call("end_conversation")])])
    sales = ScriptedChatModel(script=_recommend(XPS, 1))
    graph = create_salessim_graph(shopper=create_shopper(shopper, image_mode="caption"), sales_agent=sales,
                                  catalog=small_catalog)
    _run(graph, _persona(small_catalog))
    turn = [m for m in shopper.received[-1] if isinstance(m, HumanMessage)][-1]
    assert not _images(turn)
    assert f"[Image of {XPS} (color: black)]" in [b.get("text") for b in turn.content]
    assert "inspect_image" in shopper.bound_tools[0]


def test_images_can_be_left_out(small_catalog: Catalog) -> None:
    msg = HumanMessage(content=[{"type": "text", "text": "See"}, {"type": "image", "base64": "AA", "mime_type": "x"}])
    [kept] = prepare_images([msg], mode="none", keep=None)
    assert kept.content == [{"type": "text", "text": "See"}]
    graph = create_salessim_graph(shopper=ScriptedChatModel(script=[
        AIMessage(content="Hi."), AIMessage(content="Bye.", tool_calls=[tool_call("end_conversation")])]),
        sales_agent=ScriptedChatModel(script=_recommend(XPS, 1)), catalog=small_catalog, attach_images=False)
    out = _run(graph, _persona(small_catalog))
    assert not any(_images(m) for m in out["messages"])


def test_v0_shopper_decides_with_tokens(small_catalog: Catalog) -> None:
    shopper = ScriptedChatModel(script=[AIMessage(content="Hello there."),
                                        AIMessage(content="You sold me, I'm getting the XPS 13 Plus. [ACCEPT]")])
    sales = ScriptedChatModel(script=[AIMessage(content="", tool_calls=[tool_call("catalog_search", {"query": "x"})]),
                                      AIMessage(content=f"Either the **{THINKPAD}** or the **{XPS}**.")])
    graph = create_salessim_graph(shopper=create_shopper(shopper, variant="v0"), sales_agent=sales,
                                  catalog=small_catalog)
    out = _run(graph, _persona(small_catalog))
    assert out["outcome"] == "accepted" and out["purchase"] == {"name": XPS, "product_id": "lt-003"}
    assert out["messages"][-1].content == "You sold me, I'm getting the XPS 13 Plus."
    system = shopper.received[0][0]
    assert isinstance(system, SystemMessage) and "[ACCEPT]" in system.content
    assert "openness: High" in system.content and "hopeful" in system.content
    assert shopper.bound_tools == []  # v0 has no tools


def test_human_steering_prompt(small_catalog: Catalog) -> None:
    shopper = ScriptedChatModel(script=[AIMessage(content="hey", tool_calls=[tool_call("end_conversation")])])
    graph = create_salessim_graph(shopper=create_shopper(shopper, variant="human_steering"),
                                  sales_agent=ScriptedChatModel(script=[]), catalog=small_catalog)
    _run(graph, _persona(small_catalog))
    assert "Never open with your budget" in shopper.received[0][0].content


def test_sales_agent_answers_after_three_tool_rounds(small_catalog: Catalog) -> None:
    searches = [AIMessage(content="", tool_calls=[tool_call("catalog_search", {"query": f"q{i}"}, f"t{i}")])
                for i in range(3)]
    sales = ScriptedChatModel(script=[*searches, AIMessage(content=f"Try the **{XPS}**.")])
    shopper = ScriptedChatModel(script=[AIMessage(content="Hi."),
                                        AIMessage(content="Bye.", tool_calls=[tool_call("end_conversation")])])
    out = _run(create_salessim_graph(shopper=shopper, sales_agent=sales, catalog=small_catalog),
               _persona(small_catalog))
    assert sales.calls == 4 and len(out["sales_trace"]) == 3
    assert sales.bound_tools and "use all your tool calls" not in str(sales.received[2])
    assert "used all your tool calls" in sales.received[3][-1].content
    assert out["recommended"][-1]["product_ids"] == ["lt-003"]


def test_pushy_variant_names_its_target(small_catalog: Catalog) -> None:
    agent = create_sales_agent(ScriptedChatModel(script=[]), catalog=small_catalog, variant="pushy", target="lt-006")
    assert "ASUS ROG Zephyrus G14" in agent.prompt.format(category="laptop", target=agent.target)
    with pytest.raises(ValueError, match="target"):
        create_sales_agent(ScriptedChatModel(script=[]), catalog=small_catalog, variant="pushy", target="nope")


@pytest.mark.allow_hosts(["127.0.0.1"])  # building the OpenAI client touches socket.socket; nothing connects
def test_models_from_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ValueError, match="expected '<provider>:<model>'"):
        create_chat_model("anthropic:claude")
    with pytest.raises(ValueError, match=r"\$OPENAI_API_KEY"):
        create_chat_model("openai:gpt-4o-mini")
    model = create_chat_model("openai:qwen", base_url="http://127.0.0.1:9/v1", temperature=0.3, max_tokens=64, seed=1)
    assert model._identifying_params["model_name"] == "qwen"
    assert model._identifying_params["temperature"] == 0.3 and model._identifying_params["seed"] == 1
