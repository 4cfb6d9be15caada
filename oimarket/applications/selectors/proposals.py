"""Reads of proposals. Every list starts from what the user may see."""

from datetime import datetime, timedelta
from statistics import median

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from oimarket.accounts.enums import PUBLISHER_KINDS, OrganizationKind
from oimarket.accounts.models import Membership, Organization, User
from oimarket.programs.models import Challenge

from ..enums import ProposalStatus
from ..models import Proposal


def _member_org_ids(user: User, *, kinds=None):
    qs = Membership.objects.filter(user_id=user.pk)
    if kinds is not None:
        qs = qs.filter(organization__kind__in=kinds)
    return qs.values("organization_id")


def _with_relations(qs: QuerySet[Proposal]) -> QuerySet[Proposal]:
    return qs.select_related("challenge", "challenge__organization", "startup", "submitted_by")


def proposals_visible_to(user: User) -> QuerySet[Proposal]:
    """The startup's members see its proposals; the challenge org's members see proposals to
    its challenges; operators see all."""
    qs = _with_relations(Proposal.objects.all())
    if not user.is_authenticated:
        return qs.none()
    if user.is_operator:
        return qs
    orgs = _member_org_ids(user)
    return qs.filter(Q(startup_id__in=orgs) | Q(challenge__organization_id__in=orgs))


def proposals_of_my_startups(user: User) -> QuerySet[Proposal]:
    """ "My proposals": those of the startups the user belongs to, newest first."""
    startups = _member_org_ids(user, kinds=[OrganizationKind.STARTUP])
    return (
        proposals_visible_to(user).filter(startup_id__in=startups).order_by("-submitted_at", "-pk")
    )


_AWAITING_FIRST = Case(
    When(status=ProposalStatus.SUBMITTED, then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)


def proposals_inbox(
    user: User, *, challenge_id: int | None = None, status: str = ""
) -> QuerySet[Proposal]:
    """Proposals to the challenges of the user's organizations (all for operators): those
    awaiting a response first, the longest waiting on top; then the others, newest first."""
    qs = proposals_visible_to(user)
    if not user.is_operator:
        qs = qs.filter(challenge__organization_id__in=_member_org_ids(user))
    if challenge_id:
        qs = qs.filter(challenge_id=challenge_id)
    if status in ProposalStatus.values:
        qs = qs.filter(status=status)
    return qs.annotate(awaiting_first=_AWAITING_FIRST).order_by(
        "awaiting_first", "submitted_at", "pk"
    )


def inbox_challenges(user: User) -> QuerySet[Challenge]:
    """Challenges to filter the inbox by: those of the user's organizations with a proposal."""
    qs = Challenge.objects.filter(proposals__isnull=False)
    if not user.is_operator:
        qs = qs.filter(organization_id__in=_member_org_ids(user))
    return qs.distinct().order_by("-published_at", "-pk")


def user_receives_proposals(user: User) -> bool:
    if user.is_operator:
        return True
    return Membership.objects.filter(
        user_id=user.pk, organization__kind__in=PUBLISHER_KINDS
    ).exists()


def proposals_for_challenge(challenge: Challenge) -> QuerySet[Proposal]:
    """All proposals to one challenge, oldest first; check `view_challenge` rights first."""
    return challenge.proposals.select_related("startup", "submitted_by").order_by(
        "submitted_at", "pk"
    )


def live_proposal_of(*, challenge: Challenge, user: User) -> Proposal | None:
    """The not-withdrawn proposal of one of the user's startups to this challenge, if any."""
    if not user.is_authenticated:
        return None
    return (
        proposals_of_my_startups(user)
        .filter(challenge=challenge)
        .exclude(status=ProposalStatus.WITHDRAWN)
        .first()
    )


def proposal_waiting(proposal: Proposal, now: datetime) -> timedelta:
    """How long the proposal waited: until its first response (or withdrawal), else until now."""
    return proposal.waiting(now)


def organization_median_response_hours(organization: Organization) -> float | None:
    """Median hours from submission to first response over the proposals to the organization's
    challenges that got one; None when none has. Computed in Python: any database."""
    pairs = Proposal.objects.filter(
        challenge__organization=organization, first_response_at__isnull=False
    ).values_list("submitted_at", "first_response_at")
    hours = [(answered - submitted).total_seconds() / 3600 for submitted, answered in pairs]
    return median(hours) if hours else None
