import pytest
from django.urls import reverse

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import DeclineReason, ProposalStatus
from oimarket.applications.services import proposal_decline
from tests.factories import (
    ChallengeFactory,
    OrganizationFactory,
    ProposalFactory,
    StartupFactory,
)

from .conftest import login_redirect, member_of

pytestmark = pytest.mark.django_db

MINE = reverse("applications:proposal-list")
INBOX = reverse("applications:proposal-inbox")

# My proposals ---------------------------------------------------------------------------------


def test_my_proposals_show_the_decline_reason(client, proposal, founder, demand_owner):
    proposal_decline(
        proposal=proposal, by=demand_owner, reason=DeclineReason.TOO_EARLY, note="내년에 다시"
    )
    client.force_login(founder)

    response = client.get(MINE)

    assert response.status_code == 200
    assert list(response.context["proposals"]) == [proposal]
    html = response.content.decode()
    assert "Too early: the solution is not mature enough yet" in html
    assert "내년에 다시" in html


def test_my_proposals_of_an_outsider_are_empty(client, proposal):
    client.force_login(member_of(StartupFactory()))

    response = client.get(MINE)

    assert response.status_code == 200
    assert list(response.context["proposals"]) == []
    assert "Your startup has not proposed a solution yet." in response.content.decode()


def test_my_proposals_anonymous_goes_to_login(client):
    assert client.get(MINE)["Location"] == login_redirect(MINE)


# Inbox ----------------------------------------------------------------------------------------


def test_inbox_lists_proposals_with_the_waiting_time(client, proposal, demand_org):
    client.force_login(member_of(demand_org, MembershipRole.MEMBER))

    response = client.get(INBOX)

    assert response.status_code == 200
    assert list(response.context["proposals"]) == [proposal]
    assert "waiting 3 days" in response.content.decode()


def test_inbox_filters_by_challenge_and_status(client, proposal, demand_org, demand_owner):
    other_challenge = ChallengeFactory(organization=demand_org)
    shortlisted = ProposalFactory(challenge=other_challenge, status=ProposalStatus.SHORTLISTED)
    client.force_login(demand_owner)

    by_challenge = client.get(INBOX, {"challenge": other_challenge.pk})
    by_status = client.get(INBOX, {"status": "submitted"})
    nonsense = client.get(INBOX, {"challenge": "x", "status": "nope"})

    assert list(by_challenge.context["proposals"]) == [shortlisted]
    assert list(by_status.context["proposals"]) == [proposal]
    assert list(nonsense.context["proposals"]) == [proposal, shortlisted]


def test_inbox_is_paginated(client, challenge, demand_owner, settings):
    settings.CATALOGUE_PAGE_SIZE = 2
    for _ in range(3):
        ProposalFactory(challenge=challenge)
    client.force_login(demand_owner)

    response = client.get(INBOX, {"page": 2})

    assert len(response.context["proposals"]) == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_inbox_query_count_is_constant(
    client, challenge, demand_owner, django_assert_num_queries, rows
):
    for _ in range(rows):
        ProposalFactory(challenge=challenge)
    client.force_login(demand_owner)

    # session, user, challenges for the filter, count, page, "receives proposals?"
    with django_assert_num_queries(7):
        response = client.get(INBOX)

    assert len(response.context["proposals"]) == rows


def test_inbox_of_an_outsider_is_empty(client, proposal):
    client.force_login(member_of(OrganizationFactory(), MembershipRole.OWNER))

    response = client.get(INBOX)

    assert response.status_code == 200
    assert list(response.context["proposals"]) == []


def test_inbox_of_the_proposing_startup_is_empty(client, proposal, founder):
    client.force_login(founder)

    response = client.get(INBOX)

    assert list(response.context["proposals"]) == []
    assert response.context["receives"] is False


def test_inbox_anonymous_goes_to_login(client):
    assert client.get(INBOX)["Location"] == login_redirect(INBOX)
