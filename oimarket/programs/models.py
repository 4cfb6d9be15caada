from datetime import datetime, timedelta

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.models import Organization, Region
from oimarket.core.models import TimeStampedModel

from .enums import (
    CLOSING_SOON_DAYS,
    ChallengeStatus,
    ConversionPath,
    IPTerms,
    Phase,
    ProgramSource,
    ProgramStatus,
    Track,
)


class Field(models.Model):
    """A field of the bundled taxonomy (see `taxonomy.py`)."""

    code = models.CharField(max_length=40, primary_key=True)
    name_ko = models.CharField(max_length=60)
    name_en = models.CharField(max_length=80)
    group = models.CharField(max_length=40, help_text="'common', 'area', or the area's code")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" else self.name_ko


def _localized(obj, name: str) -> str:
    if get_language() == "en":
        return getattr(obj, f"{name}_en") or getattr(obj, name)
    return getattr(obj, name) or getattr(obj, f"{name}_en")


def phase_at(*, opens_at: datetime, closes_at: datetime | None, now: datetime) -> Phase:
    if now < opens_at:
        return Phase.UPCOMING
    if closes_at is None:
        return Phase.OPEN
    if now >= closes_at:
        return Phase.CLOSED
    if closes_at - now <= timedelta(days=CLOSING_SOON_DAYS):
        return Phase.CLOSING_SOON
    return Phase.OPEN


def days_left(*, closes_at: datetime, now: datetime) -> int:
    """Calendar days between today and the deadline, both in Korea time (D-day = 0)."""
    return (timezone.localdate(closes_at) - timezone.localdate(now)).days


