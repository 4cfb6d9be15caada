"""Korean-English keywords for queries: a Korean query meets English documents by keyword,
and an English query meets Korean ones.

`expand(terms)` returns a query's index terms followed by those of their equivalents in the
other language, from our glossary (`glossary_data.py`); `equivalents(terms)` gives the added
terms alone, each with the query terms it comes from:
- a Korean headword gives the terms of its English equivalents, analyzed as documents are
  (`analysis.analyze_many`), so they are the stems English documents hold:
  재활용 → recycl; 인공지능 → artifici, intellig, ai;
- an English equivalent whose every term is in the query gives its Korean headword:
  recycling → 재활용, 자원순환; "artificial intelligence" → 인공지능, while "intelligence"
  alone gives only 지능.
Only queries are expanded: documents are indexed as written, so the glossary can change
without a rebuild. French documents are reached only where a French word stems like its
English equivalent (no French equivalents yet). The engine gives the added terms the BM25
weight `SEARCH_GLOSSARY_WEIGHT` (default `WEIGHT`; 0 turns the glossary off).
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings

from . import glossary_data
from .analysis import analyze_many, analyze_spans, normalize, predicate_terms

# Default BM25 weight of an added term (the query's own terms weigh 1.0). bench/crosslingual.py
# measured 0.3, 0.5, 0.7, 1 and 1.5: overlap and Korean P@10 rise up to 1 and then level off;
# below 1, a document in the query's own language ranks before its translation.
WEIGHT = 1.0
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def general_enabled() -> bool:
    """`SEARCH_GLOSSARY_GENERAL` (default True): the general vocabulary joins the curated one."""
    return bool(getattr(settings, "SEARCH_GLOSSARY_GENERAL", True))


def phrases() -> dict[str, tuple[str, ...]]:
    """Headword → its English equivalents as written (`glossary_data.entries()`)."""
    return _phrases(general_enabled())


@lru_cache(maxsize=2)
def _phrases(general: bool) -> dict[str, tuple[str, ...]]:
    return glossary_data.entries() if general else glossary_data.curated()


def tables() -> tuple[dict[str, tuple[str, ...]], dict[str, list[tuple[frozenset, str]]]]:
    """See `_tables`."""
    return _tables(general_enabled())


@lru_cache(maxsize=2)
def _tables(
    general: bool,
) -> tuple[dict[str, tuple[str, ...]], dict[str, list[tuple[frozenset, str]]]]:
    """(Korean headword → English terms, English term → [(all its phrase's terms, headword)]).

    Built once per process (about 3 s of Kiwi for 17,000 headwords): `warm_up()`.
    """
    entries = _phrases(general)
    written = sorted({p for equivalents in entries.values() for p in equivalents})
    analyzed = dict(zip(written, analyze_many(written), strict=True))
    to_english: dict[str, tuple[str, ...]] = {}
    to_korean: dict[str, list[tuple[frozenset, str]]] = {}
    for headword, equivalents in entries.items():
        terms = [t for p in equivalents for t in analyzed[p]]
        to_english[headword] = tuple(dict.fromkeys(terms))
        for phrase in equivalents:
            needed = frozenset(analyzed[phrase])
            if needed:
                to_korean.setdefault(analyzed[phrase][0], []).append((needed, headword))
    return to_english, to_korean


def warm_up() -> None:
    tables()


def equivalents(
    terms: Iterable[str], *, predicates: frozenset[str] = frozenset()
) -> dict[str, tuple[str, ...]]:
    """Terms of the other language to add to a query, each with the query terms it translates
    (batteri: (배터리,)); terms the query holds already are not added. `predicates`: the
    query's verb and adjective stems (`analysis.predicate_terms`), which the glossary's noun
    headwords must not translate (높이고 is "raise", not 높이 "height")."""
    terms = tuple(terms)
    to_english, to_korean = tables()
    present = set(terms)
    added: dict[str, list[str]] = {}
    for term in terms:
        found = [] if term in predicates else list(to_english.get(term, ()))
        found += [headword for needed, headword in to_korean.get(term, ()) if needed <= present]
        for other in found:
            if other not in present:
                added.setdefault(other, []).append(term)
    return {other: tuple(dict.fromkeys(sources)) for other, sources in added.items()}


def expand(terms: Iterable[str]) -> tuple[str, ...]:
    """`terms`, then the terms of their equivalents in the other language (each once)."""
    terms = tuple(terms)
    return (*terms, *equivalents(terms))


def rendition(q: str) -> str:
    """See `_rendition`."""
    return _rendition(q, general_enabled())


@lru_cache(maxsize=512)
def _rendition(q: str, general: bool) -> str:
    """The query's words in English, for the dense engine (`dense.query_vector`): each Korean
    word the glossary translates gives its first equivalent, the longest word first (조기경보
    → early warning, not early + warning), Latin words and numbers stay as typed, the other
    words are left out. "" when the query has no Korean word the glossary knows.

    수인성 질병 조기경보 → "disease early warning" (수인성 unknown).
    """
    text = normalize(q or "")
    words = _phrases(general)
    predicates = predicate_terms(text)
    pieces: list[str] = []
    translated = False
    covered = 0
    for term, start, end in sorted(analyze_spans(text, query=True), key=lambda s: (s[1], -s[2])):
        if start < covered:
            continue
        written = text[start:end]
        if term in words and term not in predicates:
            pieces.append(words[term][0])
            translated, covered = True, end
        elif not _HANGUL.search(written):
            pieces.append(written)
            covered = end
    return " ".join(dict.fromkeys(pieces)) if translated else ""
