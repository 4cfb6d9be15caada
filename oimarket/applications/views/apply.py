"""The startup's side of applications to programs: start, fill (autosave), submit, withdraw,
see the submitted version, and "My applications"."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from oimarket.core.errors import DomainError
from oimarket.documents.filecheck import ACCEPT_ATTRIBUTE
from oimarket.programs.eligibility.check import eligibility_check
from oimarket.programs.models import Program
from oimarket.programs.selectors import programs_visible_to
from oimarket.programs.views.common import paginate

from ..charcount import char_count
from ..enums import ApplicationStatus, QuestionKind
from ..forms_apply import StartForm
from ..models import Answer, Application, Question
from ..pdfpages import version_page_count
from ..rules import in_applying_startup
from ..selectors.applications import (
    answers_by_question,
    application_checklist,
    application_form_of,
    applications_of_my_startups,
    applications_visible_to,
    form_sections,
    live_application_of,
    locker_options,
    program_accepts_applications,
    startups_of,
)
from ..services.answers import TABLE_COLUMNS
from ..services.applications import (
    application_closed_reason,
    application_start,
    application_submit,
    application_withdraw,
)


@dataclass
class Item:
    """One question on the draft page, with what its input needs."""

    question: Question
    answer: Answer | None
    count: int = 0
    pages: int | None = None
    options: list = field(default_factory=list)
    rows: list = field(default_factory=list)

    @property
    def value(self):
        return self.answer.value if self.answer else None

    @property
    def revision(self) -> int:
        return self.answer.revision if self.answer else 0

    @property
    def saved_at_ms(self) -> int:
        return int(self.answer.updated_at.timestamp() * 1000) if self.answer else 0

    @property
    def prefilled(self) -> bool:
        return bool(self.answer and self.answer.revision == 0 and self.answer.value is not None)


def _item(question: Question, answer: Answer | None, versions: list) -> Item:
    item = Item(question, answer)
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        item.count = char_count(item.value if isinstance(item.value, str) else "")
    elif kind == QuestionKind.FILE:
        wanted = question.document_kind
        item.options = [v for v in versions if not wanted or v.document.kind == wanted]
        if answer and answer.document_version_id:
            item.pages = version_page_count(answer.document_version)
    elif kind in TABLE_COLUMNS:
        blank = dict.fromkeys(TABLE_COLUMNS[kind], "")
        item.rows = [*(item.value or []), blank]
    return item


def checklist_context(application: Application) -> dict:
    form = application_form_of(application.program)
    sections = form_sections(form)
    answers = answers_by_question(application)
    checklist = application_checklist(form=form, sections=sections, answers=answers)
    return {
        "form": form,
        "sections": sections,
        "answers": answers,
        "checklist": checklist,
        "blocking": sum(1 for item in checklist if item.blocking),
    }


def draft_context(request, application: Application) -> dict:
    context = checklist_context(application)
    now = timezone.now()
    program = application.program
    refusal = application_closed_reason(program, now)
    report = eligibility_check(program=program, startup=application.startup, as_of=now)
    editable = request.user.has_perm("applications.change_application", application)
    versions = locker_options(user=request.user, application=application) if editable else []
    answers = context["answers"]
    pages = [
        (section, [_item(q, answers.get(q.pk), versions) for q in section.questions.all()])
        for section in context["sections"]
    ]
    return {
        **context,
        "application": application,
        "program": program,
        "eligibility": report,
        "closed_reason": refusal,
        "can_fill": editable and not refusal and not report.failed,
        "pages": pages,
        "accept": ACCEPT_ATTRIBUTE,
        "autosave_texts": {
            "notSaved": _("Not saved: no connection to the server. Will retry."),
            "restored": _("Restored from this browser: saving…"),
            "olderCopy": _("This browser kept an older unsaved version of this answer."),
            "restore": _("Put it back"),
        },
    }


class ApplicationStartView(View):
    """The program's application, for a member of a startup: eligibility first, then start
    (or reopen) the draft."""

    template_name = "applications/application_start.html"

    @cached_property
    def program(self) -> Program:
        qs = programs_visible_to(self.request.user).select_related("organization")
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    @cached_property
    def startups(self) -> list:
        return startups_of(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        program = self.program  # an invisible program is a 404 before anything else
        if not self.startups:
            context = {"program": program}
            return render(request, "applications/application_forbidden.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def _startup(self, data):
        startups = self.startups
        form = StartForm(data, startups=startups)
        startup = form.cleaned_data["startup"] if form.is_valid() else startups[0]
        return form, startups, startup

    def _render(self, form, startups, startup, error="", status=200):
        now = timezone.now()
        context = {
            "program": self.program,
            "startup": startup,
            "start_form": form,
            "several_startups": len(startups) > 1,
            "eligibility": eligibility_check(program=self.program, startup=startup, as_of=now),
            "closed_reason": application_closed_reason(self.program, now),
            "accepts": program_accepts_applications(self.program),
            "form": application_form_of(self.program),
            "error": error,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        form, startups, startup = self._startup(request.GET or None)
        existing = live_application_of(program=self.program, startup=startup)
        if existing is not None:
            return redirect(existing)
        return self._render(
            StartForm(initial={"startup": startup}, startups=startups), startups, startup
        )

    def post(self, request, *args, **kwargs):
        form, startups, startup = self._startup(request.POST)
        try:
            application = application_start(program=self.program, startup=startup, by=request.user)
        except DomainError as error:
            return self._render(form, startups, startup, error=error.message, status=400)
        return redirect(application)


class ApplicationMixin:
    """The application in the URL among those the user may see (else 404)."""

    @cached_property
    def application(self) -> Application:
        qs = applications_visible_to(self.request.user)
        application = get_object_or_404(qs, pk=self.kwargs["pk"])
        if not self.request.user.has_perm("applications.view_application", application):
            raise PermissionDenied
        return application


def render_application(request, application: Application, *, error: str = "", status=200):
    """The draft to fill (the startup's members) or the submitted version, read-only."""
    if application.status == ApplicationStatus.DRAFT and in_applying_startup(
        request.user, application
    ):
        context = {**draft_context(request, application), "submit_error": error}
        return render(request, "applications/application_form.html", context, status=status)
    now = timezone.now()
    context = {
        "application": application,
        "program": application.program,
        "snapshot": application.submitted_snapshot,
        "can_withdraw": request.user.has_perm("applications.withdraw_application", application)
        and now < application.program.closes_at,
        "can_restart": in_applying_startup(request.user, application)
        and application.status == ApplicationStatus.WITHDRAWN
        and not application_closed_reason(application.program, now),
        "error": error,
    }
    return render(request, "applications/application_detail.html", context, status=status)


class ApplicationDetailView(ApplicationMixin, View):
    def get(self, request, *args, **kwargs):
        return render_application(request, self.application)


class _ApplicationActionView(ApplicationMixin, View):
    """POST only: a startup member acts on the application; a refusal shows the page (400)."""

    done = ""

    def act(self, application: Application, by):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        application = self.application
        if not in_applying_startup(request.user, application):
            raise PermissionDenied
        try:
            self.act(application, request.user)
        except DomainError as error:
            application.refresh_from_db()
            return render_application(request, application, error=error.message, status=400)
        messages.success(request, self.message(application))
        return redirect(application)


class ApplicationSubmitView(_ApplicationActionView):
    def act(self, application, by):
        application_submit(application=application, by=by)

    def message(self, application) -> str:
        return _(
            "Your application is submitted. Receipt number: %(receipt)s. "
            "A confirmation e-mail is on its way."
        ) % {"receipt": application.receipt_number}


class ApplicationWithdrawView(_ApplicationActionView):
    def act(self, application, by):
        application_withdraw(application=application, by=by)

    def message(self, application) -> str:
        return _("Your application is withdrawn. You can apply again until the deadline.")


class MyApplicationsView(TemplateView):
    """The applications of the user's startups, with status and receipt number."""

    template_name = "applications/application_list.html"

    def get_context_data(self, **kwargs):
        page = paginate(self.request, applications_of_my_startups(self.request.user))
        return {
            **super().get_context_data(**kwargs),
            "page_obj": page,
            "applications": page.object_list,
            "in_startup": bool(startups_of(self.request.user)),
        }
