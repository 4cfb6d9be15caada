"""Expertise affinity: how well a profile (a set of texts) matches a target text.

A profile is an expert's papers, a startup's descriptions, the startups a company shortlisted;
a target is a paper, a challenge, an application. Pure functions, no database, built from the
search engine's own pieces, so the terms and vectors are the ones the index holds:

- lexical: `analysis.analyze()` terms (Korean morphemes, English and French stems) weighted
  by TF-IDF (1 + log tf, idf = log((N + 1) / (df + 0.5)) over the texts at hand), cosine
  between the target and each profile text, averaged over the profile's texts;
- dense: e5 passage vectors (`dense.embed_passages`, "passage: " on both sides, which beat
  "query: " for the target on paper-to-paper similarity), cosine between the target and each
  profile text, mean of the `TOP_K` highest (an expert is judged on the papers nearest the
  target, not on all of them); this side also matches across languages;
- `score = lexical + DENSE_WEIGHT * dense`, an absolute number comparable across profiles
  and targets (both parts are cosines).

With a pool of profiles (every evaluator of a program, every expert of a panel) and the same
targets for all, `standardize_per_target()` turns each target's scores into z-scores across
the pool: a target that is close to everyone (generic wording, a "hub" for the e5 vectors)
stops outranking a target that is close to this expert only. (Chosen after the pairwise
score, among subtracting the pool's mean, z-scores and an inverted softmax: z-scores were the
best on d_20_1 as on the mean of the ten versions.)

Known limit: e5 cosines carry a same-language bonus. A Korean profile on battery recycling
scores 0.84 against an English paper on battery recycling, 0.77 against an English one on food
delivery, but 0.85 to 0.87 against unrelated Korean texts. Compare targets written in one
language, or standardize across a pool that holds profiles in both.

`weighted_kendall_loss()` is the metric of the reviewer-paper gold standard (Stelmakh et al.,
TMLR 2023): how far the order of predicted affinities disagrees with self-rated expertise.

Parameters, chosen once on the gold standard's first dataset version (d_20_1, 58 experts,
477 rated pairs; bench/expertise_ranking.py reports all ten versions): `TOP_K` = 5 by the
dense side alone (among 1, 3, 5, 10, all), then `DENSE_WEIGHT` = 2 for the sum (among 0.5, 1,
2, 3, 5). Differences between neighbouring choices (about 0.003) are well inside the
benchmark's noise (standard error of the loss about 0.025 over 58 experts).
"""

import itertools
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from . import analysis, dense

TOP_K = 5
DENSE_WEIGHT = 2.0


