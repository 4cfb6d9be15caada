"""Proposal helpers for templates: ``{% load proposals %}``.

- ``{{ timedelta|duration }}``: "3 days", "5 hours", "12 minutes".
- ``{% challenge_proposals challenge %}``: on a challenge page, the "Propose a solution" button
  for startups (or a link to their proposal), and the received proposals for the organization.
"""

from datetime import timedelta

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from oimarket.accounts.models import Membership

from ..enums import ProposalStatus
from ..selectors import live_proposal_of, proposals_for_challenge
from ..services import proposal_closed_reason

register = template.Library()


@register.filter
def duration(value: timedelta | None) -> str:
    """A waiting time in its largest whole unit, rounded down."""
    if value is None:
        return ""
    seconds = int(value.total_seconds())
    if seconds >= 86400:
        n = seconds // 86400
        return ngettext("%(n)d day", "%(n)d days", n) % {"n": n}
    if seconds >= 3600:
        n = seconds // 3600
        return ngettext("%(n)d hour", "%(n)d hours", n) % {"n": n}
    if seconds >= 60:
        n = seconds // 60
        return ngettext("%(n)d minute", "%(n)d minutes", n) % {"n": n}
    return _("less than a minute")


@register.inclusion_tag("applications/_challenge_proposals.html", takes_context=True)
def challenge_proposals(context, challenge) -> dict:
    user = context["request"].user
    in_org = user.is_authenticated and (
        user.is_operator
        or Membership.objects.filter(
            user_id=user.pk, organization_id=challenge.organization_id
        ).exists()
    )
    if in_org:
        received = proposals_for_challenge(challenge).exclude(status=ProposalStatus.WITHDRAWN)
        return {"challenge": challenge, "in_org": True, "received": received.count()}
    return {
        "challenge": challenge,
        "in_org": False,
        "closed_reason": proposal_closed_reason(challenge),
        "existing": live_proposal_of(challenge=challenge, user=user),
    }
