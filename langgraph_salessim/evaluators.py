"""Our metrics in the openevals / LangSmith evaluator shape.

`(*, inputs, outputs, reference_outputs=None, **kwargs) -> {"key", "score", "comment"}`, so
they drop into `langsmith.evaluate(...)` or openevals' `run_multiturn_simulation(trajectory_evaluators=...)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from langchain_core.messages import BaseMessage

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.conversation import Conversation, Turn, from_record, from_state
from langgraph_salessim.evaluation import METRICS
from langgraph_salessim.personas import Persona

Evaluator = Callable[..., dict[str, Any]]


def _role(m: Any) -> str:
    if isinstance(m, BaseMessage):
        return m.type
    return str(m.get("role") or m.get("type") or "")


def _text(m: Any) -> str:
    if isinstance(m, BaseMessage):
        return m.text
    content = m.get("content", "")
    return content if isinstance(content, str) else " ".join(
        b.get("text", "") for b in content if isinstance(b, dict))


def to_conversation(outputs: Any, persona: Any = None) -> Conversation:
    """A `Conversation` from graph output, a results record, or a trajectory of messages.

    In a trajectory (openevals' simulations), `user` messages are the shopper's and
    `assistant` messages the salesperson's.
    """
    if isinstance(outputs, Mapping) and "conversation" in outputs:
        return from_record(outputs)
    if isinstance(outputs, Mapping) and all(isinstance(m, BaseMessage) for m in outputs.get("messages") or [None]):
        return from_state({**outputs, "persona": outputs.get("persona") or persona})  # our graph's output
    messages = outputs.get("messages", []) if isinstance(outputs, Mapping) else list(outputs or [])
    turns = [Turn(speaker="Shopper" if _role(m) in ("user", "human") else "Salesperson", text=_text(m), index=i)
             for i, m in enumerate(messages) if _role(m) in ("user", "human", "assistant", "ai")]
    p = persona if isinstance(persona, Persona) or persona is None else Persona.model_validate(persona)
    return Conversation(turns=turns, outcome=outputs.get("outcome") if isinstance(outputs, Mapping) else None,
                        persona=p, category=p.category if p else None,
                        acceptable=p.acceptable_products if p else None)


def create_evaluator(metric: str, *, catalog: Catalog | None = None) -> Evaluator:
    """An evaluator function for one of our metrics (see `evaluation.METRICS`).

    Args:
        metric: the metric name, e.g. "decision_alignment" or "first_turn_criteria".
        catalog: the catalog, for metrics that check products.

    Returns:
        `evaluator(*, inputs, outputs, reference_outputs=None, **kwargs)` returning
        `{"key": metric, "score": value or None, "comment": ...}`. The persona is taken from
        `outputs`, else from `reference_outputs["persona"]` or `inputs["persona"]`.

    Example:
        >>> evaluator = create_evaluator("first_turn_criteria")
        >>> evaluator(inputs={}, outputs=graph_output)["score"]  # doctest: +SKIP
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; available: {sorted(METRICS)}")

    def evaluator(*, inputs: Any = None, outputs: Any, reference_outputs: Any = None,
                  **kwargs: Any) -> dict[str, Any]:
        persona = None
        for source in (reference_outputs, inputs):
            if isinstance(source, Mapping) and source.get("persona") is not None:
                persona = source["persona"]
                break
        conv = to_conversation(outputs, persona)
        score = METRICS[metric](conv, catalog)
        comment = score.get("comment") or (f"label: {score['label']}" if score.get("label") else None)
        return {"key": metric, "score": score["value"], "comment": comment}

    evaluator.__name__ = f"{metric}_evaluator"
    return evaluator
