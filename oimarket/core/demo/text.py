"""Small Korean text helpers for the demo world: particles, dates and amounts."""

from datetime import datetime

from django.utils import timezone

_WEEKDAYS = "월화수목금토일"


def has_final_consonant(word: str) -> bool:
    """Whether the last syllable of `word` ends in a consonant (받침); digits and Latin guessed."""
    last = word.rstrip(" )")[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28 != 0
    if last.isdigit():
        return last in "013678"
    return last.lower() in "lmn"


def josa(word: str, with_final: str, without_final: str) -> str:
    """`word` followed by the right particle: josa("모듈", "을", "를") == "모듈을"."""
    return word + (with_final if has_final_consonant(word) else without_final)


def josa_ro(word: str) -> str:
    """`word` + 으로/로 (로 after a vowel or ㄹ)."""
    last = word.rstrip(" )")[-1:]
    hangul = "가" <= last <= "힣"
    rieul = (ord(last) - ord("가")) % 28 == 8 if hangul else last.lower() == "l"
    return word + ("으로" if has_final_consonant(word) and not rieul else "로")


def kst_date(value: datetime) -> str:
    """2025.03.17.(금)"""
    local = timezone.localtime(value)
    return f"{local:%Y.%m.%d}.({_WEEKDAYS[local.weekday()]})"


def kst_datetime(value: datetime) -> str:
    """2025.03.17.(금) 17:00"""
    return f"{kst_date(value)} {timezone.localtime(value):%H:%M}"


def krw(amount: int) -> str:
    """140_000_000 -> "1억 4,000만 원"; 10_000_000 -> "1,000만 원"."""
    eok, rest = divmod(amount // 10_000, 10_000)
    parts = []
    if eok:
        parts.append(f"{eok}억")
    if rest:
        parts.append(f"{rest:,}만")
    return " ".join(parts) + " 원"


def krw_en(amount: int) -> str:
    """140_000_000 -> "KRW 140M"."""
    return f"KRW {amount / 1_000_000:g}M"
