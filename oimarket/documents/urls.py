from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("orgs/<slug:slug>/documents/", views.LockerView.as_view(), name="locker"),
    path(
        "orgs/<slug:slug>/documents/<int:pk>/versions/",
        views.VersionCreateView.as_view(),
        name="version-create",
    ),
    path(
        "orgs/<slug:slug>/documents/<int:pk>/archive/",
        views.DocumentArchiveView.as_view(),
        name="document-archive",
    ),
    path(
        "documents/versions/<int:pk>/download/",
        views.version_download,
        name="version-download",
    ),
]
