"""The Korean-English glossary: keyword search across the two languages (dense engine off)."""

import pytest

from oimarket.matching import engine, glossary, glossary_data
from oimarket.matching.analysis import analyze, highlight, query_terms
from tests.factories import StartupFactory

from .conftest import found, rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture
def recell():
    """English only."""
    return StartupFactory(
        name="ReCell",
        profile__one_liner="Battery recycling: we recover lithium and cobalt from spent cells",
    )


@pytest.fixture
def korean_battery():
    """Korean only."""
    return StartupFactory(name="다시셀", profile__one_liner="폐배터리를 수거해 재활용합니다")


@pytest.fixture
def outsider():
    """Matches none of the queries below, in either language: it must never show up."""
    return StartupFactory(name="FoodRun", profile__one_liner="Restaurant food delivery for riders")


def test_korean_query_finds_english_only_startup_by_keyword(recell, outsider):
    rebuild()

    hits = engine.search(q="배터리 재활용")

    assert [h.doc_id for h in hits] == [f"startup:{recell.pk}"]
    assert (hits[0].lexical_rank, hits[0].dense_rank) == (1, None)
    assert hits[0].matched_terms == ("batteri", "recycl")


def test_korean_query_with_particles_meets_english_words(recell, outsider):
    rebuild()

    hits = engine.search(q="배터리를 재활용하는 스타트업을")

    assert [h.doc_id for h in hits] == [f"startup:{recell.pk}"]
    assert hits[0].matched_terms == ("batteri", "recycl")


def test_english_query_finds_korean_only_startup(korean_battery, outsider):
    rebuild()

    hits = engine.search(q="battery")

    assert [h.doc_id for h in hits] == [f"startup:{korean_battery.pk}"]
    assert hits[0].matched_terms == ("배터리",)


def test_matched_english_terms_mark_the_english_text(recell):
    rebuild()
    hit = engine.search(q="배터리 재활용")[0]

    marked = [piece for piece, on in highlight(recell.startup_profile.one_liner, hit.matched_terms)]

    assert marked[:3] == ["Battery", " ", "recycling"]
    assert [on for _, on in highlight("Battery recycling", hit.matched_terms)] == [
        True,
        False,
        True,
    ]


def test_korean_query_finds_both_languages(recell, korean_battery, outsider):
    rebuild()

    assert set(found("배터리 재활용")) == {f"startup:{korean_battery.pk}", f"startup:{recell.pk}"}


def test_glossary_weight_below_one_puts_the_query_language_first(settings, recell, korean_battery):
    settings.SEARCH_GLOSSARY_WEIGHT = 0.5
    rebuild()

    assert found("배터리 재활용") == [f"startup:{korean_battery.pk}", f"startup:{recell.pk}"]
    assert found("battery recycling") == [f"startup:{recell.pk}", f"startup:{korean_battery.pk}"]


def test_bilingual_document_shows_the_query_own_word_only(outsider):
    both = StartupFactory(name="셀원", profile__one_liner="배터리 진단 / Battery diagnostics")
    rebuild()

    hits = engine.search(q="배터리")

    assert [h.doc_id for h in hits] == [f"startup:{both.pk}"]
    assert hits[0].matched_terms == ("배터리",)


def test_word_not_in_glossary_changes_nothing(outsider):
    festival = StartupFactory(name="Fest", profile__one_liner="Local festival tickets")
    rebuild()

    assert glossary.expand(query_terms("축제를")) == ("축제",)
    assert found("축제를") == []
    assert found("festival") == [f"startup:{festival.pk}"]


def test_glossary_weight_zero_turns_it_off(settings, recell, korean_battery):
    settings.SEARCH_GLOSSARY_WEIGHT = 0
    rebuild()

    assert found("배터리 재활용") == [f"startup:{korean_battery.pk}"]
    assert found("battery") == [f"startup:{recell.pk}"]


def test_tab_counts_and_alerts_see_what_search_finds(recell, korean_battery, outsider):
    rebuild()
    ids = [f"startup:{recell.pk}", f"startup:{korean_battery.pk}", f"startup:{outsider.pk}"]

    assert engine.facet_counts(q="배터리", facet="kind") == {"startup": 2}
    assert engine.matching_ids(q="배터리", only_ids=ids) == set(ids[:2])


def test_english_phrase_needs_all_its_words():
    assert "인공지능" in glossary.expand(query_terms("artificial intelligence"))
    assert "인공지능" not in glossary.expand(query_terms("intelligence"))
    assert glossary.equivalents(query_terms("인공지능")) == {
        "artifici": ("인공지능", "인공"),
        "intellig": ("인공지능", "지능"),
        "ai": ("인공지능",),
    }


def test_glossary_data_is_consistent():
    entries, skipped = glossary_data.entries(), glossary_data.skipped()

    assert len(entries) >= 600
    assert set(entries) & skipped == set()
    assert [h for h, equivalents in entries.items() if not 1 <= len(equivalents) <= 3] == []
    assert [h for h, terms in glossary.tables()[0].items() if not terms] == []
    # A headword is a term of our corpus in context: 단지 alone reads as the adverb "merely".
    assert (analyze("단지"), analyze("산업단지에")) == ([], ["산업단지", "산업", "단지"])


def test_search_page_names_a_translated_match_by_the_query_word(client, recell, outsider):
    rebuild()

    page = client.get("/search/", {"q": "배터리를 재활용"}).context["page"]

    [result] = page.results
    assert result.reasons == ["Mentions 배터리, 재활용"]
    assert [piece for piece, marked in result.snippet if marked] == ["Battery", "recycling"]
