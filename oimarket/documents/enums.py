from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    BUSINESS_REGISTRATION = "business_registration", _("Business registration certificate")
    IR_DECK = "ir_deck", _("IR deck")
    CORPORATE_REGISTER = "corporate_register", _("Corporate register")
    FINANCIAL_STATEMENTS = "financial_statements", _("Financial statements")
    CERTIFICATE = "certificate", _("Certificate")
    OTHER = "other", _("Other")


# A current version that expires within this many days gets a warning badge.
EXPIRY_WARNING_DAYS = 30
