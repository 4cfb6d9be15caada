"""Reads for notifications: a user sees their own only."""

from django.db.models import QuerySet

from oimarket.accounts.models import User

from .models import Notification


def notifications_for(user: User) -> QuerySet[Notification]:
    """The user's notifications, newest first (none for a visitor)."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(user=user)


def unread_count(user: User) -> int:
    """One COUNT query on the partial index of unread rows."""
    return notifications_for(user).filter(read_at__isnull=True).count()
