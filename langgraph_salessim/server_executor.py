"""Run conversations on a LangGraph Agent Server (`langgraph dev` locally, a deployment in production)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage


def _message(m: Any) -> AnyMessage:
    """A LangChain message from the server's JSON form (`{"type": "ai" | "human", "content": ...}`)."""
    cls = AIMessage if m.get("type") in ("ai", "AIMessageChunk") else HumanMessage
    return cls(content=m.get("content", ""), name=m.get("name"), usage_metadata=m.get("usage_metadata")) \
        if cls is AIMessage else cls(content=m.get("content", ""), name=m.get("name"))


@dataclass
class ServerExecutor:
    """Submits each conversation as a run of a graph on an Agent Server and waits for its output.

    Each conversation gets a new server thread; in-flight runs are bounded by the runner's
    concurrency, and the server's workers scale them out.

    Attributes:
        url: the server, e.g. `http://127.0.0.1:2024`.
        graph_id: the graph (assistant) to run; `salessim` from this repository's langgraph.json.
        api_key: for deployments that need one (never written to results).
        context: extra per-run settings for the server's graph, e.g. `{"shopper_model": "openai:gpt-4o-mini"}`
            (the `Context` fields of the Studio graphs; model keys stay on the server).
    """

    url: str
    graph_id: str = "salessim"
    api_key: str | None = None
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def description(self) -> dict[str, Any]:
        """What the results record about where conversations ran."""
        return {"server": self.url, "graph_id": self.graph_id, **({"context": self.context} if self.context else {})}

    async def ainvoke(self, payload: dict[str, Any], *, context: Any = None, config: Any = None) -> dict[str, Any]:
        """Run one conversation on the server and return its output with LangChain messages."""
        from langgraph_sdk import get_client

        client = get_client(url=self.url, api_key=self.api_key)
        thread = await client.threads.create()
        out = await client.runs.wait(thread["thread_id"], self.graph_id, input=payload,
                                     context={**(asdict(context) if context is not None else {}), **self.context},
                                     raise_error=True)
        if not isinstance(out, dict):
            raise RuntimeError(f"the server returned {type(out).__name__} for run on {self.graph_id}")
        return {**out, "messages": [_message(m) for m in out.get("messages", [])]}
