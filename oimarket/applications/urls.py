from django.urls import path

from .views import detail, lists, submit

app_name = "applications"

urlpatterns = [
    # Not "challenges/<pk>/propose/": programs' challenge-action pattern, included first,
    # already answers POST .../propose/ (a challenge proposed to a program's intake).
    path(
        "challenges/<int:pk>/proposals/new/",
        submit.ProposalCreateView.as_view(),
        name="proposal-create",
    ),
    path("proposals/", lists.MyProposalsView.as_view(), name="proposal-list"),
    path("proposals/inbox/", lists.ProposalInboxView.as_view(), name="proposal-inbox"),
    path("proposals/<int:pk>/", detail.ProposalDetailView.as_view(), name="proposal-detail"),
    path(
        "proposals/<int:pk>/<slug:action>/",
        detail.ProposalActionView.as_view(),
        name="proposal-action",
    ),
]

# The operator's views live in their own module so that they grow apart from the startup's.
from .urls_operator import urlpatterns as operator_urlpatterns  # noqa: E402

urlpatterns += operator_urlpatterns
