from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("", views.SavedSearchListView.as_view(), name="list"),
    path("save/", views.save_search, name="save"),
    path("follow/", views.FollowFieldsView.as_view(), name="follow"),
    path("<int:pk>/", views.SavedSearchDetailView.as_view(), name="search-detail"),
    path("<int:pk>/edit/", views.SavedSearchEditView.as_view(), name="search-edit"),
    path("<int:pk>/toggle/", views.saved_search_toggle, name="search-toggle"),
    path("<int:pk>/delete/", views.SavedSearchDeleteView.as_view(), name="search-delete"),
]
