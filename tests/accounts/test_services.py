from datetime import date, timedelta

import pytest
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.accounts.models import Membership, Region, StartupProfile
from oimarket.accounts.services import (
    invitation_accept,
    invitation_create,
    invitation_revoke,
    membership_change_role,
    membership_remove,
    organization_create,
    organization_slug,
    organization_update,
    romanize,
    startup_profile_update,
)
from oimarket.core.errors import DomainError
from oimarket.core.models import AuditEntry
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


def test_romanize_hangul_syllables():
    assert romanize("오픈 이노베이션 ABC") == "opeun inobeisyeon ABC"


def test_organization_slug_prefers_english_name_and_stays_unique():
    OrganizationFactory(slug="acme-robotics")

    assert organization_slug(name="애크미", name_en="Acme Robotics") == "acme-robotics-2"


def test_organization_slug_romanizes_korean_name():
    assert organization_slug(name="한빛 전자") == "hanbit-jeonja"


def test_organization_slug_falls_back_to_random():
    slug = organization_slug(name="!!!")

    assert slug.startswith("org-")
    assert len(slug) == len("org-") + 6


def test_organization_create_makes_the_user_owner_and_audits():
    user = UserFactory()
    seoul = Region.objects.get(code="seoul")

    org = organization_create(
        by=user, name="한빛 모빌리티", kind=OrganizationKind.DEMAND_COMPANY, region=seoul
    )

    assert org.slug == "hanbit-mobilliti"
    assert org.region == seoul
    assert list(org.memberships.values_list("user", "role")) == [(user.pk, MembershipRole.OWNER)]
    assert StartupProfile.objects.filter(organization=org).exists() is False
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.target_id) == (
        user,
        "organization.create",
        str(org.pk),
    )


def test_organization_create_startup_gets_an_empty_profile():
    org = organization_create(by=UserFactory(), name="Batterytech", kind=OrganizationKind.STARTUP)

    assert org.startup_profile.one_liner == ""
    assert org.startup_profile.business_number == ""


def test_organization_create_rejects_unknown_kind():
    with pytest.raises(DomainError):
        organization_create(by=UserFactory(), name="X", kind="church")

    assert Membership.objects.count() == 0


def test_organization_update_changes_fields_and_audits():
    owner = MembershipFactory().user
    org = owner.organizations.get()

    organization_update(organization=org, by=owner, name="새 이름", is_public=False)

    org.refresh_from_db()
    assert (org.name, org.is_public) == ("새 이름", False)
    assert AuditEntry.objects.get().action == "organization.update"


def test_startup_profile_update_normalizes_and_sets_fields():
    startup = StartupFactory()
    profile = startup.startup_profile
    user = UserFactory()
    fields = list(Field.objects.filter(code__in=["ai", "battery"]))

    startup_profile_update(
        profile=profile,
        by=user,
        business_number="123-45-67891",
        founded_on=date(2021, 3, 1),
        team_size=7,
        region=Region.objects.get(code="busan"),
        fields=fields,
    )

    profile.refresh_from_db()
    assert profile.business_number == "1234567891"
    assert profile.business_number_display == "123-45-67891"
    assert profile.founded_on == date(2021, 3, 1)
    assert profile.team_size == 7
    assert profile.organization.region_id == "busan"
    assert sorted(profile.fields.values_list("code", flat=True)) == ["ai", "battery"]
    assert AuditEntry.objects.get().action == "startup_profile.update"


def test_startup_profile_update_with_bad_business_number_changes_nothing():
    profile = StartupFactory().startup_profile

    with pytest.raises(DomainError) as excinfo:
        startup_profile_update(
            profile=profile, by=UserFactory(), business_number="123-45-67890", team_size=9
        )

    assert excinfo.value.field == "business_number"
    profile.refresh_from_db()
    assert (profile.business_number, profile.team_size) == ("", None)
    assert AuditEntry.objects.count() == 0


def test_startup_profile_update_refuses_pre_founder_with_a_founding_date():
    profile = StartupFactory().startup_profile

    with pytest.raises(DomainError) as excinfo:
        startup_profile_update(
            profile=profile, by=UserFactory(), is_pre_founder=True, founded_on=date(2020, 1, 1)
        )

    assert excinfo.value.field == "founded_on"
    profile.refresh_from_db()
    assert (profile.is_pre_founder, profile.founded_on) == (False, None)


def test_startup_profile_update_refuses_a_future_founding_date():
    profile = StartupFactory().startup_profile
    tomorrow = timezone.localdate() + timedelta(days=1)

    with pytest.raises(DomainError) as excinfo:
        startup_profile_update(profile=profile, by=UserFactory(), founded_on=tomorrow)

    assert excinfo.value.field == "founded_on"


def test_invitation_create_sets_expiry_and_sends_one_email(
    mailoutbox, django_capture_on_commit_callbacks
):
    owner = MembershipFactory().user
    org = owner.organizations.get()

    with django_capture_on_commit_callbacks(execute=True):
        invitation = invitation_create(
            organization=org, by=owner, email="New@Example.com", role=MembershipRole.MANAGER
        )

    assert invitation.email == "new@example.com"
    assert invitation.invited_by == owner
    expected = timezone.now() + timedelta(days=7)
    assert abs((invitation.expires_at - expected).total_seconds()) < 5
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["new@example.com"]
    assert AuditEntry.objects.get().action == "invitation.create"


