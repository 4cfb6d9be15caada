"""Headwords for the Korean-English search glossary: the Korean content words of our corpus.

    .venv/bin/python scripts/glossary_headwords.py [--data DIR] [--top 1612] [--check]

Counts the index terms (`analysis.analyze`, so exactly the terms a query produces) of the
Korean texts the product serves, in four sources (three from the data candidates):
- announcements: kr-bizinfo-announcements-fulltext, one document per announcement (title,
  summary and target; not the attachments, whose rules and forms would fill the list with
  administrative words: 제출서류, 체납, 사업자등록증), 290;
- titles: the announcement titles of its index (504) and of kr-kstartup-titles (146);
- startups: kr-startups-sample, description and categories, 100;
- demo: the Korean texts of the product's demo world (oimarket/core/demo/world_*.py: its
  challenges, startups, programs and organizations, written for every field of the
  taxonomy), one document per string.
A term's score is its document frequency as a share of its source's documents, averaged
over the four sources (so the long announcements do not drown the others). Kept: Hangul
terms of two syllables or more that Kiwi tags as a noun or root somewhere (NNG, NNP, XR)
or that are glued compounds (열화, 폐배터리); verb and adjective stems are left out.
The field taxonomy's Korean names and the analyzer's domain words are always headwords
(score shown as 0 when absent from the sources).

The glossary took the top 1612 (the end of a tie of equal scores) and the fixed headwords.
Prints one line per headword, best first: rank, term, score, and its document frequency
per source. `--check` prints instead the top terms that `oimarket/matching/glossary_data.py`
neither translates nor lists as skipped, and the glossary's entries beyond the top.
Nothing of the sources is written anywhere: only counts are printed.
"""

import argparse
import ast
import csv
import html
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from oimarket.matching import analysis  # noqa: E402
from oimarket.programs.taxonomy import COMMON_FIELDS, PROBLEM_AREAS  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data-candidates"
BIZINFO = Path("kr-bizinfo-announcements-fulltext")
KSTARTUP = Path("kr-kstartup-titles") / "kstartup_announcements_2025-09.json"
STARTUPS = Path("kr-startups-sample") / "kr_startups_100.json"
NOUN_TAGS = ("NNG", "NNP", "XR")
HANGUL_TERM = re.compile(r"^[\uac00-\ud7a3]{2,}$")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
TAGS = re.compile(r"<[^>]+>")


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def announcements(data: Path) -> list[str]:
    texts = []
    for row in _jsonl(data / BIZINFO / "announcements_fulltext.jsonl"):
        fields = row.get("bizinfo_fields") or {}
        summary = html.unescape(TAGS.sub(" ", fields.get("bsnsSumryCn") or ""))
        texts.append("\n".join((row["title"], summary, fields.get("trgetNm") or "")))
    return texts


def titles(data: Path) -> list[str]:
    with (data / BIZINFO / "announcements_index.csv").open(encoding="utf-8", newline="") as f:
        out = [row["title"] for row in csv.DictReader(f)]
    rows = json.loads((data / KSTARTUP).read_text(encoding="utf-8"))
    return out + [html.unescape(r["biz_pbanc_nm"]) for r in rows]


def startups(data: Path) -> list[str]:
    rows = json.loads((data / STARTUPS).read_text(encoding="utf-8"))
    return [f"{r['description']} {r['category'].replace(',', ' ')}" for r in rows]


def demo(root: Path = ROOT / "oimarket" / "core" / "demo") -> list[str]:
    texts = []
    for path in sorted(root.glob("world_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = (n.value for n in ast.walk(tree) if isinstance(n, ast.Constant))
        texts += [s for s in strings if isinstance(s, str) and HANGUL.search(s)]
    return texts


def nouns_and_stems(texts: list[str]) -> tuple[set[str], set[str]]:
    """Forms Kiwi tags as nouns or roots, and verb or adjective stems, over `texts`."""
    kiwi, nouns, stems = analysis.get_kiwi(), set(), set()
    for tokens in kiwi.tokenize([analysis.normalize(t) for t in texts]):
        for t in tokens:
            if t.tag in NOUN_TAGS:
                nouns.add(t.form)
            elif t.tag.startswith(analysis.STEM_TAGS):
                stems.add(t.lemma[:-1] if t.lemma.endswith("다") else t.form)
    return nouns, stems


def document_frequencies(texts: list[str]) -> Counter:
    df: Counter = Counter()
    for i in range(0, len(texts), 32):
        for terms in analysis.analyze_many(texts[i : i + 32]):
            df.update({t for t in terms if HANGUL_TERM.match(t)})
    return df


def fixed_headwords() -> list[str]:
    """Terms of the taxonomy's Korean names and of the analyzer's domain words."""
    names = [ko for _, ko, _ in COMMON_FIELDS]
    for _, area, _, techs in PROBLEM_AREAS:
        names += [area, *(ko for _, ko, _ in techs)]
    names += list(analysis.DOMAIN_WORDS)
    terms = (t for name in names for t in analysis.analyze(name))
    return list(dict.fromkeys(t for t in terms if HANGUL_TERM.match(t)))


def ranked(data: Path) -> list[tuple[str, float, list[int]]]:
    sources = {"announcements": announcements(data), "titles": titles(data)}
    sources |= {"startups": startups(data), "demo": demo()}
    counts = {name: document_frequencies(texts) for name, texts in sources.items()}
    nouns, stems = nouns_and_stems([t for texts in sources.values() for t in texts])
    words = set().union(*counts.values())
    words = {w for w in words if w in nouns or w not in stems}
    words |= set(fixed_headwords())
    sizes = {name: len(texts) for name, texts in sources.items()}

    def score(word: str) -> float:
        return sum(counts[s][word] / sizes[s] for s in sources) / len(sources)

    rows = [(w, score(w), [counts[s][w] for s in sources]) for w in words]
    rows.sort(key=lambda r: (-r[1], r[0]))
    print(f"# sources (documents): {sizes}", file=sys.stderr)
    return rows


def check(rows, top: int) -> None:
    from oimarket.matching import glossary_data

    entries, skipped = glossary_data.entries(), glossary_data.skipped()
    head = [w for w, _, _ in rows[:top]]
    missing = [w for w in head if w not in entries and w not in skipped]
    beyond = sorted(set(entries) - set(head))
    print(f"top {top}: {sum(w in entries for w in head)} translated, ", end="")
    print(f"{sum(w in skipped for w in head)} skipped, {len(missing)} neither")
    print("neither:", " ".join(missing))
    print(f"entries beyond the top {top} ({len(beyond)}):", " ".join(beyond))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--top", type=int, default=1612)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    data = args.data or Path(os.environ.get("OIMARKET_DATA_CANDIDATES") or DEFAULT_DATA)
    rows = ranked(data)
    fixed = set(fixed_headwords())
    if args.check:
        check(rows, args.top)
        return
    for rank, (word, score, dfs) in enumerate(rows[: args.top], start=1):
        mark = " *" if word in fixed else ""
        print(f"{rank}\t{word}\t{score:.4f}\t{' '.join(map(str, dfs))}{mark}")
    extra = [w for w, _, _ in rows[args.top :] if w in fixed]
    print(f"# always headwords, below the top: {' '.join(extra)}")


if __name__ == "__main__":
    main()
