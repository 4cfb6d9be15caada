"""On a phone: a startup proposes, the organization declines with a reason, the startup sees it."""

from playwright.sync_api import Page, expect

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import ProposalStatus
from oimarket.applications.models import Proposal
from tests.applications.conftest import member_of
from tests.browser.helpers import BROWSER_TEST, log_in, shot
from tests.factories import ChallengeFactory, OrganizationFactory, StartupFactory

pytestmark = BROWSER_TEST


def fits_the_screen(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"]


def test_propose_and_decline_on_a_phone(new_context):  # noqa: F811 - the imported fixture
    challenge = ChallengeFactory(organization=OrganizationFactory(name="한국수자원공사"))
    founder = member_of(StartupFactory(name="아쿠아센스"), MembershipRole.OWNER)
    owner = member_of(challenge.organization, MembershipRole.OWNER)

    startup_page = new_context(phone=True).new_page()
    log_in(startup_page, founder.email)
    startup_page.goto(f"/challenges/{challenge.pk}/proposals/new/")
    fits_the_screen(startup_page)
    startup_page.fill("#id_teaser", "정수장 탁도 이상을 10분 먼저 알려 줍니다.")
    startup_page.fill("#id_poc_plan", "1단계 센서 설치, 2단계 8주 측정")
    startup_page.fill("#id_cost_krw", "25000000")
    startup_page.fill("#id_timeline_weeks", "10")
    shot(startup_page, "proposal-form-phone")
    startup_page.locator("form.form-page button[type=submit]").click()
    expect(startup_page.locator("#response-clock")).to_be_visible()
    proposal = Proposal.objects.get()
    assert startup_page.url.endswith(proposal.get_absolute_url())
    fits_the_screen(startup_page)

    org_page = new_context(phone=True).new_page()
    log_in(org_page, owner.email)
    org_page.goto("/proposals/inbox/")
    fits_the_screen(org_page)
    shot(org_page, "proposal-inbox-phone")
    org_page.locator(f"a[href='{proposal.get_absolute_url()}']").click()
    org_page.locator("details summary").click()
    org_page.select_option("#id_reason", "other")
    org_page.locator("#decline-form button[type=submit]").click()
    expect(org_page.locator("#id_note_error")).to_be_visible()
    org_page.fill("#id_note", "올해 예산이 이미 배정되었습니다.")
    org_page.locator("#decline-form button[type=submit]").click()
    expect(org_page.locator(".decline-reason")).to_be_visible()
    fits_the_screen(org_page)
    shot(org_page, "proposal-detail-declined-phone")

    proposal.refresh_from_db()
    assert (proposal.status, proposal.decline_note) == (
        ProposalStatus.DECLINED,
        "올해 예산이 이미 배정되었습니다.",
    )
    startup_page.goto("/proposals/")
    expect(startup_page.locator(".decline-reason")).to_contain_text(
        "올해 예산이 이미 배정되었습니다."
    )
    fits_the_screen(startup_page)
