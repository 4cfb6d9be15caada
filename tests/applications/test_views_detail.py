import pytest
from django.core import mail

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import DeclineReason, ProposalStatus
from oimarket.applications.models import Proposal
from tests.factories import (
    OperatorFactory,
    OrganizationFactory,
    StartupFactory,
    UserFactory,
)

from .conftest import action_url, login_redirect, member_of

pytestmark = pytest.mark.django_db

# Detail ---------------------------------------------------------------------------------------


def test_detail_for_the_startup_shows_the_clock_and_withdraw(client, proposal, founder):
    client.force_login(founder)

    response = client.get(proposal.get_absolute_url())

    assert response.status_code == 200
    assert response.context["decisions"] == []
    assert response.context["can_withdraw"] is True
    assert response.context["startup_side"] is True
    assert "Waiting for an answer for 3 days." in response.content.decode()


def test_detail_for_the_demand_owner_offers_every_decision(client, proposal, demand_owner):
    client.force_login(demand_owner)

    response = client.get(proposal.get_absolute_url())

    assert response.status_code == 200
    assert response.context["decisions"] == ["shortlist", "request-meeting", "decline"]
    assert response.context["can_withdraw"] is False
    assert response.context["startup_side"] is False


def test_detail_for_a_plain_demand_member_offers_no_decision(client, proposal, demand_org):
    client.force_login(member_of(demand_org, MembershipRole.MEMBER))

    response = client.get(proposal.get_absolute_url())

    assert response.status_code == 200
    assert response.context["decisions"] == []


def test_detail_for_an_operator(client, proposal):
    client.force_login(OperatorFactory())

    assert client.get(proposal.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "outsider",
    [
        lambda: member_of(StartupFactory(), MembershipRole.OWNER),
        lambda: member_of(OrganizationFactory(), MembershipRole.OWNER),
        UserFactory,
    ],
)
def test_detail_is_404_for_outsiders(client, proposal, outsider):
    client.force_login(outsider())

    assert client.get(proposal.get_absolute_url()).status_code == 404


def test_detail_anonymous_goes_to_login(client, proposal):
    url = proposal.get_absolute_url()

    assert client.get(url)["Location"] == login_redirect(url)


# Actions --------------------------------------------------------------------------------------


def test_shortlist_by_the_demand_owner(
    client, proposal, demand_owner, founder, django_capture_on_commit_callbacks
):
    client.force_login(demand_owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(proposal, "shortlist"))

    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SHORTLISTED
    assert [m.to for m in mail.outbox] == [[founder.email]]


def test_request_meeting_by_the_demand_owner(client, proposal, demand_owner):
    client.force_login(demand_owner)

    client.post(action_url(proposal, "request-meeting"))

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.MEETING_REQUESTED


def test_decline_by_the_demand_owner(client, proposal, demand_owner):
    client.force_login(demand_owner)

    response = client.post(
        action_url(proposal, "decline"), {"reason": "already_solved", "note": "자체 개발 중"}
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decline_reason, proposal.decline_note) == (
        ProposalStatus.DECLINED,
        DeclineReason.ALREADY_SOLVED,
        "자체 개발 중",
    )


def test_decline_without_a_reason_shows_the_form_again(client, proposal, demand_owner):
    client.force_login(demand_owner)

    response = client.post(action_url(proposal, "decline"), {"reason": "", "note": "메모"})

    assert response.status_code == 400
    assert list(response.context["decline_form"].errors) == ["reason"]
    assert response.context["decline_open"] is True
    assert "메모" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_decline_other_without_a_note_is_refused(client, proposal, demand_owner):
    client.force_login(demand_owner)

    response = client.post(action_url(proposal, "decline"), {"reason": "other", "note": ""})

    assert response.status_code == 400
    assert response.context["decline_form"].errors == {"note": ["Explain the reason in the note."]}
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


@pytest.mark.parametrize("action", ["shortlist", "request-meeting", "decline"])
def test_decisions_by_a_plain_demand_member_are_403(client, proposal, demand_org, action):
    client.force_login(member_of(demand_org, MembershipRole.MEMBER))

    response = client.post(action_url(proposal, action), {"reason": "budget"})

    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


@pytest.mark.parametrize("action", ["shortlist", "request-meeting", "decline", "withdraw"])
def test_actions_by_another_organization_are_404(client, proposal, action):
    client.force_login(member_of(OrganizationFactory(), MembershipRole.OWNER))

    response = client.post(action_url(proposal, action), {"reason": "budget"})

    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_decisions_by_the_startup_are_403(client, proposal, founder):
    client.force_login(founder)

    response = client.post(action_url(proposal, "shortlist"))

    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_withdraw_by_a_startup_member(client, proposal, startup):
    client.force_login(member_of(startup, MembershipRole.MEMBER))

    response = client.post(action_url(proposal, "withdraw"))

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN


def test_withdraw_after_an_answer_says_why(client, proposal, founder):
    Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.SHORTLISTED)
    client.force_login(founder)

    response = client.post(action_url(proposal, "withdraw"), follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "This proposal can no longer be withdrawn."
    ]
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SHORTLISTED


def test_withdraw_by_the_demand_owner_is_403(client, proposal, demand_owner):
    client.force_login(demand_owner)

    assert client.post(action_url(proposal, "withdraw")).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_unknown_action_is_404(client, proposal, demand_owner):
    client.force_login(demand_owner)

    assert client.post(action_url(proposal, "approve")).status_code == 404


def test_actions_refuse_get(client, proposal, demand_owner):
    client.force_login(demand_owner)

    assert client.get(action_url(proposal, "shortlist")).status_code == 405


def test_actions_anonymous_go_to_login(client, proposal):
    url = action_url(proposal, "shortlist")

    assert client.post(url)["Location"] == login_redirect(url)
