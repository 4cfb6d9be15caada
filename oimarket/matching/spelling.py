"""Did you mean: a query with its misspelt words replaced by words the index knows.

Word by word, as typed: Kiwi splits a misspelt Korean word unpredictably (자율주헹 → 자율주 +
헤, 블록채인 → 블록), so a word is compared whole, and without a particle it ends with
(배터러를 → 배터리를), letter by letter (jamo: 주헹 → 주행 is one edit; `lexical.closest_term`).
An English word is compared with the glossary's English words whose stem the index holds
(batery → battery): the index itself holds stems (batteri), which read badly as suggestions.
A word is left alone when the index knows it.
"""

import re
from functools import lru_cache

from . import glossary, lexical
from .analysis import latin_terms, normalize, query_terms

HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
ENGLISH_WORD = re.compile(r"[A-Za-z]{4,}")
# Particles a typed word may end with (배터러를 is 배터러 + 를), longest first.
PARTICLES = (
    *("에서는", "으로는", "에서", "에게", "으로", "까지", "부터", "처럼", "보다", "이나", "에는"),
    *("에도", "와의", "과의", "을", "를", "이", "가", "은", "는", "의", "에", "로", "와", "과"),
    *("도", "만", "나"),
)


def did_you_mean(q: str) -> str:
    """`q` with its misspelt words replaced, or "" when there is nothing to fix."""
    words = re.split(r"(\s+)", normalize(q or ""))
    fixed = [_korean(word) if HANGUL_RUN.match(word) else _english(word) for word in words]
    return "".join(fixed) if fixed != words else ""


def _korean(word: str) -> str:
    hangul = HANGUL_RUN.match(word).group()
    if len(hangul) < 2:
        return word
    rest = word[len(hangul) :]
    stems = [hangul] + [
        hangul[: -len(p)] for p in PARTICLES if hangul.endswith(p) and len(hangul) - len(p) >= 2
    ]
    terms = [t for t in query_terms(hangul) if len(t) > 1 and HANGUL_RUN.fullmatch(t)]
    freqs = lexical.doc_freqs([*stems, *terms])
    if any(freqs.get(stem) for stem in stems) or (terms and all(freqs.get(t) for t in terms)):
        return word
    found = []
    for cut, stem in enumerate(stems):
        closest = lexical.closest_term(stem, cap=1 if len(stem) < 4 else 2)
        if closest is not None:
            found.append((closest[1], cut, closest[0] + hangul[len(stem) :]))
    return min(found)[2] + rest if found else word


def _english(word: str) -> str:
    """An English word of four letters or more whose stems no document holds: the nearest
    glossary word (one edit, two from eight letters) that some document holds, the one most
    documents hold on a tie. Case is kept for a capitalised word."""
    match = ENGLISH_WORD.fullmatch(word.strip(".,;:!?"))
    if match is None:
        return word
    typed = match.group()
    lower, own = typed.lower(), query_terms(typed)
    freqs = lexical.doc_freqs(own)
    if not own or any(freqs.get(t) for t in own):
        return word  # a stop word, or a word the index knows
    cap = 1 if len(lower) < 8 else 2
    near = [
        (distance, known)
        for known in _english_words().get(lower[0], ())
        if abs(len(known) - len(lower)) <= cap
        and (distance := lexical.edit_distance(lower, known, cap)) <= cap
    ]
    if not near:
        return word
    stems = {known: latin_terms(known, ("en",)) for _, known in near}
    freqs = lexical.doc_freqs(t for terms in stems.values() for t in terms)
    held = [
        (distance, -max(freqs.get(t, 0) for t in stems[known]), known)
        for distance, known in near
        if stems[known] and any(freqs.get(t) for t in stems[known])
    ]
    if not held:
        return word
    best = min(held)[2]
    best = best.capitalize() if typed[0].isupper() else best
    return word.replace(typed, best)


@lru_cache(maxsize=2)
def _words(general: bool) -> dict[str, tuple[str, ...]]:
    words = {
        w.lower()
        for equivalents in glossary.phrases().values()
        for phrase in equivalents
        for w in re.findall(r"[A-Za-z]{4,}", phrase)
    }
    by_letter: dict[str, list[str]] = {}
    for w in sorted(words):
        by_letter.setdefault(w[0], []).append(w)
    return {letter: tuple(ws) for letter, ws in by_letter.items()}


def _english_words() -> dict[str, tuple[str, ...]]:
    """The glossary's English words of four letters or more, by first letter."""
    return _words(glossary.general_enabled())
