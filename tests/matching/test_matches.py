"""Two-way matching: the ranked lists, their reasons, decisions, and who may see them."""

import pytest
from django.urls import reverse

from oimarket.accounts.models import Region
from oimarket.matching.engine import Hit
from oimarket.matching.enums import MatchDecisionKind
from oimarket.matching.matches import (
    _shared_terms,
    challenge_matches,
    startup_matches,
    startup_query,
)
from oimarket.matching.models import MatchDecision
from oimarket.programs.enums import ProgramStatus
from tests.factories import (
    ChallengeFactory,
    EligibilityRuleFactory,
    MembershipFactory,
    OperatorFactory,
    ProgramFactory,
    StartupFactory,
    UserFactory,
)

from .conftest import rebuild

pytestmark = pytest.mark.django_db


def _startup(name, one_liner, *, fields=(), region=None, team=3, stage="none", public=True):
    org = StartupFactory(
        name=name,
        region=region,
        is_public=public,
        profile__one_liner=one_liner,
        profile__team_size=team,
        profile__investment_stage=stage,
    )
    org.startup_profile.fields.set(fields)
    return org


@pytest.fixture
def chungbuk():
    return Region.objects.get(code="chungbuk")


@pytest.fixture
def challenge(chungbuk):
    challenge = ChallengeFactory(
        title="전기버스 배터리 열화 진단",
        problem="운행 중인 전기버스 배터리의 열화 상태를 실시간으로 진단할 기술이 필요합니다.",
    )
    challenge.organization.region = chungbuk
    challenge.organization.save()
    challenge.fields.set(["battery"])
    return challenge


@pytest.fixture
def startups(chungbuk):
    return {
        "diag": _startup(
            "셀체크", "배터리 열화 진단 AI", fields=["battery"], region=chungbuk, stage="seed"
        ),
        "recycle": _startup("리셀", "폐배터리 재활용 공정", fields=["battery"]),
        "food": _startup("푸드로", "식당 음식 배달 앱", fields=["agrifood"]),
        "hidden": _startup("숨은셀", "배터리 열화 진단", public=False),
    }


def test_challenge_matches_rank_with_reasons_in_plain_words(challenge, startups):
    rebuild()

    matches = challenge_matches(challenge=challenge)

    assert [m.obj.name for m in matches] == ["셀체크", "리셀"]
    top = matches[0]
    assert top.shared_terms == ["열화", "진단", "배터리"]
    assert top.reasons == [
        "Shared terms: 열화, 진단, 배터리",
        "Same field: Batteries",
        "Same region: Chungbuk",
        "Stage: Seed",
    ]


def test_challenge_matches_put_a_startup_failing_a_rule_last_and_say_which(challenge, startups):
    EligibilityRuleFactory(program=None, challenge=challenge, kind="team_min", params={"people": 5})
    startups["recycle"].startup_profile.team_size = 8
    startups["recycle"].startup_profile.save()
    rebuild()

    matches = challenge_matches(challenge=challenge)

    assert [m.obj.name for m in matches] == ["리셀", "셀체크"]
    assert matches[0].reasons[-1] == "Meets every condition of the challenge"
    assert matches[1].reasons[-1] == "Fails: A team of at least 5 people"


def test_hidden_startups_leave_the_list_and_undo_brings_them_back(client, challenge, startups):
    rebuild()
    editor = MembershipFactory(organization=challenge.organization).user
    client.force_login(editor)
    decide = "matching:challenge-match-decide"
    diag = startups["diag"]

    client.post(reverse(decide, args=[challenge.pk, diag.pk, "hidden"]))
    assert [m.obj.name for m in challenge_matches(challenge=challenge)] == ["리셀"]
    listed = challenge_matches(challenge=challenge, include_hidden=True)
    assert [(m.obj.name, m.decision) for m in listed] == [("셀체크", "hidden"), ("리셀", "")]

    response = client.post(reverse(decide, args=[challenge.pk, diag.pk, "undo"]))
    assert response.status_code == 302
    assert MatchDecision.objects.count() == 0
    assert [m.obj.name for m in challenge_matches(challenge=challenge)] == ["셀체크", "리셀"]


def test_shortlist_and_contact_are_stored_once_per_pair(client, challenge, startups):
    rebuild()
    client.force_login(MembershipFactory(organization=challenge.organization).user)
    url = "matching:challenge-match-decide"
    diag = startups["diag"]

    client.post(reverse(url, args=[challenge.pk, diag.pk, "shortlisted"]))
    client.post(reverse(url, args=[challenge.pk, diag.pk, "contact_requested"]))

    assert list(MatchDecision.objects.values_list("startup", "decision")) == [
        (diag.pk, MatchDecisionKind.CONTACT_REQUESTED)
    ]


def test_a_startup_like_the_shortlisted_one_is_said_so(challenge, startups):
    twin = _startup("셀닥터", "전기차 배터리 진단 열화 분석", fields=["battery"])
    MatchDecision.objects.create(
        challenge=challenge, startup=startups["diag"], decision=MatchDecisionKind.SHORTLISTED
    )
    rebuild()

    by_name = {m.obj.name: m for m in challenge_matches(challenge=challenge)}

    assert by_name["셀닥터"].reasons[-1] == "Similar to 셀체크, which you shortlisted"
    assert by_name["셀체크"].decision == "shortlisted"
    assert twin.pk in {m.pk for m in by_name.values()}


