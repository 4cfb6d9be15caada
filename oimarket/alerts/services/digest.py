"""One e-mail per user listing the new matches of their saved searches that are due.

- daily searches: every run (the schedule runs it at 08:00 Korea time);
- weekly searches: Monday's run, or any run once their oldest unsent match has waited
  `WEEKLY_MAX_WAIT` (a Monday run that was missed).

The user's unsent matches are locked while the e-mail is sent and marked sent in the same
transaction: a failed send leaves them for the next run, and two overlapping runs cannot send
the same matches twice.
"""

import logging
from datetime import datetime, timedelta
from itertools import groupby

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from oimarket.accounts.services import site_url

from ..enums import Frequency
from ..models import AlertMatch, SavedSearch
from .collect import user_language

logger = logging.getLogger(__name__)

WEEKLY_DAY = 0  # Monday, in Korea time
WEEKLY_MAX_WAIT = timedelta(days=7)


def is_due(*, search: SavedSearch, oldest: datetime, now: datetime) -> bool:
    """Whether a search whose oldest unsent match was found at `oldest` is e-mailed now."""
    if search.frequency == Frequency.DAILY:
        return True
    return timezone.localtime(now).weekday() == WEEKLY_DAY or now - oldest >= WEEKLY_MAX_WAIT


def _unsent():
    return AlertMatch.objects.filter(
        digested_at__isnull=True, saved_search__active=True, saved_search__user__is_active=True
    )


def send_alert_digests(*, now: datetime) -> int:
    """Send the due digests. Returns the number of e-mails sent."""
    user_ids = sorted(set(_unsent().values_list("saved_search__user_id", flat=True)))
    sent = 0
    for user_id in user_ids:
        try:
            sent += send_user_digest(user_id=user_id, now=now)
        except Exception:  # one bad address must not stop the others; retried next run
            logger.exception("alerts: digest for user %s failed", user_id)
    return sent


@transaction.atomic
def send_user_digest(*, user_id: int, now: datetime) -> int:
    """Send one user's digest if anything is due. Returns 1 if an e-mail went out, else 0."""
    matches = list(
        _unsent()
        .filter(saved_search__user_id=user_id)
        .select_related("saved_search__user")
        .select_for_update(of=("self",))
        .order_by("saved_search_id", "found_at", "id")
    )
    groups = []
    for _search_id, rows in groupby(matches, key=lambda m: m.saved_search_id):
        rows = list(rows)
        search = rows[0].saved_search
        if is_due(search=search, oldest=rows[0].found_at, now=now):
            groups.append({"search": search, "matches": rows})
    if not groups:
        return 0
    user = groups[0]["search"].user
    _send(user=user, groups=groups)
    AlertMatch.objects.filter(pk__in=[m.pk for g in groups for m in g["matches"]]).update(
        digested_at=now
    )
    SavedSearch.objects.filter(pk__in=[g["search"].pk for g in groups]).update(last_digest_at=now)
    return 1


def _send(*, user, groups: list[dict]) -> None:
    total = sum(len(g["matches"]) for g in groups)
    with translation.override(user_language(user)):
        context = {"user": user, "groups": groups, "total": total, "site_url": site_url()}
        subject = render_to_string("alerts/email/digest_subject.txt", context)
        body = render_to_string("alerts/email/digest_message.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
