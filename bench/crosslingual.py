"""Cross-lingual search benchmark: does a Korean query find the startups its English original finds?

    .venv/bin/python bench/crosslingual.py [--queries FILE] [--data DIR] [--companies 0]
                                           [--weights 1,1.5,3] [--glossary-weights 0,1]
                                           [--rrf-k 60] [--passage-chars 400] [--cache DIR]

`--queries bench/data/crosslingual_queries_heldout.json`: 20 more statements, translated
before the rendition and feedback settings were measured and never used to choose them.
Rows added in session 3: the product as it was before (curated glossary only, one pass),
and the product without each of its cross-language bridges in turn (feedback, rendition,
general vocabulary, split glossary weights). Session 4 added ceilings: the product given a
perfect translation of each Korean query (its English original) on the dense side, the
lexical side or both, which bounds what a better glossary or rendition can reach with e5-small.

Queries: 20 Smart India Hackathon 2025 problem statements (bench/data/crosslingual_queries.json
lists them and holds our Korean translations; the English text is read at run time from the
SIH file, see that JSON's "about"). Corpus: the Y Combinator directory's companies that have a
long description (5,331; `--companies N` keeps the first N in file order), as startup
`SearchDocument`s (name; one-liner, tags, description, industries) in a throw-away index built
with the product's engine (`lexical.write`, `dense.apply`). Vectors are cached by passage hash
in var/bench-cache/ (the first run embeds every passage: 15 to 25 minutes on 2 shared cores).

For each query, the top 10 of the Korean text against the top 10 of the English text:
overlap = |top10_ko ∩ top10_en| / 10, averaged. Side by side in the same run: lexical only
without the glossary (the baseline: Korean words cannot meet English documents), dense only,
the product's fused search (`engine.search`) as configured, the same without the glossary
nor query centring at dense weight 1 (what the product did before the glossary), the same
with the glossary (the product before query centring: `SEARCH_QUERY_CENTRING` off, dense
weight 1), lexical only with the glossary, and the fused search at
several `SEARCH_DENSE_WEIGHT` and `SEARCH_GLOSSARY_WEIGHT` values (0: no glossary; set
in-process). Also: the same for the titles alone, how much of each fused top 10 the dense
top 10 explains, and a rough relevance check: the share of the top 10 carrying one of the
query's YC industries or tags (beside its share of the corpus, the chance level). Then a
diagnosis of the dense engine (how flat its cosines are, how far down the English ranking
the Korean top 10 lies; raw e5 query vectors), the glossary's reach (share of the Korean
queries' words it translates, share of the English query's terms the expanded Korean query
holds), and variants of the dense query vector: queries centred on their language's mean
query vector, recomputed here from the demo world's Korean and English phrase pairs
(oimarket/core/demo/world_*.py: parallel product texts outside the benchmark; the product
does the same with the means in oimarket/matching/query_centres.npy, written by
scripts/query_centres.py), alone and fused as the product fuses, one round of
pseudo-relevance feedback (not in the product), and the product's own query vector
(`dense.query_vector`) in that rebuilt fusion. "dense only" and every fused row use the
product's query vector, so they are centred unless `SEARCH_QUERY_CENTRING` is off.
Data: `--data`, else $OIMARKET_DATA_CANDIDATES, else ../shared/data-candidates beside the repo.
The last line printed is one JSON object with the figures.
"""

