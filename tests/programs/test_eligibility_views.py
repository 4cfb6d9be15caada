from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole
from oimarket.programs.eligibility.models import EligibilityRule, RuleKind
from tests.factories import MembershipFactory, ProgramFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def founder():
    startup = StartupFactory()
    profile = startup.startup_profile
    profile.founded_on = timezone.localdate() - timedelta(days=365 * 4)
    profile.team_size = 1
    profile.save()
    return MembershipFactory(organization=startup).user


def add_rule(program, kind, position=0, **params):
    return EligibilityRule.objects.create(
        program=program, kind=kind, params=params, position=position
    )


def test_program_page_shows_each_rule_with_the_startups_verdict(client, founder):
    program = ProgramFactory()
    add_rule(program, RuleKind.FOUNDED_WITHIN, 0, years=7)
    add_rule(program, RuleKind.TEAM_MIN, 1, people=2)
    client.force_login(founder)

    response = client.get(program.get_absolute_url())

    report = response.context["eligibility"]
    assert [(o.code, o.status.code, o.detail) for o in report.outcomes] == [
        (
            "founded_within_years",
            "pass",
            f"Founded {profile_founded(founder)}: less than 7 years before the deadline",
        ),
        ("team_min", "fail", "Team of 1"),
    ]
    html = response.content.decode()
    assert 'class="eligibility-outcome eligibility-fail mb-2" data-rule="team_min"' in html


def profile_founded(user) -> str:
    return user.organizations.get().startup_profile.founded_on.isoformat()


def test_program_page_lists_conditions_to_visitors(client):
    program = ProgramFactory()
    add_rule(program, RuleKind.TEAM_MIN, people=3)
    response = client.get(program.get_absolute_url())
    assert response.context["eligibility"] is None
    assert [str(text) for _rule, text in response.context["conditions"]] == [
        "A team of at least 3 people"
    ]


def test_catalogue_only_eligible_filter_and_badges(client, founder):
    ok = ProgramFactory(title="가능")
    add_rule(ok, RuleKind.FOUNDED_WITHIN, years=7)
    ProgramFactory(title="불가").eligibility_rules.create(
        kind=RuleKind.TEAM_MIN, params={"people": 5}
    )
    client.force_login(founder)

    everything = client.get(reverse("programs:program-list"))
    only = client.get(reverse("programs:program-list"), {"eligible": "1"})

    assert sorted(p.title for p in everything.context["programs"]) == ["가능", "불가"]
    assert {p.title: p.eligibility.status.code for p in everything.context["programs"]} == {
        "가능": "pass",
        "불가": "fail",
    }
    assert [p.title for p in only.context["programs"]] == ["가능"]


@pytest.mark.parametrize("rows", [1, 3])
def test_catalogue_query_count_for_a_startup_is_constant(
    client, founder, rows, django_assert_num_queries
):
    for _ in range(rows):
        add_rule(ProgramFactory(), RuleKind.TEAM_MIN, people=2)
    client.force_login(founder)
    # session, user, taxonomy (2), startup, count, page, prefetches (2), facts (3), rules (2),
    # the "new program" permission, allauth's e-mail check
    with django_assert_num_queries(18):
        response = client.get(reverse("programs:program-list"))
    assert len(response.context["programs"]) == rows


def test_programs_for_me_ranks_eligible_first(client, founder):
    now = timezone.now()
    soon_but_failing = ProgramFactory(title="곧 마감, 불가", closes_at=now + timedelta(days=2))
    add_rule(soon_but_failing, RuleKind.TEAM_MIN, people=9)
    ProgramFactory(title="나중 마감, 가능", closes_at=now + timedelta(days=20))
    ProgramFactory(title="조건 없음", closes_at=now + timedelta(days=30))
    client.force_login(founder)

    response = client.get(reverse("programs:programs-for-me"))

    assert [(p.title, r.status.code) for p, r in response.context["pairs"]] == [
        ("나중 마감, 가능", "pass"),
        ("조건 없음", "pass"),
        ("곧 마감, 불가", "fail"),
    ]
    assert (response.context["eligible_count"], response.context["total_count"]) == (2, 3)


def test_programs_for_me_refuses_anonymous_and_explains_to_non_startups(client):
    url = reverse("programs:programs-for-me")
    assert client.get(url)["Location"] == f"{reverse('account_login')}?next={url}"
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["startup"] is None
    assert list(response.context["pairs"]) == []


def owner_of(program):
    return MembershipFactory(organization=program.organization, role=MembershipRole.OWNER).user


