from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.enums import OrganizationKind
from oimarket.core.models import TimeStampedModel

from ..enums import (
    ACTION_SOURCES,
    DECLINE_NOTE_MAX_LENGTH,
    POC_PLAN_MAX_LENGTH,
    TEASER_MAX_LENGTH,
    TIMELINE_MAX_WEEKS,
    DeclineReason,
    ProposalStatus,
)


class Proposal(TimeStampedModel):
    """A startup's proposed solution to a challenge (on-demand track). States change in services."""

    challenge = models.ForeignKey(
        "programs.Challenge",
        verbose_name=_("challenge"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    startup = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("startup"),
        on_delete=models.PROTECT,
        related_name="proposals",
        limit_choices_to={"kind": OrganizationKind.STARTUP},
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    teaser = models.TextField(
        _("teaser: what your solution does"),
        max_length=TEASER_MAX_LENGTH,
        help_text=_(
            "Describe what your solution does and the result it brings, not how it works. "
            "Do not disclose algorithms, designs, source code or other trade secrets: "
            "share those later, under an NDA."
        ),
    )
    poc_plan = models.TextField(
        _("expected PoC plan"),
        max_length=POC_PLAN_MAX_LENGTH,
        help_text=_("Steps, what you need from the organization, and how success is measured."),
    )
    cost_krw = models.BigIntegerField(_("expected cost (KRW)"), validators=[MinValueValidator(0)])
    timeline_weeks = models.PositiveSmallIntegerField(
        _("timeline (weeks)"),
        validators=[MinValueValidator(1), MaxValueValidator(TIMELINE_MAX_WEEKS)],
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.SUBMITTED,
        db_index=True,
    )
    decline_reason = models.CharField(
        _("reason"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.TextField(_("note"), max_length=DECLINE_NOTE_MAX_LENGTH, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    decided_at = models.DateTimeField(_("last decision"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "startup"],
                condition=~models.Q(status="withdrawn"),
                name="one_live_proposal_per_challenge_and_startup",
                violation_error_message=_("This startup already has a proposal to this challenge."),
            ),
            models.CheckConstraint(
                condition=models.Q(cost_krw__gte=0), name="proposal_cost_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(timeline_weeks__gte=1), name="proposal_timeline_positive"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(decline_reason=""),
                name="proposal_declined_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(decline_reason="other") | ~models.Q(decline_note=""),
                name="proposal_other_reason_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.startup} → {self.challenge}"

    def get_absolute_url(self) -> str:
        return reverse("applications:proposal-detail", kwargs={"pk": self.pk})

    @property
    def is_live(self) -> bool:
        return self.status != ProposalStatus.WITHDRAWN

    @property
    def awaits_response(self) -> bool:
        return self.status == ProposalStatus.SUBMITTED and self.first_response_at is None

    def allows(self, action: str) -> bool:
        """Whether the proposal's state allows the action (permissions are checked apart)."""
        return self.status in ACTION_SOURCES.get(action, ())

    def waiting(self, now: datetime | None = None) -> timedelta:
        """How long it waited: until the first response, the withdrawal, or now."""
        end = self.first_response_at or self.withdrawn_at or now or timezone.now()
        return max(end - self.submitted_at, timedelta(0))
