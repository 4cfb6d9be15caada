from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class AlertKind(models.TextChoices):
    """The kinds of records an alert announces (organizations other than startups are not)."""

    PROGRAM = "program", _("Program")
    CHALLENGE = "challenge", _("Challenge")
    STARTUP = "startup", _("Startup")


# Kinds a saved search may store: those of the search page's tabs.
SEARCH_KINDS = ("program", "challenge", "startup", "organization")
KIND_LABELS = {
    "program": _("Programs"),
    "challenge": _("Challenges"),
    "startup": _("Startups"),
    "organization": _("Organizations"),
}
