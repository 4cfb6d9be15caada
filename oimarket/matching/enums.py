from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    PROGRAM = "program", _("Programs")
    CHALLENGE = "challenge", _("Challenges")
    STARTUP = "startup", _("Startups")
    ORGANIZATION = "organization", _("Organizations")


# A document's state: "active" is published (a call) or listed (an organization).
STATE_ACTIVE = "active"
STATE_CLOSED = "closed"

# Region value of a program open to every region (no region chosen).
NATIONWIDE = "*"


class MatchDecisionKind(models.TextChoices):
    """What a demand organization decided about a startup suggested for its challenge."""

    SHORTLISTED = "shortlisted", _("Shortlisted")
    HIDDEN = "hidden", _("Hidden")
    CONTACT_REQUESTED = "contact_requested", _("Contact requested")