def test_invitation_create_refuses_an_existing_member():
    membership = MembershipFactory()

    with pytest.raises(DomainError) as excinfo:
        invitation_create(
            organization=membership.organization,
            by=membership.user,
            email=membership.user.email.upper(),
            role=MembershipRole.MEMBER,
        )

    assert excinfo.value.field == "email"


def test_invitation_create_refuses_a_pending_duplicate():
    membership = MembershipFactory()
    InvitationFactory(organization=membership.organization, email="dup@example.com")

    with pytest.raises(DomainError):
        invitation_create(
            organization=membership.organization,
            by=membership.user,
            email="dup@example.com",
            role=MembershipRole.MEMBER,
        )

    assert membership.organization.invitations.count() == 1


def test_invitation_create_allows_again_after_expiry():
    membership = MembershipFactory()
    InvitationFactory(
        organization=membership.organization,
        email="late@example.com",
        expires_at=timezone.now() - timedelta(minutes=1),
    )

    invitation_create(
        organization=membership.organization,
        by=membership.user,
        email="late@example.com",
        role=MembershipRole.MEMBER,
    )

    assert membership.organization.invitations.count() == 2


def test_invitation_create_by_a_manager_cannot_invite_an_owner():
    manager = MembershipFactory(role=MembershipRole.MANAGER)

    with pytest.raises(DomainError):
        invitation_create(
            organization=manager.organization,
            by=manager.user,
            email="boss@example.com",
            role=MembershipRole.OWNER,
        )


def test_invitation_accept_creates_membership_with_the_role():
    user = UserFactory(email="invitee@example.com")
    invitation = InvitationFactory(email="INVITEE@example.com", role=MembershipRole.MANAGER)

    membership = invitation_accept(invitation=invitation, by=user)

    assert (membership.user, membership.organization, membership.role) == (
        user,
        invitation.organization,
        MembershipRole.MANAGER,
    )
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert AuditEntry.objects.get().action == "invitation.accept"


def test_invitation_accept_refuses_another_email():
    invitation = InvitationFactory(email="invitee@example.com")

    with pytest.raises(DomainError):
        invitation_accept(invitation=invitation, by=UserFactory(email="someone@example.com"))

    assert Membership.objects.count() == 0


def test_invitation_accept_refuses_expired():
    user = UserFactory(email="invitee@example.com")
    invitation = InvitationFactory(
        email=user.email, expires_at=timezone.now() - timedelta(seconds=1)
    )

    with pytest.raises(DomainError) as excinfo:
        invitation_accept(invitation=invitation, by=user)

    assert excinfo.value.message == "This invitation has expired. Ask for a new one."
    assert Membership.objects.count() == 0


def test_invitation_revoke_then_accept_is_refused():
    owner = MembershipFactory()
    user = UserFactory(email="invitee@example.com")
    invitation = InvitationFactory(organization=owner.organization, email=user.email)

    invitation_revoke(invitation=invitation, by=owner.user)

    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    with pytest.raises(DomainError) as excinfo:
        invitation_accept(invitation=invitation, by=user)
    assert excinfo.value.message == "This invitation was withdrawn."
    assert owner.organization.memberships.count() == 1


def test_invitation_revoke_refuses_an_accepted_invitation():
    invitation = InvitationFactory(accepted_at=timezone.now())

    with pytest.raises(DomainError):
        invitation_revoke(invitation=invitation, by=UserFactory())


def test_membership_remove_refuses_the_last_owner():
    owner = MembershipFactory()

    with pytest.raises(DomainError):
        membership_remove(membership=owner, by=owner.user)

    assert Membership.objects.filter(pk=owner.pk).exists()


def test_membership_change_role_refuses_to_demote_the_last_owner():
    owner = MembershipFactory()

    with pytest.raises(DomainError):
        membership_change_role(membership=owner, by=owner.user, role=MembershipRole.MEMBER)

    owner.refresh_from_db()
    assert owner.role == MembershipRole.OWNER


def test_membership_change_role_demotes_an_owner_when_another_remains():
    first = MembershipFactory()
    second = MembershipFactory(organization=first.organization, role=MembershipRole.OWNER)

    membership_change_role(membership=second, by=first.user, role=MembershipRole.MEMBER)

    second.refresh_from_db()
    assert second.role == MembershipRole.MEMBER
    assert AuditEntry.objects.get().data == {"from": "owner", "to": "member"}


def test_membership_change_role_by_a_manager_cannot_appoint_an_owner():
    owner = MembershipFactory()
    manager = MembershipFactory(organization=owner.organization, role=MembershipRole.MANAGER)

    with pytest.raises(DomainError):
        membership_change_role(membership=manager, by=manager.user, role=MembershipRole.OWNER)

    manager.refresh_from_db()
    assert manager.role == MembershipRole.MANAGER


def test_membership_remove_by_operator_removes_a_member():
    owner = MembershipFactory()
    member = MembershipFactory(organization=owner.organization, role=MembershipRole.MEMBER)

    membership_remove(membership=member, by=OperatorFactory())

    assert list(owner.organization.memberships.all()) == [owner]
    assert AuditEntry.objects.get().action == "membership.remove"
