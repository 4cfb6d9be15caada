from datetime import date

import pytest
from django.urls import reverse

from oimarket.accounts.enums import MembershipRole
from oimarket.core.models import AuditEntry
from oimarket.core.templatetags.oimarket import field_groups
from tests.factories import MembershipFactory, OperatorFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db


def profile_data(**overrides) -> dict:
    data = {
        "is_pre_founder": "",
        "founded_on": "2021-05-04",
        "team_size": "6",
        "region": "gwangju",
        "business_number": "１２３-45-67891",
        "listed_shareholder": "",
        "investment_stage": "seed",
        "total_investment_krw": "300000000",
        "fields": ["ai", "tech_recycling"],
        "technologies": "computer vision, LiDAR",
        "one_liner": "폐배터리 선별 자동화",
        "description": "설명",
    }
    return {**data, **overrides}


@pytest.fixture
def owner_and_profile():
    startup = StartupFactory()
    owner = MembershipFactory(organization=startup).user
    return owner, startup.startup_profile


def url_for(profile) -> str:
    return reverse("accounts:profile-edit", kwargs={"slug": profile.organization.slug})


def test_profile_edit_shows_the_form_with_completeness(client, owner_and_profile):
    owner, profile = owner_and_profile
    client.force_login(owner)

    response = client.get(url_for(profile))

    assert response.status_code == 200
    assert response.context["completeness"] == 12  # the one-liner of 8 items
    assert len(response.context["missing"]) == 7
    groups = field_groups(response.context["form"]["fields"])
    assert [len(checkboxes) for _label, checkboxes in groups] == [22, 7, 6, 7, 7, 6]


def test_profile_edit_saves_everything(client, owner_and_profile):
    owner, profile = owner_and_profile
    client.force_login(owner)

    response = client.post(url_for(profile), profile_data())

    assert response.status_code == 302
    assert response.url == profile.organization.get_absolute_url()
    profile.refresh_from_db()
    assert profile.business_number == "1234567891"
    assert profile.founded_on == date(2021, 5, 4)
    assert (profile.team_size, profile.investment_stage) == (6, "seed")
    assert profile.total_investment_krw == 300_000_000
    assert profile.organization.region_id == "gwangju"
    assert sorted(profile.fields.values_list("code", flat=True)) == ["ai", "tech_recycling"]
    assert profile.technology_list == ["computer vision", "LiDAR"]
    assert AuditEntry.objects.get().action == "startup_profile.update"


def test_profile_edit_shows_the_saved_number_formatted(client, owner_and_profile):
    owner, profile = owner_and_profile
    profile.business_number = "1234567891"
    profile.save()
    client.force_login(owner)

    response = client.get(url_for(profile))

    assert response.context["form"]["business_number"].value() == "123-45-67891"


def test_profile_edit_bad_business_number_is_an_inline_error_and_keeps_input(
    client, owner_and_profile
):
    owner, profile = owner_and_profile
    client.force_login(owner)

    response = client.post(url_for(profile), profile_data(business_number="123-45-67890"))

    assert response.status_code == 200
    assert response.context["form"].errors["business_number"] == [
        "This business registration number is not valid: its check digit does not match."
    ]
    page = response.content.decode()
    assert 'value="123-45-67890"' in page
    assert 'value="computer vision, LiDAR"' in page
    profile.refresh_from_db()
    assert (profile.business_number, profile.team_size) == ("", None)


def test_profile_edit_pre_founder_with_a_date_is_refused_inline(client, owner_and_profile):
    owner, profile = owner_and_profile
    client.force_login(owner)

    response = client.post(url_for(profile), profile_data(is_pre_founder="on", business_number=""))

    assert response.status_code == 200
    assert response.context["form"].errors["founded_on"] == [
        "A pre-founder has no founding date yet: leave the date empty."
    ]
    profile.refresh_from_db()
    assert profile.is_pre_founder is False


def test_profile_edit_future_founding_date_is_refused_inline(client, owner_and_profile):
    owner, profile = owner_and_profile
    client.force_login(owner)

    response = client.post(url_for(profile), profile_data(founded_on="2999-01-01"))

    assert response.status_code == 200
    assert response.context["form"].errors["founded_on"] == [
        "The founding date cannot be in the future."
    ]


def test_profile_edit_by_a_manager_and_by_staff_is_allowed(client, owner_and_profile):
    _owner, profile = owner_and_profile
    manager = MembershipFactory(organization=profile.organization, role=MembershipRole.MANAGER)

    client.force_login(manager.user)
    assert client.get(url_for(profile)).status_code == 200
    client.force_login(OperatorFactory())
    assert client.get(url_for(profile)).status_code == 200


@pytest.mark.parametrize("role", [MembershipRole.MEMBER, None])
def test_profile_edit_is_403_to_plain_members_and_outsiders(client, owner_and_profile, role):
    _owner, profile = owner_and_profile
    org = profile.organization
    user = MembershipFactory(organization=org, role=role).user if role else MembershipFactory().user
    client.force_login(user)

    assert client.get(url_for(profile)).status_code == 403
    assert client.post(url_for(profile), profile_data()).status_code == 403
    profile.refresh_from_db()
    assert profile.business_number == ""


def test_profile_edit_anonymous_is_sent_to_login(client, owner_and_profile):
    _owner, profile = owner_and_profile

    response = client.get(url_for(profile))

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={url_for(profile)}"


def test_profile_edit_of_a_non_startup_is_404(client):
    membership = MembershipFactory()
    client.force_login(membership.user)

    response = client.get(
        reverse("accounts:profile-edit", kwargs={"slug": membership.organization.slug})
    )

    assert response.status_code == 404


def test_profile_edit_outsider_of_hidden_startup_is_404(client):
    startup = StartupFactory(is_public=False)
    client.force_login(UserFactory())

    response = client.get(url_for(startup.startup_profile))

    assert response.status_code == 404
