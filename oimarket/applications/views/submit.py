from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from oimarket.accounts.selectors import memberships_of
from oimarket.core.errors import DomainError
from oimarket.programs.models import Challenge
from oimarket.programs.selectors import challenges_visible_to
from oimarket.programs.views.common import add_errors

from .. import services
from ..forms import ProposalForm
from ..selectors import live_proposal_of


class ProposalCreateView(FormView):
    """A startup member proposes a solution to a published challenge."""

    template_name = "applications/proposal_form.html"
    form_class = ProposalForm

    @cached_property
    def challenge(self) -> Challenge:
        qs = challenges_visible_to(self.request.user).select_related("organization", "program")
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    @cached_property
    def startups(self) -> list:
        memberships = memberships_of(self.request.user)
        return [m.organization for m in memberships if m.organization.is_startup]

    def dispatch(self, request, *args, **kwargs):
        challenge = self.challenge  # an invisible challenge is a 404 before anything else
        if not request.user.has_perm("applications.add_proposal"):
            context = {"challenge": challenge}
            return render(request, "applications/proposal_forbidden.html", context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "startups": self.startups}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "challenge": self.challenge,
            "closed_reason": services.proposal_closed_reason(self.challenge),
            "existing": live_proposal_of(challenge=self.challenge, user=self.request.user),
            "several_startups": len(self.startups) > 1,
        }

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        try:
            proposal = services.proposal_submit(
                challenge=self.challenge, by=self.request.user, **form.cleaned_data
            )
        except DomainError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Your proposal was sent. The organization has been notified.")
        )
        return redirect(proposal)
