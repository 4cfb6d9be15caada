"""Playwright on Debian's chromium against pytest-django's live server.

Never run `playwright install`: it downloads a browser and fails on this machine. The tests
use /usr/bin/chromium (apt-get install -y chromium fonts-nanum) and fail loudly without it.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# "in an async context" unless told it is safe (it is: the loop only drives the browser).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
TIMEOUT_MS = 10_000


@pytest.fixture(autouse=True)
def _english():
    """Override tests/conftest.py's `_english`: a browser test sees the site as a visitor does,
    in Korean (settings.LANGUAGE_CODE) until the language switcher is used."""


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it with `apt-get install -y chromium fonts-nanum` "
            "(never `playwright install`).",
            pytrace=False,
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # While Playwright runs, its event loop counts as "running" in this thread, and Django
    # then keeps database connections in a separate, async-context store: the test would
    # get new connections, without the test database's serialized contents (so
    # serialized_rollback would silently stop restoring the taxonomy). Keep the same ones.
    wrappers = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    for alias, wrapper in wrappers.items():
        connections[alias] = wrapper
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_context(browser, live_server):
    """Make a fresh browser context (no cookies) on the live server: `new_context(phone=True)`."""
    contexts = []

    def make(*, phone: bool = False, **options):
        size = PHONE if phone else DESKTOP
        context = browser.new_context(
            base_url=live_server.url, locale="ko-KR", **{**size, **options}
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A desktop page (1280x900, Korean browser) in its own context."""
    return new_context().new_page()


@pytest.fixture
def phone(new_context):
    """A phone-sized page (375x812) in its own context."""
    return new_context(phone=True).new_page()
