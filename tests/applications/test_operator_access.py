"""Every operator view and export: outsiders get a 404 (and change nothing), visitors log in."""

import pytest
from django.urls import reverse

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.applications.models import ReviewResolution
from oimarket.applications.services.review import review_resolve
from tests.factories import OrganizationFactory

from .conftest import login_redirect, member_of
from .test_operator_screening import (
    build_screening,
    detail_url,
    list_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def screening():
    return build_screening()


# Outsiders ------------------------------------------------------------------------------------


def _urls(s):
    program = s.program.pk
    return {
        "list": ("get", list_url(s.program)),
        "resolve": ("post", list_url(s.program)),
        "detail": ("get", detail_url(s.beta)),
        "resolve-one": ("post", detail_url(s.beta)),
        "csv": ("get", reverse("applications:applicant-export", args=[program, "csv"])),
        "xlsx": ("get", reverse("applications:applicant-export", args=[program, "xlsx"])),
        "zip": ("get", reverse("applications:applicant-export", args=[program, "zip"])),
    }


VIEWS = ["list", "resolve", "detail", "resolve-one", "csv", "xlsx", "zip", "unresolve"]


def _prepare(s, view: str) -> tuple[str, str, dict | None]:
    """(method, URL, POST data) of the view; undo gets a resolution to remove."""
    if view == "unresolve":
        [resolution] = review_resolve(
            applications=[s.beta], rule=s.manual, by=s.editor, passed=True, note="확인"
        )
        url = reverse(
            "applications:applicant-unresolve", args=[s.program.pk, s.beta.pk, resolution.pk]
        )
        return "post", url, {}
    method, url = _urls(s)[view]
    data = {"applications": s.beta.pk, "rule": s.manual.pk, "passed": "yes", "note": "무단"}
    return method, url, data if method == "post" else None


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("who", ["other-operator", "applicant-founder", "program-org-member"])
def test_outsiders_get_404_and_nothing_changes(client, screening, view, who):
    user = {
        "other-operator": lambda: member_of(
            OrganizationFactory(kind=OrganizationKind.OPERATOR_AGENCY), MembershipRole.OWNER
        ),
        "applicant-founder": lambda: member_of(screening.beta.startup, MembershipRole.OWNER),
        "program-org-member": lambda: member_of(
            screening.program.organization, MembershipRole.MEMBER
        ),
    }[who]()
    method, url, data = _prepare(screening, view)
    before = list(ReviewResolution.objects.values_list("pk", "note"))
    client.force_login(user)

    response = getattr(client, method)(url, data)

    assert response.status_code == 404
    assert list(ReviewResolution.objects.values_list("pk", "note")) == before


@pytest.mark.parametrize("view", VIEWS)
def test_anonymous_goes_to_login(client, screening, view):
    method, url, data = _prepare(screening, view)

    response = getattr(client, method)(url, data)

    assert response.status_code == 302
    assert response["Location"] == login_redirect(url)
