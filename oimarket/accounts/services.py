"""Writes for accounts and organizations. Views, forms, the API and tasks call these."""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from oimarket.core.audit import audit
from oimarket.core.errors import DomainError
from oimarket.matching.services import schedule_reindex

from .enums import MembershipRole, OrganizationKind
from .models import Invitation, Membership, Organization, Region, StartupProfile, User
from .tasks import invitation_send_task
from .validators import normalize_business_number

INVITATION_VALID_DAYS = 7
SLUG_MAX_LENGTH = 60

ORGANIZATION_EDITABLE_FIELDS = (
    "name",
    "name_en",
    "description",
    "description_en",
    "website",
    "region",
    "is_public",
)
PROFILE_EDITABLE_FIELDS = (
    "founded_on",
    "is_pre_founder",
    "team_size",
    "business_number",
    "listed_shareholder",
    "investment_stage",
    "total_investment_krw",
    "technologies",
    "one_liner",
    "description",
)

# Revised Romanization of Korean, syllable by syllable (no sound-change rules: slugs only).
_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()  # noqa: SIM905
_MEDIALS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()  # noqa: SIM905
_FINALS = "- k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()  # noqa: SIM905


def romanize(text: str) -> str:
    """`오픈 이노베이션` → `opeun inobeisyeon`; characters other than Hangul pass through."""
    out, previous_final = [], ""
    for char in text:
        index = ord(char) - 0xAC00
        if not 0 <= index < 11172:
            out.append(char)
            previous_final = ""
            continue
        initial, rest = divmod(index, 588)
        medial, final = divmod(rest, 28)
        first = _INITIALS[initial]
        if first == "r" and previous_final == "l":
            first = "l"  # ㄹㄹ is written ll (물류 → mullyu)
        previous_final = _FINALS[final]
        parts = (first, _MEDIALS[medial], previous_final)
        out.append("".join(p for p in parts if p != "-"))
    return "".join(out)


def organization_slug(*, name: str, name_en: str = "") -> str:
    """A unique ASCII slug: from the English name, else the romanized name, else random."""
    base = slugify(name_en) or slugify(romanize(name))
    base = base[:SLUG_MAX_LENGTH].strip("-") or f"org-{secrets.token_hex(3)}"
    slug, n = base, 2
    while Organization.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organization_create(
    *,
    by: User,
    name: str,
    kind: str,
    name_en: str = "",
    region: Region | None = None,
    description: str = "",
    website: str = "",
) -> Organization:
    """Create an organization with `by` as its owner (and an empty profile for a startup)."""
    if kind not in OrganizationKind.values:
        raise DomainError(_("Choose a kind of organization."), field="kind")
    if not name.strip():
        raise DomainError(_("Enter the organization's name."), field="name")
    organization = Organization.objects.create(
        name=name.strip(),
        name_en=name_en.strip(),
        slug=organization_slug(name=name, name_en=name_en),
        kind=kind,
        region=region,
        description=description,
        website=website,
    )
    Membership.objects.create(user=by, organization=organization, role=MembershipRole.OWNER)
    if organization.is_startup:
        StartupProfile.objects.create(organization=organization)
    audit(actor=by, target=organization, action="organization.create", data={"kind": kind})
    schedule_reindex(kind="organization", pk=organization.pk)
    return organization


@transaction.atomic
def organization_update(*, organization: Organization, by: User, **data) -> Organization:
    unknown = set(data) - set(ORGANIZATION_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"organization_update() got unexpected fields: {sorted(unknown)}")
    if "name" in data and not data["name"].strip():
        raise DomainError(_("Enter the organization's name."), field="name")
    for name, value in data.items():
        setattr(organization, name, value)
    organization.save()
    audit(
        actor=by, target=organization, action="organization.update", data={"fields": sorted(data)}
    )
    schedule_reindex(kind="organization", pk=organization.pk)
    return organization


def _clean_profile_data(data: dict) -> dict:
    """Apply the profile's business rules; raise DomainError on the first broken one."""
    if "business_number" in data:
        try:
            data["business_number"] = normalize_business_number(data["business_number"] or "")
        except ValidationError as error:
            raise DomainError(error.messages[0], field="business_number") from error
    founded_on: date | None = data.get("founded_on")
    if data.get("is_pre_founder") and founded_on:
        raise DomainError(
            _("A pre-founder has no founding date yet: leave the date empty."), field="founded_on"
        )
    if founded_on and founded_on > timezone.localdate():
        raise DomainError(_("The founding date cannot be in the future."), field="founded_on")
    return data


@transaction.atomic
def startup_profile_update(*, profile: StartupProfile, by: User, **data) -> StartupProfile:
    """Update a startup's profile; `region` goes to the organization, `fields` is a list."""
    allowed = set(PROFILE_EDITABLE_FIELDS) | {"region", "fields"}
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"startup_profile_update() got unexpected fields: {sorted(unknown)}")
    data = _clean_profile_data(dict(data))
    fields = data.pop("fields", None)
    if "region" in data:
        profile.organization.region = data.pop("region")
        profile.organization.save(update_fields=["region", "updated_at"])
    for name, value in data.items():
        setattr(profile, name, value)
    profile.save()
    if fields is not None:
        profile.fields.set(fields)
    changed = sorted(data) + (["fields"] if fields is not None else [])
    audit(actor=by, target=profile, action="startup_profile.update", data={"fields": changed})
    schedule_reindex(kind="startup", pk=profile.organization_id)
    return profile


