"""The operator's views of a program's applicants (issue 5 point 6).

Only the program's editors and platform operators reach them: the program is looked up through
`programs_editable_by` (anyone else gets a 404), then `programs.change_program` is checked.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from oimarket.core.errors import DomainError
from oimarket.programs.eligibility.check import eligibility_check
from oimarket.programs.eligibility.outcome import Status
from oimarket.programs.models import Program
from oimarket.programs.selectors import programs_editable_by
from oimarket.programs.views.common import add_errors, paginate

from .. import exports
from ..models import Application
from ..selectors.operator import (
    applicant_rows,
    filter_rows,
    rule_headers,
    snapshot_sections,
    submitted_applications,
)
from ..services.review import review_resolve, review_unresolve
from .operator_forms import ApplicantFilterForm, ResolveForm

APPLICANTS_PER_PAGE = 50


class ProgramOperatorMixin(PermissionRequiredMixin):
    permission_required = "programs.change_program"
    raise_exception = True

    @cached_property
    def program(self) -> Program:
        qs = programs_editable_by(self.request.user).prefetch_related("eligibility_rules")
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.program

    @cached_property
    def rules(self) -> list[tuple]:
        return rule_headers(self.program)

    def review_rules(self, rows) -> list[tuple]:
        """The rules some of `rows` leave to review: those an operator may settle."""
        return [
            (rule, text)
            for j, (rule, text) in enumerate(self.rules)
            if any(row.cells[j].machine == Status.REVIEW for row in rows)
        ]

    def resolve(self, form: ResolveForm) -> bool:
        if not form.is_valid():
            return False
        try:
            done = review_resolve(by=self.request.user, **form.resolve_kwargs())
        except DomainError as error:
            add_errors(form, error)
            return False
        message = ngettext(
            "The rule is settled for %(n)d applicant.",
            "The rule is settled for %(n)d applicants.",
            len(done),
        )
        messages.success(self.request, message % {"n": len(done)})
        return True


class ApplicantListView(ProgramOperatorMixin, TemplateView):
    """Submitted applicants with each rule's status; filters; settle reviews in bulk."""

    template_name = "applications/operator_applicants.html"

    @cached_property
    def rows(self) -> list:
        return applicant_rows(self.program)

    def resolve_form(self, data=None) -> ResolveForm:
        reviewable = [row for row in self.rows if row.reviewable]
        return ResolveForm(data, rows=reviewable, rules=self.review_rules(reviewable))

    def get_context_data(self, *, resolve_form=None, **kwargs):
        filter_form = ApplicantFilterForm(self.request.GET)
        filters = filter_form.filters()
        page = paginate(self.request, filter_rows(self.rows, **filters), APPLICANTS_PER_PAGE)
        resolve_form = resolve_form or self.resolve_form()
        return {
            **super().get_context_data(**kwargs),
            "program": self.program,
            "rules": self.rules,
            "page_obj": page,
            "rows": page.object_list,
            "total": len(self.rows),
            "filter_form": filter_form,
            "filtered": any(filters.values()),
            "resolve_form": resolve_form,
            "selected": {str(pk) for pk in resolve_form.data.getlist("applications")}
            if resolve_form.is_bound
            else set(),
        }

    def post(self, request, *args, **kwargs):
        form = self.resolve_form(request.POST)
        if self.resolve(form):
            return redirect(request.get_full_path())
        return self.render_to_response(self.get_context_data(resolve_form=form), status=400)


class ApplicationOperatorMixin(ProgramOperatorMixin):
    """One submitted application of the program (drafts and withdrawn ones are a 404)."""

    permission_required = "applications.review_application"

    @cached_property
    def application(self) -> Application:
        qs = submitted_applications(self.program)
        return get_object_or_404(qs, pk=self.kwargs["application_pk"])

    def get_permission_object(self):
        return self.application


class ApplicantDetailView(ApplicationOperatorMixin, TemplateView):
    """One applicant as submitted: answers and files, the eligibility report, resolutions."""

    template_name = "applications/operator_applicant_detail.html"

    @cached_property
    def row(self):
        return applicant_rows(self.program, [self.application])[0]

    def resolve_form(self, data=None) -> ResolveForm:
        return ResolveForm(data, rows=[self.row], rules=self.review_rules([self.row]))

    def get_context_data(self, *, resolve_form=None, **kwargs):
        application = self.application
        report = eligibility_check(
            program=self.program, startup=application.startup, as_of=application.submitted_at
        )
        return {
            **super().get_context_data(**kwargs),
            "program": self.program,
            "application": application,
            "row": self.row,
            "report": report,
            "outcomes": list(zip(report.outcomes, self.row.cells, strict=True)),
            "sections": snapshot_sections(application),
            "business_number": exports.business_number(application),
            "resolve_form": resolve_form or self.resolve_form(),
        }

    def post(self, request, *args, **kwargs):
        form = self.resolve_form(request.POST)
        if self.resolve(form):
            return redirect(request.path)
        return self.render_to_response(self.get_context_data(resolve_form=form), status=400)


class ResolutionDeleteView(ApplicationOperatorMixin, View):
    """Undo: the rule needs review again."""

    def post(self, request, *args, **kwargs):
        qs = self.application.review_resolutions.select_related("application")
        resolution = get_object_or_404(qs, pk=self.kwargs["resolution_pk"])
        review_unresolve(resolution=resolution, by=request.user)
        messages.success(request, _("The resolution was removed: the rule needs review again."))
        return redirect(
            "applications:applicant-detail", pk=self.program.pk, application_pk=self.application.pk
        )


EXPORTS = {
    "csv": exports.csv_response,
    "xlsx": exports.xlsx_response,
    "zip": exports.zip_response,
}


class ApplicantExportView(ProgramOperatorMixin, View):
    """applicants-<program pk>.csv, .xlsx, or .zip (every submitted file)."""

    def get(self, request, *args, **kwargs):
        export = EXPORTS.get(self.kwargs["fmt"])
        if export is None:
            raise Http404
        return export(self.program)
