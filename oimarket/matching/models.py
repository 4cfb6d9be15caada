from django.db import models
from django.utils.translation import gettext_lazy as _

from oimarket.core.models import TimeStampedModel

from .enums import MatchDecisionKind


class MatchDecision(TimeStampedModel):
    """A demand organization's decision on one suggested startup for one of its challenges.

    One row per pair: shortlisting after hiding replaces the decision; "undo" deletes the row.
    Contact itself arrives with meetings (a later issue); the intent is stored here.
    """

    challenge = models.ForeignKey(
        "programs.Challenge", on_delete=models.CASCADE, related_name="match_decisions"
    )
    startup = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="match_decisions"
    )
    decision = models.CharField(_("decision"), max_length=20, choices=MatchDecisionKind.choices)
    decided_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["challenge", "startup"], name="unique_match_decision")
        ]
        verbose_name = _("match decision")
        verbose_name_plural = _("match decisions")

    def __str__(self) -> str:
        return f"{self.challenge_id} → {self.startup_id}: {self.decision}"
