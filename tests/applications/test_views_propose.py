from datetime import timedelta

import pytest
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.applications.enums import ProposalStatus
from oimarket.applications.models import Proposal
from oimarket.programs.enums import ChallengeStatus
from tests.factories import (
    ChallengeFactory,
    MembershipFactory,
    OrganizationFactory,
    ProposalFactory,
    StartupFactory,
)

from .conftest import create_url, login_redirect, member_of

pytestmark = pytest.mark.django_db

MINE = reverse("applications:proposal-list")
INBOX = reverse("applications:proposal-inbox")

FORM = {
    "teaser": "열화상 영상으로 과열 설비를 찾아 알려 줍니다.",
    "poc_plan": "변전소 2곳에서 8주간 실증합니다.",
    "cost_krw": "20000000",
    "timeline_weeks": "8",
}


# Propose --------------------------------------------------------------------------------------


def test_propose_form_for_a_startup_member(client, challenge, founder):
    client.force_login(founder)

    response = client.get(create_url(challenge))

    assert response.status_code == 200
    assert list(response.context["form"].fields) == [
        "teaser",
        "poc_plan",
        "cost_krw",
        "timeline_weeks",
    ]
    assert "not how it works" in response.content.decode()


def test_propose_submits_and_redirects_to_the_proposal(
    client, challenge, startup, founder, demand_owner, django_capture_on_commit_callbacks
):
    client.force_login(founder)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create_url(challenge), FORM)

    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == proposal.get_absolute_url()
    assert (proposal.startup, proposal.submitted_by, proposal.cost_krw) == (
        startup,
        founder,
        20_000_000,
    )
    assert [m.to for m in mail.outbox] == [[demand_owner.email]]


def test_propose_as_one_of_several_startups(client, challenge, startup, founder):
    second = StartupFactory(name="두번째 스타트업")
    MembershipFactory(user=founder, organization=second, role=MembershipRole.MEMBER)
    client.force_login(founder)

    form = client.get(create_url(challenge)).context["form"]
    response = client.post(create_url(challenge), {**FORM, "startup": second.pk})

    assert list(form.fields) == ["startup", "teaser", "poc_plan", "cost_krw", "timeline_weeks"]
    assert sorted(o.pk for o in form.fields["startup"].queryset) == sorted([startup.pk, second.pk])
    assert response.status_code == 302
    assert Proposal.objects.get().startup == second


def test_propose_refuses_a_startup_the_user_is_not_in(client, challenge, founder):
    elsewhere = StartupFactory()
    MembershipFactory(user=founder, organization=StartupFactory())
    client.force_login(founder)

    response = client.post(create_url(challenge), {**FORM, "startup": elsewhere.pk})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["startup"]
    assert Proposal.objects.count() == 0


def test_propose_invalid_form_keeps_what_was_typed(client, challenge, founder):
    client.force_login(founder)

    response = client.post(create_url(challenge), {**FORM, "teaser": "", "timeline_weeks": "0"})

    assert response.status_code == 400
    assert sorted(response.context["form"].errors) == ["teaser", "timeline_weeks"]
    html = response.content.decode()
    assert FORM["poc_plan"] in html
    assert 'value="20000000"' in html
    assert Proposal.objects.count() == 0


def test_propose_one_second_late_is_refused_with_the_reason(client, challenge, founder):
    client.force_login(founder)
    form_page = client.get(create_url(challenge))
    challenge.closes_at = timezone.now() - timedelta(seconds=1)
    challenge.save()

    response = client.post(create_url(challenge), FORM)

    assert form_page.status_code == 200
    assert response.status_code == 400
    errors = response.context["form"].non_field_errors()
    assert [e.startswith("Proposals to this challenge closed on ") for e in errors] == [True]
    assert FORM["teaser"] in response.content.decode()
    assert Proposal.objects.count() == 0


def test_propose_page_of_a_closed_challenge_says_so(client, founder):
    challenge = ChallengeFactory(status=ChallengeStatus.CLOSED)
    client.force_login(founder)

    response = client.get(create_url(challenge))

    assert response.status_code == 200
    assert response.context["closed_reason"] == "This challenge is not taking proposals."
    assert '<form method="post" novalidate' not in response.content.decode()


def test_propose_page_links_to_the_existing_proposal(client, proposal, founder):
    client.force_login(founder)

    response = client.get(create_url(proposal.challenge))

    assert response.context["existing"] == proposal
    assert proposal.get_absolute_url() in response.content.decode()


def test_propose_without_a_startup_is_a_clear_403(client, challenge):
    company_user = member_of(OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY))
    client.force_login(company_user)

    response = client.get(create_url(challenge))
    posted = client.post(create_url(challenge), FORM)

    assert response.status_code == 403
    assert posted.status_code == 403
    assert "Only startups can propose solutions" in response.content.decode()
    assert Proposal.objects.count() == 0


def test_propose_to_an_invisible_challenge_is_404(client, founder):
    draft = ChallengeFactory(status=ChallengeStatus.DRAFT)
    client.force_login(founder)

    assert client.get(create_url(draft)).status_code == 404


def test_propose_anonymous_goes_to_login(client, challenge):
    url = create_url(challenge)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == login_redirect(url)


# The challenge page's block -------------------------------------------------------------------


def render_block(challenge, user):
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load proposals %}{% challenge_proposals challenge %}")
    return template.render(Context({"request": request, "challenge": challenge}))


def test_challenge_block_offers_startups_to_propose(challenge, founder):
    html = render_block(challenge, founder)

    assert create_url(challenge) in html
    assert "Propose a solution" in html


def test_challenge_block_links_a_startup_to_its_proposal(proposal, founder):
    html = render_block(proposal.challenge, founder)

    assert proposal.get_absolute_url() in html
    assert create_url(proposal.challenge) not in html


def test_challenge_block_counts_proposals_for_the_organization(proposal, demand_owner):
    ProposalFactory(challenge=proposal.challenge, status=ProposalStatus.WITHDRAWN)

    html = render_block(proposal.challenge, demand_owner)

    assert "1 proposal received" in html
    assert f"{INBOX}?challenge={proposal.challenge.pk}" in html


def test_challenge_block_hides_the_button_when_closed(founder):
    challenge = ChallengeFactory(closes_at=timezone.now() - timedelta(seconds=1))

    assert "Propose a solution" not in render_block(challenge, founder)