import argparse
import csv
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA_DIR = tempfile.mkdtemp(prefix="oimarket-bench-")
os.environ.update(
    {
        "OIMARKET_DATA_DIR": DATA_DIR,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
    }
)
os.environ.setdefault("OMP_NUM_THREADS", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import override_settings  # noqa: E402

from oimarket.matching import dense, documents, engine, glossary, lexical, storage  # noqa: E402
from oimarket.matching.analysis import query_terms  # noqa: E402
from oimarket.matching.documents import SearchDocument  # noqa: E402
from oimarket.matching.filters import SearchFilters  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from query_centres import demo_pairs  # noqa: E402  (the pairs the product's centres come from)

QUERIES = ROOT / "bench" / "data" / "crosslingual_queries.json"
HELD_OUT = ROOT / "bench" / "data" / "crosslingual_queries_heldout.json"
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data-candidates"
SIH_FILE = Path("sih-challenges-outcomes") / "problem_statements_2025.csv"
YC_FILE = Path("yc-companies") / "yc_companies.jsonl"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
KINDS = ["startup"]
TOP = 10
SAVE_EVERY = 256

_HEADING = re.compile(
    r"^(?:(?:Problem\s+Statement|Problem\s+Description|Problem|Background|Description|Context)"
    r"\s*:?-?\s*)+",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
OCR_SLIPS = [
    (re.compile(r"\bAl-"), "AI-"),
    (re.compile(r"\blssue"), "Issue"),
    (re.compile("Systern"), "System"),
]


@dataclass(frozen=True)
class Query:
    id: str
    domain: str
    labels: frozenset[str]
    title_en: str
    en: str
    title_ko: str
    ko: str


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    for slip, fix in OCR_SLIPS:
        text = slip.sub(fix, text)
    return text


def english_query(row: dict) -> tuple[str, str]:
    """(title, title + first sentence of the description after its heading)."""
    title = _clean(row["title"]).rstrip(".")
    first = _SENTENCE_END.split(_HEADING.sub("", _clean(row["description"])), maxsplit=1)[0]
    return title, f"{title}. {first}"


def load_queries(data: Path) -> list[Query]:
    with (data / SIH_FILE).open(newline="", encoding="utf-8") as f:
        rows = {r["ps_id"]: r for r in csv.DictReader(f)}
    queries = []
    for q in json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]:
        title_en, en = english_query(rows[q["id"]])
        ko = f"{q['title_ko']} {q['text_ko']}"
        labels = frozenset(q["labels"])
        queries.append(Query(q["id"], q["domain"], labels, title_en, en, q["title_ko"], ko))
    return queries


def company_document(row: dict) -> SearchDocument:
    """A YC company as the product indexes a startup: one-liner, technologies, description."""
    parts = (
        row.get("one_liner") or "",
        ", ".join(row.get("tags") or []),
        row["long_description"],
        " ".join(row.get("industries") or []),
    )
    return SearchDocument(kind="startup", pk=int(row["id"]), title=row["name"], parts=parts)


def load_companies(data: Path, limit: int):
    """Documents and labels of the companies with a description."""
    docs, labels, seen = [], {}, set()
    with (data / YC_FILE).open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            if (row.get("long_description") or "").strip() and len(docs) != limit:
                docs.append(company_document(row))
                tags = (row.get("industries") or []) + (row.get("tags") or [])
                labels[docs[-1].doc_id] = frozenset(tags)
    return docs, labels


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _save_cache(path: Path, cache: dict[str, np.ndarray]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, hashes=np.array(list(cache), dtype=str), vectors=np.stack(list(cache.values())))
    os.replace(tmp, path)


def cached_vectors(docs: list[SearchDocument], path: Path) -> np.ndarray:
    """One vector per document: from the cache by passage hash, else embedded (and cached)."""
    cache: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path) as data:
            cache = dict(zip(data["hashes"].tolist(), data["vectors"], strict=True))
    keys = [dense.passage_hash(d) for d in docs]
    todo = [(k, d.passage) for k, d in dict(zip(keys, docs, strict=True)).items() if k not in cache]
    log(f"vectors: {len(docs) - len(todo)} cached, {len(todo)} to embed ({path})")
    start = time.perf_counter()
    for i in range(0, len(todo), engine.EMBED_BATCH):
        batch = todo[i : i + engine.EMBED_BATCH]
        vectors = dense.embed_passages([p for _, p in batch])
        cache.update(zip((k for k, _ in batch), vectors, strict=True))
        done = i + len(batch)
        if done % SAVE_EVERY < engine.EMBED_BATCH or done == len(todo):
            _save_cache(path, cache)
            rate = done / (time.perf_counter() - start)
            left = (len(todo) - done) / rate
            log(f"  embedded {done}/{len(todo)}, {rate:.1f}/s, {left:.0f} s left")
    return np.stack([cache[k] for k in keys])


