"""A demand company publishes a challenge; without a PoC budget the market refuses it."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.programs.enums import ChallengeStatus, ConversionPath, IPTerms
from oimarket.programs.models import Challenge
from tests.factories import ChallengeFactory, MembershipFactory, OrganizationFactory

from .helpers import BROWSER_TEST, in_korean, log_in, result_titles, shot

pytestmark = BROWSER_TEST

TITLE = "변전소 열화상 이상 탐지"
DRAFT_OF_OTHERS = "다른 회사의 비공개 초안 과제"
CHALLENGE_URL = re.compile(r"/challenges/(\d+)/$")


@pytest.fixture
def demand_owner():
    company = OrganizationFactory(
        name="한빛전력", kind=OrganizationKind.DEMAND_COMPANY, slug="hanbit-power"
    )
    owner = MembershipFactory(organization=company, role=MembershipRole.OWNER).user
    # The outsider: another company's draft, which no visitor may see.
    ChallengeFactory(title=DRAFT_OF_OTHERS, status=ChallengeStatus.DRAFT, published_at=None)
    return owner


def fill_challenge(page, *, budget: str) -> None:
    page.fill("#id_title", TITLE)
    page.fill(
        "#id_problem", "변전소 설비의 과열을 조기에 찾고 싶습니다.\n야간 순찰 인력이 부족합니다."
    )
    page.check("input[name=fields][value=energy]")
    page.fill("#id_poc_budget_krw", budget)
    page.fill("#id_poc_months", "6")
    page.select_option("#id_ip_terms", IPTerms.STARTUP_OWNS)
    page.select_option("#id_conversion_path", ConversionPath.PURCHASE)
    page.fill("#id_conversion_criteria", "탐지 정확도 90% 이상이면 구매 계약을 맺습니다.")


def click_publish(page) -> None:
    page.locator("button[name=action][value=publish]").click()


def public_challenge_titles(new_context) -> list[str]:
    visitor = new_context().new_page()
    visitor.goto("/challenges/")
    return result_titles(visitor)


def test_demand_company_publishes_a_challenge(page, new_context, demand_owner):
    log_in(page, demand_owner.email)
    page.wait_for_url("**/dashboard/")
    page.locator("a[href='/challenges/new/?organization=hanbit-power']").click()
    page.wait_for_url("**/challenges/new/?organization=hanbit-power")

    fill_challenge(page, budget="30000000")
    shot(page, "challenge-form")
    click_publish(page)
    page.wait_for_url(CHALLENGE_URL)

    challenge = Challenge.objects.get(title=TITLE)
    assert urlsplit(page.url).path == f"/challenges/{challenge.pk}/"
    assert (challenge.status, challenge.organization.slug) == (
        ChallengeStatus.PUBLISHED,
        "hanbit-power",
    )
    assert (challenge.poc_budget_krw, challenge.poc_months) == (30_000_000, 6)
    assert list(challenge.fields.values_list("code", flat=True)) == ["energy"]
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("#challenge-status")).to_have_text(
        in_korean(ChallengeStatus.PUBLISHED.label)
    )
    shot(page, "challenge-detail")

    assert public_challenge_titles(new_context) == [TITLE]


def test_publish_without_poc_budget_is_refused_then_fixed(page, new_context, demand_owner):
    log_in(page, demand_owner.email)
    page.goto("/challenges/new/")

    fill_challenge(page, budget="")
    click_publish(page)

    expect(page.locator("#publish-refused")).to_be_visible()
    expect(page.locator("#id_poc_budget_krw_error")).to_have_text(
        in_korean("State the PoC budget the organization will pay (KRW).")
    )
    draft = Challenge.objects.get(title=TITLE)
    assert draft.status == ChallengeStatus.DRAFT
    # The refused form keeps the input and now edits the saved draft (no duplicate later).
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("form.form-page")).to_have_attribute(
        "action", f"/challenges/{draft.pk}/edit/"
    )
    shot(page, "challenge-form-refused")
    assert public_challenge_titles(new_context) == []

    page.fill("#id_poc_budget_krw", "20000000")
    click_publish(page)
    page.wait_for_url(f"**/challenges/{draft.pk}/")

    expect(page.locator("#challenge-status")).to_have_text(
        in_korean(ChallengeStatus.PUBLISHED.label)
    )
    assert Challenge.objects.filter(title=TITLE).count() == 1
    draft.refresh_from_db()
    assert (draft.status, draft.poc_budget_krw) == (ChallengeStatus.PUBLISHED, 20_000_000)
    assert public_challenge_titles(new_context) == [TITLE]


def test_challenge_problem_keeps_its_line_breaks(page):
    challenge = ChallengeFactory(
        problem="야간 설비 점검에 인력이 많이 듭니다.\n열화상 카메라가 있습니다."
    )

    page.goto(challenge.get_absolute_url())

    problem = page.get_by_text("야간 설비 점검에 인력이 많이 듭니다.")
    assert problem.inner_text() == "야간 설비 점검에 인력이 많이 듭니다.\n열화상 카메라가 있습니다."
