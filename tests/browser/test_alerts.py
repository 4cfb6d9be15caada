"""A founder saves a search from the results, follows a field, then sees a new match in the
bell, the notification list and the saved search's page; at 1280 px and on a 375 px phone."""

from django.utils import timezone
from playwright.sync_api import Page, expect

from oimarket.alerts.services import collect_alert_matches
from oimarket.matching import engine
from tests.factories import ProgramFactory, UserFactory

from .helpers import BROWSER_TEST, log_in, shot

pytestmark = BROWSER_TEST


def no_sideways_scroll(tab: Page) -> bool:
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_save_a_search_and_see_its_new_match(page, phone, live_search):
    user = UserFactory(email="founder@example.com")
    ProgramFactory(title="배터리 재활용 실증 공고")
    engine.rebuild(vectors=False)
    log_in(page, user.email)

    page.goto("/search/?q=배터리")
    page.fill("#save-search-name", "배터리 공고 알림")
    page.select_option("#save-search-frequency", "weekly")
    page.locator(".alerts-save button").click()
    expect(page.locator("#messages .alert-success")).to_contain_text("배터리 공고 알림")
    assert "/search/" in page.url
    shot(page, "alerts-saved-search")

    page.goto("/alerts/")
    page.check("#follow-title ~ form input[value=energy]")
    page.locator("#follow-title ~ form button[type=submit]").click()
    expect(page.locator("#messages .alert-success")).to_be_visible()
    expect(page.locator(".list-group-item")).to_have_count(2)
    assert no_sideways_scroll(page)
    shot(page, "alerts-list")

    ProgramFactory(title="배터리 열화 진단 실증 공고")
    engine.rebuild(vectors=False)
    collect_alert_matches(now=timezone.now())
    page.goto("/alerts/")
    expect(page.locator(".site-bell .badge")).to_contain_text("1")

    page.locator(".site-bell").click()
    expect(page.locator("#main")).to_contain_text("배터리 열화 진단 실증 공고")
    shot(page, "alerts-notifications")
    page.locator("#main form button[name=open]").first.click()
    expect(page.locator("#main h1")).to_contain_text("배터리 공고 알림")
    expect(page.locator("#main .list-group")).to_contain_text("배터리 열화 진단 실증 공고")
    expect(page.locator(".site-bell .badge")).to_have_count(0)
    shot(page, "alerts-detail")

    log_in(phone, user.email)
    for path, name in (("/alerts/", "list"), ("/notifications/", "notifications")):
        phone.goto(path)
        assert no_sideways_scroll(phone), path
        shot(phone, f"alerts-{name}-phone")
    phone.goto("/search/?q=배터리")
    assert no_sideways_scroll(phone)
    shot(phone, "alerts-saved-search-phone")
