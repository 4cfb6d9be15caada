"""Reads for accounts and organizations, starting from what the user may see."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .enums import EDITOR_ROLES, MembershipRole, OrganizationKind
from .models import Invitation, Membership, Organization, StartupProfile, User

_ROLE_ORDER = Case(
    When(role=MembershipRole.OWNER, then=Value(0)),
    When(role=MembershipRole.MANAGER, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def organizations_public() -> QuerySet[Organization]:
    return Organization.objects.filter(is_public=True).select_related("region")


def organizations_visible_to(user: User) -> QuerySet[Organization]:
    """Public organizations, plus hidden ones the user belongs to; everything for operators."""
    qs = Organization.objects.select_related("region")
    if not user.is_authenticated:
        return qs.filter(is_public=True)
    if user.is_operator:
        return qs
    own = Membership.objects.filter(user=user).values("organization_id")
    return qs.filter(Q(is_public=True) | Q(pk__in=own))


def organizations_search(*, q: str = "", kind: str = "") -> QuerySet[Organization]:
    """Public organizations for the list page, filtered by kind and a name keyword."""
    qs = organizations_public().select_related("startup_profile")
    if kind in OrganizationKind.values:
        qs = qs.filter(kind=kind)
    q = q.strip()
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(name_en__icontains=q))
    return qs.order_by("name", "pk")


def memberships_of(user: User) -> QuerySet[Membership]:
    """The user's memberships, owners first, then managers, then the oldest."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user)
        .select_related("organization", "organization__region")
        .order_by(_ROLE_ORDER, "created_at", "pk")
    )


def editable_organizations(user: User) -> QuerySet[Organization]:
    """Organizations where the user is an owner or a manager."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user=user, memberships__role__in=EDITOR_ROLES
    ).select_related("region")


def primary_organization(user: User) -> Organization | None:
    membership = memberships_of(user).first()
    return membership.organization if membership else None


def organization_members(organization: Organization) -> QuerySet[Membership]:
    return organization.memberships.select_related("user").order_by(_ROLE_ORDER, "user__email")


def _pending(qs: QuerySet[Invitation]) -> QuerySet[Invitation]:
    return qs.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )


def invitations_pending_for_organization(organization: Organization) -> QuerySet[Invitation]:
    return _pending(organization.invitations.select_related("invited_by"))


def invitations_pending_for(user: User) -> QuerySet[Invitation]:
    """Invitations addressed to the user's e-mail that can still be accepted."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    qs = Invitation.objects.filter(email__iexact=user.email).select_related("organization")
    return _pending(qs).exclude(organization__memberships__user=user)


def invitation_for_token(token: str) -> Invitation | None:
    return Invitation.objects.select_related("organization").filter(token=token).first()


def organization_published_programs(organization: Organization) -> QuerySet:
    return organization.programs.filter(status="published").order_by("closes_at", "pk")


def organization_published_challenges(organization: Organization) -> QuerySet:
    return organization.challenges.filter(status="published").order_by("-published_at", "-pk")


def startup_profile_of(organization: Organization) -> StartupProfile | None:
    return (
        StartupProfile.objects.filter(organization=organization)
        .select_related("organization__region")
        .prefetch_related("fields")
        .first()
    )


def _field_label(name: str) -> str:
    return capfirst(StartupProfile._meta.get_field(name).verbose_name)


def profile_completeness(profile: StartupProfile) -> tuple[int, list[str]]:
    """How complete a startup profile is (0-100) and the labels of what is still missing."""
    pre = profile.is_pre_founder
    checks = [
        (_field_label("founded_on"), pre or profile.founded_on is not None),
        (_field_label("team_size"), profile.team_size is not None),
        (capfirst(_("region")), profile.organization.region_id is not None),
        (_field_label("business_number"), pre or bool(profile.business_number)),
        (_field_label("fields"), len(profile.fields.all()) > 0),
        (_field_label("technologies"), bool(profile.technologies.strip())),
        (_field_label("one_liner"), bool(profile.one_liner.strip())),
        (_field_label("description"), bool(profile.description.strip())),
    ]
    missing = [label for label, done in checks if not done]
    percent = round(100 * (len(checks) - len(missing)) / len(checks))
    return percent, missing
