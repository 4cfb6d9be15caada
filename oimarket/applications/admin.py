from django.contrib import admin

from .models import Proposal


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    """Read-mostly: states change through the services (and the audit log), not here."""

    list_display = [
        "startup",
        "challenge",
        "status",
        "decline_reason",
        "cost_krw",
        "timeline_weeks",
        "submitted_at",
        "first_response_at",
    ]
    list_filter = ["status", "decline_reason"]
    search_fields = [
        "teaser",
        "poc_plan",
        "startup__name",
        "startup__name_en",
        "challenge__title",
        "challenge__organization__name",
    ]
    date_hierarchy = "submitted_at"
    list_select_related = ["startup", "challenge"]
    raw_id_fields = ["challenge", "startup", "submitted_by", "decided_by"]
    readonly_fields = [
        "challenge",
        "startup",
        "submitted_by",
        "status",
        "decline_reason",
        "decline_note",
        "submitted_at",
        "first_response_at",
        "decided_at",
        "decided_by",
        "withdrawn_at",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False
