import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from oimarket.alerts.models import SavedSearch
from tests.factories import AlertMatchFactory, SavedSearchFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/alerts/"


def url(name: str, search=None) -> str:
    return reverse(f"alerts:{name}", kwargs={"pk": search.pk} if search else None)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_urls():
    assert reverse("alerts:list") == LIST
    assert reverse("alerts:save") == "/alerts/save/"
    assert reverse("alerts:follow") == "/alerts/follow/"
    assert url("search-detail", SavedSearch(pk=3)) == "/alerts/3/"


# Anonymous visitors and outsiders


def test_anonymous_is_sent_to_login_everywhere(client):
    search = SavedSearchFactory()
    gets = [LIST, url("search-detail", search), url("search-edit", search)]
    gets.append(url("search-delete", search))
    posts = [url("save"), url("follow"), url("search-toggle", search)]
    posts += [url("search-edit", search), url("search-delete", search)]

    responses = [client.get(u) for u in gets] + [client.post(u, {"q": "x"}) for u in posts]

    assert {r.status_code for r in responses} == {302}
    assert all(r.url.startswith("/accounts/login/") for r in responses)
    search.refresh_from_db()
    assert (search.active, SavedSearch.objects.count()) == (True, 1)


@pytest.mark.parametrize("name", ["search-detail", "search-edit", "search-delete"])
def test_outsider_gets_404_on_pages_of_anothers_search(client, name):
    search = SavedSearchFactory()
    client.force_login(UserFactory())

    response = client.get(url(name, search))

    assert response.status_code == 404


def test_outsider_cannot_change_anothers_search(client):
    search = SavedSearchFactory(name="남의 검색", frequency="daily")
    client.force_login(UserFactory())

    edited = client.post(url("search-edit", search), {"name": "탈취", "frequency": "weekly"})
    toggled = client.post(url("search-toggle", search))
    deleted = client.post(url("search-delete", search))

    assert [edited.status_code, toggled.status_code, deleted.status_code] == [404, 404, 404]
    search.refresh_from_db()
    assert (search.name, search.frequency, search.active) == ("남의 검색", "daily", True)


def test_list_shows_own_searches_only(client):
    mine = SavedSearchFactory(name="내 검색")
    SavedSearchFactory(name="남의 검색")
    client.force_login(mine.user)

    response = client.get(LIST)

    assert response.status_code == 200
    assert response.context["searches"] == [mine]
    html = response.content.decode()
    assert "내 검색" in html
    assert "남의 검색" not in html


# The list


@pytest.mark.parametrize("rows", [1, 3])
def test_list_query_count_is_constant(client, django_assert_num_queries, rows):
    user = UserFactory()
    for n in range(rows):
        AlertMatchFactory(saved_search=SavedSearchFactory(user=user, q=f"검색 {n}"))
    SavedSearchFactory(user=user, q="", fields=["ai"])
    client.force_login(user)

    # session, user, searches, field names, taxonomy choices, unread badge
    with django_assert_num_queries(6):
        response = client.get(LIST)

    assert response.status_code == 200


def test_list_shows_criteria_counts_and_a_search_link(client):
    search = SavedSearchFactory(
        q="배터리", fields=["battery"], kinds=["program"], region_id="busan", open_only=True
    )
    AlertMatchFactory.create_batch(2, saved_search=search)
    client.force_login(search.user)

    html = client.get(LIST).content.decode()

    assert "“배터리”" in html
    assert "Programs" in html
    assert "이차전지" in html or "Batteries" in html
    assert "2 matches found" in html
    assert 'href="/search/?q=%EB%B0%B0%ED%84%B0%EB%A6%AC&amp;kind=program&amp;field=battery' in html


def test_list_checks_the_followed_fields(client):
    user = UserFactory()
    SavedSearchFactory(user=user, q="", fields=["energy"], frequency="weekly")
    client.force_login(user)

    response = client.get(LIST)

    form = response.context["follow_form"]
    assert form.initial == {"fields": ["energy"], "frequency": "weekly"}
    assert 'value="energy" id="id_fields_' in response.content.decode()


def test_empty_list_points_to_search(client):
    client.force_login(UserFactory())

    html = client.get(LIST).content.decode()

    assert 'href="/search/"' in html


# Saving from the search page


def test_save_creates_the_search_and_goes_back(client):
    user = UserFactory()
    client.force_login(user)
    data = {
        "q": "배터리",
        "kind": "program",
        "field": ["battery", "energy"],
        "region": "seoul",
        "open": "1",
        "name": "",
        "frequency": "weekly",
        "next": "/search/?q=배터리",
    }

    response = client.post(url("save"), data)

    assert response.status_code == 302
    assert response.url == "/search/?q=%EB%B0%B0%ED%84%B0%EB%A6%AC"
    search = SavedSearch.objects.get(user=user)
    assert (search.q, search.kinds, search.fields, search.region_id, search.open_only) == (
        "배터리",
        ["program"],
        ["battery", "energy"],
        "seoul",
        True,
    )
    assert search.frequency == "weekly"
    assert messages_of(response) == [
        "“배터리” is saved. New matches will come by e-mail (weekly) and here."
    ]


def test_save_never_redirects_off_site(client):
    client.force_login(UserFactory())

    response = client.post(url("save"), {"q": "배터리", "frequency": "daily", "next": "//evil/"})

    assert response.url == LIST


