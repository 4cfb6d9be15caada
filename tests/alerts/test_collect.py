from datetime import timedelta

import pytest
from django.utils import timezone

from oimarket.accounts.models import Region
from oimarket.alerts.models import AlertMatch, SavedSearch
from oimarket.alerts.services import collect_alert_matches
from oimarket.matching import engine
from oimarket.notifications.models import Notification
from oimarket.programs.enums import ChallengeStatus, ProgramStatus
from tests.factories import (
    ChallengeFactory,
    ProgramFactory,
    SavedSearchFactory,
    StartupFactory,
    UserFactory,
)

from .conftest import index, saved_before

pytestmark = pytest.mark.django_db


def found(search) -> list[tuple[str, str]]:
    return sorted(search.matches.values_list("kind", "title"))


def collect(minutes: int = 0) -> dict:
    return collect_alert_matches(now=timezone.now() + timedelta(minutes=minutes))


def test_new_programs_challenges_and_startups_that_match_are_found(search_index):
    search = saved_before(SavedSearchFactory(q="배터리"))
    ProgramFactory(title="배터리 실증 공고")
    ChallengeFactory(title="배터리 진단 과제")
    startup = StartupFactory(name="볼트랩")  # its profile: 배터리 재활용 공정을 AI로 최적화합니다
    ProgramFactory(title="스마트팜 공고")
    index()

    counts = collect()

    assert counts == {"searches": 1, "matches": 3, "notified": 1}
    assert found(search) == [
        ("challenge", "배터리 진단 과제"),
        ("program", "배터리 실증 공고"),
        ("startup", "볼트랩"),
    ]
    match = search.matches.get(kind="startup")
    assert (match.record_id, match.url) == (startup.pk, f"/orgs/{startup.slug}/")


def test_records_from_before_the_search_was_saved_are_not_news(search_index):
    ProgramFactory(title="배터리 옛 공고", published_at=timezone.now() - timedelta(days=3))
    StartupFactory(name="옛 스타트업")
    search = SavedSearchFactory(q="배터리")
    index()

    collect()

    assert found(search) == []


def test_drafts_hidden_startups_and_closed_programs_of_a_draft_never_match(search_index):
    search = saved_before(SavedSearchFactory(q="배터리"))
    ProgramFactory(title="배터리 초안", status=ProgramStatus.DRAFT, published_at=None)
    ChallengeFactory(title="배터리 초안 과제", status=ChallengeStatus.DRAFT, published_at=None)
    draft_program = ProgramFactory(title="초안 프로그램", status=ProgramStatus.DRAFT)
    ChallengeFactory(title="배터리 과제 (초안 프로그램)", program=draft_program)
    StartupFactory(name="숨은 배터리", is_public=False)
    index()

    counts = collect()

    assert counts["matches"] == 0
    assert found(search) == []
    assert Notification.objects.count() == 0


def test_kinds_fields_and_region_narrow_the_search(search_index):
    seoul = Region.objects.get(code="seoul")
    programs_only = saved_before(SavedSearchFactory(q="배터리", kinds=["program"]))
    followed = saved_before(SavedSearchFactory(q="", fields=["energy"]))
    in_busan = saved_before(SavedSearchFactory(q="배터리", region_id="busan", kinds=["program"]))
    energy = ProgramFactory(title="에너지 공고")
    energy.fields.set(["energy"])
    seoul_call = ProgramFactory(title="서울 배터리 공고")
    seoul_call.regions.set([seoul])
    ProgramFactory(title="전국 배터리 공고")  # no region: nationwide
    ChallengeFactory(title="배터리 과제")
    index()

    collect()

    assert found(programs_only) == [
        ("program", "서울 배터리 공고"),
        ("program", "전국 배터리 공고"),
    ]
    assert found(followed) == [("program", "에너지 공고")]
    assert found(in_busan) == [("program", "전국 배터리 공고")]


def test_open_only_skips_closed_calls_but_keeps_upcoming_ones(search_index):
    now = timezone.now()
    search = saved_before(SavedSearchFactory(q="배터리", open_only=True))
    ProgramFactory(title="배터리 예정 공고", opens_at=now + timedelta(days=3))
    ProgramFactory(title="배터리 마감 공고", status=ProgramStatus.CLOSED)
    ChallengeFactory(title="배터리 지난 과제", closes_at=now - timedelta(hours=1))
    ChallengeFactory(title="배터리 상시 과제", closes_at=None)
    index()

    collect()

    assert found(search) == [("challenge", "배터리 상시 과제"), ("program", "배터리 예정 공고")]


def test_a_record_indexed_late_is_found_at_a_later_run(search_index):
    """The worker may index a record after a run: the window overlaps the last check."""
    search = saved_before(SavedSearchFactory(q="배터리"))
    program = ProgramFactory(title="배터리 늦은 공고")
    collect()  # the index does not have it yet

    engine.index_document(kind="program", pk=program.pk)
    collect(minutes=10)

    assert found(search) == [("program", "배터리 늦은 공고")]


