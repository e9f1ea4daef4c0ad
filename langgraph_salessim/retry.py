"""Retrying a seat's model call with a LangGraph `RetryPolicy`, inside the node.

The graph applies the policy itself rather than attaching it to the node, so that the
last failure becomes a recorded `error` termination instead of an exception escaping
the run (a batch of hundreds of conversations must not stop for one).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

from langgraph.errors import GraphBubbleUp
from langgraph.types import RetryPolicy

T = TypeVar("T")

DEFAULT_RETRY_POLICY = RetryPolicy(initial_interval=1.0, backoff_factor=2.0, max_interval=30.0, max_attempts=3)
"""Three attempts with exponential backoff, on LangGraph's default transient errors."""


class EmptyReplyError(RuntimeError):
    """A model returned neither text nor a tool call."""


def _should_retry(policy: RetryPolicy, err: Exception) -> bool:
    if isinstance(err, GraphBubbleUp):  # interrupts and other control flow are not failures
        return False
    if isinstance(err, EmptyReplyError):
        return True
    retry_on = policy.retry_on
    if isinstance(retry_on, type):
        return isinstance(err, retry_on)
    if callable(retry_on):
        return bool(retry_on(err))
    return isinstance(err, tuple(retry_on))


async def call_with_retry(call: Callable[[], Awaitable[T]], policy: RetryPolicy | None) -> T:
    """Await `call()`, retrying per `policy` (always on `EmptyReplyError`); re-raise the last error."""
    attempts = policy.max_attempts if policy is not None else 1
    interval = policy.initial_interval if policy is not None else 0.0
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except Exception as err:
            if policy is None or attempt >= attempts or not _should_retry(policy, err):
                raise
            delay = min(interval, policy.max_interval) + (random.uniform(0, 1) if policy.jitter else 0.0)
            await asyncio.sleep(delay)
            interval *= policy.backoff_factor
    raise AssertionError("unreachable")  # pragma: no cover
