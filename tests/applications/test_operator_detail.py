"""One applicant for the program's operators: the snapshot, the report, resolve and undo."""

import pytest
from django.urls import reverse

from oimarket.applications.models import ReviewResolution
from oimarket.applications.services.review import review_resolve
from oimarket.core.models import AuditEntry
from tests.factories import (
    ApplicationFactory,
    StartupFactory,
)

from .test_operator_screening import (
    ALPHA_PLAN,
    build_screening,
    detail_url,
    list_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def screening():
    return build_screening()


# One applicant --------------------------------------------------------------------------------


def test_applicant_detail_shows_the_snapshot_the_report_and_file_links(client, screening):
    client.force_login(screening.editor)

    response = client.get(detail_url(screening.alpha))

    assert response.status_code == 200
    html = response.content.decode()
    [(about, about_answers), (files, [plan])] = response.context["sections"]
    assert (about, files) == ("기업 개요", "첨부 서류")
    assert [(a.number, a.label, a.text) for a in about_answers] == [
        (1, "서비스 한 줄 소개", "열화상 AI로 설비 과열을 찾습니다"),
        (2, "팀 구성", "김하나 / 대표 / 배터리 공정 10년; 이두리 / CTO / 비전 AI 6년"),
        (3, "희망 지원금(원)", "50,000,000"),
    ]
    version = screening.alpha.answers.get(question=screening.questions[3]).document_version
    assert plan.file["version_id"] == version.pk
    download = reverse("documents:version-download", args=[version.pk])
    assert f'<a href="{download}">사업계획서_알파.pdf</a>' in html
    assert [
        (o.code, o.status.code, o.condition, o.detail) for o, _c in response.context["outcomes"]
    ] == [
        (
            "founded_within_years",
            "pass",
            "Founded less than 7 years before the deadline",
            f"Founded {screening.alpha.startup.startup_profile.founded_on.isoformat()}: "
            "less than 7 years before the deadline",
        ),
        ("team_min", "pass", "A team of at least 3 people", "Team of 5"),
        ("manual", "review", "지역 인재 채용 계획 보유", "Checked by the operator"),
    ]
    assert response.context["business_number"] == "123-45-67890"


def test_applicant_detail_file_link_downloads_for_the_programs_editor(client, screening):
    """Relies on documents' `is_attached_to_visible_application` (the applicant side)."""
    version = screening.alpha.answers.get(question=screening.questions[3]).document_version
    client.force_login(screening.editor)

    response = client.get(reverse("documents:version-download", args=[version.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == ALPHA_PLAN


def test_applicant_detail_shows_resolutions_with_undo(client, screening):
    [resolution] = review_resolve(
        applications=[screening.beta],
        rule=screening.team,
        by=screening.editor,
        passed=False,
        note="4대보험 명부상 2명",
    )
    client.force_login(screening.editor)

    html = client.get(detail_url(screening.beta)).content.decode()

    assert "Resolved: does not meet it" in html
    assert "4대보험 명부상 2명" in html
    undo = reverse(
        "applications:applicant-unresolve",
        args=[screening.program.pk, screening.beta.pk, resolution.pk],
    )
    assert f'action="{undo}"' in html


def test_applicant_detail_resolves_one_rule(client, screening):
    client.force_login(screening.editor)
    url = detail_url(screening.gamma)

    response = client.post(
        url,
        {
            "applications": screening.gamma.pk,
            "rule": screening.founded.pk,
            "passed": "yes",
            "note": "법인등기부: 2021년 설립",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == url
    resolution = ReviewResolution.objects.get()
    assert (resolution.application, resolution.rule, resolution.passed) == (
        screening.gamma,
        screening.founded,
        True,
    )


def test_undo_removes_the_resolution(client, screening):
    [resolution] = review_resolve(
        applications=[screening.beta],
        rule=screening.manual,
        by=screening.editor,
        passed=True,
        note="확인",
    )
    client.force_login(screening.editor)
    url = reverse(
        "applications:applicant-unresolve",
        args=[screening.program.pk, screening.beta.pk, resolution.pk],
    )

    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"] == detail_url(screening.beta)
    assert ReviewResolution.objects.count() == 0
    assert AuditEntry.objects.filter(action="application.review_unresolve").count() == 1


def test_applicant_detail_of_a_draft_or_another_programs_application_is_404(client, screening):
    other = ApplicationFactory(submitted=True, startup=StartupFactory())
    client.force_login(screening.editor)

    draft = client.get(detail_url(screening.draft))
    elsewhere = client.get(
        reverse("applications:applicant-detail", args=[screening.program.pk, other.pk])
    )

    assert (draft.status_code, elsewhere.status_code) == (404, 404)


def test_program_page_links_its_editors_to_the_applicants(client, screening):
    client.force_login(screening.editor)

    html = client.get(screening.program.get_absolute_url()).content.decode()

    assert f'href="{list_url(screening.program)}">Applicants</a>' in html
