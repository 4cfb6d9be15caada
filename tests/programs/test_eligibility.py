import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from oimarket.programs.eligibility.check import check_facts, eligibility_check
from oimarket.programs.eligibility.dates import period_end
from oimarket.programs.eligibility.facts import StartupFacts
from oimarket.programs.eligibility.models import EligibilityRule, ProgramSelection, RuleKind
from oimarket.programs.eligibility.outcome import Status
from oimarket.programs.eligibility.vector import build_matrix, check_all
from oimarket.programs.models import Field
from tests.factories import ProgramFactory, StartupFactory

KST = ZoneInfo("Asia/Seoul")
pytestmark = pytest.mark.django_db


def deadline_on(day: date, hour=17) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=KST)


def rule(kind, **params):
    return EligibilityRule(kind=kind, params=params)


def one(facts, r, deadline=date(2024, 5, 2)):
    report = check_facts(facts, [r], deadline=deadline_on(deadline), as_of=deadline_on(deadline))
    [outcome] = report.outcomes
    return outcome.status, outcome.detail


def test_period_end_follows_the_civil_act():
    assert period_end(date(2017, 5, 2), 7) == date(2024, 5, 1)
    assert period_end(date(2020, 2, 29), 7) == date(2027, 2, 28)
    assert period_end(date(2020, 2, 29), 4) == date(2024, 2, 28)
    assert period_end(date(2019, 3, 1), 1) == date(2020, 2, 29)


@pytest.mark.parametrize(
    ("founded", "deadline", "status"),
    [
        (date(2017, 5, 3), date(2024, 5, 2), Status.PASS),  # the period's last day
        (date(2017, 5, 2), date(2024, 5, 1), Status.PASS),
        (date(2017, 5, 2), date(2024, 5, 2), Status.FAIL),  # 7 years have passed
        (date(2020, 2, 29), date(2027, 2, 28), Status.PASS),  # leap founding day
        (date(2020, 2, 29), date(2027, 3, 1), Status.FAIL),
        (date(2024, 6, 1), date(2024, 5, 2), Status.PASS),  # founded after the reference
    ],
)
def test_founded_within_seven_years_boundaries(founded, deadline, status):
    facts = StartupFacts(organization_id=1, founded_on=founded)
    assert one(facts, rule(RuleKind.FOUNDED_WITHIN, years=7), deadline)[0] == status


def test_founded_detail_names_the_date_and_the_reference():
    facts = StartupFacts(organization_id=1, founded_on=date(2017, 5, 2))
    status, detail = one(facts, rule(RuleKind.FOUNDED_WITHIN, years=7), date(2024, 5, 2))
    assert (status, detail) == (
        Status.FAIL,
        "Founded 2017-05-02: 7 years or more before the deadline",
    )


def test_founded_detail_in_korean(settings):
    settings.LANGUAGE_CODE = "ko"
    facts = StartupFacts(organization_id=1, founded_on=date(2017, 5, 2))
    assert one(facts, rule(RuleKind.FOUNDED_WITHIN, years=7), date(2024, 5, 2))[1] == (
        "설립일 2017-05-02: 공고 마감일 기준 7년 이상 경과"
    )


def test_deadline_late_at_night_counts_in_korea_time():
    # 2024-05-01 23:30 KST is 14:30 UTC the same day: still the period's last day.
    facts = StartupFacts(organization_id=1, founded_on=date(2017, 5, 2))
    deadline = datetime(2024, 5, 1, 23, 30, tzinfo=KST)
    report = check_facts(
        facts, [rule(RuleKind.FOUNDED_WITHIN, years=7)], deadline=deadline, as_of=deadline
    )
    assert report.status == Status.PASS


def test_explicit_reference_date_overrides_the_deadline():
    facts = StartupFacts(organization_id=1, founded_on=date(2017, 5, 2))
    r = rule(RuleKind.FOUNDED_WITHIN, years=7, reference_date="2024-05-01")
    assert one(facts, r, date(2025, 1, 1)) == (
        Status.PASS,
        "Founded 2017-05-02: less than 7 years before 2024-05-01",
    )


