from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from oimarket.notifications import selectors, services
from oimarket.notifications.models import Notification
from tests.factories import NotificationFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Seoul"))


def test_notify_creates_an_unread_notification():
    user = UserFactory()

    notification = services.notify(user=user, title="새 공고", body="본문", url="/alerts/1/")

    assert list(Notification.objects.values_list("user", "title", "body", "url", "read_at")) == [
        (user.pk, "새 공고", "본문", "/alerts/1/", None)
    ]
    assert notification.is_read is False


def test_notify_cuts_a_long_title():
    notification = services.notify(user=UserFactory(), title="가" * 250)

    assert notification.title == "가" * 200


def test_mark_read_keeps_the_first_read_time():
    notification = NotificationFactory(read_at=NOW)

    services.notification_mark_read(notification=notification)

    notification.refresh_from_db()
    assert notification.read_at == NOW


def test_mark_all_read_touches_only_the_users_unread():
    user = UserFactory()
    mine = NotificationFactory.create_batch(2, user=user)
    NotificationFactory(user=user, read_at=NOW)
    other = NotificationFactory()

    changed = services.notifications_mark_all_read(user=user)

    assert changed == 2
    assert selectors.unread_count(user) == 0
    assert [
        n.read_at is None for n in Notification.objects.filter(pk__in=[m.pk for m in mine])
    ] == [
        False,
        False,
    ]
    other.refresh_from_db()
    assert other.read_at is None


def test_unread_count_is_zero_for_a_visitor():
    from django.contrib.auth.models import AnonymousUser

    assert selectors.unread_count(AnonymousUser()) == 0
