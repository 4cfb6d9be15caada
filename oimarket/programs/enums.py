from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    TOP_DOWN = "top_down", _("Problem solving (top-down)")
    BOTTOM_UP = "bottom_up", _("Recommended (bottom-up)")
    ON_DEMAND = "on_demand", _("On-demand market")
    GENERAL = "general", _("General support")


class ProgramStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


class Phase(models.TextChoices):
    """Where a published call stands in time, derived from its dates."""

    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSING_SOON = "closing_soon", _("Closing soon")
    CLOSED = "closed", _("Closed")


class ChallengeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PROPOSED = "proposed", _("Proposed to the program")
    PRESELECTED = "preselected", _("Pre-selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


class ProgramSource(models.TextChoices):
    MANUAL = "manual", _("Entered here")
    IMPORTED = "imported", _("Imported")


class IPTerms(models.TextChoices):
    STARTUP_OWNS = "startup_owns", _("The startup keeps all IP")
    STARTUP_OWNS_LICENSE = (
        "startup_owns_license",
        _("The startup keeps the IP and licenses it to the organization"),
    )
    JOINT = "joint", _("Results jointly owned; background IP stays with each party")
    NEGOTIATED = "negotiated", _("Agreed in writing before the PoC starts")


class ConversionPath(models.TextChoices):
    PURCHASE = "purchase", _("Purchase or supply contract")
    JOINT_COMMERCIALIZATION = "joint_commercialization", _("Joint commercialization")
    INVESTMENT = "investment", _("Strategic investment")
    PROCUREMENT = "procurement", _("Public procurement")


CLOSING_SOON_DAYS = 7
