"""A visitor browses and filters the program catalogue, in Korean, then switches to English."""

import re
from datetime import datetime, time, timedelta
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone
from playwright.sync_api import expect

from oimarket.accounts.enums import OrganizationKind
from oimarket.programs.enums import ProgramStatus, Track
from tests.factories import OrganizationFactory, ProgramFactory, UserFactory

from .helpers import BROWSER_TEST, expect_html_lang, log_in, result_titles, shot

pytestmark = BROWSER_TEST

AI_LOGISTICS = "AI 기반 물류 최적화 실증"
BATTERY_RECYCLING = "이차전지 재활용 공정 혁신 프로그램"
BATTERY_AI = "배터리 안전 진단 AI 챌린지"
SMART_FARM = "스마트팜 데이터 협업 프로그램"


def at_kst(days: int, hour: int = 18) -> datetime:
    """`days` calendar days from today (Korea time), at `hour`:00 KST."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def make_catalogue():
    agency = OrganizationFactory(
        name="한국창업진흥센터", kind=OrganizationKind.OPERATOR_AGENCY, slug="kstartup-center"
    )

    def program(title, *, track, fields, regions=(), closes_in, **kwargs):
        made = ProgramFactory(
            organization=agency, title=title, track=track, closes_at=at_kst(closes_in), **kwargs
        )
        made.fields.set(fields)
        made.regions.set(regions)
        return made

    recycling = program(
        BATTERY_RECYCLING,
        title_en="Battery recycling process innovation",
        track=Track.TOP_DOWN,
        fields=["battery", "tech_recycling"],
        regions=["ulsan"],
        closes_in=2,
        summary="폐배터리에서 리튬과 니켈을 회수하는 공정을 함께 실증합니다.",
        max_cash_krw=100_000_000,
        selection_quota=5,
    )
    program(AI_LOGISTICS, track=Track.ON_DEMAND, fields=["ai"], regions=["seoul"], closes_in=12)
    program(BATTERY_AI, track=Track.BOTTOM_UP, fields=["ai", "battery"], closes_in=20)
    program(SMART_FARM, track=Track.GENERAL, fields=["agrifood"], regions=["jeonnam"], closes_in=40)
    # The outsider: a draft nobody but its organization may see.
    program(
        "비공개 배터리 초안 공고",
        track=Track.TOP_DOWN,
        fields=["battery"],
        closes_in=5,
        status=ProgramStatus.DRAFT,
        published_at=None,
    )
    return recycling


def test_catalogue_filters_in_korean_and_detail_switches_to_english(page):
    recycling = make_catalogue()

    page.goto("/programs/")
    expect_html_lang(page, "ko")
    expect(page.locator("#result-count strong")).to_have_text("4")
    # Closing soonest first; the draft never shows.
    assert result_titles(page) == [BATTERY_RECYCLING, AI_LOGISTICS, BATTERY_AI, SMART_FARM]
    expect(page.locator("#results .badge-dday").first).to_have_text("D-2")
    shot(page, "catalogue-ko-desktop")

    # htmx: ticking a field swaps #results and pushes the filter into the address.
    page.check("#field-battery")
    expect(page.locator("#result-count strong")).to_have_text("2")
    assert result_titles(page) == [BATTERY_RECYCLING, BATTERY_AI]
    page.select_option("#id_track", Track.TOP_DOWN)
    expect(page.locator("#result-count strong")).to_have_text("1")
    assert result_titles(page) == [BATTERY_RECYCLING]
    query = parse_qs(urlsplit(page.url).query)
    assert (query["field"], query["track"]) == (["battery"], ["top_down"])
    shot(page, "catalogue-ko-filtered")

    page.get_by_role("link", name=BATTERY_RECYCLING).click()
    page.wait_for_url(f"**/programs/{recycling.pk}/")
    expect(page.locator("h1")).to_have_text(BATTERY_RECYCLING)
    expect(page.locator(".badge-dday")).to_have_text("D-2")
    expect(page.locator(".field-chip")).to_have_text(["이차전지", "자원순환·재활용"])
    shot(page, "program-detail-ko")

    page.locator(".language-switcher button", has_text="English").click()
    expect_html_lang(page, "en")
    assert urlsplit(page.url).path == f"/programs/{recycling.pk}/"
    expect(page.locator("#site-nav .nav-link").first).to_have_text("Programs")
    expect(page.locator("h1")).to_have_text("Battery recycling process innovation")
    expect(page.locator(".badge-dday")).to_have_text("D-2")
    expect(page.locator(".field-chip")).to_have_text(
        ["Batteries", "Recycling and circular economy"]
    )
    shot(page, "program-detail-en")

    # The choice sticks: the catalogue is now in English too, with the same programs.
    page.locator("#site-nav .nav-link", has_text="Programs").click()
    expect_html_lang(page, "en")
    expect(page.locator("#result-count strong")).to_have_text("4")
    assert result_titles(page)[0] == "Battery recycling process innovation"


def test_catalogue_on_a_phone_hides_filters_behind_a_button(phone):
    make_catalogue()

    phone.goto("/programs/")
    expect_html_lang(phone, "ko")
    assert result_titles(phone) == [BATTERY_RECYCLING, AI_LOGISTICS, BATTERY_AI, SMART_FARM]
    expect(phone.locator("#field-battery")).to_be_hidden()
    # Nothing may stick out sideways at 375 px.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "catalogue-ko-phone")

    phone.locator("[data-bs-toggle=offcanvas][aria-controls=filters]").click()
    expect(phone.locator("#filters")).to_have_class(re.compile(r"\bshow\b"))
    expect(phone.locator("#field-battery")).to_be_visible()
    phone.check("#field-battery")
    expect(phone.locator("#result-count strong")).to_have_text("2")
    shot(phone, "catalogue-ko-phone-filters", full_page=False)
    assert result_titles(phone) == [BATTERY_RECYCLING, BATTERY_AI]


def test_phone_header_keeps_one_row_in_english_with_the_bell(new_context, live_server):
    """The English tagline is longer than the Korean one: it must shorten, not push the menu
    button onto a second row."""
    user = UserFactory()
    context = new_context(phone=True)
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    phone = context.new_page()
    log_in(phone, user.email)

    phone.goto("/programs/")
    expect_html_lang(phone, "en")
    expect(phone.locator(".site-brand__tagline")).to_have_text("Open innovation market")
    brand = phone.locator(".site-brand").bounding_box()
    bell = phone.locator(".site-bell-slot").bounding_box()
    toggler = phone.locator(".navbar-toggler").bounding_box()
    assert abs(toggler["y"] - brand["y"]) < brand["height"]
    assert brand["x"] + brand["width"] <= bell["x"] <= toggler["x"]
    assert toggler["x"] + toggler["width"] <= 375
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
