from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.programs.enums import ChallengeStatus, ProgramStatus, Track
from oimarket.programs.models import Challenge, Program
from tests.factories import (
    ChallengeFactory,
    MembershipFactory,
    OperatorFactory,
    OrganizationFactory,
    ProgramFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("programs:program-list")


def editor_of(org, role=MembershipRole.OWNER):
    return MembershipFactory(organization=org, role=role).user


def program_post_data(**overrides):
    now = timezone.localtime()
    data = {
        "title": "수소 충전 인프라 실증 과제",
        "summary": "수소 충전소 안전 모니터링 기술을 찾습니다.",
        "track": Track.TOP_DOWN,
        "opens_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
        "fields": ["tech_hydrogen", "energy"],
        "selection_quota": "15",
        "max_cash_krw": "100000000",
    }
    data.update(overrides)
    return data


def challenge_post_data(**overrides):
    data = {
        "title": "변전소 열화상 이상 탐지",
        "problem": "변전소 설비의 과열을 조기에 찾고 싶습니다.",
        "poc_budget_krw": "30000000",
        "poc_months": "6",
        "ip_terms": "startup_owns",
        "conversion_path": "purchase",
        "conversion_criteria": "탐지 정확도 90% 이상",
        "fields": ["energy"],
        "action": "publish",
    }
    data.update(overrides)
    return data


# Catalogue ------------------------------------------------------------------------------------


def test_program_list_public_shows_published_only(client):
    ProgramFactory(title="공개 프로그램")
    ProgramFactory(title="초안 프로그램", status=ProgramStatus.DRAFT)
    response = client.get(LIST)
    assert response.status_code == 200
    assert [p.title for p in response.context["programs"]] == ["공개 프로그램"]
    assert "D-20" in response.content.decode()


@pytest.mark.parametrize("rows", [1, 3])
def test_program_list_query_count_is_constant(client, django_assert_num_queries, rows):
    for _ in range(rows):
        program = ProgramFactory()
        program.fields.set(["ai", "battery"])
        program.regions.set(["seoul"])
    # fields taxonomy, count, page, prefetch fields, prefetch regions, session-less anon user
    with django_assert_num_queries(6):
        response = client.get(LIST, {"field": "ai", "region": "seoul"})
    assert len(response.context["programs"]) == rows


def test_program_list_htmx_returns_results_fragment(client):
    ProgramFactory(title="AI 실증")
    response = client.get(LIST, {"q": "AI"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results"')
    assert "<html" not in body


def test_program_list_ignores_unknown_filter_values(client):
    ProgramFactory(title="하나")
    response = client.get(LIST, {"track": "nonsense", "field": "nope", "deadline": "x"})
    assert response.status_code == 200
    assert [p.title for p in response.context["programs"]] == ["하나"]


def test_program_detail_public(client):
    program = ProgramFactory(body="## 지원대상\n\n- 창업 7년 미만<script>alert(1)</script>")
    response = client.get(program.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2>지원대상</h2>" in html
    assert "<script>alert(1)" not in html


def test_program_detail_draft_is_404_for_outsider_and_200_for_member(client):
    program = ProgramFactory(status=ProgramStatus.DRAFT)
    client.force_login(UserFactory())
    assert client.get(program.get_absolute_url()).status_code == 404
    client.force_login(editor_of(program.organization, MembershipRole.MEMBER))
    assert client.get(program.get_absolute_url()).status_code == 200


def test_program_calendar_feed(client):
    program = ProgramFactory(title="마감 테스트")
    response = client.get(reverse("programs:program-calendar", args=[program.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["[마감] 마감 테스트"]
    assert events[0].decoded("dtstart") == program.closes_at.replace(microsecond=0)


def test_catalogue_calendar_follows_filters(client):
    ProgramFactory(title="AI 과제").fields.set(["ai"])
    ProgramFactory(title="배터리 과제").fields.set(["battery"])
    response = client.get(reverse("programs:program-list-calendar"), {"field": "battery"})
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["[마감] 배터리 과제"]


def test_draft_program_calendar_is_404_for_outsider(client):
    program = ProgramFactory(status=ProgramStatus.DRAFT)
    assert client.get(reverse("programs:program-calendar", args=[program.pk])).status_code == 404


# Program editing ------------------------------------------------------------------------------


def test_program_create_by_demand_editor(client):
    org = OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY)
    client.force_login(editor_of(org))
    response = client.post(reverse("programs:program-create"), program_post_data(publish="1"))
    program = Program.objects.get()
    assert response.status_code == 302
    assert response["Location"] == program.get_absolute_url()
    assert program.organization == org
    assert program.status == ProgramStatus.PUBLISHED
    assert sorted(program.fields.values_list("code", flat=True)) == ["energy", "tech_hydrogen"]


def test_program_create_bad_dates_keeps_input_and_shows_error(client):
    org = OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY)
    client.force_login(editor_of(org))
    data = program_post_data()
    data["closes_at"] = data["opens_at"]
    response = client.post(reverse("programs:program-create"), data)
    assert response.status_code == 400
    assert response.context["form"].errors["closes_at"] == [
        "Applications must close after they open."
    ]
    assert "수소 충전 인프라 실증 과제" in response.content.decode()
    assert Program.objects.count() == 0


def test_program_create_refused_for_startup_member_and_anonymous(client):
    startup = OrganizationFactory(kind=OrganizationKind.STARTUP)
    response = client.get(reverse("programs:program-create"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.force_login(editor_of(startup))
    assert client.get(reverse("programs:program-create")).status_code == 403
    assert client.post(reverse("programs:program-create"), program_post_data()).status_code == 403
    assert Program.objects.count() == 0


def test_program_edit_by_owner_and_refused_to_outsider(client):
    program = ProgramFactory(title="원래 제목")
    url = reverse("programs:program-edit", args=[program.pk])
    client.force_login(UserFactory())
    assert client.post(url, program_post_data(title="탈취")).status_code == 403
    client.force_login(editor_of(program.organization, MembershipRole.MEMBER))
    assert client.post(url, program_post_data(title="탈취")).status_code == 403
    client.force_login(editor_of(program.organization, MembershipRole.MANAGER))
    assert client.post(url, program_post_data(title="바뀐 제목")).status_code == 302
    program.refresh_from_db()
    assert program.title == "바뀐 제목"


def test_program_actions_by_operator_and_outsider(client):
    program = ProgramFactory()
    close = reverse("programs:program-action", args=[program.pk, "close"])
    client.force_login(UserFactory())
    assert client.post(close).status_code == 404
    client.force_login(OperatorFactory())
    assert client.post(close).status_code == 302
    program.refresh_from_db()
    assert program.status == ProgramStatus.CLOSED


# Challenges -----------------------------------------------------------------------------------


def test_challenge_list_and_detail_public(client):
    challenge = ChallengeFactory(title="공개 과제")
    ChallengeFactory(title="초안 과제", status=ChallengeStatus.DRAFT, published_at=None)
    response = client.get(reverse("programs:challenge-list"))
    assert [c.title for c in response.context["challenges"]] == ["공개 과제"]
    assert client.get(challenge.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rows", [1, 3])
def test_challenge_list_query_count_is_constant(client, django_assert_num_queries, rows):
    for _ in range(rows):
        ChallengeFactory(program=ProgramFactory()).fields.set(["ai"])
    with django_assert_num_queries(4):
        response = client.get(reverse("programs:challenge-list"), {"field": "ai"})
    assert len(response.context["challenges"]) == rows


def test_challenge_draft_detail_refused_to_outsider(client):
    draft = ChallengeFactory(status=ChallengeStatus.DRAFT, published_at=None)
    client.force_login(UserFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(editor_of(draft.organization))
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_challenge_create_and_publish(client):
    org = OrganizationFactory(kind=OrganizationKind.PUBLIC_INSTITUTION)
    client.force_login(editor_of(org))
    response = client.post(reverse("programs:challenge-create"), challenge_post_data())
    challenge = Challenge.objects.get()
    assert response.status_code == 302
    assert challenge.status == ChallengeStatus.PUBLISHED
    assert challenge.organization == org


def test_challenge_publish_without_poc_budget_is_refused_and_kept_as_draft(client):
    org = OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY)
    client.force_login(editor_of(org))
    response = client.post(
        reverse("programs:challenge-create"), challenge_post_data(poc_budget_krw="")
    )
    assert response.status_code == 400
    assert response.context["form"].errors["poc_budget_krw"] == [
        "State the PoC budget the organization will pay (KRW)."
    ]
    challenge = Challenge.objects.get()
    assert challenge.status == ChallengeStatus.DRAFT
    assert challenge.title == "변전소 열화상 이상 탐지"
    # The re-rendered form now edits the saved draft, so a second submit adds no duplicate.
    assert f'action="{reverse("programs:challenge-edit", args=[challenge.pk])}"' in (
        response.content.decode()
    )


def test_challenge_edit_refused_to_outsider(client):
    challenge = ChallengeFactory()
    client.force_login(UserFactory())
    url = reverse("programs:challenge-edit", args=[challenge.pk])
    assert client.post(url, challenge_post_data(title="탈취")).status_code == 403
    challenge.refresh_from_db()
    assert challenge.title != "탈취"


def test_intake_page_and_decisions(client):
    program = ProgramFactory(track=Track.TOP_DOWN, accepts_challenges=True)
    proposed = ChallengeFactory(program=program, status=ChallengeStatus.PROPOSED, published_at=None)
    ChallengeFactory(program=program, status=ChallengeStatus.DRAFT, published_at=None)
    intake = reverse("programs:program-intake", args=[program.pk])
    preselect = reverse("programs:challenge-action", args=[proposed.pk, "preselect"])

    client.force_login(editor_of(proposed.organization))
    assert client.get(intake).status_code == 404
    assert client.post(preselect).status_code == 403

    client.force_login(editor_of(program.organization))
    response = client.get(intake)
    assert response.status_code == 200
    assert [c.pk for c in response.context["challenges"]] == [proposed.pk]
    response = client.post(preselect, {"next": intake})
    assert response.status_code == 302
    assert response["Location"] == intake
    proposed.refresh_from_db()
    assert proposed.status == ChallengeStatus.PRESELECTED


def test_decision_next_refuses_foreign_redirect(client):
    program = ProgramFactory(accepts_challenges=True)
    proposed = ChallengeFactory(program=program, status=ChallengeStatus.PROPOSED, published_at=None)
    client.force_login(editor_of(program.organization))
    response = client.post(
        reverse("programs:challenge-action", args=[proposed.pk, "not_select"]),
        {"next": "https://evil.example/"},
    )
    assert response["Location"] == proposed.get_absolute_url()


def test_refused_publication_speaks_korean_by_default(client, settings):
    settings.LANGUAGE_CODE = "ko"
    org = OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY)
    client.force_login(editor_of(org))
    response = client.post(reverse("programs:challenge-create"), challenge_post_data(ip_terms=""))
    assert response.status_code == 400
    assert response.context["form"].errors["ip_terms"] == ["지식재산권의 소유 주체를 입력하세요."]


def test_program_edit_form_shows_the_chosen_fields_checked(client):
    program = ProgramFactory()
    program.fields.set(["ai", "tech_hydrogen"])
    client.force_login(editor_of(program.organization))
    response = client.get(reverse("programs:program-edit", args=[program.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="ai" id="id_fields_0_0" checked>' in html
    assert html.count('name="fields"') == 55
    assert html.count(" checked>") == 2


def test_challenge_create_refused_for_a_startup_member(client):
    client.force_login(editor_of(OrganizationFactory(kind=OrganizationKind.STARTUP)))
    response = client.post(reverse("programs:challenge-create"), challenge_post_data())
    assert response.status_code == 403
    assert Challenge.objects.count() == 0


def test_challenge_actions_refused_to_outsider(client):
    challenge = ChallengeFactory()
    client.force_login(UserFactory())
    for action in ("close", "withdraw", "publish"):
        url = reverse("programs:challenge-action", args=[challenge.pk, action])
        assert client.post(url).status_code == 403
    challenge.refresh_from_db()
    assert challenge.status == ChallengeStatus.PUBLISHED
