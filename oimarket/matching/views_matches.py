"""Match lists: startups for a challenge (its editors decide on them) and calls for a startup."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from oimarket.accounts.models import Organization
from oimarket.core.errors import DomainError
from oimarket.programs.eligibility.selectors import startup_for
from oimarket.programs.models import Challenge

from . import api, services
from .enums import MatchDecisionKind
from .matches import challenge_matches, startup_matches

DECISION_MESSAGES = {
    MatchDecisionKind.SHORTLISTED: gettext_lazy("%(name)s is on your shortlist."),
    MatchDecisionKind.HIDDEN: gettext_lazy("%(name)s is hidden from this list."),
    MatchDecisionKind.CONTACT_REQUESTED: gettext_lazy(
        "Noted: you want to contact %(name)s. Contact opens with meetings, soon."
    ),
}


class ChallengeMatchesMixin:
    """The challenge, for those who may see its matches; 404 for everyone else."""

    permission = "matching.view_challenge_matches"

    @cached_property
    def challenge(self) -> Challenge:
        challenge = get_object_or_404(
            Challenge.objects.select_related("organization__region", "program"),
            pk=self.kwargs["pk"],
        )
        if not self.request.user.has_perm(self.permission, challenge):
            raise Http404
        return challenge


class ChallengeMatchesView(ChallengeMatchesMixin, TemplateView):
    template_name = "matching/challenge_matches.html"

    def get_context_data(self, **kwargs):
        show_hidden = self.request.GET.get("hidden") == "1"
        matches = challenge_matches(challenge=self.challenge, include_hidden=show_hidden)
        return {
            **super().get_context_data(**kwargs),
            "challenge": self.challenge,
            "matches": matches,
            "show_hidden": show_hidden,
            "decisions": MatchDecisionKind,
        }


class ChallengeMatchDecideView(ChallengeMatchesMixin, View):
    """POST: shortlist / hide / contact, or undo (decision "undo")."""

    permission = "matching.decide_challenge_match"

    def post(self, request, pk, startup_pk, decision):
        startup = get_object_or_404(Organization, pk=startup_pk)
        challenge = self.challenge
        name = startup.display_name
        if decision == "undo":
            services.match_undo(challenge=challenge, startup=startup, by=request.user)
            messages.success(request, _("Decision on %(name)s taken back.") % {"name": name})
        else:
            try:
                services.match_decide(
                    challenge=challenge, startup=startup, by=request.user, decision=decision
                )
            except DomainError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, DECISION_MESSAGES[decision] % {"name": name})
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = ""
        if target:
            return redirect(target)
        return redirect("matching:challenge-matches", pk=challenge.pk)


class ChallengeMatchesApiView(ChallengeMatchesMixin, View):
    """GET /api/challenges/<id>/matches: the same list and reasons as the page."""

    def get(self, request, pk):
        try:
            challenge = self.challenge
        except Http404:
            return JsonResponse({"errors": {"challenge": [_("Not found.")]}}, status=404)
        matches = challenge_matches(challenge=challenge)
        return JsonResponse(
            {
                "challenge": {"id": challenge.pk, "title": challenge.display_title},
                "count": len(matches),
                "results": [api.match_payload(m, request=request) for m in matches],
            }
        )


class StartupMatchesView(TemplateView):
    """Open programs and challenges for the user's startup, eligible first."""

    template_name = "matching/startup_matches.html"

    def get_context_data(self, **kwargs):
        startup = startup_for(self.request.user)
        if startup is None:
            raise PermissionDenied(_("Matches are for members of a startup."))
        return {
            **super().get_context_data(**kwargs),
            "startup": startup,
            "matches": startup_matches(startup=startup),
        }
