import rules

from oimarket.accounts.enums import EDITOR_ROLES, PUBLISHER_KINDS
from oimarket.accounts.models import Membership

from .enums import ChallengeStatus
from .selectors import PUBLIC_CHALLENGE_STATUSES, PUBLIC_PROGRAM_STATUSES


def _edits(user, organization_id) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user_id=user.pk, organization_id=organization_id, role__in=EDITOR_ROLES
    ).exists()


def _belongs(user, organization_id) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user_id=user.pk, organization_id=organization_id).exists()


@rules.predicate
def is_operator(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


@rules.predicate
def edits_a_publisher(user) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user_id=user.pk, role__in=EDITOR_ROLES, organization__kind__in=PUBLISHER_KINDS
    ).exists()


@rules.predicate
def edits_program_org(user, program) -> bool:
    return _edits(user, program.organization_id)


@rules.predicate
def in_program_org(user, program) -> bool:
    return _belongs(user, program.organization_id)


@rules.predicate
def in_challenge_org(user, challenge) -> bool:
    return _belongs(user, challenge.organization_id)


@rules.predicate
def program_is_public(user, program) -> bool:
    return program.status in PUBLIC_PROGRAM_STATUSES


@rules.predicate
def edits_challenge_org(user, challenge) -> bool:
    return _edits(user, challenge.organization_id)


@rules.predicate
def runs_challenge_program(user, challenge) -> bool:
    return challenge.program_id is not None and _edits(user, challenge.program.organization_id)


@rules.predicate
def challenge_is_public(user, challenge) -> bool:
    program_public = challenge.program_id is None or (
        challenge.program.status in PUBLIC_PROGRAM_STATUSES
    )
    return challenge.status in PUBLIC_CHALLENGE_STATUSES and program_public


@rules.predicate
def challenge_in_intake(user, challenge) -> bool:
    return challenge.status != ChallengeStatus.DRAFT


rules.add_perm("programs.add_program", is_operator | edits_a_publisher)
rules.add_perm("programs.view_program", program_is_public | is_operator | in_program_org)
rules.add_perm("programs.change_program", is_operator | edits_program_org)
rules.add_perm("programs.add_challenge", is_operator | edits_a_publisher)
rules.add_perm(
    "programs.view_challenge",
    challenge_is_public
    | is_operator
    | in_challenge_org
    | (runs_challenge_program & challenge_in_intake),
)
rules.add_perm("programs.change_challenge", is_operator | edits_challenge_org)
rules.add_perm("programs.decide_challenge", is_operator | runs_challenge_program)
