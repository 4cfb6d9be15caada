from django.contrib import admin

from .models import AlertMatch, SavedSearch


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "frequency", "active", "last_checked_at", "last_digest_at"]
    list_filter = ["frequency", "active"]
    search_fields = ["name", "q", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


@admin.register(AlertMatch)
class AlertMatchAdmin(admin.ModelAdmin):
    list_display = ["found_at", "saved_search", "kind", "record_id", "title", "digested_at"]
    list_filter = ["kind"]
    search_fields = ["title", "saved_search__user__email"]
    list_select_related = ["saved_search"]
    raw_id_fields = ["saved_search"]