@pytest.mark.parametrize(
    ("facts", "allowed", "status"),
    [
        (StartupFacts(organization_id=1, is_pre_founder=True), True, Status.PASS),
        (StartupFacts(organization_id=1, is_pre_founder=True), False, Status.FAIL),
        (StartupFacts(organization_id=1), True, Status.REVIEW),
    ],
)
def test_pre_founders(facts, allowed, status):
    r = rule(RuleKind.FOUNDED_WITHIN, years=7, pre_founders_allowed=allowed)
    assert one(facts, r)[0] == status


@pytest.mark.parametrize(
    ("team", "status"), [(1, Status.FAIL), (2, Status.PASS), (None, Status.REVIEW)]
)
def test_team_minimum(team, status):
    assert (
        one(StartupFacts(organization_id=1, team_size=team), rule(RuleKind.TEAM_MIN, people=2))[0]
        == status
    )


@pytest.mark.parametrize(
    ("amount", "minimum", "status"),
    [
        (0, 0, Status.FAIL),
        (1, 0, Status.PASS),
        (99_999_999, 100_000_000, Status.FAIL),
        (100_000_000, 100_000_000, Status.PASS),
        (None, 0, Status.REVIEW),
    ],
)
def test_investment(amount, minimum, status):
    facts = StartupFacts(organization_id=1, total_investment_krw=amount)
    assert one(facts, rule(RuleKind.INVESTMENT, min_krw=minimum))[0] == status


def test_region_stage_fields_registration_and_listed():
    facts = StartupFacts(
        organization_id=1,
        region="busan",
        stage="seed",
        fields=frozenset({"ai", "energy"}),
        has_business_number=True,
        listed_shareholder=True,
    )
    assert one(facts, rule(RuleKind.REGIONS, regions=["busan", "ulsan"])) == (
        Status.PASS,
        "Located in Busan",
    )
    assert one(facts, rule(RuleKind.REGIONS, regions=["seoul"]))[0] == Status.FAIL
    assert one(facts, rule(RuleKind.STAGE, stages=["seed", "pre_a"]))[0] == Status.PASS
    assert one(facts, rule(RuleKind.STAGE, stages=["series_a"]))[0] == Status.FAIL
    assert one(facts, rule(RuleKind.FIELDS, fields=["battery", "energy"])) == (
        Status.PASS,
        "Works in Energy",
    )
    assert one(facts, rule(RuleKind.FIELDS, fields=["battery"]))[0] == Status.FAIL
    assert one(facts, rule(RuleKind.BUSINESS_REGISTRATION))[0] == Status.PASS
    assert one(facts, rule(RuleKind.NOT_LISTED_SHAREHOLDER))[0] == Status.FAIL
    assert (
        one(
            StartupFacts(organization_id=2, is_pre_founder=True),
            rule(RuleKind.BUSINESS_REGISTRATION),
        )[0]
        == Status.FAIL
    )
    assert one(StartupFacts(organization_id=2), rule(RuleKind.BUSINESS_REGISTRATION))[0] == (
        Status.REVIEW
    )


@pytest.mark.parametrize(
    ("selected_on", "status"),
    [
        (date(2021, 5, 3), Status.FAIL),  # within 3 years of 2024-05-02
        (date(2021, 5, 2), Status.PASS),  # exactly 3 years before: the period has ended
        (date(2024, 6, 1), Status.PASS),  # after the reference date
        (None, Status.PASS),
    ],
)
def test_not_selected_before(selected_on, status):
    selections = {7: selected_on} if selected_on else {}
    facts = StartupFacts(organization_id=1, selections=selections)
    r = rule(RuleKind.NOT_SELECTED_BEFORE, program_id=7, years=3, program_title="X")
    assert one(facts, r)[0] == status


