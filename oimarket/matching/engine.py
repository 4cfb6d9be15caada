"""Hybrid search: BM25 (tantivy) and cosine (e5) results fused by reciprocal rank.

Reads: `search()`, `facet_counts()`. Writes (task worker, `search_rebuild`): `index_document()`,
`embed_document()`, `remove_document()`, `rebuild()`. Writers take `storage.write_lock()`.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from django.conf import settings

from . import analysis, dense, glossary, lexical
from .analysis import predicate_terms, query_terms
from .documents import (
    SearchDocument,
    build_document,
    count_documents,
    dependent_keys,
    doc_id,
    iter_documents,
)
from .enums import SearchKind
from .filters import SearchFilters
from .storage import dense_enabled, write_lock

logger = logging.getLogger(__name__)

RRF_K = 60
MIN_CANDIDATES = 50  # per engine, before fusion
# Pseudo-relevance feedback (bench/crosslingual.py): the mean vector of the 5 best fused results
# pulls the query vector with twice its weight, and the dense ranking is computed again.
FEEDBACK_DOCS = 5
FEEDBACK_WEIGHT = 2.0
EMBED_BATCH = 32
SAVE_EVERY = 256  # vectors embedded between two saves of the dense file during a rebuild

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class Hit:
    """One result. `matched_terms` are index terms of the query found in the document, the
    glossary's equivalents included (batteri for 배터리): pass them to
    `analysis.highlight(text, terms)` to mark them in any of its texts."""

    kind: str
    pk: int
    title: str
    score: float
    lexical_rank: int | None = None
    lexical_score: float | None = None
    dense_rank: int | None = None
    dense_score: float | None = None
    matched_terms: tuple[str, ...] = ()

    @property
    def doc_id(self) -> str:
        return doc_id(self.kind, self.pk)


def rrf(
    rankings: list[list[tuple[str, float]]], *, k: int = RRF_K, weights: list[float] | None = None
) -> dict[str, float]:
    """Reciprocal rank fusion: each ranking adds weight / (k + rank) to a key's score."""
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, (key, _) in enumerate(ranking, start=1):
            fused[key] = fused.get(key, 0.0) + weight / (k + rank)
    return fused


def _fuse(lex: list, vec: list) -> list[tuple[str, float]]:
    fused = rrf(
        [lex, vec],
        k=getattr(settings, "SEARCH_RRF_K", RRF_K),
        weights=[1.0, getattr(settings, "SEARCH_DENSE_WEIGHT", 1.0)],
    )
    return sorted(fused.items(), key=lambda item: -item[1])


def feedback_settings() -> tuple[int, float]:
    """(documents, weight) of the dense engine's second pass: `SEARCH_FEEDBACK_DOCS` best
    fused results pull the query vector with `SEARCH_FEEDBACK_WEIGHT` (0 documents: one pass).
    """
    docs = int(getattr(settings, "SEARCH_FEEDBACK_DOCS", FEEDBACK_DOCS))
    return docs, float(getattr(settings, "SEARCH_FEEDBACK_WEIGHT", FEEDBACK_WEIGHT))


def glossary_weight() -> float:
    """BM25 weight of the glossary's added terms (`SEARCH_GLOSSARY_WEIGHT`; 0: no glossary)."""
    return float(getattr(settings, "SEARCH_GLOSSARY_WEIGHT", glossary.WEIGHT))


