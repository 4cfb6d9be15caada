"""Writes to programs and challenges. Every state change goes through here and is audited."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oimarket.accounts.models import Organization, User
from oimarket.core.audit import audit
from oimarket.core.errors import DomainError
from oimarket.matching.services import schedule_reindex

from .enums import ChallengeStatus, ProgramStatus
from .models import Challenge, Program

_M2M = ("fields", "regions", "partners")


def _apply(instance, data: dict, m2m: tuple[str, ...]) -> None:
    related = {name: data.pop(name) for name in m2m if name in data}
    for name, value in data.items():
        setattr(instance, name, value)
    instance.full_clean(exclude=[*related.keys(), "organization"])
    instance.save()
    for name, value in related.items():
        getattr(instance, name).set(value)


def _require_publisher(organization: Organization) -> None:
    if not organization.is_publisher:
        raise DomainError(_("Only demand organizations and operators can publish programs."))


@transaction.atomic
def program_create(*, by: User, organization: Organization, **data) -> Program:
    _require_publisher(organization)
    program = Program(organization=organization, status=ProgramStatus.DRAFT)
    _apply(program, data, _M2M)
    audit(actor=by, target=program, action="program.create")
    return program


@transaction.atomic
def program_update(*, program: Program, by: User, **data) -> Program:
    _apply(program, data, _M2M)
    audit(actor=by, target=program, action="program.update", data={"fields": sorted(data)})
    schedule_reindex(kind="program", pk=program.pk)
    return program


@transaction.atomic
def program_publish(*, program: Program, by: User) -> Program:
    if program.status == ProgramStatus.PUBLISHED:
        return program
    if not program.summary.strip():
        raise DomainError(_("Write a summary before publishing."), field="summary")
    program.status = ProgramStatus.PUBLISHED
    program.published_at = program.published_at or timezone.now()
    program.save(update_fields=["status", "published_at", "updated_at"])
    audit(actor=by, target=program, action="program.publish")
    schedule_reindex(kind="program", pk=program.pk)
    return program


@transaction.atomic
def program_close(*, program: Program, by: User) -> Program:
    if program.status != ProgramStatus.PUBLISHED:
        raise DomainError(_("Only a published program can be closed."))
    program.status = ProgramStatus.CLOSED
    program.save(update_fields=["status", "updated_at"])
    audit(actor=by, target=program, action="program.close")
    schedule_reindex(kind="program", pk=program.pk)
    return program


@transaction.atomic
def program_unpublish(*, program: Program, by: User) -> Program:
    """The way back: a published or closed program returns to draft, out of the catalogue."""
    program.status = ProgramStatus.DRAFT
    program.save(update_fields=["status", "updated_at"])
    audit(actor=by, target=program, action="program.unpublish")
    schedule_reindex(kind="program", pk=program.pk)
    return program


def challenge_publication_problems(challenge: Challenge) -> dict[str, str]:
    """What keeps a challenge from being published, by form field.

    A challenge without a PoC budget, IP terms and a path to a contract is outsourcing in
    disguise: the market refuses to publish it.
    """
    problems = {}
    if not challenge.poc_budget_krw or challenge.poc_budget_krw <= 0:
        problems["poc_budget_krw"] = _("State the PoC budget the organization will pay (KRW).")
    if not challenge.ip_terms:
        problems["ip_terms"] = _("State who owns the intellectual property.")
    if not challenge.conversion_path:
        problems["conversion_path"] = _("State the path to a contract if the PoC succeeds.")
    if not challenge.conversion_criteria.strip():
        problems["conversion_criteria"] = _(
            "State the criteria under which a successful PoC leads to a contract."
        )
    return problems


def _in_intake(challenge: Challenge) -> bool:
    return challenge.program is not None and challenge.program.accepts_challenges


@transaction.atomic
def challenge_create(
    *, by: User, organization: Organization, program: Program | None = None, **data
) -> Challenge:
    _require_publisher(organization)
    if program is not None and program.status != ProgramStatus.PUBLISHED:
        raise DomainError(_("This program is not open for challenges."), field="program")
    challenge = Challenge(organization=organization, program=program, status=ChallengeStatus.DRAFT)
    _apply(challenge, data, ("fields",))
    audit(actor=by, target=challenge, action="challenge.create")
    return challenge


@transaction.atomic
def challenge_update(*, challenge: Challenge, by: User, **data) -> Challenge:
    _apply(challenge, data, ("fields",))
    if challenge.status == ChallengeStatus.PUBLISHED and challenge_publication_problems(challenge):
        raise DomainError(
            _("A published challenge must keep its PoC budget, IP terms and path to a contract.")
        )
    audit(actor=by, target=challenge, action="challenge.update", data={"fields": sorted(data)})
    schedule_reindex(kind="challenge", pk=challenge.pk)
    return challenge


def _set_status(challenge: Challenge, status: str, *, by: User, action: str) -> Challenge:
    challenge.status = status
    update = ["status", "updated_at"]
    if status == ChallengeStatus.PUBLISHED:
        challenge.published_at = timezone.now()
        update.append("published_at")
    challenge.save(update_fields=update)
    audit(actor=by, target=challenge, action=action)
    schedule_reindex(kind="challenge", pk=challenge.pk)
    return challenge


@transaction.atomic
def challenge_publish(*, challenge: Challenge, by: User) -> Challenge:
    problems = challenge_publication_problems(challenge)
    if problems:
        raise DomainError(" ".join(problems.values()))
    allowed_from = (
        {ChallengeStatus.PRESELECTED}
        if _in_intake(challenge)
        else {ChallengeStatus.DRAFT, ChallengeStatus.CLOSED}
    )
    if challenge.status not in allowed_from:
        if _in_intake(challenge):
            raise DomainError(
                _("The program's operator must pre-select this challenge before it is published.")
            )
        raise DomainError(_("This challenge cannot be published from its current state."))
    return _set_status(challenge, ChallengeStatus.PUBLISHED, by=by, action="challenge.publish")


@transaction.atomic
def challenge_propose(*, challenge: Challenge, by: User) -> Challenge:
    """Submit a draft challenge to a top-down program's problem intake."""
    if not _in_intake(challenge):
        raise DomainError(_("This program does not take challenge proposals."))
    if challenge.status != ChallengeStatus.DRAFT:
        raise DomainError(_("Only a draft challenge can be proposed."))
    if not challenge.program.is_open():
        raise DomainError(_("The program's problem intake is closed."))
    return _set_status(challenge, ChallengeStatus.PROPOSED, by=by, action="challenge.propose")


