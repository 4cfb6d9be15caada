"""The applicants list: per-rule statuses, filters, pagination, queries, bulk resolve."""

import re
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole
from oimarket.applications.models import ReviewResolution
from oimarket.applications.services.review import review_resolve
from oimarket.applications.views import operator as operator_views
from oimarket.core.models import AuditEntry
from tests.factories import (
    ApplicationFactory,
    OperatorFactory,
    ProgramFactory,
)

from .conftest import member_of
from .test_operator_screening import (
    build_form,
    build_rules,
    build_screening,
    detail_url,
    list_url,
    receipts,
    startup_with,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def screening():
    return build_screening()


def html_statuses(html: str) -> dict[str, list[str]]:
    """Application pk -> the data-rule-status of each rule cell in its table row."""
    rows = re.findall(r'<tr data-application="(\d+)">(.*?)</tr>', html, re.S)
    return {pk: re.findall(r'data-rule-status="([a-z-]+)"', row) for pk, row in rows}


# The list -------------------------------------------------------------------------------------


def test_applicant_list_shows_each_rules_status_for_submitted_applicants(client, screening):
    client.force_login(screening.editor)

    response = client.get(list_url(screening.program))

    assert response.status_code == 200
    s = screening
    assert [row.application for row in response.context["rows"]] == [s.alpha, s.beta, s.gamma]
    assert html_statuses(response.content.decode()) == {
        str(s.alpha.pk): ["pass", "pass", "review"],
        str(s.beta.pk): ["fail", "review", "review"],
        str(s.gamma.pk): ["review", "fail", "review"],
    }
    html = response.content.decode()
    assert "델타 초안" not in html
    assert f'<a href="{s.alpha.startup.get_absolute_url()}">알파랩스</a>' in html
    assert f'<a href="{detail_url(s.alpha)}">{s.alpha.receipt_number}</a>' in html


def test_applicant_list_marks_resolved_rules_with_the_note(client, screening):
    review_resolve(
        applications=[screening.alpha],
        rule=screening.manual,
        by=screening.editor,
        passed=True,
        note="채용 계획서 확인",
    )
    client.force_login(screening.editor)

    html = client.get(list_url(screening.program)).content.decode()

    assert html_statuses(html)[str(screening.alpha.pk)] == ["pass", "pass", "pass-resolved"]
    assert (
        '<span class="rule-status rule-status-pass" data-rule-status="pass-resolved" '
        'title="채용 계획서 확인">'
    ) in html
    assert (
        '<span class="d-block d-md-none small text-body-secondary text-break '
        'rule-status__note">채용 계획서 확인</span>'
    ) in html


def test_applicant_list_for_a_platform_operator(client, screening):
    client.force_login(OperatorFactory())

    response = client.get(list_url(screening.program))

    assert response.status_code == 200
    assert response.context["total"] == 3


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "fail"}, ["beta", "gamma"]),
        ({"status": "pass"}, ["alpha"]),
        ({"status": "review"}, []),
        ({"unresolved": "on"}, ["beta", "gamma"]),
        ({"q": "감마"}, ["gamma"]),
        ({"q": "00002"}, ["beta"]),
        ({"status": "fail", "q": "베타"}, ["beta"]),
        ({"status": "bogus", "q": ""}, ["alpha", "beta", "gamma"]),
    ],
)
def test_applicant_list_filters(client, screening, params, expected):
    review_resolve(
        applications=[screening.alpha],
        rule=screening.manual,
        by=screening.editor,
        passed=True,
        note="채용 계획서 확인",
    )  # alpha now passes every rule, with no open review
    client.force_login(screening.editor)

    response = client.get(list_url(screening.program), params)

    names = {"alpha": screening.alpha, "beta": screening.beta, "gamma": screening.gamma}
    assert receipts(response.context["rows"]) == [names[n].receipt_number for n in expected]


