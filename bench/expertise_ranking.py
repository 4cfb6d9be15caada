"""Expertise ranking on the reviewer-paper gold standard (Stelmakh et al., TMLR 2023).

    .venv/bin/python bench/expertise_ranking.py [--data DIR] [--versions 10]
                                                [--bootstrap 2000] [--query-prefix]

58 researchers rated their expertise (1 to 5) for reviewing 477 papers they had read. Each
(expert, paper) pair is scored with `oimarket.matching.affinity` (the product's scorer: our
Kiwi/Snowball terms and multilingual-e5-small vectors) against the expert's profile, the 20
most recent papers in the dataset's `archives/~<id>.jsonl`, title + abstract on both sides.
The loss is the paper's weighted Kendall loss (`affinity.weighted_kendall_loss`, global
normalization), averaged over the ten dataset versions d_20_1..d_20_10, as Table 3.

Side by side in the same run, from the authors' released predictions (recomputed with the
same metric): TPMS (published 0.281), Specter (0.269), Specter+MFR (0.238), ACL, ELMo.
Ours: lexical only, dense only, the fused score (pairwise, absolute), and the fused score
standardized per paper across the pool of 58 experts (the "loss"). A paired bootstrap over
experts gives a 95 % interval of the difference to Specter and Specter+MFR.

IDF is computed per version over all its texts (papers to score and profile papers): no
labels are used. The parameters in affinity.py were chosen on d_20_1 (see its docstring).
e5 vectors are cached in var/bench-cache/expertise-e5.npz (key: SHA-1 of model, prefix and
text); the first run embeds about 1,300 abstracts (10 to 20 minutes on one shared core).
`--query-prefix` adds a dense variant with the paper embedded as "query: " (463 more texts).
The last line printed is one JSON object with the figures.
"""

import argparse
import csv
import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("LOG_LEVEL", "ERROR")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402

from oimarket.matching import affinity, analysis, dense  # noqa: E402

DATA = Path("/work/shared/data-candidates/reviewer-paper-goldstandard")
CACHE = ROOT / "var" / "bench-cache" / "expertise-e5.npz"
BASELINES = {  # released predictions -> published mean loss (Table 3, title + abstract)
    "tpms": 0.281,
    "specter": 0.269,
    "specter_mfr": 0.238,
    "acl": None,
    "elmo": None,
}
EMBED_BATCH = 16


def paper_text(record: dict) -> str:
    content = record["content"]
    return f"{content['title']}\n{content.get('abstract') or ''}".strip()