def test_unknown_decision_changes_nothing(client, challenge, startups):
    rebuild()
    client.force_login(MembershipFactory(organization=challenge.organization).user)

    url = reverse("matching:challenge-match-decide", args=[challenge.pk, startups["diag"].pk, "x"])
    response = client.post(url, follow=True)

    assert MatchDecision.objects.count() == 0
    assert "Choose shortlist, hide or contact." in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "outsider", "startup_member", "plain_member"])
def test_challenge_matches_are_for_its_editors_and_operators_only(client, challenge, who):
    decide = reverse("matching:challenge-match-decide", args=[challenge.pk, 1, "hidden"])
    if who == "outsider":
        client.force_login(UserFactory())
    elif who == "startup_member":
        client.force_login(MembershipFactory(organization=StartupFactory()).user)
    elif who == "plain_member":
        client.force_login(
            MembershipFactory(organization=challenge.organization, role="member").user
        )
    page = client.get(reverse("matching:challenge-matches", args=[challenge.pk]))
    api = client.get(reverse("matching:api-challenge-matches", args=[challenge.pk]))
    post = client.post(decide)

    if who == "anonymous":
        assert (page.status_code, api.status_code, post.status_code) == (302, 302, 302)
    else:
        assert (page.status_code, api.status_code, post.status_code) == (404, 404, 404)
    assert MatchDecision.objects.count() == 0


def test_challenge_matches_page_and_api_for_an_operator(client, challenge, startups):
    rebuild()
    client.force_login(OperatorFactory())

    page = client.get(reverse("matching:challenge-matches", args=[challenge.pk]))
    data = client.get(reverse("matching:api-challenge-matches", args=[challenge.pk])).json()

    assert page.status_code == 200
    assert "Shared terms: 열화, 진단, 배터리" in page.content.decode()
    assert data["count"] == 2
    assert [r["title"] for r in data["results"]] == ["셀체크", "리셀"]
    assert data["results"][0]["reasons"][0] == "Shared terms: 열화, 진단, 배터리"
    assert data["results"][0]["shared_fields"] == ["battery"]
    assert data["results"][0]["decision"] is None


def test_startup_matches_open_calls_eligible_first_with_deadline_and_reasons(startups):
    diag = startups["diag"]
    fits = ProgramFactory(title="배터리 진단 실증 지원")
    fits.fields.set(["battery"])
    strict = ProgramFactory(title="배터리 열화 진단 기술 고도화")
    EligibilityRuleFactory(program=strict, kind="team_min", params={"people": 10})
    ProgramFactory(title="배터리 진단 초안", status=ProgramStatus.DRAFT)
    ProgramFactory(title="배터리 마감 공고", status=ProgramStatus.CLOSED)
    rebuild()

    matches = startup_matches(startup=diag)

    assert [m.obj.title for m in matches] == [
        "배터리 진단 실증 지원",
        "배터리 열화 진단 기술 고도화",
    ]
    assert matches[0].reasons == [
        "Shared terms: 진단, 배터리",
        "Your field: Batteries",
        "Open to every region",
    ]
    assert matches[1].reasons[-1] == "You fail: A team of at least 10 people"


def test_startup_matches_page_for_a_member_and_refused_to_others(client, startups):
    ProgramFactory(title="배터리 진단 실증 지원")
    rebuild()
    client.force_login(MembershipFactory(organization=startups["diag"]).user)

    mine = client.get(reverse("matching:startup-matches"))
    client.force_login(UserFactory())
    other = client.get(reverse("matching:startup-matches"))

    assert mine.status_code == 200
    assert "배터리 진단 실증 지원" in mine.content.decode()
    assert other.status_code == 403


def test_shared_terms_leave_out_words_common_to_the_whole_market_and_verbs():
    hit = Hit("program", 1, "t", 0.1, matched_terms=("스타트업", "poc", "어렵", "열화", "batteri"))
    forms = {"poc": "PoC", "batteri": "배터리", "어렵": "어려운"}
    market = {"": 1000, "스타트업": 300, "poc": 120, "어렵": 4, "열화": 9, "batteri": 30}

    assert _shared_terms(hit, market, forms, frozenset({"어렵"})) == ["열화", "배터리"]
    # In a small index no share means anything yet: 스타트업 in 15 of 30 documents stays.
    small = {"": 30, "스타트업": 15, "poc": 3, "어렵": 1, "열화": 2, "batteri": 4}
    assert _shared_terms(hit, small, forms, frozenset({"어렵"})) == [
        "열화",
        "PoC",
        "배터리",
        "스타트업",
    ]


def test_startup_query_leaves_out_the_startups_own_name():
    org = _startup("누리로보틱스", "설비 점검 로봇")
    org.name_en = "Nuri Robotics"
    org.description = "누리로보틱스는 사족보행 로봇을 만듭니다."
    org.description_en = "Nuri Robotics builds legged robots."
    org.save()

    q = startup_query(org.startup_profile)

    assert "누리" not in q and "Nuri" not in q
    assert "사족보행 로봇" in q and "builds legged robots" in q
