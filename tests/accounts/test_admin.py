import pytest
from django.urls import reverse

from tests.factories import InvitationFactory, MembershipFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", ["user", "organization", "invitation", "region"])
def test_admin_changelist_and_add_pages_render(admin_client, model):
    changelist = admin_client.get(reverse(f"admin:accounts_{model}_changelist"), {"q": "a"})
    add = admin_client.get(reverse(f"admin:accounts_{model}_add"))

    assert (changelist.status_code, add.status_code) == (200, 200)


def test_admin_change_pages_render(admin_client):
    membership = MembershipFactory(organization=StartupFactory())
    invitation = InvitationFactory(organization=membership.organization)

    pages = [
        reverse("admin:accounts_user_change", args=[membership.user.pk]),
        reverse("admin:accounts_organization_change", args=[membership.organization.pk]),
        reverse("admin:accounts_invitation_change", args=[invitation.pk]),
        reverse("admin:accounts_region_change", args=["seoul"]),
    ]

    assert [admin_client.get(url).status_code for url in pages] == [200, 200, 200, 200]


def test_admin_creates_a_user_by_email(admin_client):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "new@example.com",
            "usable_password": "true",
            "password1": "pw-Strong-2026!",
            "password2": "pw-Strong-2026!",
        },
    )

    assert response.status_code == 302
    assert UserFactory._meta.model.objects.filter(email="new@example.com").count() == 1


def test_admin_is_refused_to_a_plain_user(client):
    client.force_login(UserFactory())

    response = client.get(reverse("admin:accounts_organization_changelist"))

    assert response.status_code == 302