def test_the_window_starts_an_hour_before_the_last_check(search_index):
    search = saved_before(SavedSearchFactory(q="배터리"), minutes=600)
    for title, age in (("배터리 오래전 공고", 120), ("배터리 방금 공고", 30)):
        moment = timezone.now() - timedelta(minutes=age)
        program = ProgramFactory(title=title, published_at=moment)
        type(program).objects.filter(pk=program.pk).update(created_at=moment)
    SavedSearch.objects.filter(pk=search.pk).update(last_checked_at=timezone.now())
    index()

    collect()

    assert found(search) == [("program", "배터리 방금 공고")]


def test_a_record_is_announced_once_across_overlapping_runs(search_index):
    search = saved_before(SavedSearchFactory(q="배터리"))
    ProgramFactory(title="배터리 공고")
    index()

    first = collect()
    second = collect(minutes=10)

    assert (first["matches"], second["matches"]) == (1, 0)
    assert AlertMatch.objects.count() == 1
    assert Notification.objects.filter(user=search.user).count() == 1


def test_one_notification_per_search_and_run(search_index):
    user = UserFactory()
    battery = saved_before(SavedSearchFactory(user=user, name="배터리 알림", q="배터리"))
    saved_before(SavedSearchFactory(user=user, name="수소 알림", q="수소"))
    ProgramFactory(title="배터리 공고 1")
    ProgramFactory(title="배터리 공고 2")
    index()

    collect()

    notification = Notification.objects.get()
    assert notification.user == user
    assert notification.title == "2 new matches for “배터리 알림”"
    assert sorted(notification.body.split(", ")) == ["배터리 공고 1", "배터리 공고 2"]
    assert notification.url == f"/alerts/{battery.pk}/"


def test_notification_lists_five_titles_then_a_count(search_index):
    saved_before(SavedSearchFactory(q="배터리"))
    ProgramFactory.create_batch(7, title="배터리 공고")
    index()

    collect()

    assert Notification.objects.get().body.endswith("배터리 공고 and 2 more")


def test_challenge_is_news_when_its_program_is_published(search_index):
    program = ProgramFactory(title="초안 프로그램", status=ProgramStatus.DRAFT, published_at=None)
    two_days_ago = timezone.now() - timedelta(days=2)
    challenge = ChallengeFactory(title="배터리 과제", program=program, published_at=two_days_ago)
    type(challenge).objects.filter(pk=challenge.pk).update(created_at=two_days_ago)
    search = saved_before(SavedSearchFactory(q="배터리"), minutes=1)
    type(program).objects.filter(pk=program.pk).update(
        status=ProgramStatus.PUBLISHED, published_at=timezone.now()
    )
    index()

    collect()

    assert found(search) == [("challenge", "배터리 과제")]


def test_new_startup_found_once_its_profile_is_filled(search_index):
    search = saved_before(SavedSearchFactory(q="수소"))
    startup = StartupFactory(name="새 스타트업")
    index()
    collect()
    profile = startup.startup_profile
    profile.one_liner = "수소 연료전지 드론"
    profile.save()
    index()

    collect(minutes=10)

    assert found(search) == [("startup", "새 스타트업")]


def test_old_startup_that_edits_its_profile_is_not_news(search_index):
    startup = StartupFactory(name="오래된 스타트업")
    search = saved_before(SavedSearchFactory(q="수소"), minutes=1)
    type(startup).objects.filter(pk=startup.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    profile = startup.startup_profile
    profile.one_liner = "수소 연료전지 드론"
    profile.save()
    index()

    collect()

    assert found(search) == []


def test_paused_searches_and_inactive_users_are_skipped(search_index):
    paused = saved_before(SavedSearchFactory(q="배터리", active=False))
    gone = saved_before(SavedSearchFactory(q="배터리", user=UserFactory(is_active=False)))
    ProgramFactory(title="배터리 공고")
    index()

    counts = collect()

    assert counts == {"searches": 0, "matches": 0, "notified": 0}
    assert found(paused) == found(gone) == []


def test_every_checked_search_gets_its_check_time(search_index):
    search = saved_before(SavedSearchFactory(q="배터리"))
    now = timezone.now()

    collect_alert_matches(now=now)

    search.refresh_from_db()
    assert search.last_checked_at == now


def test_an_empty_index_finds_nothing_and_fails_nothing(search_index):
    search = saved_before(SavedSearchFactory(q="배터리"))
    ProgramFactory(title="배터리 공고")

    counts = collect()

    assert counts == {"searches": 1, "matches": 0, "notified": 0}
    assert found(search) == []
