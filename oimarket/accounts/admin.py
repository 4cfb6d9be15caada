from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from .models import Invitation, Membership, Organization, Region, StartupProfile, User


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class MembershipOfUserInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    list_display = ["email", "name", "is_staff", "is_evaluator", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_evaluator", "is_active", "is_superuser"]
    search_fields = ["email", "name"]
    ordering = ["email"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [MembershipOfUserInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("name",)}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_evaluator",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )

    def get_inlines(self, request, obj):
        return self.inlines if obj else []


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class StartupProfileInline(admin.StackedInline):
    model = StartupProfile
    extra = 0
    max_num = 1
    filter_horizontal = ["fields"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "kind", "region", "is_public", "created_at"]
    list_filter = ["kind", "region", "is_public"]
    search_fields = ["name", "name_en", "slug"]
    list_select_related = ["region"]
    inlines = [MembershipInline, StartupProfileInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email", "organization__name"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization"]
    readonly_fields = ["token", "invited_by", "accepted_at", "created_at"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ko", "name_en", "position"]
    ordering = ["position"]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []

    def has_delete_permission(self, request, obj=None):
        return False
