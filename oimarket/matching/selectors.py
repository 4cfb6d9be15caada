"""Reads for the search page and the search API: engine hits turned into what a person sees.

Every hit is looked up again through the public selectors (a record that stopped being
visible a moment ago never shows, even before the index catches up), in one query per kind.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from oimarket.accounts.models import Organization
from oimarket.programs.eligibility.outcome import EligibilityReport, Status
from oimarket.programs.eligibility.selectors import (
    failing_ids_for,
    reports_for_owners,
    startup_for,
)
from oimarket.programs.selectors import challenges_public, programs_public

from . import engine, spelling
from .analysis import highlight
from .documents import plain
from .enums import SearchKind

PER_PAGE = 20
MAX_RESULTS = 200  # deeper than this, a person refines the query instead
SNIPPET_CHARS = 180
KINDS = tuple(SearchKind.values)


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    kind: str = ""  # one of KINDS, or "" for all
    fields: tuple[str, ...] = ()
    region: str = ""
    open_only: bool = False
    eligible_only: bool = False  # programs and challenges the user's startup may apply to
    page: int = 1

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind,) if self.kind else ()

    def params(self) -> dict:
        """The query as the saved-search form and the API echo it."""
        return {
            "q": self.q,
            "kind": self.kind,
            "fields": list(self.fields),
            "region": self.region,
            "open": self.open_only,
        }


@dataclass
class Result:
    kind: str
    pk: int
    obj: Any  # Program, Challenge or Organization
    url: str
    title: str
    organization: str
    snippet: list[tuple[str, bool]]
    matched_terms: tuple[str, ...]
    reasons: list[str]
    score: float
    lexical_rank: int | None
    dense_rank: int | None
    eligibility: EligibilityReport | None = None


@dataclass
class SearchPage:
    query: SearchQuery
    results: list[Result] = field(default_factory=list)
    kind_counts: dict[str, int] = field(default_factory=dict)
    field_counts: dict[str, int] = field(default_factory=dict)
    has_next: bool = False
    startup: Organization | None = None
    did_you_mean: str = ""  # the query with its misspelt words fixed

    @property
    def all_total(self) -> int:
        """Keyword matches of every kind (the "All" tab)."""
        return sum(self.kind_counts.values())

    @property
    def total(self) -> int:
        """Keyword matches in the chosen tab."""
        if self.query.kind:
            return self.kind_counts.get(self.query.kind, 0)
        return self.all_total


def search_page(*, user, query: SearchQuery, per_page: int = PER_PAGE) -> SearchPage:
    """One page of results with the counts the tabs and facets show."""
    startup = startup_for(user)
    page = SearchPage(query=query, startup=startup)
    if not query.q.strip():
        return page
    eligible_only = query.eligible_only and startup is not None
    exclude = _excluded_for(startup) if eligible_only else ()
    open_only = query.open_only or eligible_only  # "can apply to" means open now, too
    common = {"fields": query.fields, "region": query.region or None, "open_only": open_only}
    upto = min(query.page * per_page, MAX_RESULTS)
    hits = engine.search(
        q=query.q, kinds=query.kinds, exclude_ids=exclude, limit=upto + 1, **common
    )
    page.has_next = len(hits) > upto and upto < MAX_RESULTS
    window = hits[(query.page - 1) * per_page : upto]
    page.results = results_for(window, startup=startup, q=query.q)
    page.kind_counts = engine.facet_counts(q=query.q, facet="kind", exclude_ids=exclude, **common)
    page.field_counts = engine.facet_counts(
        q=query.q, facet="fields", kinds=query.kinds, exclude_ids=exclude, **common
    )
    page.did_you_mean = spelling.did_you_mean(query.q)  # also beside results: 배터러 재활용
    return page


def suggestions(*, q: str, limit: int = 6) -> list[Result]:
    """Titles for the header box as the user types: keyword engine only (no embedding)."""
    if len(q.strip()) < 1:
        return []
    hits = engine.search(q=q, limit=limit, vectors=False, prefix=True)
    return results_for(hits, startup=None, q=q)


def _excluded_for(startup) -> set[str]:
    programs, challenges = failing_ids_for(startup)
    return {f"{SearchKind.PROGRAM}:{pk}" for pk in programs} | {
        f"{SearchKind.CHALLENGE}:{pk}" for pk in challenges
    }


def results_for(hits: list[engine.Hit], *, startup, q: str = "") -> list[Result]:
    """Hits with their records (one query per kind), in the hits' order; gone ones dropped."""
    wanted: dict[str, list[int]] = {}
    for hit in hits:
        wanted.setdefault(hit.kind, []).append(hit.pk)
    records: dict[tuple[str, int], Any] = {}
    if pks := wanted.get(SearchKind.PROGRAM):
        qs = programs_public().filter(pk__in=pks).select_related("organization")
        records |= {(SearchKind.PROGRAM, p.pk): p for p in qs.prefetch_related("fields")}
    if pks := wanted.get(SearchKind.CHALLENGE):
        qs = challenges_public().filter(pk__in=pks).select_related("organization")
        records |= {(SearchKind.CHALLENGE, c.pk): c for c in qs.prefetch_related("fields")}
    org_pks = wanted.get(SearchKind.STARTUP, []) + wanted.get(SearchKind.ORGANIZATION, [])
    if org_pks:
        qs = Organization.objects.filter(pk__in=org_pks, is_public=True)
        for org in qs.select_related("startup_profile", "region"):
            kind = SearchKind.STARTUP if org.is_startup else SearchKind.ORGANIZATION
            records[(kind, org.pk)] = org
    reports = _reports(records, startup) if startup else {}
    sources = engine.lexical_terms(q)[1] if q else {}
    out = []
    for hit in hits:
        obj = records.get((hit.kind, hit.pk))
        if obj is not None:
            out.append(_result(hit, obj, reports.get((hit.kind, hit.pk)), sources))
    return out