@transaction.atomic
def challenge_decide(*, challenge: Challenge, by: User, preselect: bool) -> Challenge:
    """The program operator pre-selects a proposed challenge, or not. Either can be revised."""
    decidable = {
        ChallengeStatus.PROPOSED,
        ChallengeStatus.PRESELECTED,
        ChallengeStatus.NOT_SELECTED,
    }
    if challenge.status not in decidable:
        raise DomainError(_("This challenge is not awaiting a decision."))
    status = ChallengeStatus.PRESELECTED if preselect else ChallengeStatus.NOT_SELECTED
    action = "challenge.preselect" if preselect else "challenge.not_select"
    return _set_status(challenge, status, by=by, action=action)


@transaction.atomic
def challenge_close(*, challenge: Challenge, by: User) -> Challenge:
    if challenge.status != ChallengeStatus.PUBLISHED:
        raise DomainError(_("Only a published challenge can be closed."))
    return _set_status(challenge, ChallengeStatus.CLOSED, by=by, action="challenge.close")


@transaction.atomic
def challenge_withdraw(*, challenge: Challenge, by: User) -> Challenge:
    """The way back: the challenge returns to draft (out of the catalogue or the intake)."""
    if challenge.status == ChallengeStatus.DRAFT:
        return challenge
    return _set_status(challenge, ChallengeStatus.DRAFT, by=by, action="challenge.withdraw")
