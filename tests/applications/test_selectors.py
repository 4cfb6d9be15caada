from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import ProposalStatus
from oimarket.applications.selectors import (
    organization_median_response_hours,
    proposal_waiting,
    proposals_for_challenge,
    proposals_inbox,
    proposals_of_my_startups,
    proposals_visible_to,
)
from tests.factories import (
    ChallengeFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
    ProposalFactory,
    StartupFactory,
    UserFactory,
)

from .conftest import member_of

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(datetime(2026, 3, 2, 9, 0))


@pytest.fixture
def mine(challenge, startup):
    return ProposalFactory(challenge=challenge, startup=startup)


@pytest.fixture
def other(startup):
    """A proposal of another startup to another organization's challenge."""
    return ProposalFactory()


def test_proposals_visible_to_startup_members_are_their_startups(mine, other, startup):
    user = member_of(startup)

    assert list(proposals_visible_to(user)) == [mine]


def test_proposals_visible_to_demand_org_members_are_those_to_its_challenges(
    mine, other, demand_org
):
    user = member_of(demand_org, MembershipRole.MEMBER)

    assert list(proposals_visible_to(user)) == [mine]


def test_proposals_visible_to_operators_are_all(mine, other):
    assert set(proposals_visible_to(OperatorFactory())) == {mine, other}


def test_proposals_visible_to_an_outsider_are_none(mine, other):
    outsider = member_of(OrganizationFactory())

    assert list(proposals_visible_to(outsider)) == []
    assert list(proposals_visible_to(UserFactory())) == []
    assert list(proposals_visible_to(AnonymousUser())) == []


def test_proposals_of_my_startups_leaves_out_proposals_to_my_challenges(demand_org):
    # A user in both a startup and a demand organization.
    user = member_of(demand_org)
    my_startup = StartupFactory()
    member_of_startup = member_of(my_startup)
    mine = ProposalFactory(startup=my_startup)
    ProposalFactory(challenge=ChallengeFactory(organization=demand_org))
    MembershipFactory(user=user, organization=my_startup)

    assert list(proposals_of_my_startups(user)) == [mine]
    assert list(proposals_of_my_startups(member_of_startup)) == [mine]


def test_proposals_inbox_puts_the_longest_waiting_first(challenge, demand_owner):
    answered = ProposalFactory(
        challenge=challenge, status=ProposalStatus.SHORTLISTED, submitted_at=T0
    )
    recent = ProposalFactory(challenge=challenge, submitted_at=T0 + timedelta(days=2))
    oldest = ProposalFactory(challenge=challenge, submitted_at=T0 + timedelta(days=1))
    ProposalFactory()  # to someone else

    assert list(proposals_inbox(demand_owner)) == [oldest, recent, answered]


def test_proposals_inbox_filters_by_challenge_and_status(challenge, demand_org, demand_owner):
    second = ChallengeFactory(organization=demand_org)
    ProposalFactory(challenge=challenge)
    shortlisted = ProposalFactory(challenge=second, status=ProposalStatus.SHORTLISTED)
    submitted = ProposalFactory(challenge=second)

    assert list(proposals_inbox(demand_owner, challenge_id=second.pk)) == [
        submitted,
        shortlisted,
    ]
    assert list(proposals_inbox(demand_owner, status="shortlisted")) == [shortlisted]


def test_proposals_inbox_of_a_startup_member_is_empty(mine, startup):
    assert list(proposals_inbox(member_of(startup))) == []


def test_proposals_for_challenge_oldest_first(challenge):
    late = ProposalFactory(challenge=challenge, submitted_at=T0 + timedelta(hours=1))
    early = ProposalFactory(challenge=challenge, submitted_at=T0)
    ProposalFactory()

    assert list(proposals_for_challenge(challenge)) == [early, late]


def test_proposal_waiting_runs_until_now_without_a_response():
    proposal = ProposalFactory.build(submitted_at=T0)

    assert proposal_waiting(proposal, T0 + timedelta(days=3, hours=2)) == timedelta(days=3, hours=2)


def test_proposal_waiting_stops_at_the_first_response():
    proposal = ProposalFactory.build(submitted_at=T0, first_response_at=T0 + timedelta(hours=5))

    assert proposal_waiting(proposal, T0 + timedelta(days=9)) == timedelta(hours=5)


def test_proposal_waiting_stops_at_the_withdrawal():
    proposal = ProposalFactory.build(submitted_at=T0, withdrawn_at=T0 + timedelta(hours=1))

    assert proposal_waiting(proposal, T0 + timedelta(days=9)) == timedelta(hours=1)


def test_organization_median_response_hours_is_exact(challenge, demand_org):
    second = ChallengeFactory(organization=demand_org)
    for challenge_, hours in [(challenge, 2), (second, 30), (challenge, 5.5)]:
        ProposalFactory(
            challenge=challenge_,
            submitted_at=T0,
            first_response_at=T0 + timedelta(hours=hours),
        )
    ProposalFactory(challenge=challenge, submitted_at=T0)  # still waiting: not counted
    ProposalFactory(submitted_at=T0, first_response_at=T0 + timedelta(hours=1))  # elsewhere

    assert organization_median_response_hours(demand_org) == 5.5


def test_organization_median_response_hours_of_an_even_count(challenge, demand_org):
    for minutes in (30, 90):
        ProposalFactory(
            challenge=challenge, submitted_at=T0, first_response_at=T0 + timedelta(minutes=minutes)
        )

    assert organization_median_response_hours(demand_org) == 1.0


def test_organization_median_response_hours_without_responses(challenge, demand_org):
    ProposalFactory(challenge=challenge)

    assert organization_median_response_hours(demand_org) is None
