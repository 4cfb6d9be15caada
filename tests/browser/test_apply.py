"""A startup applies in minutes: eligibility first, Korean answers typed and autosaved, a file
uploaded, a reload, the receipt. A failing startup sees why and cannot submit, even forged."""

import time

from django.utils import translation
from playwright.sync_api import Page, expect

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import ApplicationStatus
from oimarket.applications.models import Answer, Application
from oimarket.programs.eligibility.check import eligibility_check
from tests.factories import (
    ApplicationFactory,
    EligibilityRuleFactory,
    MembershipFactory,
    ProgramFactory,
    StartupFactory,
    pdf_bytes,
    standard_application_form,
)

from .helpers import BROWSER_TEST, in_korean, log_in, shot

pytestmark = BROWSER_TEST

INTRO = "열화상 AI로 변전소 과열을 5분 안에 찾습니다"
OVERVIEW = (
    "써멀아이는 열화상 카메라 영상을 AI로 분석해 변전소와 공장 설비의 과열을 찾아냅니다. "
    "지금은 점검원이 야간에 직접 돌며 온도를 재지만, 우리 시스템은 5분마다 전 설비를 살핍니다.\n"
    "작년 한 해 동안 발전사 두 곳에서 실증을 마쳤고, 오탐률을 3% 아래로 낮췄습니다. "
    "이번 프로그램에서는 수요기업의 현장 데이터로 모델을 고도화하고 "
    "구매 계약까지 이어가고자 합니다."
)


def make_program(**startup_profile):
    program = ProgramFactory(title="2026 에너지 오픈이노베이션")
    EligibilityRuleFactory(program=program, params={"people": 2})
    questions = standard_application_form(program)
    startup = StartupFactory(name="써멀아이")
    profile = startup.startup_profile
    for name, value in startup_profile.items():
        setattr(profile, name, value)
    profile.save()
    founder = MembershipFactory(organization=startup, role=MembershipRole.OWNER).user
    return program, questions, startup, founder


def wait_saved(page: Page, question) -> None:
    """The question shows "Saved", and no answer waits to be sent or is on its way."""
    expect(page.locator(f"#status-q{question.pk} [data-state=saved]")).to_be_visible()
    page.wait_for_function(
        "!document.querySelector('[data-autosave][data-dirty], [data-autosave][data-inflight]')"
    )


