"""Search from the header box, results by kind, and the match list a demand organization uses."""

import pytest
from playwright.sync_api import Page, expect

from oimarket.accounts.enums import OrganizationKind
from oimarket.matching import engine
from tests.factories import (
    ChallengeFactory,
    MembershipFactory,
    OrganizationFactory,
    ProgramFactory,
    StartupFactory,
)

from .helpers import BROWSER_TEST, expect_html_lang, log_in, shot

pytestmark = BROWSER_TEST

RECYCLING = "폐배터리 재활용 실증 지원사업"
DIAGNOSIS = "전기버스 배터리 열화 진단"


@pytest.fixture
def world(live_search, settings):
    settings.SEARCH_DENSE = True
    program = ProgramFactory(
        title=RECYCLING,
        title_en="Battery recycling pilot",
        summary="이차전지 소재를 회수하는 스타트업을 모집합니다.",
    )
    program.fields.set(["battery"])
    company = OrganizationFactory(name="한빛모빌리티", kind=OrganizationKind.DEMAND_COMPANY)
    challenge = ChallengeFactory(
        organization=company,
        title=DIAGNOSIS,
        problem="운행 중인 전기버스 배터리의 열화 상태를 실시간으로 진단할 기술이 필요합니다.",
    )
    challenge.fields.set(["battery"])
    korean = StartupFactory(name="셀체크", profile__one_liner="배터리 열화 진단 AI")
    korean.startup_profile.fields.set(["battery"])
    english = StartupFactory(
        name="Voltsense",
        profile__one_liner="Predicts lithium-ion battery degradation from charging data",
    )
    StartupFactory(name="푸드로", profile__one_liner="식당 음식 배달 앱")
    engine.rebuild(vectors=True)
    editor = MembershipFactory(organization=company).user
    return {"challenge": challenge, "editor": editor, "english": english}


def test_a_visitor_searches_from_the_header_in_korean_then_english(page: Page, world):
    page.goto("/programs/")
    box = page.locator("#site-search-q")
    box.fill("재활")
    suggestion = page.locator("#site-suggestions a", has_text=RECYCLING)
    expect(suggestion).to_be_visible()
    shot(page, "search-suggestions", full_page=False)

    box.fill("배터리를")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    results = page.locator("#search-results .search-result h2")
    expect(results.first).to_be_visible()
    assert RECYCLING in results.all_inner_texts()
    expect(page.locator("#search-results mark").first).to_have_text("배터리")
    shot(page, "search-results-ko")

    page.locator("#search-results .search-tabs button[data-kind=startup]").click()
    expect(page.locator("#search-results .search-tabs button.active")).to_contain_text("스타트업")
    names = page.locator("#search-results .search-result h2").all_inner_texts()
    assert names[0] == "셀체크"  # the keyword match comes first
    assert sorted(names[1:]) == ["Voltsense", "푸드로"]  # the dense engine ranks every startup

    page.locator(".language-switcher button", has_text="English").click()
    expect_html_lang(page, "en")
    expect(page.locator("#search-results .search-tabs button.active")).to_contain_text("Startups")


def test_a_korean_query_finds_an_english_only_startup(page: Page, world):
    page.goto("/search/?q=배터리 수명 예측&kind=startup")

    names = page.locator("#search-results .search-result h2").all_inner_texts()

    assert names[:2] == ["Voltsense", "셀체크"] or names[:2] == ["셀체크", "Voltsense"]


def test_a_demand_company_shortlists_and_hides_suggested_startups(new_context, world):
    page = new_context(phone=True).new_page()
    log_in(page, world["editor"].email)
    page.goto(world["challenge"].get_absolute_url())
    page.locator("#challenge-matches-link").click()

    first = page.locator("#challenge-matches .match-item").first
    expect(first.locator("h2")).to_have_text("셀체크")
    expect(first.locator(".match-reasons")).to_contain_text("열화")
    shot(page, "challenge-matches-phone")

    first.get_by_role("button", name="후보 선정").click()
    expect(
        page.locator("#challenge-matches .match-item").first.locator(".decision-badge")
    ).to_be_visible()

    english = page.locator("#challenge-matches .match-item", has_text="Voltsense")
    english.get_by_role("button", name="숨기기").click()
    expect(page.locator("#challenge-matches .match-item", has_text="Voltsense")).to_have_count(0)
    expect(page.locator(".alert", has_text="Voltsense")).to_be_visible()
