import pytest
from django.contrib.auth.models import AnonymousUser

from oimarket.accounts.enums import MembershipRole
from oimarket.accounts.rules import is_operator, is_org_editor, is_org_member
from tests.factories import MembershipFactory, OperatorFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "member", "editor"),
    [
        (MembershipRole.OWNER, True, True),
        (MembershipRole.MANAGER, True, True),
        (MembershipRole.MEMBER, True, False),
    ],
)
def test_org_predicates_follow_the_role(role, member, editor):
    membership = MembershipFactory(role=role)
    user, org = membership.user, membership.organization

    assert is_org_member(user, org) is member
    assert is_org_editor(user, org) is editor


def test_org_predicates_refuse_an_outsider_and_anonymous():
    org = MembershipFactory().organization
    outsider = MembershipFactory(organization=OrganizationFactory()).user

    assert is_org_member(outsider, org) is False
    assert is_org_editor(outsider, org) is False
    assert is_org_member(AnonymousUser(), org) is False
    assert is_operator(AnonymousUser()) is False


def test_is_operator_requires_active_staff():
    assert is_operator(OperatorFactory()) is True
    assert is_operator(OperatorFactory(is_active=False)) is False
    assert is_operator(UserFactory()) is False


@pytest.mark.parametrize(
    ("role", "view_members", "change", "manage"),
    [
        (MembershipRole.OWNER, True, True, True),
        (MembershipRole.MANAGER, True, True, True),
        (MembershipRole.MEMBER, True, False, False),
    ],
)
def test_permissions_by_role(role, view_members, change, manage):
    membership = MembershipFactory(role=role)
    user, org = membership.user, membership.organization

    assert user.has_perm("accounts.view_organization_members", org) is view_members
    assert user.has_perm("accounts.change_organization", org) is change
    assert user.has_perm("accounts.manage_members", org) is manage


def test_permissions_operator_has_all_outsider_has_none():
    org = OrganizationFactory()
    operator, outsider = OperatorFactory(), MembershipFactory().user

    perms = [
        "accounts.view_organization_members",
        "accounts.change_organization",
        "accounts.manage_members",
    ]
    assert [operator.has_perm(p, org) for p in perms] == [True, True, True]
    assert [outsider.has_perm(p, org) for p in perms] == [False, False, False]
