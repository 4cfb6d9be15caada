from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from oimarket.alerts import tasks
from oimarket.alerts.models import AlertMatch, SavedSearch
from oimarket.alerts.services import collect_alert_matches, send_alert_digests
from oimarket.alerts.services.digest import is_due
from oimarket.programs.enums import ProgramStatus
from tests.factories import (
    AlertMatchFactory,
    ChallengeFactory,
    ProgramFactory,
    SavedSearchFactory,
    UserFactory,
)

from .conftest import index, saved_before

pytestmark = pytest.mark.django_db

KST = ZoneInfo("Asia/Seoul")
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=KST)
TUESDAY = MONDAY + timedelta(days=1)


def test_saved_search_sends_exactly_one_digest_for_two_new_matches(search_index, settings):
    """The issue's test: two new matches, one e-mail; a second run sends nothing."""
    settings.SITE_URL = "https://oimarket.example"
    user = UserFactory(email="founder@example.com")
    search = saved_before(SavedSearchFactory(user=user, name="배터리 알림", q="배터리"))
    program = ProgramFactory(title="배터리 재활용 실증 지원 공고")
    challenge = ChallengeFactory(title="배터리 열화 진단 과제")
    ProgramFactory(title="스마트팜 데이터 공고")  # does not match
    ProgramFactory(title="배터리 초안 공고", status=ProgramStatus.DRAFT, published_at=None)
    index()
    now = timezone.now()

    collect_alert_matches(now=now)
    sent = send_alert_digests(now=now)

    assert sent == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["founder@example.com"]
    assert message.subject == "[oimarket] 2 new matches for your saved searches"
    assert "배터리 재활용 실증 지원 공고" in message.body
    assert "배터리 열화 진단 과제" in message.body
    assert "스마트팜" not in message.body
    assert "초안" not in message.body
    assert f"https://oimarket.example/programs/{program.pk}/" in message.body
    assert f"https://oimarket.example/challenges/{challenge.pk}/" in message.body
    assert "https://oimarket.example/alerts/" in message.body

    collect_alert_matches(now=now + timedelta(minutes=10))
    again = send_alert_digests(now=now + timedelta(days=1))

    assert again == 0
    assert len(mail.outbox) == 1
    search.refresh_from_db()
    assert search.last_digest_at == now
    assert AlertMatch.objects.filter(digested_at=now).count() == 2


def test_digest_body_groups_matches_by_saved_search():
    user = UserFactory()
    first = SavedSearchFactory(user=user, name="배터리")
    second = SavedSearchFactory(user=user, name="수소", q="수소")
    AlertMatchFactory(saved_search=first, title="배터리 공고", url="/programs/1/")
    AlertMatchFactory(saved_search=second, kind="startup", title="수소 스타트업", url="/orgs/h2/")

    send_alert_digests(now=timezone.now())

    body = mail.outbox[0].body
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    start = lines.index("■ 배터리 (1)")
    assert lines[start : start + 6] == [
        "■ 배터리 (1)",
        "- [Program] 배터리 공고",
        "http://127.0.0.1:8000/programs/1/",
        "■ 수소 (1)",
        "- [Startup] 수소 스타트업",
        "http://127.0.0.1:8000/orgs/h2/",
    ]


def test_one_email_per_user_and_none_for_others():
    alice, bob = UserFactory(), UserFactory()
    AlertMatchFactory(saved_search=SavedSearchFactory(user=alice))
    AlertMatchFactory(saved_search=SavedSearchFactory(user=alice, q="수소"))
    AlertMatchFactory(saved_search=SavedSearchFactory(user=bob))
    UserFactory()  # nothing saved, nothing sent

    sent = send_alert_digests(now=timezone.now())

    assert sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([alice.email, bob.email])
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[alice.email] == "[oimarket] 2 new matches for your saved searches"
    assert subjects[bob.email] == "[oimarket] 1 new match for your saved searches"