class Program(TimeStampedModel):
    """A call (공고) run by an operating organization."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("operating organization"),
        on_delete=models.PROTECT,
        related_name="programs",
    )
    partners = models.ManyToManyField(
        Organization,
        verbose_name=_("partner organizations"),
        blank=True,
        related_name="partner_programs",
    )
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), max_length=600)
    summary_en = models.TextField(_("summary in English"), max_length=600, blank=True)
    body = models.TextField(_("full notice (Markdown)"), blank=True)
    body_en = models.TextField(_("full notice in English (Markdown)"), blank=True)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    fields = models.ManyToManyField(
        Field, verbose_name=_("fields"), blank=True, related_name="programs"
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="programs",
        help_text=_("Leave empty for nationwide."),
    )
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"), db_index=True)
    selection_quota = models.PositiveIntegerField(_("startups to select"), null=True, blank=True)
    # The support package, structured so that it can be compared and filtered.
    max_cash_krw = models.BigIntegerField(_("max funding per startup (KRW)"), null=True, blank=True)
    poc_grant_krw = models.BigIntegerField(_("PoC grant (KRW)"), null=True, blank=True)
    office_months = models.PositiveSmallIntegerField(
        _("office space (months)"), null=True, blank=True
    )
    investment_link = models.BooleanField(_("investment linkage"), default=False)
    trade_show = models.BooleanField(_("trade show exhibition"), default=False)
    mentoring = models.BooleanField(_("mentoring"), default=False)
    follow_on_rnd_krw = models.BigIntegerField(_("follow-on R&D (KRW)"), null=True, blank=True)
    external_url = models.URLField(_("link to the full notice"), blank=True, max_length=500)
    contact_name = models.CharField(_("contact"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=ProgramSource.choices, default=ProgramSource.MANUAL
    )
    source_url = models.URLField(_("source address"), blank=True, max_length=500)
    accepts_challenges = models.BooleanField(
        _("invites demand organizations to propose challenges"), default=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProgramStatus.choices, default=ProgramStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["closes_at", "id"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        indexes = [
            models.Index(fields=["status", "closes_at"]),
            models.Index(fields=["status", "published_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="program_closes_after_opening",
                violation_error_message=_("Applications must close after they open."),
            )
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return _localized(self, "title")

    @property
    def display_summary(self) -> str:
        return _localized(self, "summary")

    @property
    def display_body(self) -> str:
        return _localized(self, "body")

    def phase(self, now: datetime | None = None) -> Phase:
        if self.status == ProgramStatus.CLOSED:
            return Phase.CLOSED
        return phase_at(opens_at=self.opens_at, closes_at=self.closes_at, now=now or timezone.now())

    def days_left(self, now: datetime | None = None) -> int:
        return days_left(closes_at=self.closes_at, now=now or timezone.now())

    def is_open(self, now: datetime | None = None) -> bool:
        return self.status == ProgramStatus.PUBLISHED and self.phase(now) in (
            Phase.OPEN,
            Phase.CLOSING_SOON,
        )

    def get_absolute_url(self) -> str:
        return reverse("programs:program-detail", kwargs={"pk": self.pk})


class Challenge(TimeStampedModel):
    """A demand organization's concrete problem, within a program or on the standing market."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("demand organization"),
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenges",
        help_text=_("Leave empty to publish on the standing on-demand market."),
    )
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    problem = models.TextField(_("problem statement"))
    problem_en = models.TextField(_("problem statement in English"), blank=True)
    expected_solution = models.TextField(_("expected solution"), blank=True)
    fields = models.ManyToManyField(
        Field, verbose_name=_("fields"), blank=True, related_name="challenges"
    )
    # What the organization offers the startup that takes the problem on.
    offers_test_site = models.TextField(_("test site offered"), blank=True)
    offers_data = models.TextField(_("data offered"), blank=True)
    offers_staff = models.TextField(_("specialist staff offered"), blank=True)
    poc_months = models.PositiveSmallIntegerField(_("PoC period (months)"), null=True, blank=True)
    poc_budget_krw = models.BigIntegerField(_("PoC budget (KRW)"), null=True, blank=True)
    ip_terms = models.CharField(_("IP terms"), max_length=30, choices=IPTerms.choices, blank=True)
    ip_terms_note = models.TextField(_("IP terms, details"), blank=True)
    conversion_path = models.CharField(
        _("path to a contract"), max_length=30, choices=ConversionPath.choices, blank=True
    )
    purchase_intent = models.BooleanField(_("intends to buy if the PoC succeeds"), default=False)
    conversion_criteria = models.TextField(_("success criteria for a contract"), blank=True)
    closes_at = models.DateTimeField(
        _("proposals close"), null=True, blank=True, help_text=_("Leave empty for a standing need.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ChallengeStatus.choices, default=ChallengeStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        indexes = [models.Index(fields=["status", "published_at"])]
        constraints = [
            # The anti-outsourcing gate, enforced by the database as a last line.
            models.CheckConstraint(
                condition=~models.Q(status="published")
                | (
                    models.Q(poc_budget_krw__gt=0)
                    & ~models.Q(ip_terms="")
                    & ~models.Q(conversion_path="")
                ),
                name="challenge_published_has_poc_ip_conversion",
                violation_error_message=_(
                    "A published challenge needs a PoC budget, IP terms and a path to a contract."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return _localized(self, "title")

    @property
    def display_problem(self) -> str:
        return _localized(self, "problem")

    def phase(self, now: datetime | None = None) -> Phase:
        if self.status == ChallengeStatus.CLOSED:
            return Phase.CLOSED
        opens = self.published_at or self.created_at or timezone.now()
        return phase_at(opens_at=opens, closes_at=self.closes_at, now=now or timezone.now())

    def days_left(self, now: datetime | None = None) -> int | None:
        if self.closes_at is None:
            return None
        return days_left(closes_at=self.closes_at, now=now or timezone.now())

    def get_absolute_url(self) -> str:
        return reverse("programs:challenge-detail", kwargs={"pk": self.pk})


# Eligibility lives in its own module; Django finds the models through this import.
from .eligibility.models import EligibilityRule, ProgramSelection, RuleKind  # noqa: E402, F401
