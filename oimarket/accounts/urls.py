from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("onboarding/", views.OnboardingView.as_view(), name="onboarding"),
    path("orgs/", views.OrganizationListView.as_view(), name="organization-list"),
    path("orgs/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization-detail"),
    path("orgs/<slug:slug>/edit/", views.OrganizationEditView.as_view(), name="organization-edit"),
    path("orgs/<slug:slug>/profile/", views.ProfileEditView.as_view(), name="profile-edit"),
    path("orgs/<slug:slug>/members/", views.MembersView.as_view(), name="members"),
    path(
        "orgs/<slug:slug>/members/<int:pk>/role/",
        views.MembershipRoleView.as_view(),
        name="member-role",
    ),
    path(
        "orgs/<slug:slug>/members/<int:pk>/remove/",
        views.MembershipRemoveView.as_view(),
        name="member-remove",
    ),
    path(
        "orgs/<slug:slug>/invitations/<int:pk>/revoke/",
        views.InvitationRevokeView.as_view(),
        name="invitation-revoke",
    ),
    path(
        "invitations/<str:token>/", views.InvitationAcceptView.as_view(), name="invitation-accept"
    ),
]
