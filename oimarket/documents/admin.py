from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Document, DocumentVersion


class DocumentVersionInline(admin.TabularInline):
    """Versions are immutable records: shown, never added, changed or deleted here."""

    model = DocumentVersion
    extra = 0
    can_delete = False
    fields = [
        "number",
        "original_name",
        "content_type",
        "size",
        "sha256",
        "expires_on",
        "uploaded_by",
        "uploaded_at",
        "download",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("file"))
    def download(self, version: DocumentVersion) -> str:
        # Through the permission-checked view: nothing under MEDIA_URL is public.
        return format_html('<a href="{}">{}</a>', version.get_download_url(), _("Download"))


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Documents are uploaded in the locker; here operators fix titles or (un)archive."""

    list_display = ["display_title", "organization", "kind", "created_at", "archived_at"]
    list_filter = ["kind", ("archived_at", admin.EmptyFieldListFilter)]
    search_fields = ["organization__name", "organization__name_en", "title"]
    list_select_related = ["organization"]
    fields = ["organization", "kind", "title", "archived_at", "created_at", "updated_at"]
    readonly_fields = ["organization", "created_at", "updated_at"]
    inlines = [DocumentVersionInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
