"""The lexical engine: a tantivy index of analyzed terms, searched with BM25.

The analyzed terms go into fields with tantivy's `whitespace` tokenizer, so tantivy never
re-tokenizes Korean. Web processes open the index read-only and reload it when `meta.json`
changes (tantivy replaces the file at each commit); only code holding
`storage.write_lock()` creates a writer, and drops it after its commit.
"""

import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import tantivy
from tantivy import FieldType, Occur, Query

from .analysis import analyze_many, normalize
from .documents import SearchDocument
from .filters import SearchFilters
from .storage import index_dir

SCHEMA_VERSION = 1  # bump when the schema changes: a new directory, filled by a rebuild
TITLE_BOOST = 2.0
BATCH = 64  # documents analyzed per Kiwi batch


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    sb.add_text_field("kind", stored=True, fast=True, tokenizer_name="raw")
    sb.add_unsigned_field("pk", stored=True)
    sb.add_text_field("title", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("title_terms", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("terms", tokenizer_name="whitespace", index_option="freq")
    sb.add_bytes_field("vocab", stored=True)  # the distinct terms, for matched-term lists
    sb.add_text_field("fields", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("region", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("org_kind", fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("state", tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("opens_ts", indexed=True, fast=True)
    sb.add_integer_field("closes_ts", indexed=True, fast=True)
    return sb.build()


SCHEMA = _schema()


@dataclass(frozen=True)
class StoredDoc:
    doc_id: str
    kind: str
    pk: int
    title: str
    vocab: frozenset[str]


def lexical_dir() -> Path:
    return index_dir() / f"lexical-v{SCHEMA_VERSION}"


class _Opened:
    def __init__(self, index: tantivy.Index, stamp: tuple):
        self.index = index
        self.stamp = stamp


_opened: dict[str, _Opened] = {}
_opened_lock = threading.Lock()


def _stamp(path: Path) -> tuple | None:
    try:
        st = (path / "meta.json").stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _index(*, create: bool = False) -> tantivy.Index | None:
    """This process's handle on the index, reloaded if another process committed since."""
    path = lexical_dir()
    stamp = _stamp(path)
    if stamp is None and not create:
        return None
    with _opened_lock:
        entry = _opened.get(str(path))
        if entry is None or stamp is None:
            path.mkdir(parents=True, exist_ok=True)
            index = tantivy.Index(SCHEMA, path=str(path), reuse=True)
            index.config_reader(reload_policy="Manual")
            entry = _opened[str(path)] = _Opened(index, _stamp(path))
        elif entry.stamp != stamp:
            entry.index.reload()
            entry.stamp = stamp
        return entry.index


def _analyzed(docs: list[SearchDocument]) -> list[tuple[list[str], list[str]]]:
    """(title terms, all terms) per document, analyzed in one Kiwi batch."""
    texts, spans = [], []
    for doc in docs:
        start = len(texts)
        texts += [doc.title, doc.title_en, *doc.parts]
        spans.append((start, len(texts)))
    terms = analyze_many(texts)
    out = []
    for start, end in spans:
        title = terms[start] + terms[start + 1]
        out.append((title, [t for part in terms[start:end] for t in part]))
    return out


def _tantivy_doc(doc: SearchDocument, title_terms: list[str], terms: list[str]):
    d = tantivy.Document()
    d.add_text("doc_id", doc.doc_id)
    d.add_text("kind", doc.kind)
    d.add_unsigned("pk", doc.pk)
    d.add_text("title", doc.title or doc.title_en)
    d.add_text("title_terms", " ".join(title_terms))
    d.add_text("terms", " ".join(terms))
    d.add_bytes("vocab", " ".join(dict.fromkeys(terms)).encode())
    for code in doc.fields:
        d.add_text("fields", code)
    for code in doc.regions:
        d.add_text("region", code)
    d.add_text("org_kind", doc.org_kind)
    d.add_text("state", doc.state)
    d.add_integer("opens_ts", doc.opens_ts)
    d.add_integer("closes_ts", doc.closes_ts)
    return d


def write(
    *,
    add: Iterable[SearchDocument] = (),
    delete: Iterable[str] = (),
    clear: bool = False,
    heap_size: int = 20_000_000,
    progress=None,
) -> int:
    """Delete, then add, in one commit (readers see all of it or none). Returns docs added.

    The caller holds `storage.write_lock()`. `add` replaces documents with the same doc_id.
    """
    index = _index(create=True)
    writer = index.writer(heap_size=heap_size, num_threads=1)
    try:
        if clear:
            writer.delete_all_documents()
        for doc_id in delete:
            writer.delete_documents_by_term("doc_id", doc_id)
        added = 0
        for batch in _batches(add, BATCH):
            for doc, (title_terms, terms) in zip(batch, _analyzed(batch), strict=True):
                if not clear:
                    writer.delete_documents_by_term("doc_id", doc.doc_id)
                writer.add_document(_tantivy_doc(doc, title_terms, terms))
            added += len(batch)
            if progress:
                progress(added)
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    finally:
        writer.wait_merging_threads()
    _index()  # reload this process's reader at once
    return added


def _batches(items: Iterable, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _filter_clauses(filters: SearchFilters) -> list:
    clauses = []
    if filters.kinds:
        clauses.append(Query.term_set_query(SCHEMA, "kind", list(filters.kinds)))
    if filters.fields:
        clauses.append(Query.term_set_query(SCHEMA, "fields", list(filters.fields)))
    if filters.regions:
        clauses.append(Query.term_set_query(SCHEMA, "region", list(filters.regions)))
    if filters.open_only:
        now = filters.now_ts
        clauses.append(Query.term_query(SCHEMA, "state", "active"))
        clauses.append(Query.range_query(SCHEMA, "opens_ts", FieldType.Integer, upper_bound=now))
        clauses.append(
            Query.range_query(
                SCHEMA, "closes_ts", FieldType.Integer, lower_bound=now, include_lower=False
            )
        )
    if filters.only_ids is not None:
        clauses.append(Query.term_set_query(SCHEMA, "doc_id", sorted(filters.only_ids)))
    # Filters select, they do not score.
    out = [(Occur.Must, Query.const_score_query(c, 0.0)) for c in clauses]
    if filters.exclude_ids:
        out.append(
            (Occur.MustNot, Query.term_set_query(SCHEMA, "doc_id", sorted(filters.exclude_ids)))
        )
    return out


def _text_query(terms: Iterable[str], boosts: Mapping[str, float] | None = None) -> Query:
    """Any of the terms, BM25; `boosts` gives some terms (the glossary's) their own weight."""
    clauses = []
    for term in terms:
        weight = boosts.get(term, 1.0) if boosts else 1.0
        title = Query.term_query(SCHEMA, "title_terms", term, index_option="freq")
        body = Query.term_query(SCHEMA, "terms", term, index_option="freq")
        clauses.append((Occur.Should, Query.boost_query(title, TITLE_BOOST * weight)))
        clauses.append((Occur.Should, body if weight == 1.0 else Query.boost_query(body, weight)))
    return Query.boolean_query(clauses)


def _prefix_query(word: str) -> Query | None:
    """Title terms starting with `word` as typed (배터 → 배터리), for suggestions."""
    word = normalize(word).lower().strip(".,;:!?\"'()[]")
    if not word:
        return None
    return Query.regex_query(SCHEMA, "title_terms", re.escape(word) + ".*")


def query_for(
    *,
    terms: Iterable[str],
    filters: SearchFilters,
    prefix: str | None = None,
    boosts: Mapping[str, float] | None = None,
) -> Query:
    """BM25 over the terms (any of them), restricted by the filters."""
    terms = list(terms)
    main = _text_query(terms, boosts) if terms else Query.all_query()
    started = _prefix_query(prefix) if prefix else None
    if started is not None:
        main = Query.boolean_query([(Occur.Should, main), (Occur.Should, started)])
    return Query.boolean_query([(Occur.Must, main), *_filter_clauses(filters)])


def search(
    *,
    terms: Iterable[str],
    filters: SearchFilters,
    limit: int,
    prefix: str | None = None,
    boosts: Mapping[str, float] | None = None,
) -> list[tuple[str, float]]:
    """(doc_id, BM25 score), best first; `prefix` adds titles starting with that word;
    `boosts` multiplies the score of some terms (by default each weighs 1)."""
    terms = list(terms)
    index = _index()
    if index is None or not (terms or prefix):
        return []
    searcher = index.searcher()
    query = query_for(terms=terms, filters=filters, prefix=prefix, boosts=boosts)
    result = searcher.search(query, limit, count=False)
    return [(searcher.doc(addr).get_first("doc_id"), score) for score, addr in result.hits]


def matching(*, terms: Iterable[str], filters: SearchFilters, limit: int = 10_000) -> list[str]:
    """Doc ids of every document with any of the terms (or, with no terms, every document)
    that the filters allow, unranked: for alerts, which test a few new records at a time."""
    index = _index()
    if index is None:
        return []
    searcher = index.searcher()
    result = searcher.search(query_for(terms=terms, filters=filters), limit, count=False)
    return [searcher.doc(addr).get_first("doc_id") for _, addr in result.hits]


def fetch(doc_ids: Iterable[str]) -> dict[str, StoredDoc]:
    """The stored part of these documents (those still in the index)."""
    doc_ids = list(doc_ids)
    index = _index()
    if index is None or not doc_ids:
        return {}
    searcher = index.searcher()
    query = Query.term_set_query(SCHEMA, "doc_id", doc_ids)
    out = {}
    for _, addr in searcher.search(query, len(doc_ids), count=False).hits:
        d = searcher.doc(addr)
        stored = StoredDoc(
            doc_id=d.get_first("doc_id"),
            kind=d.get_first("kind"),
            pk=d.get_first("pk"),
            title=d.get_first("title") or "",
            vocab=frozenset(bytes(d.get_first("vocab") or b"").decode().split()),
        )
        out[stored.doc_id] = stored
    return out


def count_by(*, terms: Iterable[str], filters: SearchFilters, facet: str) -> dict[str, int]:
    """Matching documents per value of a facet field (kind, fields, region, org_kind)."""
    index = _index()
    if index is None:
        return {}
    agg = {"f": {"terms": {"field": facet, "size": 100}}}
    result = index.searcher().aggregate(query_for(terms=terms, filters=filters), agg)
    return {b["key"]: b["doc_count"] for b in result["f"]["buckets"]}


def num_docs() -> int:
    index = _index()
    return index.searcher().num_docs if index is not None else 0


def doc_freqs(terms: Iterable[str]) -> dict[str, int]:
    """How many documents hold each term (rare shared terms say more about a match);
    the key "" holds the number of documents."""
    index = _index()
    if index is None:
        return {}
    searcher = index.searcher()
    freqs = {t: searcher.doc_freq("terms", t) for t in dict.fromkeys(terms)}
    freqs[""] = searcher.num_docs
    return freqs


def edit_distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance, giving up (cap + 1) once it must exceed `cap`."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > cap:
            return cap + 1
        previous = current
    return previous[-1]


def closest_term(word: str, *, cap: int, candidates: int = 3000) -> tuple[str, int] | None:
    """The indexed Hangul term nearest to `word` in letters (jamo: 주헹 → 주행 is one edit,
    스타드업 → 스타트업 one), at most `cap` edits, sharing its first syllable; the most frequent
    on a tie. Returns (term, edits) or None."""
    index = _index()
    if index is None or len(word) < 2:
        return None
    target = _jamo(word)
    best = None
    for known, count in index.searcher().terms_with_prefix("terms", word[0], limit=candidates):
        if known == word or len(known) < 2 or not _is_hangul(known):
            continue
        distance = edit_distance(target, _jamo(known), cap)
        if distance <= cap and (best is None or (distance, -count) < best[0]):
            best = ((distance, -count), known)
    return (best[1], best[0][0]) if best else None


def _jamo(word: str) -> str:
    """Hangul syllables as their letters (NFD: 행 → ᄒ ᅢ ᆼ), so an edit is one key press."""
    return unicodedata.normalize("NFD", word)


def _is_hangul(term: str) -> bool:
    return all("\uac00" <= ch <= "\ud7a3" for ch in term)