def _check_may_handle_owners(*, organization: Organization, by: User) -> None:
    """Only owners (and operators) may appoint, invite, demote or remove an owner."""
    if by.is_operator:
        return
    if not organization.memberships.filter(user=by, role=MembershipRole.OWNER).exists():
        raise DomainError(_("Only an owner can appoint, demote or remove an owner."))


@transaction.atomic
def invitation_create(*, organization: Organization, by: User, email: str, role: str) -> Invitation:
    """Invite a colleague by e-mail; the e-mail leaves from a task after the commit."""
    email = User.objects.normalize_email(email.strip()).lower()
    if role not in MembershipRole.values:
        raise DomainError(_("Choose a role."), field="role")
    if role == MembershipRole.OWNER:
        _check_may_handle_owners(organization=organization, by=by)
    if organization.memberships.filter(user__email__iexact=email).exists():
        raise DomainError(_("This person is already a member."), field="email")
    pending = organization.invitations.filter(
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if pending.exists():
        raise DomainError(_("An invitation to this address is already pending."), field="email")
    invitation = Invitation.objects.create(
        organization=organization,
        email=email,
        role=role,
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=INVITATION_VALID_DAYS),
    )
    audit(actor=by, target=invitation, action="invitation.create", data={"role": role})
    transaction.on_commit(lambda: invitation_send_task.enqueue(invitation_id=invitation.pk))
    return invitation


def site_url() -> str:
    """The site's absolute base address: settings.SITE_URL, else the current Site's domain."""
    configured = getattr(settings, "SITE_URL", "")
    if configured:
        return configured.rstrip("/")
    protocol = getattr(settings, "ACCOUNT_DEFAULT_HTTP_PROTOCOL", "https")
    return f"{protocol}://{Site.objects.get_current().domain}"


def invitation_send(*, invitation: Invitation) -> None:
    """Send the invitation e-mail with its absolute accept link (called from the task)."""
    path = reverse("accounts:invitation-accept", kwargs={"token": invitation.token})
    context = {"invitation": invitation, "accept_url": f"{site_url()}{path}"}
    subject = render_to_string("accounts/email/invitation_subject.txt", context)
    body = render_to_string("accounts/email/invitation_message.txt", context)
    send_mail(" ".join(subject.split()), body, None, [invitation.email])


def invitation_refusal(*, invitation: Invitation, by: User) -> str | None:
    """Why `by` cannot accept the invitation now, or None if they can."""
    if invitation.revoked_at is not None:
        return _("This invitation was withdrawn.")
    if invitation.accepted_at is not None:
        return _("This invitation has already been accepted.")
    if not invitation.is_pending():
        return _("This invitation has expired. Ask for a new one.")
    if not invitation_is_for(invitation=invitation, user=by):
        return _(
            "This invitation was sent to another e-mail address. "
            "Log in with the address that received it."
        )
    return None


def invitation_is_for(*, invitation: Invitation, user: User) -> bool:
    return user.is_authenticated and user.email.lower() == invitation.email.lower()


@transaction.atomic
def invitation_accept(*, invitation: Invitation, by: User) -> Membership:
    """Join the organization; only the invited address may accept, and only while pending."""
    refusal = invitation_refusal(invitation=invitation, by=by)
    if refusal:
        raise DomainError(refusal)
    membership, created = Membership.objects.get_or_create(
        user=by, organization=invitation.organization, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    audit(actor=by, target=invitation, action="invitation.accept", data={"joined": created})
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by: User) -> Invitation:
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise DomainError(_("Only a pending invitation can be withdrawn."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    audit(actor=by, target=invitation, action="invitation.revoke")
    return invitation


def _is_last_owner(membership: Membership) -> bool:
    if membership.role != MembershipRole.OWNER:
        return False
    owners = Membership.objects.select_for_update().filter(
        organization_id=membership.organization_id, role=MembershipRole.OWNER
    )
    return not owners.exclude(pk=membership.pk).exists()


@transaction.atomic
def membership_change_role(*, membership: Membership, by: User, role: str) -> Membership:
    if role not in MembershipRole.values:
        raise DomainError(_("Choose a role."), field="role")
    if MembershipRole.OWNER in (role, membership.role):
        _check_may_handle_owners(organization=membership.organization, by=by)
    if role != MembershipRole.OWNER and _is_last_owner(membership):
        raise DomainError(_("An organization needs at least one owner: appoint another first."))
    old_role = membership.role
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    audit(
        actor=by,
        target=membership,
        action="membership.change_role",
        data={"from": old_role, "to": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    if membership.role == MembershipRole.OWNER and membership.user_id != by.pk:
        _check_may_handle_owners(organization=membership.organization, by=by)
    if _is_last_owner(membership):
        raise DomainError(_("An organization needs at least one owner: appoint another first."))
    audit(
        actor=by,
        target=membership,
        action="membership.remove",
        data={"user_id": membership.user_id, "role": membership.role},
    )
    membership.delete()