def build_index(docs: list[SearchDocument], cache: Path) -> dict:
    start = time.perf_counter()
    with storage.write_lock():
        lexical.write(add=docs, clear=True, heap_size=100_000_000)
    lexical_s = time.perf_counter() - start
    log(f"lexical index: {len(docs)} documents in {lexical_s:.1f} s")
    start = time.perf_counter()
    vectors = cached_vectors(docs, cache)
    with storage.write_lock():
        dense.apply(upsert=docs, vectors=vectors)
    return {"lexical_s": lexical_s, "vectors_s": time.perf_counter() - start}


def top_fused(q: str, **overrides) -> list[str]:
    with override_settings(**overrides):
        return [h.doc_id for h in engine.search(q=q, kinds=KINDS, limit=TOP)]


def top_dense(q: str) -> list[str]:
    filters = SearchFilters.build(kinds=KINDS)
    return [key for key, _ in dense.search(q=q, filters=filters, limit=TOP)]


def overlap(a: list[str], b: list[str]) -> float:
    return len(set(a) & set(b)) / TOP


def precision(top: list[str], labels: dict[str, frozenset], wanted: frozenset) -> float:
    return sum(bool(labels[key] & wanted) for key in top) / TOP


BASELINE = "lexical only, no glossary (baseline)"
BEFORE = "fused, no glossary (w=1, k=60): before"
UNCENTRED = "fused, uncentred queries (w=1, k=60, glossary 1): before"
SESSION_2 = "curated glossary only, one pass (w=1.5): before"
# The product as it was before the general vocabulary, the rendition and the feedback.
SESSION_2_SETTINGS = {
    "SEARCH_GLOSSARY_GENERAL": False,
    "SEARCH_GLOSSARY_SPLIT": False,
    "SEARCH_RENDITION_WEIGHT": 0,
    "SEARCH_FEEDBACK_DOCS": 0,
    "SEARCH_DENSE_WEIGHT": 1.5,
}
ABLATIONS = (
    "without feedback",
    "without rendition",
    "without general vocabulary",
    "without split glossary weights",
)


def engines(args) -> list[tuple[str, callable]]:
    """(name, q -> top-10 doc ids): the baseline, dense only, the product, the product
    before the glossary, lexical with the glossary, other weights."""
    default_w = getattr(settings, "SEARCH_DENSE_WEIGHT", 1.0)
    default_k = getattr(settings, "SEARCH_RRF_K", engine.RRF_K)
    default_g = engine.glossary_weight()
    rows = [
        (BASELINE, lambda q: top_fused(q, SEARCH_DENSE=False, SEARCH_GLOSSARY_WEIGHT=0)),
        ("dense only", top_dense),
        (
            f"fused, product default (w={default_w:g}, k={default_k}, glossary {default_g:g})",
            top_fused,
        ),
        (BEFORE, lambda q: top_fused(q, **_uncentred(), SEARCH_GLOSSARY_WEIGHT=0)),
        (UNCENTRED, lambda q: top_fused(q, **_uncentred())),
        (SESSION_2, lambda q: top_fused(q, **SESSION_2_SETTINGS)),
        ("without feedback", lambda q: top_fused(q, SEARCH_FEEDBACK_DOCS=0)),
        ("without rendition", lambda q: top_fused(q, SEARCH_RENDITION_WEIGHT=0)),
        ("without general vocabulary", lambda q: top_fused(q, SEARCH_GLOSSARY_GENERAL=False)),
        ("without split glossary weights", lambda q: top_fused(q, SEARCH_GLOSSARY_SPLIT=False)),
    ]
    for g in args.glossary_weights:
        if g > 0:
            name = f"lexical only, glossary {g:g}"
            rows.append((name, lambda q, g=g: top_fused(q, SEARCH_DENSE=False, **_glossary(g))))
    for k in args.rrf_k:
        for w in args.weights:
            for g in args.glossary_weights:
                if (w, k, g) not in ((default_w, default_k, default_g), (1.0, 60, 0)):
                    name = f"fused, dense weight {w:g}, k={k}" + (f", glossary {g:g}" if g else "")
                    overrides = {"SEARCH_DENSE_WEIGHT": w, "SEARCH_RRF_K": k, **_glossary(g)}
                    rows.append((name, lambda q, o=overrides: top_fused(q, **o)))
    return rows


