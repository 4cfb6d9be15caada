from django.contrib import admin
from django.urls import include, path

from oimarket.accounts.views import language_switch

urlpatterns = [
    # Visitors switch language too: the view must be public under LoginRequiredMiddleware.
    path("i18n/setlang/", language_switch, name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("oimarket.accounts.urls")),
    # Before programs: its challenges/<pk>/<action>/ would take challenges/<pk>/matches/.
    path("", include("oimarket.matching.urls")),
    path("", include("oimarket.programs.urls")),
    path("", include("oimarket.documents.urls")),
    path("", include("oimarket.applications.urls")),
    path("", include("oimarket.notifications.urls")),
    path("alerts/", include("oimarket.alerts.urls")),
    path("", include("oimarket.core.urls")),
]

# MEDIA_ROOT is never served as such: uploads go out through views that check permissions.
