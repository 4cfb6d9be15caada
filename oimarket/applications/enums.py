from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    DECLINED = "declined", _("Declined")
    MEETING_REQUESTED = "meeting_requested", _("Meeting requested")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DeclineReason(models.TextChoices):
    NOT_A_FIT = "not_a_fit", _("Not a fit for this challenge")
    TOO_EARLY = "too_early", _("Too early: the solution is not mature enough yet")
    BUDGET = "budget", _("The cost is above what we can spend")
    TIMELINE = "timeline", _("The timeline does not fit ours")
    ALREADY_SOLVED = "already_solved", _("Already solved, or in progress with another partner")
    OTHER = "other", _("Other (explained in the note)")


class ProposalAction(models.TextChoices):
    """What the demand organization or the startup may do to a proposal (URL slugs)."""

    SHORTLIST = "shortlist", _("Shortlist")
    DECLINE = "decline", _("Decline")
    REQUEST_MEETING = "request-meeting", _("Invite to a meeting")
    WITHDRAW = "withdraw", _("Withdraw")


# The states each action may start from. Declined and withdrawn are final.
ACTION_SOURCES = {
    ProposalAction.SHORTLIST: frozenset({ProposalStatus.SUBMITTED}),
    ProposalAction.REQUEST_MEETING: frozenset(
        {ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED}
    ),
    ProposalAction.DECLINE: frozenset(
        {ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED, ProposalStatus.MEETING_REQUESTED}
    ),
    ProposalAction.WITHDRAW: frozenset({ProposalStatus.SUBMITTED}),
}
DECISIONS = (ProposalAction.SHORTLIST, ProposalAction.REQUEST_MEETING, ProposalAction.DECLINE)

TEASER_MAX_LENGTH = 1000
POC_PLAN_MAX_LENGTH = 3000
DECLINE_NOTE_MAX_LENGTH = 1000
TIMELINE_MAX_WEEKS = 104
