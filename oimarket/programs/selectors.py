"""Reads of programs and challenges. Every list starts from what the user may see."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from oimarket.accounts.enums import EDITOR_ROLES
from oimarket.accounts.models import Membership, User

from .enums import CLOSING_SOON_DAYS, ChallengeStatus, Phase, ProgramStatus
from .models import Challenge, Program

PUBLIC_PROGRAM_STATUSES = (ProgramStatus.PUBLISHED, ProgramStatus.CLOSED)
PUBLIC_CHALLENGE_STATUSES = (ChallengeStatus.PUBLISHED, ChallengeStatus.CLOSED)


def _member_org_ids(user: User, *, editors_only: bool = False):
    qs = Membership.objects.filter(user_id=user.pk)
    if editors_only:
        qs = qs.filter(role__in=EDITOR_ROLES)
    return qs.values("organization_id")


def programs_public() -> QuerySet[Program]:
    return Program.objects.filter(status__in=PUBLIC_PROGRAM_STATUSES)


def programs_visible_to(user: User) -> QuerySet[Program]:
    if user.is_authenticated and user.is_operator:
        return Program.objects.all()
    visible = Q(status__in=PUBLIC_PROGRAM_STATUSES)
    if user.is_authenticated:
        visible |= Q(organization_id__in=_member_org_ids(user))
    return Program.objects.filter(visible)


def programs_editable_by(user: User) -> QuerySet[Program]:
    if user.is_operator:
        return Program.objects.all()
    return Program.objects.filter(organization_id__in=_member_org_ids(user, editors_only=True))


def programs_accepting_challenges(now: datetime | None = None) -> QuerySet[Program]:
    now = now or timezone.now()
    return Program.objects.filter(
        status=ProgramStatus.PUBLISHED,
        accepts_challenges=True,
        opens_at__lte=now,
        closes_at__gt=now,
    )


def challenges_public() -> QuerySet[Challenge]:
    return Challenge.objects.filter(status__in=PUBLIC_CHALLENGE_STATUSES).filter(
        Q(program__isnull=True) | Q(program__status__in=PUBLIC_PROGRAM_STATUSES)
    )


def challenges_visible_to(user: User) -> QuerySet[Challenge]:
    """Public challenges; an organization's own at any state; proposals to programs one runs."""
    if user.is_authenticated and user.is_operator:
        return Challenge.objects.all()
    public = Q(status__in=PUBLIC_CHALLENGE_STATUSES) & (
        Q(program__isnull=True) | Q(program__status__in=PUBLIC_PROGRAM_STATUSES)
    )
    if not user.is_authenticated:
        return Challenge.objects.filter(public)
    own = Q(organization_id__in=_member_org_ids(user))
    intake = Q(program__organization_id__in=_member_org_ids(user)) & ~Q(
        status=ChallengeStatus.DRAFT
    )
    return Challenge.objects.filter(public | own | intake)


def challenges_in_intake(program: Program) -> QuerySet[Challenge]:
    return (
        program.challenges.exclude(status=ChallengeStatus.DRAFT)
        .select_related("organization")
        .order_by("status", "-updated_at")
    )


@dataclass
class CatalogueQuery:
    """The catalogue's filters, already validated (see `forms.CatalogueFilterForm`)."""

    q: str = ""
    track: str = ""
    fields: list[str] = field(default_factory=list)
    region: str = ""
    status: str = ""
    org_kind: str = ""
    deadline_days: int | None = None
    sort: str = "closing"


def _phase_filter(status: str, now: datetime) -> Q:
    published = Q(status=ProgramStatus.PUBLISHED)
    soon = now + timedelta(days=CLOSING_SOON_DAYS)
    if status == Phase.UPCOMING:
        return published & Q(opens_at__gt=now)
    if status == Phase.OPEN:
        return published & Q(opens_at__lte=now, closes_at__gt=now)
    if status == Phase.CLOSING_SOON:
        return published & Q(opens_at__lte=now, closes_at__gt=now, closes_at__lte=soon)
    if status == Phase.CLOSED:
        return Q(status=ProgramStatus.CLOSED) | Q(closes_at__lte=now)
    if status == "all":
        return Q()
    # By default the catalogue shows what one can still act on.
    return published & Q(closes_at__gt=now)


