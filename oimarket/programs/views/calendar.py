from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from ..calendar import deadlines_calendar
from ..forms import CatalogueFilterForm
from ..selectors import programs_catalogue, programs_visible_to

FEED_LIMIT = 500


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_not_required
def program_calendar(request, pk):
    program = programs_visible_to(request.user).filter(pk=pk).first()
    if program is None:
        raise Http404
    base = request.build_absolute_uri("/").rstrip("/")
    return _ics(
        deadlines_calendar([program], base_url=base, name=program.title),
        f"program-{program.pk}.ics",
    )


@login_not_required
def catalogue_calendar(request):
    """The deadlines of a filtered catalogue, for a calendar app to subscribe to."""
    query = CatalogueFilterForm(request.GET or None).to_query()
    programs = programs_catalogue(query).select_related("organization")[:FEED_LIMIT]
    base = request.build_absolute_uri("/").rstrip("/")
    return _ics(
        deadlines_calendar(programs, base_url=base, name=_("oimarket deadlines")),
        "oimarket-deadlines.ics",
    )
