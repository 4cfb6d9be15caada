"""The search page, suggestions and /api/search: what people see, and what they never see."""

import pytest
from django.urls import reverse

from oimarket.programs.enums import ChallengeStatus, ProgramStatus
from tests.factories import (
    ChallengeFactory,
    ProgramFactory,
    StartupFactory,
)

from .conftest import rebuild

pytestmark = pytest.mark.django_db

SEARCH = reverse("matching:search")
API = reverse("matching:api-search")


@pytest.fixture
def world():
    program = ProgramFactory(
        title="폐배터리 재활용 실증 지원사업",
        summary="이차전지 소재를 회수하는 스타트업을 모집합니다.",
    )
    program.fields.set(["battery"])
    draft = ProgramFactory(title="배터리 비공개 초안", status=ProgramStatus.DRAFT)
    challenge = ChallengeFactory(title="배터리 열화 진단", problem="전기버스 배터리 상태를 진단")
    hidden_challenge = ChallengeFactory(title="배터리 내부 과제", status=ChallengeStatus.DRAFT)
    startup = StartupFactory(name="리셀", profile__one_liner="배터리 재활용 공정 자동화")
    hidden = StartupFactory(name="숨은배터리", is_public=False, profile__one_liner="배터리")
    rebuild()
    return {
        "program": program,
        "draft": draft,
        "challenge": challenge,
        "hidden_challenge": hidden_challenge,
        "startup": startup,
        "hidden": hidden,
    }


def test_search_page_shows_every_kind_with_marked_terms_to_an_anonymous_visitor(client, world):
    response = client.get(SEARCH, {"q": "배터리를"})

    assert response.status_code == 200
    titles = [r.title for r in response.context["page"].results]
    assert sorted(titles) == sorted(["폐배터리 재활용 실증 지원사업", "배터리 열화 진단", "리셀"])
    assert response.context["page"].kind_counts == {"program": 1, "challenge": 1, "startup": 1}
    assert "<mark>배터리</mark>" in response.content.decode()


def test_search_never_shows_drafts_or_hidden_profiles_even_if_indexed(client, world):
    """The page re-checks visibility: a record hidden after indexing still never shows."""
    world["program"].status = ProgramStatus.DRAFT
    world["program"].save()

    titles = [r.title for r in client.get(SEARCH, {"q": "배터리"}).context["page"].results]

    assert sorted(titles) == sorted(["배터리 열화 진단", "리셀"])


def test_search_kind_tab_and_field_filter(client, world):
    by_kind = client.get(SEARCH, {"q": "배터리", "kind": "startup"}).context["page"]
    by_field = client.get(SEARCH, {"q": "배터리", "field": "battery"}).context["page"]

    assert [r.title for r in by_kind.results] == ["리셀"]
    assert [r.title for r in by_field.results] == ["폐배터리 재활용 실증 지원사업"]


def test_search_htmx_request_gets_the_results_fragment(client, world):
    response = client.get(SEARCH, {"q": "배터리"}, headers={"HX-Request": "true"})

    assert [t.name for t in response.templates][0] == "matching/_search_results.html"


def test_search_bad_input_is_reported_and_searches_nothing(client, world):
    response = client.get(SEARCH, {"q": "배터리", "kind": "secret"})

    assert response.context["page"].results == []
    assert "Select a valid choice. secret is not one of the available choices." in (
        response.content.decode()
    )


def test_search_blank_query_asks_for_words(client, world):
    response = client.get(SEARCH)

    assert response.context["page"].results == []
    assert "Type what you are looking for." in response.content.decode()


def test_suggestions_complete_a_word_being_typed(client, world):
    response = client.get(reverse("matching:suggest"), {"q": "재활"})

    body = response.content.decode()
    assert "폐배터리 재활용 실증 지원사업" in body
    assert "리셀" not in body  # its title has no word starting with 재활
    assert "숨은배터리" not in body


