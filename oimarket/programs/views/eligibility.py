from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from ..eligibility.check import rule_context
from ..eligibility.forms import RuleForm
from ..eligibility.kinds import sentence
from ..eligibility.models import RuleKind
from ..eligibility.outcome import Status
from ..eligibility.selectors import open_programs_ranked, startup_for, with_programs
from ..eligibility.services import eligibility_rule_add, eligibility_rule_remove
from ..models import Program
from ..selectors import programs_editable_by
from .common import paginate


def rule_sentences(program: Program) -> list[tuple]:
    """(rule, sentence) pairs for everyone to read, before any check."""
    from django.utils import timezone

    now = timezone.now()
    return [
        (
            rule,
            sentence(
                rule.kind, rule.params, rule_context(rule, deadline=program.closes_at, as_of=now)
            ),
        )
        for rule in program.eligibility_rules.all()
    ]


class _EditableProgramMixin(PermissionRequiredMixin):
    permission_required = "programs.change_program"
    raise_exception = True

    @cached_property
    def program(self) -> Program:
        return get_object_or_404(programs_editable_by(self.request.user), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.program


class EligibilityRulesView(_EditableProgramMixin, TemplateView):
    template_name = "programs/eligibility_rules.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "program": self.program,
            "rules": rule_sentences(self.program),
            "kinds": RuleKind.choices,
        }


class EligibilityRuleAddView(_EditableProgramMixin, FormView):
    template_name = "programs/eligibility_rule_form.html"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["kind"] not in RuleKind.values:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return RuleForm(**self.get_form_kwargs(), kind=self.kwargs["kind"])

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "program": self.program,
            "kind_label": RuleKind(self.kwargs["kind"]).label,
        }

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        eligibility_rule_add(
            program=self.program, by=self.request.user, kind=form.kind, params=form.params()
        )
        messages.success(self.request, _("The rule was added."))
        return redirect("programs:program-eligibility", pk=self.program.pk)


class EligibilityRuleDeleteView(_EditableProgramMixin, View):
    def post(self, request, pk, rule_pk):
        rule = get_object_or_404(self.program.eligibility_rules, pk=rule_pk)
        eligibility_rule_remove(rule=rule, by=request.user)
        messages.success(request, _("The rule was removed."))
        return redirect(reverse("programs:program-eligibility", kwargs={"pk": pk}))


class ProgramsForMeView(TemplateView):
    """The startup's open programs, eligible ones first, each with its reasons."""

    template_name = "programs/programs_for_me.html"

    def get_context_data(self, **kwargs):
        startup = startup_for(self.request.user)
        ranked = open_programs_ranked(startup) if startup else []
        page = paginate(self.request, ranked)
        eligible = sum(1 for _pk, report in ranked if report.status == Status.PASS)
        return {
            **super().get_context_data(**kwargs),
            "startup": startup,
            "page_obj": page,
            "pairs": with_programs(page.object_list),
            "eligible_count": eligible,
            "total_count": len(ranked),
        }
