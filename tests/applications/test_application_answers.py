"""Starting an application (eligibility first, pre-filled) and saving answers with revisions."""

import unicodedata
from datetime import timedelta

import pytest
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import ApplicationStatus
from oimarket.applications.models import Answer, Application
from oimarket.applications.services.applications import (
    AnswerConflict,
    application_answer_save,
    application_start,
)
from oimarket.core.errors import DomainError
from tests.factories import (
    ApplicationFactory,
    EligibilityRuleFactory,
    ProgramFactory,
    StartupFactory,
    locker_pdf,
    standard_application_form,
)

from .conftest import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return ProgramFactory(title="2026 오픈이노베이션 챌린지")


@pytest.fixture
def questions(program):
    return standard_application_form(program)


@pytest.fixture
def draft(program, questions, startup, founder):
    return application_start(program=program, startup=startup, by=founder)


def save(draft, question, by, **kwargs):
    return application_answer_save(application=draft, question=question, by=by, **kwargs)


# Start --------------------------------------------------------------------------------------


def test_application_start_prefills_answers_from_the_profile(program, questions, startup, founder):
    profile = startup.startup_profile
    profile.team_size = 4
    profile.save()

    application = application_start(program=program, startup=startup, by=founder)

    answers = {a.question_id: (a.value, a.revision) for a in application.answers.all()}
    assert answers == {
        questions["intro"].pk: ("배터리 재활용 공정을 AI로 최적화합니다", 0),
        questions["team_size"].pk: (4, 0),
    }
    assert (application.status, application.created_by) == (ApplicationStatus.DRAFT, founder)


def test_application_start_reopens_the_live_draft(draft, program, startup, founder):
    again = application_start(program=program, startup=startup, by=founder)

    assert (again, Application.objects.count()) == (draft, 1)


def test_application_start_refuses_a_failing_startup_naming_the_rule(
    program, questions, startup, founder
):
    profile = startup.startup_profile
    profile.team_size = 1
    profile.save()
    EligibilityRuleFactory(program=program, params={"people": 2})

    with pytest.raises(DomainError) as error:
        application_start(program=program, startup=startup, by=founder)

    assert error.value.message == (
        "써멀아이 does not meet this call's conditions: A team of at least 2 people (Team of 1)."
    )
    assert Application.objects.count() == 0


def test_application_start_refuses_a_program_without_questions(startup, founder):
    with pytest.raises(DomainError) as error:
        application_start(program=ProgramFactory(), startup=startup, by=founder)

    assert error.value.message == "This program does not take applications on oimarket."


def test_application_start_refuses_an_outsider(program, questions, startup):
    outsider = member_of(StartupFactory())

    with pytest.raises(DomainError):
        application_start(program=program, startup=startup, by=outsider)

    assert Application.objects.count() == 0


def test_application_start_after_a_withdrawal_copies_the_withdrawn_answers(
    program, questions, startup, founder
):
    old = ApplicationFactory(
        program=program,
        startup=startup,
        status=ApplicationStatus.WITHDRAWN,
        withdrawn_at=timezone.now(),
    )
    Answer.objects.create(application=old, question=questions["overview"], value="수정할 개요")

    application = application_start(program=program, startup=startup, by=founder)

    assert [(a.question_id, a.value) for a in application.answers.all()] == [
        (questions["overview"].pk, "수정할 개요")
    ]


# Saving one answer ---------------------------------------------------------------------------


def test_answer_save_normalizes_text_and_counts_revisions(draft, questions, founder):
    text = unicodedata.normalize("NFD", "첫 줄\r\n둘째 줄")

    first = save(draft, questions["overview"], founder, value=text, revision=0)
    second = save(draft, questions["overview"], founder, value="고친 개요", revision=1)

    assert (first.value, first.revision) == ("첫 줄\n둘째 줄", 1)
    assert (second.value, second.revision, second.updated_by) == ("고친 개요", 2, founder)


