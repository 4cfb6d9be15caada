"""Who may view and change an application, and who may download the files it attached."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.enums import ApplicationStatus
from oimarket.applications.selectors.applications import applications_visible_to
from oimarket.documents.selectors import document_versions_visible_to
from tests.factories import (
    AnswerFactory,
    ApplicationFactory,
    OperatorFactory,
    ProgramFactory,
    QuestionFactory,
    StartupFactory,
    locker_pdf,
)

from .conftest import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return ProgramFactory()


@pytest.fixture
def people(program, startup):
    return {
        "startup member": member_of(startup, MembershipRole.MEMBER),
        "program operator": member_of(program.organization, MembershipRole.MEMBER),
        "platform operator": OperatorFactory(),
        "another startup": member_of(StartupFactory(), MembershipRole.OWNER),
        "anonymous": AnonymousUser(),
    }


def perms(people, perm, application) -> dict:
    return {name: user.has_perm(perm, application) for name, user in people.items()}


def test_view_application_of_a_draft(program, startup, people):
    draft = ApplicationFactory(program=program, startup=startup)

    assert perms(people, "applications.view_application", draft) == {
        "startup member": True,
        "program operator": False,
        "platform operator": True,
        "another startup": False,
        "anonymous": False,
    }


def test_view_application_once_submitted(program, startup, people):
    submitted = ApplicationFactory(program=program, startup=startup, submitted=True)

    assert perms(people, "applications.view_application", submitted) == {
        "startup member": True,
        "program operator": True,
        "platform operator": True,
        "another startup": False,
        "anonymous": False,
    }


@pytest.mark.parametrize(
    ("status", "expected"),
    [(ApplicationStatus.DRAFT, True), (ApplicationStatus.SUBMITTED, False)],
)
def test_change_application_only_the_startup_while_draft(
    program, startup, people, status, expected
):
    application = ApplicationFactory(program=program, startup=startup, status=status)

    assert perms(people, "applications.change_application", application) == {
        "startup member": expected,
        "program operator": False,
        "platform operator": False,
        "another startup": False,
        "anonymous": False,
    }


def test_applications_visible_to_matches_the_permission(program, startup, people):
    draft = ApplicationFactory(program=program, startup=startup)
    submitted = ApplicationFactory(program=program, submitted=True)

    visible = {name: set(applications_visible_to(user)) for name, user in people.items()}

    assert visible == {
        "startup member": {draft},
        "program operator": {submitted},
        "platform operator": {draft, submitted},
        "another startup": set(),
        "anonymous": set(),
    }


def attach(program, startup, status):
    version = locker_pdf(startup, 1)
    question = QuestionFactory(section__form__program=program, kind="file")
    application = ApplicationFactory(program=program, startup=startup, status=status)
    AnswerFactory(application=application, question=question, value=None, document_version=version)
    return version


@pytest.mark.parametrize(
    ("status", "operator_sees"),
    [(ApplicationStatus.SUBMITTED, True), (ApplicationStatus.DRAFT, False)],
)
def test_attached_file_is_served_to_the_program_operator_once_submitted(
    client, program, startup, people, status, operator_sees
):
    version = attach(program, startup, status)
    download = reverse("documents:version-download", args=[version.pk])

    codes = {}
    for name, user in people.items():
        client.logout()
        if user.is_authenticated:
            client.force_login(user)
        codes[name] = client.get(download).status_code

    assert codes == {
        "startup member": 200,
        "program operator": 200 if operator_sees else 404,
        "platform operator": 200,
        "another startup": 404,
        "anonymous": 302,
    }
    assert (version in document_versions_visible_to(people["program operator"])) is operator_sees
