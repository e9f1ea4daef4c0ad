"""LLM judges (optional, any chat model), sampled several times and aggregated by mode.

Judges: comprehension fits the knowledge level, all dealbreakers stated, judged decision
alignment, and Big-Five expression.

A verdict is read as structured output when the model supports it, else parsed from its text
(the first JSON object in it). A verdict that cannot be read after the retries is recorded as
unscored with the reason, never as 0 or 1.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field, ValidationError

from langgraph_salessim.conversation import Conversation, from_state
from langgraph_salessim.judges import Judge
from langgraph_salessim.state import Score

Level = Literal["Low", "Neutral", "High"]
JudgeKind = Literal["comprehension", "dealbreakers", "decision", "big_five", "first_turn_criteria",
                   "complete_sentences"]
"""The LLM judges: knowledge-level fit, all dealbreakers stated, judged decision alignment, Big-Five, and
LLM variants of the first-turn criteria count and the complete-sentence fraction."""

LEVEL_VALUE = {"Low": 0.0, "Neutral": 0.5, "High": 1.0}
TRAITS = ("openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism")


class YesNoVerdict(BaseModel):
    """A yes/no judgement with its reason."""

    reasoning: str = Field(description="One or two sentences explaining the judgement.")
    verdict: bool = Field(description="The yes/no answer to the question.")


class CountVerdict(BaseModel):
    """A count, and for fractions the total it is out of."""

    reasoning: str = Field(description="One or two sentences explaining the count.")
    count: int = Field(ge=0, description="How many items satisfy the question.")
    total: int | None = Field(default=None, ge=0, description="Out of how many items, when asked.")


class BigFiveVerdict(BaseModel):
    """Big-Five trait levels shown by the shopper's messages."""

    reasoning: str = Field(description="One or two sentences explaining the ratings.")
    openness: Level
    conscientiousness: Level
    extraversion: Level
    agreeableness: Level
    neuroticism: Level


JUDGE_SYSTEM = """You evaluate a simulated shopper in an online sales conversation. Read the persona and \
the transcript, then answer only with a JSON object matching this schema: {schema}"""

QUESTIONS: dict[str, str] = {
    "comprehension": "Does the shopper's understanding of the products fit its knowledge level ({knowledge})?",
    "dealbreakers": "Did the shopper state all of its dealbreakers ({dealbreakers}) during the conversation?",
    "decision": "Given its preferences ({preferences}) and dealbreakers ({dealbreakers}), was the shopper's final "
                "decision ({outcome}) the right one for this persona?",
    "big_five": "Rate how strongly each Big-Five trait shows in the shopper's messages (Low, Neutral or High).",
    "first_turn_criteria": "How many distinct criteria of the persona (preferences, dealbreakers, budget: "
                           "{preferences}; {dealbreakers}) does the shopper mention in its FIRST message? "
                           "Answer with count.",
    "complete_sentences": "Split all of the shopper's messages into sentences. How many are grammatically "
                          "complete sentences (count) out of how many sentences (total)?",
}
_SCHEMAS: dict[str, type[BaseModel]] = {"big_five": BigFiveVerdict, "first_turn_criteria": CountVerdict,
                                        "complete_sentences": CountVerdict}


def _transcript(conv: Conversation) -> str:
    return "\n".join(f"{t.speaker}: {t.text}" for t in conv.turns)


def _messages(kind: str, conv: Conversation) -> list[Any]:
    schema = _SCHEMAS.get(kind, YesNoVerdict).model_json_schema()
    p = conv.persona
    question = QUESTIONS[kind].format(
        knowledge=(p.knowledge_level if p and p.knowledge_level else "not stated"),
        dealbreakers=(p.dealbreakers if p else "; ".join(conv.criteria)) or "none",
        preferences=(p.preferences if p else "") or "none", outcome=conv.outcome)
    persona = p.model_dump_json(include={"name", "age", "persona_background", "speaking_style"}) if p else "{}"
    return [SystemMessage(content=JUDGE_SYSTEM.format(schema=json.dumps(schema))),
            HumanMessage(content=f"Persona: {persona}\n\nTranscript:\n{_transcript(conv)}\n\nQuestion: {question}")]


