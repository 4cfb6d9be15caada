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

# Applications to programs (issue 5 point 4): the startup's side and the form builder.
from .views import answers as apply_answers  # noqa: E402
from .views import apply, form_builder  # noqa: E402

urlpatterns += [
    path("applications/", apply.MyApplicationsView.as_view(), name="application-list"),
    path(
        "programs/<int:pk>/apply/",
        apply.ApplicationStartView.as_view(),
        name="application-start",
    ),
    path(
        "applications/<int:pk>/", apply.ApplicationDetailView.as_view(), name="application-detail"
    ),
    path(
        "applications/<int:pk>/answers/<int:question_id>/",
        apply_answers.AnswerSaveView.as_view(),
        name="application-answer",
    ),
    path(
        "applications/<int:pk>/answers/<int:question_id>/upload/",
        apply_answers.AnswerUploadView.as_view(),
        name="application-answer-upload",
    ),
    path(
        "applications/<int:pk>/submit/",
        apply.ApplicationSubmitView.as_view(),
        name="application-submit",
    ),
    path(
        "applications/<int:pk>/withdraw/",
        apply.ApplicationWithdrawView.as_view(),
        name="application-withdraw",
    ),
    path("programs/<int:pk>/form/", form_builder.FormBuilderView.as_view(), name="form-builder"),
    path(
        "programs/<int:pk>/form/sections/new/",
        form_builder.SectionCreateView.as_view(),
        name="form-section-create",
    ),
    path(
        "programs/<int:pk>/form/sections/<int:section_pk>/edit/",
        form_builder.SectionUpdateView.as_view(),
        name="form-section-edit",
    ),
    path(
        "programs/<int:pk>/form/sections/<int:section_pk>/questions/new/",
        form_builder.QuestionCreateView.as_view(),
        name="form-question-create",
    ),
    path(
        "programs/<int:pk>/form/sections/<int:section_pk>/<slug:action>/",
        form_builder.SectionActionView.as_view(),
        name="form-section-action",
    ),
    path(
        "programs/<int:pk>/form/questions/<int:question_pk>/edit/",
        form_builder.QuestionUpdateView.as_view(),
        name="form-question-edit",
    ),
    path(
        "programs/<int:pk>/form/questions/<int:question_pk>/<slug:action>/",
        form_builder.QuestionActionView.as_view(),
        name="form-question-action",
    ),
]
