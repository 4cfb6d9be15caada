from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
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
from ..selectors import challenges_visible_to, programs_editable_by
from .common import paginate


def rule_sentences(owner) -> list[tuple]:
    """(rule, sentence) pairs of a program or challenge, for everyone to read before a check."""
    now = timezone.now()
    return [
        (
            rule,
            sentence(
                rule.kind, rule.params, rule_context(rule, deadline=owner.closes_at, as_of=now)
            ),
        )
        for rule in owner.eligibility_rules.all()
    ]


class _RuleOwnerMixin(PermissionRequiredMixin):
    """The rule editor works on a program or a challenge (`owner_type`, set in urls.py)."""

    raise_exception = True
    owner_type = "program"

    def get_permission_required(self):
        return [f"programs.change_{self.owner_type}"]

    @cached_property
    def owner(self):
        if self.owner_type == "challenge":
            qs = challenges_visible_to(self.request.user)
        else:
            qs = programs_editable_by(self.request.user)
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.owner

    def editor_url(self, suffix: str = "", *args) -> str:
        name = f"programs:{self.owner_type}-eligibility{suffix}"
        return reverse(name, args=[self.owner.pk, *args])

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "owner": self.owner,
            "rules_url": self.editor_url(),
        }


class EligibilityRulesView(_RuleOwnerMixin, TemplateView):
    template_name = "programs/eligibility_rules.html"

    def get_context_data(self, **kwargs):
        rules = [
            (rule, text, self.editor_url("-delete", rule.pk))
            for rule, text in rule_sentences(self.owner)
        ]
        add_links = [(label, self.editor_url("-add", value)) for value, label in RuleKind.choices]
        return {**super().get_context_data(**kwargs), "rules": rules, "add_links": add_links}


class EligibilityRuleAddView(_RuleOwnerMixin, FormView):
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
            "kind_label": RuleKind(self.kwargs["kind"]).label,
        }

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        eligibility_rule_add(
            **{self.owner_type: self.owner},
            by=self.request.user,
            kind=form.kind,
            params=form.params(),
        )
        messages.success(self.request, _("The rule was added."))
        return redirect(self.editor_url())


class EligibilityRuleDeleteView(_RuleOwnerMixin, View):
    def post(self, request, pk, rule_pk):
        rule = get_object_or_404(self.owner.eligibility_rules, pk=rule_pk)
        eligibility_rule_remove(rule=rule, by=request.user)
        messages.success(request, _("The rule was removed."))
        return redirect(self.editor_url())


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
