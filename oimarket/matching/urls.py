from django.urls import path

from . import views, views_matches

app_name = "matching"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/suggest/", views.SuggestView.as_view(), name="suggest"),
    path("api/search", views.SearchApiView.as_view(), name="api-search"),
    path("matches/", views_matches.StartupMatchesView.as_view(), name="startup-matches"),
    path(
        "challenges/<int:pk>/matches/",
        views_matches.ChallengeMatchesView.as_view(),
        name="challenge-matches",
    ),
    path(
        "challenges/<int:pk>/matches/<int:startup_pk>/<slug:decision>/",
        views_matches.ChallengeMatchDecideView.as_view(),
        name="challenge-match-decide",
    ),
    path(
        "api/challenges/<int:pk>/matches",
        views_matches.ChallengeMatchesApiView.as_view(),
        name="api-challenge-matches",
    ),
]