def test_english_title_in_english_and_korean_title_in_korean(settings):
    match = AlertMatchFactory(title="배터리 공고", title_en="Battery call")
    settings.LANGUAGE_CODE = "ko"

    send_alert_digests(now=timezone.now())
    AlertMatch.objects.filter(pk=match.pk).update(digested_at=None)
    settings.LANGUAGE_CODE = "en"
    send_alert_digests(now=timezone.now())

    korean, english = mail.outbox
    assert "배터리 공고" in korean.body
    assert "Battery call" not in korean.body
    assert "Battery call" in english.body


def test_paused_search_sends_nothing():
    AlertMatchFactory(saved_search=SavedSearchFactory(active=False))

    assert send_alert_digests(now=timezone.now()) == 0
    assert mail.outbox == []


def test_inactive_user_gets_nothing():
    AlertMatchFactory(saved_search=SavedSearchFactory(user=UserFactory(is_active=False)))

    assert send_alert_digests(now=timezone.now()) == 0


def test_weekly_waits_for_monday():
    match = AlertMatchFactory(saved_search__frequency="weekly", found_at=TUESDAY)

    on_wednesday = send_alert_digests(now=TUESDAY + timedelta(days=1))
    on_monday = send_alert_digests(now=MONDAY + timedelta(days=7))

    assert (on_wednesday, on_monday) == (0, 1)
    match.refresh_from_db()
    assert match.digested_at == MONDAY + timedelta(days=7)


def test_weekly_goes_out_late_when_monday_was_missed():
    """No run on Monday (scheduler down): the match that waited 7 days goes out on Tuesday."""
    search = SavedSearchFactory(frequency="weekly")

    assert is_due(search=search, oldest=TUESDAY - timedelta(days=6), now=TUESDAY) is False
    assert is_due(search=search, oldest=TUESDAY - timedelta(days=7), now=TUESDAY) is True


def test_daily_and_weekly_of_one_user_go_separately():
    user = UserFactory()
    daily = AlertMatchFactory(saved_search=SavedSearchFactory(user=user), title="매일 공고")
    weekly = AlertMatchFactory(
        saved_search=SavedSearchFactory(user=user, q="수소", frequency="weekly"),
        title="매주 공고",
        found_at=MONDAY,
    )

    send_alert_digests(now=TUESDAY)

    assert len(mail.outbox) == 1
    assert "매일 공고" in mail.outbox[0].body
    assert "매주 공고" not in mail.outbox[0].body
    daily.refresh_from_db()
    weekly.refresh_from_db()
    assert (daily.digested_at, weekly.digested_at) == (TUESDAY, None)
    assert SavedSearch.objects.get(pk=weekly.saved_search_id).last_digest_at is None


def test_failed_send_keeps_the_matches_and_others_still_get_theirs(monkeypatch):
    from oimarket.alerts.services import digest

    broken, fine = UserFactory(email="broken@example.com"), UserFactory()
    lost = AlertMatchFactory(saved_search=SavedSearchFactory(user=broken))
    AlertMatchFactory(saved_search=SavedSearchFactory(user=fine))
    real = digest.send_mail

    def send(subject, body, sender, to):
        if to == ["broken@example.com"]:
            raise OSError("SMTP down")
        return real(subject, body, sender, to)

    monkeypatch.setattr(digest, "send_mail", send)

    sent = send_alert_digests(now=timezone.now())

    assert sent == 1
    assert [m.to for m in mail.outbox] == [[fine.email]]
    lost.refresh_from_db()
    assert lost.digested_at is None


def test_tasks_run_through_the_task_backend(search_index):
    AlertMatchFactory()

    collected = tasks.collect_alert_matches_task.enqueue()
    sent = tasks.send_alert_digests_task.enqueue()

    assert collected.return_value == {"searches": 1, "matches": 0, "notified": 0}
    assert sent.return_value == 1