def test_save_with_a_bad_field_saves_nothing_and_says_why(client):
    client.force_login(UserFactory())

    response = client.post(url("save"), {"q": "x", "field": "nope", "frequency": "daily"})

    assert response.status_code == 302
    assert SavedSearch.objects.count() == 0
    assert messages_of(response)[0].startswith("This search could not be saved:")


def test_save_twice_says_it_is_saved_already(client):
    user = UserFactory()
    client.force_login(user)
    data = {"q": "배터리", "frequency": "daily"}

    client.post(url("save"), data)
    response = client.post(url("save"), data)

    assert SavedSearch.objects.filter(user=user).count() == 1
    assert messages_of(response)[-1] == "You already saved this search."


def test_save_needs_post(client):
    client.force_login(UserFactory())

    assert client.get(url("save")).status_code == 405


def render_partial(user, params) -> str:
    request = RequestFactory().get("/search/", {"q": params.get("q", "")})
    request.user = user
    return render_to_string("alerts/_save_search.html", {"params": params}, request=request)


def test_save_partial_carries_the_search_parameters_without_form_fields():
    """It sits inside the search page's GET form: no <form>, no `name`, nothing leaks."""
    params = {"q": "배터리", "kind": "program", "fields": ["ai", "battery"], "region": "seoul"}

    html = render_partial(UserFactory(), {**params, "open": True})

    assert 'data-action="/alerts/save/"' in html
    assert "<form" not in html
    assert " name=" not in html
    for name, value in [
        ("next", "/search/?q=%EB%B0%B0%ED%84%B0%EB%A6%AC"),
        ("q", "배터리"),
        ("kind", "program"),
        ("field", "ai"),
        ("field", "battery"),
        ("region", "seoul"),
        ("open", "1"),
    ]:
        assert f'data-save="{name}" value="{value}"' in html
    assert 'data-save="frequency"' in html
    assert 'data-save="name"' in html
    assert 'data-save="csrfmiddlewaretoken" value="' in html


def test_save_partial_asks_visitors_to_log_in():
    from django.contrib.auth.models import AnonymousUser

    html = render_partial(AnonymousUser(), {"q": "배터리", "fields": []})

    assert "<form" not in html
    assert 'href="/accounts/login/?next=/search/%3Fq%3D%25EB%25B0%25B0' in html


def test_save_partial_is_empty_for_an_empty_search():
    html = render_partial(UserFactory(), {"q": "", "kind": "", "fields": [], "region": ""})

    assert html.strip() == ""


# Following fields


def test_follow_saves_the_checked_fields(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(url("follow"), {"fields": ["ai", "energy"], "frequency": "daily"})

    assert response.url == LIST
    assert sorted(s.fields[0] for s in SavedSearch.objects.filter(user=user)) == ["ai", "energy"]
    assert messages_of(response) == ["Followed fields updated: 2 added, 0 removed."]


def test_follow_with_an_unknown_field_shows_the_form_again(client):
    client.force_login(UserFactory())

    response = client.post(url("follow"), {"fields": ["nope"], "frequency": "daily"})

    assert response.status_code == 200
    assert response.context["follow_form"].errors["fields"]
    assert SavedSearch.objects.count() == 0


# One saved search


def test_detail_lists_its_matches_newest_first(client):
    search = SavedSearchFactory()
    old = AlertMatchFactory(saved_search=search, title="먼저 찾은 공고")
    new = AlertMatchFactory(saved_search=search, title="나중 찾은 공고")
    AlertMatchFactory(title="다른 검색의 공고")
    client.force_login(search.user)

    response = client.get(url("search-detail", search))

    assert response.status_code == 200
    assert list(response.context["matches"]) == [new, old]
    html = response.content.decode()
    assert f'href="{new.url}"' in html
    assert "다른 검색의 공고" not in html


def test_edit_changes_name_and_frequency(client):
    search = SavedSearchFactory()
    client.force_login(search.user)

    page = client.get(url("search-edit", search))
    response = client.post(url("search-edit", search), {"name": "새 이름", "frequency": "weekly"})

    assert page.status_code == 200
    assert response.url == LIST
    search.refresh_from_db()
    assert (search.name, search.frequency) == ("새 이름", "weekly")


def test_edit_with_errors_shows_the_form_again(client):
    search = SavedSearchFactory()
    client.force_login(search.user)

    response = client.post(url("search-edit", search), {"name": "", "frequency": "monthly"})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "frequency"}


def test_toggle_pauses_then_resumes(client):
    search = SavedSearchFactory()
    client.force_login(search.user)

    paused = client.post(url("search-toggle", search))
    search.refresh_from_db()
    was_active = search.active
    client.post(url("search-toggle", search), {"next": url("search-detail", search)})
    search.refresh_from_db()

    assert paused.url == LIST
    assert (was_active, search.active) == (False, True)


def test_delete_asks_first_then_deletes(client):
    search = SavedSearchFactory(name="지울 검색")
    client.force_login(search.user)

    page = client.get(url("search-delete", search))
    response = client.post(url("search-delete", search))

    assert page.status_code == 200
    assert "Delete “지울 검색”?" in page.content.decode()
    assert response.url == LIST
    assert SavedSearch.objects.count() == 0
    assert messages_of(response) == ["“지울 검색” was deleted."]
