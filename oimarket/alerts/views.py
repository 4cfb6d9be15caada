from django.contrib import messages
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from oimarket.core.errors import DomainError
from oimarket.core.redirects import safe_next_url

from . import selectors, services
from .enums import Frequency
from .forms import FollowFieldsForm, SavedSearchForm, SaveSearchForm
from .models import SavedSearch

MATCHES_PER_PAGE = 20


def search_url(search: SavedSearch) -> str:
    """The search page with this saved search's criteria."""
    params = QueryDict(mutable=True)
    if search.q:
        params["q"] = search.q
    if len(search.kinds) == 1:
        params["kind"] = search.kinds[0]
    params.setlist("field", search.fields)
    if search.region_id:
        params["region"] = search.region_id
    if search.open_only:
        params["open"] = "1"
    return f"{reverse('matching:search')}?{params.urlencode()}"


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]


class SavedSearchListView(TemplateView):
    """The user's saved searches and followed fields, and the form to follow fields."""

    template_name = "alerts/savedsearch_list.html"

    def get_context_data(self, *, follow_form=None, **kwargs):
        user = self.request.user
        searches = list(selectors.saved_searches_of(user))
        follows = [s for s in searches if s.is_follow]
        if follow_form is None:
            frequency = follows[0].frequency if follows else Frequency.DAILY
            initial = {"fields": [s.fields[0] for s in follows], "frequency": frequency}
            follow_form = FollowFieldsForm(initial=initial)
        names = selectors.field_names()
        for search in searches:
            search.field_labels = [names.get(code, code) for code in search.fields]
            search.search_url = search_url(search)
        return super().get_context_data(searches=searches, follow_form=follow_form, **kwargs)


@require_POST
def save_search(request):
    """Save the search posted by `alerts/_save_search.html`, then go back to it."""
    back = safe_next_url(request, reverse("alerts:list"))
    form = SaveSearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This search could not be saved: %s") % _first_error(form))
        return redirect(back)
    try:
        search = services.saved_search_create(user=request.user, **form.service_data())
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("“%(name)s” is saved. New matches will come by e-mail (%(frequency)s) and here.")
            % {"name": search.name, "frequency": search.get_frequency_display().lower()},
        )
    return redirect(back)


class FollowFieldsView(SavedSearchListView):
    """POST: follow exactly the checked fields (a form error shows the list again)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = FollowFieldsForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(follow_form=form))
        try:
            added, removed = services.fields_follow(
                user=request.user,
                codes=form.cleaned_data["fields"],
                frequency=form.cleaned_data["frequency"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Followed fields updated: %(added)d added, %(removed)d removed.")
                % {"added": len(added), "removed": len(removed)},
            )
        return redirect("alerts:list")


class SavedSearchMixin:
    """One saved search of the current user (anyone else's is a 404)."""

    @cached_property
    def saved_search(self) -> SavedSearch:
        qs = selectors.saved_searches_of(self.request.user)
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        names = selectors.field_names()
        self.saved_search.field_labels = [names.get(c, c) for c in self.saved_search.fields]
        self.saved_search.search_url = search_url(self.saved_search)
        return super().get_context_data(search=self.saved_search, **kwargs)


class SavedSearchDetailView(SavedSearchMixin, TemplateView):
    """What a saved search found, newest first (the in-app notification links here)."""

    template_name = "alerts/savedsearch_detail.html"

    def get_context_data(self, **kwargs):
        matches = selectors.alert_matches_of(self.saved_search)
        page = Paginator(matches, MATCHES_PER_PAGE).get_page(self.request.GET.get("page"))
        return super().get_context_data(page_obj=page, matches=page.object_list, **kwargs)


class SavedSearchEditView(SavedSearchMixin, FormView):
    template_name = "alerts/savedsearch_form.html"
    form_class = SavedSearchForm

    def get_initial(self):
        return {"name": self.saved_search.name, "frequency": self.saved_search.frequency}

    def form_valid(self, form):
        try:
            services.saved_search_update(saved_search=self.saved_search, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("Your changes were saved."))
        return redirect("alerts:list")


@require_POST
def saved_search_toggle(request, pk: int):
    """Pause or resume a saved search."""
    search = get_object_or_404(selectors.saved_searches_of(request.user), pk=pk)
    services.saved_search_update(saved_search=search, active=not search.active)
    if search.active:
        message = _("“%s” is on again: you will hear about what appears from now on.")
    else:
        message = _("“%s” is paused: no e-mails or notifications until you resume it.")
    messages.success(request, message % search.name)
    return redirect(safe_next_url(request, reverse("alerts:list")))


class SavedSearchDeleteView(SavedSearchMixin, TemplateView):
    """Confirm, then delete a saved search and what it found."""

    template_name = "alerts/savedsearch_confirm_delete.html"

    def post(self, request, *args, **kwargs):
        name = self.saved_search.name
        services.saved_search_delete(saved_search=self.saved_search)
        messages.success(request, _("“%s” was deleted.") % name)
        return redirect("alerts:list")
