"""Benchmark of the conversation runner: concurrency efficiency and per-turn framework overhead.

Both seats are fake chat models that sleep a fixed latency per call (no network). For N
conversations of T shopper turns at concurrency C it reports, all measured in this process:

- ideal wall time = total model calls x latency / C, and efficiency = ideal / measured;
- the same conversations run one after another, by our runner at concurrency 1 and (when
  openevals is installed) by openevals' `run_multiturn_simulation_async`, and the speed-up of the
  concurrent runner over each;
- framework overhead per turn with a zero-latency model;
- the CPU time the concurrent run used per conversation (this process and its workers) and the
  efficiency that CPU time alone allows on this machine's cores (the CPU-bound ceiling): when
  it is near the measured efficiency, the runner is waiting on the CPU, not on itself.

Timings on a shared virtual machine vary from run to run; `--repeat R` runs the concurrent
measurement R times and reports the median and the best.

With `--workers N` the concurrent runs spread the conversations over N forked worker processes
(`run_conversations(workers=N)`, each at concurrency C/N); the sequential estimate stays one process.

Run: python tools/bench_runner.py [--conversations 256] [--concurrency 64] [--latency 0.05] [--turns 4]
     [--workers 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import resource
import statistics
import time
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from langchain_core.outputs import ChatGeneration, ChatResult

from langgraph_salessim import Constraint, Persona, load_builtin_catalog, resolve_ground_truth
from langgraph_salessim.runner import run_conversations
from langgraph_salessim.state import OPENING_GREETING


class SleepyModel(BaseChatModel):
    """Answers after `latency` seconds: the shopper ends on its `turns`-th message, the salesperson chats."""

    latency: float = 0.05
    role: str = "shopper"
    turns: int = 4

    @property
    def _llm_type(self) -> str:
        return "sleepy"

    def bind_tools(self, tools: Any, **kwargs: Any) -> SleepyModel:  # type: ignore[override]
        return self

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        raise NotImplementedError("async only")

    async def _agenerate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None,
                         **kwargs: Any) -> ChatResult:
        if self.latency:
            await asyncio.sleep(self.latency)
        said = sum(1 for m in messages if m.type == "ai")  # the shopper's own earlier turns (roles flipped)
        if self.role == "shopper" and said + 1 >= self.turns:
            msg = AIMessage(content="Thanks, I'll think about it.",
                            tool_calls=[{"name": "end_conversation", "args": {}, "id": "end", "type": "tool_call"}])
        else:
            msg = AIMessage(content="Tell me more about what you need?" if self.role == "sales" else "Hmm, what else?")
        return ChatResult(generations=[ChatGeneration(message=msg)])


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


async def _run(personas: list[Persona], catalog: Any, *, latency: float, turns: int, concurrency: int,
               workers: int = 1) -> float:
    start = time.perf_counter()
    await run_conversations(personas, catalog=catalog, concurrency=concurrency, workers=workers,
                            shopper=SleepyModel(latency=latency, role="shopper", turns=turns),
                            sales_agent=SleepyModel(latency=latency, role="sales"), attach_images=False)
    return time.perf_counter() - start


async def _openevals_sequential(count: int, *, latency: float, turns: int) -> float | None:
    """`count` conversations of the same two fake models run one after another by openevals'
    `run_multiturn_simulation_async` (None when openevals is not installed: `pip install -e ".[bench]"`).

    The simulated user is the shopper model (roles flipped, as in our graph), the app the sales
    model keeping its own history; the app is not called after the shopper leaves, so both sides
    make the same model calls as in our conversations.
    """
    try:
        from openevals.simulators import run_multiturn_simulation_async
    except ImportError:
        return None
    shopper = SleepyModel(latency=latency, role="shopper", turns=turns)
    sales = SleepyModel(latency=latency, role="sales")
    start = time.perf_counter()
    for _ in range(count):
        user, app, stop = _openevals_sides(shopper, sales)
        await run_multiturn_simulation_async(app=app, user=user, stopping_condition=stop, max_turns=2 * turns)
    return time.perf_counter() - start


def _openevals_sides(shopper: SleepyModel, sales: SleepyModel) -> tuple[Any, Any, Any]:
    """One conversation's simulated user, app and stopping condition for openevals."""
    ended = False
    history: list[BaseMessage] = [AIMessage(content=OPENING_GREETING)]

    async def user(trajectory: list[dict[str, Any]], **kwargs: Any) -> dict[str, Any]:
        nonlocal ended
        seen: list[BaseMessage] = [HumanMessage(content=OPENING_GREETING)]
        seen += [AIMessage(content=m["content"]) if m["role"] == "user" else HumanMessage(content=m["content"])
                 for m in trajectory]
        reply = await shopper.ainvoke(seen)
        ended = bool(reply.tool_calls)
        return {"role": "user", "content": reply.text}

    async def app(message: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        history.append(HumanMessage(content=message["content"]))
        if ended:
            return {"role": "assistant", "content": "Goodbye!"}
        reply = await sales.ainvoke(history)
        history.append(reply)
        return {"role": "assistant", "content": reply.text}

    async def stop(trajectory: list[dict[str, Any]], **kwargs: Any) -> bool:
        return ended

    return user, app, stop


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=256)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--turns", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1, help="worker processes of the concurrent runs")
    parser.add_argument("--repeat", type=int, default=3, help="concurrent runs measured (median and best reported)")
    parser.add_argument("--sequential-sample", type=int, default=16,
                        help="conversations timed one after another (scaled up to --conversations)")
    args = parser.parse_args(argv)
    catalog = load_builtin_catalog("laptop")
    base = Persona(uuid="bench", name="Bench", age=40, category="laptop",
                   constraints=[Constraint(attribute="ram_gb", operator=">=", value=16)])
    personas = [resolve_ground_truth(base.model_copy(update={"uuid": f"bench-{i}"}), catalog)
                for i in range(args.conversations)]
    calls = args.conversations * (2 * args.turns - 1)  # T shopper calls + (T - 1) salesperson calls each
    ideal = calls * args.latency / args.concurrency
    warm_up = personas[: min(len(personas), 16)]  # first graph build and first calls import and cache things
    asyncio.run(_run(warm_up, catalog, latency=args.latency, turns=args.turns, concurrency=args.concurrency,
                     workers=args.workers))
    walls, cpus = [], []
    for _ in range(args.repeat):
        cpu_before = _cpu_seconds()
        walls.append(asyncio.run(_run(personas, catalog, latency=args.latency, turns=args.turns,
                                      concurrency=args.concurrency, workers=args.workers)))
        cpus.append(_cpu_seconds() - cpu_before)
    measured = statistics.median(walls)
    cpu = statistics.median(cpus)
    cores = min(os.cpu_count() or 1, args.workers)
    sample = personas[: args.sequential_sample]
    seq = asyncio.run(_run(sample, catalog, latency=args.latency, turns=args.turns, concurrency=1))
    sequential = seq * args.conversations / len(sample)
    openevals = asyncio.run(_openevals_sequential(len(sample), latency=args.latency, turns=args.turns))
    zero = asyncio.run(_run(personas, catalog, latency=0.0, turns=args.turns, concurrency=args.concurrency,
                            workers=args.workers))
    turns = args.conversations * args.turns
    print(f"conversations={args.conversations} turns={args.turns} concurrency={args.concurrency} "
          f"workers={args.workers} (concurrency {args.concurrency / args.workers:g} each) "
          f"latency={args.latency * 1000:.0f}ms model_calls={calls} cpus={os.cpu_count()} "
          f"python={platform.python_version()}")
    print(f"ideal {ideal:.2f}s  measured {measured:.2f}s (median of {args.repeat})  efficiency {ideal / measured:.3f} "
          f"(best {ideal / min(walls):.3f}, worst {ideal / max(walls):.3f})")
    print(f"CPU used {cpu / args.conversations * 1000:.2f} ms per conversation; CPU-bound ceiling on "
          f"{cores} core(s): efficiency {min(1.0, ideal / (cpu / cores)):.3f}")
    print(f"sequential (est. from {len(sample)}) {sequential:.2f}s  speed-up {sequential / measured:.1f}x")
    if openevals is None:
        print("openevals not installed (pip install -e \".[bench]\"): no run_multiturn_simulation baseline")
    else:
        oe = openevals * args.conversations / len(sample)
        print(f"openevals run_multiturn_simulation_async one after another (est. from {len(sample)}) {oe:.2f}s  "
              f"speed-up {oe / measured:.1f}x")
    print(f"framework overhead per shopper turn (zero latency, {args.workers} worker(s)): "
          f"{zero / turns * 1000:.2f} ms wall")


if __name__ == "__main__":
    main()