def test_manual_rule_always_needs_review():
    r = rule(RuleKind.MANUAL, text="지자체 추천서 제출")
    report = check_facts(
        StartupFacts(organization_id=1), [r], deadline=None, as_of=deadline_on(date(2024, 1, 1))
    )
    assert [(o.status, o.condition) for o in report.outcomes] == [
        (Status.REVIEW, "지자체 추천서 제출")
    ]


def test_eligibility_check_reads_the_profile_and_the_selection_history():
    program = ProgramFactory(
        closes_at=deadline_on(date(2030, 3, 31)), opens_at=deadline_on(date(2030, 3, 1))
    )
    earlier = ProgramFactory()
    startup = StartupFactory()
    profile = startup.startup_profile
    profile.founded_on = date(2023, 4, 1)
    profile.team_size = 3
    profile.save()
    ProgramSelection.objects.create(program=earlier, startup=startup, selected_on=date(2029, 1, 5))
    EligibilityRule.objects.create(
        program=program, kind=RuleKind.FOUNDED_WITHIN, params={"years": 7}, position=0
    )
    EligibilityRule.objects.create(
        program=program,
        kind=RuleKind.NOT_SELECTED_BEFORE,
        position=1,
        params={"program_id": earlier.pk, "years": 2, "program_title": earlier.title},
    )

    report = eligibility_check(program=program, startup=startup)

    assert [o.status for o in report.outcomes] == [Status.PASS, Status.FAIL]
    assert report.status == Status.FAIL
    assert report.failed[0].detail == "Selected by it on 2029-01-05"


def _random_facts(rng: random.Random, n: int, codes: list[str]) -> list[StartupFacts]:
    facts = []
    for i in range(n):
        founded = None if rng.random() < 0.1 else date(2015, 1, 1) + timedelta(rng.randrange(4000))
        facts.append(
            StartupFacts(
                organization_id=i + 1,
                founded_on=founded,
                is_pre_founder=founded is None and rng.random() < 0.5,
                team_size=None if rng.random() < 0.1 else rng.randrange(1, 30),
                region=rng.choice([None, "seoul", "busan", "jeju"]),
                has_business_number=rng.random() < 0.8,
                listed_shareholder=rng.random() < 0.1,
                total_investment_krw=rng.choice([None, 0, 50_000_000, 300_000_000]),
                stage=rng.choice(["none", "seed", "series_a"]),
                fields=frozenset(rng.sample(codes, rng.randrange(0, 3))),
                selections={99: date(2020, 1, 1) + timedelta(rng.randrange(2000))}
                if rng.random() < 0.2
                else {},
            )
        )
    return facts


def test_vector_check_equals_the_per_startup_check():
    codes = list(Field.objects.values_list("code", flat=True))
    rng = random.Random(5)
    facts = _random_facts(rng, 600, codes)
    rules = [
        rule(RuleKind.FOUNDED_WITHIN, years=7, pre_founders_allowed=True),
        rule(RuleKind.FOUNDED_WITHIN, years=3),
        rule(RuleKind.TEAM_MIN, people=2),
        rule(RuleKind.REGIONS, regions=["busan", "jeju"]),
        rule(RuleKind.BUSINESS_REGISTRATION),
        rule(RuleKind.NOT_LISTED_SHAREHOLDER),
        rule(RuleKind.INVESTMENT, min_krw=0),
        rule(RuleKind.INVESTMENT, min_krw=100_000_000),
        rule(RuleKind.STAGE, stages=["seed"]),
        rule(RuleKind.FIELDS, fields=codes[:5]),
        rule(RuleKind.NOT_SELECTED_BEFORE, program_id=99, years=3, program_title="X"),
        rule(RuleKind.MANUAL, text="t"),
    ]
    matrix = build_matrix(facts, codes)
    deadline = deadline_on(date(2024, 2, 29))
    for r in rules:
        vector = check_all(matrix, [r], deadline=deadline)
        scalar = [check_facts(f, [r], deadline=deadline, as_of=deadline).status for f in facts]
        assert vector.tolist() == [s.value for s in scalar], r.kind
