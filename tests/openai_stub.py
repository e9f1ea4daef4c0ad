"""A tiny OpenAI-compatible chat-completions server on loopback, for wire-level tests.

`OpenAIStub` serves `POST /v1/chat/completions` from a daemon thread (standard library only), so
`langchain_openai.ChatOpenAI(base_url=stub.base_url, ...)` can be exercised end to end — real HTTP,
real JSON, real SSE — without any network access beyond 127.0.0.1. Each request is answered from a
*reply spec* produced by a handler (or taken from a list):

    {"content": str | None,
     "tool_calls": [{"name": str, "arguments": dict, "id": str (optional)}],
     "usage": {"prompt_tokens": int, "completion_tokens": int}}

Every request body and its headers (lower-cased keys) are recorded in `stub.requests` / `stub.headers`.
Tests using it need sockets on loopback, e.g. `@pytest.mark.allow_hosts(["127.0.0.1"])` (pytest-socket).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ReplySpec = dict[str, Any]
Handler = Callable[[dict[str, Any]], ReplySpec]

COMPLETIONS_PATH = "/v1/chat/completions"


def _error(message: str, type_: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


class OpenAIStub:
    """OpenAI chat-completions endpoint on `http://127.0.0.1:<port>/v1`, run as a context manager.

    Args:
        handler: Called with each parsed request body, returns a reply spec; or a list of reply specs
            served in order (running past the end answers HTTP 500, marked not retryable).
        fail_first: The first N requests get HTTP 503 (with `retry-after-ms: 10`, so client retries are fast).
    """

    def __init__(self, handler: Handler | Sequence[ReplySpec], fail_first: int = 0) -> None:
        self._handler = handler
        self._script = None if callable(handler) else list(handler)
        self.fail_first = fail_first
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "OpenAIStub is not running (use it as a context manager)"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> OpenAIStub:
        stub = self

        class _RequestHandler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet server
                pass

            def do_GET(self) -> None:  # noqa: N802
                self._send_json(404, _error(f"No route for GET {self.path}", "invalid_request_error", "not_found"))

            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.split("?")[0] != COMPLETIONS_PATH:
                    self._send_json(404, _error(f"No route for POST {self.path}", "invalid_request_error", "not_found"))
                    return
                try:
                    body = json.loads(raw or b"{}")
                except ValueError as exc:
                    self._send_json(400, _error(f"Invalid JSON body: {exc}", "invalid_request_error"))
                    return
                status, payload, extra = stub._respond(body, {k.lower(): v for k, v in self.headers.items()})
                if status == 200 and body.get("stream"):
                    self._send_stream(stub._chunks(payload, body))
                else:
                    self._send_json(status, payload, extra)

            def _send_json(self, status: int, payload: dict[str, Any], extra: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def _send_stream(self, chunks: list[dict[str, Any]]) -> None:
                # HTTP/1.0 (the BaseHTTPRequestHandler default): the body ends when the connection closes.
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                for chunk in chunks:
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _RequestHandler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="openai-stub", daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def _respond(self, body: dict[str, Any], headers: dict[str, str]) -> tuple[int, dict[str, Any], dict[str, str]]:
        """Record the request; return (status, completion or error JSON, extra response headers)."""
        with self._lock:
            self.requests.append(body)
            self.headers.append(headers)
            n = len(self.requests)
            if n <= self.fail_first:
                return 503, _error("Stub: simulated overload", "server_error", "overloaded"), {"retry-after-ms": "10"}
            if self._script is not None:
                if not self._script:
                    no_retry = {"x-should-retry": "false"}
                    return 500, _error("Stub: reply list exhausted", "server_error", "stub_exhausted"), no_retry
                spec = self._script.pop(0)
        if self._script is None:
            try:
                spec = self._handler(body)  # type: ignore[operator]
            except Exception as exc:  # noqa: BLE001 - surface handler bugs as an HTTP error
                return 500, _error(f"Stub handler raised {exc!r}", "server_error", "stub_handler_error"), {}
        return 200, self._completion(spec, body, n), {}

    def _completion(self, spec: ReplySpec, body: dict[str, Any], n: int) -> dict[str, Any]:
        tool_calls = [
            {
                "id": call.get("id") or f"call_{next(self._ids)}",
                "type": "function",
                "function": {"name": call["name"], "arguments": json.dumps(call.get("arguments", {}))},
            }
            for call in spec.get("tool_calls") or []
        ]
        message: dict[str, Any] = {"role": "assistant", "content": spec.get("content"), "refusal": None}
        if tool_calls:
            message["tool_calls"] = tool_calls
        usage = spec.get("usage") or {}
        prompt, completion = usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0)
        return {
            "id": f"chatcmpl-stub{n}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "stub-model"),
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "logprobs": None,
                    "finish_reason": "tool_calls" if tool_calls else "stop",
                }
            ],
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
            "system_fingerprint": "fp_stub",
        }

    @staticmethod
    def _chunks(completion: dict[str, Any], body: dict[str, Any]) -> list[dict[str, Any]]:
        """The chat.completion.chunk objects equivalent to `completion` (usage only if asked for)."""
        choice, message = completion["choices"][0], completion["choices"][0]["message"]
        base = {k: completion[k] for k in ("id", "created", "model", "system_fingerprint")}
        base["object"] = "chat.completion.chunk"

        def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
            return {**base, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}]}

        chunks = [chunk({"role": "assistant", "content": ""})]
        if message["content"]:
            chunks.append(chunk({"content": message["content"]}))
        for index, call in enumerate(message.get("tool_calls", [])):
            chunks.append(chunk({"tool_calls": [{"index": index, **call}]}))
        chunks.append(chunk({}, choice["finish_reason"]))
        if (body.get("stream_options") or {}).get("include_usage"):
            chunks.append({**base, "choices": [], "usage": completion["usage"]})
        return chunks
