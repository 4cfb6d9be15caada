from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole
from oimarket.accounts.models import Invitation, Membership
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return MembershipFactory(organization=OrganizationFactory(slug="hanbit"))


def members_url(org) -> str:
    return reverse("accounts:members", kwargs={"slug": org.slug})


# Members page


def test_members_page_lists_members_for_a_plain_member(client, owner):
    member = MembershipFactory(organization=owner.organization, role=MembershipRole.MEMBER)
    client.force_login(member.user)

    response = client.get(members_url(owner.organization))

    assert response.status_code == 200
    assert list(response.context["memberships"]) == [owner, member]
    assert response.context["can_manage"] is False
    assert "invitations" not in response.context


def test_members_page_shows_pending_invitations_to_the_owner(client, owner):
    invitation = InvitationFactory(organization=owner.organization)
    InvitationFactory(organization=owner.organization, revoked_at=timezone.now())
    client.force_login(owner.user)

    response = client.get(members_url(owner.organization))

    assert response.context["can_manage"] is True
    assert list(response.context["invitations"]) == [invitation]


def test_members_page_is_403_to_an_outsider(client, owner):
    client.force_login(MembershipFactory().user)

    assert client.get(members_url(owner.organization)).status_code == 403


def test_members_page_anonymous_is_sent_to_login(client, owner):
    url = members_url(owner.organization)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={url}"


def test_members_page_is_shown_to_staff(client, owner):
    client.force_login(OperatorFactory())

    assert client.get(members_url(owner.organization)).status_code == 200


# Inviting


def test_invite_sends_one_email_with_the_absolute_accept_link(
    client, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            members_url(owner.organization), {"email": "colleague@example.com", "role": "manager"}
        )

    assert response.status_code == 302
    assert response.url == members_url(owner.organization)
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role) == ("colleague@example.com", "manager")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["colleague@example.com"]
    accept_url = f"http://127.0.0.1:8000/invitations/{invitation.token}/"
    assert accept_url in message.body.splitlines()


