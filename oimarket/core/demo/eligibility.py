"""Eligibility rules for the demo programs, and a history of past selections to test them on."""

from collections import defaultdict
from datetime import timedelta
from zoneinfo import ZoneInfo

from oimarket.accounts.enums import OrganizationKind
from oimarket.accounts.models import Organization
from oimarket.programs.enums import ProgramStatus, Track
from oimarket.programs.models import EligibilityRule, Program, ProgramSelection, RuleKind

KST = ZoneInfo("Asia/Seoul")

MANUAL_CONDITIONS = [
    ("수요기업과 사전 협의를 마친 기업", "Has already talked with the demand company"),
    ("지자체 추천서를 제출한 기업", "Recommended in writing by a local government"),
    ("국세·지방세 체납이 없는 기업", "No unpaid national or local taxes"),
]


def _related(model_through, owner_field: str, value_field: str) -> dict[int, list[str]]:
    rows = defaultdict(list)
    for owner, value in model_through.objects.values_list(owner_field, value_field):
        rows[owner].append(value)
    return rows


def create_rules(world, programs: list[Program]) -> int:
    """Common Korean conditions, varied per program; regional programs keep their regions."""
    rng = world.rng
    regions = _related(Program.regions.through, "program_id", "region_id")
    fields = _related(Program.fields.through, "program_id", "field_id")
    closed = [p for p in programs if p.status == ProgramStatus.CLOSED]
    rules = []
    for program in programs:
        specs = []
        if program.track != Track.GENERAL or rng.random() < 0.5:
            specs.append(
                (
                    RuleKind.FOUNDED_WITHIN,
                    {
                        "years": rng.choice([3, 7, 7, 7, 10]),
                        "pre_founders_allowed": rng.random() < 0.4,
                    },
                )
            )
        if rng.random() < 0.5:
            specs.append((RuleKind.TEAM_MIN, {"people": rng.choice([2, 2, 3, 5])}))
        if regions.get(program.pk):
            specs.append((RuleKind.REGIONS, {"regions": sorted(regions[program.pk])}))
        if rng.random() < 0.3:
            specs.append((RuleKind.BUSINESS_REGISTRATION, {}))
        if rng.random() < 0.6:
            specs.append((RuleKind.NOT_LISTED_SHAREHOLDER, {}))
        if rng.random() < 0.2:
            specs.append((RuleKind.INVESTMENT, {"min_krw": rng.choice([0, 100_000_000])}))
        if rng.random() < 0.2 and fields.get(program.pk):
            specs.append((RuleKind.FIELDS, {"fields": sorted(fields[program.pk])}))
        if closed and program not in closed and rng.random() < 0.15:
            earlier = rng.choice(closed)
            specs.append(
                (
                    RuleKind.NOT_SELECTED_BEFORE,
                    {"program_id": earlier.pk, "program_title": earlier.title, "years": 3},
                )
            )
        if rng.random() < 0.15:
            text, text_en = rng.choice(MANUAL_CONDITIONS)
            specs.append((RuleKind.MANUAL, {"text": text, "text_en": text_en}))
        rules += [
            EligibilityRule(program=program, kind=kind, params=params, position=i)
            for i, (kind, params) in enumerate(specs, start=1)
        ]
    EligibilityRule.objects.bulk_create(rules, batch_size=1000)
    world.log(f"  eligibility rules: {len(rules)}")
    return len(rules)


def create_selections(world, programs: list[Program]) -> int:
    """About one startup in twenty was selected by one of the closed programs."""
    closed = [p for p in programs if p.status == ProgramStatus.CLOSED]
    if not closed:
        return 0
    startups = Organization.objects.filter(kind=OrganizationKind.STARTUP).order_by("pk")
    rows = []
    for org_id in startups.values_list("pk", flat=True):
        if world.rng.random() < 0.05:
            program = world.rng.choice(closed)
            days_after = timedelta(days=world.rng.randrange(10, 40))
            selected_on = (program.closes_at + days_after).astimezone(KST).date()
            rows.append(
                ProgramSelection(program=program, startup_id=org_id, selected_on=selected_on)
            )
    ProgramSelection.objects.bulk_create(rows, batch_size=1000)
    world.log(f"  past selections: {len(rows)}")
    return len(rows)
