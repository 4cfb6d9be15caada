"""Autosave of one answer (htmx) and a new file uploaded into the locker and attached.

The autosave answers with a small status fragment, plus out-of-band swaps of the answer's
revision and of the checklist. Its status code says what happened (200 saved, 400 refused,
409 changed elsewhere: the newer value comes back), and so does the `X-Autosave` header,
which `static/js/autosave.js` reads to tell a real answer from, say, a login page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from oimarket.core.errors import DomainError
from oimarket.documents.enums import DocumentKind
from oimarket.documents.services import document_upload

from ..charcount import char_count
from ..forms_apply import UploadForm, answer_input
from ..models import Answer, Application, Question
from ..rules import in_applying_startup
from ..services.answers import display_text
from ..services.applications import AnswerConflict, application_answer_save
from .apply import ApplicationMixin, checklist_context

STATUS_TEMPLATE = "applications/application_answer_status.html"


def _question(application: Application, question_id: int) -> Question:
    qs = Question.objects.select_related("section__form")
    return get_object_or_404(qs, pk=question_id, section__form__program_id=application.program_id)


def _status(request, application, question, answer, *, state: str, message="", status=200):
    value = answer.value if answer else None
    context = {
        **checklist_context(application),
        "application": application,
        "question": question,
        "answer": answer,
        "state": state,
        "message": message,
        "saved_at": timezone.localtime(answer.updated_at) if answer else None,
        "count": char_count(value) if isinstance(value, str) else None,
        "newer": display_text(question, value) if answer else "",
        "newer_file": answer.document_version if answer else None,
    }
    response = render(request, STATUS_TEMPLATE, context, status=status)
    response["X-Autosave"] = state
    return response


class AnswerSaveView(ApplicationMixin, View):
    """POST one answer: `value` (or a table's columns) and the `revision` it started from."""

    def post(self, request, *args, **kwargs):
        application = self.application
        if not in_applying_startup(request.user, application):
            raise PermissionDenied
        question = _question(application, kwargs["question_id"])
        try:
            answer = application_answer_save(
                application=application,
                question=question,
                by=request.user,
                **answer_input(question, request.POST),
            )
        except AnswerConflict as conflict:
            return _status(
                request,
                application,
                question,
                conflict.answer,
                state="conflict",
                message=conflict.message,
                status=409,
            )
        except DomainError as error:
            current = Answer.objects.filter(application=application, question=question).first()
            return _status(
                request,
                application,
                question,
                current,
                state="error",
                message=error.message,
                status=400,
            )
        return _status(request, application, question, answer, state="saved")


class AnswerUploadView(ApplicationMixin, View):
    """POST a file: it goes into the startup's locker, then is attached to the question."""

    def post(self, request, *args, **kwargs):
        application = self.application
        if not request.user.has_perm("applications.change_application", application):
            raise PermissionDenied
        question = _question(application, kwargs["question_id"])
        back = f"{application.get_absolute_url()}#q-{question.pk}"
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Choose a file to upload."))
            return redirect(back)
        try:
            version = document_upload(
                organization=application.startup,
                by=request.user,
                kind=question.document_kind or DocumentKind.OTHER,
                file=form.cleaned_data["file"],
                title=question.label[:200],
            )
            application_answer_save(
                application=application,
                question=question,
                by=request.user,
                document_version_id=version.pk,
                revision=form.cleaned_data["revision"],
            )
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(back)
        messages.success(request, _("“%(name)s” is attached.") % {"name": version.original_name})
        return redirect(back)
