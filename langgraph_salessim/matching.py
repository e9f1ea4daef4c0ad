"""Product-name matching and recommendation extraction from salesperson text (DESIGN §6)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

MATCH_THRESHOLD = 0.7
"""Minimum token-set similarity (0–1) for two names to match, unless one contains the other."""

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__", re.S)
_NUMBERED = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+(.+)$", re.M)


def normalize_name(text: str) -> str:
    """Lowercase, punctuation to space, collapse spaces."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", text.lower())).strip()


def name_similarity(a: str, b: str) -> float:
    """Similarity of two product names in [0, 1]; 1.0 when one contains the other."""
    na, nb = normalize_name(a), normalize_name(b)
    if not na or not nb:
        return 0.0
    if na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} ":
        return 1.0
    return fuzz.token_set_ratio(na, nb) / 100.0


def best_match(name: str, candidates: Sequence[str], *, threshold: float = MATCH_THRESHOLD) -> int | None:
    """Index of the candidate that best matches `name`, or None if none reaches the threshold.

    Containment counts only when the contained side has at least two tokens, so that a
    bare brand name ("Dell") does not match every Dell product.
    """
    best: tuple[float, int, int] | None = None
    na = normalize_name(name)
    for i, cand in enumerate(candidates):
        nc = normalize_name(cand)
        score = name_similarity(na, nc)
        if score == 1.0 and na != nc and min(len(na.split()), len(nc.split())) < 2:
            score = fuzz.ratio(na, nc) / 100.0
        # tie-break on closeness of lengths so "X Pro" does not win over "X" for "X"
        key = (score, -abs(len(nc) - len(na)), -i)
        if score >= threshold and (best is None or key > best):
            best = key
    return -best[2] if best is not None else None


@lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    longest_first = sorted(set(names), key=len, reverse=True)
    if not longest_first:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in longest_first) + r")(?!\w)", re.I)


def mask_names(text: str, names: Sequence[str], replacement: str = " ") -> str:
    """Replace whole-word occurrences of the given product names (a shopper quoting a name states nothing)."""
    pattern = _names_pattern(tuple(names))
    return pattern.sub(replacement, text) if pattern is not None else text


def candidate_mentions(text: str) -> list[str]:
    """Product mentions a salesperson made: bold spans and numbered/bulleted lines, in order."""
    found: list[str] = []
    for m in _BOLD.finditer(text):
        found.append((m.group(1) or m.group(2)).strip())
    if not found:
        for m in _NUMBERED.finditer(text):
            line = m.group(1).strip()
            # keep the name part of "Name - $999: great for..." lines
            found.append(re.split(r"\s[-–—:]\s|:\s", line, maxsplit=1)[0].strip())
    return [f for f in dict.fromkeys(found) if f]


def match_mentions(text: str, names: Sequence[str]) -> list[int]:
    """Indexes into `names` of the products a salesperson's text recommends, without repeats."""
    out: list[int] = []
    for mention in candidate_mentions(text):
        idx = best_match(mention, names)
        if idx is not None and idx not in out:
            out.append(idx)
    return out
