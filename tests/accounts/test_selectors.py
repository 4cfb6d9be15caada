from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from oimarket.accounts.enums import MembershipRole
from oimarket.accounts.models import Region
from oimarket.accounts.selectors import (
    editable_organizations,
    invitations_pending_for,
    memberships_of,
    organizations_public,
    organizations_search,
    organizations_visible_to,
    primary_organization,
    profile_completeness,
)
from oimarket.programs.models import Field
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_organizations_visible_to_hides_hidden_orgs_from_outsiders():
    public = OrganizationFactory()
    hidden = OrganizationFactory(is_public=False)
    member = MembershipFactory(organization=hidden).user

    assert list(organizations_public()) == [public]
    assert list(organizations_visible_to(AnonymousUser())) == [public]
    assert list(organizations_visible_to(UserFactory())) == [public]
    assert set(organizations_visible_to(member)) == {public, hidden}
    assert set(organizations_visible_to(OperatorFactory())) == {public, hidden}


def test_organizations_search_filters_by_kind_and_name():
    OrganizationFactory(name="한빛 전자", name_en="Hanbit Electronics")
    startup = StartupFactory(name="배터리랩", name_en="Battery Lab")
    OrganizationFactory(name="Battery Corp", is_public=False)

    assert list(organizations_search(q="battery")) == [startup]
    assert list(organizations_search(kind="startup", q="")) == [startup]
    assert list(organizations_search(kind="investor")) == []


def test_memberships_of_and_primary_organization_put_owners_first():
    user = UserFactory()
    MembershipFactory(user=user, role=MembershipRole.MEMBER)
    owned = MembershipFactory(user=user, role=MembershipRole.OWNER).organization

    assert [m.role for m in memberships_of(user)] == ["owner", "member"]
    assert primary_organization(user) == owned
    assert primary_organization(UserFactory()) is None
    assert primary_organization(AnonymousUser()) is None


def test_editable_organizations_are_owned_or_managed():
    user = UserFactory()
    owned = MembershipFactory(user=user, role=MembershipRole.OWNER).organization
    managed = MembershipFactory(user=user, role=MembershipRole.MANAGER).organization
    MembershipFactory(user=user, role=MembershipRole.MEMBER)
    OrganizationFactory()

    assert set(editable_organizations(user)) == {owned, managed}
    assert list(editable_organizations(AnonymousUser())) == []


def test_invitations_pending_for_matches_the_email():
    user = UserFactory(email="me@example.com")
    mine = InvitationFactory(email="ME@example.com")
    InvitationFactory(email="other@example.com")

    assert list(invitations_pending_for(user)) == [mine]


def test_profile_completeness_of_an_empty_profile():
    profile = StartupFactory().startup_profile
    profile.one_liner = ""
    profile.save()

    with translation.override("en"):
        percent, missing = profile_completeness(profile)

    assert percent == 0
    assert missing == [
        "Founding date",
        "Team size",
        "Region",
        "Business registration number",
        "Fields",
        "Technologies",
        "One-line description",
        "Description",
    ]


def test_profile_completeness_of_a_pre_founder_with_some_answers():
    org = StartupFactory(region=Region.objects.get(code="seoul"))
    profile = org.startup_profile
    profile.is_pre_founder = True
    profile.team_size = 2
    profile.save()
    profile.fields.set([Field.objects.get(code="ai")])

    with translation.override("en"):
        percent, missing = profile_completeness(profile)

    assert percent == 75
    assert missing == ["Technologies", "Description"]


def test_profile_completeness_of_a_complete_profile():
    org = StartupFactory(region=Region.objects.get(code="seoul"))
    profile = org.startup_profile
    profile.founded_on = date(2022, 1, 1)
    profile.team_size = 5
    profile.business_number = "1234567891"
    profile.technologies = "LiDAR"
    profile.description = "설명"
    profile.save()
    profile.fields.set([Field.objects.get(code="ai")])

    assert profile_completeness(profile) == (100, [])