def test_answer_save_refuses_a_stale_revision_and_returns_the_newer(draft, questions, founder):
    save(draft, questions["overview"], founder, value="다른 탭에서 쓴 글", revision=0)

    with pytest.raises(AnswerConflict) as conflict:
        save(draft, questions["overview"], founder, value="이 탭의 글", revision=0)

    assert (conflict.value.answer.value, conflict.value.answer.revision) == ("다른 탭에서 쓴 글", 1)
    assert Answer.objects.get(question=questions["overview"]).value == "다른 탭에서 쓴 글"


def test_answer_save_of_the_same_value_from_a_stale_tab_changes_nothing(draft, questions, founder):
    save(draft, questions["overview"], founder, value="같은 글", revision=0)

    again = save(draft, questions["overview"], founder, value="같은 글", revision=0)

    assert (again.value, again.revision) == ("같은 글", 1)


def test_answer_save_keeps_a_text_over_the_limit(draft, questions, founder):
    answer = save(draft, questions["overview"], founder, value="가" * 301, revision=0)

    assert len(answer.value) == 301


@pytest.mark.parametrize(
    ("key", "raw", "stored"),
    [
        ("team_size", "1,200", 1200),
        ("team_size", "", None),
        ("field", "바이오", "바이오"),
        ("markets", ["미국", "국내"], ["국내", "미국"]),
        (
            "team",
            [{"name": " 김 대표 ", "role": "CEO", "career": "10년"}, {"name": "", "role": ""}],
            [{"name": "김 대표", "role": "CEO", "career": "10년"}],
        ),
        (
            "budget",
            [{"item": "장비", "amount_krw": "3,000,000"}],
            [{"item": "장비", "amount_krw": 3_000_000}],
        ),
    ],
)
def test_answer_save_stores_each_kind(draft, questions, founder, key, raw, stored):
    answer = save(draft, questions[key], founder, value=raw)

    assert answer.value == stored


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("team_size", "열 명", "Enter a number, e.g. 1200000."),
        ("field", "핀테크", "Choose one of the options."),
        ("markets", ["화성"], "Choose among the options."),
        (
            "budget",
            [{"item": "장비", "amount_krw": "많이"}],
            "Row 1: enter the amount in won, digits only.",
        ),
    ],
)
def test_answer_save_refuses_invalid_values(draft, questions, founder, key, raw, message):
    with pytest.raises(DomainError) as error:
        save(draft, questions[key], founder, value=raw)

    assert error.value.message == message
    assert not Answer.objects.filter(question=questions[key]).exists()


def test_answer_save_attaches_a_current_locker_version(draft, questions, startup, founder):
    version = locker_pdf(startup, 3)

    answer = save(draft, questions["plan"], founder, document_version_id=str(version.pk))

    assert (answer.document_version, answer.value) == (version, None)


def test_answer_save_refuses_another_startups_document(draft, questions, founder):
    other = locker_pdf(StartupFactory(), 3)

    with pytest.raises(DomainError) as error:
        save(draft, questions["plan"], founder, document_version_id=other.pk)

    assert error.value.message == "Choose a current document of your startup's locker."


def test_answer_save_refuses_after_the_deadline(draft, questions, founder, program):
    program.closes_at = timezone.now() - timedelta(seconds=1)
    program.save()

    with pytest.raises(DomainError):
        save(draft, questions["overview"], founder, value="늦은 글")

    assert not Answer.objects.filter(question=questions["overview"]).exists()


def test_answer_save_refuses_a_submitted_application(questions, founder, startup, program):
    application = ApplicationFactory(program=program, startup=startup, submitted=True)

    with pytest.raises(DomainError) as error:
        save(application, questions["overview"], founder, value="고치기")

    assert error.value.message == "This application was submitted: it can no longer change."


def test_answer_save_refuses_a_member_of_another_startup(draft, questions):
    outsider = member_of(StartupFactory(), MembershipRole.OWNER)

    with pytest.raises(DomainError):
        save(draft, questions["overview"], outsider, value="남의 지원서")

    assert not Answer.objects.filter(question=questions["overview"]).exists()


def test_answer_save_refuses_a_question_of_another_program(draft, founder):
    stranger = standard_application_form(ProgramFactory())["overview"]

    with pytest.raises(DomainError):
        save(draft, stranger, founder, value="엉뚱한 질문")
