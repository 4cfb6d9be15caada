from datetime import UTC, datetime

from django.utils import translation

from oimarket.core.templatetags.oimarket import dday_label, krw, kst


def test_kst_shows_korea_time_with_a_short_korean_weekday():
    moment = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 18:00 in Seoul, a Thursday
    with translation.override("ko"):
        assert kst(moment) == "2026.11.26(목) 18:00"
        assert kst(moment, False) == "2026.11.26(목)"
    with translation.override("en"):
        assert kst(moment) == "2026.11.26(Thu) 18:00"


def test_kst_crosses_midnight_into_the_next_korean_day():
    assert kst(datetime(2026, 11, 26, 15, 30, tzinfo=UTC)) == "2026.11.27(Fri) 00:30"


def test_krw_in_korean_and_english():
    with translation.override("ko"):
        assert krw(140_000_000) == "1억 4,000만원"
        assert krw(60_000_000) == "6,000만원"
        assert krw(12_345) == "12,345원"
        assert krw(None) == ""
    with translation.override("en"):
        assert krw(140_000_000) == "KRW 140M"
        assert krw(2_500_000) == "KRW 2.5M"


def test_dday_label():
    with translation.override("en"):
        assert [dday_label(0), dday_label(3), dday_label(-1), dday_label(None)] == [
            "D-day",
            "D-3",
            "Closed",
            "Always open",
        ]
