from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    STARTUP = "startup", _("Startup")
    DEMAND_COMPANY = "demand_company", _("Demand company")
    PUBLIC_INSTITUTION = "public_institution", _("Public institution")
    INNOVATION_CENTER = "innovation_center", _("Innovation center")
    OPERATOR_AGENCY = "operator_agency", _("Operating agency")
    INVESTOR = "investor", _("Investor")


# Kinds whose members may publish programs and challenges.
PUBLISHER_KINDS = frozenset(
    {
        OrganizationKind.DEMAND_COMPANY,
        OrganizationKind.PUBLIC_INSTITUTION,
        OrganizationKind.INNOVATION_CENTER,
        OrganizationKind.OPERATOR_AGENCY,
    }
)


class MembershipRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    MANAGER = "manager", _("Manager")
    MEMBER = "member", _("Member")


# Roles that may edit the organization's records and invite colleagues.
EDITOR_ROLES = frozenset({MembershipRole.OWNER, MembershipRole.MANAGER})


class InvestmentStage(models.TextChoices):
    NONE = "none", _("No investment yet")
    PRE_SEED = "pre_seed", _("Pre-seed")
    SEED = "seed", _("Seed")
    PRE_A = "pre_a", _("Pre-Series A")
    SERIES_A = "series_a", _("Series A")
    SERIES_B = "series_b", _("Series B")
    SERIES_C_PLUS = "series_c_plus", _("Series C or later")
