"""Writes to proposals. Every state change goes through here, is audited and notified."""

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from oimarket.accounts.enums import EDITOR_ROLES
from oimarket.accounts.models import Membership, Organization, User
from oimarket.accounts.services import site_url
from oimarket.core.audit import audit
from oimarket.core.errors import DomainError
from oimarket.core.templatetags.oimarket import kst
from oimarket.programs.eligibility.check import eligibility_check
from oimarket.programs.enums import ChallengeStatus
from oimarket.programs.models import Challenge
from oimarket.programs.selectors import PUBLIC_PROGRAM_STATUSES

from ..enums import (
    POC_PLAN_MAX_LENGTH,
    TEASER_MAX_LENGTH,
    TIMELINE_MAX_WEEKS,
    DeclineReason,
    ProposalAction,
    ProposalStatus,
)
from ..models import Proposal
from ..tasks import proposal_notify_task

# Who hears about what: the demand organization's editors, or every member of the startup.
_NOTIFY_DEMAND_ORG = {ProposalStatus.SUBMITTED, ProposalStatus.WITHDRAWN}


def _notify_on_commit(proposal: Proposal) -> None:
    """Once committed, e-mail about the state just entered (the event is the new status)."""
    event = str(proposal.status)
    transaction.on_commit(
        lambda: proposal_notify_task.enqueue(proposal_id=proposal.pk, event=event)
    )


def proposal_closed_reason(challenge: Challenge) -> str | None:
    """Why the challenge takes no proposal now (server time), or None when it does."""
    program = challenge.program
    if challenge.status != ChallengeStatus.PUBLISHED or (
        program is not None and program.status not in PUBLIC_PROGRAM_STATUSES
    ):
        return _("This challenge is not taking proposals.")
    if challenge.closes_at is not None and timezone.now() >= challenge.closes_at:
        return _("Proposals to this challenge closed on %(date)s (Korea time).") % {
            "date": kst(challenge.closes_at)
        }
    return None


def _check_content(*, teaser: str, poc_plan: str, cost_krw: int, timeline_weeks: int) -> None:
    if not teaser.strip():
        raise DomainError(_("Describe what your solution does."), field="teaser")
    if len(teaser) > TEASER_MAX_LENGTH:
        raise DomainError(
            _("Keep the teaser under %(n)d characters.") % {"n": TEASER_MAX_LENGTH}, field="teaser"
        )
    if not poc_plan.strip():
        raise DomainError(_("Describe the PoC you expect."), field="poc_plan")
    if len(poc_plan) > POC_PLAN_MAX_LENGTH:
        raise DomainError(
            _("Keep the PoC plan under %(n)d characters.") % {"n": POC_PLAN_MAX_LENGTH},
            field="poc_plan",
        )
    if cost_krw is None or cost_krw < 0:
        raise DomainError(_("The cost cannot be negative."), field="cost_krw")
    if timeline_weeks is None or not 1 <= timeline_weeks <= TIMELINE_MAX_WEEKS:
        raise DomainError(
            _("The timeline must be between 1 and %(n)d weeks.") % {"n": TIMELINE_MAX_WEEKS},
            field="timeline_weeks",
        )


def _check_eligible(challenge: Challenge, startup: Organization) -> None:
    """A challenge's own rules (if any) are checked as a program's are: failed ones refuse."""
    failed = eligibility_check(challenge=challenge, startup=startup).failed
    if failed:
        rules = "; ".join(f"{o.condition} ({o.detail})" for o in failed)
        raise DomainError(
            _("%(startup)s does not meet this challenge's conditions: %(rules)s.")
            % {"startup": startup.display_name, "rules": rules}
        )


@transaction.atomic
def proposal_submit(
    *,
    challenge: Challenge,
    startup: Organization,
    by: User,
    teaser: str,
    poc_plan: str,
    cost_krw: int,
    timeline_weeks: int,
) -> Proposal:
    """Any member of a startup proposes a solution to a published, open challenge."""
    if not startup.is_startup:
        raise DomainError(_("Only startups can propose solutions to challenges."))
    if not Membership.objects.filter(user_id=by.pk, organization=startup).exists():
        raise DomainError(_("Only members of the startup can propose on its behalf."))
    closed = proposal_closed_reason(challenge)
    if closed:
        raise DomainError(closed)
    _check_eligible(challenge, startup)
    _check_content(
        teaser=teaser, poc_plan=poc_plan, cost_krw=cost_krw, timeline_weeks=timeline_weeks
    )
    duplicate = _("Your startup already has a proposal to this challenge.")
    live = Proposal.objects.filter(challenge=challenge, startup=startup)
    if live.exclude(status=ProposalStatus.WITHDRAWN).exists():
        raise DomainError(duplicate)
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(
                challenge=challenge,
                startup=startup,
                submitted_by=by,
                teaser=teaser.strip(),
                poc_plan=poc_plan.strip(),
                cost_krw=cost_krw,
                timeline_weeks=timeline_weeks,
                submitted_at=timezone.now(),
            )
    except IntegrityError as error:  # a second tab won the race
        raise DomainError(duplicate) from error
    audit(actor=by, target=proposal, action="proposal.submit", data={"challenge": challenge.pk})
    _notify_on_commit(proposal)
    return proposal