def test_rule_editor_adds_a_rule_with_params(client):
    program = ProgramFactory()
    client.force_login(owner_of(program))
    url = reverse("programs:program-eligibility-add", args=[program.pk, "founded_within_years"])

    response = client.post(
        url, {"years": "7", "pre_founders_allowed": "on", "reference_date": "2026-03-31"}
    )

    assert response.status_code == 302
    [rule] = program.eligibility_rules.all()
    assert (rule.kind, rule.params) == (
        "founded_within_years",
        {"years": 7, "pre_founders_allowed": True, "reference_date": "2026-03-31"},
    )
    page = client.get(reverse("programs:program-eligibility", args=[program.pk]))
    assert [str(t) for _r, t, _url in page.context["rules"]] == [
        "Founded less than 7 years before 2026-03-31 (pre-founders allowed)"
    ]


def test_rule_editor_refuses_bad_input_and_changes_nothing(client):
    program = ProgramFactory()
    client.force_login(owner_of(program))
    url = reverse("programs:program-eligibility-add", args=[program.pk, "team_min"])
    response = client.post(url, {"people": "0"})
    assert response.status_code == 400
    assert response.context["form"].errors["people"] == [
        "Ensure this value is greater than or equal to 1."
    ]
    assert program.eligibility_rules.count() == 0
    assert (
        client.get(
            reverse("programs:program-eligibility-add", args=[program.pk, "nonsense"])
        ).status_code
        == 404
    )


def test_rule_editor_not_selected_before_stores_the_program(client):
    program, earlier = ProgramFactory(), ProgramFactory(title="2024 챌린지")
    client.force_login(owner_of(program))
    client.post(
        reverse("programs:program-eligibility-add", args=[program.pk, "not_selected_before"]),
        {"program": earlier.pk, "years": "3"},
    )
    assert program.eligibility_rules.get().params == {
        "program_id": earlier.pk,
        "program_title": "2024 챌린지",
        "years": 3,
    }


def test_rule_editor_refuses_outsiders(client):
    program = ProgramFactory()
    rule = add_rule(program, RuleKind.TEAM_MIN, people=2)
    client.force_login(UserFactory())
    assert client.get(reverse("programs:program-eligibility", args=[program.pk])).status_code == 404
    add = reverse("programs:program-eligibility-add", args=[program.pk, "team_min"])
    assert client.post(add, {"people": "1"}).status_code == 404
    delete = reverse("programs:program-eligibility-delete", args=[program.pk, rule.pk])
    assert client.post(delete).status_code == 404
    assert program.eligibility_rules.count() == 1


def test_rule_editor_removes_a_rule(client):
    program = ProgramFactory()
    rule = add_rule(program, RuleKind.TEAM_MIN, people=2)
    client.force_login(owner_of(program))
    response = client.post(
        reverse("programs:program-eligibility-delete", args=[program.pk, rule.pk])
    )
    assert response.status_code == 302
    assert program.eligibility_rules.count() == 0


def test_leap_day_founder_on_the_program_page(client):
    startup = StartupFactory()
    startup.startup_profile.founded_on = date(2020, 2, 29)
    startup.startup_profile.save()
    program = ProgramFactory(
        opens_at=timezone.make_aware(timezone.datetime(2027, 2, 1, 9)),
        closes_at=timezone.make_aware(timezone.datetime(2027, 2, 28, 23, 59)),
    )
    add_rule(program, RuleKind.FOUNDED_WITHIN, years=7)
    client.force_login(MembershipFactory(organization=startup).user)
    report = client.get(program.get_absolute_url()).context["eligibility"]
    assert report.status.code == "pass"


def test_challenge_rules_editor_and_panel(client, founder):
    from tests.factories import ChallengeFactory

    challenge = ChallengeFactory()
    owner = MembershipFactory(organization=challenge.organization, role=MembershipRole.OWNER).user
    client.force_login(owner)
    url = reverse("programs:challenge-eligibility-add", args=[challenge.pk, "team_min"])
    assert client.post(url, {"people": "3"}).status_code == 302
    [rule] = challenge.eligibility_rules.all()
    assert (rule.program_id, rule.kind, rule.params) == (None, "team_min", {"people": 3})

    client.force_login(founder)
    report = client.get(challenge.get_absolute_url()).context["eligibility"]
    assert [(o.code, o.status.code, o.detail) for o in report.outcomes] == [
        ("team_min", "fail", "Team of 1")
    ]


def test_challenge_rules_editor_refuses_outsiders(client):
    from tests.factories import ChallengeFactory

    challenge = ChallengeFactory()
    client.force_login(UserFactory())
    url = reverse("programs:challenge-eligibility-add", args=[challenge.pk, "team_min"])
    assert client.post(url, {"people": "3"}).status_code == 403
    assert challenge.eligibility_rules.count() == 0
