import pytest
from django.contrib.auth.models import AnonymousUser

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import ProposalStatus
from tests.factories import OperatorFactory, OrganizationFactory, StartupFactory, UserFactory

from .conftest import member_of

pytestmark = pytest.mark.django_db

PERMS = ["view_proposal", "decide_proposal", "withdraw_proposal"]


def perms_of(user, proposal) -> list[str]:
    return [p for p in PERMS if user.has_perm(f"applications.{p}", proposal)]


def test_startup_members_view_and_withdraw(proposal, startup):
    assert perms_of(member_of(startup), proposal) == ["view_proposal", "withdraw_proposal"]


def test_startup_members_cannot_withdraw_after_an_answer(proposal, founder):
    proposal.status = ProposalStatus.SHORTLISTED

    assert perms_of(founder, proposal) == ["view_proposal"]


@pytest.mark.parametrize("role", [MembershipRole.OWNER, MembershipRole.MANAGER])
def test_demand_editors_view_and_decide(proposal, demand_org, role):
    assert perms_of(member_of(demand_org, role), proposal) == ["view_proposal", "decide_proposal"]


def test_plain_demand_members_only_view(proposal, demand_org):
    assert perms_of(member_of(demand_org, MembershipRole.MEMBER), proposal) == ["view_proposal"]


def test_operators_view_and_decide(proposal):
    assert perms_of(OperatorFactory(), proposal) == ["view_proposal", "decide_proposal"]


def test_outsiders_have_no_permission(proposal):
    for outsider in (
        member_of(StartupFactory(), MembershipRole.OWNER),
        member_of(OrganizationFactory(), MembershipRole.OWNER),
        UserFactory(),
        AnonymousUser(),
    ):
        assert perms_of(outsider, proposal) == []


def test_add_proposal_needs_a_startup(demand_org, startup):
    assert member_of(startup).has_perm("applications.add_proposal") is True
    assert (
        member_of(demand_org, MembershipRole.OWNER).has_perm("applications.add_proposal") is False
    )
    assert OperatorFactory().has_perm("applications.add_proposal") is False
    assert AnonymousUser().has_perm("applications.add_proposal") is False
