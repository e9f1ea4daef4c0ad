"""A multi-turn shopper environment for RL: the shopper's next message comes from outside.

`ShopperEnv` plays everything but the shopper (catalog, sales agent, termination, judges) with the
graph's own turn logic on a plain state dict: `turns.shopper_update` (text tool calls parsed as in
the graph), the graph's `inspect_image` tool node, the sales seat and `turns.sales_update`, merged
with `SalesSimState`'s reducers, then the graph's routing, finalize and judges. The same messages in
give the same record out as `create_salessim_graph` (tested). As the state is plain data, `clone()`,
`state_dict()` and `load_state()` let a GRPO loop step G candidate messages from one state.
"""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Callable, Coroutine, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar, get_type_hints

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, ToolMessage, messages_from_dict, messages_to_dict
from langgraph.graph import END, START, StateGraph
from langgraph.types import RetryPolicy

from langgraph_salessim import turns
from langgraph_salessim.actions import parse_reply
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.graph import DEFAULT_MAX_TURNS, _shopper_tools, as_sales_seat
from langgraph_salessim.judges import Judge, create_decision_alignment_judge, run_judge
from langgraph_salessim.personas import Persona, resolve_ground_truth
from langgraph_salessim.results import build_record
from langgraph_salessim.retry import DEFAULT_RETRY_POLICY, EmptyReplyError, call_with_retry
from langgraph_salessim.rewards import RewardSource, combined_reward, content_text, disclosure_turn_rewards
from langgraph_salessim.runner import describe_seat
from langgraph_salessim.seats import SalesAgent, SalesReply, SalesView, ShopperReply, ShopperView
from langgraph_salessim.shopper import _PROMPTS as PROMPTS
from langgraph_salessim.shopper import _this_turn, prepare_images, shopper_system_prompt
from langgraph_salessim.state import OPENING_GREETING, SalesSimState, keep_first, state_persona

T = TypeVar("T")
Step = tuple[list[dict[str, Any]], float | None, bool, dict[str, Any]]
"""`(observation, reward, done, info)`."""

_REDUCERS: dict[str, Callable[[Any, Any], Any]] = {
    key: hint.__metadata__[-1] for key, hint in get_type_hints(SalesSimState, include_extras=True).items()
    if getattr(hint, "__metadata__", None)
}
_MESSAGE_KEYS = ("messages", "shopper_scratch")


def _merge(state: dict[str, Any], update: Mapping[str, Any]) -> None:
    """Apply a node's update with the graph's reducers (`add_messages`, `operator.add`, `keep_first`)."""
    for key, value in update.items():
        reducer = _REDUCERS.get(key)
        if reducer is None:
            state[key] = value
        elif reducer is keep_first:
            state[key] = keep_first(state.get(key), value)
        else:
            state[key] = reducer(state.get(key) or [], value)


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from sync code, also when an event loop is already running."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


