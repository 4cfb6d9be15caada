import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from oimarket.core.models import TimeStampedModel

from .enums import EDITOR_ROLES, PUBLISHER_KINDS, InvestmentStage, MembershipRole, OrganizationKind
from .managers import UserManager


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    is_evaluator = models.BooleanField(
        _("evaluator"), default=False, help_text=_("May be assigned applications to score.")
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=[("ko", "한국어"), ("en", "English")],
        help_text=_("Of e-mails and notifications; set by the language switch."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def is_operator(self) -> bool:
        """Platform operators are staff: they may see and manage everything."""
        return self.is_active and self.is_staff

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name or self.email.split("@")[0]


class Region(models.Model):
    """One of the 17 metropolitan cities and provinces (시·도)."""

    code = models.CharField(max_length=20, primary_key=True)
    name_ko = models.CharField(max_length=20)
    name_en = models.CharField(max_length=40)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" else self.name_ko


class Organization(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True, allow_unicode=False)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganizationKind.choices)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    website = models.URLField(_("website"), blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL
    )
    is_public = models.BooleanField(
        _("listed publicly"),
        default=True,
        help_text=_("Hidden organizations appear to no one else."),
    )
    members = models.ManyToManyField(
        "accounts.User", through="accounts.Membership", related_name="organizations"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def display_description(self) -> str:
        if get_language() == "en" and self.description_en:
            return self.description_en
        return self.description

    @property
    def is_startup(self) -> bool:
        return self.kind == OrganizationKind.STARTUP

    @property
    def is_publisher(self) -> bool:
        return self.kind in PUBLISHER_KINDS

    def get_absolute_url(self) -> str:
        return reverse("accounts:organization-detail", kwargs={"slug": self.slug})


class Membership(TimeStampedModel):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="unique_membership")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"

    @property
    def can_edit(self) -> bool:
        return self.role in EDITOR_ROLES


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(TimeStampedModel):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, default=_invitation_token)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    def is_pending(self, now=None) -> bool:
        now = now or timezone.now()
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > now


class StartupProfile(TimeStampedModel):
    """What a startup tells about itself: everything eligibility and matching need."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="startup_profile"
    )
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    is_pre_founder = models.BooleanField(_("not yet incorporated (pre-founder)"), default=False)
    team_size = models.PositiveIntegerField(_("team size"), null=True, blank=True)
    business_number = models.CharField(
        _("business registration number"), max_length=10, blank=True, db_index=True
    )
    listed_shareholder = models.BooleanField(
        _("largest shareholder is a listed company"), default=False
    )
    investment_stage = models.CharField(
        _("investment stage"),
        max_length=20,
        choices=InvestmentStage.choices,
        default=InvestmentStage.NONE,
    )
    total_investment_krw = models.BigIntegerField(
        _("total investment attracted (KRW)"), null=True, blank=True
    )
    fields = models.ManyToManyField(
        "programs.Field", verbose_name=_("fields"), blank=True, related_name="startups"
    )
    technologies = models.CharField(
        _("technologies"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated, e.g. computer vision, LiDAR, battery recycling"),
    )
    one_liner = models.CharField(_("one-line description"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("startup profile")
        verbose_name_plural = _("startup profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(business_number="")
                | models.Q(business_number__regex=r"^\d{10}$"),
                name="business_number_normalized",
            )
        ]

    def __str__(self) -> str:
        return str(self.organization)

    @property
    def technology_list(self) -> list[str]:
        return [t.strip() for t in self.technologies.split(",") if t.strip()]

    @property
    def business_number_display(self) -> str:
        n = self.business_number
        return f"{n[:3]}-{n[3:5]}-{n[5:]}" if len(n) == 10 else ""
