from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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
    WITHDRAW = "withdraw", pgettext_lazy("proposal action", "Withdraw")


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


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    CHOICE = "choice", _("One choice")
    MULTI_CHOICE = "multi_choice", _("Several choices")
    FILE = "file", _("File")
    TEAM_TABLE = "team_table", _("Team table")
    BUDGET_TABLE = "budget_table", _("Budget table")


class Prefill(models.TextChoices):
    """Profile values a question may start from (the startup can still change its answer)."""

    NONE = "", _("Nothing")
    ONE_LINER = "one_liner", _("One-line description")
    DESCRIPTION = "description", _("Description")
    TECHNOLOGIES = "technologies", _("Technologies")
    TEAM_SIZE = "team_size", _("Team size")
    FOUNDED_ON = "founded_on", _("Founding date")
    TOTAL_INVESTMENT = "total_investment_krw", _("Total investment attracted")
    WEBSITE = "website", _("Website")