def test_invite_link_uses_settings_site_url(
    client, owner, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://oimarket.example.kr/"
    client.force_login(owner.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(members_url(owner.organization), {"email": "a@example.com", "role": "member"})

    token = Invitation.objects.get().token
    expected = f"https://oimarket.example.kr/invitations/{token}/"
    assert expected in mail.outbox[0].body.splitlines()


def test_invite_an_existing_member_is_an_inline_error(client, owner):
    client.force_login(owner.user)

    response = client.post(
        members_url(owner.organization), {"email": owner.user.email, "role": "member"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["This person is already a member."]
    assert Invitation.objects.count() == 0
    assert len(mail.outbox) == 0


def test_invite_by_a_plain_member_is_403(client, owner):
    member = MembershipFactory(organization=owner.organization, role=MembershipRole.MEMBER)
    client.force_login(member.user)

    response = client.post(
        members_url(owner.organization), {"email": "x@example.com", "role": "member"}
    )

    assert response.status_code == 403
    assert Invitation.objects.count() == 0


def test_invite_by_an_outsider_is_403(client, owner):
    client.force_login(MembershipFactory().user)

    response = client.post(
        members_url(owner.organization), {"email": "x@example.com", "role": "owner"}
    )

    assert response.status_code == 403
    assert Invitation.objects.count() == 0


# Revoking, changing roles, removing


def test_revoke_by_owner_withdraws_the_invitation(client, owner):
    invitation = InvitationFactory(organization=owner.organization)
    client.force_login(owner.user)

    response = client.post(
        reverse(
            "accounts:invitation-revoke",
            kwargs={"slug": owner.organization.slug, "pk": invitation.pk},
        )
    )

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_revoke_by_an_outsider_is_403(client, owner):
    invitation = InvitationFactory(organization=owner.organization)
    client.force_login(MembershipFactory().user)

    response = client.post(
        reverse(
            "accounts:invitation-revoke",
            kwargs={"slug": owner.organization.slug, "pk": invitation.pk},
        )
    )

    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_revoke_of_another_orgs_invitation_is_404(client, owner):
    foreign = InvitationFactory()
    client.force_login(owner.user)

    response = client.post(
        reverse(
            "accounts:invitation-revoke", kwargs={"slug": owner.organization.slug, "pk": foreign.pk}
        )
    )

    assert response.status_code == 404


def test_role_change_by_owner(client, owner):
    member = MembershipFactory(organization=owner.organization, role=MembershipRole.MEMBER)
    client.force_login(owner.user)

    response = client.post(
        reverse("accounts:member-role", kwargs={"slug": owner.organization.slug, "pk": member.pk}),
        {"role": "manager"},
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role == MembershipRole.MANAGER


def test_role_change_of_the_last_owner_is_refused_with_a_message(client, owner):
    client.force_login(owner.user)

    response = client.post(
        reverse("accounts:member-role", kwargs={"slug": owner.organization.slug, "pk": owner.pk}),
        {"role": "member"},
        follow=True,
    )

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "An organization needs at least one owner: appoint another first."
    ]
    owner.refresh_from_db()
    assert owner.role == MembershipRole.OWNER


def test_role_change_by_a_plain_member_is_403(client, owner):
    member = MembershipFactory(organization=owner.organization, role=MembershipRole.MEMBER)
    client.force_login(member.user)

    response = client.post(
        reverse("accounts:member-role", kwargs={"slug": owner.organization.slug, "pk": member.pk}),
        {"role": "owner"},
    )

    assert response.status_code == 403
    member.refresh_from_db()
    assert member.role == MembershipRole.MEMBER


def test_remove_by_owner(client, owner):
    member = MembershipFactory(organization=owner.organization, role=MembershipRole.MEMBER)
    client.force_login(owner.user)

    response = client.post(
        reverse("accounts:member-remove", kwargs={"slug": owner.organization.slug, "pk": member.pk})
    )

    assert response.status_code == 302
    assert list(owner.organization.memberships.all()) == [owner]


def test_remove_by_an_outsider_is_403(client, owner):
    client.force_login(MembershipFactory().user)

    response = client.post(
        reverse("accounts:member-remove", kwargs={"slug": owner.organization.slug, "pk": owner.pk})
    )

    assert response.status_code == 403
    assert Membership.objects.filter(pk=owner.pk).exists()


def test_remove_get_is_not_allowed(client, owner):
    client.force_login(owner.user)

    response = client.get(
        reverse("accounts:member-remove", kwargs={"slug": owner.organization.slug, "pk": owner.pk})
    )

    assert response.status_code == 405


# Accepting


def accept_url(invitation) -> str:
    return reverse("accounts:invitation-accept", kwargs={"token": invitation.token})


def test_accept_page_and_accept_by_the_invited_user(client):
    user = UserFactory(email="invitee@example.com")
    invitation = InvitationFactory(email="invitee@example.com", role=MembershipRole.MANAGER)
    client.force_login(user)

    page = client.get(accept_url(invitation))
    response = client.post(accept_url(invitation))

    assert page.status_code == 200
    assert page.context["refusal"] is None
    assert response.status_code == 302
    assert response.url == invitation.organization.get_absolute_url()
    membership = Membership.objects.get(user=user)
    assert (membership.organization, membership.role) == (invitation.organization, "manager")


def test_accept_by_another_user_is_403_with_a_clear_message(client):
    invitation = InvitationFactory(email="invitee@example.com")
    client.force_login(UserFactory(email="intruder@example.com"))

    page = client.get(accept_url(invitation))
    response = client.post(accept_url(invitation))

    assert page.status_code == 403
    assert response.status_code == 403
    assert response.context["refusal"] == (
        "This invitation was sent to another e-mail address. "
        "Log in with the address that received it."
    )
    assert Membership.objects.count() == 0


def test_accept_an_expired_invitation_shows_a_message(client):
    user = UserFactory(email="invitee@example.com")
    invitation = InvitationFactory(email=user.email, expires_at=timezone.now() - timedelta(hours=1))
    client.force_login(user)

    page = client.get(accept_url(invitation))
    response = client.post(accept_url(invitation))

    assert page.status_code == 200
    assert page.context["refusal"] == "This invitation has expired. Ask for a new one."
    assert response.status_code == 400
    assert Membership.objects.count() == 0


def test_accept_a_revoked_invitation_shows_a_message(client):
    user = UserFactory(email="invitee@example.com")
    invitation = InvitationFactory(email=user.email, revoked_at=timezone.now())
    client.force_login(user)

    response = client.post(accept_url(invitation))

    assert response.status_code == 400
    assert response.context["refusal"] == "This invitation was withdrawn."


def test_accept_an_unknown_token_is_404(client):
    client.force_login(UserFactory())

    response = client.get(reverse("accounts:invitation-accept", kwargs={"token": "nope"}))

    assert response.status_code == 404


def test_accept_anonymous_is_sent_to_login(client):
    url = accept_url(InvitationFactory())

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={url}"


def test_onboarding_lists_pending_invitations(client):
    user = UserFactory(email="invitee@example.com")
    invitation = InvitationFactory(email=user.email)
    InvitationFactory(email="other@example.com")
    client.force_login(user)

    response = client.get(reverse("accounts:onboarding"))

    assert list(response.context["invitations"]) == [invitation]
    assert f'action="{accept_url(invitation)}"' in response.content.decode()