def parse_verdict(text: str, schema: type[BaseModel]) -> BaseModel | None:
    """The first JSON object in `text` that validates against `schema`, or None."""
    decoder = json.JSONDecoder()
    for m in re.finditer(r"\{", text):
        try:
            value, _ = decoder.raw_decode(text, m.start())
            return schema.model_validate(value)
        except (json.JSONDecodeError, ValidationError):
            continue
    return None


async def _one_verdict(model: BaseChatModel, kind: str, conv: Conversation, retries: int) -> BaseModel | str:
    schema = _SCHEMAS.get(kind, YesNoVerdict)
    messages = _messages(kind, conv)
    problem = "no reply"
    for _ in range(retries + 1):
        try:
            structured = model.with_structured_output(schema, include_raw=True)
            out = await structured.ainvoke(messages)
            if isinstance(out, dict) and isinstance(out.get("parsed"), schema):
                return out["parsed"]
            raw = out.get("raw") if isinstance(out, dict) else None
            text = raw.text if raw is not None else ""
        except NotImplementedError:
            text = (await model.ainvoke(messages)).text
        parsed = parse_verdict(text, schema)
        if parsed is not None:
            return parsed
        problem = f"unreadable verdict: {text[:200]!r}"
    return problem


def _value(kind: str, verdict: BaseModel, conv: Conversation) -> float | None:
    if isinstance(verdict, YesNoVerdict):
        return 1.0 if verdict.verdict else 0.0
    if isinstance(verdict, CountVerdict):
        if kind == "complete_sentences":
            return verdict.count / verdict.total if verdict.total and verdict.count <= verdict.total else None
        return float(verdict.count)
    gold = (conv.persona.big_five if conv.persona else None) or {}
    traits = [t for t in TRAITS if t in gold]
    if not traits:
        return None
    return sum(1 - abs(LEVEL_VALUE[gold[t]] - LEVEL_VALUE[getattr(verdict, t)]) for t in traits) / len(traits)


async def llm_judge_score(conv: Conversation, model: BaseChatModel, *, kind: JudgeKind, samples: int = 3,
                          retries: int = 2) -> Score:
    """Ask the model `samples` times and aggregate by mode (ties go to the lower score)."""
    name = f"llm_{kind}"
    if kind == "big_five" and not (conv.persona and conv.persona.big_five):
        return Score(name=name, value=None, label=None, details={}, comment="persona has no big_five levels")
    values: list[float] = []
    problems: list[str] = []
    for _ in range(samples):
        verdict = await _one_verdict(model, kind, conv, retries)
        if isinstance(verdict, str):
            problems.append(verdict)
            continue
        value = _value(kind, verdict, conv)
        if value is not None:
            values.append(round(value, 6))
    if not values:
        return Score(name=name, value=None, label="unscored", details={"problems": problems},
                     comment=f"no readable verdict in {samples} samples: {problems[-1] if problems else ''}")
    counts = Counter(values)
    top = max(counts.values())
    mode = min(v for v, c in counts.items() if c == top)
    return Score(name=name, value=mode, label=None, details={"samples": values, "problems": problems})


def create_llm_judges(model: BaseChatModel, *, kinds: Sequence[JudgeKind] = ("comprehension", "dealbreakers",
                      "decision", "big_five"), samples: int = 3, retries: int = 2) -> list[Judge]:
    """LLM judge nodes for `create_salessim_graph(judges=...)`.

    Args:
        model: the judging chat model.
        kinds: which judges to create.
        samples: verdicts asked per conversation (aggregated by mode, ties to the lower score).
        retries: extra attempts when a verdict cannot be read.

    Returns:
        One `Judge` per kind, named `llm_<kind>`.

    Example:
        >>> judges = create_llm_judges(ChatOpenAI(model="gpt-4o-mini"), samples=3)  # doctest: +SKIP
    """
    def judge(kind: JudgeKind) -> Judge:
        async def fn(state: Any) -> Score:
            return await llm_judge_score(from_state(state), model, kind=kind, samples=samples, retries=retries)

        return Judge(name=f"llm_{kind}", fn=fn)

    return [judge(k) for k in kinds]
