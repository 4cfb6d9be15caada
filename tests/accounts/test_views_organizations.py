import pytest
from django.urls import reverse

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.accounts.models import Organization, Region
from oimarket.programs.enums import ChallengeStatus, ProgramStatus
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


def login_url(next_path: str) -> str:
    return f"{reverse('account_login')}?next={next_path}"


# Onboarding


def test_onboarding_shows_the_form(client):
    client.force_login(UserFactory())

    response = client.get(reverse("accounts:onboarding"))

    assert response.status_code == 200
    assert list(response.context["invitations"]) == []


def test_onboarding_anonymous_is_sent_to_login(client):
    url = reverse("accounts:onboarding")

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == login_url(url)


def test_onboarding_creates_a_startup_and_goes_to_its_profile(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("accounts:onboarding"),
        {"kind": "startup", "name": "배터리랩", "name_en": "Battery Lab", "region": "seoul"},
    )

    org = Organization.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("accounts:profile-edit", kwargs={"slug": "battery-lab"})
    assert (org.slug, org.kind, org.region_id) == ("battery-lab", "startup", "seoul")
    assert org.memberships.get().user == user


def test_onboarding_creates_a_demand_company_and_goes_to_the_dashboard(client):
    client.force_login(UserFactory())

    response = client.post(
        reverse("accounts:onboarding"), {"kind": "demand_company", "name": "한빛 전자"}
    )

    assert response.status_code == 302
    assert response.url == reverse("core:dashboard")
    assert Organization.objects.get().slug == "hanbit-jeonja"


def test_onboarding_with_errors_keeps_the_input(client):
    client.force_login(UserFactory())

    response = client.post(
        reverse("accounts:onboarding"), {"kind": "", "name": "", "name_en": "Kept Name"}
    )

    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == ["kind", "name"]
    assert 'value="Kept Name"' in response.content.decode()
    assert Organization.objects.count() == 0


# Organization list


def test_organization_list_is_public_and_hides_hidden_orgs(client):
    public = OrganizationFactory(name="공개 기관")
    OrganizationFactory(name="숨은 기관", is_public=False)

    response = client.get(reverse("accounts:organization-list"))

    assert response.status_code == 200
    assert list(response.context["organizations"]) == [public]


def test_organization_list_filters_by_kind_and_keyword(client):
    OrganizationFactory(name="한빛 전자")
    startup = StartupFactory(name="배터리랩", name_en="Battery Lab")
    StartupFactory(name="드론웍스")

    response = client.get(reverse("accounts:organization-list"), {"kind": "startup", "q": "batt"})

    assert list(response.context["organizations"]) == [startup]


def test_organization_list_paginates_by_20(client):
    OrganizationFactory.create_batch(21)

    response = client.get(reverse("accounts:organization-list"), {"page": 2})

    assert response.status_code == 200
    assert len(response.context["organizations"]) == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_organization_list_query_count_is_constant(client, django_assert_num_queries, rows):
    for _ in range(rows):
        StartupFactory(region=Region.objects.get(code="seoul"))
        OrganizationFactory(region=Region.objects.get(code="busan"))

    with django_assert_num_queries(2):
        response = client.get(reverse("accounts:organization-list"))

    assert len(response.context["organizations"]) == rows * 2


# Organization detail


def test_organization_detail_is_public(client):
    org = OrganizationFactory(name="한빛 전자", description="우리는 전자회사입니다.")

    response = client.get(org.get_absolute_url())

    assert response.status_code == 200
    assert response.context["organization"] == org
    assert response.context["is_insider"] is False


