"""Text analysis for the lexical index: Korean morphemes (kiwipiepy), English and French stems.

`analyze(text)` turns any text into index terms. Documents and queries go through the same
code, so a word splits the same way on both sides (스타트업을 → 스타트업, 배터리를 → 배터리).

- Korean: nouns (NNG, NNP), roots (XR), verb and adjective stems (VV, VA: 찾습니다 → 찾),
  hanja (SH) and numbers (SN); particles, endings, suffixes and punctuation are dropped.
  Glued noun-like morphemes also give the whole compound: 열화, which Kiwi splits into
  열 + 화 when it stands alone, still meets 열화 in a sentence.
- The domain dictionary (`DOMAIN_WORDS`) keeps market words whole (오픈이노베이션, 소부장,
  2차전지) and adds their parts or a canonical form, so 2차전지 and 이차전지 meet.
- Latin words (Kiwi's SL, or any token written in Latin letters) are lowercased, stemmed with
  Snowball (English, or French when the text reads French), then ASCII-folded: énergie → energ.
  A query gets both stems of each Latin word, since a few words do not tell their language.
"""

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

# word: (what to index instead of the word itself or None, extra terms at the same place)
DOMAIN_WORDS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "오픈이노베이션": (None, ("오픈", "이노베이션")),
    "개방형혁신": (None, ("개방형", "혁신")),
    "소부장": (None, ("소재", "부품", "장비")),
    "2차전지": ("이차전지", ("전지",)),
    "이차전지": (None, ("전지",)),
    "폐배터리": (None, ("배터리",)),
    "재활용": (None, ()),
    "바이오헬스": (None, ("바이오", "헬스")),
    "스마트팩토리": (None, ("스마트", "팩토리")),
    "스마트시티": (None, ("스마트", "시티")),
    "자율주행": (None, ("자율", "주행")),
    "탄소중립": (None, ("탄소", "중립")),
    "수요기업": (None, ("수요", "기업")),
    "수요기관": (None, ("수요", "기관")),
    "실증": (None, ()),
    "메타버스": (None, ()),
    "핀테크": (None, ()),
    "에듀테크": (None, ()),
    "푸드테크": (None, ()),
    "헬스케어": (None, ()),
    "스타트업": (None, ()),
    "액셀러레이터": (None, ()),
    "사물인터넷": (None, ("사물", "인터넷")),
    "도심항공교통": (None, ("도심", "항공", "교통")),
    "PoC": (None, ()),
}
USER_WORD_SCORE = 10.0  # beats the split Kiwi would otherwise prefer in context (재 + 활용)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


KEEP_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SN", "SH"})
RUN_TAGS = frozenset({"NNG", "NNP", "XPN", "XSN", "XR"})
RUN_BREAKS = frozenset({"들"})  # a plural ends a compound: 스타트업들 is 스타트업
STEM_TAGS = ("VV", "VA")  # with irregular variants: VV-I, VA-R, ...
KO_STOP = _wordset(
    "하 되 있 없 같 않 위하 통하 대하 관하 따르 이 그 저 것 수 등 중 및 때 년 월 일 내 외"
)
EN_STOP = _wordset(
    "a an and are as at be by for from has have in into is it its of on or our that the "
    "their this to was we were will with you your"
)
FR_STOP = _wordset(
    "au aux avec ce ces dans de des du elle en est et il ils je la le les leur lui ma mais "
    "me mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te "
    "un une vos votre vous"
)
FR_MARKS = frozenset("àâæçéèêëîïôœùûüÿ")

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f0-9.,'\-]+$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HAS_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORDS = re.compile(r"[a-z\u00e0-\u00ff']+")

_kiwi = None
_kiwi_init = threading.Lock()
_kiwi_call = threading.Lock()  # one analysis at a time per process: cheap and surely safe
_stemmers = threading.local()