def test_a_startup_applies_in_minutes(page: Page):
    program, questions, startup, founder = make_program(team_size=4)
    started = time.monotonic()

    log_in(page, founder.email)
    page.goto(program.get_absolute_url())
    page.locator("#apply-button").click()
    page.locator("#start-application").click()
    page.wait_for_url("**/applications/*/")
    application = Application.objects.get()
    assert page.url.endswith(application.get_absolute_url())

    intro = page.locator(f"#q{questions['intro'].pk}")
    expect(intro).to_have_value(startup.startup_profile.one_liner)  # pre-filled
    intro.fill("")
    intro.press_sequentially(INTRO)
    wait_saved(page, questions["intro"])
    overview = page.locator(f"#q{questions['overview'].pk}")
    overview.press_sequentially(OVERVIEW)
    expect(page.locator(f"#count-q{questions['overview'].pk}")).to_have_class(
        "form-text char-count"
    )
    wait_saved(page, questions["overview"])
    page.get_by_label("AI", exact=True).check()
    wait_saved(page, questions["field"])

    team = page.locator(f"#q-{questions['team'].pk}")
    team.locator("input[name=name]").nth(0).press_sequentially("김민지")
    team.locator("input[name=role]").nth(0).press_sequentially("대표")
    team.locator("input[name=career]").nth(0).press_sequentially("前 한국전력 설비진단 8년")
    team.get_by_role("button", name=in_korean("Add a row")).click()
    team.locator("input[name=name]").nth(1).press_sequentially("이준호")
    team.locator("input[name=role]").nth(1).press_sequentially("CTO")
    wait_saved(page, questions["team"])
    budget = page.locator(f"#q-{questions['budget'].pk}")
    budget.locator("input[name=item]").first.press_sequentially("열화상 카메라 4대")
    budget.locator("input[name=amount_krw]").first.press_sequentially("12,000,000")
    wait_saved(page, questions["budget"])

    plan = questions["plan"]
    pdf = {"name": "써멀아이_사업계획서.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(4)}
    page.set_input_files(f"#upload-file-q{plan.pk}", files=[pdf])
    page.locator(f"#upload-q{plan.pk} button[type=submit]").click()
    expect(page.locator(f"#attached-q{plan.pk}")).to_contain_text("써멀아이_사업계획서.pdf")

    page.reload()
    expect(page.locator(f"#q{questions['intro'].pk}")).to_have_value(INTRO)
    expect(page.locator(f"#q{questions['overview'].pk}")).to_have_value(OVERVIEW)
    expect(team.locator("input[name=name]").nth(1)).to_have_value("이준호")
    expect(page.locator("#checklist-done")).to_be_visible()
    shot(page, "application-form")

    page.locator("#submit-application").click()
    receipt = f"P{program.pk:04d}-00001"
    expect(page.locator("#receipt-number")).to_have_text(receipt)
    elapsed = time.monotonic() - started
    print(f"\nA complete application, typed in Korean with a file: {elapsed:.1f} s")
    shot(page, "application-submitted")

    application.refresh_from_db()
    answers = {a.question_id: a.value for a in Answer.objects.filter(application=application)}
    assert (application.status, application.receipt_number) == (
        ApplicationStatus.SUBMITTED,
        receipt,
    )
    assert answers[questions["overview"].pk] == OVERVIEW
    assert answers[questions["budget"].pk] == [
        {"item": "열화상 카메라 4대", "amount_krw": 12_000_000}
    ]
    assert elapsed < 600


def test_a_failing_startup_sees_why_and_cannot_submit(page: Page):
    program, questions, startup, founder = make_program(team_size=1)
    with translation.override("ko"):
        failed = eligibility_check(program=program, startup=startup).failed
        reason = [(o.condition, o.detail) for o in failed]

    log_in(page, founder.email)
    page.goto(program.get_absolute_url())
    expect(page.locator("#eligibility")).to_contain_text(reason[0][0])
    expect(page.locator("#eligibility")).to_contain_text(reason[0][1])
    expect(page.locator("#apply-ineligible")).to_be_visible()
    expect(page.locator("#apply-button")).to_have_count(0)

    page.goto(f"/programs/{program.pk}/apply/")
    expect(page.locator("#apply-ineligible")).to_contain_text(reason[0][0])
    expect(page.locator("#start-application")).to_have_count(0)
    shot(page, "application-ineligible")

    draft = ApplicationFactory(program=program, startup=startup)  # started before the rule
    page.goto(draft.get_absolute_url())
    expect(page.locator("#apply-ineligible")).to_contain_text(reason[0][0])
    expect(page.locator("#submit-application")).to_have_count(0)
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    forged = page.request.post(
        f"/applications/{draft.pk}/submit/", headers={"X-CSRFToken": token}, form={}
    )

    draft.refresh_from_db()
    assert forged.status in (400, 403)
    assert draft.status == ApplicationStatus.DRAFT


def test_a_dropped_connection_loses_nothing(new_context):
    program, questions, startup, founder = make_program(team_size=4)
    context = new_context()
    page = context.new_page()
    log_in(page, founder.email)
    page.goto(f"/programs/{program.pk}/apply/")
    page.locator("#start-application").click()
    page.wait_for_url("**/applications/*/")
    overview = questions["overview"]
    long_text = "가" * 301

    page.route("**/answers/**", lambda route: route.abort())
    page.locator(f"#q{overview.pk}").press_sequentially(
        "연결이 끊긴 동안 쓴 글입니다. " + long_text
    )
    expect(page.locator(f"#status-q{overview.pk}")).to_have_attribute("data-tone", "error")
    expect(page.locator(f"#count-q{overview.pk}")).to_have_class(
        "form-text char-count text-danger fw-semibold"
    )
    page.unroute("**/answers/**")
    page.close()

    again = context.new_page()
    again.goto(Application.objects.get().get_absolute_url())
    expect(again.locator(f"#q{overview.pk}")).to_have_value(
        "연결이 끊긴 동안 쓴 글입니다. " + long_text
    )
    wait_saved(again, overview)

    assert (
        Answer.objects.get(question=overview).value == "연결이 끊긴 동안 쓴 글입니다. " + long_text
    )


def test_a_second_tab_gets_a_conflict_not_an_overwrite(new_context):
    program, questions, startup, founder = make_program(team_size=4)
    context = new_context()
    first = context.new_page()
    log_in(first, founder.email)
    first.goto(f"/programs/{program.pk}/apply/")
    first.locator("#start-application").click()
    first.wait_for_url("**/applications/*/")
    second = context.new_page()
    second.goto(first.url)
    overview = questions["overview"]

    first.locator(f"#q{overview.pk}").fill("첫 번째 탭에서 쓴 개요")
    wait_saved(first, overview)
    second.locator(f"#q{overview.pk}").fill("두 번째 탭에서 쓴 개요")

    conflict = second.locator(f"#status-q{overview.pk} [data-state=conflict]")
    expect(conflict.locator("[data-newer]")).to_have_text("첫 번째 탭에서 쓴 개요")
    assert Answer.objects.get(question=overview).value == "첫 번째 탭에서 쓴 개요"
    conflict.locator("[data-keep-mine]").click()
    wait_saved(second, overview)

    assert Answer.objects.get(question=overview).value == "두 번째 탭에서 쓴 개요"
