"""Corpus-level metrics: lexical similarity (TF-IDF), distinct-n, bootstrap confidence intervals.

TF-IDF follows the usual defaults (lowercase word tokens of two or more characters, English stop
words removed, raw term counts, smoothed idf `ln((1 + n) / (1 + df)) + 1`, L2-normalised rows), so a
dialogue's score is its mean cosine similarity to the other dialogues of its category: lower is
more diverse.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

STOP_WORDS = frozenset("""
a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became
because become becomes becoming been before beforehand behind being below beside besides between beyond both
but by can cannot could did do does doing done down due during each eg either else elsewhere enough etc even
ever every everyone everything everywhere except few for former formerly from further get give go had has
have having he hence her here hereafter hereby herein hereupon hers herself him himself his how however i ie
if in indeed into is it its itself just keep last latter latterly least less made many may me meanwhile might
mine more moreover most mostly much must my myself namely neither never nevertheless next no nobody none
noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours
ourselves out over own per perhaps please put rather re same see seem seemed seeming seems several she should
since so some somehow someone something sometime sometimes somewhere still such than that the their theirs
them themselves then thence there thereafter thereby therefore therein thereupon these they this those though
through throughout thru thus to together too toward towards under until up upon us very via was we well were
what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which
while whither who whoever whole whom whose why will with within without would yet you your yours yourself
yourselves
""".split())
"""English stop words left out of TF-IDF vectors."""

_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def tokenize(text: str) -> list[str]:
    """Lowercase word tokens of two or more characters, stop words removed."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOP_WORDS]


def tfidf_vectors(documents: Sequence[str]) -> list[dict[str, float]]:
    """L2-normalised TF-IDF vectors (sparse dicts) of the documents."""
    tokens = [Counter(tokenize(d)) for d in documents]
    n = len(documents)
    df: Counter[str] = Counter(t for counts in tokens for t in counts)
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
    vectors = []
    for counts in tokens:
        v = {t: c * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        vectors.append({t: x / norm for t, x in v.items()} if norm else {})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def mean_similarity_to_others(documents: Sequence[str]) -> list[float | None]:
    """Each document's mean cosine similarity to the other documents (None when it is alone).

    Computed against the sum of all vectors, less the document's own (unit or empty) vector:
    linear in the corpus size rather than one cosine per pair.
    """
    vectors = tfidf_vectors(documents)
    n = len(vectors)
    if n < 2:
        return [None] * n
    total: dict[str, float] = {}
    for v in vectors:
        for t, x in v.items():
            total[t] = total.get(t, 0.0) + x
    return [(cosine(v, total) - (1.0 if v else 0.0)) / (n - 1) for v in vectors]


def distinct_n(texts: Sequence[str], n: int) -> float | None:
    """Unique n-grams over all n-grams of the texts' word tokens (stop words kept); None when there are none."""
    grams: list[tuple[str, ...]] = []
    for text in texts:
        words = _TOKEN.findall(text.lower())
        grams += [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
    return len(set(grams)) / len(grams) if grams else None


@dataclass(frozen=True)
class Estimate:
    """A mean with a bootstrap percentile confidence interval."""

    mean: float
    low: float
    high: float
    n: int

    def __str__(self) -> str:
        return f"{self.mean:.3f} [{self.low:.3f}, {self.high:.3f}] (n={self.n})"


_BOOTSTRAP_CHUNK = 4_000_000  # resampled values drawn at once (32 MB of indices)


def bootstrap_mean(values: Sequence[float], *, resamples: int = 2000, level: float = 0.95,
                   seed: int = 0) -> Estimate | None:
    """Mean of `values` with a percentile bootstrap CI; None for no values.

    Each of the `resamples` draws `len(values)` values with replacement (numpy's seeded
    generator, so the same values and seed give the same interval).
    """
    xs = np.asarray([float(v) for v in values], dtype=np.float64)
    k = len(xs)
    if k == 0:
        return None
    mean = float(xs.mean())
    if k == 1:
        return Estimate(mean, mean, mean, 1)
    rng = np.random.default_rng(seed)
    means = np.empty(resamples)
    rows = max(1, _BOOTSTRAP_CHUNK // k)
    for start in range(0, resamples, rows):
        stop = min(resamples, start + rows)
        means[start:stop] = xs[rng.integers(0, k, size=(stop - start, k))].mean(axis=1)
    means.sort()
    alpha = (1 - level) / 2
    low = float(means[int(math.floor(alpha * (resamples - 1)))])
    high = float(means[int(math.ceil((1 - alpha) * (resamples - 1)))])
    return Estimate(mean, low, high, k)
