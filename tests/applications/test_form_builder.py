"""The program's editors build the application form; it never breaks submitted applications."""

import pytest
from django.urls import reverse

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import ApplicationStatus
from oimarket.applications.models import Answer, ApplicationForm, FormSection, Question
from oimarket.applications.selectors.applications import program_accepts_applications
from oimarket.applications.services import form_builder as services
from oimarket.core.errors import DomainError
from tests.factories import (
    AnswerFactory,
    ApplicationFactory,
    OperatorFactory,
    ProgramFactory,
    StartupFactory,
    standard_application_form,
)

from .conftest import login_redirect, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return ProgramFactory()


@pytest.fixture
def editor(program):
    return member_of(program.organization, MembershipRole.MANAGER)


@pytest.fixture
def questions(program):
    return standard_application_form(program)


def builder_url(program):
    return reverse("applications:form-builder", args=[program.pk])


def labels(program) -> list[tuple[str, list[str]]]:
    sections = FormSection.objects.filter(form__program=program).order_by("position", "pk")
    return [
        (s.title, list(s.questions.order_by("position", "pk").values_list("label", flat=True)))
        for s in sections
    ]


# Services ------------------------------------------------------------------------------------


def test_form_builder_adds_sections_and_questions_in_order(program, editor):
    first = services.form_section_add(program=program, by=editor, title="기업 정보")
    second = services.form_section_add(program=program, by=editor, title="사업 계획")
    services.form_question_add(
        section=first,
        by=editor,
        kind="long_text",
        label="사업 개요",
        max_chars=1000,
        required=True,
    )
    services.form_question_add(
        section=first,
        by=editor,
        kind="choice",
        label="분야",
        choices=["AI", "바이오", "AI"],
        max_chars=50,
    )
    services.form_question_move(
        question=Question.objects.get(label="분야"), by=editor, direction="up"
    )
    services.form_section_move(section=second, by=editor, direction="up")

    choice = Question.objects.get(label="분야")
    assert labels(program) == [("사업 계획", []), ("기업 정보", ["분야", "사업 개요"])]
    assert (choice.choices, choice.max_chars, choice.required) == (["AI", "바이오"], None, False)
    assert program_accepts_applications(program) is True


def test_form_builder_refuses_a_choice_question_without_two_choices(program, editor):
    section = services.form_section_add(program=program, by=editor, title="분야")

    with pytest.raises(DomainError) as error:
        services.form_question_add(
            section=section, by=editor, kind="choice", label="분야", choices=["AI"]
        )

    assert (error.value.message, error.value.field) == (
        "Give at least two different choices.",
        "choices",
    )


def test_form_builder_allows_one_business_plan_only(program, editor, questions):
    with pytest.raises(DomainError) as error:
        services.form_question_add(
            section=questions["plan"].section,
            by=editor,
            kind="file",
            label="두번째 계획서",
            is_business_plan=True,
        )

    assert error.value.message == "Another question is already the business plan."


def test_form_builder_refuses_deleting_a_question_answered_in_a_submitted_application(
    program, editor, questions
):
    submitted = ApplicationFactory(program=program, submitted=True)
    AnswerFactory(application=submitted, question=questions["overview"])

    with pytest.raises(DomainError) as error:
        services.form_question_delete(question=questions["overview"], by=editor)

    assert error.value.message == (
        "“사업 개요” is answered in submitted applications, so it cannot be deleted. "
        "Reword it or make it optional instead."
    )
    assert Question.objects.filter(pk=questions["overview"].pk).exists()


def test_form_builder_deletes_a_question_with_draft_answers_only(program, editor, questions):
    draft = ApplicationFactory(program=program)
    AnswerFactory(application=draft, question=questions["overview"])

    services.form_question_delete(question=questions["overview"], by=editor)

    assert not Question.objects.filter(pk=questions["overview"].pk).exists()
    assert Answer.objects.filter(application=draft).count() == 0


def test_form_builder_refuses_deleting_a_section_with_submitted_answers(program, editor, questions):
    submitted = ApplicationFactory(program=program, status=ApplicationStatus.SUBMITTED)
    AnswerFactory(application=submitted, question=questions["field"], value="AI")

    with pytest.raises(DomainError):
        services.form_section_delete(section=questions["field"].section, by=editor)

    assert FormSection.objects.filter(pk=questions["field"].section_id).exists()


def test_form_builder_keeps_the_kind_of_an_answered_question(program, editor, questions):
    AnswerFactory(application=ApplicationFactory(program=program), question=questions["overview"])

    with pytest.raises(DomainError) as error:
        services.form_question_update(
            question=questions["overview"], by=editor, kind="number", label="사업 개요"
        )

    assert error.value.field == "kind"


