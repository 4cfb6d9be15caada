"""Writes for in-app notifications. Other apps call `notify()`."""

from datetime import datetime

from django.utils import timezone

from oimarket.accounts.models import User

from .models import Notification


def notify(*, user: User, title: str, body: str = "", url: str = "") -> Notification:
    """Tell `user` something in the site; `url` is a path on this site (or empty)."""
    return Notification.objects.create(user=user, title=title[:200], body=body, url=url)


def notification_mark_read(
    *, notification: Notification, now: datetime | None = None
) -> Notification:
    if notification.read_at is None:
        notification.read_at = now or timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user: User, now: datetime | None = None) -> int:
    """Mark every unread notification of `user` read. Returns how many changed."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    return unread.update(read_at=now or timezone.now())
