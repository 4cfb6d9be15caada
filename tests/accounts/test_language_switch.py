import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("set_language")


def test_switch_remembers_the_language_on_the_account(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(URL, {"language": "en", "next": "/programs/"})

    user.refresh_from_db()
    assert (response.status_code, response.url, user.language) == (302, "/programs/", "en")
    assert response.cookies["django_language"].value == "en"


def test_switch_for_a_visitor_sets_the_cookie_only(client):
    response = client.post(URL, {"language": "en", "next": "/programs/"})

    assert (response.status_code, response.cookies["django_language"].value) == (302, "en")


def test_switch_to_an_unknown_language_changes_nothing(client):
    user = UserFactory(language="ko")
    client.force_login(user)

    client.post(URL, {"language": "fr", "next": "/programs/"})

    user.refresh_from_db()
    assert user.language == "ko"