@dataclass(frozen=True)
class TextFeatures:
    """One text as the scorer sees it: its index terms, counted, and its e5 passage vector."""

    counts: Mapping[str, int]
    vector: np.ndarray  # (384,), L2-normalized


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies; a term seen in none of the texts weighs `unseen`."""

    weights: Mapping[str, float]
    unseen: float = 1.0

    @classmethod
    def from_counts(cls, texts: Iterable[Mapping[str, int]]) -> "Idf":
        """log((N + 1) / (df + 0.5)) over these texts (profiles and targets together)."""
        df: Counter[str] = Counter()
        n = 0
        for counts in texts:
            df.update(counts.keys())
            n += 1
        weights = {term: math.log((n + 1) / (d + 0.5)) for term, d in df.items()}
        return cls(weights, math.log((n + 1) / 0.5))

    def __call__(self, term: str) -> float:
        return self.weights.get(term, self.unseen)


UNIFORM = Idf({}, 1.0)  # no corpus: every term weighs the same (analyze() drops stop words)


@dataclass(frozen=True)
class Profile:
    """A set of texts ready to score: the mean of their unit TF-IDF vectors (the mean cosine
    to a target is one dot product with it) and their e5 vectors, one row per text."""

    lexical: Mapping[str, float]
    vectors: np.ndarray  # (n, 384)


@dataclass(frozen=True)
class Affinity:
    score: float
    lexical: float
    dense: float


@dataclass(frozen=True)
class AffinityMatrix:
    """Profiles × targets: the fused score and its two parts."""

    score: np.ndarray
    lexical: np.ndarray
    dense: np.ndarray


def text_features(texts: Sequence[str]) -> list[TextFeatures]:
    """Analyze and embed `texts` (Kiwi, then e5: about 0.05 s per short text, 0.5 s for a
    400-token abstract on one core; the model reads at most 512 tokens of each)."""
    texts = list(texts)
    terms = analysis.analyze_many(texts)
    vectors = dense.embed_passages(texts)
    return [TextFeatures(Counter(t), v) for t, v in zip(terms, vectors, strict=True)]


def tfidf_unit(counts: Mapping[str, int], idf: Idf) -> dict[str, float]:
    """(1 + log tf) × idf, L2-normalized; empty for a text without terms."""
    weights = {t: (1.0 + math.log(n)) * idf(t) for t, n in counts.items() if n > 0}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def profile_of(features: Sequence[TextFeatures], idf: Idf = UNIFORM) -> Profile:
    """Raises ValueError for an empty profile: there is nothing to match against."""
    if not features:
        raise ValueError("A profile needs at least one text.")
    lexical: Counter[str] = Counter()
    for f in features:
        lexical.update(tfidf_unit(f.counts, idf))
    n = len(features)
    vectors = np.stack([np.asarray(f.vector, dtype=np.float32) for f in features])
    return Profile({t: w / n for t, w in lexical.items()}, vectors)


def _dot(small: Mapping[str, float], large: Mapping[str, float]) -> float:
    return sum(w * large.get(t, 0.0) for t, w in small.items())


def _top_k_mean(cosines: np.ndarray) -> np.ndarray:
    """Mean of the TOP_K largest along axis 0 (all of them when the profile is smaller)."""
    k = min(TOP_K, cosines.shape[0])
    return np.sort(cosines, axis=0)[-k:].mean(axis=0)


def affinity_matrix(
    *, profiles: Sequence[Profile], targets: Sequence[TextFeatures], idf: Idf = UNIFORM
) -> AffinityMatrix:
    """Every profile against every target (thousands of pairs per second)."""
    units = [tfidf_unit(t.counts, idf) for t in targets]
    lexical = np.array([[_dot(u, p.lexical) for u in units] for p in profiles], dtype=np.float64)
    lexical = lexical.reshape(len(profiles), len(targets))
    matrix = np.stack([np.asarray(t.vector, dtype=np.float32) for t in targets]).T
    dense_part = np.array([_top_k_mean(p.vectors @ matrix) for p in profiles], dtype=np.float64)
    dense_part = dense_part.reshape(len(profiles), len(targets))
    return AffinityMatrix(lexical + DENSE_WEIGHT * dense_part, lexical, dense_part)


def affinity(*, profile: Profile, target: TextFeatures, idf: Idf = UNIFORM) -> Affinity:
    m = affinity_matrix(profiles=[profile], targets=[target], idf=idf)
    return Affinity(float(m.score[0, 0]), float(m.lexical[0, 0]), float(m.dense[0, 0]))


def profile_affinity(
    *, profile_texts: Sequence[str], target_text: str, idf: Idf | None = None
) -> float:
    """The score of one profile against one target, from raw texts (embeds them all).

    Blank profile texts are skipped; a profile with no text, or a blank target, raises
    ValueError. Without `idf`, every term weighs the same: pass `Idf.from_counts(...)` over
    the texts the targets come from for better lexical weights.
    """
    texts = [t for t in profile_texts if t and t.strip()]
    if not texts:
        raise ValueError("A profile needs at least one text.")
    if not target_text or not target_text.strip():
        raise ValueError("The target has no text.")
    *features, target = text_features([*texts, target_text])
    idf = idf or UNIFORM
    return affinity(profile=profile_of(features, idf), target=target, idf=idf).score


def standardize_per_target(scores: np.ndarray) -> np.ndarray:
    """Each column (target) as z-scores across the rows (the pool of profiles).

    Ranks targets for one profile relative to how the rest of the pool sees them; meant for
    tens of profiles (a column without spread gives zeros).
    """
    scores = np.asarray(scores, dtype=np.float64)
    spread = scores.std(axis=0)
    centred = scores - scores.mean(axis=0)
    return np.divide(centred, spread, out=np.zeros_like(centred), where=spread > 0)


def weighted_kendall_parts(
    *, predictions: Mapping[Hashable, Mapping[Hashable, float]], references: Mapping
) -> dict[Hashable, tuple[float, float]]:
    """Per expert: (loss, weight) of the gold standard's metric, before normalization.

    For every pair of papers an expert rated, the weight is |Δ rating|; the loss adds it when
    the predicted order is the wrong way round, and half of it when the predictions tie.
    Every rated (expert, paper) pair needs a prediction (KeyError otherwise).
    """
    parts = {}
    for expert, ratings in references.items():
        predicted = predictions[expert]
        loss = weight = 0.0
        for a, b in itertools.combinations(ratings, 2):
            true_diff = ratings[a] - ratings[b]
            product = (predicted[a] - predicted[b]) * true_diff
            weight += abs(true_diff)
            if product < 0:
                loss += abs(true_diff)
            elif product == 0:
                loss += abs(true_diff) / 2
        parts[expert] = (loss, weight)
    return parts


def weighted_kendall_loss(
    *, predictions: Mapping[Hashable, Mapping[Hashable, float]], references: Mapping
) -> float:
    """The gold standard's main metric (its scoring.compute_main_metric): total loss over
    total weight, all experts together. 0 is a perfect order, 0.5 a constant prediction.

    `references[expert][paper]` is the self-rated expertise, `predictions[expert][paper]`
    the affinity; only the order of the predictions matters.
    """
    parts = weighted_kendall_parts(predictions=predictions, references=references).values()
    weight = sum(w for _, w in parts)
    if not weight:
        raise ValueError("No pair of differently rated papers to compare.")
    return sum(loss for loss, _ in parts) / weight