def test_form_builder_refuses_an_outsider(program):
    outsider = member_of(StartupFactory(), MembershipRole.OWNER)

    with pytest.raises(DomainError):
        services.form_section_add(program=program, by=outsider, title="침입")

    assert not ApplicationForm.objects.exists()


def test_form_builder_settings_set_the_page_cap(program, editor):
    form = services.form_settings_update(
        program=program, by=editor, intro="준비물", business_plan_max_pages=15
    )

    assert (form.intro, form.business_plan_max_pages) == ("준비물", 15)


# Views ---------------------------------------------------------------------------------------


def test_form_builder_page_shows_sections_and_questions(client, program, editor, questions):
    client.force_login(editor)

    response = client.get(builder_url(program))

    assert response.status_code == 200
    assert [s.title for s in response.context["sections"]] == ["기업 정보", "사업 계획"]
    assert "회사 한 줄 소개" in response.content.decode()


def test_form_builder_happy_path_through_the_pages(client, program, editor):
    client.force_login(editor)

    client.post(builder_url(program), {"intro": "", "business_plan_max_pages": "15"})
    client.post(
        reverse("applications:form-section-create", args=[program.pk]), {"title": "사업 계획"}
    )
    section = FormSection.objects.get()
    created = client.post(
        reverse("applications:form-question-create", args=[program.pk, section.pk]),
        {
            "kind": "choice",
            "label": "분야",
            "required": "on",
            "choices": "AI\r\n바이오\r\n",
            "prefill": "",
        },
    )
    question = Question.objects.get()
    client.post(
        reverse("applications:form-question-edit", args=[program.pk, question.pk]),
        {
            "kind": "file",
            "label": "사업계획서",
            "required": "on",
            "is_business_plan": "on",
            "document_kind": "ir_deck",
            "prefill": "",
        },
    )
    question.refresh_from_db()

    assert (created.status_code, created["Location"]) == (302, builder_url(program))
    assert (question.kind, question.label, question.choices, question.is_business_plan) == (
        "file",
        "사업계획서",
        [],
        True,
    )
    assert (question.document_kind, program.application_form.business_plan_max_pages) == (
        "ir_deck",
        15,
    )


def test_form_builder_delete_refused_shows_the_message(client, program, editor, questions):
    AnswerFactory(
        application=ApplicationFactory(program=program, submitted=True),
        question=questions["overview"],
    )
    client.force_login(editor)

    response = client.post(
        reverse(
            "applications:form-question-action",
            args=[program.pk, questions["overview"].pk, "delete"],
        ),
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "“사업 개요” is answered in submitted applications, so it cannot be deleted. "
        "Reword it or make it optional instead."
    ]


def test_form_builder_question_form_errors_are_400(client, program, editor, questions):
    client.force_login(editor)
    target = reverse(
        "applications:form-question-create", args=[program.pk, questions["intro"].section_id]
    )

    response = client.post(
        target, {"kind": "multi_choice", "label": "시장", "choices": "국내", "prefill": ""}
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {"choices": ["Give at least two different choices."]}


@pytest.mark.parametrize("who", ["startup", "member of the organization", "another publisher"])
def test_form_builder_is_forbidden_to_outsiders(client, program, questions, who):
    users = {
        "startup": lambda: member_of(StartupFactory(), MembershipRole.OWNER),
        "member of the organization": lambda: member_of(
            program.organization, MembershipRole.MEMBER
        ),
        "another publisher": lambda: member_of(ProgramFactory().organization, MembershipRole.OWNER),
    }
    client.force_login(users[who]())
    section = questions["intro"].section

    page = client.get(builder_url(program))
    post = client.post(
        reverse("applications:form-section-action", args=[program.pk, section.pk, "delete"])
    )

    assert (page.status_code, post.status_code) == (404, 404)
    assert FormSection.objects.filter(pk=section.pk).exists()


def test_form_builder_is_open_to_platform_operators(client, program, questions):
    client.force_login(OperatorFactory())

    assert client.get(builder_url(program)).status_code == 200


def test_form_builder_sends_visitors_to_log_in(client, program):
    assert client.get(builder_url(program))["Location"] == login_redirect(builder_url(program))


def test_program_page_links_editors_to_the_form_builder(client, program, editor):
    client.force_login(editor)

    content = client.get(program.get_absolute_url()).content.decode()

    assert f'href="{builder_url(program)}"' in content
