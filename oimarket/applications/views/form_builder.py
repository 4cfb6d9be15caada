"""The program's editors build its application form: settings, sections, questions, order.

Plain server-rendered forms; delete and move are small POST forms that come back to the
builder with a message. Every check that matters is in `services.form_builder`.
"""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from oimarket.core.errors import DomainError
from oimarket.documents.enums import DocumentKind
from oimarket.programs.models import Program
from oimarket.programs.selectors import programs_editable_by

from ..enums import ApplicationStatus
from ..forms_apply import FormSettingsForm, QuestionForm, SectionForm
from ..models import FormSection, Question
from ..selectors.applications import application_form_of, form_sections
from ..services import form_builder as services

MOVES = ("up", "down")


class ProgramFormMixin(PermissionRequiredMixin):
    permission_required = "programs.change_program"
    raise_exception = True

    @cached_property
    def program(self) -> Program:
        qs = programs_editable_by(self.request.user).select_related("organization")
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.program

    def builder_url(self) -> str:
        return reverse("applications:form-builder", kwargs={"pk": self.program.pk})

    @cached_property
    def section(self) -> FormSection:
        qs = FormSection.objects.select_related("form__program")
        return get_object_or_404(qs, pk=self.kwargs["section_pk"], form__program=self.program)

    @cached_property
    def question(self) -> Question:
        qs = Question.objects.select_related("section__form__program")
        return get_object_or_404(
            qs, pk=self.kwargs["question_pk"], section__form__program=self.program
        )


def _annotate(sections) -> None:
    """Each question learns how many submitted (or withdrawn) applications answered it, and
    its document kind's label."""
    ids = [q.pk for s in sections for q in s.questions.all()]
    kept = Q(answers__application__status__in=services.KEPT_STATUSES)
    rows = Question.objects.filter(pk__in=ids).annotate(n=Count("answers", filter=kept))
    counts = dict(rows.values_list("pk", "n"))
    for section in sections:
        for question in section.questions.all():
            question.kept_answers = counts.get(question.pk, 0)
            kind = question.document_kind
            question.document_kind_label = DocumentKind(kind).label if kind else ""


class FormBuilderView(ProgramFormMixin, View):
    """GET: the form as the editors see it. POST: its settings (introduction, page cap)."""

    template_name = "applications/form_builder.html"

    def render(self, settings_form=None, status=200):
        form = application_form_of(self.program)
        sections = form_sections(form)
        if settings_form is None:
            initial = {
                "intro": form.intro if form else "",
                "business_plan_max_pages": form.business_plan_max_pages if form else None,
            }
            settings_form = FormSettingsForm(initial=initial)
        submitted = self.program.applications.filter(status=ApplicationStatus.SUBMITTED)
        _annotate(sections)
        context = {
            "program": self.program,
            "form": form,
            "sections": sections,
            "submitted_count": submitted.count(),
            "settings_form": settings_form,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self.render()

    def post(self, request, *args, **kwargs):
        settings_form = FormSettingsForm(request.POST)
        if settings_form.is_valid():
            try:
                services.form_settings_update(
                    program=self.program, by=request.user, **settings_form.cleaned_data
                )
            except DomainError as error:
                settings_form.add_domain_error(error)
            else:
                messages.success(request, _("The form settings were saved."))
                return redirect(self.builder_url())
        return self.render(settings_form, status=400)


class _BuilderFormView(ProgramFormMixin, FormView):
    template_name = "applications/form_builder_edit.html"
    heading = ""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "program": self.program,
            "heading": self.heading,
        }

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        try:
            self.save(form.cleaned_data)
        except DomainError as error:
            form.add_domain_error(error)
            return self.form_invalid(form)
        messages.success(self.request, self.done)
        return redirect(self.builder_url())


class SectionCreateView(_BuilderFormView):
    form_class = SectionForm
    heading = gettext_lazy("New section")
    done = gettext_lazy("The section was added.")

    def save(self, data):
        services.form_section_add(program=self.program, by=self.request.user, **data)


class SectionUpdateView(_BuilderFormView):
    form_class = SectionForm
    heading = gettext_lazy("Edit the section")
    done = gettext_lazy("The section was saved.")

    def get_initial(self):
        return {"title": self.section.title, "title_en": self.section.title_en}

    def save(self, data):
        services.form_section_update(section=self.section, by=self.request.user, **data)


class QuestionCreateView(_BuilderFormView):
    form_class = QuestionForm
    heading = gettext_lazy("New question")
    done = gettext_lazy("The question was added.")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "section": self.section}

    def save(self, data):
        services.form_question_add(section=self.section, by=self.request.user, **data)


class QuestionUpdateView(_BuilderFormView):
    form_class = QuestionForm
    heading = gettext_lazy("Edit the question")
    done = gettext_lazy("The question was saved.")

    def get_initial(self):
        return QuestionForm.initial_from(self.question)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "section": self.question.section}

    def save(self, data):
        services.form_question_update(question=self.question, by=self.request.user, **data)


class _BuilderActionView(ProgramFormMixin, View):
    """POST delete, up or down; a refusal comes back as an error message."""

    def post(self, request, *args, **kwargs):
        action = kwargs["action"]
        try:
            if action == "delete":
                self.delete()
                messages.success(request, self.deleted)
            elif action in MOVES:
                self.move(action)
            else:
                raise DomainError(_("Unknown action."))
        except DomainError as error:
            messages.error(request, error.message)
        return redirect(self.builder_url())


class SectionActionView(_BuilderActionView):
    deleted = gettext_lazy("The section was deleted.")

    def delete(self):
        services.form_section_delete(section=self.section, by=self.request.user)

    def move(self, direction):
        services.form_section_move(section=self.section, by=self.request.user, direction=direction)


class QuestionActionView(_BuilderActionView):
    deleted = gettext_lazy("The question was deleted.")

    def delete(self):
        services.form_question_delete(question=self.question, by=self.request.user)

    def move(self, direction):
        services.form_question_move(
            question=self.question, by=self.request.user, direction=direction
        )
