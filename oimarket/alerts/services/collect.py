"""Find, for each active saved search, the records that appeared since it was last checked and
match it; store them as `AlertMatch` (once per search and record) and tell the user in the site.

What "appeared" means, per kind (no timestamp was added to other apps' models):
- program: `published_at` or `created_at` (an import may back-date `published_at`) in the window;
- challenge: its own `published_at` or `created_at`, or its program's `published_at` (a challenge
  of a program published later becomes visible with it);
- startup: the organization or its profile changed in the window and the organization was
  created after the saved search (a new startup whose profile gets filled in later is still
  found; a startup listed before the search existed is not news).

The window starts `INDEX_GRACE` before the last check, never before the search was saved: the
search index is updated by the task worker after the record is saved, so a record too fresh to
be in the index at one run is tried again at the next ones. Visibility is the index's: drafts
and hidden profiles are never in it, so they never match.
"""

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from oimarket.accounts.enums import OrganizationKind
from oimarket.accounts.models import Organization, User
from oimarket.matching import engine
from oimarket.notifications.services import notify
from oimarket.programs.enums import ChallengeStatus, ProgramStatus
from oimarket.programs.models import Challenge, Program
from oimarket.programs.selectors import PUBLIC_CHALLENGE_STATUSES, PUBLIC_PROGRAM_STATUSES

from ..enums import AlertKind
from ..models import AlertMatch, SavedSearch

logger = logging.getLogger(__name__)

INDEX_GRACE = timedelta(hours=1)
NOTIFICATION_TITLES = 5  # titles listed in the in-app notification's text
UPDATE_CHUNK = 500


@dataclass(frozen=True)
class Candidate:
    """A record that appeared in a window, with what an `AlertMatch` keeps of it."""

    kind: str
    pk: int
    title: str
    title_en: str
    url: str
    created_at: datetime
    closed: bool

    @property
    def doc_id(self) -> str:
        return f"{self.kind}:{self.pk}"


def user_language(user: User) -> str:
    """The user's language if the user model stores one, else the site's (Korean)."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def window_start(search: SavedSearch) -> datetime:
    last = search.last_checked_at or search.created_at
    return max(search.created_at, last - INDEX_GRACE)


def _closed(status_closed: bool, closes_at: datetime | None, now: datetime) -> bool:
    return status_closed or (closes_at is not None and closes_at <= now)


def candidates_since(since: datetime, now: datetime) -> list[Candidate]:
    """Programs, challenges and startups that appeared (or may have) since `since`."""
    programs = Program.objects.filter(
        Q(published_at__gte=since) | Q(created_at__gte=since), status__in=PUBLIC_PROGRAM_STATUSES
    ).only("title", "title_en", "created_at", "status", "closes_at")
    challenges = Challenge.objects.filter(
        Q(published_at__gte=since) | Q(created_at__gte=since) | Q(program__published_at__gte=since),
        status__in=PUBLIC_CHALLENGE_STATUSES,
    ).only("title", "title_en", "created_at", "status", "closes_at")
    startups = Organization.objects.filter(
        Q(created_at__gte=since)
        | Q(updated_at__gte=since)
        | Q(startup_profile__updated_at__gte=since),
        kind=OrganizationKind.STARTUP,
        is_public=True,
    ).only("name", "name_en", "slug", "created_at")
    out = [
        Candidate(
            AlertKind.PROGRAM,
            p.pk,
            p.title,
            p.title_en,
            p.get_absolute_url(),
            p.created_at,
            _closed(p.status == ProgramStatus.CLOSED, p.closes_at, now),
        )
        for p in programs
    ]
    out += [
        Candidate(
            AlertKind.CHALLENGE,
            c.pk,
            c.title,
            c.title_en,
            c.get_absolute_url(),
            c.created_at,
            _closed(c.status == ChallengeStatus.CLOSED, c.closes_at, now),
        )
        for c in challenges
    ]
    out += [
        Candidate(
            AlertKind.STARTUP, o.pk, o.name, o.name_en, o.get_absolute_url(), o.created_at, False
        )
        for o in startups.distinct()
    ]
    return out


def matches_for(search: SavedSearch, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates this search is about, asked to the search index (lexical, filters).

    "Open calls only" means "not closed" here: an upcoming call is news when it is published.
    """
    pool = [
        c
        for c in candidates
        if (not search.kinds or c.kind in search.kinds)
        and (c.kind != AlertKind.STARTUP or c.created_at >= search.created_at)
        and not (search.open_only and c.closed)
    ]
    if not pool:
        return []
    ids = engine.matching_ids(
        q=search.q,
        only_ids=[c.doc_id for c in pool],
        kinds=search.kinds or None,
        fields=search.fields or None,
        region=search.region_id,
    )
    return [c for c in pool if c.doc_id in ids]


@transaction.atomic
def record_matches(*, search: SavedSearch, found: list[Candidate], now: datetime) -> int:
    """Store the matches not stored yet and notify the user once. Returns how many were new.
    The search's row is locked, so two overlapping runs cannot announce a record twice."""
    SavedSearch.objects.select_for_update().filter(pk=search.pk).first()
    known = set(
        search.matches.filter(record_id__in=[c.pk for c in found]).values_list("kind", "record_id")
    )
    new = [c for c in found if (c.kind, c.pk) not in known]
    if not new:
        return 0
    AlertMatch.objects.bulk_create(
        [
            AlertMatch(
                saved_search=search,
                kind=c.kind,
                record_id=c.pk,
                title=c.title[:200],
                title_en=c.title_en[:200],
                url=c.url,
                found_at=now,
            )
            for c in new
        ],
        ignore_conflicts=True,
    )
    _notify(search, new)
    return len(new)


def _notify(search: SavedSearch, new: list[Candidate]) -> None:
    with translation.override(user_language(search.user)):
        english = translation.get_language() == "en"
        count = len(new)
        title = ngettext(
            "%(count)d new match for “%(name)s”",
            "%(count)d new matches for “%(name)s”",
            count,
        ) % {"count": count, "name": search.name}
        names = [(c.title_en if english and c.title_en else c.title) for c in new]
        body = ", ".join(names[:NOTIFICATION_TITLES])
        if count > NOTIFICATION_TITLES:
            body += " " + _("and %(more)d more") % {"more": count - NOTIFICATION_TITLES}
    notify(user=search.user, title=title, body=body, url=search.get_absolute_url())


def collect_alert_matches(*, now: datetime) -> dict[str, int]:
    """Check every active saved search once. Returns counts: searches, matches, notified."""
    searches = (
        SavedSearch.objects.filter(active=True, user__is_active=True)
        .select_related("user")
        .order_by("pk")
    )
    windows: dict[datetime, list[Candidate]] = {}
    totals: Counter = Counter()
    checked: list[int] = []
    for search in searches.iterator(chunk_size=UPDATE_CHUNK):
        since = window_start(search)
        if since not in windows:
            windows[since] = candidates_since(since, now)
        try:
            new = record_matches(search=search, found=matches_for(search, windows[since]), now=now)
        except Exception:  # one broken search must not stop the others; it is retried
            logger.exception("alerts: saved search %s failed", search.pk)
            continue
        checked.append(search.pk)
        totals["matches"] += new
        totals["notified"] += 1 if new else 0
    for start in range(0, len(checked), UPDATE_CHUNK):
        chunk = checked[start : start + UPDATE_CHUNK]
        SavedSearch.objects.filter(pk__in=chunk).update(last_checked_at=now)
    return {"searches": len(checked), "matches": totals["matches"], "notified": totals["notified"]}
