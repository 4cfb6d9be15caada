"""Who may do what with proposals. Checked by name: `user.has_perm(perm, proposal)`."""

import rules

from oimarket.accounts.enums import EDITOR_ROLES, OrganizationKind
from oimarket.accounts.models import Membership
from oimarket.accounts.rules import is_operator

from .enums import ApplicationStatus, ProposalStatus


def _memberships(user, organization_id):
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user_id=user.pk, organization_id=organization_id)


@rules.predicate
def in_a_startup(user) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user_id=user.pk, organization__kind=OrganizationKind.STARTUP
    ).exists()


@rules.predicate
def in_proposing_startup(user, proposal) -> bool:
    return _memberships(user, proposal.startup_id).exists()


@rules.predicate
def in_challenge_org(user, proposal) -> bool:
    return _memberships(user, proposal.challenge.organization_id).exists()


@rules.predicate
def edits_challenge_org(user, proposal) -> bool:
    return (
        _memberships(user, proposal.challenge.organization_id)
        .filter(role__in=EDITOR_ROLES)
        .exists()
    )


@rules.predicate
def is_submitted(user, proposal) -> bool:
    return proposal.status == ProposalStatus.SUBMITTED


rules.add_perm("applications.add_proposal", in_a_startup)
rules.add_perm("applications.view_proposal", in_proposing_startup | in_challenge_org | is_operator)
rules.add_perm("applications.decide_proposal", edits_challenge_org | is_operator)
rules.add_perm("applications.withdraw_proposal", in_proposing_startup & is_submitted)


# A program's applicants, seen by its operators (object: the Application).
@rules.predicate
def edits_application_program(user, application) -> bool:
    return (
        _memberships(user, application.program.organization_id)
        .filter(role__in=EDITOR_ROLES)
        .exists()
    )


rules.add_perm("applications.review_application", edits_application_program | is_operator)


# Applications to programs (object: the Application) ------------------------------------------


@rules.predicate
def in_applying_startup(user, application) -> bool:
    return _memberships(user, application.startup_id).exists()


@rules.predicate
def in_program_org_of_application(user, application) -> bool:
    return _memberships(user, application.program.organization_id).exists()


@rules.predicate
def is_application_draft(user, application) -> bool:
    return application.status == ApplicationStatus.DRAFT


@rules.predicate
def is_application_submitted(user, application) -> bool:
    return application.status == ApplicationStatus.SUBMITTED


rules.add_perm(
    "applications.view_application",
    in_applying_startup | (is_application_submitted & in_program_org_of_application) | is_operator,
)
rules.add_perm("applications.change_application", in_applying_startup & is_application_draft)
# The deadline is the service's to check (server time); the page hides the button after it.
rules.add_perm("applications.withdraw_application", in_applying_startup & is_application_submitted)
