from oimarket.matching.analysis import (
    analyze,
    highlight,
    latin_language,
    predicate_terms,
    query_terms,
)


def test_analyze_drops_korean_particles():
    assert analyze("스타트업을") == ["스타트업"]
    assert analyze("배터리를") == ["배터리"]


def test_analyze_keeps_nouns_stems_numbers_and_latin():
    assert analyze("폐배터리를 재활용하는 PoC를 2024년에 찾습니다") == [
        "폐배터리",
        "배터리",
        "재활용",
        "poc",
        "2024",
        "찾",
    ]


def test_predicate_terms_are_the_verb_and_adjective_stems_only():
    text = "사람이 들어가기 어려운 설비를 만듭니다"

    assert analyze(text) == ["사람", "들어가", "어렵", "설비", "만들"]
    assert predicate_terms(text) == {"들어가", "어렵", "만들"}
    assert predicate_terms("건물 높이 측정") == frozenset()
    assert predicate_terms("정확도를 높이고") == {"높이"}


def test_analyze_domain_words_split_the_same_in_documents_and_queries():
    assert analyze("2차전지를") == analyze("이차전지") == ["이차전지", "전지"]
    assert analyze("오픈이노베이션을 하는 수요기업") == [
        "오픈이노베이션",
        "오픈",
        "이노베이션",
        "수요기업",
        "수요",
        "기업",
    ]
    assert set(analyze("수요 기업")) <= set(analyze("수요기업과"))


def test_analyze_stems_english():
    assert analyze("recycling") == analyze("recycled") == ["recycl"]
    assert analyze("Batteries for the EVs") == ["batteri", "ev"]


def test_analyze_folds_and_stems_french():
    assert latin_language("L'énergie solaire pour les écoles") == "fr"
    assert analyze("L'énergie solaire pour les écoles") == ["energ", "solair", "ecol"]
    assert "energ" in query_terms("energie")


def test_analyze_joins_glued_letters_and_digits():
    assert analyze("5G 기반 B2B ＡＩ") == ["5g", "기반", "b2b", "ai"]


def test_highlight_marks_the_word_without_its_particle():
    assert highlight("스타트업을 찾는 기업", ["스타트업"]) == [
        ("스타트업", True),
        ("을 찾는 기업", False),
    ]
