"""Rewards for training a shopper model (UserGRPO-style), built from the metric suite.

Every reward is a plain function over one finished conversation: a results record (ours or
an official SalesSim one), a graph state, or a `Conversation`. It returns a float, or None
when it cannot be computed (an `error` conversation, a persona without ground truth, a
shopper that never spoke). None is never replaced by a default here: a trainer decides.
Two sane policies: skip the sample (TRL's `GRPOTrainer` excludes a reward function that
returns None for a sample), or use 0 and log a flag (`as_trl_reward(..., missing=0.0)`).

The SalesSim paper does not publish the weights UserGRPO used; `DEFAULT_WEIGHTS` are ours
(see `combined_reward`). The human reference means (2.99 criteria in the first turn, 0.37
complete sentences) are the means of SalesSim's released human dialogue features.

`as_trl_reward(fn)` gives any of them TRL's reward-function signature
`(prompts, completions, **kwargs) -> list[float | None]`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from langchain_core.messages import BaseMessage

from langgraph_salessim.actions import parse_reply
from langgraph_salessim.catalog import Catalog
from langgraph_salessim.conversation import Conversation, Turn, from_record, from_state, resolve_purchase
from langgraph_salessim.criteria import mentions, persona_criteria
from langgraph_salessim.judges import decision_alignment_of
from langgraph_salessim.matching import match_mentions
from langgraph_salessim.personas import Persona
from langgraph_salessim.quality import complete_sentence_fraction, first_turn_criteria, format_leaks, premature_ending

RewardSource = Mapping[str, Any] | Conversation | str
"""A finished conversation: a results record (or its JSON line), a graph state, or a `Conversation`."""

HUMAN_REFERENCE: dict[str, float] = {"first_turn_criteria": 2.99, "complete_sentences": 0.37}
"""Human means the closeness rewards aim at, under the metric names `load_human_reference` returns."""

DEFAULT_WEIGHTS: dict[str, float] = {
    "decision_alignment": 1.0,
    "first_turn_criteria": 0.125,
    "complete_sentences": 0.125,
    "format": 0.125,
    "no_premature_ending": 0.125,
}
"""Our default weights (the paper publishes none). The quality weights sum to less than the
alignment weight, so any decision-aligned conversation outranks any misaligned one."""

Missing = Literal["skip", "zero", "none"]


def as_conversation(source: RewardSource) -> Conversation:
    """The `Conversation` of a results record (or JSON line), a graph state, or a `Conversation`."""
    if isinstance(source, Conversation):
        return source
    if isinstance(source, str):
        source = json.loads(source)
    if not isinstance(source, Mapping):
        raise TypeError(f"expected a results record, a graph state or a Conversation, got {type(source).__name__}")
    return from_record(source) if "conversation" in source else from_state(source)


def closeness(value: float, reference: float) -> float:
    """`max(0, 1 - |value - reference| / reference)`: 1 at the reference, 0 at twice (or zero) of it."""
    if reference <= 0:
        raise ValueError("reference must be positive")
    return max(0.0, 1.0 - abs(value - reference) / reference)


def decision_alignment_reward(source: RewardSource) -> float | None:
    """1.0 when the shopper's decision follows its persona (correct accept or reject), 0.0 otherwise.

    The 0 cases are the judge's: premature ending, overly lenient, hallucinated purchase, chose
    the wrong product, too stringent. None for an `error` or unfinished conversation, or a
    persona without ground truth (e.g. official v0 records).
    """
    return decision_alignment_of(as_conversation(source))["value"]


def first_turn_reward(source: RewardSource, *,
                      reference: float = HUMAN_REFERENCE["first_turn_criteria"]) -> float | None:
    """Closeness of the number of criteria in the first shopper message to the human mean (2.99).

    None when the shopper never spoke or the persona has no criteria to count.
    """
    value = first_turn_criteria(as_conversation(source))["value"]
    return None if value is None else closeness(value, reference)


def complete_sentence_reward(source: RewardSource, *,
                             reference: float = HUMAN_REFERENCE["complete_sentences"]) -> float | None:
    """Closeness of the shopper's complete-sentence fraction to the human mean (0.37).

    None when the shopper wrote no sentence.
    """
    value = complete_sentence_fraction(as_conversation(source))["value"]
    return None if value is None else closeness(value, reference)


def format_reward(source: RewardSource) -> float | None:
    """1.0 when no shopper turn wrote a tool call as text (a formatting leak), else 0.0; None if it never spoke."""
    conv = as_conversation(source)
    if not conv.shopper_turns:
        return None
    return 1.0 if format_leaks(conv)["value"] == 0 else 0.0


def no_premature_ending_reward(source: RewardSource) -> float | None:
    """1.0 unless the shopper bought or left in its first turn; None for an `error` or unfinished conversation."""
    value = premature_ending(as_conversation(source))["value"]
    return None if value is None else 1.0 - value


def disclosure_turn_rewards(source: RewardSource, *, max_new: int = 2) -> list[float] | None:
    """Per-turn shaping: for each shopper turn, 1.0 when it reveals at most `max_new` new criteria, else 0.0.

    A criterion is new in a turn when no earlier shopper turn mentioned it (as counted by the
    first-turn metric). None when the persona has no criteria to count.
    """
    conv = as_conversation(source)
    criteria = persona_criteria(conv.persona, conv.criteria)
    if not criteria:
        return None
    said: set[str] = set()
    out: list[float] = []
    for turn in conv.shopper_turns:
        new = {c.label for c in criteria if c.label not in said and mentions(turn.text, c)}
        out.append(1.0 if len(new) <= max_new else 0.0)
        said |= new
    return out


def gradual_disclosure_reward(source: RewardSource, *, max_new: int = 2) -> float | None:
    """Mean of `disclosure_turn_rewards`: the share of shopper turns that reveal at most `max_new` new criteria."""
    turns = disclosure_turn_rewards(source, max_new=max_new)
    return None if not turns else sum(turns) / len(turns)


REWARDS: dict[str, Callable[[Conversation, Mapping[str, float]], float | None]] = {
    "decision_alignment": lambda c, _: decision_alignment_reward(c),
    "first_turn_criteria": lambda c, ref: first_turn_reward(
        c, reference=ref.get("first_turn_criteria", HUMAN_REFERENCE["first_turn_criteria"])),
    "complete_sentences": lambda c, ref: complete_sentence_reward(
        c, reference=ref.get("complete_sentences", HUMAN_REFERENCE["complete_sentences"])),
    "format": lambda c, _: format_reward(c),
    "no_premature_ending": lambda c, _: no_premature_ending_reward(c),
    "gradual_disclosure": lambda c, _: gradual_disclosure_reward(c),
}
"""Reward components by name (the keys `combined_reward`'s weights use)."""


def reward_components(source: RewardSource, *, names: Sequence[str] | None = None,
                      reference: Mapping[str, float] = HUMAN_REFERENCE) -> dict[str, float | None]:
    """Each named reward component (all of `REWARDS` by default) of one conversation."""
    conv = as_conversation(source)
    picked = list(names) if names is not None else list(REWARDS)
    unknown = [n for n in picked if n not in REWARDS]
    if unknown:
        raise ValueError(f"unknown rewards {unknown}; available: {sorted(REWARDS)}")
    return {n: REWARDS[n](conv, reference) for n in picked}


def combined_reward(
    source: RewardSource,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    reference: Mapping[str, float] = HUMAN_REFERENCE,
    missing: Missing = "skip",
    required: Sequence[str] = ("decision_alignment",),
) -> float | None:
    """Weighted mean of reward components: `sum(w_i * r_i) / sum(w_i)` over the components used.

    The defaults (`DEFAULT_WEIGHTS`) are ours: the paper does not publish UserGRPO's weights.
    With them the result lies in [0, 1] and any decision-aligned conversation scores at least
    2/3 while any misaligned one scores at most 1/3.

    Args:
        source: a results record, a graph state, or a `Conversation`.
        weights: component name (see `REWARDS`) to non-negative weight; zero weights are ignored.
        reference: human means for the closeness rewards, e.g. `load_human_reference(path)`.
        missing: what a component that cannot be computed does: `"skip"` leaves it out of both sums
            (the mean of the others), `"zero"` counts it as 0, `"none"` makes the whole reward None.
        required: components without which the reward is None whatever `missing` says.

    Returns:
        The combined reward, or None (a trainer should skip the sample or use 0 with a flag).

    Example:
        >>> combined_reward(record, weights={"decision_alignment": 1.0, "format": 0.5})  # doctest: +SKIP
        0.6666666666666666
    """
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights must be non-negative")
    used = {n: w for n, w in weights.items() if w > 0}
    parts = reward_components(source, names=list(used), reference=reference)
    if any(parts.get(n) is None for n in required if n in parts):
        return None
    total = norm = 0.0
    for name, w in used.items():
        value = parts[name]
        if value is None:
            if missing == "none":
                return None
            if missing == "skip":
                continue
            value = 0.0
        total += w * value
        norm += w
    return total / norm if norm > 0 else None


# --- TRL adapter --------------------------------------------------------------------------------


def _role(m: Mapping[str, Any] | BaseMessage) -> tuple[str, Mapping[str, Any]]:
    if isinstance(m, BaseMessage):
        role = {"human": "user", "ai": "assistant"}.get(m.type, m.type)
        return role, {"content": m.content, "tool_calls": getattr(m, "tool_calls", None) or []}
    return str(m.get("role", "")), m


def content_text(content: Any) -> str:
    """The text of a message content: a string, or the non-empty text blocks of a block list, one per line."""
    if isinstance(content, str):
        return content
    parts = [b.get("text", "") for b in content or [] if isinstance(b, Mapping) and b.get("type") == "text"]
    return "\n".join(p for p in parts if p)


def normalize_tool_calls(calls: Sequence[Any]) -> list[dict[str, Any]]:
    """LangChain, OpenAI (`function.arguments` as JSON) or HF (`arguments` as dict) tool calls, normalised."""
    out = []
    for c in calls or []:
        fn = c.get("function") or c
        args = fn.get("arguments", fn.get("args")) or {}
        if isinstance(args, str):
            try:
                args = json.loads(args)
            except json.JSONDecodeError:
                args = {"product": args}
        out.append({"name": fn.get("name"), "args": dict(args), "id": c.get("id") or "call", "type": "tool_call"})
    return out


def conversation_from_chat(
    messages: Sequence[Mapping[str, Any] | BaseMessage],
    *,
    persona: Persona | Mapping[str, Any] | None = None,
    catalog: Catalog | None = None,
    max_turns: int | None = None,
) -> Conversation:
    """A `Conversation` from a shopper-side chat transcript (assistant = shopper, user = salesperson).

    Tool calls (`add_to_cart`, `end_conversation`, structured or written as text) set the outcome;
    nothing after the first decision counts. Without a decision the conversation is unfinished
    (decision alignment None) unless `max_turns` shopper turns were reached. With a `catalog`,
    recommendations are read from the salesperson's text and the purchase is matched to a product;
    with a `persona` carrying ground truth, decision alignment can be scored.
    """
    if persona is not None and not isinstance(persona, Persona):
        persona = Persona.model_validate(persona)
    pool = []
    if catalog is not None:
        pool = catalog.in_category(persona.category) if persona and catalog.in_category(persona.category) \
            else catalog.products
    turns: list[Turn] = []
    outcome: str | None = None
    bought: str | None = None
    for m in messages:
        role, data = _role(m)
        if role == "user":
            text = content_text(data.get("content"))
            rec = [pool[i].id for i in match_mentions(text, [p.name for p in pool])] if pool else []
            turns.append(Turn(speaker="Salesperson", text=text, index=len(turns), recommended=rec))
        elif role == "assistant":
            parsed = parse_reply(content_text(data.get("content")), normalize_tool_calls(data.get("tool_calls") or []))
            terminal = next((c for c in parsed.tool_calls if c["name"] in ("add_to_cart", "end_conversation")), None)
            if not parsed.visible and not terminal and parsed.tool_calls:
                continue  # an inspect_image round, not a turn
            turns.append(Turn(speaker="Shopper", text=parsed.visible, index=len(turns),
                              action=terminal["name"] if terminal else "message", format_leak=parsed.format_leak))
            if terminal is not None:
                outcome = "accepted" if terminal["name"] == "add_to_cart" else "ended_by_shopper"
                bought = str(terminal["args"].get("product", "")) if outcome == "accepted" else None
                break
    if outcome is None and max_turns is not None and sum(t.speaker == "Shopper" for t in turns) >= max_turns:
        outcome = "max_turns_reached"
    conv = Conversation(turns=turns, outcome=outcome, persona=persona,
                        category=persona.category if persona else None,
                        acceptable=persona.acceptable_products if persona else None, purchase_name=bought)
    if bought is not None and catalog is not None:
        resolve_purchase(conv, bought, catalog)
    return conv


def _as_messages(x: Any) -> list[Any]:
    if x is None:
        return []
    if isinstance(x, str):
        return [{"role": "assistant", "content": x}]
    return list(x)


def as_trl_reward(
    reward_fn: Callable[[RewardSource], float | None],
    *,
    column: str = "record",
    persona_column: str = "persona",
    catalog: Catalog | None = None,
    missing: float | None = None,
    name: str | None = None,
) -> Callable[..., list[float | None]]:
    """Wrap a reward function in TRL's `GRPOTrainer` signature `(prompts, completions, **kwargs)`.

    For each sample the conversation is, in order of preference: the dataset column `column`
    (a results record, its JSON line, a graph state or a `Conversation`); or else the prompt
    followed by the completion read as a shopper-side transcript (`conversation_from_chat`,
    with the persona from column `persona_column` and recommendations matched in `catalog`).
    A plain-text completion counts as one shopper message. In a `datasets.Dataset`, store records
    as JSON strings (`json.dumps(record)`): Arrow would otherwise reshape their nested fields.

    Args:
        reward_fn: a reward of this module, `combined_reward`, or any function of a conversation.
        column: dataset column holding finished conversations.
        persona_column: dataset column holding personas (dicts), for transcript completions.
        catalog: catalog to match recommendations and purchases in transcript completions.
        missing: the value used when `reward_fn` returns None; None keeps None (TRL then leaves
            this reward function out for that sample).
        name: the function's `__name__` (TRL logs rewards under it); defaults to `reward_fn`'s.

    Returns:
        A function returning one reward per completion.

    Example:
        >>> trainer = GRPOTrainer(model=model, reward_funcs=[as_trl_reward(decision_alignment_reward),
        ...                       as_trl_reward(combined_reward, missing=0.0)], ...)  # doctest: +SKIP
        >>> as_trl_reward(format_reward)(prompts=[[]], completions=[[{"role": "assistant", "content": "Hi."}]])
        [1.0]
    """

    def reward(prompts: Sequence[Any], completions: Sequence[Any], **kwargs: Any) -> list[float | None]:
        rows = kwargs.get(column)
        personas = kwargs.get(persona_column)
        out: list[float | None] = []
        for i, completion in enumerate(completions):
            source: RewardSource
            if rows is not None and rows[i] is not None:
                source = rows[i]
            else:
                prompt = prompts[i] if prompts is not None and not isinstance(prompts[i], str) else None
                source = conversation_from_chat([*_as_messages(prompt), *_as_messages(completion)],
                                                persona=personas[i] if personas is not None else None,
                                                catalog=catalog)
            value = reward_fn(source)
            out.append(missing if value is None else float(value))
        return out

    reward.__name__ = name or str(getattr(reward_fn, "__name__", "salessim_reward"))
    return reward
