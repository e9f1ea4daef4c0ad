"""First come, first served CPU turns for conversations run concurrently in one event loop.

Many conversations in one loop interleave their framework work step by step (asyncio runs
ready callbacks round-robin). When their model replies arrive close together, all of them
then finish their CPU work together, at the end of the burst, and call their models again in
lockstep: each model round trip is stretched by the CPU time of every conversation in the
burst. With a `CpuTurns` the runner lets one conversation at a time do CPU work: the one whose
reply came first goes first and waits on its model again at once, so the conversations stay
spread out over the model latency.

A conversation holds its turn except while a seat or a judge is answering (`waiting()`, which
graph nodes wrap around `respond` and judges): then the model call, a bot's request or a
person at the keyboard runs without it. Outside `CpuTurns.conversation()` (Studio, a server,
a plain `graph.ainvoke`) `waiting()` does nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass
class _Turn:
    lock: asyncio.Lock
    held: bool = False
    waiting: int = 0  # this conversation's seats / judges answering right now (judges run in parallel)
    acquiring: bool = False


_CURRENT: ContextVar[_Turn | None] = ContextVar("salessim_cpu_turn", default=None)


class CpuTurns:
    """One event loop's CPU turns; each conversation run under `conversation()` takes them in order."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()

    @asynccontextmanager
    async def conversation(self) -> AsyncIterator[None]:
        """Run one conversation: it holds a turn except while waiting on a seat or judge."""
        turn = _Turn(self._lock)
        token = _CURRENT.set(turn)
        try:
            await _take(turn)
            yield
        finally:
            _CURRENT.reset(token)
            if turn.held:
                turn.held = False
                turn.lock.release()


async def _take(turn: _Turn) -> None:
    if turn.held or turn.acquiring:
        return  # another task of this conversation holds or is getting the turn: go on without it
    turn.acquiring = True
    try:
        await turn.lock.acquire()
    finally:
        turn.acquiring = False
    if turn.waiting == 0:
        turn.held = True
    else:  # a parallel branch of this conversation started waiting meanwhile
        turn.lock.release()


@asynccontextmanager
async def waiting() -> AsyncIterator[None]:
    """Give up the conversation's CPU turn while awaiting a seat or judge (a no-op outside `CpuTurns`)."""
    turn = _CURRENT.get()
    if turn is None:
        yield
        return
    turn.waiting += 1
    if turn.held:
        turn.held = False
        turn.lock.release()
    try:
        yield
    finally:
        turn.waiting -= 1
        if turn.waiting == 0:
            await _take(turn)
