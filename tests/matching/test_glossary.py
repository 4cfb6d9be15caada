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
    ikebana = StartupFactory(name="Hana", profile__one_liner="Local ikebana classes")
    rebuild()

    assert glossary.expand(query_terms("꽃꽂이를")) == ("꽃꽂이",)
    assert found("꽃꽂이를") == []
    assert found("ikebana") == [f"startup:{ikebana.pk}"]


def test_everyday_words_come_from_the_general_vocabulary(settings, outsider):
    schools = StartupFactory(name="Roll", profile__one_liner="Attendance app for rural schools")
    rebuild()

    assert found("농촌 학교 출석") == [f"startup:{schools.pk}"]
    settings.SEARCH_GLOSSARY_GENERAL = False
    assert found("농촌 학교 출석") == []


def test_rendition_gives_english_words_for_the_dense_engine():
    # The compound first (인공지능: artificial intelligence, not 인공 + 지능: artificial,
    # intelligence), Latin words as typed, unknown words (꽃꽂이) left out, each piece once.
    assert analyze("인공지능") == ["인공지능", "인공", "지능"]
    assert glossary.rendition("5G 인공지능 학교의 꽃꽂이 경보 학교") == (
        "5G artificial intelligence school alarm"
    )
    assert glossary.rendition("꽃꽂이") == ""
    assert glossary.rendition("battery recycling") == ""


def test_one_query_word_brings_one_word_of_weight(settings):
    added = {"earli": ("조기",), "warn": ("경보",), "alarm": ("경보",), "alert": ("경보", "경고")}

    assert engine.glossary_boosts(added) == {
        "earli": 1.0,
        "warn": 1 / 3,
        "alarm": 1 / 3,
        "alert": 1.0,  # 경고 brought it alone
    }
    settings.SEARCH_GLOSSARY_SPLIT = False
    assert set(engine.glossary_boosts(added).values()) == {1.0}


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


def test_general_vocabulary_fills_in_below_the_curated_glossary():
    curated, general, entries = (
        glossary_data.curated(),
        glossary_data.general(),
        glossary_data.entries(),
    )
    lines = glossary_data.GENERAL.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")]

    assert {len(row) for row in rows} == {2}
    assert len(general) >= 15_000
    assert "아들" not in general  # "-" in the file
    assert (general["학교"], entries["학교"]) == (("school",), ("school",))
    assert set(curated) <= set(entries)
    assert all(entries[h] == curated[h] for h in curated)
    assert set(entries) & glossary_data.skipped() == set()


def test_search_page_names_a_translated_match_by_the_query_word(client, recell, outsider):
    rebuild()

    page = client.get("/search/", {"q": "배터리를 재활용"}).context["page"]

    [result] = page.results
    assert result.reasons == ["Mentions 배터리, 재활용"]
    assert [piece for piece, marked in result.snippet if marked] == ["Battery", "recycling"]


def test_a_verb_stem_is_not_translated_as_the_noun_it_spells():
    """높이 is "height", but 높이고 is the verb "raise": the glossary's noun must not join."""
    assert engine.lexical_terms("건물 높이 측정")[1] == {
        "build": ("건물",),
        "height": ("높이",),
        "measur": ("측정",),
    }
    assert engine.lexical_terms("건물을 높이고")[1] == {"build": ("건물",)}
    assert glossary.rendition("건물 높이 측정") == "building height measurement"
    assert glossary.rendition("건물을 높이고") == "building"
