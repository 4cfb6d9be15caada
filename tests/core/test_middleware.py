import pytest

pytestmark = pytest.mark.django_db


def test_korean_by_default_even_for_an_english_browser(client, settings):
    settings.LANGUAGE_CODE = "ko"
    response = client.get("/programs/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response.status_code == 200
    assert response.content.decode().count('<html lang="ko" ') == 1


def test_english_after_the_switch(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/programs/"})
    response = client.get("/programs/")
    assert response.content.decode().count('<html lang="en" ') == 1


def test_unknown_language_cookie_falls_back_to_korean(client, settings):
    settings.LANGUAGE_CODE = "ko"
    client.cookies["django_language"] = "fr"
    response = client.get("/programs/")
    assert response.content.decode().count('<html lang="ko" ') == 1