class ShopperEnv:
    """The SalesSim conversation as an environment whose shopper is the agent being trained.

    Observations are OpenAI-style chat dicts from the shopper's side, ready for a chat template
    or TRL's conversational format: `{"role": "system", ...}` (the shopper prompt filled from the
    persona), then `user` (salesperson) and `assistant` (shopper) turns; product images appear as
    text captions. During an `inspect_image` round the current turn's `assistant` tool call and
    its `tool` result follow.

    Actions are the shopper's next message: a string (tool calls written in the text, such as
    `add_to_cart("X")`, are parsed and recorded as formatting leaks, exactly as in the graph), an
    `AIMessage` with structured tool calls, or a `ShopperReply` (with the seat's private memory).

    Rewards: 0 on non-final steps (plus `turn_reward` for a shopper turn revealing at most two new
    criteria, when set); on the final step `reward_fn(record)` (default `combined_reward`), which is
    None when the conversation cannot be scored (e.g. it ended in an error); see `rewards`.

    Example:
        >>> env = ShopperEnv()
        >>> obs = env.reset(load_builtin_personas("laptop")[0], seed=0)  # doctest: +SKIP
        >>> branches = env.fork(4)  # G candidates from the same state  # doctest: +SKIP
        >>> results = [b.step(msg) for b, msg in zip(branches, candidates)]  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        catalog: Catalog | None = None,
        sales_agent: SalesAgent | BaseChatModel | None = None,
        max_turns: int = DEFAULT_MAX_TURNS,
        judges: Sequence[Judge] | None = None,
        reward_fn: Callable[[RewardSource], float | None] = combined_reward,
        turn_reward: float = 0.0,
        variant: str = "default",
        prompt: str | None = None,
        attach_images: bool = True,
        retry_policy: RetryPolicy | None = DEFAULT_RETRY_POLICY,
    ) -> None:
        """Set up the environment.

        Args:
            catalog: the catalog (default: all built-in categories).
            sales_agent: the sales seat: a `SalesAgent`, a chat model, or None for the offline agent.
            max_turns: shopper turns before the conversation is cut off.
            judges: judges run when a conversation ends (default: decision alignment, as in the graph).
            reward_fn: reward of a finished conversation's record.
            turn_reward: per-turn shaping reward for a shopper turn revealing at most two new criteria.
            variant: shopper prompt variant for the observation's system message (`PROMPTS`).
            prompt: a system prompt template overriding `variant` (placeholders of `SHOPPER_PROMPT`).
            attach_images: attach images of recommended products to salesperson turns (as the graph).
            retry_policy: retries of the sales seat's failing or empty reply.
        """
        if catalog is None:
            from langgraph_salessim.builtin import load_builtin_catalog

            catalog = load_builtin_catalog()
        if variant not in PROMPTS and prompt is None:
            raise ValueError(f"unknown variant {variant!r}; choose one of {sorted(PROMPTS)}")
        self.catalog = catalog
        self.sales_seat = as_sales_seat(sales_agent, catalog)
        self.judges = list(judges) if judges is not None else [create_decision_alignment_judge()]
        self.max_turns = max_turns
        self.reward_fn = reward_fn
        self.turn_reward = turn_reward
        self.prompt = prompt or PROMPTS[variant]
        self.attach_images = attach_images
        self.retry_policy = retry_policy
        tools = StateGraph(SalesSimState)
        tools.add_node("shopper_tools", _shopper_tools(catalog))
        tools.add_edge(START, "shopper_tools")
        tools.add_edge("shopper_tools", END)
        self._tools: Any = tools.compile()
        self.seed = 0
        self.done = False
        self._state: dict[str, Any] | None = None
        self._record: dict[str, Any] | None = None
        self._reward: float | None = None

    @property
    def state(self) -> dict[str, Any]:
        """The conversation state, shaped like the graph's `SalesSimState` (read it, do not mutate it)."""
        if self._state is None:
            raise RuntimeError("call reset(persona) first")
        return self._state

    @property
    def persona(self) -> Persona:
        """The persona of the current conversation."""
        return state_persona(self.state)

    def reset(self, persona: Persona | Mapping[str, Any], *, seed: int = 0) -> list[dict[str, Any]]:
        """Start a conversation: the salesperson's greeting is said; the shopper speaks next.

        Args:
            persona: the shopper's persona (ground truth is resolved against the catalog when missing).
            seed: the conversation's seed (the offline sales agent's choices depend on it).

        Returns:
            The first observation: system prompt and greeting.
        """
        p = persona if isinstance(persona, Persona) else Persona.model_validate(persona)
        if p.acceptable_products is None and p.constraints:
            p = resolve_ground_truth(p, self.catalog)
        self.seed, self.done, self._record, self._reward = seed, False, None, None
        self._state = {"persona": p.model_dump(mode="json"), "turn": 0}
        _merge(self._state, {"messages": [AIMessage(content=OPENING_GREETING, name=turns.SALESPERSON_NAME)]})
        return self.observation()

    def clone(self) -> ShopperEnv:
        """An independent copy of this environment at its current state (seats and catalog shared)."""
        other = copy.copy(self)
        other._state = copy.deepcopy(self._state)
        other._record = copy.deepcopy(self._record)
        return other

    def fork(self, n: int) -> list[ShopperEnv]:
        """`n` independent clones, for stepping a group of candidate messages from one state."""
        return [self.clone() for _ in range(n)]

    def state_dict(self) -> dict[str, Any]:
        """The environment's state as JSON-serialisable data (e.g. a dataset column)."""
        state = {k: messages_to_dict(v) if k in _MESSAGE_KEYS else v for k, v in self.state.items()}
        return {"version": 1, "seed": self.seed, "done": self.done, "state": copy.deepcopy(state),
                "record": copy.deepcopy(self._record), "reward": self._reward}

    def load_state(self, data: Mapping[str, Any] | str) -> list[dict[str, Any]]:
        """Restore a `state_dict()` (or its JSON) and return the observation at that state."""
        d = json.loads(data) if isinstance(data, str) else data
        state = copy.deepcopy(dict(d["state"]))
        for key in _MESSAGE_KEYS:
            if key in state:
                state[key] = messages_from_dict(state[key])
        self._state, self.seed, self.done = state, int(d["seed"]), bool(d["done"])
        self._record, self._reward = copy.deepcopy(d.get("record")), d.get("reward")
        return self.observation()

    def shopper_view(self) -> ShopperView:
        """The view the graph gives a shopper seat at this state (for driving the env with a `Shopper`)."""
        state = self.state
        return ShopperView(persona=self.persona, transcript=turns.shopper_transcript(state["messages"]),
                           scratch=list(state.get("shopper_scratch", [])), turn=state.get("turn", 0),
                           tool_rounds=state.get("shopper_tool_rounds", 0),
                           memory=dict(state.get("shopper_memory") or {}), catalog=self.catalog, seed=self.seed)

    def observation(self) -> list[dict[str, Any]]:
        """The shopper's chat at this state as OpenAI-style message dicts (see the class docstring)."""
        view = self.shopper_view()
        out: list[dict[str, Any]] = [{"role": "system", "content": shopper_system_prompt(view.persona, self.prompt)}]
        for m in prepare_images(view.transcript, mode="caption", keep=None):
            role = "assistant" if isinstance(m, AIMessage) else "user"
            out.append({"role": role, "content": content_text(m.content)})
        for m in _this_turn(view.scratch, view.tool_rounds):
            if isinstance(m, AIMessage):
                calls = [{"id": c["id"], "type": "function",
                          "function": {"name": c["name"], "arguments": json.dumps(c["args"])}} for c in m.tool_calls]
                out.append({"role": "assistant", "content": content_text(m.content), "tool_calls": calls})
            elif isinstance(m, ToolMessage):
                seen = f"\n[{turns.caption(self.catalog.get(m.artifact), self.catalog)}]" if m.artifact else ""
                out.append({"role": "tool", "tool_call_id": m.tool_call_id, "content": content_text(m.content) + seen})
        return out

    def step(self, message: str | AIMessage | ShopperReply) -> Step:
        """Sync `astep` (runs its own event loop; use `astep` with LLM sales agents inside one loop)."""
        return run_sync(self.astep(message))

    async def astep(self, message: str | AIMessage | ShopperReply) -> Step:
        """Play the shopper's `message`, then the salesperson's turn (or the end of the conversation).

        Returns:
            `(observation, reward, done, info)`; `info` holds `outcome`, `termination_reason`, `turn`,
            `scores` and, once done, the results `record`, its `reward` and `unscorable` (the reward
            is None: skip the sample or count it as 0 with this flag).

        Raises:
            RuntimeError: when the conversation has already ended.
        """
        if self.done:
            raise RuntimeError("the conversation has ended; call reset()")
        reply = message if isinstance(message, ShopperReply) else ShopperReply(
            message=message if isinstance(message, AIMessage) else AIMessage(content=message))
        msg = reply.message
        state = self.state
        if turns.is_empty(parse_reply(msg.text, [dict(c) for c in msg.tool_calls])):
            err = EmptyReplyError("the shopper's model returned neither text nor a tool call")
            return await self._finish(turns.error_update("shopper", err))  # the graph's end after its retries
        turn_before = state.get("turn", 0)
        _merge(state, turns.shopper_update(msg, reply.memory, state, self.catalog))
        route = turns.after_shopper(state, self.max_turns)
        if route == "finalize":
            return await self._finish()
        if route == "shopper_tools":
            scratch = state["shopper_scratch"]
            ran = await self._tools.ainvoke(state)
            _merge(state, {"shopper_scratch": ran["shopper_scratch"][len(scratch):]})
            return self.observation(), 0.0, False, self._info()
        shaping = self._shaping() if state.get("turn", 0) > turn_before else 0.0
        _merge(state, await self._sales_turn())
        if state.get("outcome") is not None:
            return await self._finish()
        return self.observation(), shaping, False, self._info()

    async def fail(self, seat: str, err: BaseException) -> Step:
        """End the conversation because a seat failed (the graph's `error` outcome)."""
        return await self._finish(turns.error_update(seat, err))

    async def _sales_turn(self) -> dict[str, Any]:
        state = self.state
        view = SalesView(messages=turns.public_transcript(state["messages"]), category=self.persona.category,
                         catalog=self.catalog, turn=state.get("turn", 0), seed=self.seed)

        async def ask() -> SalesReply:
            reply = await self.sales_seat.respond(view)
            if not any(m.text.strip() for m in reply.messages):
                raise EmptyReplyError("the sales agent returned no text")
            return reply

        try:
            reply = await call_with_retry(ask, self.retry_policy)
        except Exception as err:
            return turns.error_update("sales_agent", err)
        return turns.sales_update(reply, state, self.catalog, attach_images=self.attach_images)

    def _shaping(self) -> float:
        if not self.turn_reward:
            return 0.0
        per_turn = disclosure_turn_rewards(self.state)
        return self.turn_reward * per_turn[-1] if per_turn else 0.0

    async def _finish(self, update: Mapping[str, Any] | None = None) -> Step:
        state = self.state
        _merge(state, update or {})
        _merge(state, turns.finalize_update(state))  # the graph's finalize node
        # judges run in parallel on the finalised state; LangGraph applies their writes by node name
        frozen, judges = dict(state), sorted(self.judges, key=lambda j: j.name)
        for scores in await asyncio.gather(*(run_judge(j, frozen) for j in judges)):
            _merge(state, {"scores": scores})
        self.done = True
        persona = self.persona
        self._record = build_record(
            state, persona=persona, conversation_id=f"{persona.uuid}-env-s{self.seed}", trial=0, seed=self.seed,
            catalog=self.catalog, models={"shopper": {"name": "external", "type": "ShopperEnv"},
                                          "sales_agent": describe_seat(self.sales_seat)}, timings={})
        self._reward = self.reward_fn(self._record)
        return self.observation(), self._reward, True, self._info()

    def _info(self) -> dict[str, Any]:
        state = self.state
        info: dict[str, Any] = {"outcome": state.get("outcome"), "termination_reason": state.get("termination_reason"),
                                "turn": state.get("turn", 0), "scores": list(state.get("scores", []))}
        if self.done:
            info.update(record=self._record, reward=self._reward, unscorable=self._reward is None)
        return info

    @property
    def record(self) -> dict[str, Any] | None:
        """The results record of the finished conversation (None while it runs)."""
        return self._record
