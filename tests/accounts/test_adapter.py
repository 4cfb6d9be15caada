import pytest
from django.test import RequestFactory
from django.urls import reverse

from oimarket.accounts.adapter import AccountAdapter
from tests.factories import MembershipFactory, OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def redirect_for(user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return AccountAdapter(request).get_login_redirect_url(request)


def test_login_without_membership_goes_to_onboarding():
    assert redirect_for(UserFactory()) == reverse("accounts:onboarding")


def test_login_with_membership_goes_to_the_dashboard():
    assert redirect_for(MembershipFactory().user) == reverse("core:dashboard")


def test_login_of_an_operator_goes_to_the_dashboard():
    assert redirect_for(OperatorFactory()) == reverse("core:dashboard")


def test_signup_goes_to_onboarding():
    request = RequestFactory().get("/")
    request.user = UserFactory()

    assert AccountAdapter(request).get_signup_redirect_url(request) == reverse(
        "accounts:onboarding"
    )


def test_login_of_an_evaluator_without_organization_goes_to_the_dashboard():
    assert redirect_for(UserFactory(is_evaluator=True)) == reverse("core:dashboard")
