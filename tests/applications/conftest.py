from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from tests.factories import (
    ChallengeFactory,
    MembershipFactory,
    OrganizationFactory,
    ProposalFactory,
    StartupFactory,
    UserFactory,
)


def member_of(org, role=MembershipRole.MEMBER, email=None):
    user = UserFactory(email=email) if email else UserFactory()
    MembershipFactory(user=user, organization=org, role=role)
    return user


@pytest.fixture
def demand_org():
    return OrganizationFactory(kind=OrganizationKind.DEMAND_COMPANY, name="한국전력")


@pytest.fixture
def challenge(demand_org):
    return ChallengeFactory(organization=demand_org, title="변전소 과열 탐지")


@pytest.fixture
def startup():
    return StartupFactory(name="써멀아이")


@pytest.fixture
def founder(startup):
    return member_of(startup, MembershipRole.OWNER, email="founder@startup.kr")


@pytest.fixture
def demand_owner(demand_org):
    return member_of(demand_org, MembershipRole.OWNER, email="owner@kepco.kr")


@pytest.fixture
def proposal(challenge, startup, founder):
    """Submitted by the founder three days and an hour ago, still waiting for an answer."""
    return ProposalFactory(
        challenge=challenge,
        startup=startup,
        submitted_by=founder,
        submitted_at=timezone.now() - timedelta(days=3, hours=1),
    )


def create_url(challenge):
    return reverse("applications:proposal-create", args=[challenge.pk])


def action_url(proposal, action):
    return reverse("applications:proposal-action", args=[proposal.pk, action])


def login_redirect(url):
    return f"{reverse('account_login')}?next={url}"
