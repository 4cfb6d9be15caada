from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/suggest/", views.SuggestView.as_view(), name="suggest"),
    path("api/search", views.SearchApiView.as_view(), name="api-search"),
]
