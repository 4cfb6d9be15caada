from django.contrib import admin

from .models import Application, FormSection, Proposal, Question


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


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["position", "kind", "label", "required", "max_chars", "is_business_plan"]


@admin.register(FormSection)
class FormSectionAdmin(admin.ModelAdmin):
    list_display = ["title", "form", "position"]
    search_fields = ["title", "form__program__title"]
    inlines = [QuestionInline]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only: applications change through the startup's form and the services."""

    list_display = ["receipt_number", "startup", "program", "status", "submitted_at"]
    list_filter = ["status"]
    search_fields = ["receipt_number", "startup__name", "program__title"]
    list_select_related = ["startup", "program"]
    readonly_fields = [f.name for f in Application._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
