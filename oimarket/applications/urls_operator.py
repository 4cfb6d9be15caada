"""Operator views of applicants (issue 5 point 6); included by urls.py in the same namespace."""

from django.urls import path

from .views import operator

urlpatterns: list = [
    path(
        "programs/<int:pk>/applicants/",
        operator.ApplicantListView.as_view(),
        name="applicant-list",
    ),
    path(
        "programs/<int:pk>/applicants/export.<slug:fmt>",
        operator.ApplicantExportView.as_view(),
        name="applicant-export",
    ),
    path(
        "programs/<int:pk>/applicants/<int:application_pk>/",
        operator.ApplicantDetailView.as_view(),
        name="applicant-detail",
    ),
    path(
        "programs/<int:pk>/applicants/<int:application_pk>/resolutions/<int:resolution_pk>/delete/",
        operator.ResolutionDeleteView.as_view(),
        name="applicant-unresolve",
    ),
]
