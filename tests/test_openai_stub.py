"""Wire-level tests: `OpenAIStub` speaks the chat-completions format `langchain_openai.ChatOpenAI` expects."""

from __future__ import annotations

import asyncio
import base64
import http.client
import json
import socket
import time
from typing import Any

import openai
import pytest
from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage, ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from pytest_socket import SocketConnectBlockedError

from tests.openai_stub import OpenAIStub

# pytest-socket 0.8 (`--disable-socket` in addopts): with an `allow_hosts` marker it does NOT replace
# `socket.socket`, it only guards `socket.socket.connect()` to the listed hosts. So the in-process server
# thread can bind/listen/accept on 127.0.0.1 (none of which call connect), and the client may connect to
# 127.0.0.1 only — narrower than `enable_socket`, which would lift the block entirely.
pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])

# A real 1x1 PNG.
PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's proxy settings must not route loopback calls elsewhere."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "OPENAI_PROXY"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.lower(), raising=False)


def make_model(stub: OpenAIStub, **kwargs: Any) -> ChatOpenAI:
    options: dict[str, Any] = {"max_retries": 0, "timeout": 10, **kwargs}
    return ChatOpenAI(model="stub-model", base_url=stub.base_url, api_key="sk-test", **options)


@tool
def find_product(query: str, max_price: float | None = None) -> str:
    """Search the catalog for products matching the query."""
    return query


def test_plain_text_reply_and_usage() -> None:
    replies = [{"content": "Hello, shopper!", "usage": {"prompt_tokens": 12, "completion_tokens": 4}}]
    with OpenAIStub(replies) as stub:
        reply = make_model(stub).invoke("hi")

    assert isinstance(reply, AIMessage)
    assert reply.content == "Hello, shopper!"
    assert reply.usage_metadata is not None
    assert reply.usage_metadata["input_tokens"] == 12
    assert reply.usage_metadata["output_tokens"] == 4
    assert reply.usage_metadata["total_tokens"] == 16
    assert reply.response_metadata["finish_reason"] == "stop"
    assert reply.response_metadata["model_name"] == "stub-model"
    [body] = stub.requests
    assert body["model"] == "stub-model"
    assert body["messages"] == [{"role": "user", "content": "hi"}]
    assert stub.headers[0]["authorization"] == "Bearer sk-test"


def test_sampling_parameters_on_the_wire() -> None:
    with OpenAIStub([{"content": "ok"}]) as stub:
        make_model(stub, seed=42, temperature=0.25, max_tokens=77).invoke("hi")

    [body] = stub.requests
    assert body["seed"] == 42
    assert body["temperature"] == 0.25
    # langchain-openai 1.7 maps `max_tokens=` to the newer `max_completion_tokens` key.
    assert body["max_completion_tokens"] == 77
    assert "max_tokens" not in body


def test_tool_call_reply_and_tool_definitions() -> None:
    def handler(body: dict[str, Any]) -> dict[str, Any]:
        return {"content": None, "tool_calls": [{"name": "find_product", "arguments": {"query": "laptop"}}]}

    with OpenAIStub(handler) as stub:
        reply = make_model(stub).bind_tools([find_product]).invoke("find me a laptop")

    assert reply.tool_calls == [
        {"name": "find_product", "args": {"query": "laptop"}, "id": "call_1", "type": "tool_call"}
    ]
    assert reply.response_metadata["finish_reason"] == "tool_calls"
    [definition] = stub.requests[0]["tools"]
    assert definition["type"] == "function"
    function = definition["function"]
    assert function["name"] == "find_product"
    assert function["description"] == "Search the catalog for products matching the query."
    params = function["parameters"]
    assert params["type"] == "object"
    assert params["required"] == ["query"]
    assert params["properties"]["query"] == {"type": "string"}
    assert set(params["properties"]) == {"query", "max_price"}