def ceilings(queries) -> list[tuple[str, callable]]:
    """The product with a perfect translation of each Korean query on one side or both: how
    far a better glossary or rendition could take it with this encoder. Not in the product.

    "dense side": the English original stands in for the glossary's rendition in the Korean
    query's vector (`SEARCH_RENDITION_WEIGHT` 1, then 5). "lexical side": the Korean query's
    added terms are the English original's own terms, at full weight.
    """
    english = {q.ko: q.en for q in queries} | {q.title_ko: q.title_en for q in queries}
    own_rendition, own_terms = glossary.rendition, engine.lexical_terms

    def perfect_terms(q: str):
        if q not in english:
            return own_terms(q)
        terms = query_terms(q)
        return terms, {t: (t,) for t in query_terms(english[q]) if t not in terms}

    def ranked(dense_side: bool, lexical_side: bool, weight: float = 1.0):
        def rank(q: str) -> list[str]:
            glossary.rendition = (
                (lambda t: english.get(t) or own_rendition(t)) if dense_side else own_rendition
            )
            engine.lexical_terms = perfect_terms if lexical_side else own_terms
            try:
                return top_fused(q, SEARCH_RENDITION_WEIGHT=weight)
            finally:
                glossary.rendition, engine.lexical_terms = own_rendition, own_terms

        return rank

    return [
        (CEILINGS[0], ranked(True, False)),
        (CEILINGS[1], ranked(True, False, 5.0)),
        (CEILINGS[2], ranked(False, True)),
        (CEILINGS[3], ranked(True, True)),
    ]


CEILINGS = (
    "perfect translation, dense side",
    "perfect translation, dense side, rendition weight 5",
    "perfect translation, lexical side",
    "perfect translation, both sides",
)


def _uncentred() -> dict:
    """The product before query centring: raw e5 query vectors, dense weight 1, the curated
    glossary alone, one pass."""
    return {
        **SESSION_2_SETTINGS,
        "SEARCH_DENSE_WEIGHT": 1.0,
        "SEARCH_QUERY_CENTRING": False,
    }


def _glossary(weight: float) -> dict:
    return {"SEARCH_GLOSSARY_WEIGHT": weight}


def evaluate(queries, labels, rank) -> dict:
    """Mean figures over the queries for one ranking function, and per-query overlaps."""
    per = {q.id: {"en": rank(q.en), "ko": rank(q.ko)} for q in queries}
    titles = [overlap(rank(q.title_en), rank(q.title_ko)) for q in queries]
    dense_top = {q.id: {"en": top_dense(q.en), "ko": top_dense(q.ko)} for q in queries}
    mean = statistics.mean
    return {
        "overlap": mean(overlap(p["en"], p["ko"]) for p in per.values()),
        "per_query": {i: overlap(p["en"], p["ko"]) for i, p in per.items()},
        "title_overlap": mean(titles),
        "en_follows_dense": mean(overlap(per[i]["en"], dense_top[i]["en"]) for i in per),
        "ko_follows_dense": mean(overlap(per[i]["ko"], dense_top[i]["ko"]) for i in per),
        "p10_en": mean(precision(per[q.id]["en"], labels, q.labels) for q in queries),
        "p10_ko": mean(precision(per[q.id]["ko"], labels, q.labels) for q in queries),
    }


def unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector, axis=-1, keepdims=True)


def language_means() -> dict[str, np.ndarray]:
    """Mean query vector per language, over the demo world's phrase pairs."""
    korean, english = demo_pairs()
    model = dense.get_model()
    return {
        lang: np.asarray(model.query(texts)).mean(axis=0)
        for lang, texts in (("en", english), ("ko", korean))
    }


def dense_variants() -> list[tuple[str, callable]]:
    """Rankings by the dense engine's vectors with the query vector changed (not the product)."""
    store, filters = dense.current(), SearchFilters.build(kinds=KINDS)
    means = language_means()
    product_w = getattr(settings, "SEARCH_DENSE_WEIGHT", 1.0)

    def centred(q: str) -> np.ndarray:
        lang = "ko" if HANGUL.search(q) else "en"
        return unit(dense.embed_query(q) - means[lang])

    def feedback(q: str) -> np.ndarray:
        vector = dense.embed_query(q)
        rows = [store.row(key) for key, _ in store.search(vector, filters, 5)]
        return unit(vector + store.vectors[rows].mean(axis=0))

    def ranker(transform):
        return lambda q: [key for key, _ in store.search(transform(q), filters, TOP)]

    def fused(transform, weight: float):
        """engine.search's fusion (same candidates, glossary, RRF k=60) over the changed
        dense ranking."""
        n = max(TOP * 3, engine.MIN_CANDIDATES)

        def rank(q: str) -> list[str]:
            terms, added = engine.lexical_terms(q)  # with the product's glossary weight
            boosts = dict.fromkeys(added, engine.glossary_weight())
            lex = lexical.search(terms=(*terms, *added), filters=filters, limit=n, boosts=boosts)
            vec = store.search(transform(q), filters, n)
            scores = engine.rrf([lex, vec], k=engine.RRF_K, weights=[1.0, weight])
            return sorted(scores, key=lambda key: -scores[key])[:TOP]

        return rank

    return [
        ("dense, queries centred on their language", ranker(centred)),
        ("dense, pseudo-relevance feedback (top 5)", ranker(feedback)),
        ("fused (w=1), dense queries centred", fused(centred, 1.0)),
        ("fused (w=1.5), dense queries centred", fused(centred, 1.5)),
        ("fused (w=2), dense queries centred", fused(centred, 2.0)),
        ("fused (w=3), dense queries centred", fused(centred, 3.0)),
        (
            f"fused (w={product_w:g}) as the product, rebuilt here",
            fused(dense.query_vector, product_w),
        ),
    ]


def dense_diagnosis(queries) -> dict:
    """Cosines at ranks 1, 10, 50; English-Korean query cosine; Korean top 10 in English top n."""
    store, filters = dense.current(), SearchFilters.build(kinds=KINDS)
    band, depth, pair = {"en": [], "ko": []}, [], []
    for q in queries:
        vectors = {"en": dense.embed_query(q.en), "ko": dense.embed_query(q.ko)}
        ranked = {lang: store.search(v, filters, 50) for lang, v in vectors.items()}
        for lang, hits in ranked.items():
            band[lang].append([hits[0][1], hits[9][1], hits[49][1]])
        english = [key for key, _ in ranked["en"]]
        korean = {key for key, _ in ranked["ko"][:TOP]}
        depth.append([len(korean & set(english[:n])) / TOP for n in (10, 30, 50)])
        pair.append(float(vectors["en"] @ vectors["ko"]))
    return {
        "band": {lang: np.mean(rows, axis=0).round(3).tolist() for lang, rows in band.items()},
        "ko_in_en_top": dict(
            zip((10, 30, 50), np.mean(depth, axis=0).round(3).tolist(), strict=True)
        ),
        "en_ko_cosine": round(statistics.mean(pair), 3),
    }


