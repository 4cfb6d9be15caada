from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from oimarket.core.errors import DomainError

from .. import services
from ..eligibility.check import eligibility_check
from ..eligibility.facts import facts_for
from ..eligibility.selectors import exclude_ineligible, reports_for, startup_for
from ..enums import ChallengeStatus, Track
from ..forms import CatalogueFilterForm, ProgramForm
from ..models import Field, Program
from ..selectors import (
    challenges_in_intake,
    program_for_detail,
    programs_catalogue,
    programs_editable_by,
    programs_visible_to,
    with_card_relations,
)
from .common import PublishingOrganizationMixin, add_errors, paginate, public
from .eligibility import rule_sentences


@public
class ProgramListView(TemplateView):
    template_name = "programs/program_list.html"

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["programs/_program_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        fields = list(Field.objects.all())
        form = CatalogueFilterForm(self.request.GET or None, fields_qs=fields)
        query = form.to_query()
        startup = startup_for(self.request.user)
        qs = with_card_relations(programs_catalogue(query))
        only_eligible = bool(startup and self.request.GET.get("eligible"))
        if only_eligible:
            qs = exclude_ineligible(qs, startup)
        page = paginate(self.request, qs)
        if startup:
            _attach_reports(page.object_list, startup)
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "query": query,
            "page_obj": page,
            "programs": page.object_list,
            "common_fields": [f for f in fields if f.group == "common"],
            "area_fields": [f for f in fields if f.group != "common"],
            "tracks": Track.choices,
            "startup": startup,
            "only_eligible": only_eligible,
        }


def _attach_reports(programs, startup) -> None:
    facts = facts_for(startup)
    if facts is None:
        return
    reports = reports_for(programs, facts)
    for program in programs:
        program.eligibility = reports[program.pk]


@public
class ProgramDetailView(PermissionRequiredMixin, TemplateView):
    template_name = "programs/program_detail.html"
    permission_required = "programs.view_program"
    raise_exception = True

    @cached_property
    def program(self) -> Program:
        return program_for_detail(programs_visible_to(self.request.user), self.kwargs["pk"])

    def get_permission_object(self):
        return self.program

    def get_context_data(self, **kwargs):
        user = self.request.user
        program = self.program
        startup = startup_for(user)
        report = eligibility_check(program=program, startup=startup) if startup else None
        return {
            **super().get_context_data(**kwargs),
            "program": program,
            "startup": startup,
            "eligibility": report,
            "conditions": rule_sentences(program),
            "can_edit": user.has_perm("programs.change_program", program),
            "can_propose": program.accepts_challenges
            and program.is_open()
            and user.has_perm("programs.add_challenge"),
        }


class _ProgramFormView(FormView):
    template_name = "programs/program_form.html"
    form_class = ProgramForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class ProgramCreateView(PermissionRequiredMixin, PublishingOrganizationMixin, _ProgramFormView):
    permission_required = "programs.add_program"
    raise_exception = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organization": self.organization}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "organizations": self.organizations,
            "organization": self.organization,
        }

    def form_valid(self, form):
        try:
            program = services.program_create(
                by=self.request.user, organization=self.organization, **form.cleaned_data
            )
            if "publish" in self.request.POST:
                services.program_publish(program=program, by=self.request.user)
        except (DomainError, ValidationError) as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The program was saved."))
        return redirect(program)


class ProgramUpdateView(PermissionRequiredMixin, _ProgramFormView):
    permission_required = "programs.change_program"
    raise_exception = True

    @cached_property
    def program(self) -> Program:
        return get_object_or_404(programs_visible_to(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.program

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.program,
            "organization": self.program.organization,
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "program": self.program,
            "organization": self.program.organization,
        }

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.program_update(program=self.program, by=self.request.user, **data)
        except (DomainError, ValidationError) as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your changes were saved."))
        return redirect(self.program)


PROGRAM_ACTIONS = {
    "publish": (services.program_publish, _("The program is published.")),
    "close": (services.program_close, _("The program is closed.")),
    "unpublish": (services.program_unpublish, _("The program is back to draft.")),
}


class ProgramActionView(PermissionRequiredMixin, View):
    permission_required = "programs.change_program"
    raise_exception = True

    @cached_property
    def program(self) -> Program:
        return get_object_or_404(programs_editable_by(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.program

    def post(self, request, pk, action):
        if action not in PROGRAM_ACTIONS:
            raise PermissionDenied
        service, done = PROGRAM_ACTIONS[action]
        try:
            service(program=self.program, by=request.user)
            messages.success(request, str(done))
        except DomainError as error:
            messages.error(request, error.message)
        return redirect(self.program)


class ProgramIntakeView(PermissionRequiredMixin, TemplateView):
    """The operator's view of challenges proposed to a top-down program."""

    template_name = "programs/program_intake.html"
    permission_required = "programs.change_program"
    raise_exception = True

    @cached_property
    def program(self) -> Program:
        return get_object_or_404(programs_editable_by(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.program

    def get_context_data(self, **kwargs):
        challenges = list(challenges_in_intake(self.program).prefetch_related("fields"))
        counts = self.program.challenges.aggregate(
            proposed=Count("pk", filter=~Q(status=ChallengeStatus.DRAFT)),
            preselected=Count(
                "pk", filter=Q(status__in=[ChallengeStatus.PRESELECTED, ChallengeStatus.PUBLISHED])
            ),
        )
        return {
            **super().get_context_data(**kwargs),
            "program": self.program,
            "challenges": challenges,
            "counts": counts,
            "intake_url": reverse("programs:program-intake", kwargs={"pk": self.program.pk}),
        }
