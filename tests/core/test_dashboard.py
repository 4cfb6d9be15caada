import pytest
from django.urls import reverse

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.programs.enums import ChallengeStatus, ProgramStatus, Track
from tests.factories import (
    ChallengeFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
    ProgramFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("core:dashboard")


def test_dashboard_sends_anonymous_visitors_to_login(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={DASHBOARD}"


def test_dashboard_sends_a_user_without_organization_to_onboarding(client):
    client.force_login(UserFactory())
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:onboarding")


def test_startup_dashboard_shows_completeness_and_programs_in_its_fields(client):
    startup = StartupFactory()
    startup.startup_profile.fields.set(["battery"])
    ProgramFactory(title="배터리 실증").fields.set(["battery"])
    ProgramFactory(title="AI 실증").fields.set(["ai"])
    ProgramFactory(title="초안", status=ProgramStatus.DRAFT).fields.set(["battery"])
    client.force_login(MembershipFactory(organization=startup).user)

    response = client.get(DASHBOARD)

    [section] = response.context["sections"]
    assert section["kind"] == "startup"
    assert [p.title for p in section["closing"]] == ["배터리 실증"]
    assert section["percent"] == 25  # one-liner and fields of 8 items
    assert "operator" not in response.context


def test_publisher_dashboard_lists_only_its_own_records_and_pending_intake(client):
    center = OrganizationFactory(kind=OrganizationKind.INNOVATION_CENTER)
    program = ProgramFactory(organization=center, track=Track.TOP_DOWN, accepts_challenges=True)
    ChallengeFactory(program=program, status=ChallengeStatus.PROPOSED, published_at=None)
    ProgramFactory(title="남의 프로그램")
    ChallengeFactory(title="남의 과제")
    user = MembershipFactory(organization=center, role=MembershipRole.MANAGER).user
    client.force_login(user)

    response = client.get(DASHBOARD)

    [section] = response.context["sections"]
    assert [p.pk for p in section["programs"]] == [program.pk]
    assert section["challenges"] == []
    assert [p.pk for p in section["intake"]] == [program.pk]


def test_operator_dashboard_counts(client):
    ProgramFactory()
    ProgramFactory(status=ProgramStatus.DRAFT)
    ChallengeFactory()
    client.force_login(OperatorFactory())

    response = client.get(DASHBOARD)

    counts = response.context["operator"]["counts"]
    assert counts["programs"] == {"published": 1, "draft": 1}
    assert counts["challenges"] == {"published": 1}


def test_home_is_public_and_counts_open_records(client):
    ProgramFactory()
    ProgramFactory(status=ProgramStatus.DRAFT)
    ChallengeFactory()
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    assert (response.context["open_count"], response.context["challenge_count"]) == (1, 1)


def test_publisher_dashboard_links_each_challenge_to_its_matching_startups(client):
    company = OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY)
    challenge = ChallengeFactory(organization=company)
    editor = MembershipFactory(organization=company, role=MembershipRole.MANAGER).user
    member = MembershipFactory(organization=company, role=MembershipRole.MEMBER).user
    link = f'href="/challenges/{challenge.pk}/matches/"'

    client.force_login(editor)
    shown_to_editor = link in client.get(DASHBOARD).content.decode()
    client.force_login(member)
    shown_to_member = link in client.get(DASHBOARD).content.decode()

    assert (shown_to_editor, shown_to_member) == (True, False)