def load_references(data: Path) -> dict[str, dict[str, float]]:
    refs = {}
    with open(data / "evaluations.tsv", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            refs[row["ParticipantID"]] = {
                row[f"Paper{i}"]: float(row[f"Expertise{i}"])
                for i in range(1, 11)
                if row[f"Paper{i}"]
            }
    return refs


def load_version(path: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(paper id -> text of the papers to score, expert id -> texts of the profile)."""
    with open(path / "submissions.json") as f:
        papers = {pid: paper_text(record) for pid, record in json.load(f).items()}
    profiles = {}
    for archive in sorted((path / "archives").glob("~*.jsonl")):
        with open(archive) as f:
            profiles[archive.stem[1:]] = [
                paper_text(json.loads(line)) for line in f if line.strip()
            ]
    return papers, profiles


class VectorCache:
    """e5 vectors by SHA-1 of (model, prefix, text), in one .npz file rewritten as it grows."""

    def __init__(self, path: Path):
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        self.embedded = 0
        self.seconds = 0.0

    @staticmethod
    def key(prefix: str, text: str) -> str:
        return hashlib.sha1(f"{dense.MODEL}\n{prefix}\n{text}".encode()).hexdigest()

    def get(self, texts: list[str], prefix: str = "passage") -> np.ndarray:
        todo = list(dict.fromkeys(t for t in texts if self.key(prefix, t) not in self.vectors))
        start = time.perf_counter()
        for i in range(0, len(todo), EMBED_BATCH):
            batch = todo[i : i + EMBED_BATCH]
            if prefix == "passage":
                vectors = dense.embed_passages(batch)
            else:
                vectors = np.stack([dense.embed_query(t) for t in batch])
            self.vectors.update(
                (self.key(prefix, t), v) for t, v in zip(batch, vectors, strict=True)
            )
            self.save()
            done, elapsed = i + len(batch), time.perf_counter() - start
            print(f"  embedded {done}/{len(todo)} ({prefix}) in {elapsed:.0f} s", file=sys.stderr)
        self.embedded += len(todo)
        self.seconds += time.perf_counter() - start
        return np.stack([self.vectors[self.key(prefix, t)] for t in texts])

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.stem + ".tmp.npz")
        keys = list(self.vectors)
        np.savez(tmp, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))
        os.replace(tmp, self.path)


def by_pair(matrix: np.ndarray, experts: list[str], papers: list[str], refs) -> dict:
    row = {e: i for i, e in enumerate(experts)}
    col = {p: j for j, p in enumerate(papers)}
    return {e: {p: float(matrix[row[e], col[p]]) for p in rated} for e, rated in refs.items()}


def score_version(path: Path, refs, cache: VectorCache, terms: dict, query_prefix: bool) -> dict:
    """Predictions of every variant of ours for one dataset version."""
    papers, profiles = load_version(path)
    experts, paper_ids = sorted(refs), sorted(papers)
    texts = list(dict.fromkeys([*papers.values(), *(t for p in profiles.values() for t in p)]))
    vectors = dict(zip(texts, cache.get(texts), strict=True))
    features = {t: affinity.TextFeatures(Counter(terms[t]), vectors[t]) for t in texts}
    idf = affinity.Idf.from_counts(f.counts for f in features.values())
    start = time.perf_counter()
    pool = [affinity.profile_of([features[t] for t in profiles[e]], idf) for e in experts]
    targets = [features[papers[p]] for p in paper_ids]
    m = affinity.affinity_matrix(profiles=pool, targets=targets, idf=idf)
    seconds = time.perf_counter() - start
    variants = {
        "lexical": m.lexical,
        "dense": m.dense,
        "fused": m.score,
        "fused_pool": affinity.standardize_per_target(m.score),
    }
    if query_prefix:
        queries = cache.get([papers[p] for p in paper_ids], prefix="query")
        targets_q = [
            affinity.TextFeatures(t.counts, q) for t, q in zip(targets, queries, strict=True)
        ]
        variants["dense_query"] = affinity.affinity_matrix(
            profiles=pool, targets=targets_q, idf=idf
        ).dense
    preds = {name: by_pair(v, experts, paper_ids, refs) for name, v in variants.items()}
    return {"preds": preds, "pairs": len(experts) * len(paper_ids), "seconds": seconds}


def analyze_all(versions: list[Path]) -> tuple[dict[str, list[str]], float]:
    texts = set()
    for path in versions:
        papers, profiles = load_version(path)
        texts.update(papers.values())
        texts.update(t for p in profiles.values() for t in p)
    texts = sorted(texts)
    start = time.perf_counter()
    terms = dict(zip(texts, analysis.analyze_many(texts), strict=True))
    return terms, time.perf_counter() - start


def parts_array(preds: dict, refs) -> np.ndarray:
    parts = affinity.weighted_kendall_parts(predictions=preds, references=refs)
    return np.array([parts[e] for e in sorted(refs)])  # (experts, 2): loss, weight


def mean_loss(parts: np.ndarray, rows=None) -> float:
    """parts: (versions, experts, 2); the loss per version, averaged over the versions."""
    p = parts if rows is None else parts[:, rows]
    return float((p[..., 0].sum(axis=1) / p[..., 1].sum(axis=1)).mean())


def bootstrap(ours: np.ndarray, other: np.ndarray, rounds: int) -> list[float]:
    """95 % interval of loss(ours) - loss(other), resampling experts (paired)."""
    rng = np.random.default_rng(20230329)
    n = ours.shape[1]
    diffs = []
    for _ in range(rounds):
        rows = rng.integers(0, n, n)
        diffs.append(mean_loss(ours, rows) - mean_loss(other, rows))
    return [round(float(x), 4) for x in np.percentile(diffs, [2.5, 97.5])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--versions", type=int, default=10, help="d_20_1 .. d_20_N")
    parser.add_argument("--bootstrap", type=int, default=2000, help="rounds (0: none)")
    parser.add_argument("--query-prefix", action="store_true")
    args = parser.parse_args()
    names = [f"d_20_{k}" for k in range(1, args.versions + 1)]
    paths = [args.data / f"evaluation_dataset_{n}" for n in names]
    refs = load_references(args.data)
    print(
        f"• {len(refs)} experts, {sum(map(len, refs.values()))} rated pairs, versions "
        f"{names[0]}..{names[-1]}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    analysis.warm_up()
    terms, analyze_s = analyze_all(paths)
    print(f"• {len(terms)} distinct texts analyzed (Kiwi, analyze_many) in {analyze_s:.1f} s")
    cache = VectorCache(CACHE)
    runs = [score_version(p, refs, cache, terms, args.query_prefix) for p in paths]
    print(
        f"• e5 vectors: {cache.embedded} embedded in {cache.seconds:.0f} s, the rest from "
        f"{CACHE.relative_to(ROOT)}; scoring {runs[0]['pairs']} pairs per version: "
        f"{1000 * np.mean([r['seconds'] for r in runs]):.0f} ms"
    )
    parts = {
        v: np.stack([parts_array(r["preds"][v], refs) for r in runs]) for v in runs[0]["preds"]
    }
    for algo in BASELINES:
        released = []
        for n in names:
            with open(args.data / "predictions_rated_pairs" / f"{algo}_{n}_ta.json") as f:
                released.append(parts_array(json.load(f), refs))
        parts[algo] = np.stack(released)
    report(parts, names, args.bootstrap)


LABELS = {
    "tpms": "TPMS (TF-IDF), released predictions",
    "specter": "Specter, released predictions",
    "specter_mfr": "Specter+MFR, released predictions",
    "acl": "ACL (Wieting et al.), released",
    "elmo": "ELMo, released predictions",
    "lexical": "ours: lexical only (TF-IDF, mean)",
    "dense": "ours: dense only (e5, top-5 mean)",
    "dense_query": "ours: dense, paper as 'query: '",
    "fused": "ours: fused, pairwise",
    "fused_pool": "ours: fused, standardized per paper",
}


def report(parts: dict, names: list[str], rounds: int) -> None:
    print(f"\nweighted Kendall loss (lower is better; 0.5 = constant), mean over {len(names)}")
    print(f"  {'algorithm':<40} {'mean':>7} {names[0]:>8} {'published':>10}")
    losses = {}
    for key, label in LABELS.items():
        if key not in parts:
            continue
        losses[key] = mean_loss(parts[key])
        first = mean_loss(parts[key][:1])
        published = BASELINES.get(key)
        pub = f"{published:10.3f}" if published else " " * 10
        print(f"  {label:<40} {losses[key]:7.4f} {first:8.4f} {pub}")
    result = {
        "loss": round(losses["fused_pool"], 4),
        "tpms_loss_recomputed": round(losses["tpms"], 4),
        "specter_loss_recomputed": round(losses["specter"], 4),
        "specter_mfr_loss_recomputed": round(losses["specter_mfr"], 4),
        "loss_pairwise": round(losses["fused"], 4),
        "loss_lexical": round(losses["lexical"], 4),
        "loss_dense": round(losses["dense"], 4),
        "loss_d_20_1": round(mean_loss(parts["fused_pool"][:1]), 4),
        "versions": len(names),
    }
    if "dense_query" in losses:
        result["loss_dense_query_prefix"] = round(losses["dense_query"], 4)
    if rounds:
        print(f"paired bootstrap over experts ({rounds} rounds), 95 % interval of the difference")
        for ours in ("fused_pool", "fused"):
            for other in ("specter", "specter_mfr"):
                low, high = bootstrap(parts[ours], parts[other], rounds)
                print(f"  {ours:<12} - {other:<12} [{low:+.4f}, {high:+.4f}]")
                result[f"ci95_{ours}_minus_{other}"] = [low, high]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
