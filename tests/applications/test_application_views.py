"""The startup's pages: start, the draft, submit, withdraw, the submitted version, "My
applications", and the program page's call to action. Each with its outsiders."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.applications.enums import ApplicationStatus
from oimarket.applications.models import Application
from oimarket.applications.services.applications import (
    application_answer_save,
    application_start,
    application_submit,
)
from oimarket.programs.enums import ProgramStatus
from tests.factories import (
    ApplicationFactory,
    EligibilityRuleFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
    ProgramFactory,
    StartupFactory,
    UserFactory,
    locker_pdf,
    standard_application_form,
)

from .conftest import login_redirect, member_of

pytestmark = pytest.mark.django_db

LIST = reverse("applications:application-list")


@pytest.fixture
def program():
    return ProgramFactory(title="2026 오픈이노베이션 챌린지")


@pytest.fixture
def questions(program):
    return standard_application_form(program)


@pytest.fixture
def draft(program, questions, startup, founder):
    return application_start(program=program, startup=startup, by=founder)


@pytest.fixture
def submitted(draft, questions, founder, startup):
    def save(key, **kwargs):
        application_answer_save(application=draft, question=questions[key], by=founder, **kwargs)

    save("overview", value="변전소 과열을 찾아 알려 줍니다.")
    save("field", value="AI")
    save("plan", document_version_id=locker_pdf(startup, 2).pk)
    return application_submit(application=draft, by=founder)


@pytest.fixture
def operator_member(program):
    return member_of(program.organization, MembershipRole.OWNER)


def start_url(program):
    return reverse("applications:application-start", args=[program.pk])


def url(name, application):
    return reverse(f"applications:application-{name}", args=[application.pk])


def fail_team_rule(program, startup):
    profile = startup.startup_profile
    profile.team_size = 1
    profile.save()
    EligibilityRuleFactory(program=program, params={"people": 2})


# Start ---------------------------------------------------------------------------------------


def test_start_page_offers_to_start_for_an_eligible_startup(client, program, questions, founder):
    client.force_login(founder)

    response = client.get(start_url(program))

    assert response.status_code == 200
    assert 'id="start-application"' in response.content.decode()
    assert response.context["eligibility"].failed == []


def test_start_creates_the_draft_and_redirects_to_it(client, program, questions, founder):
    client.force_login(founder)

    response = client.post(start_url(program))

    application = Application.objects.get()
    assert (response.status_code, response["Location"]) == (302, application.get_absolute_url())


def test_start_page_reopens_an_existing_draft(client, draft, program, founder):
    client.force_login(founder)

    response = client.get(start_url(program))

    assert (response.status_code, response["Location"]) == (302, draft.get_absolute_url())


def test_start_page_shows_a_failing_startup_the_reason_and_no_start_button(
    client, program, questions, startup, founder
):
    fail_team_rule(program, startup)
    client.force_login(founder)

    page = client.get(start_url(program))
    forged = client.post(start_url(program))

    content = page.content.decode()
    assert [o.condition for o in page.context["eligibility"].failed] == [
        "A team of at least 2 people"
    ]
    assert ("Team of 1" in content, 'id="start-application"' in content) == (True, False)
    assert (forged.status_code, Application.objects.count()) == (400, 0)


def test_start_page_of_several_startups_applies_as_the_chosen_one(
    client, program, questions, founder
):
    second = StartupFactory(name="두번째")
    MembershipFactory(user=founder, organization=second, role=MembershipRole.MEMBER)
    client.force_login(founder)

    page = client.get(start_url(program), {"startup": second.pk})
    response = client.post(start_url(program), {"startup": second.pk})

    assert (page.context["startup"], page.context["several_startups"]) == (second, True)
    assert (response.status_code, Application.objects.get().startup) == (302, second)


def test_start_page_is_403_for_a_user_without_startup(client, program, questions):
    client.force_login(UserFactory())

    response = client.get(start_url(program))

    assert response.status_code == 403


def test_start_page_is_404_for_an_invisible_program(client, founder):
    hidden = ProgramFactory(status=ProgramStatus.DRAFT)
    client.force_login(founder)

    assert client.get(start_url(hidden)).status_code == 404


def test_start_page_sends_visitors_to_log_in(client, program):
    response = client.get(start_url(program))

    assert response["Location"] == login_redirect(start_url(program))


# The draft -----------------------------------------------------------------------------------


def test_draft_page_shows_the_form_prefilled_with_the_checklist(client, draft, founder, questions):
    client.force_login(founder)

    response = client.get(draft.get_absolute_url())

    content = response.content.decode()
    assert response.templates[0].name == "applications/application_form.html"
    assert [i.code for i in response.context["checklist"]] == ["required"] * 3
    assert 'value="배터리 재활용 공정을 AI로 최적화합니다"' in content
    assert 'src="/static/js/autosave.js"' in content
    assert (
        'hx-trigger="input changed delay:700ms, change"' in content,
        'id="submit-application"' in content,
    ) == (True, True)


def test_draft_page_hides_the_form_from_a_startup_that_now_fails(
    client, draft, program, startup, founder
):
    fail_team_rule(program, startup)
    client.force_login(founder)

    response = client.get(draft.get_absolute_url())

    content = response.content.decode()
    assert response.context["can_fill"] is False
    assert ("A team of at least 2 people" in content, "submit-application" in content) == (
        True,
        False,
    )


def test_draft_page_is_404_for_another_startup(client, draft):
    client.force_login(member_of(StartupFactory(), MembershipRole.OWNER))

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_draft_page_is_404_for_the_program_operator(client, draft, operator_member):
    client.force_login(operator_member)

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_draft_page_sends_visitors_to_log_in(client, draft):
    response = client.get(draft.get_absolute_url())

    assert response["Location"] == login_redirect(draft.get_absolute_url())


# Submit and the submitted version -----------------------------------------------------------


def test_submit_redirects_with_the_receipt_number(client, draft, questions, founder, startup):
    for key, kwargs in [
        ("overview", {"value": "개요"}),
        ("field", {"value": "AI"}),
        ("plan", {"document_version_id": locker_pdf(startup, 1).pk}),
    ]:
        application_answer_save(application=draft, question=questions[key], by=founder, **kwargs)
    client.force_login(founder)

    response = client.post(url("submit", draft), follow=True)

    draft.refresh_from_db()
    receipt = f"P{draft.program_id:04d}-00001"
    assert (draft.status, draft.receipt_number) == (ApplicationStatus.SUBMITTED, receipt)
    assert response.redirect_chain == [(draft.get_absolute_url(), 302)]
    assert f'id="receipt-number">{receipt}<' in response.content.decode()


def test_submit_of_an_incomplete_draft_is_400_with_the_reason(client, draft, founder):
    client.force_login(founder)

    response = client.post(url("submit", draft))

    draft.refresh_from_db()
    assert (response.status_code, draft.status) == (400, ApplicationStatus.DRAFT)
    assert response.context["submit_error"] == (
        "The application is not complete: Answer “사업 개요”. Answer “사업 분야”. "
        "Answer “사업계획서”."
    )


def test_submit_forged_by_a_failing_startup_is_refused(client, draft, program, startup, founder):
    fail_team_rule(program, startup)
    client.force_login(founder)

    response = client.post(url("submit", draft))

    draft.refresh_from_db()
    assert (response.status_code, draft.status) == (400, ApplicationStatus.DRAFT)
    assert response.context["submit_error"].startswith("써멀아이 does not meet")


def test_submit_is_404_for_another_startup(client, draft):
    client.force_login(member_of(StartupFactory()))

    response = client.post(url("submit", draft))

    draft.refresh_from_db()
    assert (response.status_code, draft.status) == (404, ApplicationStatus.DRAFT)


def test_submitted_page_is_read_only_from_the_snapshot(client, submitted, founder):
    client.force_login(founder)

    response = client.get(submitted.get_absolute_url())

    content = response.content.decode()
    assert response.templates[0].name == "applications/application_detail.html"
    assert ("변전소 과열을 찾아 알려 줍니다." in content, 'name="value"' in content) == (
        True,
        False,
    )
    assert response.context["can_withdraw"] is True


def test_submitted_page_is_shown_to_the_program_operator_and_platform_operators(
    client, submitted, operator_member
):
    client.force_login(operator_member)
    by_operator = client.get(submitted.get_absolute_url())
    client.force_login(OperatorFactory())
    by_staff = client.get(submitted.get_absolute_url())

    assert (by_operator.status_code, by_staff.status_code) == (200, 200)
    assert by_operator.context["can_withdraw"] is False


def test_submitted_page_is_404_for_another_startup(client, submitted):
    client.force_login(member_of(StartupFactory()))

    assert client.get(submitted.get_absolute_url()).status_code == 404


# Withdraw ------------------------------------------------------------------------------------


def test_withdraw_then_the_startup_may_apply_again(client, submitted, program, founder):
    client.force_login(founder)

    response = client.post(url("withdraw", submitted), follow=True)

    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.WITHDRAWN
    assert response.context["can_restart"] is True


def test_withdraw_after_the_deadline_is_400(client, submitted, program, founder):
    program.closes_at = timezone.now() - timedelta(seconds=1)
    program.save()
    client.force_login(founder)

    response = client.post(url("withdraw", submitted))

    submitted.refresh_from_db()
    assert (response.status_code, submitted.status) == (400, ApplicationStatus.SUBMITTED)


def test_withdraw_is_403_for_the_program_operator(client, submitted, operator_member):
    client.force_login(operator_member)

    response = client.post(url("withdraw", submitted))

    submitted.refresh_from_db()
    assert (response.status_code, submitted.status) == (403, ApplicationStatus.SUBMITTED)


# My applications ----------------------------------------------------------------------------


def test_my_applications_lists_the_startups_applications(client, submitted, founder):
    other_startups = ApplicationFactory(program=submitted.program)
    client.force_login(founder)

    response = client.get(LIST)

    assert list(response.context["applications"]) == [submitted]
    assert other_startups not in response.context["applications"]
    assert submitted.receipt_number in response.content.decode()


def test_my_applications_is_empty_for_a_user_without_startup(client, submitted):
    client.force_login(member_of(OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY)))

    response = client.get(LIST)

    assert (list(response.context["applications"]), response.context["in_startup"]) == ([], False)


def test_my_applications_sends_visitors_to_log_in(client):
    assert client.get(LIST)["Location"] == login_redirect(LIST)


@pytest.mark.parametrize("rows", [1, 3])
def test_my_applications_query_count_is_constant(
    client, founder, startup, rows, django_assert_num_queries
):
    for _ in range(rows):
        ApplicationFactory(startup=startup)
    client.force_login(founder)

    # session, user, startups, count, page, allauth's e-mail check
    with django_assert_num_queries(6):
        response = client.get(LIST)

    assert len(response.context["applications"]) == rows


# The program page ---------------------------------------------------------------------------


def test_program_page_offers_to_apply(client, program, questions, founder):
    client.force_login(founder)

    content = client.get(program.get_absolute_url()).content.decode()

    assert f'href="{start_url(program)}" id="apply-button"' in content


def test_program_page_shows_a_failing_startup_why_and_no_apply_button(
    client, program, questions, startup, founder
):
    fail_team_rule(program, startup)
    client.force_login(founder)

    content = client.get(program.get_absolute_url()).content.decode()

    assert ('id="apply-ineligible"' in content, 'id="apply-button"' in content) == (True, False)


def test_program_page_links_to_the_submitted_application(client, submitted, founder):
    client.force_login(founder)

    content = client.get(submitted.program.get_absolute_url()).content.decode()

    assert f"Receipt number <strong>{submitted.receipt_number}</strong>" in content


def test_program_page_without_a_form_has_no_apply_box(client, founder):
    client.force_login(founder)

    content = client.get(ProgramFactory().get_absolute_url()).content.decode()

    assert 'id="apply"' not in content


def test_program_page_shows_no_apply_box_to_the_programs_editors(client, program, questions):
    client.force_login(member_of(program.organization, MembershipRole.OWNER))

    content = client.get(program.get_absolute_url()).content.decode()

    assert 'id="apply"' not in content


def test_draft_is_shown_read_only_to_platform_operators(client, draft):
    client.force_login(OperatorFactory())

    response = client.get(draft.get_absolute_url())

    assert response.templates[0].name == "applications/application_detail.html"
    assert 'id="draft-note"' in response.content.decode()


def test_admin_lists_applications_read_only(client):
    from tests.factories import OperatorFactory

    operator = OperatorFactory(is_superuser=True)
    client.force_login(operator)
    assert client.get("/admin/applications/application/").status_code == 200
    assert client.get("/admin/applications/application/add/").status_code == 403
