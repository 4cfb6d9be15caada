from datetime import timedelta

import pytest
from django.utils import timezone

from oimarket.accounts.models import Region
from oimarket.alerts.models import AlertMatch, SavedSearch
from oimarket.alerts.services import (
    fields_follow,
    saved_search_create,
    saved_search_delete,
    saved_search_update,
)
from oimarket.alerts.services.saved_searches import MAX_SAVED_SEARCHES
from oimarket.core.errors import DomainError
from tests.factories import AlertMatchFactory, SavedSearchFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_create_cleans_the_criteria():
    user = UserFactory()
    busan = Region.objects.get(code="busan")

    search = saved_search_create(
        user=user,
        q="  배터리   재활용 ",
        kinds=["program", "program"],
        fields=["energy", "battery"],
        region=busan,
        open_only=True,
        frequency="weekly",
    )

    assert (search.user, search.name, search.q, search.kinds, search.fields) == (
        user,
        "배터리 재활용",
        "배터리 재활용",
        ["program"],
        ["battery", "energy"],
    )
    assert (search.region, search.open_only, search.frequency, search.active) == (
        busan,
        True,
        "weekly",
        True,
    )
    assert (search.last_checked_at, search.last_digest_at) == (None, None)


def test_default_name_of_a_field_search_is_in_the_current_language(settings):
    settings.LANGUAGE_CODE = "ko"
    korean = saved_search_create(user=UserFactory(), fields=["battery", "ai"])
    settings.LANGUAGE_CODE = "en"
    english = saved_search_create(user=UserFactory(), fields=["battery"])
    kinds = saved_search_create(user=UserFactory(), kinds=["startup"])

    assert korean.name == "인공지능(AI) · 이차전지"
    assert english.name == "Batteries"
    assert kinds.name == "Startups"


def test_create_keeps_a_given_name():
    search = saved_search_create(user=UserFactory(), name=" 우리 알림 ", q="배터리")

    assert search.name == "우리 알림"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Add a keyword or a filter before saving a search."),
        ({"q": "   "}, "Add a keyword or a filter before saving a search."),
        ({"q": "x", "fields": ["nope"]}, "Choose fields from the list."),
        ({"q": "x", "kinds": ["event"]}, "Choose programs, challenges, startups or organizations."),
        ({"q": "x", "frequency": "hourly"}, "Choose daily or weekly e-mails."),
    ],
)
def test_create_refuses_bad_input(data, message):
    with pytest.raises(DomainError, match=message):
        saved_search_create(user=UserFactory(), **data)

    assert SavedSearch.objects.count() == 0


def test_create_refuses_the_same_search_twice_but_not_for_someone_else():
    user = UserFactory()
    saved_search_create(user=user, q="배터리", fields=["battery"])

    with pytest.raises(DomainError, match="You already saved this search."):
        saved_search_create(user=user, q=" 배터리", fields=["battery"], name="다른 이름")
    saved_search_create(user=UserFactory(), q="배터리", fields=["battery"])
    saved_search_create(user=user, q="배터리", fields=["battery"], open_only=True)

    assert SavedSearch.objects.count() == 3


def test_create_refuses_beyond_the_limit():
    user = UserFactory()
    SavedSearch.objects.bulk_create(
        [SavedSearch(user=user, name=str(n), q=str(n)) for n in range(MAX_SAVED_SEARCHES)]
    )

    with pytest.raises(DomainError, match="too many saved searches"):
        saved_search_create(user=user, q="배터리")


def test_update_renames_and_changes_frequency():
    search = SavedSearchFactory()

    saved_search_update(saved_search=search, name="  새 이름 ", frequency="weekly")

    search.refresh_from_db()
    assert (search.name, search.frequency) == ("새 이름", "weekly")


def test_update_refuses_blank_name_bad_frequency_and_other_fields():
    search = SavedSearchFactory()

    with pytest.raises(DomainError):
        saved_search_update(saved_search=search, name="  ")
    with pytest.raises(DomainError):
        saved_search_update(saved_search=search, frequency="monthly")
    with pytest.raises(TypeError):
        saved_search_update(saved_search=search, q="다른 검색")


def test_resume_starts_from_now_not_from_the_pause():
    long_ago = timezone.now() - timedelta(days=30)
    search = SavedSearchFactory(active=False, last_checked_at=long_ago)

    saved_search_update(saved_search=search, active=True)

    search.refresh_from_db()
    assert search.active is True
    assert search.last_checked_at > long_ago + timedelta(days=29)


def test_pause_keeps_the_last_check():
    moment = timezone.now() - timedelta(minutes=5)
    search = SavedSearchFactory(last_checked_at=moment)

    saved_search_update(saved_search=search, active=False)

    search.refresh_from_db()
    assert (search.active, search.last_checked_at) == (False, moment)


def test_delete_removes_the_matches_too():
    match = AlertMatchFactory()
    kept = AlertMatchFactory()

    saved_search_delete(saved_search=match.saved_search)

    assert list(AlertMatch.objects.all()) == [kept]
    assert SavedSearch.objects.count() == 1


def test_follow_adds_and_removes_fields_and_sets_their_frequency():
    user = UserFactory()
    keyword = SavedSearchFactory(user=user, q="배터리", fields=["ai"])
    fields_follow(user=user, codes=["ai", "battery"])

    added, removed = fields_follow(user=user, codes=["battery", "energy"], frequency="weekly")

    assert (added, removed) == (["energy"], ["ai"])
    follows = SavedSearch.objects.filter(user=user, q="").order_by("fields")
    assert [(s.fields, s.frequency, s.is_follow) for s in follows] == [
        (["battery"], "weekly", True),
        (["energy"], "weekly", True),
    ]
    assert SavedSearch.objects.filter(pk=keyword.pk).exists()


def test_follow_nothing_unfollows_everything_of_that_user_only():
    user, other = UserFactory(), UserFactory()
    fields_follow(user=user, codes=["ai"])
    fields_follow(user=other, codes=["ai"])

    fields_follow(user=user, codes=[])

    assert list(SavedSearch.objects.values_list("user", flat=True)) == [other.pk]


def test_follow_refuses_unknown_fields():
    with pytest.raises(DomainError):
        fields_follow(user=UserFactory(), codes=["nope"])
