import pytest
from django.core import mail

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import DeclineReason, ProposalStatus
from oimarket.applications.models import Proposal
from oimarket.applications.services import (
    proposal_decline,
    proposal_request_meeting,
    proposal_shortlist,
    proposal_submit,
    proposal_withdraw,
)
from oimarket.core.errors import DomainError
from oimarket.core.models import AuditEntry
from tests.factories import (
    OperatorFactory,
    OrganizationFactory,
    StartupFactory,
)

from .conftest import member_of

pytestmark = pytest.mark.django_db

CONTENT = {
    "teaser": "열화상 영상으로 과열 설비를 5분 안에 알려 줍니다.",
    "poc_plan": "변전소 2곳, 8주 실증",
    "cost_krw": 20_000_000,
    "timeline_weeks": 8,
}


def submit(challenge, startup, by, **overrides):
    return proposal_submit(challenge=challenge, startup=startup, by=by, **{**CONTENT, **overrides})


# Decisions ------------------------------------------------------------------------------------


def test_proposal_shortlist_records_the_first_response(
    proposal, demand_owner, founder, django_capture_on_commit_callbacks
):
    cofounder = member_of(proposal.startup, MembershipRole.MEMBER, email="cto@startup.kr")

    with django_capture_on_commit_callbacks(execute=True):
        proposal_shortlist(proposal=proposal, by=demand_owner)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SHORTLISTED
    assert proposal.first_response_at == proposal.decided_at
    assert proposal.decided_by == demand_owner
    assert AuditEntry.objects.get().action == "proposal.shortlist"
    assert sorted(m.to[0] for m in mail.outbox) == [cofounder.email, founder.email]
    assert mail.outbox[0].subject == "[oimarket] Your proposal to “변전소 과열 탐지” is shortlisted"


def test_proposal_shortlist_by_a_manager(proposal, demand_org):
    manager = member_of(demand_org, MembershipRole.MANAGER)

    assert proposal_shortlist(proposal=proposal, by=manager).status == ProposalStatus.SHORTLISTED


def test_proposal_shortlist_by_an_operator(proposal):
    assert proposal_shortlist(proposal=proposal, by=OperatorFactory()).decided_by.is_staff


@pytest.mark.parametrize("who", ["plain_member", "other_org_owner", "startup_owner"])
def test_proposal_decisions_refused_to_others_change_nothing(
    proposal, demand_org, founder, who, django_capture_on_commit_callbacks
):
    user = {
        "plain_member": lambda: member_of(demand_org, MembershipRole.MEMBER),
        "other_org_owner": lambda: member_of(OrganizationFactory(), MembershipRole.OWNER),
        "startup_owner": lambda: founder,
    }[who]()

    with django_capture_on_commit_callbacks(execute=True):
        for service in (proposal_shortlist, proposal_request_meeting):
            with pytest.raises(DomainError):
                service(proposal=proposal, by=user)
        with pytest.raises(DomainError):
            proposal_decline(proposal=proposal, by=user, reason=DeclineReason.BUDGET, note="")

    proposal.refresh_from_db()
    assert (proposal.status, proposal.first_response_at, proposal.decline_reason) == (
        ProposalStatus.SUBMITTED,
        None,
        "",
    )
    assert AuditEntry.objects.count() == 0
    assert mail.outbox == []


def test_proposal_decline_stores_and_mails_the_reason(
    proposal, demand_owner, founder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal_decline(
            proposal=proposal, by=demand_owner, reason=DeclineReason.BUDGET, note=" 예산 초과 "
        )

    proposal.refresh_from_db()
    assert (proposal.status, proposal.decline_reason, proposal.decline_note) == (
        ProposalStatus.DECLINED,
        DeclineReason.BUDGET,
        "예산 초과",
    )
    assert proposal.first_response_at is not None
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.data) == ("proposal.decline", {"reason": "budget"})
    assert [m.to for m in mail.outbox] == [[founder.email]]
    assert "Reason: The cost is above what we can spend\n예산 초과" in mail.outbox[0].body