def lexical_terms(q: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The query's index terms, and their equivalents in the other language from the glossary
    (배터리 → batteri, battery → 배터리), each with the query terms it translates."""
    terms = query_terms(q or "")
    if glossary_weight() <= 0:
        return terms, {}
    return terms, glossary.equivalents(terms, predicates=predicate_terms(q or ""))


def glossary_boosts(added: dict[str, tuple[str, ...]]) -> dict[str, float]:
    """BM25 weight of each added term: `glossary_weight()` shared among the terms one query
    word brought (`SEARCH_GLOSSARY_SPLIT`, default on): 수인 → prisoner stays one word's worth
    however many equivalents it has, so a rare wrong sense cannot outweigh the query."""
    weight = glossary_weight()
    if not getattr(settings, "SEARCH_GLOSSARY_SPLIT", True):
        return dict.fromkeys(added, weight)
    brought: dict[str, int] = {}
    for sources in added.values():
        for source in sources:
            brought[source] = brought.get(source, 0) + 1
    return {t: weight / min(brought[s] for s in sources) for t, sources in added.items()}


def _matched(terms, added: dict[str, tuple[str, ...]], vocab: frozenset[str]) -> tuple[str, ...]:
    """The query's terms in the document, then the added equivalents whose query terms it
    lacks: batteri in an English document, but only 배터리 in a bilingual one."""
    own = [t for t in terms if t in vocab]
    return (*own, *(t for t, src in added.items() if t in vocab and vocab.isdisjoint(src)))


def search(
    *,
    q: str,
    kinds: Iterable[str] | None = None,
    fields: Iterable[str] | None = None,
    region: str | None = None,
    open_only: bool = False,
    only_ids: Iterable[str] | None = None,
    exclude_ids: Iterable[str] | None = None,
    limit: int = 20,
    vectors: bool = True,
    prefix: bool = False,
) -> list[Hit]:
    """Documents about `q`, best first, among those the filters allow.

    Dense results join only when vectors exist (a document without one is still found
    lexically); every hit is checked against the lexical index, which holds only visible
    documents. `vectors=False` skips the query embedding (suggestions as one types);
    `prefix=True` also matches titles with a term starting with the query's last word.
    """
    filters = SearchFilters.build(
        kinds=kinds,
        fields=fields,
        region=region,
        open_only=open_only,
        only_ids=only_ids,
        exclude_ids=exclude_ids,
    )
    terms, added = lexical_terms(q)
    n = max(limit * 3, MIN_CANDIDATES)
    last_word = (q or "").split()[-1:] if prefix else []
    lex = lexical.search(
        terms=(*terms, *added),
        filters=filters,
        limit=n,
        prefix=last_word[0] if last_word else None,
        boosts=glossary_boosts(added),
    )
    use_dense = vectors and dense_enabled()
    vec = dense.search(q=q or "", filters=filters, limit=n) if use_dense else []
    ranked = _fuse(lex, vec)
    docs, weight = feedback_settings()
    if vec and docs > 0:
        # Second pass: the query's vector pulled towards its best fused results.
        best = [key for key, _ in ranked[:docs]]
        vec = dense.search(
            q=q or "", filters=filters, limit=n, feedback=best, feedback_weight=weight
        )
        ranked = _fuse(lex, vec)
    stored = lexical.fetch(key for key, _ in ranked[: limit * 2])
    lex_at = {key: (rank, score) for rank, (key, score) in enumerate(lex, start=1)}
    vec_at = {key: (rank, score) for rank, (key, score) in enumerate(vec, start=1)}
    hits = []
    for key, score in ranked:
        doc = stored.get(key)
        if doc is None:
            continue  # a vector whose document left the index moments ago
        lr, ls = lex_at.get(key, (None, None))
        dr, ds = vec_at.get(key, (None, None))
        matched = _matched(terms, added, doc.vocab)
        hits.append(Hit(doc.kind, doc.pk, doc.title, score, lr, ls, dr, ds, matched))
        if len(hits) == limit:
            break
    return hits


def facet_counts(
    *,
    q: str,
    facet: str,
    kinds: Iterable[str] | None = None,
    fields: Iterable[str] | None = None,
    region: str | None = None,
    open_only: bool = False,
    exclude_ids: Iterable[str] | None = None,
) -> dict[str, int]:
    """Lexical matches per value of `facet` ("kind", "fields", "region", "org_kind")."""
    filters = SearchFilters.build(
        kinds=kinds, fields=fields, region=region, open_only=open_only, exclude_ids=exclude_ids
    )
    terms, added = lexical_terms(q)
    return lexical.count_by(terms=(*terms, *added), filters=filters, facet=facet)


def matching_ids(
    *,
    q: str,
    only_ids: Iterable[str],
    kinds: Iterable[str] | None = None,
    fields: Iterable[str] | None = None,
    region: str | None = None,
    open_only: bool = False,
) -> set[str]:
    """Which of `only_ids` match the query and filters (a blank query: the filters alone).

    Lexical only, on purpose: the dense engine ranks everything against everything, so it
    cannot say "this matches". Alerts use this on the records that appeared since their last run.
    """
    filters = SearchFilters.build(
        kinds=kinds, fields=fields, region=region, open_only=open_only, only_ids=only_ids
    )
    terms, added = lexical_terms(q)
    return set(lexical.matching(terms=(*terms, *added), filters=filters))


def _keys(kind: str, pk: int) -> list[str]:
    """Every doc_id a record may be indexed under (an organization may become a startup)."""
    if kind in (SearchKind.STARTUP, SearchKind.ORGANIZATION):
        return [doc_id(SearchKind.STARTUP, pk), doc_id(SearchKind.ORGANIZATION, pk)]
    return [doc_id(kind, pk)]


def index_document(*, kind: str, pk: int) -> list[SearchDocument]:
    """Re-index one record (and the records showing its data) from the database.

    Lexical changes are visible on return; returns the documents that need a new vector
    (enqueue `embed_document_task` for them).
    """
    keys = [(kind, pk), *dependent_keys(kind=kind, pk=pk)]
    docs = [build_document(kind=k, pk=p) for k, p in keys]
    stale = [key for k, p in keys for key in _keys(k, p)]
    shown = [d for d in docs if d is not None and d.visible]
    with write_lock():
        lexical.write(add=shown, delete=stale)
        if dense_enabled():
            hidden = set(stale) - {d.doc_id for d in shown}
            store = dense.apply(refresh=shown, delete=sorted(hidden))
            return [d for d in shown if dense.needs_vector(store, d)]
    return []


def remove_document(*, kind: str, pk: int) -> None:
    """Take a record out of both engines (a deleted record; a hidden one re-indexes)."""
    keys = _keys(kind, pk)
    with write_lock():
        lexical.write(delete=keys)
        if dense.dense_path().exists():
            dense.apply(delete=keys)


def embed_document(*, kind: str, pk: int) -> bool:
    """Give one document a vector if its passage changed. Returns True if it embedded."""
    doc = build_document(kind=kind, pk=pk)
    if doc is None or not doc.visible or not dense_enabled():
        return False
    if not dense.needs_vector(dense.current(), doc):
        return False
    vector = dense.embed_passages([doc.passage])  # ~0.2 s, outside the lock
    with write_lock():
        if not lexical.fetch([doc.doc_id]):
            return False  # removed meanwhile
        dense.apply(upsert=[doc], vectors=vector)
    return True


def rebuild(*, progress: Progress | None = None, vectors: bool = True) -> dict[str, int]:
    """Rebuild the lexical index from the database, then embed what has no current vector.

    Readers keep the old index until the single commit. Vectors whose passage did not
    change are kept, so a second rebuild embeds nothing.
    """
    report = progress or (lambda stage, done, total: None)
    total = count_documents()
    docs: list[SearchDocument] = []

    def collect():
        for doc in iter_documents():
            docs.append(doc)
            yield doc

    with write_lock():
        report("lexical", 0, total)
        lexical.write(
            add=collect(),
            clear=True,
            heap_size=100_000_000,
            progress=lambda done: report("lexical", done, total),
        )
        store = None
        if dense_enabled():
            store = dense.apply(refresh=docs, keep_only={d.doc_id for d in docs})
    embedded = _embed_missing(docs, store, report) if store is not None and vectors else 0
    return {"documents": len(docs), "embedded": embedded}


def embed_missing(*, limit: int | None = None) -> tuple[int, int]:
    """Embed up to `limit` visible documents that have no current vector.

    Returns (embedded, still missing). The worker's task runs it in small steps so that
    other tasks (e-mails) are not held up behind a long first embedding.
    """
    if not dense_enabled():
        return 0, 0
    store = dense.current()
    todo = [d for d in iter_documents() if dense.needs_vector(store, d)]
    chunk = todo if limit is None else todo[:limit]
    embedded = _embed_missing(chunk, store, lambda stage, done, total: None) if chunk else 0
    return embedded, len(todo) - len(chunk)


def _embed_missing(docs: list[SearchDocument], store: dense.Store, report: Progress) -> int:
    """Embed in batches outside the lock; save every SAVE_EVERY documents under it."""
    todo = [d for d in docs if dense.needs_vector(store, d)]
    report("vectors", 0, len(todo))
    for start in range(0, len(todo), SAVE_EVERY):
        chunk = todo[start : start + SAVE_EVERY]
        vectors = [
            dense.embed_passages([d.passage for d in chunk[i : i + EMBED_BATCH]])
            for i in range(0, len(chunk), EMBED_BATCH)
        ]
        with write_lock():
            present = lexical.fetch(d.doc_id for d in chunk)
            keep = [i for i, d in enumerate(chunk) if d.doc_id in present]
            matrix = np.concatenate(vectors)[keep]
            dense.apply(upsert=[chunk[i] for i in keep], vectors=matrix)
        report("vectors", start + len(chunk), len(todo))
    return len(todo)


def warm_up() -> None:
    """Load Kiwi, the glossary and the e5 model now (seconds), not in the first search.

    Called by each web process at start (config/gunicorn.py) before `gc.freeze()`.
    """
    analysis.warm_up()
    glossary.warm_up()
    if dense_enabled():
        dense.get_model()