def test_api_search_returns_results_with_reasons(client, world):
    response = client.get(API, {"q": "배터리 재활용", "kind": "program"})

    assert response.status_code == 200
    data = response.json()
    assert data["query"] == {
        "q": "배터리 재활용",
        "kind": "program",
        "fields": [],
        "region": "",
        "open": False,
        "eligible": False,
    }
    assert data["count"] == 1
    [result] = data["results"]
    assert result["id"] == world["program"].pk
    assert result["title"] == "폐배터리 재활용 실증 지원사업"
    assert result["url"] == f"http://testserver{world['program'].get_absolute_url()}"
    assert result["matched_terms"] == ["배터리", "재활용"]
    assert result["reasons"] == ["Mentions 배터리, 재활용"]
    assert result["engines"] == {"lexical_rank": 1, "dense_rank": None}


def test_api_search_rejects_bad_input_with_400(client):
    response = client.get(API, {"q": "x" * 201, "page": "0"})

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"q", "page"}


def test_api_never_returns_a_draft_or_hidden_profile(client, world):
    ids = {(r["kind"], r["id"]) for r in client.get(API, {"q": "배터리"}).json()["results"]}

    assert ("program", world["draft"].pk) not in ids
    assert ("challenge", world["hidden_challenge"].pk) not in ids
    assert ("startup", world["hidden"].pk) not in ids
    assert len(ids) == 3


def _startup_user(team_size: int):
    from tests.factories import MembershipFactory

    startup = StartupFactory(name="팀리셀", profile__team_size=team_size)
    return MembershipFactory(organization=startup).user


def test_eligible_only_drops_programs_and_challenges_the_startup_fails(client, world):
    from tests.factories import EligibilityRuleFactory

    EligibilityRuleFactory(program=world["program"], kind="team_min", params={"people": 5})
    EligibilityRuleFactory(
        program=None, challenge=world["challenge"], kind="team_min", params={"people": 5}
    )
    other = ProgramFactory(title="배터리 안전 실증")
    rebuild()
    client.force_login(_startup_user(team_size=2))

    everything = client.get(SEARCH, {"q": "배터리", "kind": "program"}).context["page"]
    eligible = client.get(SEARCH, {"q": "배터리", "eligible": "1"}).context["page"]

    by_title = {r.title: r for r in everything.results}
    assert by_title["폐배터리 재활용 실증 지원사업"].eligibility.status.code == "fail"
    assert by_title["폐배터리 재활용 실증 지원사업"].reasons[-1] == (
        "Not eligible: A team of at least 5 people"
    )
    assert by_title["배터리 안전 실증"].eligibility.status.code == "pass"
    assert sorted(r.title for r in eligible.results) == sorted([other.title, "리셀"])
    assert eligible.kind_counts == {"program": 1, "startup": 1}


def test_eligible_only_is_ignored_for_a_user_without_a_startup(client, world):
    from tests.factories import UserFactory

    client.force_login(UserFactory())

    page = client.get(SEARCH, {"q": "배터리", "eligible": "1"}).context["page"]

    assert len(page.results) == 3


def test_a_typo_gets_a_did_you_mean(client, world):
    page = client.get(SEARCH, {"q": "배터로 재활융"}).context["page"]
    data = client.get(API, {"q": "배터로 재활융"}).json()

    assert (page.results, page.kind_counts) == ([], {})
    assert page.did_you_mean == "배터리 재활용"
    assert data["did_you_mean"] == "배터리 재활용"


def test_a_typo_beside_a_known_word_gets_a_did_you_mean_above_the_results(client, world):
    response = client.get(SEARCH, {"q": "배터러 재활용"})

    page = response.context["page"]
    assert [r.title for r in page.results] == ["폐배터리 재활용 실증 지원사업", "리셀"]
    assert page.did_you_mean == "배터리 재활용"
    assert "?q=%EB%B0%B0%ED%84%B0%EB%A6%AC%20%EC%9E%AC%ED%99%9C%EC%9A%A9" in (
        response.content.decode()
    )


def test_no_did_you_mean_when_words_are_found(client, world):
    assert client.get(API, {"q": "배터리"}).json()["did_you_mean"] is None
