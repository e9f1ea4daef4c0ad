"""Run many conversations concurrently and append each result as it finishes."""

from __future__ import annotations

import asyncio
import gc
import hashlib
import json
import multiprocessing
import pickle
import queue
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel

from langgraph_salessim.catalog import Catalog
from langgraph_salessim.graph import DEFAULT_MAX_TURNS, as_sales_seat, as_shopper_seat, create_salessim_graph
from langgraph_salessim.judges import Judge
from langgraph_salessim.pacing import CpuTurns
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
    workers: int = 1,
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
        workers: worker processes to spread the conversations over (Linux/macOS, fork start
            method): each runs every `workers`-th conversation at its share of `concurrency`
            with its own graph, so framework CPU time is spread over cores. Seats, catalog and
            judges reach the workers by fork, never pickled: a seat holding a lock, thread or
            open connection created before the call must survive a fork. Records come back to
            this process, which alone writes `out`, calls `on_result` and applies the budgets
            (a worker starts no new conversation once they are spent). Not with `executor`.

    Returns:
        The records of this call, in completion order.
    """
    if concurrency < 1 or trials < 1 or workers < 1:
        raise ValueError("concurrency, trials and workers must be at least 1")
    if max_cost is not None and not prices:
        raise ValueError("max_cost needs prices (US dollars per million tokens by model name)")
    if workers > 1 and executor is not None:
        raise ValueError("workers > 1 runs the local graph in worker processes; an executor takes concurrency only")
    jobs = [(p, t) for t in range(trials) for p in personas if f"{p.uuid}-t{t}" not in skip]
    writer = ResultsWriter(out) if out is not None else None
    records: list[dict[str, Any]] = []
    used = 0
    spent = 0.0

    def spent_all() -> bool:
        return (token_budget is not None and used >= token_budget) or (max_cost is not None and spent >= max_cost)

    def finish(record: dict[str, Any]) -> None:
        nonlocal used, spent
        if prices:  # before writing, so the file holds the cost too
            record["cost_usd"] = conversation_cost(record, prices)
            spent += record["cost_usd"] or 0.0
        if writer is not None:
            writer.write(record)
        records.append(record)
        used += sum(u.get("total_tokens", 0) for u in record["token_usage"].values())
        if on_result is not None:
            on_result(record)

    settings = _Settings(catalog=catalog, shopper=shopper, sales_agent=sales_agent, judges=judges, seed=seed,
                         max_turns=max_turns, attach_images=attach_images)
    try:
        if workers > 1 and len(jobs) > 1:
            await _run_in_workers(jobs, settings, workers=min(workers, len(jobs), concurrency),
                                  concurrency=concurrency, finish=finish, spent_all=spent_all)
        else:
            graph, models = (executor, {"executor": getattr(executor, "description", type(executor).__name__)}) \
                if executor is not None else _local_graph(settings)
            await _run_jobs(jobs, graph, models, settings, concurrency=concurrency, stop=spent_all, emit=finish,
                            pace=executor is None)
    finally:
        if writer is not None:
            writer.close()
    return records


@dataclass(frozen=True)
class _Settings:
    """What every conversation of a call shares (handed to worker processes by fork, never pickled)."""

    catalog: Catalog
    shopper: Any
    sales_agent: Any
    judges: Sequence[Judge] | None
    seed: int
    max_turns: int
    attach_images: bool


def _local_graph(settings: _Settings) -> tuple[Any, dict[str, Any]]:
    """The compiled SalesSim graph for the settings' seats, and their description for the records."""
    shopper_seat = as_shopper_seat(settings.shopper, settings.catalog)
    sales_seat = as_sales_seat(settings.sales_agent, settings.catalog)
    graph = create_salessim_graph(
        shopper=shopper_seat, sales_agent=sales_seat, judges=settings.judges, catalog=settings.catalog,
        max_turns=settings.max_turns, attach_images=settings.attach_images,
    ).compile()
    return graph, {"shopper": describe_seat(shopper_seat), "sales_agent": describe_seat(sales_seat)}