def test_applicant_list_empty_filter_result_offers_to_show_all(client, screening):
    client.force_login(screening.editor)

    response = client.get(list_url(screening.program), {"q": "없는 회사"})

    assert list(response.context["rows"]) == []
    assert "No applicant matches these filters." in response.content.decode()


def test_applicant_list_is_paginated(client, screening, monkeypatch):
    monkeypatch.setattr(operator_views, "APPLICANTS_PER_PAGE", 2)
    client.force_login(screening.editor)

    first = client.get(list_url(screening.program))
    second = client.get(list_url(screening.program), {"page": 2})

    assert receipts(first.context["rows"]) == [
        screening.alpha.receipt_number,
        screening.beta.receipt_number,
    ]
    assert receipts(second.context["rows"]) == [screening.gamma.receipt_number]


def _program_with_applicants(count: int):
    program = ProgramFactory()
    build_rules(program)
    build_form(program)
    for n in range(count):
        startup = startup_with(f"스타트업 {n}", team_size=n + 1, business_number="")
        application = ApplicationFactory(program=program, startup=startup)
        submit(application, at=timezone.now() - timedelta(hours=n + 1), number=n + 1)
    editor = member_of(program.organization, MembershipRole.OWNER)
    return program, editor


@pytest.mark.parametrize("count", [1, 3])
def test_applicant_list_query_count_is_constant(client, django_assert_num_queries, count):
    """Session, user, program, its rules, permission, applications (with startups and
    profiles), profile fields, selections, regions, resolutions: whatever the number."""
    program, editor = _program_with_applicants(count)
    client.force_login(editor)

    with django_assert_num_queries(11):
        response = client.get(list_url(program))

    assert len(response.context["rows"]) == count


# Bulk resolve ---------------------------------------------------------------------------------


def test_bulk_resolve_settles_the_rule_for_the_selected(client, screening):
    client.force_login(screening.editor)
    url = list_url(screening.program) + "?status=fail"

    response = client.post(
        url,
        {
            "applications": [screening.beta.pk, screening.gamma.pk],
            "rule": screening.manual.pk,
            "passed": "yes",
            "note": "지역 인재 채용 계획서 확인",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == url
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The rule is settled for 2 applicants."
    ]
    rows = ReviewResolution.objects.order_by("application_id")
    assert [(r.application, r.rule, r.passed, r.note) for r in rows] == [
        (screening.beta, screening.manual, True, "지역 인재 채용 계획서 확인"),
        (screening.gamma, screening.manual, True, "지역 인재 채용 계획서 확인"),
    ]
    assert AuditEntry.objects.filter(action="application.review_resolve").count() == 2


def test_bulk_resolve_refuses_a_rule_not_in_review_for_one_and_changes_nothing(client, screening):
    client.force_login(screening.editor)

    response = client.post(
        list_url(screening.program),
        {
            "applications": [screening.alpha.pk, screening.beta.pk],
            "rule": screening.team.pk,
            "passed": "yes",
            "note": "4대보험 명부 확인",
        },
    )

    assert response.status_code == 400
    assert response.context["resolve_form"].errors == {
        "applications": [
            "Nothing was changed: this rule does not need review for "
            f"{screening.alpha.receipt_number}. Unselect them and try again."
        ]
    }
    assert ReviewResolution.objects.count() == 0
    assert AuditEntry.objects.filter(action="application.review_resolve").count() == 0
    html = response.content.decode()
    assert (
        f'value="{screening.alpha.pk}" form="resolve-form" id="select-{screening.alpha.pk}" checked'
        in html
    )


def test_bulk_resolve_requires_a_note_and_a_selection(client, screening):
    client.force_login(screening.editor)

    response = client.post(
        list_url(screening.program), {"rule": screening.manual.pk, "passed": "no", "note": ""}
    )

    assert response.status_code == 400
    assert response.context["resolve_form"].errors == {
        "applications": ["Select at least one applicant."],
        "note": ["This field is required."],
    }
    assert ReviewResolution.objects.count() == 0
