from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.applications.enums import ProposalStatus
from oimarket.applications.models import Proposal
from oimarket.applications.services import (
    proposal_submit,
    proposal_withdraw,
)
from oimarket.core.errors import DomainError
from oimarket.core.models import AuditEntry
from oimarket.core.templatetags.oimarket import kst
from oimarket.programs.enums import ChallengeStatus, ProgramStatus
from tests.factories import (
    ChallengeFactory,
    OrganizationFactory,
    ProgramFactory,
    ProposalFactory,
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


# Submit ---------------------------------------------------------------------------------------


def test_proposal_submit_creates_a_submitted_proposal(challenge, startup, founder):
    proposal = submit(challenge, startup, founder)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.submitted_by == founder
    assert proposal.first_response_at is None
    assert (proposal.cost_krw, proposal.timeline_weeks) == (20_000_000, 8)
    assert list(AuditEntry.objects.values_list("action", "actor")) == [
        ("proposal.submit", founder.pk)
    ]


def test_proposal_submit_by_a_plain_member_of_the_startup(challenge, startup):
    member = member_of(startup, MembershipRole.MEMBER)

    proposal = submit(challenge, startup, member)

    assert proposal.submitted_by == member


def test_proposal_submit_emails_the_demand_org_owners_and_managers(
    challenge, demand_org, demand_owner, startup, founder, django_capture_on_commit_callbacks
):
    member_of(demand_org, MembershipRole.MANAGER, email="manager@kepco.kr")
    member_of(demand_org, MembershipRole.MEMBER, email="staff@kepco.kr")

    with django_capture_on_commit_callbacks(execute=True):
        submit(challenge, startup, founder)

    assert sorted(m.to[0] for m in mail.outbox) == ["manager@kepco.kr", "owner@kepco.kr"]
    assert [len(m.to) for m in mail.outbox] == [1, 1]
    assert mail.outbox[0].subject == "[oimarket] New proposal from 써멀아이 to “변전소 과열 탐지”"
    assert CONTENT["teaser"] in mail.outbox[0].body


def test_proposal_submit_rejects_a_challenge_closed_one_second_ago(
    challenge, startup, founder, django_capture_on_commit_callbacks
):
    challenge.closes_at = timezone.now() - timedelta(seconds=1)
    challenge.save()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError) as error:
        submit(challenge, startup, founder)

    expected = f"Proposals to this challenge closed on {kst(challenge.closes_at)} (Korea time)."
    assert error.value.message == expected
    assert Proposal.objects.count() == 0
    assert AuditEntry.objects.count() == 0
    assert mail.outbox == []


def test_proposal_submit_accepts_until_the_deadline(challenge, startup, founder):
    challenge.closes_at = timezone.now() + timedelta(seconds=30)
    challenge.save()

    assert submit(challenge, startup, founder).status == ProposalStatus.SUBMITTED


@pytest.mark.parametrize("status", [ChallengeStatus.DRAFT, ChallengeStatus.CLOSED])
def test_proposal_submit_rejects_an_unpublished_challenge(startup, founder, status):
    challenge = ChallengeFactory(status=status)

    with pytest.raises(DomainError) as error:
        submit(challenge, startup, founder)

    assert error.value.message == "This challenge is not taking proposals."
    assert Proposal.objects.count() == 0


def test_proposal_submit_rejects_a_challenge_of_an_unpublished_program(startup, founder):
    challenge = ChallengeFactory(program=ProgramFactory(status=ProgramStatus.DRAFT))

    with pytest.raises(DomainError):
        submit(challenge, startup, founder)

    assert Proposal.objects.count() == 0


def test_proposal_submit_rejects_an_organization_that_is_not_a_startup(challenge):
    company = OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY)
    owner = member_of(company, MembershipRole.OWNER)

    with pytest.raises(DomainError) as error:
        submit(challenge, company, owner)

    assert error.value.message == "Only startups can propose solutions to challenges."
    assert Proposal.objects.count() == 0


def test_proposal_submit_rejects_an_outsider_of_the_startup(challenge, startup):
    outsider = member_of(StartupFactory(), MembershipRole.OWNER)

    with pytest.raises(DomainError) as error:
        submit(challenge, startup, outsider)

    assert error.value.message == "Only members of the startup can propose on its behalf."
    assert Proposal.objects.count() == 0


def test_proposal_submit_rejects_a_second_live_proposal(challenge, startup, founder):
    first = submit(challenge, startup, founder)

    with pytest.raises(DomainError) as error:
        submit(challenge, startup, founder, teaser="다시 제안합니다")

    assert error.value.message == "Your startup already has a proposal to this challenge."
    assert list(Proposal.objects.all()) == [first]


def test_proposal_submit_allows_a_new_proposal_after_withdrawing(challenge, startup, founder):
    first = submit(challenge, startup, founder)
    proposal_withdraw(proposal=first, by=founder)

    second = submit(challenge, startup, founder)

    assert sorted(Proposal.objects.values_list("pk", "status")) == [
        (first.pk, ProposalStatus.WITHDRAWN),
        (second.pk, ProposalStatus.SUBMITTED),
    ]


def test_database_allows_one_live_proposal_per_challenge_and_startup(challenge, startup):
    ProposalFactory(challenge=challenge, startup=startup)

    with pytest.raises(IntegrityError):
        ProposalFactory(challenge=challenge, startup=startup)


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"teaser": "   "}, "teaser"),
        ({"teaser": "가" * 1001}, "teaser"),
        ({"poc_plan": ""}, "poc_plan"),
        ({"cost_krw": -1}, "cost_krw"),
        ({"timeline_weeks": 0}, "timeline_weeks"),
        ({"timeline_weeks": 105}, "timeline_weeks"),
    ],
)
def test_proposal_submit_rejects_invalid_content(challenge, startup, founder, override, field):
    with pytest.raises(DomainError) as error:
        submit(challenge, startup, founder, **override)

    assert error.value.field == field
    assert Proposal.objects.count() == 0


def test_proposal_submit_accepts_a_teaser_of_exactly_the_limit(challenge, startup, founder):
    assert len(submit(challenge, startup, founder, teaser="가" * 1000).teaser) == 1000


def test_proposal_submit_refuses_a_startup_failing_the_challenges_rules(
    challenge, startup, founder
):
    from oimarket.applications.models import Proposal
    from oimarket.core.errors import DomainError
    from oimarket.programs.eligibility.models import EligibilityRule, RuleKind

    startup.startup_profile.team_size = 3
    startup.startup_profile.save()
    EligibilityRule.objects.create(
        challenge=challenge, kind=RuleKind.TEAM_MIN, params={"people": 50}
    )
    with pytest.raises(DomainError) as refused:
        proposal_submit(
            challenge=challenge,
            startup=startup,
            by=founder,
            teaser="열화상 AI",
            poc_plan="6개월 실증",
            cost_krw=10_000_000,
            timeline_weeks=12,
        )
    assert refused.value.message == (
        "써멀아이 does not meet this challenge's conditions: "
        "A team of at least 50 people (Team of 3)."
    )
    assert Proposal.objects.count() == 0
