"""Reads that join eligibility with the catalogue: what one startup may apply to.

These run on every page view of a logged-in startup, over hundreds of programs, so they read
rules as plain rows (no model instances) and load full programs only for the page shown.
"""

from collections import defaultdict
from datetime import datetime
from typing import NamedTuple

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from oimarket.accounts.enums import OrganizationKind
from oimarket.accounts.models import Organization

from ..enums import ChallengeStatus, ProgramStatus
from ..models import Challenge, EligibilityRule, Program
from .check import check_compiled, compile_rules
from .facts import StartupFacts, facts_for
from .outcome import EligibilityReport, Status


class RuleRow(NamedTuple):
    kind: str
    params: dict


def startup_for(user) -> Organization | None:
    """The startup a logged-in user acts for: the first one they belong to, owners first."""
    if not user.is_authenticated:
        return None
    return (
        Organization.objects.filter(kind=OrganizationKind.STARTUP, memberships__user=user)
        .order_by("memberships__role", "memberships__created_at")
        .first()
    )


def _facts(startup) -> StartupFacts:
    return facts_for(startup) or StartupFacts(organization_id=startup.pk)


def _rule_rows(programs: QuerySet[Program]) -> list[tuple[int, datetime, list[RuleRow]]]:
    """(program id, deadline, rules) for the given programs, in two light queries."""
    heads = list(programs.order_by().values_list("pk", "closes_at"))
    rules = defaultdict(list)
    rows = EligibilityRule.objects.filter(program_id__in=[pk for pk, _ in heads]).order_by(
        "position", "id"
    )
    for program_id, kind, params in rows.values_list("program_id", "kind", "params"):
        rules[program_id].append(RuleRow(kind, params))
    return [(pk, closes_at, rules[pk]) for pk, closes_at in heads]


def _reports(rows, facts: StartupFacts, as_of: datetime) -> dict[int, EligibilityReport]:
    reports = {}
    for pk, closes_at, rules in rows:
        compiled = compile_rules(rules, deadline=closes_at, as_of=as_of)
        reports[pk] = check_compiled(facts, compiled, timezone.localdate(closes_at))
    return reports


def reports_for(programs, facts: StartupFacts, *, as_of=None) -> dict[int, EligibilityReport]:
    """Each program's report for one startup (programs: model instances or a queryset)."""
    as_of = as_of or timezone.now()
    pks = [p.pk for p in programs]
    return _reports(_rule_rows(Program.objects.filter(pk__in=pks)), facts, as_of)


_published_cache: dict = {"version": None, "rows": []}


def _published_rows() -> list[tuple[int, datetime, datetime, list[RuleRow]]]:
    """Rule rows of every published program, kept per process until programs or rules change.

    The version costs two aggregate queries; the rows themselves are rebuilt only after a
    program or a rule was written (or deleted: the counts change).
    """
    version = (
        tuple(Program.objects.aggregate(m=Max("updated_at"), n=Count("pk")).values()),
        tuple(EligibilityRule.objects.aggregate(m=Max("updated_at"), n=Count("pk")).values()),
    )
    if _published_cache["version"] != version:
        published = Program.objects.filter(status=ProgramStatus.PUBLISHED)
        opens = dict(published.values_list("pk", "opens_at"))
        rows = [(pk, opens[pk], closes, rules) for pk, closes, rules in _rule_rows(published)]
        _published_cache.update(version=version, rows=rows)
    return _published_cache["rows"]


def open_programs_ranked(startup, *, as_of=None) -> list[tuple[int, EligibilityReport]]:
    """Every open program's id and report for the startup: eligible first, then by deadline."""
    as_of = as_of or timezone.now()
    rows = [
        (pk, closes, rules)
        for pk, opens, closes, rules in _published_rows()
        if opens <= as_of < closes
    ]
    reports = _reports(rows, _facts(startup), as_of)
    rows.sort(key=lambda row: (reports[row[0]].status, row[1], row[0]))
    return [(pk, reports[pk]) for pk, _closes_at, _rules in rows]


def programs_open_for(startup, *, as_of=None) -> list[tuple[Program, EligibilityReport]]:
    """Open programs with the startup's report, ranked (all of them: see the view for pages)."""
    ranked = open_programs_ranked(startup, as_of=as_of)
    return with_programs(ranked)


def with_programs(ranked: list[tuple[int, EligibilityReport]]) -> list[tuple]:
    """Replace ids by programs (with what a card shows), keeping the order."""
    programs = (
        Program.objects.filter(pk__in=[pk for pk, _ in ranked])
        .select_related("organization")
        .prefetch_related("fields", "regions")
    )
    by_pk = {p.pk: p for p in programs}
    return [(by_pk[pk], report) for pk, report in ranked if pk in by_pk]


def exclude_ineligible(qs: QuerySet[Program], startup, *, as_of=None) -> QuerySet[Program]:
    """Drop the programs whose rules the startup fails (needs-review ones stay)."""
    as_of = as_of or timezone.now()
    reports = _reports(_rule_rows(qs), _facts(startup), as_of)
    failing = [pk for pk, report in reports.items() if report.status == Status.FAIL]
    return qs.exclude(pk__in=failing)


def _challenge_rule_rows(challenges) -> list[tuple[int, datetime | None, list[RuleRow]]]:
    heads = list(challenges.order_by().values_list("pk", "closes_at"))
    rules = defaultdict(list)
    rows = EligibilityRule.objects.filter(challenge_id__in=[pk for pk, _ in heads]).order_by(
        "position", "id"
    )
    for challenge_id, kind, params in rows.values_list("challenge_id", "kind", "params"):
        rules[challenge_id].append(RuleRow(kind, params))
    return [(pk, closes_at, rules[pk]) for pk, closes_at in heads if rules[pk]]


def _challenge_reports(rows, facts: StartupFacts, as_of: datetime) -> dict[int, EligibilityReport]:
    reports = {}
    for pk, closes_at, rules in rows:
        compiled = compile_rules(rules, deadline=closes_at, as_of=as_of)
        reports[pk] = check_compiled(facts, compiled, timezone.localdate(closes_at or as_of))
    return reports


def failing_ids_for(startup, *, as_of=None) -> tuple[set[int], set[int]]:
    """(program ids, challenge ids) that are open and whose rules the startup fails.

    Search excludes these for "only ones I can apply to"; needs-review ones stay.
    """
    from ..selectors import challenges_public

    as_of = as_of or timezone.now()
    ranked = open_programs_ranked(startup, as_of=as_of)
    failing_programs = {pk for pk, report in ranked if report.status == Status.FAIL}
    open_challenges = challenges_public().filter(status=ChallengeStatus.PUBLISHED)
    reports = _challenge_reports(_challenge_rule_rows(open_challenges), _facts(startup), as_of)
    failing_challenges = {pk for pk, r in reports.items() if r.status == Status.FAIL}
    return failing_programs, failing_challenges


def reports_for_owners(startup, *, programs, challenges, as_of=None) -> dict[str, dict]:
    """Reports of one startup for some programs and challenges, in a few queries."""
    as_of = as_of or timezone.now()
    facts = _facts(startup)
    out: dict[str, dict] = {"program": {}, "challenge": {}}
    if programs:
        rows = _rule_rows(Program.objects.filter(pk__in=[p.pk for p in programs]))
        out["program"] = _reports(rows, facts, as_of)
    if challenges:
        qs = Challenge.objects.filter(pk__in=[c.pk for c in challenges])
        out["challenge"] = _challenge_reports(_challenge_rule_rows(qs), facts, as_of)
    return out
