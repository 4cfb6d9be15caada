from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.db.models import Count

from oimarket.accounts.enums import OrganizationKind
from oimarket.accounts.models import Organization, StartupProfile, User
from oimarket.accounts.validators import business_number_checksum_ok
from oimarket.core.demo.logins import DEMO_LOGINS, DEMO_PASSWORD
from oimarket.core.demo.world_orgs import ORGANIZATIONS
from oimarket.core.demo.world_programs import STORY_CHALLENGES, STORY_PROGRAMS
from oimarket.programs.enums import ChallengeStatus, ProgramStatus, Track
from oimarket.programs.models import Challenge, Program

pytestmark = pytest.mark.django_db


def seed(**options) -> str:
    out = StringIO()
    call_command("seed_demo", startups=20, programs=8, stdout=out, **options)
    return out.getvalue()


def test_seed_demo_creates_exact_counts():
    seed()

    publishers = sum(1 for row in ORGANIZATIONS if row[3] != OrganizationKind.INVESTOR)
    generated = Program.objects.order_by("id")[len(STORY_PROGRAMS) :]
    top_down = [p for p in generated if p.track == Track.TOP_DOWN and p.status != "draft"]
    demand = Organization.objects.filter(
        kind__in=[OrganizationKind.DEMAND_COMPANY, OrganizationKind.PUBLIC_INSTITUTION]
    )
    assert Program.objects.count() == 8
    assert Organization.objects.filter(kind=OrganizationKind.STARTUP).count() == 20
    assert StartupProfile.objects.count() == 20
    assert Organization.objects.exclude(kind=OrganizationKind.STARTUP).count() == 32
    assert User.objects.count() == 1 + 12 + 2 * publishers + 2 + 20
    assert User.objects.filter(is_evaluator=True).count() == 12
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == User.objects.count()
    assert Challenge.objects.count() == len(STORY_CHALLENGES) + demand.count() + 3 * len(top_down)


def test_seed_demo_default_world_has_no_organization_posting_a_challenge_twice():
    call_command("seed_demo", stdout=StringIO())

    repeated = (
        Challenge.objects.values("organization__slug", "title")
        .annotate(times=Count("id"))
        .filter(times__gt=1)
    )
    assert Challenge.objects.count() == 60
    assert list(repeated) == []


def test_seed_demo_ministry_call_has_challenges_in_every_review_status():
    seed()

    ministry = Program.objects.order_by("id").first()  # the story programs come first
    statuses = set(ministry.challenges.values_list("status", flat=True))
    assert statuses == {
        ChallengeStatus.PROPOSED,
        ChallengeStatus.PRESELECTED,
        ChallengeStatus.NOT_SELECTED,
        ChallengeStatus.PUBLISHED,
    }
    assert (ministry.organization.slug, ministry.track) == ("nsia", Track.TOP_DOWN)
    assert Challenge.objects.filter(program=None, status=ChallengeStatus.PUBLISHED).exists()


@pytest.mark.parametrize("login", DEMO_LOGINS, ids=lambda login: login.role)
def test_seed_demo_login_works(client, login):
    seed()
    user = User.objects.get(email=login.email)

    response = client.post("/accounts/login/", {"login": login.email, "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_seed_demo_login_rejects_wrong_password(client):
    seed()

    response = client.post("/accounts/login/", {"login": DEMO_LOGINS[0].email, "password": "x"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_seed_demo_roles_and_organizations():
    seed()

    operator, startup, demand, center, evaluator = (
        User.objects.get(email=login.email) for login in DEMO_LOGINS
    )
    assert (operator.is_staff, operator.is_superuser) == (True, True)
    assert (evaluator.is_evaluator, evaluator.is_staff) == (True, False)
    assert startup.memberships.get().organization.startup_profile.description != ""
    hanbit = demand.memberships.get().organization
    assert set(hanbit.programs.values_list("status", flat=True)) == {"draft", "published"}
    assert set(hanbit.challenges.values_list("status", flat=True)) >= {"draft", "published"}
    center_program = center.memberships.get().organization.programs.get()
    assert center_program.accepts_challenges is True
    assert center_program.challenges.filter(status=ChallengeStatus.PROPOSED).count() == 4


def test_seed_demo_business_numbers_pass_the_checksum():
    seed()

    numbers = list(
        StartupProfile.objects.exclude(business_number="").values_list("business_number", flat=True)
    )
    founders = StartupProfile.objects.filter(is_pre_founder=False).count()
    assert len(numbers) == founders
    assert all(business_number_checksum_ok(n) for n in numbers)


def test_seed_demo_published_challenges_pass_the_gate():
    seed()

    published = Challenge.objects.filter(status=ChallengeStatus.PUBLISHED)
    assert published.count() > 0
    for challenge in published:
        assert challenge.poc_budget_krw > 0
        assert challenge.ip_terms != ""
        assert challenge.conversion_path != ""
        assert challenge.conversion_criteria != ""
        assert challenge.published_at is not None


def test_seed_demo_if_empty_does_not_duplicate():
    seed()

    out = seed(if_empty=True)

    assert Program.objects.count() == 8
    assert Organization.objects.filter(kind=OrganizationKind.STARTUP).count() == 20
    assert "nothing to do" in out


def test_seed_demo_is_deterministic():
    seed()
    first = list(Program.objects.order_by("id").values_list("title", "opens_at", "closes_at"))
    names = list(Organization.objects.order_by("id").values_list("name", flat=True))

    seed(reset=True)

    assert list(Program.objects.order_by("id").values_list("title", "opens_at", "closes_at")) == (
        first
    )
    assert list(Organization.objects.order_by("id").values_list("name", flat=True)) == names
    assert Program.objects.count() == 8


def test_seed_demo_reset_keeps_real_superusers():
    admin = User.objects.create_superuser("admin@example.com", "pw-Strong-2026!")
    seed()

    seed(reset=True)

    assert User.objects.filter(pk=admin.pk).exists()
    assert Program.objects.filter(status=ProgramStatus.DRAFT).count() >= 1


def test_seed_demo_refuses_to_load_twice_without_reset():
    seed()

    with pytest.raises(CommandError):
        seed()

    assert Program.objects.count() == 8


def test_seed_demo_rejects_fewer_programs_than_the_story():
    with pytest.raises(CommandError):
        call_command("seed_demo", startups=5, programs=3, stdout=StringIO())

    assert Program.objects.count() == 0


def test_demo_logins_prints_url_and_logins():
    out = StringIO()

    call_command("demo_logins", url="http://127.0.0.1:8000", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == "oimarket is running at http://127.0.0.1:8000"
    assert [login.email for login in DEMO_LOGINS if login.email in out.getvalue()] == [
        login.email for login in DEMO_LOGINS
    ]
    assert DEMO_PASSWORD in out.getvalue()
