"""Reads for the home page and the operator's overview."""

from django.db.models import Count, QuerySet

from oimarket.accounts.models import Organization, User
from oimarket.programs.models import Challenge, Program

from .models import AuditEntry


def operator_counts() -> dict:
    def by(model, field):
        return dict(model.objects.values_list(field).annotate(n=Count("pk")).order_by())

    return {
        "programs": by(Program, "status"),
        "challenges": by(Challenge, "status"),
        "organizations": by(Organization, "kind"),
        "users": User.objects.count(),
        "evaluators": User.objects.filter(is_evaluator=True).count(),
    }


def recent_activity(limit: int = 20) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.select_related("actor")[:limit]