def glossary_coverage(queries) -> dict:
    """Share of each Korean query's Hangul words (two syllables or more) that the glossary
    translates, and share of the English query's terms found in the expanded Korean query."""
    to_english = glossary.tables()[0]
    translated, reached = [], []
    for q in queries:
        korean = [t for t in query_terms(q.ko) if HANGUL.search(t) and len(t) > 1]
        translated.append(sum(t in to_english for t in korean) / max(len(korean), 1))
        english = set(query_terms(q.en))
        reached.append(len(english & set(glossary.expand(query_terms(q.ko)))) / len(english))
    mean = statistics.mean
    return {
        "ko_words_translated": round(mean(translated), 3),
        "en_terms_reached": round(mean(reached), 3),
    }


def chance(queries, labels) -> float:
    shares = (sum(bool(v & q.labels) for v in labels.values()) / len(labels) for q in queries)
    return statistics.mean(shares)


def print_rows(results: dict) -> None:
    for name, r in results.items():
        print(
            f"{name:50} {r['overlap']:8.2f} {r['title_overlap']:7.2f} {r['en_follows_dense']:9.2f}"
            f" {r['ko_follows_dense']:9.2f} {r['p10_en']:8.2f} {r['p10_ko']:8.2f}"
        )


def report(queries, docs, labels, results, variants, diagnosis) -> None:
    diagnosis["glossary"] = glossary_coverage(queries)
    print(
        f"\n{len(queries)} queries (SIH 2025, English and our Korean) against {len(docs)} YC "
        f"companies; passages of {documents.PASSAGE_CHARS} characters; top {TOP}"
    )
    print(
        f"{'ranking':50} {'overlap':>8} {'titles':>7} {'en~dense':>9} {'ko~dense':>9} "
        f"{'P@10 en':>8} {'P@10 ko':>8}"
    )
    print_rows(results)
    print(
        "variants of the dense engine, and ceilings with a perfect translation; not in the product"
    )
    print_rows(variants)
    print(
        f"P@10 at chance (share of the corpus with a query's labels) {chance(queries, labels):9.2f}"
    )
    band, depth = diagnosis["band"], diagnosis["ko_in_en_top"]
    print("\ndense engine: mean cosine of results 1, 10 and 50")
    print(f"  English queries {band['en']}, Korean queries {band['ko']}")
    print(f"  cosine between a query's English and Korean vectors: {diagnosis['en_ko_cosine']:.3f}")
    print(
        f"  share of the Korean top 10 in the English top 10 / 30 / 50: "
        f"{depth[10]:.2f} / {depth[30]:.2f} / {depth[50]:.2f}"
    )
    reach = diagnosis["glossary"]
    print(
        f"\nglossary: {reach['ko_words_translated']:.2f} of the Korean queries' words translated;"
        f" the expanded Korean query holds {reach['en_terms_reached']:.2f} of the English terms"
    )
    names = list(results)
    print(
        "\nper query, overlap: lexical / dense / fused (product default) / fused before the"
        " glossary / fused before centring"
    )
    for q in queries:
        cells = " ".join(f"{results[n]['per_query'][q.id]:4.1f}" for n in names[:5])
        print(f"  {q.id} {q.domain:12} {cells}   {q.title_en[:60]}")
    print(json.dumps(summary(queries, docs, results, variants, diagnosis)))


