from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from oimarket.core.errors import DomainError
from oimarket.programs.views.common import add_errors

from .. import services
from ..enums import DECISIONS, ProposalAction
from ..forms import DeclineForm
from ..models import Proposal
from ..rules import in_proposing_startup
from ..selectors import proposal_waiting, proposals_visible_to


def detail_context(request, proposal: Proposal, decline_form: DeclineForm | None = None) -> dict:
    user = request.user
    can_decide = user.has_perm("applications.decide_proposal", proposal)
    return {
        "proposal": proposal,
        "waited": proposal_waiting(proposal, timezone.now()),
        "decisions": [a for a in DECISIONS if can_decide and proposal.allows(a)],
        "can_withdraw": user.has_perm("applications.withdraw_proposal", proposal),
        "startup_side": in_proposing_startup(user, proposal),
        "decline_form": decline_form or DeclineForm(),
        "decline_open": decline_form is not None,
    }


class ProposalDetailView(PermissionRequiredMixin, TemplateView):
    template_name = "applications/proposal_detail.html"
    permission_required = "applications.view_proposal"
    raise_exception = True

    @cached_property
    def proposal(self) -> Proposal:
        qs = proposals_visible_to(self.request.user).select_related("decided_by")
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.proposal

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **detail_context(self.request, self.proposal)}


DONE = {
    ProposalAction.SHORTLIST: _("The proposal is shortlisted. The startup has been notified."),
    ProposalAction.REQUEST_MEETING: _(
        "Your wish to meet is recorded. The startup has been notified."
    ),
    ProposalAction.DECLINE: _("The proposal is declined. The startup sees your reason."),
    ProposalAction.WITHDRAW: _("Your proposal is withdrawn."),
}


class ProposalActionView(View):
    """POST only: shortlist, request-meeting, decline (with a reason) or withdraw."""

    def post(self, request, pk, action):
        proposal = get_object_or_404(proposals_visible_to(request.user), pk=pk)
        if action not in ProposalAction.values:
            raise Http404
        if action == ProposalAction.WITHDRAW:
            if not request.user.has_perm("applications.withdraw_proposal", proposal):
                if not in_proposing_startup(request.user, proposal):
                    raise PermissionDenied
                messages.error(request, _("This proposal can no longer be withdrawn."))
                return redirect(proposal)
        elif not request.user.has_perm("applications.decide_proposal", proposal):
            raise PermissionDenied
        if action == ProposalAction.DECLINE:
            return self.decline(request, proposal)
        service = {
            ProposalAction.SHORTLIST: services.proposal_shortlist,
            ProposalAction.REQUEST_MEETING: services.proposal_request_meeting,
            ProposalAction.WITHDRAW: services.proposal_withdraw,
        }[action]
        try:
            service(proposal=proposal, by=request.user)
            messages.success(request, DONE[action])
        except DomainError as error:
            messages.error(request, error.message)
        return redirect(proposal)

    def decline(self, request, proposal: Proposal):
        form = DeclineForm(request.POST)
        if form.is_valid():
            try:
                services.proposal_decline(proposal=proposal, by=request.user, **form.cleaned_data)
                messages.success(request, DONE[ProposalAction.DECLINE])
                return redirect(proposal)
            except DomainError as error:
                proposal.refresh_from_db()
                add_errors(form, error)
        context = detail_context(request, proposal, decline_form=form)
        return render(request, "applications/proposal_detail.html", context, status=400)
