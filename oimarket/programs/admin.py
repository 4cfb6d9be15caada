from django.contrib import admin

from .models import Challenge, Field, Program


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ko", "name_en", "group", "position"]
    list_filter = ["group"]
    search_fields = ["code", "name_ko", "name_en"]


class ChallengeInline(admin.TabularInline):
    model = Challenge
    fields = ["title", "organization", "status", "poc_budget_krw"]
    extra = 0
    show_change_link = True
    raw_id_fields = ["organization"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "track", "status", "opens_at", "closes_at", "source"]
    list_filter = ["status", "track", "source", "accepts_challenges", "fields", "regions"]
    search_fields = ["title", "title_en", "summary", "organization__name"]
    date_hierarchy = "closes_at"
    raw_id_fields = ["organization"]
    filter_horizontal = ["fields", "regions", "partners"]
    list_select_related = ["organization"]
    inlines = [ChallengeInline]


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "program", "status", "poc_budget_krw", "published_at"]
    list_filter = ["status", "ip_terms", "conversion_path", "purchase_intent", "fields"]
    search_fields = ["title", "title_en", "problem", "organization__name"]
    raw_id_fields = ["organization", "program"]
    filter_horizontal = ["fields"]
    list_select_related = ["organization", "program"]