def summary(queries, docs, results, variants, diagnosis) -> dict:
    lexical_only, dense_only, default, before, uncentred, session_2, *others = results.values()
    fused = {
        name.split(", ", 1)[1]: round(r["overlap"], 3)
        for name, r in results.items()
        if name.startswith("fused")
    }
    return {
        "top10_overlap": round(default["overlap"], 3),
        "top10_overlap_lexical": round(lexical_only["overlap"], 3),
        "top10_overlap_dense": round(dense_only["overlap"], 3),
        "top10_overlap_titles": round(default["title_overlap"], 3),
        "top10_overlap_fused": fused,
        "top10_overlap_no_glossary": round(before["overlap"], 3),
        "top10_overlap_lexical_glossary": {
            n.rsplit(" ", 1)[1]: round(r["overlap"], 3)
            for n, r in results.items()
            if n.startswith("lexical only, glossary")
        },
        "p10_en": round(default["p10_en"], 3),
        "p10_ko": round(default["p10_ko"], 3),
        "p10_no_glossary": [round(before["p10_en"], 3), round(before["p10_ko"], 3)],
        "top10_overlap_uncentred": round(uncentred["overlap"], 3),
        "top10_overlap_session_2": round(session_2["overlap"], 3),
        "p10_session_2": [round(session_2["p10_en"], 3), round(session_2["p10_ko"], 3)],
        "ablations": {n: round(results[n]["overlap"], 3) for n in ABLATIONS},
        "settings": {
            "rendition_weight": dense.rendition_weight(),
            "feedback": list(engine.feedback_settings()),
            "glossary_headwords": len(glossary.phrases()),
        },
        "queries_file": args_queries_name(),
        "p10_uncentred": [round(uncentred["p10_en"], 3), round(uncentred["p10_ko"], 3)],
        "query_centring": dense.query_centres() is not None,
        "dense_weight": getattr(settings, "SEARCH_DENSE_WEIGHT", 1.0),
        "glossary_weight": engine.glossary_weight(),
        "p10_by_ranking": {
            n: [round(r["p10_en"], 3), round(r["p10_ko"], 3)]
            for n, r in (results | variants).items()
        },
        "variants_top10_overlap": {n: round(r["overlap"], 3) for n, r in variants.items()},
        "ceilings": {n: round(variants[n]["overlap"], 3) for n in CEILINGS},
        "ko_top10_in_en_top30": diagnosis["ko_in_en_top"][30],
        "glossary_coverage": diagnosis["glossary"],
        "dense_cosine_at_1_10_50": diagnosis["band"],
        "queries": len(queries),
        "companies": len(docs),
        "passage_chars": documents.PASSAGE_CHARS,
    }


def args_queries_name() -> str:
    return QUERIES.name


def floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--companies", type=int, default=0, help="first N (0: all)")
    parser.add_argument(
        "--queries", type=Path, default=QUERIES, help=f"held out: bench/data/{HELD_OUT.name}"
    )
    parser.add_argument("--weights", type=floats, default=[1.0, 1.5, 3.0])
    parser.add_argument("--glossary-weights", type=floats, default=[0.0, 1.0])
    parser.add_argument("--rrf-k", type=lambda t: [int(x) for x in t.split(",")], default=[60])
    parser.add_argument("--passage-chars", type=int, default=documents.PASSAGE_CHARS)
    parser.add_argument("--cache", type=Path, default=ROOT / "var" / "bench-cache")
    args = parser.parse_args()
    try:
        run(args)
    finally:
        shutil.rmtree(DATA_DIR, ignore_errors=True)


def evaluate_all(queries, labels, rankings) -> dict:
    results = {}
    for name, rank in rankings:
        start = time.perf_counter()
        results[name] = evaluate(queries, labels, rank)
        log(f"{name}: {time.perf_counter() - start:.1f} s")
    return results


def run(args) -> None:
    data = args.data or Path(os.environ.get("OIMARKET_DATA_CANDIDATES") or DEFAULT_DATA)
    documents.PASSAGE_CHARS = args.passage_chars  # read by SearchDocument.passage
    global QUERIES
    QUERIES = args.queries
    queries = load_queries(data)
    docs, labels = load_companies(data, args.companies or -1)
    log(f"{len(queries)} queries, {len(docs)} companies from {data}; index in {DATA_DIR}")
    build_index(docs, args.cache / "crosslingual-e5.npz")
    results = evaluate_all(queries, labels, engines(args))
    variants = evaluate_all(queries, labels, dense_variants() + ceilings(queries))
    report(queries, docs, labels, results, variants, dense_diagnosis(queries))


if __name__ == "__main__":
    main()