async def _run_jobs(
    jobs: Sequence[tuple[Persona, int]],
    graph: Any,
    models: Mapping[str, Any],
    settings: _Settings,
    *,
    concurrency: int,
    stop: Callable[[], bool],
    emit: Callable[[dict[str, Any]], None],
    pace: bool = True,
) -> None:
    """Run (persona, trial) jobs with bounded concurrency; `emit` gets each record, `stop` ends starting new ones."""
    gate = asyncio.Semaphore(concurrency)
    seed, max_turns, catalog = settings.seed, settings.max_turns, settings.catalog
    turns = CpuTurns() if pace else None

    async def one(persona: Persona, trial: int) -> None:
        cid = f"{persona.uuid}-t{trial}"
        cseed = conversation_seed(seed, persona.uuid, trial)
        async with gate:
            if stop():
                return  # budget spent: the rest stays undone (resume later with a new budget)
            start = time.perf_counter()
            try:
                async with turns.conversation() if turns is not None else nullcontext():
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
        emit(record)

    await asyncio.gather(*(one(p, t) for p, t in jobs))


def _worker_main(jobs: Sequence[tuple[Persona, int]], settings: _Settings, concurrency: int, results: Any,
                 stop: Any) -> None:
    """A worker process: run its share of the jobs with its own graph and send each record to the parent."""
    try:
        def emit(record: dict[str, Any]) -> None:
            try:
                data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # something unpicklable in a score's details: send it as the results file has it
                data = pickle.dumps(json.loads(json.dumps(record, ensure_ascii=False, default=str)))
            results.put(("record", data))

        graph, models = _local_graph(settings)
        gc.freeze()  # our own process: what it inherited and set up stays out of every collection
        asyncio.run(_run_jobs(jobs, graph, models, settings, concurrency=concurrency, stop=stop.is_set, emit=emit))
        results.put(("done", None))
    except BaseException as err:  # noqa: BLE001  # the parent raises it
        results.put(("failed", f"{type(err).__name__}: {err}\n{traceback.format_exc()}"))


async def _run_in_workers(
    jobs: Sequence[tuple[Persona, int]],
    settings: _Settings,
    *,
    workers: int,
    concurrency: int,
    finish: Callable[[dict[str, Any]], None],
    spent_all: Callable[[], bool],
) -> None:
    """Spread the jobs over forked worker processes; the parent records what they send back.

    Each worker gets every `workers`-th job and runs it at its share of `concurrency` with its
    own compiled graph. Seats, catalog, personas and judges reach the workers by fork (nothing is
    pickled on the way in); records come back pickled through a queue. Budgets are checked here,
    and a worker starts no new conversation once the parent says they are spent.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        raise RuntimeError("workers > 1 needs the fork start method (Linux, macOS); use workers=1 here")
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    stop = ctx.Event()
    if spent_all():  # e.g. a zero budget: as in one process, nothing starts
        stop.set()
    procs = []
    for i in range(workers):
        share = concurrency // workers + (1 if i < concurrency % workers else 0)
        procs.append(ctx.Process(target=_worker_main, args=(list(jobs[i::workers]), settings, share, results, stop),
                                 name=f"salessim-worker-{i}", daemon=True))
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="salessim-results") as pool:
        try:
            for proc in procs:  # before the reader thread exists: fork copies no running thread of ours
                proc.start()
            running = workers
            while running:
                try:
                    kind, payload = await loop.run_in_executor(pool, results.get, True, 0.5)
                except queue.Empty:
                    dead = [p for p in procs if p.exitcode not in (None, 0)]
                    if dead:
                        raise RuntimeError(f"{dead[0].name} died with exit code {dead[0].exitcode}") from None
                    continue
                if kind == "record":
                    finish(pickle.loads(payload))
                    if spent_all():
                        stop.set()
                elif kind == "done":
                    running -= 1
                else:
                    raise RuntimeError(f"a worker process failed: {payload}")
        finally:
            stop.set()
            for proc in procs:
                proc.join(timeout=5)
                if proc.is_alive():
                    proc.terminate()
                    proc.join()
            results.close()


def finished_ids(results_file: Path) -> set[str]:
    """Conversation ids already in a results file (for resuming)."""
    if not results_file.exists():
        return set()
    return {r["conversation_id"] for r in read_results(results_file)}
