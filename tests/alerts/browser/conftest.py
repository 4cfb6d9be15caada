"""The browser fixtures of tests/browser (Debian's chromium, 1280 px page, 375 px phone)."""

from tests.browser.conftest import _english, browser, new_context, page, phone  # noqa: F401