def query_words(matched: tuple[str, ...], sources: dict[str, tuple[str, ...]]) -> list[str]:
    """Matched terms as the user's own query terms: a glossary equivalent found in an English
    document (batteri) is named by the query word it translates (배터리)."""
    return list(dict.fromkeys(sources.get(t, (t,))[0] for t in matched))


def _reports(records: dict, startup) -> dict:
    owners = [(kind, obj) for (kind, _pk), obj in records.items()]
    programs = [obj for kind, obj in owners if kind == SearchKind.PROGRAM]
    challenges = [obj for kind, obj in owners if kind == SearchKind.CHALLENGE]
    reports = reports_for_owners(startup, programs=programs, challenges=challenges)
    return {(SearchKind.PROGRAM, pk): r for pk, r in reports["program"].items()} | {
        (SearchKind.CHALLENGE, pk): r for pk, r in reports["challenge"].items()
    }


def _text_of(kind: str, obj) -> tuple[str, str, str]:
    """(title, organization, text for the snippet) in the user's language."""
    if kind == SearchKind.PROGRAM:
        return obj.display_title, obj.organization.display_name, obj.display_summary
    if kind == SearchKind.CHALLENGE:
        return obj.display_title, obj.organization.display_name, obj.display_problem
    profile = getattr(obj, "startup_profile", None) if obj.is_startup else None
    one_liner = profile.one_liner if profile else ""
    description = obj.display_description
    if one_liner and one_liner in description:
        one_liner = ""  # many profiles open their description with the one-liner
    return obj.display_name, "", " ".join(t for t in (one_liner, description) if t)


def snippet(text: str, terms: tuple[str, ...], *, size: int = SNIPPET_CHARS) -> list:
    """A window of `text` around its first matched term, cut into (piece, matched) runs."""
    text = " ".join(plain(text).split())
    pieces = highlight(text, terms) if terms else [(text, False)]
    offset, start = 0, 0
    for piece, matched in pieces:
        if matched:
            start = max(0, offset - size // 3)
            break
        offset += len(piece)
    out, pos = [], 0
    for piece, matched in pieces:
        lo, hi = max(start - pos, 0), min(start + size - pos, len(piece))
        if lo < hi:
            out.append((piece[lo:hi], matched))
        pos += len(piece)
    if start > 0:
        out.insert(0, ("…", False))
    if start + size < len(text):
        out.append(("…", False))
    return out


def _result(hit: engine.Hit, obj, report: EligibilityReport | None, sources: dict) -> Result:
    title, organization, text = _text_of(hit.kind, obj)
    reasons = []
    if hit.matched_terms:
        words = query_words(hit.matched_terms, sources)[:5]
        reasons.append(_("Mentions %(terms)s") % {"terms": ", ".join(words)})
    if hit.dense_rank is not None and hit.lexical_rank is None:
        reasons.append(_("Close in meaning to your search"))
    if report is not None and report.status == Status.FAIL:
        reasons.append(_("Not eligible: %(rule)s") % {"rule": report.failed[0].condition})
    return Result(
        kind=hit.kind,
        pk=hit.pk,
        obj=obj,
        url=obj.get_absolute_url(),
        title=title,
        organization=organization,
        snippet=snippet(text, hit.matched_terms),
        matched_terms=hit.matched_terms,
        reasons=reasons,
        score=hit.score,
        lexical_rank=hit.lexical_rank,
        dense_rank=hit.dense_rank,
        eligibility=report,
    )
