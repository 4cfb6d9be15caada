from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from oimarket.accounts.enums import PUBLISHER_KINDS, OrganizationKind
from oimarket.core.errors import DomainError

from .. import services
from ..eligibility.check import eligibility_check
from ..eligibility.selectors import startup_for
from ..forms import ChallengeForm
from ..models import Challenge, Field
from ..selectors import challenges_catalogue, challenges_visible_to, programs_accepting_challenges
from .common import PublishingOrganizationMixin, add_errors, paginate, public
from .eligibility import rule_sentences


@public
class ChallengeListView(TemplateView):
    template_name = "programs/challenge_list.html"

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["programs/_challenge_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        params = self.request.GET
        fields = list(Field.objects.all())
        codes = {f.code for f in fields}
        chosen = [code for code in params.getlist("field") if code in codes]
        kinds = [(k.value, k.label) for k in OrganizationKind if k in PUBLISHER_KINDS]
        org_kind = params.get("org_kind", "")
        qs = challenges_catalogue(
            base=challenges_visible_to(self.request.user).filter(
                status__in=["published", "closed"]
            ),
            q=params.get("q", "")[:100],
            fields=chosen,
            org_kind=org_kind if org_kind in dict(kinds) else "",
            status=params.get("status", ""),
            sort=params.get("sort", "newest"),
        )
        page = paginate(self.request, qs)
        return {
            **super().get_context_data(**kwargs),
            "page_obj": page,
            "challenges": page.object_list,
            "fields": fields,
            "chosen_fields": chosen,
            "org_kinds": kinds,
            "params": params,
        }


@public
class ChallengeDetailView(PermissionRequiredMixin, TemplateView):
    template_name = "programs/challenge_detail.html"
    permission_required = "programs.view_challenge"
    raise_exception = True

    @cached_property
    def challenge(self) -> Challenge:
        qs = (
            challenges_visible_to(self.request.user)
            .select_related("organization", "program", "program__organization")
            .prefetch_related("fields", "eligibility_rules")
        )
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.challenge

    def get_context_data(self, **kwargs):
        user, challenge = self.request.user, self.challenge
        related = []
        if challenge.program_id:
            related = (
                challenges_visible_to(user)
                .filter(program_id=challenge.program_id, status="published")
                .exclude(pk=challenge.pk)
                .select_related("organization")[:5]
            )
        startup = startup_for(user)
        has_rules = bool(challenge.eligibility_rules.all())
        report = (
            eligibility_check(challenge=challenge, startup=startup)
            if startup and has_rules
            else None
        )
        return {
            **super().get_context_data(**kwargs),
            "challenge": challenge,
            "related": related,
            "can_edit": user.has_perm("programs.change_challenge", challenge),
            "can_decide": user.has_perm("programs.decide_challenge", challenge),
            "problems": services.challenge_publication_problems(challenge),
            "startup": startup,
            "eligibility": report,
            "conditions": rule_sentences(challenge),
            "has_rules": has_rules,
        }


class _ChallengeFormView(FormView):
    template_name = "programs/challenge_form.html"
    form_class = ChallengeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programs": programs_accepting_challenges()}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def _publish_or_keep_draft(self, challenge, form):
        """On "publish", a refused gate keeps the saved draft and shows why, field by field."""
        action = self.request.POST.get("action")
        try:
            if action == "publish":
                services.challenge_publish(challenge=challenge, by=self.request.user)
                messages.success(self.request, _("The challenge is published."))
            elif action == "propose":
                services.challenge_propose(challenge=challenge, by=self.request.user)
                messages.success(self.request, _("The challenge was proposed to the program."))
            else:
                messages.success(self.request, _("Saved as a draft."))
        except DomainError as error:
            problems = services.challenge_publication_problems(challenge)
            for field, message in problems.items():
                form.add_error(field, message)
            if not problems:
                form.add_error(None, error.message)
            self.saved_as_draft = True
            return self.form_invalid(form)
        return redirect(challenge)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "saved_as_draft": getattr(self, "saved_as_draft", False),
        }


class ChallengeCreateView(PermissionRequiredMixin, PublishingOrganizationMixin, _ChallengeFormView):
    permission_required = "programs.add_challenge"
    raise_exception = True

    def get_initial(self):
        program = self.request.GET.get("program")
        return {"program": program} if program and program.isdigit() else {}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "organizations": self.organizations,
            "organization": self.organization,
        }

    def form_valid(self, form):
        try:
            challenge = services.challenge_create(
                by=self.request.user, organization=self.organization, **form.cleaned_data
            )
        except (DomainError, ValidationError) as error:
            add_errors(form, error)
            return self.form_invalid(form)
        # Later errors must not lose the draft: edit it from now on.
        form.instance = challenge
        return self._publish_or_keep_draft(challenge, form)


class ChallengeUpdateView(PermissionRequiredMixin, _ChallengeFormView):
    permission_required = "programs.change_challenge"
    raise_exception = True

    @cached_property
    def challenge(self) -> Challenge:
        qs = challenges_visible_to(self.request.user).select_related("program")
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.challenge

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.challenge}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "challenge": self.challenge,
            "organization": self.challenge.organization,
        }

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.challenge_update(challenge=self.challenge, by=self.request.user, **data)
        except (DomainError, ValidationError) as error:
            add_errors(form, error)
            return self.form_invalid(form)
        return self._publish_or_keep_draft(self.challenge, form)


CHALLENGE_ACTIONS = {
    "publish": (
        "programs.change_challenge",
        services.challenge_publish,
        _("The challenge is published."),
    ),
    "propose": (
        "programs.change_challenge",
        services.challenge_propose,
        _("The challenge was proposed to the program."),
    ),
    "close": ("programs.change_challenge", services.challenge_close, _("The challenge is closed.")),
    "withdraw": (
        "programs.change_challenge",
        services.challenge_withdraw,
        _("The challenge is back to draft."),
    ),
}


class ChallengeActionView(View):
    def post(self, request, pk, action):
        challenge = get_object_or_404(challenges_visible_to(request.user), pk=pk)
        if action in ("preselect", "not_select"):
            if not request.user.has_perm("programs.decide_challenge", challenge):
                raise PermissionDenied
            try:
                services.challenge_decide(
                    challenge=challenge, by=request.user, preselect=action == "preselect"
                )
                messages.success(request, _("The decision was recorded."))
            except DomainError as error:
                messages.error(request, error.message)
            target = request.POST.get("next", "")
            safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
            return redirect(target if safe else challenge.get_absolute_url())
        if action not in CHALLENGE_ACTIONS:
            raise PermissionDenied
        perm, service, done = CHALLENGE_ACTIONS[action]
        if not request.user.has_perm(perm, challenge):
            raise PermissionDenied
        try:
            service(challenge=challenge, by=request.user)
            messages.success(request, str(done))
        except DomainError as error:
            messages.error(request, error.message)
        return redirect(challenge)
