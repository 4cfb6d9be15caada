from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from oimarket.accounts.models import Organization
from oimarket.core.models import TimeStampedModel


class RuleKind(models.TextChoices):
    """Stable codes: stored in rules, exports and the API. Never rename one."""

    FOUNDED_WITHIN = "founded_within_years", _("Founded less than N years ago")
    TEAM_MIN = "team_min", _("Team of at least N people")
    REGIONS = "regions", _("Located in one of the regions")
    BUSINESS_REGISTRATION = "business_registration", _("Business registration required")
    NOT_LISTED_SHAREHOLDER = (
        "not_listed_shareholder",
        _("Largest shareholder is not a listed company"),
    )
    INVESTMENT = "investment", _("Investment attracted")
    STAGE = "stage", _("Investment stage")
    FIELDS = "fields", _("Works in one of the fields")
    NOT_SELECTED_BEFORE = "not_selected_before", _("Not selected by a program recently")
    MANUAL = "manual", _("Condition checked by the operator")


class EligibilityRule(TimeStampedModel):
    """One condition of a program or a challenge, with its parameters as data."""

    program = models.ForeignKey(
        "programs.Program",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="eligibility_rules",
    )
    challenge = models.ForeignKey(
        "programs.Challenge",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="eligibility_rules",
    )
    kind = models.CharField(_("rule"), max_length=40, choices=RuleKind.choices)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(program__isnull=False, challenge__isnull=True)
                | models.Q(program__isnull=True, challenge__isnull=False),
                name="eligibility_rule_has_one_owner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.params}"


class ProgramSelection(models.Model):
    """A startup selected by a program: the record that "not selected before" rules read.

    Operators record it (and imports bring it); the selection workflow will write it later.
    """

    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="selections"
    )
    startup = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="program_selections"
    )
    selected_on = models.DateField(_("selected on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-selected_on"]
        verbose_name = _("program selection")
        verbose_name_plural = _("program selections")
        constraints = [
            models.UniqueConstraint(fields=["program", "startup"], name="unique_program_selection")
        ]

    def __str__(self) -> str:
        return f"{self.startup} ← {self.program} ({self.selected_on})"