def _check_decider(proposal: Proposal, by: User, action: str) -> None:
    if not by.has_perm("applications.decide_proposal", proposal):
        raise DomainError(_("Only the challenge's organization can decide on this proposal."))
    if not proposal.allows(action):
        raise DomainError(_("This proposal cannot be changed from its current state."))


def _decide(proposal: Proposal, *, by: User, status: str, action: str, data: dict) -> Proposal:
    now = timezone.now()
    proposal.status = status
    proposal.first_response_at = proposal.first_response_at or now
    proposal.decided_at = now
    proposal.decided_by = by
    proposal.save(
        update_fields=[
            "status",
            "decline_reason",
            "decline_note",
            "first_response_at",
            "decided_at",
            "decided_by",
            "updated_at",
        ]
    )
    audit(actor=by, target=proposal, action=action, data=data)
    _notify_on_commit(proposal)
    return proposal


@transaction.atomic
def proposal_shortlist(*, proposal: Proposal, by: User) -> Proposal:
    _check_decider(proposal, by, ProposalAction.SHORTLIST)
    return _decide(
        proposal, by=by, status=ProposalStatus.SHORTLISTED, action="proposal.shortlist", data={}
    )


@transaction.atomic
def proposal_request_meeting(*, proposal: Proposal, by: User) -> Proposal:
    """Store the intent to meet; meeting requests themselves arrive with the events app."""
    _check_decider(proposal, by, ProposalAction.REQUEST_MEETING)
    return _decide(
        proposal,
        by=by,
        status=ProposalStatus.MEETING_REQUESTED,
        action="proposal.request_meeting",
        data={},
    )


@transaction.atomic
def proposal_decline(*, proposal: Proposal, by: User, reason: str, note: str = "") -> Proposal:
    """Decline with a reason from the list; the startup always sees it (and the note)."""
    _check_decider(proposal, by, ProposalAction.DECLINE)
    if reason not in DeclineReason.values:
        raise DomainError(_("Choose a reason."), field="reason")
    note = (note or "").strip()
    if reason == DeclineReason.OTHER and not note:
        raise DomainError(_("Explain the reason in the note."), field="note")
    proposal.decline_reason = reason
    proposal.decline_note = note
    return _decide(
        proposal,
        by=by,
        status=ProposalStatus.DECLINED,
        action="proposal.decline",
        data={"reason": reason},
    )


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, by: User) -> Proposal:
    """The startup takes its proposal back, before the organization has decided."""
    if not Membership.objects.filter(user_id=by.pk, organization_id=proposal.startup_id).exists():
        raise DomainError(_("Only members of the startup can withdraw its proposal."))
    if not proposal.allows(ProposalAction.WITHDRAW):
        raise DomainError(
            _("The organization has already responded: it can no longer be withdrawn.")
        )
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.withdrawn_at = timezone.now()
    proposal.save(update_fields=["status", "withdrawn_at", "updated_at"])
    audit(actor=by, target=proposal, action="proposal.withdraw")
    _notify_on_commit(proposal)
    return proposal


def proposal_recipients(*, proposal: Proposal, event: str) -> list[str]:
    """E-mail addresses to notify: demand org owners and managers, or all startup members."""
    if event in _NOTIFY_DEMAND_ORG:
        memberships = Membership.objects.filter(
            organization_id=proposal.challenge.organization_id, role__in=EDITOR_ROLES
        )
    else:
        memberships = Membership.objects.filter(organization_id=proposal.startup_id)
    emails = memberships.filter(user__is_active=True).values_list("user__email", flat=True)
    return sorted(set(emails))


def proposal_notify(*, proposal: Proposal, event: str) -> int:
    """Send one e-mail per recipient about the event (called from the task)."""
    context = {
        "proposal": proposal,
        "event": event,
        "url": f"{site_url()}{proposal.get_absolute_url()}",
    }
    subject = " ".join(render_to_string("applications/email/proposal_subject.txt", context).split())
    body = render_to_string("applications/email/proposal_message.txt", context)
    messages = [
        EmailMessage(subject, body, None, [email])
        for email in proposal_recipients(proposal=proposal, event=event)
    ]
    return get_connection().send_messages(messages) or 0
