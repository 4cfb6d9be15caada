import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oimarket.notifications.models import Notification
from tests.factories import NotificationFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/notifications/"


def read_url(notification) -> str:
    return reverse("notifications:notification-read", kwargs={"pk": notification.pk})


def test_urls():
    assert reverse("notifications:list") == LIST
    assert reverse("notifications:read-all") == "/notifications/read-all/"


def test_list_shows_own_notifications_newest_first(client):
    user = UserFactory()
    old = NotificationFactory(user=user, title="오래된 알림")
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    new = NotificationFactory(user=user, title="새 알림")
    NotificationFactory(title="남의 알림")
    client.force_login(user)

    response = client.get(LIST)

    assert response.status_code == 200
    assert list(response.context["notifications"]) == [new, old]
    assert "남의 알림" not in response.content.decode()


def test_list_is_paginated_by_20(client):
    user = UserFactory()
    NotificationFactory.create_batch(21, user=user)
    client.force_login(user)

    first = client.get(LIST)
    second = client.get(LIST, {"page": 2})

    assert len(first.context["notifications"]) == 20
    assert len(second.context["notifications"]) == 1


def test_empty_list_points_to_alerts(client):
    client.force_login(UserFactory())

    response = client.get(LIST)

    assert 'href="/alerts/"' in response.content.decode()


@pytest.mark.parametrize("rows", [1, 3])
def test_list_query_count_is_constant(client, django_assert_num_queries, rows):
    user = UserFactory()
    NotificationFactory.create_batch(rows, user=user)
    client.force_login(user)

    # session, user, count, page, unread badge
    with django_assert_num_queries(5):
        response = client.get(LIST)

    assert response.status_code == 200


def test_anonymous_is_sent_to_login(client):
    notification = NotificationFactory()

    responses = [
        client.get(LIST),
        client.post(read_url(notification)),
        client.post(reverse("notifications:read-all")),
    ]

    assert [r.status_code for r in responses] == [302, 302, 302]
    assert all(r.url.startswith("/accounts/login/") for r in responses)
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_one_read_and_go_back(client):
    notification = NotificationFactory()
    client.force_login(notification.user)

    response = client.post(read_url(notification), {"next": "/notifications/?page=2"})

    assert response.status_code == 302
    assert response.url == "/notifications/?page=2"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_marks_read_and_follows_the_link(client):
    notification = NotificationFactory(url="/alerts/7/")
    client.force_login(notification.user)

    response = client.post(read_url(notification), {"open": "1"})

    assert response.url == "/alerts/7/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_never_leaves_the_site(client):
    notification = NotificationFactory(url="https://evil.example/")
    client.force_login(notification.user)

    response = client.post(read_url(notification), {"open": "1", "next": "//evil.example/"})

    assert response.url == LIST


def test_outsider_cannot_mark_anothers_notification(client):
    notification = NotificationFactory()
    client.force_login(UserFactory())

    response = client.post(read_url(notification))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_read_needs_post(client):
    notification = NotificationFactory()
    client.force_login(notification.user)

    response = client.get(read_url(notification))

    assert response.status_code == 405


def test_read_all_marks_only_own(client):
    user = UserFactory()
    NotificationFactory.create_batch(2, user=user)
    other = NotificationFactory()
    client.force_login(user)

    response = client.post(reverse("notifications:read-all"))

    assert response.url == LIST
    assert Notification.objects.filter(user=user, read_at__isnull=True).count() == 0
    other.refresh_from_db()
    assert other.read_at is None


def bell(html: str) -> str:
    match = re.search(r'<a class="[^"]*site-bell.*?</a>', html, re.S)
    return " ".join(match.group(0).split()) if match else ""


def test_bell_shows_the_unread_count(client):
    user = UserFactory()
    NotificationFactory.create_batch(3, user=user)
    NotificationFactory(user=user, read_at=timezone.now())
    NotificationFactory()
    client.force_login(user)

    html = client.get("/alerts/").content.decode()

    assert 'href="/notifications/"' in bell(html)
    assert '>3<span class="visually-hidden"> unread</span></span>' in bell(html)


def test_bell_caps_the_count_at_99(client):
    user = UserFactory()
    NotificationFactory.create_batch(100, user=user)
    client.force_login(user)

    html = client.get("/alerts/").content.decode()

    assert ">99+<span" in bell(html)


def test_bell_has_no_badge_without_unread(client):
    client.force_login(UserFactory())

    html = client.get("/alerts/").content.decode()

    assert bell(html) != ""
    assert "badge" not in bell(html)


def test_no_bell_for_visitors(client):
    html = client.get("/accounts/login/").content.decode()

    assert bell(html) == ""
    assert "/notifications/" not in html
