"""Headwords for the glossary's general vocabulary (`oimarket/matching/glossary_general.tsv`).

    .venv/bin/pip install wordfreq==3.1.1   # only for this script, not a dependency
    .venv/bin/python scripts/glossary_general.py [--top 30000] > /tmp/headwords.tsv

The curated glossary (`glossary_data.ENTRIES`, words of our own corpus) knows the market's
words but not everyday ones: 학교, 건강, 농가 found nothing in English. This lists the Korean
nouns and roots among wordfreq's 30,000 most frequent Korean words (wordfreq 3.1.1, data
CC BY-SA 4.0: only which words, not their counts, reach our file): each word is analyzed as a
query is (`analysis.analyze`), and each term of two Hangul syllables or more whose Kiwi tags
are all noun-like (NNG, NNP, XR, and affixes after the first) is a headword, unless the
curated glossary translates or skips it. One line per headword, most frequent first:
`term<TAB>tag`. 18,613 in November 2026.

The English column was then written by hand, eight slices in parallel, with one brief: one to
three equivalents, the words an English startup or project description would use, most
common sense first; "-" for personal names, fragments, fillers and words too ambiguous to
help. Nothing here reads a benchmark query.
"""

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from kiwipiepy import Kiwi  # noqa: E402

from oimarket.matching import glossary_data  # noqa: E402
from oimarket.matching.analysis import analyze  # noqa: E402

HANGUL_TERM = re.compile(r"^[\uac00-\ud7a3]{2,}$")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
NOUN_LIKE = ("NNG", "NNP", "XR", "XSN", "XPN")


def headwords(top: int) -> list[tuple[str, str]]:
    import wordfreq

    first: dict[str, int] = {}
    for rank, word in enumerate(wordfreq.top_n_list("ko", top)):
        if HANGUL.search(word):
            for term in analyze(word):
                if HANGUL_TERM.match(term):
                    first.setdefault(term, rank)
    known = set(glossary_data.curated()) | glossary_data.skipped()
    kiwi = Kiwi()
    out = []
    for term in sorted(first, key=first.get):
        tokens = kiwi.tokenize(term)
        noun_like = all(t.tag in NOUN_LIKE for t in tokens) and tokens[0].tag != "XSN"
        if term not in known and tokens and noun_like:
            out.append((term, tokens[0].tag))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30_000)
    args = parser.parse_args()
    for term, tag in headwords(args.top):
        print(f"{term}\t{tag}")


if __name__ == "__main__":
    main()
