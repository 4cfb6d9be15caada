"""Small helpers shared by the browser tests."""

import os
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

# Every browser test: the live server needs a transactional database, and its flush after each
# test would empty the taxonomy (Field, Region) that a data migration loads, so restore it.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "pw-Strong-2026!"  # what UserFactory sets
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def shot(page: Page, name: str, *, full_page: bool = True) -> None:
    """Save docs/screenshots/<name>.png, only when SCREENSHOTS=1.

    `full_page=False` keeps to the viewport: right for an overlay such as an offcanvas.
    """
    if os.environ.get("SCREENSHOTS") != "1":
        return
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=path, full_page=full_page, animations="disabled")


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Log in through the real allauth form and wait until we have left it."""
    page.goto("/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("#main form.allauth-form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def result_titles(page: Page) -> list[str]:
    """The card titles (their links) in a catalogue's #results, in order."""
    return [t.strip() for t in page.locator("#results article .stretched-link").all_inner_texts()]


def expect_html_lang(page: Page, lang: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", lang)


def in_korean(text) -> str:
    """What the server shows for `text` (a lazy label or a msgid) in Korean: the test runs in
    the live server's process, so it reads the same compiled catalogue."""
    with translation.override("ko"):
        return str(gettext(text) if isinstance(text, str) else text)
