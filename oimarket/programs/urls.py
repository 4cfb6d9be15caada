from django.urls import path, re_path

from .views import calendar, challenges, eligibility, programs

app_name = "programs"


def eligibility_editor(prefix: str, owner_type: str) -> list:
    """The rule editor's three routes, for programs and for challenges."""
    options = {"owner_type": owner_type}
    return [
        path(
            f"{prefix}/<int:pk>/eligibility/",
            eligibility.EligibilityRulesView.as_view(**options),
            name=f"{owner_type}-eligibility",
        ),
        path(
            f"{prefix}/<int:pk>/eligibility/add/<str:kind>/",
            eligibility.EligibilityRuleAddView.as_view(**options),
            name=f"{owner_type}-eligibility-add",
        ),
        path(
            f"{prefix}/<int:pk>/eligibility/<int:rule_pk>/delete/",
            eligibility.EligibilityRuleDeleteView.as_view(**options),
            name=f"{owner_type}-eligibility-delete",
        ),
    ]


urlpatterns = [
    path("programs/", programs.ProgramListView.as_view(), name="program-list"),
    path("programs/calendar.ics", calendar.catalogue_calendar, name="program-list-calendar"),
    path("programs/new/", programs.ProgramCreateView.as_view(), name="program-create"),
    path("programs/<int:pk>/", programs.ProgramDetailView.as_view(), name="program-detail"),
    path("programs/<int:pk>/edit/", programs.ProgramUpdateView.as_view(), name="program-edit"),
    path("programs/<int:pk>/intake/", programs.ProgramIntakeView.as_view(), name="program-intake"),
    path("programs/<int:pk>/calendar.ics", calendar.program_calendar, name="program-calendar"),
    path("programs/for-me/", eligibility.ProgramsForMeView.as_view(), name="programs-for-me"),
    *eligibility_editor("programs", "program"),
    *eligibility_editor("challenges", "challenge"),
    # Only the actions themselves: other pages live under programs/<pk>/ (applicants, …).
    re_path(
        rf"^programs/(?P<pk>[0-9]+)/(?P<action>{'|'.join(programs.PROGRAM_ACTIONS)})/$",
        programs.ProgramActionView.as_view(),
        name="program-action",
    ),
    path("challenges/", challenges.ChallengeListView.as_view(), name="challenge-list"),
    path("challenges/new/", challenges.ChallengeCreateView.as_view(), name="challenge-create"),
    path("challenges/<int:pk>/", challenges.ChallengeDetailView.as_view(), name="challenge-detail"),
    path(
        "challenges/<int:pk>/edit/", challenges.ChallengeUpdateView.as_view(), name="challenge-edit"
    ),
    path(
        "challenges/<int:pk>/<str:action>/",
        challenges.ChallengeActionView.as_view(),
        name="challenge-action",
    ),
]
