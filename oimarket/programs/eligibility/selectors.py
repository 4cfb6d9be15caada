"""Reads that join eligibility with the catalogue: what one startup may apply to."""

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from oimarket.accounts.enums import OrganizationKind
from oimarket.accounts.models import Organization

from ..enums import ProgramStatus
from ..models import Program
from .check import check_facts
from .facts import StartupFacts, facts_for
from .outcome import EligibilityReport, Status


def startup_for(user) -> Organization | None:
    """The startup a logged-in user acts for: the first one they belong to, owners first."""
    if not user.is_authenticated:
        return None
    return (
        Organization.objects.filter(kind=OrganizationKind.STARTUP, memberships__user=user)
        .order_by("memberships__role", "memberships__created_at")
        .first()
    )


def reports_for(
    programs, facts: StartupFacts, *, as_of: datetime | None = None
) -> dict[int, EligibilityReport]:
    """Each program's report for one startup; programs should prefetch eligibility_rules."""
    as_of = as_of or timezone.now()
    return {
        p.pk: check_facts(facts, p.eligibility_rules.all(), deadline=p.closes_at, as_of=as_of)
        for p in programs
    }


def programs_open_for(startup, *, as_of: datetime | None = None) -> list[tuple]:
    """Open programs with the startup's report: eligible first, then by deadline."""
    as_of = as_of or timezone.now()
    facts = facts_for(startup) or StartupFacts(organization_id=startup.pk)
    programs = list(
        Program.objects.filter(
            status=ProgramStatus.PUBLISHED, opens_at__lte=as_of, closes_at__gt=as_of
        )
        .select_related("organization")
        .prefetch_related("eligibility_rules", "fields", "regions")
    )
    reports = reports_for(programs, facts, as_of=as_of)
    pairs = [(p, reports[p.pk]) for p in programs]
    pairs.sort(key=lambda pair: (pair[1].status, pair[0].closes_at, pair[0].pk))
    return pairs


def exclude_ineligible(qs: QuerySet[Program], startup, *, as_of=None) -> QuerySet[Program]:
    """Drop the programs whose rules the startup fails (needs-review ones stay)."""
    facts = facts_for(startup) or StartupFacts(organization_id=startup.pk)
    candidates = Program.objects.filter(pk__in=qs.values("pk")).prefetch_related(
        "eligibility_rules"
    )
    reports = reports_for(candidates, facts, as_of=as_of)
    failing = [pk for pk, report in reports.items() if report.status == Status.FAIL]
    return qs.exclude(pk__in=failing)
