"""Rollouts in a `ShopperEnv`: whole conversations, and a TRL reward function over completions.

`arollout` plays a conversation to its end with a shopper seat; `as_trl_rollout_reward` plays each
sampled completion as the shopper's next message and the rest with a continuation shopper
(GRPO-style training).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from langchain_core.messages import AIMessage

from langgraph_salessim.environment import ShopperEnv, Step, run_sync
from langgraph_salessim.retry import call_with_retry
from langgraph_salessim.rewards import RewardSource, combined_reward, content_text, normalize_tool_calls
from langgraph_salessim.seats import Shopper


async def arollout(env: ShopperEnv, shopper: Shopper) -> Step:
    """Play the conversation to its end with a `Shopper` seat (e.g. the offline shopper or an LLM shopper).

    As in the graph, a failing seat is retried under the env's `retry_policy`, and when it still
    fails the conversation ends with outcome `error`.
    """
    result: Step | None = None
    while not env.done:
        try:
            reply = await call_with_retry(partial(shopper.respond, env.shopper_view()), env.retry_policy)
        except Exception as err:
            return await env.fail("shopper", err)
        result = await env.astep(reply)
    if result is None:
        raise RuntimeError("the conversation had already ended")
    return result


def _completion_message(completion: Any) -> AIMessage:
    """The shopper message of a TRL completion: plain text, or conversational `[{"role": "assistant", ...}]`."""
    if isinstance(completion, str):
        return AIMessage(content=completion)
    last = [m for m in completion if m.get("role") == "assistant"][-1:] or [{"content": ""}]
    return AIMessage(content=content_text(last[0].get("content") or ""),
                     tool_calls=normalize_tool_calls(last[0].get("tool_calls") or []))


def as_trl_rollout_reward(
    env: ShopperEnv,
    *,
    reward_fn: Callable[[RewardSource], float | None] = combined_reward,
    continuation: Shopper | None = None,
    state_column: str = "env_state",
    missing: float | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    name: str | None = None,
) -> Callable[..., list[float | None]]:
    """A TRL reward function that plays each completion as the shopper's next message in `env`.

    Each dataset row holds the state its prompt came from (`env.state_dict()` JSON in column
    `state_column`; the prompt is `env.observation()` there). Each completion is stepped in a clone
    restored to that state, `continuation` plays the rest (default: the offline shopper; an LLM
    shopper on the policy gives full multi-turn rollouts), and `reward_fn` scores the record.

    Example:
        >>> env = ShopperEnv(max_turns=6)
        >>> rows = [{"prompt": env.reset(p), "env_state": json.dumps(env.state_dict())} for p in personas]
        >>> trainer = GRPOTrainer(model=model, reward_funcs=[as_trl_rollout_reward(env)],
        ...                       train_dataset=Dataset.from_list(rows), ...)  # doctest: +SKIP
    """
    if continuation is None:
        from langgraph_salessim.offline_shopper import create_offline_shopper

        continuation = create_offline_shopper()
    shopper = continuation

    async def one(state: Any, completion: Any) -> float | None:
        branch = env.clone()
        branch.load_state(state)
        *_, done, info = await branch.astep(_completion_message(completion))
        if not done:
            *_, info = await arollout(branch, shopper)
        if on_record is not None:
            on_record(info["record"])
        return reward_fn(info["record"])

    async def run_all(states: Sequence[Any], completions: Sequence[Any]) -> list[float | None]:
        return list(await asyncio.gather(*(one(s, c) for s, c in zip(states, completions, strict=True))))

    def reward(prompts: Sequence[Any], completions: Sequence[Any], **kwargs: Any) -> list[float | None]:
        states = kwargs.get(state_column)
        if states is None:
            raise KeyError(f"the dataset needs a {state_column!r} column holding env.state_dict() JSON")
        values = run_sync(run_all(states, completions))
        return [missing if v is None else float(v) for v in values]

    reward.__name__ = name or f"rollout_{getattr(reward_fn, '__name__', 'reward')}"
    return reward
