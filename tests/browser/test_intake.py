"""A top-down program's problem intake: the operator pre-selects, the company publishes."""

from playwright.sync_api import expect

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.programs.enums import ChallengeStatus, Track
from oimarket.programs.models import Challenge
from tests.factories import (
    ChallengeFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
    ProgramFactory,
)

from .helpers import BROWSER_TEST, in_korean, log_in, result_titles, shot

pytestmark = BROWSER_TEST

PROPOSED = "충전소 수소 누출 조기 감지"


def make_intake():
    agency = OrganizationFactory(name="한국수소산업진흥원", kind=OrganizationKind.OPERATOR_AGENCY)
    program = ProgramFactory(
        organization=agency,
        title="수소 안전 문제해결 공모",
        track=Track.TOP_DOWN,
        accepts_challenges=True,
    )
    company = OrganizationFactory(name="한빛가스", kind=OrganizationKind.DEMAND_COMPANY)
    proposed = ChallengeFactory(
        organization=company,
        program=program,
        title=PROPOSED,
        status=ChallengeStatus.PROPOSED,
        published_at=None,
    )
    # Outsiders to the intake: a draft not yet proposed, and another program's proposal.
    ChallengeFactory(
        organization=company,
        program=program,
        title="아직 제안하지 않은 초안",
        status=ChallengeStatus.DRAFT,
        published_at=None,
    )
    ChallengeFactory(
        program=ProgramFactory(title="다른 기관의 공모", accepts_challenges=True),
        title="다른 공모에 제안된 과제",
        status=ChallengeStatus.PROPOSED,
        published_at=None,
    )
    return {
        "program": program,
        "proposed": proposed,
        "program_owner": MembershipFactory(organization=agency, role=MembershipRole.OWNER).user,
        "company_owner": MembershipFactory(organization=company, role=MembershipRole.OWNER).user,
    }


def intake_titles(page) -> list[str]:
    return page.locator("#main table tbody tr td:first-child a").all_inner_texts()


def test_program_owner_preselects_and_the_company_publishes(page, new_context):
    world = make_intake()
    program, proposed = world["program"], world["proposed"]
    intake_url = f"/programs/{program.pk}/intake/"
    preselect = page.locator(f"form[action='/challenges/{proposed.pk}/preselect/'] button")
    not_select = page.locator(f"form[action='/challenges/{proposed.pk}/not_select/'] button")

    log_in(page, world["program_owner"].email)
    page.wait_for_url("**/dashboard/")
    page.locator(f"#main a[href='{intake_url}']").click()
    page.wait_for_url(f"**{intake_url}")
    assert intake_titles(page) == [PROPOSED]
    expect(page.locator("#intake-counts")).to_have_text(
        in_korean("%(pre)s pre-selected of %(total)s proposed") % {"pre": 0, "total": 1}
    )
    shot(page, "intake-proposed")

    with page.expect_navigation(url=f"**{intake_url}"):
        preselect.click()
    row = page.locator("#main table tbody tr", has_text=PROPOSED)
    expect(row.locator(".badge")).to_have_text(in_korean(ChallengeStatus.PRESELECTED.label))
    expect(page.locator("#intake-counts")).to_have_text(
        in_korean("%(pre)s pre-selected of %(total)s proposed") % {"pre": 1, "total": 1}
    )
    expect(preselect).to_have_count(0)
    expect(not_select).to_have_count(1)
    proposed.refresh_from_db()
    assert proposed.status == ChallengeStatus.PRESELECTED
    shot(page, "intake-preselected")

    company = new_context().new_page()
    log_in(company, world["company_owner"].email)
    company.goto(proposed.get_absolute_url())
    company.locator(f"form[action='/challenges/{proposed.pk}/publish/'] button").click()
    expect(company.locator("#challenge-status")).to_have_text(
        in_korean(ChallengeStatus.PUBLISHED.label)
    )
    assert Challenge.objects.get(pk=proposed.pk).status == ChallengeStatus.PUBLISHED

    visitor = new_context().new_page()
    visitor.goto(program.get_absolute_url())
    assert visitor.locator("#main article .stretched-link").all_inner_texts() == [PROPOSED]
    visitor.goto("/challenges/")
    assert result_titles(visitor) == [PROPOSED]


def test_operator_dashboard_counts_and_newest_activity(page, new_context):
    world = make_intake()
    operator = OperatorFactory()
    owner = new_context().new_page()
    log_in(owner, world["program_owner"].email)
    owner.goto(f"/programs/{world['program'].pk}/intake/")
    with owner.expect_navigation(url=f"**/programs/{world['program'].pk}/intake/"):
        owner.locator(
            f"form[action='/challenges/{world['proposed'].pk}/not_select/'] button"
        ).click()

    log_in(page, operator.email)
    page.wait_for_url("**/dashboard/")
    overview = page.locator("#operator-overview")
    # Published programs 2, published challenges 0, startups 0, users 3.
    expect(overview.locator(".stat strong")).to_have_text(["2", "0", "0", "3"])
    expect(overview.locator(".activity code")).to_have_text(["challenge.not_select"])
    shot(page, "dashboard-operator")
