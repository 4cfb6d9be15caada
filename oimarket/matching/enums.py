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