def get_kiwi():
    """The process's Kiwi, created on first use with the domain dictionary and warmed up."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_init:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                kiwi = Kiwi()
                for word in DOMAIN_WORDS:
                    kiwi.add_user_word(word, "NNP", USER_WORD_SCORE)
                kiwi.tokenize("오픈이노베이션 스타트업을 찾습니다. Warm-up.")
                _kiwi = kiwi
    return _kiwi


def warm_up() -> None:
    """Load Kiwi now (3 to 8 s) rather than on the first search: call it at process start."""
    get_kiwi()


def normalize(text: str) -> str:
    """NFKC (full-width ＡＩ → AI, ㈜ → (주)), the form every offset below refers to."""
    return unicodedata.normalize("NFKC", text or "")


def ascii_fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def latin_language(text: str) -> str:
    """'fr' when the Latin words of `text` read French (stopwords, accents), else 'en'."""
    words = _WORDS.findall(text.lower())
    fr = sum(w in FR_STOP for w in words) + 0.5 * sum(any(c in FR_MARKS for c in w) for w in words)
    en = sum(w in EN_STOP for w in words)
    return "fr" if fr > en else "en"


def _stemmer(lang: str):
    cache = getattr(_stemmers, "cache", None)
    if cache is None:
        cache = _stemmers.cache = {}
    if lang not in cache:
        cache[lang] = snowballstemmer.stemmer("french" if lang == "fr" else "english")
    return cache[lang]


def latin_terms(word: str, langs: Iterable[str]) -> list[str]:
    """Index terms of one Latin word: lowercase, stem per language, ASCII-fold."""
    word = word.lower().strip(".,'-").replace(",", "")
    if not word or word in EN_STOP or word in FR_STOP:
        return []
    if any(c.isdigit() for c in word):
        return [ascii_fold(word)]
    if len(word) < 2:
        return []
    terms = []
    for lang in langs:
        stem = ascii_fold(_stemmer(lang).stemWord(word if lang == "fr" else ascii_fold(word)))
        if stem and stem not in terms:
            terms.append(stem)
    return terms


def _merge_latin(tokens: list) -> list[tuple[str, str, int, int]]:
    """(form, tag, start, end), with glued Latin letters and digits joined: 5 G → 5G, B 2 B."""
    merged: list[tuple[str, str, int, int]] = []
    for t in tokens:
        form, tag, start, end = t.form, t.tag, t.start, t.start + t.len
        if tag.startswith(STEM_TAGS):
            form = t.lemma[:-1] if t.lemma.endswith("다") and len(t.lemma) > 1 else form
            tag = tag[:2]
        if merged and tag in ("SL", "SN") and merged[-1][1] in ("SL", "SN", "SLN"):
            prev = merged[-1]
            if prev[3] == start and (tag == "SL" or prev[1] != "SN"):
                merged[-1] = (prev[0] + form, "SLN", prev[2], end)
                continue
        merged.append((form, tag, start, end))
    return merged


def _korean_terms(form: str, tag: str) -> list[str]:
    if form in KO_STOP:
        return []
    canonical, extra = DOMAIN_WORDS.get(form, (None, ()))
    return [canonical or form, *extra]


def _token_terms(form: str, tag: str, langs: tuple[str, ...]) -> list[str]:
    if tag == "SN":
        return [form.replace(",", "")]
    if _HAS_LATIN_LETTER.search(form) and _LATIN.match(form):
        return latin_terms(form, langs)
    if tag in KEEP_TAGS or tag in STEM_TAGS:
        return _korean_terms(form, tag)
    return []


def _runs(merged: list[tuple[str, str, int, int]]) -> dict[int, int]:
    """Start index → end index of glued noun-like morphemes (열 + 화, 폐 + 배터리)."""
    runs, start = {}, None
    for i, (form, tag, begin, _) in enumerate(merged):
        glued = start is not None and merged[i - 1][3] == begin
        if tag in RUN_TAGS and form not in RUN_BREAKS and _HANGUL.search(form):
            if start is None or not glued:
                start = i
            if i > start:
                runs[start] = i
        else:
            start = None
    return runs


def _spans(tokens: list, langs: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """Each token's terms; a run of glued noun-like morphemes also gives the whole compound,
    so a word Kiwi splits in one context (열화 → 열 + 화) and not in another still meets."""
    out: list[tuple[str, int, int]] = []
    merged = _merge_latin(tokens)
    runs = _runs(merged)
    for i, (form, tag, start, end) in enumerate(merged):
        if i in runs:
            last = runs[i]
            whole = "".join(m[0] for m in merged[i : last + 1])
            out.extend((t, start, merged[last][3]) for t in _korean_terms(whole, "NNG"))
        out.extend((term, start, end) for term in _token_terms(form, tag, langs))
    return out


def _langs(text: str, query: bool) -> tuple[str, ...]:
    if query:
        first = latin_language(text)
        return (first, "en" if first == "fr" else "fr")
    return (latin_language(text),)


def analyze_spans(text: str, *, query: bool = False) -> list[tuple[str, int, int]]:
    """(term, start, end) for each index term; offsets refer to `normalize(text)`."""
    text = normalize(text)
    if not text.strip():
        return []
    tokens = _query_tokens(text) if query else _tokenize(text)
    return _spans(tokens, _langs(text, query))


def _tokenize(text: str) -> tuple:
    kiwi = get_kiwi()
    with _kiwi_call:
        return tuple(kiwi.tokenize(text))


# A query's Kiwi tokens serve its terms, its verbs (`predicate_terms`) and the glossary's
# rendition: one Kiwi call per query text.
_query_tokens = lru_cache(maxsize=1024)(_tokenize)


def predicate_terms(text: str) -> frozenset[str]:
    """The verb and adjective stems among a query's terms (어렵 from 어려운, 만들 from 만듭니다):
    words that describe rather than name, poor evidence that two texts share a subject."""
    text = normalize(text)
    if not text.strip():
        return frozenset()
    merged = _merge_latin(_query_tokens(text))
    return frozenset(form for form, tag, _, _ in merged if tag in STEM_TAGS)


def analyze(text: str, *, query: bool = False) -> list[str]:
    """Index terms of `text`, in order, repeated as often as they occur (BM25 counts them).

    With `query=True`, a Latin word gives both its English and French stems.
    """
    return [term for term, _, _ in analyze_spans(text, query=query)]


def analyze_many(texts: list[str]) -> list[list[str]]:
    """`analyze` over many texts at once (Kiwi's batch mode: the rebuild's fast path)."""
    normalized = [normalize(t) for t in texts]
    kiwi = get_kiwi()
    with _kiwi_call:
        results = list(kiwi.tokenize(normalized))
    return [
        [term for term, _, _ in _spans(tokens, _langs(text, False))] if text.strip() else []
        for text, tokens in zip(normalized, results, strict=True)
    ]


@lru_cache(maxsize=1024)
def query_terms(q: str) -> tuple[str, ...]:
    """The distinct terms of a query, in order of first appearance."""
    return tuple(dict.fromkeys(analyze(q, query=True)))


@lru_cache(maxsize=4096)
def _document_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """Spans of a record's text, kept per process: the same snippets come back page after page
    (0.4 ms of Kiwi each, 20 per results page)."""
    return tuple(analyze_spans(text))


def highlight(text: str, terms: Iterable[str]) -> list[tuple[str, bool]]:
    """`normalize(text)` cut into (piece, matched) runs: matched pieces carry one of `terms`.

    A template wraps the matched pieces in <mark>: 스타트업을 is marked as 스타트업 when the
    query said 스타트업.
    """
    wanted = set(terms)
    text = normalize(text)
    marks = sorted({(s, e) for term, s, e in _document_spans(text) if term in wanted})
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in marks:
        if start < pos:
            continue
        if start > pos:
            pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces
