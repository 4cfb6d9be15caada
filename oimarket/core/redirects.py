"""Where to send the user back to after a POST: a `next` on this site only."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request: HttpRequest, fallback: str, *, value: str | None = None) -> str:
    """`value` (default: the `next` field of the POST, else of the query string) when it
    points to this site, else `fallback`."""
    if value is None:
        value = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return value if value and safe else fallback
