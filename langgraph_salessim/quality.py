"""Per-conversation quality metrics of the shopper (DESIGN §6), deterministic.

Each takes a `Conversation` and returns a `Score`; a metric that cannot be computed returns
`value=None` with the reason, never a default.
"""

from __future__ import annotations

import re

from langgraph_salessim.conversation import Conversation
from langgraph_salessim.criteria import criterion_for, mentions, persona_criteria
from langgraph_salessim.state import Score, make_score

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[A-Za-z']+")
_SUBJECTS = frozenset("i you we they he she it this that there these those what which who how my our".split())
_VERBS = frozenset((
    "am is are was were be been being have has had do does did can could will would shall should may might must "
    "need needs want wants like likes love looking look looks think thought know prefer go going get got take "
    "buy sounds seems seem help mean use work works tell show let see hope guess feel fit fits"
).split())
_CONTRACTIONS = re.compile(r"\b\w+'(?:m|s|re|ve|ll|d|t)\b", re.I)


def first_turn_criteria(conv: Conversation) -> Score:
    """Number of distinct persona criteria in the shopper's first message (humans average 2.99)."""
    shopper = conv.shopper_turns
    criteria = persona_criteria(conv.persona, conv.criteria)
    if not shopper:
        return make_score("first_turn_criteria", None, comment="the shopper never spoke")
    if not criteria:
        return make_score("first_turn_criteria", None, comment="the persona has no criteria to count")
    first = shopper[0].text
    found = [c.label for c in criteria if mentions(first, c)]
    return make_score("first_turn_criteria", float(len(found)), mentioned=found, of=len(criteria))


def is_complete_sentence(sentence: str) -> bool:
    """Heuristic: capitalised, ends in . ! or ?, at least three words, with a subject and a verb."""
    s = sentence.strip().strip('"“”')
    words = [w.lower() for w in _WORD.findall(s)]
    if len(words) < 3 or not s[:1].isupper() or s[-1:] not in ".!?":
        return False
    has_verb = bool(_VERBS.intersection(words)) or bool(_CONTRACTIONS.search(s)) or any(
        w.endswith(("ed", "ing")) for w in words[1:])
    has_subject = bool(_SUBJECTS.intersection(words)) or words[0] not in _VERBS
    return has_verb and has_subject


def sentences(text: str) -> list[str]:
    """The sentences of a message (split on terminal punctuation and line breaks)."""
    return [s.strip() for s in _SENTENCE_SPLIT.split(text) if s.strip()]


def complete_sentence_fraction(conv: Conversation) -> Score:
    """Share of the shopper's sentences that are grammatically complete (humans 0.37)."""
    all_sentences = [s for t in conv.shopper_turns for s in sentences(t.text)]
    if not all_sentences:
        return make_score("complete_sentences", None, comment="the shopper wrote no sentences")
    complete = sum(is_complete_sentence(s) for s in all_sentences)
    return make_score("complete_sentences", complete / len(all_sentences), sentences=len(all_sentences),
                  complete=complete)


def shopper_turn_count(conv: Conversation) -> Score:
    """Number of shopper turns (humans 10.2)."""
    return make_score("num_turns", float(len(conv.shopper_turns)))


def format_leaks(conv: Conversation) -> Score:
    """Number of shopper turns that wrote a tool call as text instead of calling the tool."""
    leaks = [t.index for t in conv.shopper_turns if t.format_leak]
    return make_score("format_leaks", float(len(leaks)), turns=leaks)


def premature_ending(conv: Conversation) -> Score:
    """1 when the shopper bought or left in its first turn, else 0."""
    if conv.outcome in (None, "error"):
        return make_score("premature_ending", None, comment=f"outcome {conv.outcome!r}")
    early = conv.outcome in ("accepted", "ended_by_shopper") and len(conv.shopper_turns) <= 1
    return make_score("premature_ending", 1.0 if early else 0.0)


def persuasion_drift(conv: Conversation) -> Score:
    """1 when the shopper was talked into an unacceptable product, else 0.

    Talked into: it bought a product outside its acceptable set that the salesperson had
    recommended more than once (pushed), or that breaks a dealbreaker it had itself stated.
    """
    if conv.acceptable is None:
        return make_score("persuasion_drift", None, comment="persona has no ground truth")
    if conv.outcome in (None, "error"):
        return make_score("persuasion_drift", None, comment=f"outcome {conv.outcome!r}")
    if not conv.bought or conv.purchase_id is None or conv.purchase_id in conv.acceptable:
        return make_score("persuasion_drift", 0.0)
    pushes = sum(conv.purchase_id in t.recommended for t in conv.sales_turns)
    stated = []
    if conv.persona is not None:
        said = " ".join(t.text for t in conv.shopper_turns[:-1])
        stated = [c.describe() for c in conv.persona.constraints if mentions(said, criterion_for(c), strict=True)]
    drifted = pushes >= 2 or bool(stated)
    return make_score("persuasion_drift", 1.0 if drifted else 0.0, pushes=pushes, stated_dealbreakers=stated)