def _keyword_filter(q: str) -> Q:
    condition = Q()
    for word in q.split()[:8]:
        condition &= (
            Q(title__icontains=word)
            | Q(title_en__icontains=word)
            | Q(summary__icontains=word)
            | Q(summary_en__icontains=word)
            | Q(organization__name__icontains=word)
            | Q(organization__name_en__icontains=word)
        )
    return condition


def programs_catalogue(
    query: CatalogueQuery, *, base: QuerySet[Program] | None = None, now: datetime | None = None
) -> QuerySet[Program]:
    now = now or timezone.now()
    qs = programs_public() if base is None else base
    qs = qs.filter(_phase_filter(query.status, now))
    if query.q:
        qs = qs.filter(_keyword_filter(query.q))
    if query.track:
        qs = qs.filter(track=query.track)
    if query.org_kind:
        qs = qs.filter(organization__kind=query.org_kind)
    if query.fields:
        through = Program.fields.through.objects.filter(
            program_id=OuterRef("pk"), field_id__in=query.fields
        )
        qs = qs.filter(Exists(through))
    if query.region:
        # A nationwide program (no region) is open to every region.
        regions = Program.regions.through.objects.filter(program_id=OuterRef("pk"))
        qs = qs.filter(Exists(regions.filter(region_id=query.region)) | ~Exists(regions))
    if query.deadline_days:
        qs = qs.filter(closes_at__gt=now, closes_at__lte=now + timedelta(days=query.deadline_days))
    return _catalogue_order(qs, query.sort, now)


def _catalogue_order(qs: QuerySet[Program], sort: str, now: datetime) -> QuerySet[Program]:
    if sort == "newest":
        return qs.order_by("-published_at", "-id")
    # Closing soonest: what is still open first, by deadline; closed calls last.
    is_over = Case(
        When(closes_at__lte=now, then=Value(1)), default=Value(0), output_field=IntegerField()
    )
    return qs.annotate(is_over=is_over).order_by("is_over", "closes_at", "id")


def with_card_relations(qs: QuerySet[Program]) -> QuerySet[Program]:
    """What a catalogue card shows, in a fixed number of queries whatever the page size."""
    return qs.select_related("organization").prefetch_related("fields", "regions")


def program_for_detail(qs: QuerySet[Program], pk: int) -> Program:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        qs.select_related("organization", "organization__region").prefetch_related(
            "fields",
            "regions",
            "partners",
            "eligibility_rules",
            Prefetch(
                "challenges",
                queryset=challenges_public()
                .select_related("organization")
                .prefetch_related("fields"),
                to_attr="public_challenges",
            ),
        ),
        pk=pk,
    )


def challenges_catalogue(
    *,
    base: QuerySet[Challenge],
    q: str = "",
    fields: list[str] | None = None,
    org_kind: str = "",
    status: str = "",
    sort: str = "newest",
    now: datetime | None = None,
) -> QuerySet[Challenge]:
    now = now or timezone.now()
    qs = base
    if status == "closed":
        qs = qs.filter(Q(status=ChallengeStatus.CLOSED) | Q(closes_at__lte=now))
    elif status != "all":
        qs = qs.filter(status=ChallengeStatus.PUBLISHED).filter(
            Q(closes_at__isnull=True) | Q(closes_at__gt=now)
        )
    for word in q.split()[:8]:
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(title_en__icontains=word)
            | Q(problem__icontains=word)
            | Q(organization__name__icontains=word)
        )
    if fields:
        through = Challenge.fields.through.objects.filter(
            challenge_id=OuterRef("pk"), field_id__in=fields
        )
        qs = qs.filter(Exists(through))
    if org_kind:
        qs = qs.filter(organization__kind=org_kind)
    if sort == "closing":
        no_deadline = Case(
            When(closes_at__isnull=True, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        qs = qs.annotate(no_deadline=no_deadline).order_by("no_deadline", "closes_at", "-id")
    else:
        qs = qs.order_by("-published_at", "-id")
    return qs.select_related("organization", "program").prefetch_related("fields")


def programs_closing_soon_in_fields(*, field_codes: list[str], limit: int = 5) -> list[Program]:
    now = timezone.now()
    qs = programs_public().filter(
        status=ProgramStatus.PUBLISHED, opens_at__lte=now, closes_at__gt=now
    )
    if field_codes:
        through = Program.fields.through.objects.filter(
            program_id=OuterRef("pk"), field_id__in=field_codes
        )
        qs = qs.filter(Exists(through))
    return list(with_card_relations(qs.order_by("closes_at", "id"))[:limit])
