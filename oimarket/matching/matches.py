"""Two-way matching: startups for a challenge, open calls for a startup, each with reasons.

Both directions run the product's search (BM25 + e5, fused) with the record's own text as
the query, then re-rank with what the records say about each other (fields, region,
eligibility, the organization's own shortlist) and explain each place in plain words.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from django.utils import timezone
from django.utils.translation import gettext as _

from oimarket.accounts.models import Organization, StartupProfile
from oimarket.programs.eligibility.check import check_compiled, compile_rules
from oimarket.programs.eligibility.facts import StartupFacts, facts_for, facts_for_profiles
from oimarket.programs.eligibility.outcome import EligibilityReport
from oimarket.programs.eligibility.selectors import reports_for_owners
from oimarket.programs.models import Challenge, Field
from oimarket.programs.selectors import challenges_public, programs_public

from . import dense, engine, lexical
from .analysis import analyze_spans, normalize, predicate_terms
from .documents import plain
from .enums import MatchDecisionKind, SearchKind
from .models import MatchDecision
from .storage import dense_enabled

QUERY_CHARS = 1500  # of the record's text, as the query (BM25 takes every term of it)
CANDIDATES = 100
FIELD_BONUS = 0.006  # per shared field; one engine's rank 1 is worth 1/61 ≈ 0.016
REGION_BONUS = 0.003
SHORTLIST_WEIGHT = 0.5  # weight of the "like your shortlist" ranking in the fusion
SHARED_TERMS_SHOWN = 5
GENERIC_SHARE = 0.05  # of all documents: a term this common explains nothing (스타트업, PoC)
GENERIC_MIN_DOCS = 20  # ... once the index is large enough for shares to mean anything
SIMILAR_MIN_COSINE = 0.88  # e5 cosines sit between ~0.75 and ~0.95 on this corpus
SIMILAR_MIN_JACCARD = 0.25  # without vectors: share of distinct terms


@dataclass
class Match:
    kind: str
    pk: int
    obj: Any
    score: float
    reasons: list[str] = field(default_factory=list)
    shared_terms: list[str] = field(default_factory=list)
    shared_fields: list[Field] = field(default_factory=list)
    eligibility: EligibilityReport | None = None
    decision: str = ""
    similar_to: str = ""

    @property
    def eligible_rank(self) -> int:
        """0 pass, 1 needs review, 2 fail: failing ones go last whatever their score."""
        return int(self.eligibility.status) if self.eligibility else 0


def _text(*parts: str) -> str:
    return " ".join(plain(p) for p in parts if p)[:QUERY_CHARS]


def challenge_query(challenge: Challenge) -> str:
    return _text(
        challenge.title,
        challenge.title_en,
        challenge.problem,
        challenge.problem_en,
        challenge.expected_solution,
    )


def startup_query(profile: StartupProfile) -> str:
    """The profile's words; fields are compared as fields (a bonus and a reason), not as words.
    The startup's own name is left out: 누리로보틱스 sharing 누리 with 누리금융그룹 is no fit."""
    org = profile.organization
    text = _text(
        profile.one_liner,
        profile.technologies,
        profile.description,
        org.description,
        org.description_en,
    )
    for name in sorted({org.name, org.name_en} - {""}, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def _surface_forms(text: str) -> dict[str, str]:
    """Index term → the word as the query's text wrote it (recycl → recycling); a glossary
    equivalent (batteri, found in an English profile) → the word it translates (배터리)."""
    normalized = normalize(text)
    forms: dict[str, str] = {}
    for term, start, end in analyze_spans(normalized, query=True):
        forms.setdefault(term, normalized[start:end])
    for added, sources in engine.lexical_terms(text)[1].items():
        forms.setdefault(added, forms.get(sources[0], sources[0]))
    return forms


def _shared_terms(
    hit: engine.Hit, freqs: dict[str, int], forms: dict[str, str], predicates: frozenset[str]
) -> list[str]:
    """The hit's matched terms as written, rarest first (a rare shared word says most).

    Left out, as they explain nothing: words in more than GENERIC_SHARE of all documents
    (스타트업, 수요기관, PoC in a market of calls), and the query's Korean verbs and adjectives
    (`analysis.predicate_terms`: 어려운 says nothing about a subject)."""
    generic = max(GENERIC_SHARE * freqs.get("", 0), GENERIC_MIN_DOCS)
    terms = [
        t
        for t in hit.matched_terms
        if len(t) > 1 and not t.isdigit() and freqs.get(t, 0) <= generic and t not in predicates
    ]
    ranked = sorted(terms, key=lambda t: (freqs.get(t, 0), t))
    shown = dict.fromkeys(forms.get(t, t) for t in ranked)
    return list(shown)[:SHARED_TERMS_SHOWN]


# --- startups for a challenge -------------------------------------------------------------


def challenge_matches(
    *, challenge: Challenge, limit: int = 20, include_hidden: bool = False
) -> list[Match]:
    """Startups for a challenge, best first, each with its reasons and the owner's decision."""
    decisions = dict(
        MatchDecision.objects.filter(challenge=challenge).values_list("startup_id", "decision")
    )
    hidden = [f"startup:{pk}" for pk, d in decisions.items() if d == MatchDecisionKind.HIDDEN]
    q = challenge_query(challenge)
    forms, predicates = _surface_forms(q), predicate_terms(q)
    hits = engine.search(
        q=q,
        kinds=[SearchKind.STARTUP],
        exclude_ids=() if include_hidden else hidden,
        limit=CANDIDATES,
    )
    if not hits:
        return []
    orgs = {
        o.pk: o
        for o in Organization.objects.filter(pk__in=[h.pk for h in hits], is_public=True)
        .select_related("region", "startup_profile")
        .prefetch_related("startup_profile__fields")
    }
    hits = [h for h in hits if h.pk in orgs]
    profiles = [o.startup_profile for o in orgs.values() if hasattr(o, "startup_profile")]
    facts = {f.organization_id: f for f in facts_for_profiles(profiles)}
    rules = list(challenge.eligibility_rules.all())
    compiled = compile_rules(rules, deadline=challenge.closes_at, as_of=timezone.now())
    reference = timezone.localdate(challenge.closes_at or timezone.now())
    challenge_fields = {f.code: f for f in challenge.fields.all()}
    region = challenge.organization.region
    freqs = lexical.doc_freqs(t for h in hits for t in h.matched_terms)
    shortlisted = [pk for pk, d in decisions.items() if d == MatchDecisionKind.SHORTLISTED]
    likeness = _likeness_to(shortlisted, [h.pk for h in hits], orgs)

    matches = []
    for hit in hits:
        org = orgs[hit.pk]
        fact = facts.get(org.pk) or StartupFacts(organization_id=org.pk)
        report = check_compiled(fact, compiled, reference) if rules else None
        shared_fields = [challenge_fields[c] for c in fact.fields if c in challenge_fields]
        same_region = region is not None and org.region_id == region.pk
        score = hit.score + FIELD_BONUS * len(shared_fields) + (REGION_BONUS if same_region else 0)
        similar_name, like_rank = likeness.get(org.pk, ("", None))
        if like_rank is not None:
            score += SHORTLIST_WEIGHT / (engine.RRF_K + like_rank)
        match = Match(
            kind=SearchKind.STARTUP,
            pk=org.pk,
            obj=org,
            score=score,
            shared_terms=_shared_terms(hit, freqs, forms, predicates),
            shared_fields=sorted(shared_fields, key=lambda f: f.code),
            eligibility=report,
            decision=decisions.get(org.pk, ""),
            similar_to=similar_name,
        )
        match.reasons = _startup_reasons(match, org, same_region=same_region, hit=hit)
        matches.append(match)
    matches.sort(key=lambda m: (m.eligible_rank == 2, -m.score, m.pk))
    return matches[:limit]


def _startup_reasons(match: Match, org: Organization, *, same_region: bool, hit) -> list[str]:
    reasons = []
    if match.shared_terms:
        reasons.append(_("Shared terms: %(terms)s") % {"terms": ", ".join(match.shared_terms)})
    elif hit.dense_rank is not None:
        reasons.append(_("Describes a close subject in other words"))
    if match.shared_fields:
        names = ", ".join(str(f) for f in match.shared_fields)
        reasons.append(_("Same field: %(fields)s") % {"fields": names})
    if same_region:
        reasons.append(_("Same region: %(region)s") % {"region": org.region})
    profile = getattr(org, "startup_profile", None)
    if profile is not None and profile.investment_stage not in ("", "none"):
        reasons.append(_("Stage: %(stage)s") % {"stage": profile.get_investment_stage_display()})
    reasons.extend(_eligibility_reasons(match.eligibility))
    if match.similar_to:
        reasons.append(_("Similar to %(name)s, which you shortlisted") % {"name": match.similar_to})
    return reasons


def _eligibility_reasons(report: EligibilityReport | None) -> list[str]:
    if report is None or not report.outcomes:
        return []
    if report.failed:
        return [_("Fails: %(rule)s") % {"rule": o.condition} for o in report.failed]
    if report.to_review:
        return [_("To check by hand: %(rule)s") % {"rule": o.condition} for o in report.to_review]
    return [_("Meets every condition of the challenge")]


def _likeness_to(shortlisted: list[int], candidates: list[int], orgs: dict) -> dict:
    """candidate pk → (name of the most similar shortlisted startup, rank among candidates),
    for candidates close enough to one of them. Cosine of the e5 vectors where both have
    one, else the share of distinct terms (Jaccard)."""
    others = [pk for pk in candidates if pk not in shortlisted]
    if not shortlisted or not others:
        return {}
    names = dict(Organization.objects.filter(pk__in=shortlisted).values_list("pk", "name"))
    best = {}
    vectors = _vectors([*shortlisted, *others]) if dense_enabled() else {}
    vocab = lexical.fetch(f"startup:{pk}" for pk in [*shortlisted, *others])
    for pk in others:
        scores = []
        for s in shortlisted:
            if pk in vectors and s in vectors:
                cos = float(vectors[pk] @ vectors[s])
                scores.append((cos >= SIMILAR_MIN_COSINE, cos, s))
            else:
                a = vocab.get(f"startup:{pk}")
                b = vocab.get(f"startup:{s}")
                if a and b and (a.vocab | b.vocab):
                    jac = len(a.vocab & b.vocab) / len(a.vocab | b.vocab)
                    scores.append((jac >= SIMILAR_MIN_JACCARD, jac, s))
        close = [item for item in scores if item[0]]
        if close:
            _, value, s = max(close)
            best[pk] = (value, names.get(s, ""))
    ranked = sorted(best.items(), key=lambda item: -item[1][0])
    return {pk: (name, rank) for rank, (pk, (_, name)) in enumerate(ranked, start=1)}


def _vectors(pks: list[int]) -> dict[int, np.ndarray]:
    store = dense.current()
    out = {}
    for pk in pks:
        row = store.row(f"startup:{pk}")
        if row is not None:
            out[pk] = store.vectors[row]
    return out


# --- open calls for a startup -------------------------------------------------------------


def startup_matches(*, startup: Organization, limit: int = 20) -> list[Match]:
    """Open programs and challenges for a startup: eligible ones first, each with reasons."""
    profile = getattr(startup, "startup_profile", None)
    if profile is None:
        return []
    q = startup_query(profile)
    forms, predicates = _surface_forms(q), predicate_terms(q)
    hits = engine.search(
        q=q,
        kinds=[SearchKind.PROGRAM, SearchKind.CHALLENGE],
        open_only=True,
        limit=CANDIDATES,
    )
    if not hits:
        return []
    programs = {
        p.pk: p
        for p in programs_public()
        .filter(pk__in=[h.pk for h in hits if h.kind == SearchKind.PROGRAM])
        .select_related("organization")
        .prefetch_related("fields", "regions")
    }
    challenges = {
        c.pk: c
        for c in challenges_public()
        .filter(pk__in=[h.pk for h in hits if h.kind == SearchKind.CHALLENGE])
        .select_related("organization__region")
        .prefetch_related("fields")
    }
    records = {SearchKind.PROGRAM: programs, SearchKind.CHALLENGE: challenges}
    reports = reports_for_owners(
        startup, programs=list(programs.values()), challenges=list(challenges.values())
    )
    fact = facts_for(startup) or StartupFacts(organization_id=startup.pk)
    freqs = lexical.doc_freqs(t for h in hits for t in h.matched_terms)
    now = timezone.now()
    matches = []
    for hit in hits:
        obj = records[hit.kind].get(hit.pk)
        if obj is None:
            continue
        fields = {f.code: f for f in obj.fields.all()}
        shared = [fields[c] for c in sorted(fact.fields) if c in fields]
        region_ok = _region_reason(hit.kind, obj, startup)
        score = hit.score + FIELD_BONUS * len(shared) + (REGION_BONUS if region_ok else 0)
        match = Match(
            kind=hit.kind,
            pk=obj.pk,
            obj=obj,
            score=score,
            shared_terms=_shared_terms(hit, freqs, forms, predicates),
            shared_fields=shared,
            eligibility=reports[hit.kind].get(obj.pk),
        )
        match.reasons = _call_reasons(match, hit=hit, region=region_ok, now=now)
        matches.append(match)
    matches.sort(key=lambda m: (m.eligible_rank, -m.score, m.kind, m.pk))
    return matches[:limit]


def _region_reason(kind: str, obj, startup: Organization) -> str:
    """'' when region says nothing; else a sentence about it."""
    if kind == SearchKind.PROGRAM:
        regions = list(obj.regions.all())
        if not regions:
            return _("Open to every region")
        if startup.region_id and any(r.pk == startup.region_id for r in regions):
            return _("Open to your region")
        return ""
    region = obj.organization.region
    if region is not None and startup.region_id == region.pk:
        return _("In your region: %(region)s") % {"region": region}
    return ""


def _call_reasons(match: Match, *, hit, region: str, now: datetime) -> list[str]:
    reasons = []
    if match.shared_terms:
        reasons.append(_("Shared terms: %(terms)s") % {"terms": ", ".join(match.shared_terms)})
    elif hit.dense_rank is not None:
        reasons.append(_("Describes a close subject in other words"))
    if match.shared_fields:
        names = ", ".join(str(f) for f in match.shared_fields)
        reasons.append(_("Your field: %(fields)s") % {"fields": names})
    if region:
        reasons.append(region)
    report = match.eligibility
    if report is not None and report.outcomes:
        if report.failed:
            reasons += [_("You fail: %(rule)s") % {"rule": o.condition} for o in report.failed]
        elif report.to_review:
            reasons.append(_("Some conditions are checked by hand"))
        else:
            reasons.append(_("You meet every condition"))
    return reasons


__all__ = ["Match", "challenge_matches", "startup_matches"]
