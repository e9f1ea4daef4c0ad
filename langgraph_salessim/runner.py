"""Run many conversations concurrently and append each result as it finishes."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.graph import DEFAULT_MAX_TURNS, as_sales_seat, as_shopper_seat, create_salessim_graph
from langgraph_salessim.judges import Judge
from langgraph_salessim.personas import Persona
from langgraph_salessim.results import ResultsWriter, build_record, read_results
from langgraph_salessim.seats import SalesAgent, Shopper
from langgraph_salessim.state import Context

RECURSION_LIMIT = 400


def conversation_seed(seed: int, persona_id: str, trial: int) -> int:
    """A stable per-conversation seed derived from the run seed."""
    digest = hashlib.sha256(f"{seed}|{persona_id}|{trial}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def conversation_cost(record: Mapping[str, Any], prices: Mapping[str, Mapping[str, float]]) -> float | None:
    """US dollars a conversation cost: each role's tokens at its model's price (None if a used model is unpriced)."""
    total = 0.0
    for role, usage in record.get("token_usage", {}).items():
        if not usage.get("total_tokens"):
            continue
        price = prices.get(str((record.get("models", {}).get(role) or {}).get("name")))
        if price is None:
            return None
        total += usage.get("input_tokens", 0) * price["input"] / 1e6 + usage.get("output_tokens", 0) * price[
            "output"] / 1e6
    return round(total, 6)


def describe_seat(seat: Any) -> dict[str, Any]:
    """Name and parameters of a seat for results (never secrets: only the model's identifying params)."""
    model = getattr(seat, "model", None)
    if model is None:
        return {"name": getattr(seat, "name", type(seat).__name__), "type": type(seat).__name__}
    params = {k: v for k, v in model._identifying_params.items()
              if "key" not in k.lower() and "secret" not in k.lower() and "token" not in k.lower()}
    return {"name": params.get("model_name") or params.get("model") or type(model).__name__,
            "type": type(seat).__name__, "params": params}


async def run_conversations(
    personas: Sequence[Persona],
    *,
    catalog: Catalog,
    shopper: Shopper | BaseChatModel | None = None,
    sales_agent: SalesAgent | BaseChatModel | Any = None,
    judges: Sequence[Judge] | None = None,
    trials: int = 1,
    seed: int = 0,
    concurrency: int = 8,
    max_turns: int = DEFAULT_MAX_TURNS,
    attach_images: bool = True,
    out: Path | None = None,
    skip: set[str] | frozenset[str] = frozenset(),
    on_result: Callable[[dict[str, Any]], None] | None = None,
    token_budget: int | None = None,
    prices: Mapping[str, Mapping[str, float]] | None = None,
    max_cost: float | None = None,
    executor: Any = None,
) -> list[dict[str, Any]]:
    """Run personas × trials through the SalesSim graph with bounded concurrency.

    Each finished conversation is appended to `out` (a results.jsonl path) at once; a
    conversation that fails is recorded with its error and the others go on.

    Args:
        personas: personas with resolved ground truth.
        catalog: the catalog both seats use.
        shopper: shopper seat (None: offline shopper).
        sales_agent: sales seat (None: offline sales agent).
        judges: judges to run (None: decision alignment).
        trials: conversations per persona.
        seed: run seed; each conversation gets a seed derived from it.
        concurrency: conversations in flight at once.
        max_turns: shopper turn cap.
        attach_images: attach images of recommended products to salesperson turns.
        out: results file to append to.
        skip: conversation ids already done (resume).
        on_result: called with each record as it finishes.
        token_budget: stop starting conversations once the finished ones used this many tokens
            (all roles); conversations already running finish and are recorded.
        prices: US dollars per million tokens by model name, e.g.
            `{"gpt-4o-mini": {"input": 0.15, "output": 0.6}}`; each record then gets `cost_usd`.
        max_cost: stop starting conversations once the finished ones cost this much (needs `prices`).
        executor: runs each conversation instead of the local graph: any object with
            `ainvoke(input, *, context, config)` returning the graph's output (e.g. a
            `ServerExecutor` submitting runs to a LangGraph Agent Server).

    Returns:
        The records of this call, in completion order.
    """
    if concurrency < 1 or trials < 1:
        raise ValueError("concurrency and trials must be at least 1")
    if executor is not None:
        graph = executor
        models = {"executor": getattr(executor, "description", type(executor).__name__)}
    else:
        shopper_seat, sales_seat = as_shopper_seat(shopper, catalog), as_sales_seat(sales_agent, catalog)
        graph = create_salessim_graph(
            shopper=shopper_seat, sales_agent=sales_seat, judges=judges, catalog=catalog, max_turns=max_turns,
            attach_images=attach_images,
        ).compile()
        models = {"shopper": describe_seat(shopper_seat), "sales_agent": describe_seat(sales_seat)}
    writer = ResultsWriter(out) if out is not None else None
    gate = asyncio.Semaphore(concurrency)
    records: list[dict[str, Any]] = []
    used = 0
    spent = 0.0
    if max_cost is not None and not prices:
        raise ValueError("max_cost needs prices (US dollars per million tokens by model name)")

    async def one(persona: Persona, trial: int) -> None:
        cid = f"{persona.uuid}-t{trial}"
        cseed = conversation_seed(seed, persona.uuid, trial)
        nonlocal used, spent
        async with gate:
            if (token_budget is not None and used >= token_budget) or (max_cost is not None and spent >= max_cost):
                return  # budget spent: the rest stays undone (resume later with a new budget)
            start = time.perf_counter()
            try:
                state = await graph.ainvoke(
                    {"persona": persona.model_dump(mode="json"), "conversation_id": cid},
                    context=Context(seed=cseed, max_turns=max_turns),
                    config={"recursion_limit": RECURSION_LIMIT},
                )
            except Exception as err:  # the graph itself failed: record it, keep the batch going
                message = f"{type(err).__name__}: {err}"
                state = {"outcome": "error", "termination_reason": f"error in graph: {message}",
                         "error_message": message}
            record = build_record(state, persona=persona, conversation_id=cid, trial=trial, seed=cseed,
                                  catalog=catalog, models=models,
                                  timings={"duration_s": round(time.perf_counter() - start, 4)})
        if writer is not None:
            writer.write(record)
        records.append(record)
        used += sum(u.get("total_tokens", 0) for u in record["token_usage"].values())
        if prices:
            record["cost_usd"] = conversation_cost(record, prices)
            spent += record["cost_usd"] or 0.0
        if on_result is not None:
            on_result(record)

    jobs = [(p, t) for t in range(trials) for p in personas if f"{p.uuid}-t{t}" not in skip]
    try:
        await asyncio.gather(*(one(p, t) for p, t in jobs))
    finally:
        if writer is not None:
            writer.close()
    return records


def finished_ids(results_file: Path) -> set[str]:
    """Conversation ids already in a results file (for resuming)."""
    if not results_file.exists():
        return set()
    return {r["conversation_id"] for r in read_results(results_file)}
