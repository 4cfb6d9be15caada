"""Create, change and delete saved searches; follow fields (a field is a one-field search)."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from oimarket.accounts.models import Region, User
from oimarket.core.errors import DomainError
from oimarket.programs.models import Field

from ..enums import KIND_LABELS, SEARCH_KINDS, Frequency
from ..models import SavedSearch
from ..selectors import saved_search_follows

MAX_SAVED_SEARCHES = 100  # per user, followed fields included
NAME_MAX = 100
Q_MAX = 200
UPDATABLE = ("name", "frequency", "active")


def _clean_kinds(kinds: Iterable[str]) -> list[str]:
    kinds = sorted({k for k in kinds if k})
    if set(kinds) - set(SEARCH_KINDS):
        raise DomainError(_("Choose programs, challenges, startups or organizations."))
    return kinds


def _clean_fields(codes: Iterable[str]) -> list[str]:
    codes = sorted({c for c in codes if c})
    known = set(Field.objects.filter(code__in=codes).values_list("code", flat=True))
    if len(known) != len(codes):
        raise DomainError(_("Choose fields from the list."), field="fields")
    return codes


def _check_frequency(frequency: str) -> None:
    if frequency not in Frequency.values:
        raise DomainError(_("Choose daily or weekly e-mails."), field="frequency")


def default_name(*, q: str, fields: list[str], kinds: list[str]) -> str:
    """The keyword, else the fields' names, else the kinds: what the list shows."""
    if q:
        return q[:NAME_MAX]
    if fields:
        english = get_language() == "en"
        names = Field.objects.filter(code__in=fields).order_by("position")
        return " · ".join(f.name_en if english else f.name_ko for f in names)[:NAME_MAX]
    return " · ".join(str(KIND_LABELS[k]) for k in kinds)[:NAME_MAX] or _("Everything new")


def _criteria(search: SavedSearch) -> tuple:
    return (search.q, list(search.kinds), list(search.fields), search.region_id, search.open_only)


@transaction.atomic
def saved_search_create(
    *,
    user: User,
    name: str = "",
    q: str = "",
    kinds: Iterable[str] = (),
    fields: Iterable[str] = (),
    region: Region | None = None,
    open_only: bool = False,
    frequency: str = Frequency.DAILY,
) -> SavedSearch:
    """Save a search for `user`. Records that appear from now on and match are announced."""
    q = " ".join((q or "").split())[:Q_MAX]
    kinds, fields = _clean_kinds(kinds), _clean_fields(fields)
    _check_frequency(frequency)
    if not (q or kinds or fields or region or open_only):
        raise DomainError(_("Add a keyword or a filter before saving a search."))
    mine = list(SavedSearch.objects.select_for_update().filter(user=user))
    if len(mine) >= MAX_SAVED_SEARCHES:
        raise DomainError(_("You have too many saved searches. Delete some first."))
    wanted = (q, kinds, fields, region.pk if region else None, open_only)
    if any(_criteria(s) == wanted for s in mine):
        raise DomainError(_("You already saved this search."))
    name = " ".join((name or "").split())[:NAME_MAX] or default_name(
        q=q, fields=fields, kinds=kinds
    )
    return SavedSearch.objects.create(
        user=user,
        name=name,
        q=q,
        kinds=kinds,
        fields=fields,
        region=region,
        open_only=open_only,
        frequency=frequency,
    )


def saved_search_update(*, saved_search: SavedSearch, **data) -> SavedSearch:
    """Rename, change the e-mail frequency, pause or resume. A resumed search announces what
    appears from now on, not what appeared while it was paused."""
    unknown = set(data) - set(UPDATABLE)
    if unknown:
        raise TypeError(f"saved_search_update() got unexpected fields: {sorted(unknown)}")
    if "frequency" in data:
        _check_frequency(data["frequency"])
    if "name" in data:
        data["name"] = " ".join((data["name"] or "").split())[:NAME_MAX]
        if not data["name"]:
            raise DomainError(_("Give the search a name."), field="name")
    if data.get("active") and not saved_search.active:
        saved_search.last_checked_at = timezone.now()
    for name, value in data.items():
        setattr(saved_search, name, value)
    saved_search.save()
    return saved_search


def saved_search_delete(*, saved_search: SavedSearch) -> None:
    """Delete the search with its matches (their notifications stay)."""
    saved_search.delete()


@transaction.atomic
def fields_follow(
    *, user: User, codes: Iterable[str], frequency: str = Frequency.DAILY
) -> tuple[list[str], list[str]]:
    """Follow exactly these fields: add the new ones, drop the unchecked ones; every followed
    field gets `frequency`. Returns (codes added, codes removed)."""
    codes = _clean_fields(codes)
    _check_frequency(frequency)
    follows = {s.fields[0]: s for s in saved_search_follows(user)}
    removed = sorted(set(follows) - set(codes))
    SavedSearch.objects.filter(pk__in=[follows[c].pk for c in removed]).delete()
    kept = [follows[c].pk for c in codes if c in follows]
    SavedSearch.objects.filter(pk__in=kept).update(frequency=frequency)
    added = [c for c in codes if c not in follows]
    for code in added:
        saved_search_create(user=user, fields=[code], frequency=frequency)
    return added, removed
