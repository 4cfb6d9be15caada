"""Submitting before the deadline (server time), every refusal, receipts, snapshot, e-mail,
and withdrawing."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from oimarket.applications.enums import ApplicationStatus
from oimarket.applications.models import Application
from oimarket.applications.selectors.applications import (
    answers_by_question,
    application_checklist,
    application_form_of,
    form_sections,
)
from oimarket.applications.services.applications import (
    application_answer_save,
    application_start,
    application_submit,
    application_withdraw,
)
from oimarket.core.errors import DomainError
from oimarket.core.models import AuditEntry
from tests.factories import (
    DocumentVersionFactory,
    EligibilityRuleFactory,
    ProgramFactory,
    StartupFactory,
    locker_pdf,
    standard_application_form,
)

from .conftest import member_of

pytestmark = pytest.mark.django_db

DEADLINE = datetime(2026, 12, 1, 18, 0, tzinfo=ZoneInfo("Asia/Seoul"))
OVERVIEW = "열화상 카메라로 변전소 설비의 과열을 5분 안에 찾아 알려 줍니다."


@pytest.fixture
def program():
    return ProgramFactory(title="2026 오픈이노베이션 챌린지")


@pytest.fixture
def questions(program):
    return standard_application_form(program)


def fill(application, questions, by, *, pages=3, overview=OVERVIEW):
    def save(key, **kwargs):
        application_answer_save(application=application, question=questions[key], by=by, **kwargs)

    save("overview", value=overview)
    save("field", value="AI")
    save("plan", document_version_id=locker_pdf(application.startup, pages).pk)
    return application


@pytest.fixture
def draft(program, questions, startup, founder):
    return application_start(program=program, startup=startup, by=founder)


@pytest.fixture
def complete(draft, questions, founder):
    return fill(draft, questions, founder)


def deadline_at(program, deadline=DEADLINE):
    program.opens_at = deadline - timedelta(days=30)
    program.closes_at = deadline
    program.save()


def refusal(application, by, now=None) -> str:
    with pytest.raises(DomainError) as error:
        application_submit(application=application, by=by, now=now)
    application.refresh_from_db()
    assert (application.status, application.receipt_number) == (ApplicationStatus.DRAFT, "")
    return error.value.message


# The deadline --------------------------------------------------------------------------------


def test_application_submit_one_second_late_is_refused(complete, program, founder):
    deadline_at(program)

    message = refusal(complete, founder, now=DEADLINE + timedelta(seconds=1))

    assert message == "Applications closed at 2026.12.01(Tue) 18:00 (Korea time)."


def test_application_submit_at_the_deadline_is_refused(complete, program, founder):
    deadline_at(program)

    assert refusal(complete, founder, now=DEADLINE) == (
        "Applications closed at 2026.12.01(Tue) 18:00 (Korea time)."
    )


def test_application_submit_one_second_early_is_accepted(complete, program, founder):
    deadline_at(program)
    now = DEADLINE - timedelta(seconds=1)

    application_submit(application=complete, by=founder, now=now)

    complete.refresh_from_db()
    assert (complete.status, complete.submitted_at) == (ApplicationStatus.SUBMITTED, now)


# Other refusals ------------------------------------------------------------------------------


def test_application_submit_refuses_a_failing_startup_naming_the_rule(
    complete, program, startup, founder
):
    profile = startup.startup_profile
    profile.team_size = 1
    profile.save()
    EligibilityRuleFactory(program=program, params={"people": 3})

    assert refusal(complete, founder) == (
        "써멀아이 does not meet this call's conditions: A team of at least 3 people (Team of 1)."
    )


def test_application_submit_refuses_missing_required_answers(draft, founder):
    assert refusal(draft, founder) == (
        "The application is not complete: Answer “사업 개요”. Answer “사업 분야”. "
        "Answer “사업계획서”."
    )


def test_application_submit_refuses_a_text_over_the_limit(draft, questions, founder):
    fill(draft, questions, founder, overview="가" * 301)

    assert refusal(draft, founder) == (
        "The application is not complete: “사업 개요” has 301 characters: 1 over the limit of 300."
    )


def test_application_submit_refuses_a_business_plan_over_the_page_cap(draft, questions, founder):
    fill(draft, questions, founder, pages=16)

    assert refusal(draft, founder) == (
        "The application is not complete: The business plan has 16 pages: the limit is 15."
    )


def test_application_submit_accepts_a_business_plan_at_the_page_cap(draft, questions, founder):
    fill(draft, questions, founder, pages=15)

    application_submit(application=draft, by=founder)

    assert draft.status == ApplicationStatus.SUBMITTED


def test_application_submit_accepts_a_business_plan_it_cannot_count(
    draft, questions, startup, founder
):
    fill(draft, questions, founder)
    hwp = DocumentVersionFactory(
        document__organization=startup, content_type="application/x-hwp", sha256="c" * 64
    )
    application_answer_save(
        application=draft, question=questions["plan"], by=founder, document_version_id=hwp.pk
    )
    form = application_form_of(draft.program)
    sections = form_sections(form)
    checklist = application_checklist(
        form=form, sections=sections, answers=answers_by_question(draft)
    )

    application_submit(application=draft, by=founder)

    assert [(i.code, i.blocking) for i in checklist] == [("pages_unknown", False)]
    assert draft.status == ApplicationStatus.SUBMITTED


def test_application_submit_refuses_a_second_submission(complete, founder):
    application_submit(application=complete, by=founder)
    stale = Application.objects.get(pk=complete.pk)
    stale.status = ApplicationStatus.DRAFT  # a second tab still showing the draft

    with pytest.raises(DomainError) as error:
        application_submit(application=stale, by=founder)

    assert error.value.message == "This application was already submitted."
    assert Application.objects.get().receipt_number == f"P{complete.program_id:04d}-00001"


def test_application_submit_refuses_an_outsider(complete):
    outsider = member_of(StartupFactory())

    refusal(complete, outsider)


# Success -------------------------------------------------------------------------------------


def test_application_submit_numbers_receipts_per_program(program, questions):
    other = ProgramFactory()
    forms = {program: questions, other: standard_application_form(other)}
    receipts = []
    for target in (program, program, other, program):
        startup = StartupFactory()
        member = member_of(startup)
        application = application_start(program=target, startup=startup, by=member)
        fill(application, forms[target], member)
        receipts.append(application_submit(application=application, by=member).receipt_number)

    assert receipts == [
        f"P{program.pk:04d}-00001",
        f"P{program.pk:04d}-00002",
        f"P{other.pk:04d}-00001",
        f"P{program.pk:04d}-00003",
    ]


def test_application_submit_freezes_a_snapshot(complete, questions, founder):
    application_submit(application=complete, by=founder, now=None)

    complete.refresh_from_db()
    snapshot = complete.submitted_snapshot
    plan = complete.answers.get(question=questions["plan"]).document_version
    answers = [(e["label"], e["display"]) for s in snapshot["sections"] for e in s["answers"]]
    assert answers == [
        ("회사 한 줄 소개", "배터리 재활용 공정을 AI로 최적화합니다"),
        ("팀 인원", ""),
        ("사업 개요", OVERVIEW),
        ("사업 분야", "AI"),
        ("사업계획서", "사업계획서.pdf"),
        ("팀 구성", ""),
        ("예산", ""),
        ("목표 시장", ""),
    ]
    assert snapshot["sections"][1]["answers"][1]["file"] == {
        "version_id": plan.pk,
        "original_name": "사업계획서.pdf",
        "sha256": plan.sha256,
        "size": plan.size,
        "content_type": "application/pdf",
    }
    assert (snapshot["receipt_number"], snapshot["submitted_by"]["email"]) == (
        complete.receipt_number,
        founder.email,
    )


def test_application_submit_emails_the_receipt_to_the_submitter(
    complete, founder, startup, django_capture_on_commit_callbacks
):
    member_of(startup, email="colleague@startup.kr")

    with django_capture_on_commit_callbacks(execute=True):
        application_submit(application=complete, by=founder)

    receipt = complete.receipt_number
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (
            ["founder@startup.kr"],
            f"[oimarket] Application received: 2026 오픈이노베이션 챌린지 ({receipt})",
        )
    ]
    assert f"Receipt number: {receipt}\n" in mail.outbox[0].body


def test_application_submit_is_audited(complete, founder):
    application_submit(application=complete, by=founder)

    entries = AuditEntry.objects.filter(target_id=str(complete.pk)).order_by("pk")
    assert [(e.action, e.actor) for e in entries] == [
        ("application.start", founder),
        ("application.attach", founder),
        ("application.submit", founder),
    ]


# Withdraw ------------------------------------------------------------------------------------


def test_application_withdraw_before_the_deadline(complete, program, founder):
    deadline_at(program)
    application_submit(application=complete, by=founder, now=DEADLINE - timedelta(hours=1))

    application_withdraw(application=complete, by=founder, now=DEADLINE - timedelta(seconds=1))

    complete.refresh_from_db()
    assert (complete.status, complete.withdrawn_at) == (
        ApplicationStatus.WITHDRAWN,
        DEADLINE - timedelta(seconds=1),
    )


def test_application_withdraw_after_the_deadline_is_refused(complete, program, founder):
    deadline_at(program)
    application_submit(application=complete, by=founder, now=DEADLINE - timedelta(hours=1))

    with pytest.raises(DomainError) as error:
        application_withdraw(application=complete, by=founder, now=DEADLINE)

    complete.refresh_from_db()
    assert complete.status == ApplicationStatus.SUBMITTED
    assert error.value.message == (
        "Applications closed at 2026.12.01(Tue) 18:00 (Korea time): it can no longer be withdrawn."
    )


def test_application_withdraw_refuses_a_draft(draft, founder):
    with pytest.raises(DomainError) as error:
        application_withdraw(application=draft, by=founder)

    assert error.value.message == "Only a submitted application can be withdrawn."


def test_application_withdraw_refuses_an_outsider(complete, founder):
    application_submit(application=complete, by=founder)

    with pytest.raises(DomainError):
        application_withdraw(application=complete, by=member_of(StartupFactory()))

    complete.refresh_from_db()
    assert complete.status == ApplicationStatus.SUBMITTED
