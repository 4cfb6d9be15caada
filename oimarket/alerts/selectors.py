"""Reads for saved searches: a user sees their own only."""

from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from oimarket.accounts.models import User
from oimarket.programs.models import Field

from .models import AlertMatch, SavedSearch


def saved_searches_of(user: User) -> QuerySet[SavedSearch]:
    """The user's saved searches, newest first, with their match counts (none for a visitor)."""
    if not user.is_authenticated:
        return SavedSearch.objects.none()
    return (
        SavedSearch.objects.filter(user=user)
        .select_related("region")
        .annotate(
            match_count=Count("matches"),
            unsent_count=Count("matches", filter=Q(matches__digested_at__isnull=True)),
        )
    )


def saved_search_follows(user: User) -> list[SavedSearch]:
    """The user's followed fields: saved searches with one field and no other criterion."""
    if not user.is_authenticated:
        return []
    qs = SavedSearch.objects.filter(user=user, q="", open_only=False, region__isnull=True)
    return [s for s in qs if s.is_follow]


def alert_matches_of(saved_search: SavedSearch) -> QuerySet[AlertMatch]:
    return saved_search.matches.order_by("-found_at", "-id")


def field_names() -> dict[str, str]:
    """Field code → name in the current language (the taxonomy: a few dozen rows)."""
    english = get_language() == "en"
    return {f.code: (f.name_en if english else f.name_ko) for f in Field.objects.all()}