def test_image_block_and_tool_message_wire_shapes() -> None:
    base64.b64decode(PNG_B64, validate=True)
    history = [
        HumanMessage(
            content=[
                {"type": "text", "text": "Is this one in stock?"},
                {"type": "image", "base64": PNG_B64, "mime_type": "image/png"},
            ]
        ),
        AIMessage(content="", tool_calls=[{"name": "find_product", "args": {"query": "red bag"}, "id": "call_7"}]),
        ToolMessage(content="3 in stock", tool_call_id="call_7"),
    ]
    with OpenAIStub([{"content": "Yes, 3 left."}]) as stub:
        reply = make_model(stub).bind_tools([find_product]).invoke(history)

    assert reply.content == "Yes, 3 left."
    user, assistant, tool_msg = stub.requests[0]["messages"]
    assert user == {
        "role": "user",
        "content": [
            {"type": "text", "text": "Is this one in stock?"},
            {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG_B64}"}},
        ],
    }
    assert assistant == {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "type": "function",
                "id": "call_7",
                "function": {"name": "find_product", "arguments": '{"query": "red bag"}'},
            }
        ],
    }
    assert tool_msg == {"role": "tool", "content": "3 in stock", "tool_call_id": "call_7"}


def test_streaming_text_and_usage() -> None:
    replies = [{"content": "Streamed hello", "usage": {"prompt_tokens": 5, "completion_tokens": 2}}]
    with OpenAIStub(replies) as stub:
        chunks = list(make_model(stub, stream_usage=True).stream("hi"))

    assert stub.requests[0]["stream"] is True
    assert stub.requests[0]["stream_options"] == {"include_usage": True}
    assert all(isinstance(c, AIMessageChunk) for c in chunks)
    total = chunks[0]
    for c in chunks[1:]:
        total = total + c
    assert total.content == "Streamed hello"
    assert total.usage_metadata is not None
    assert total.usage_metadata["total_tokens"] == 7


def test_streaming_tool_calls() -> None:
    calls = [{"name": "find_product", "arguments": {"query": "tv", "max_price": 500}}]
    with OpenAIStub([{"tool_calls": calls}]) as stub:
        chunks = list(make_model(stub).bind_tools([find_product]).stream("a tv under 500"))

    total = chunks[0]
    for c in chunks[1:]:
        total = total + c
    assert [(tc["name"], tc["args"], tc["id"]) for tc in total.tool_calls] == [
        ("find_product", {"query": "tv", "max_price": 500}, "call_1")
    ]
    assert total.response_metadata["finish_reason"] == "tool_calls"


def test_async_invoke() -> None:
    with OpenAIStub([{"content": "async ok"}]) as stub:
        reply = asyncio.run(make_model(stub).ainvoke("hi"))
    assert reply.content == "async ok"


def test_fail_first_is_retried() -> None:
    with OpenAIStub([{"content": "second time lucky"}], fail_first=1) as stub:
        start = time.monotonic()
        reply = make_model(stub, max_retries=1).invoke("hi")
        elapsed = time.monotonic() - start

    assert reply.content == "second time lucky"
    assert len(stub.requests) == 2
    assert [h["x-stainless-retry-count"] for h in stub.headers] == ["0", "1"]
    assert elapsed < 2  # the stub's `retry-after-ms: 10` keeps the client's backoff short


def test_fail_first_without_retries_raises() -> None:
    with OpenAIStub([{"content": "unused"}], fail_first=1) as stub:
        with pytest.raises(openai.InternalServerError) as info:
            make_model(stub).invoke("hi")
    assert info.value.status_code == 503
    assert len(stub.requests) == 1


def test_exhausted_reply_list_is_a_500_and_not_retried() -> None:
    with OpenAIStub([{"content": "only one"}]) as stub:
        model = make_model(stub, max_retries=2)
        assert model.invoke("one").content == "only one"
        with pytest.raises(openai.InternalServerError, match="exhausted"):
            model.invoke("two")
    assert len(stub.requests) == 2


def test_other_paths_are_404_json() -> None:
    with OpenAIStub([]) as stub:
        port = int(stub.base_url.rsplit(":", 1)[1].split("/")[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            conn.request("GET", "/v1/models")
            response = conn.getresponse()
            payload = json.loads(response.read())
        finally:
            conn.close()
    assert response.status == 404
    assert payload["error"]["code"] == "not_found"
    assert stub.requests == []


def test_marker_still_blocks_other_hosts() -> None:
    with pytest.raises(SocketConnectBlockedError), pytest.warns(UserWarning):
        socket.create_connection(("10.255.255.1", 80), timeout=1)