def test_proposal_decline_requires_a_reason(proposal, demand_owner):
    with pytest.raises(DomainError) as error:
        proposal_decline(proposal=proposal, by=demand_owner, reason="", note="안 맞아요")

    assert error.value.field == "reason"
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_proposal_decline_other_requires_a_note(proposal, demand_owner):
    with pytest.raises(DomainError) as error:
        proposal_decline(proposal=proposal, by=demand_owner, reason=DeclineReason.OTHER, note=" ")

    assert error.value.field == "note"
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decline_reason) == (ProposalStatus.SUBMITTED, "")


def test_proposal_decline_other_with_a_note(proposal, demand_owner):
    declined = proposal_decline(
        proposal=proposal, by=demand_owner, reason=DeclineReason.OTHER, note="내부 사정"
    )

    assert (declined.decline_reason, declined.decline_note) == ("other", "내부 사정")


def test_later_decisions_keep_the_first_response_time(proposal, demand_owner):
    proposal_shortlist(proposal=proposal, by=demand_owner)
    first = proposal.first_response_at

    proposal_request_meeting(proposal=proposal, by=demand_owner)
    proposal_decline(proposal=proposal, by=demand_owner, reason=DeclineReason.TOO_EARLY)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.first_response_at == first
    assert proposal.decided_at > first


def test_proposal_request_meeting_stores_the_intent(
    proposal, demand_owner, founder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal_request_meeting(proposal=proposal, by=demand_owner)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.MEETING_REQUESTED
    assert AuditEntry.objects.get().action == "proposal.request_meeting"
    assert [m.to for m in mail.outbox] == [[founder.email]]
    assert mail.outbox[0].subject == (
        "[oimarket] A meeting is requested about your proposal to “변전소 과열 탐지”"
    )


@pytest.mark.parametrize("status", [ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN])
def test_final_proposals_take_no_decision(proposal, demand_owner, status):
    Proposal.objects.filter(pk=proposal.pk).update(
        status=status, decline_reason=DeclineReason.NOT_A_FIT
    )
    proposal.refresh_from_db()

    for service in (proposal_shortlist, proposal_request_meeting):
        with pytest.raises(DomainError) as error:
            service(proposal=proposal, by=demand_owner)
        assert error.value.message == "This proposal cannot be changed from its current state."
    proposal.refresh_from_db()
    assert (proposal.status, proposal.first_response_at) == (status, None)


def test_a_meeting_request_cannot_go_back_to_the_shortlist(proposal, demand_owner):
    proposal_request_meeting(proposal=proposal, by=demand_owner)

    with pytest.raises(DomainError):
        proposal_shortlist(proposal=proposal, by=demand_owner)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.MEETING_REQUESTED


# Withdraw -------------------------------------------------------------------------------------


def test_proposal_withdraw_by_the_startup(
    proposal, founder, demand_owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal_withdraw(proposal=proposal, by=founder)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert proposal.withdrawn_at is not None
    assert AuditEntry.objects.get().action == "proposal.withdraw"
    assert [m.to for m in mail.outbox] == [[demand_owner.email]]
    assert (
        mail.outbox[0].subject == "[oimarket] 써멀아이 withdrew its proposal to “변전소 과열 탐지”"
    )


def test_proposal_withdraw_refused_after_a_response(proposal, founder, demand_owner):
    proposal_shortlist(proposal=proposal, by=demand_owner)

    with pytest.raises(DomainError) as error:
        proposal_withdraw(proposal=proposal, by=founder)

    assert error.value.message == (
        "The organization has already responded: it can no longer be withdrawn."
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.withdrawn_at) == (ProposalStatus.SHORTLISTED, None)


@pytest.mark.parametrize("who", ["demand_owner", "other_startup_owner"])
def test_proposal_withdraw_refused_to_others(proposal, demand_owner, who):
    user = demand_owner if who == "demand_owner" else member_of(StartupFactory())

    with pytest.raises(DomainError):
        proposal_withdraw(proposal=proposal, by=user)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert AuditEntry.objects.count() == 0


def test_notifications_skip_inactive_users(
    proposal, demand_owner, founder, django_capture_on_commit_callbacks
):
    gone = member_of(proposal.startup, MembershipRole.MEMBER)
    gone.is_active = False
    gone.save()

    with django_capture_on_commit_callbacks(execute=True):
        proposal_shortlist(proposal=proposal, by=demand_owner)

    assert [m.to for m in mail.outbox] == [[founder.email]]
