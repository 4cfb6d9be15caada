"""What eligibility reads about a startup, loaded once, in bulk when needed."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from oimarket.accounts.models import StartupProfile

from .models import ProgramSelection


@dataclass(frozen=True)
class StartupFacts:
    organization_id: int
    founded_on: date | None = None
    is_pre_founder: bool = False
    team_size: int | None = None
    region: str | None = None
    has_business_number: bool = False
    listed_shareholder: bool = False
    total_investment_krw: int | None = None
    stage: str = "none"
    fields: frozenset[str] = frozenset()
    # program id -> the latest date the startup was selected by it
    selections: dict[int, date] = field(default_factory=dict)


def _facts(profile: StartupProfile, fields: frozenset, selections: dict) -> StartupFacts:
    return StartupFacts(
        organization_id=profile.organization_id,
        founded_on=profile.founded_on,
        is_pre_founder=profile.is_pre_founder,
        team_size=profile.team_size,
        region=profile.organization.region_id,
        has_business_number=bool(profile.business_number),
        listed_shareholder=profile.listed_shareholder,
        total_investment_krw=profile.total_investment_krw,
        stage=profile.investment_stage,
        fields=fields,
        selections=selections,
    )


def facts_for_profiles(profiles, *, every_startup: bool = False) -> list[StartupFacts]:
    """Facts for many profiles in three queries, whatever their number."""
    profiles = list(profiles)
    org_ids = [p.organization_id for p in profiles]
    through = StartupProfile.fields.through.objects.all()
    selection_rows = ProgramSelection.objects.all()
    if not every_startup:
        through = through.filter(startupprofile__organization_id__in=org_ids)
        selection_rows = selection_rows.filter(startup_id__in=org_ids)
    through = through.values_list("startupprofile__organization_id", "field_id")
    fields = defaultdict(set)
    for org_id, code in through.iterator(chunk_size=5000):
        fields[org_id].add(code)
    selections = defaultdict(dict)
    rows = selection_rows.values_list("startup_id", "program_id", "selected_on")
    for org_id, program_id, selected_on in rows.iterator(chunk_size=5000):
        previous = selections[org_id].get(program_id)
        selections[org_id][program_id] = max(previous or selected_on, selected_on)
    return [
        _facts(p, frozenset(fields[p.organization_id]), selections[p.organization_id])
        for p in profiles
    ]


def facts_for(organization) -> StartupFacts | None:
    profile = (
        StartupProfile.objects.filter(organization=organization)
        .select_related("organization")
        .first()
    )
    if profile is None:
        return None
    return facts_for_profiles([profile])[0]


def all_facts() -> list[StartupFacts]:
    """Every startup with a profile (for the bulk check and the benchmark)."""
    profiles = StartupProfile.objects.select_related("organization").order_by("organization_id")
    return facts_for_profiles(profiles, every_startup=True)
