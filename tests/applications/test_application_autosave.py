"""Autosave of one answer (htmx): saved, refused, or a conflict with the newer value; a new
file uploaded into the locker and attached. Outsiders get nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.models import Answer
from oimarket.applications.services.applications import application_start
from oimarket.documents.models import DocumentVersion
from tests.factories import (
    ProgramFactory,
    StartupFactory,
    locker_pdf,
    pdf_bytes,
    standard_application_form,
)

from .conftest import login_redirect, member_of

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def program():
    return ProgramFactory()


@pytest.fixture
def questions(program):
    return standard_application_form(program)


@pytest.fixture
def draft(program, questions, startup, founder):
    return application_start(program=program, startup=startup, by=founder)


def answer_url(application, question):
    return reverse("applications:application-answer", args=[application.pk, question.pk])


def upload_url(application, question):
    return reverse("applications:application-answer-upload", args=[application.pk, question.pk])


def test_autosave_saves_and_returns_the_status_with_the_new_revision(
    client, draft, questions, founder
):
    client.force_login(founder)

    response = client.post(
        answer_url(draft, questions["overview"]),
        {"value": "첫 문장입니다.\r\n둘째 문장입니다.", "revision": "0"},
        **HTMX,
    )

    content = response.content.decode()
    answer = Answer.objects.get(question=questions["overview"])
    assert (response.status_code, response["X-Autosave"]) == (200, "saved")
    assert (answer.value, answer.revision) == ("첫 문장입니다.\n둘째 문장입니다.", 1)
    assert f'id="rev-q{questions["overview"].pk}" value="1"' in content
    assert 'id="checklist" class="card mb-4 application-checklist"' in content
    assert "Saved " in content


def test_autosave_survives_a_reload(client, draft, questions, founder):
    client.force_login(founder)
    client.post(answer_url(draft, questions["overview"]), {"value": "저장된 개요", "revision": "0"})

    page = client.get(draft.get_absolute_url())

    question = questions["overview"]
    assert f'id="q{question.pk}" rows="8"' in page.content.decode()
    assert ">저장된 개요</textarea>" in page.content.decode()
    assert f'id="rev-q{question.pk}" value="1"' in page.content.decode()


def test_autosave_from_a_stale_tab_is_a_409_with_the_newer_value(client, draft, questions, founder):
    client.force_login(founder)
    question = questions["overview"]
    client.post(answer_url(draft, question), {"value": "다른 탭의 글", "revision": "0"})

    response = client.post(answer_url(draft, question), {"value": "이 탭의 글", "revision": "0"})

    assert (response.status_code, response["X-Autosave"]) == (409, "conflict")
    assert response.context["newer"] == "다른 탭의 글"
    assert 'data-revision="1"' in response.content.decode()
    assert Answer.objects.get(question=question).value == "다른 탭의 글"


def test_autosave_of_an_invalid_number_is_a_400_with_the_message(client, draft, questions, founder):
    client.force_login(founder)

    response = client.post(
        answer_url(draft, questions["team_size"]), {"value": "열", "revision": "0"}
    )

    assert (response.status_code, response["X-Autosave"]) == (400, "error")
    assert response.context["message"] == "Enter a number, e.g. 1200000."


def test_autosave_reads_tables_and_several_choices(client, draft, questions, founder):
    client.force_login(founder)

    client.post(
        answer_url(draft, questions["team"]),
        {
            "name": ["김민지", "이준호"],
            "role": ["대표", "CTO"],
            "career": ["前 네이버", ""],
            "revision": "0",
        },
    )
    client.post(answer_url(draft, questions["markets"]), {"value": ["미국", "국내"]})

    answers = {a.question_id: a.value for a in Answer.objects.filter(application=draft)}
    assert answers[questions["team"].pk] == [
        {"name": "김민지", "role": "대표", "career": "前 네이버"},
        {"name": "이준호", "role": "CTO", "career": ""},
    ]
    assert answers[questions["markets"].pk] == ["국내", "미국"]


def test_autosave_is_404_for_another_startup(client, draft, questions):
    client.force_login(member_of(StartupFactory(), MembershipRole.OWNER))

    response = client.post(
        answer_url(draft, questions["overview"]), {"value": "침입", "revision": "0"}
    )

    assert response.status_code == 404
    assert not Answer.objects.filter(question=questions["overview"]).exists()


def test_autosave_is_404_for_a_question_of_another_program(client, draft, founder):
    stranger = standard_application_form(ProgramFactory())["overview"]
    client.force_login(founder)

    assert client.post(answer_url(draft, stranger), {"value": "x"}).status_code == 404


def test_autosave_sends_visitors_to_log_in(client, draft, questions):
    target = answer_url(draft, questions["overview"])

    assert client.post(target, {"value": "x"})["Location"] == login_redirect(target)


def test_upload_puts_the_file_in_the_locker_and_attaches_it(client, draft, questions, founder):
    client.force_login(founder)
    question = questions["plan"]
    upload = SimpleUploadedFile("사업계획서_최종.pdf", pdf_bytes(2), "application/pdf")

    response = client.post(upload_url(draft, question), {"file": upload, "revision": "0"})

    version = DocumentVersion.objects.get()
    answer = Answer.objects.get(question=question)
    assert response["Location"] == f"{draft.get_absolute_url()}#q-{question.pk}"
    assert (answer.document_version, version.original_name) == (version, "사업계획서_최종.pdf")
    assert (version.document.organization, version.document.kind) == (draft.startup, "other")


def test_upload_by_a_member_who_cannot_change_the_locker_is_refused(
    client, draft, questions, startup
):
    member = member_of(startup, MembershipRole.MEMBER)
    client.force_login(member)
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes(1), "application/pdf")

    response = client.post(
        upload_url(draft, questions["plan"]), {"file": upload, "revision": "0"}, follow=True
    )

    assert [str(m) for m in response.context["messages"]] == [
        "Only the organization's owners and managers can change its documents."
    ]
    assert DocumentVersion.objects.count() == 0


def test_upload_is_404_for_another_startup(client, draft, questions):
    client.force_login(member_of(StartupFactory(), MembershipRole.OWNER))
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes(1), "application/pdf")

    response = client.post(upload_url(draft, questions["plan"]), {"file": upload, "revision": "0"})

    assert (response.status_code, DocumentVersion.objects.count()) == (404, 0)


def test_autosave_attaches_a_locker_version_and_counts_its_pages(
    client, draft, questions, founder, startup
):
    version = locker_pdf(startup, 16)
    client.force_login(founder)

    response = client.post(
        answer_url(draft, questions["plan"]), {"value": str(version.pk), "revision": "0"}
    )

    assert Answer.objects.get(question=questions["plan"]).document_version == version
    assert [i.message for i in response.context["checklist"]][-1] == (
        "The business plan has 16 pages: the limit is 15."
    )
