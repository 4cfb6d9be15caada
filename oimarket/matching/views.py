"""The search page, the header box's suggestions, and the JSON API over the same reads."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import TemplateView

from oimarket.programs.models import Field

from . import api
from .forms import SearchForm
from .selectors import SearchPage, SearchQuery, search_page, suggestions

public = method_decorator(login_not_required, name="dispatch")


@public
class SearchView(TemplateView):
    template_name = "matching/search.html"

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["matching/_search_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        fields = list(Field.objects.all())
        form = SearchForm(self.request.GET, fields_qs=fields)
        page = (
            search_page(user=self.request.user, query=form.to_query())
            if form.is_valid()
            else SearchPage(query=SearchQuery())
        )
        names = {f.code: f for f in fields}
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "page": page,
            "query": page.query,
            "search_params": page.query.params(),
            "field_facets": [
                (names[code], n) for code, n in page.field_counts.items() if code in names
            ],
            "common_fields": [f for f in fields if f.group == "common"],
            "area_fields": [f for f in fields if f.group != "common"],
            "next_page_url": _page_url(self.request, page.query.page + 1),
        }


def _page_url(request, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return f"{request.path}?{params.urlencode()}"


@public
class SuggestView(TemplateView):
    """A few titles under the header box as the user types (htmx, keyword engine only)."""

    template_name = "matching/_suggestions.html"

    def get_context_data(self, **kwargs):
        q = " ".join(self.request.GET.get("q", "").split())[:200]
        return {**super().get_context_data(**kwargs), "q": q, "results": suggestions(q=q)}


@public
class SearchApiView(View):
    """GET /api/search?q=&kind=&field=&region=&open=&eligible=&page="""

    def get(self, request):
        form = SearchForm(request.GET)
        if not form.is_valid():
            return api.errors(form)
        page = search_page(user=request.user, query=form.to_query())
        return JsonResponse(api.search_payload(page, request=request))
