from django.utils import timezone
from django.views.generic import TemplateView

from oimarket.programs.views.common import paginate

from ..forms import InboxFilterForm
from ..selectors import (
    inbox_challenges,
    proposal_waiting,
    proposals_inbox,
    proposals_of_my_startups,
    user_receives_proposals,
)


def _with_waiting(page):
    now = timezone.now()
    for proposal in page.object_list:
        proposal.waited = proposal_waiting(proposal, now)
    return page


class MyProposalsView(TemplateView):
    """A startup member's proposals, with each status and the decline reason."""

    template_name = "applications/proposal_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        page = _with_waiting(paginate(self.request, proposals_of_my_startups(user)))
        return {
            **super().get_context_data(**kwargs),
            "page_obj": page,
            "proposals": page.object_list,
            "in_startup": user.has_perm("applications.add_proposal"),
        }


class ProposalInboxView(TemplateView):
    """The demand organization's inbox: proposals to its challenges, with the waiting time."""

    template_name = "applications/proposal_inbox.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        challenges = list(inbox_challenges(user))
        form = InboxFilterForm(self.request.GET, challenges=challenges)
        page = _with_waiting(paginate(self.request, proposals_inbox(user, **form.filters())))
        return {
            **super().get_context_data(**kwargs),
            "filter_form": form,
            "page_obj": page,
            "proposals": page.object_list,
            "receives": user_receives_proposals(user),
            "filtered": any(form.filters().values()),
        }
