from datetime import timedelta

import pytest
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.programs.enums import ChallengeStatus, ProgramStatus, Track
from oimarket.programs.selectors import (
    CatalogueQuery,
    challenges_visible_to,
    programs_catalogue,
    programs_visible_to,
)
from tests.factories import (
    ChallengeFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
    ProgramFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def titles(qs):
    return [p.title for p in qs]


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def phases(now):
    return {
        "upcoming": ProgramFactory(
            title="upcoming", opens_at=now + timedelta(days=3), closes_at=now + timedelta(days=30)
        ),
        "open": ProgramFactory(title="open", closes_at=now + timedelta(days=20)),
        "soon": ProgramFactory(title="soon", closes_at=now + timedelta(days=2)),
        "past": ProgramFactory(
            title="past", opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=1)
        ),
        "closed": ProgramFactory(title="closed", status=ProgramStatus.CLOSED),
        "draft": ProgramFactory(title="draft", status=ProgramStatus.DRAFT),
    }


def test_catalogue_default_shows_open_and_upcoming_closing_soonest_first(phases, now):
    assert titles(programs_catalogue(CatalogueQuery(), now=now)) == ["soon", "open", "upcoming"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("upcoming", ["upcoming"]),
        ("open", ["soon", "open"]),
        ("closing_soon", ["soon"]),
        ("closed", ["past", "closed"]),
        ("all", ["soon", "open", "closed", "upcoming", "past"]),
    ],
)
def test_catalogue_status_filter(phases, now, status, expected):
    result = titles(programs_catalogue(CatalogueQuery(status=status), now=now))
    assert sorted(result) == sorted(expected)
    assert "draft" not in result


def test_catalogue_sort_newest(now):
    ProgramFactory(title="old", published_at=now - timedelta(days=5))
    ProgramFactory(title="new", published_at=now - timedelta(days=1))
    assert titles(programs_catalogue(CatalogueQuery(sort="newest"), now=now)) == ["new", "old"]


def test_catalogue_field_filter_matches_any_chosen_field():
    ai = ProgramFactory(title="ai")
    ai.fields.set(["ai"])
    battery = ProgramFactory(title="battery")
    battery.fields.set(["battery", "energy"])
    ProgramFactory(title="none")
    query = CatalogueQuery(fields=["battery", "ai"])
    assert sorted(titles(programs_catalogue(query))) == ["ai", "battery"]


def test_catalogue_region_filter_includes_nationwide():
    busan = ProgramFactory(title="busan")
    busan.regions.set(["busan"])
    seoul = ProgramFactory(title="seoul")
    seoul.regions.set(["seoul", "gyeonggi"])
    ProgramFactory(title="nationwide")
    assert sorted(titles(programs_catalogue(CatalogueQuery(region="busan")))) == [
        "busan",
        "nationwide",
    ]


def test_catalogue_track_org_kind_deadline_and_keyword(now):
    center = OrganizationFactory(
        kind=OrganizationKind.INNOVATION_CENTER, name="부산창조경제혁신센터"
    )
    ProgramFactory(
        title="센터 밋업",
        organization=center,
        track=Track.GENERAL,
        closes_at=now + timedelta(days=5),
    )
    ProgramFactory(title="전략 과제", track=Track.TOP_DOWN, closes_at=now + timedelta(days=40))
    assert titles(programs_catalogue(CatalogueQuery(track=Track.TOP_DOWN))) == ["전략 과제"]
    assert titles(programs_catalogue(CatalogueQuery(org_kind="innovation_center"))) == ["센터 밋업"]
    assert titles(programs_catalogue(CatalogueQuery(deadline_days=7), now=now)) == ["센터 밋업"]
    assert titles(programs_catalogue(CatalogueQuery(q="부산창조경제혁신센터"))) == ["센터 밋업"]
    assert titles(programs_catalogue(CatalogueQuery(q="전략 과제"))) == ["전략 과제"]


def test_programs_visible_to_hides_drafts_from_outsiders_only():
    draft = ProgramFactory(status=ProgramStatus.DRAFT)
    member = MembershipFactory(organization=draft.organization, role=MembershipRole.MEMBER).user
    outsider = UserFactory()
    assert list(programs_visible_to(outsider)) == []
    assert list(programs_visible_to(member)) == [draft]
    assert list(programs_visible_to(OperatorFactory())) == [draft]


def test_challenges_visible_to_drafts_and_intake():
    program = ProgramFactory(accepts_challenges=True, track=Track.TOP_DOWN)
    draft = ChallengeFactory(program=program, status=ChallengeStatus.DRAFT, published_at=None)
    proposed = ChallengeFactory(program=program, status=ChallengeStatus.PROPOSED, published_at=None)
    published = ChallengeFactory()
    runner = MembershipFactory(organization=program.organization).user
    owner = MembershipFactory(organization=draft.organization).user
    outsider = UserFactory()

    assert list(challenges_visible_to(outsider)) == [published]
    assert sorted(c.pk for c in challenges_visible_to(runner)) == [proposed.pk, published.pk]
    assert sorted(c.pk for c in challenges_visible_to(owner)) == [draft.pk, published.pk]


def test_challenge_in_a_draft_program_stays_hidden():
    program = ProgramFactory(status=ProgramStatus.DRAFT)
    ChallengeFactory(program=program)
    assert list(challenges_visible_to(UserFactory())) == []
