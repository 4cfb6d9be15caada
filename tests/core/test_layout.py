import re

import pytest
from django.template import RequestContext, Template
from django.test import RequestFactory

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ASSET_RE = re.compile(r"<(?:script|link)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"", re.IGNORECASE)


def assets(html: str) -> list[str]:
    return ASSET_RE.findall(html)


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/signup/"])
def test_auth_page_uses_vendored_assets_only(client, url):
    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert assets(html) == [
        "/static/vendor/pretendard/pretendardvariable-dynamic-subset.css",
        "/static/vendor/bootstrap/css/bootstrap.min.css",
        "/static/css/oimarket.css",
        "/static/vendor/htmx/htmx.min.js",
        "/static/vendor/bootstrap/js/bootstrap.bundle.min.js",
    ]
    assert not [a for a in assets(html) if "cdn" in a or a.startswith(("http:", "https:", "//"))]


def test_login_page_has_skip_link_labels_and_language_switcher(client):
    response = client.get("/accounts/login/")

    html = response.content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<label class="form-label" for="id_login">' in html
    assert '<label class="form-label" for="id_password">' in html
    assert 'action="/i18n/setlang/"' in html
    assert 'name="next" type="hidden" value="/accounts/login/"' in html
    assert '<form class="site-search" role="search" method="get" action="/search/">' in html


def test_login_failure_rerenders_form_with_error(client):
    user = UserFactory()

    response = client.post("/accounts/login/", {"login": user.email, "password": "wrong-pass"})

    html = " ".join(response.content.decode().split())
    errors = response.context["form"].non_field_errors()
    assert response.status_code == 200
    assert len(errors) == 1
    assert f'<div class="alert alert-danger form-errors" role="alert"> {errors[0]} </div>' in html
    assert f'value="{user.email}"' in html
    assert "_user_id" not in client.session


def test_signup_field_error_is_inline_and_described(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "not-an-email", "password1": "pw-Strong-2026!", "password2": "pw-Strong-2026!"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="form-control is-invalid"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_error"' in html
    assert '<div class="invalid-feedback d-block" id="id_email_error">' in html


def test_logged_in_header_offers_logout_as_post(client):
    user = UserFactory()
    client.force_login(user)

    response = client.get("/accounts/password/change/")

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<form method="post" action="/accounts/logout/">', html)
    assert "Sign up" not in html and "회원가입" not in html


def test_pagination_keeps_other_parameters():
    request = RequestFactory().get("/programs/", {"q": "모빌리티", "page": "2"})

    class Page:
        number = 5
        has_previous = has_next = has_other_pages = True
        previous_page_number, next_page_number = 4, 6

        class paginator:  # noqa: N801
            num_pages = 20

            @staticmethod
            def get_elided_page_range(number, on_each_side, on_ends):
                return [1, "…", 4, 5, 6, "…", 20]

    html = Template('{% include "includes/pagination.html" %}').render(
        RequestContext(request, {"page_obj": Page()})
    )

    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs == [
        "?q=%EB%AA%A8%EB%B9%8C%EB%A6%AC%ED%8B%B0&amp;page=4",
        "?q=%EB%AA%A8%EB%B9%8C%EB%A6%AC%ED%8B%B0&amp;page=1",
        "?q=%EB%AA%A8%EB%B9%8C%EB%A6%AC%ED%8B%B0&amp;page=4",
        "?q=%EB%AA%A8%EB%B9%8C%EB%A6%AC%ED%8B%B0&amp;page=6",
        "?q=%EB%AA%A8%EB%B9%8C%EB%A6%AC%ED%8B%B0&amp;page=20",
        "?q=%EB%AA%A8%EB%B9%8C%EB%A6%AC%ED%8B%B0&amp;page=6",
    ]
    assert html.count('aria-current="page"') == 1


def test_add_class_picks_bootstrap_class_by_widget():
    from django import forms

    from oimarket.core.templatetags.ui import add_class

    class Form(forms.Form):
        title = forms.CharField()
        kind = forms.ChoiceField(choices=[("a", "A")])
        agree = forms.BooleanField()

    form = Form(data={"kind": "a"})
    form.is_valid()

    assert re.search(r'class="form-control is-invalid"', add_class(form["title"]))
    assert re.search(r'class="form-select w-auto"', add_class(form["kind"], "w-auto"))
    assert re.search(r'class="form-check-input is-invalid"', add_class(form["agree"]))


def test_language_switch_works_for_visitors(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})

    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/login/"