def test_organization_detail_of_a_hidden_org_is_404_to_anonymous_and_outsiders(client):
    org = OrganizationFactory(is_public=False)
    outsider = MembershipFactory().user

    assert client.get(org.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(org.get_absolute_url()).status_code == 404


def test_organization_detail_of_a_hidden_org_is_shown_to_members_and_staff(client):
    org = OrganizationFactory(is_public=False)
    member = MembershipFactory(organization=org, role=MembershipRole.MEMBER).user

    client.force_login(member)
    assert client.get(org.get_absolute_url()).status_code == 200
    client.force_login(OperatorFactory())
    assert client.get(org.get_absolute_url()).status_code == 200


def test_organization_detail_shows_the_business_number_to_members_only(client):
    startup = StartupFactory()
    startup.startup_profile.business_number = "1234567891"
    startup.startup_profile.save()
    member = MembershipFactory(organization=startup, role=MembershipRole.MEMBER).user

    anonymous_page = client.get(startup.get_absolute_url()).content.decode()
    client.force_login(MembershipFactory().user)
    outsider_page = client.get(startup.get_absolute_url()).content.decode()
    client.force_login(member)
    member_page = client.get(startup.get_absolute_url()).content.decode()

    assert "123-45-67891" not in anonymous_page
    assert "123-45-67891" not in outsider_page
    assert "123-45-67891" in member_page
    assert "배터리 재활용 공정을 AI로 최적화합니다" in anonymous_page


def test_organization_detail_lists_published_programs_and_challenges_only(client):
    org = OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY)
    program = ProgramFactory(organization=org)
    ProgramFactory(organization=org, status=ProgramStatus.DRAFT, published_at=None)
    challenge = ChallengeFactory(organization=org)
    ChallengeFactory(organization=org, status=ChallengeStatus.DRAFT, published_at=None)

    response = client.get(org.get_absolute_url())

    assert list(response.context["programs"]) == [program]
    assert list(response.context["challenges"]) == [challenge]


# Organization edit


def test_organization_edit_by_owner_saves(client):
    membership = MembershipFactory()
    org = membership.organization
    client.force_login(membership.user)
    url = reverse("accounts:organization-edit", kwargs={"slug": org.slug})

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "새 이름",
            "name_en": "New Name",
            "description": "소개",
            "description_en": "",
            "website": "https://example.org",
            "region": "daejeon",
            "is_public": "",
        },
    )

    assert response.status_code == 302
    assert response.url == org.get_absolute_url()
    org.refresh_from_db()
    assert (org.name, org.website, org.region_id, org.is_public) == (
        "새 이름",
        "https://example.org",
        "daejeon",
        False,
    )
    assert org.slug == membership.organization.slug


def test_organization_edit_with_errors_keeps_input_and_changes_nothing(client):
    membership = MembershipFactory(organization__name="옛 이름")
    org = membership.organization
    client.force_login(membership.user)

    response = client.post(
        reverse("accounts:organization-edit", kwargs={"slug": org.slug}),
        {"name": "", "name_en": "Typed English", "website": "not a url"},
    )

    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == ["name", "website"]
    assert 'value="Typed English"' in response.content.decode()
    org.refresh_from_db()
    assert org.name == "옛 이름"


@pytest.mark.parametrize("role", [MembershipRole.MEMBER, None])
def test_organization_edit_is_403_to_plain_members_and_outsiders(client, role):
    org = OrganizationFactory()
    user = MembershipFactory(organization=org, role=role).user if role else UserFactory()
    client.force_login(user)
    url = reverse("accounts:organization-edit", kwargs={"slug": org.slug})

    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "hijack"}).status_code == 403
    org.refresh_from_db()
    assert org.name != "hijack"


def test_organization_edit_of_a_hidden_org_is_404_to_outsiders(client):
    org = OrganizationFactory(is_public=False)
    client.force_login(UserFactory())

    response = client.get(reverse("accounts:organization-edit", kwargs={"slug": org.slug}))

    assert response.status_code == 404


def test_organization_edit_anonymous_is_sent_to_login(client):
    url = reverse("accounts:organization-edit", kwargs={"slug": OrganizationFactory().slug})

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == login_url(url)


def test_organization_edit_by_staff_is_allowed(client):
    client.force_login(OperatorFactory())
    url = reverse("accounts:organization-edit", kwargs={"slug": OrganizationFactory().slug})

    assert client.get(url).status_code == 200
