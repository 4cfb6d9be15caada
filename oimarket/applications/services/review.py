"""Writes of a program's operators on its applicants: settling "needs review" rules.

The machine leaves some rules to a person (a free-text condition, a profile value missing).
An operator settles such a rule for one or many applicants at once, with a note; the
resolution can be removed again. Views check `programs.change_program` first.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oimarket.accounts.models import User
from oimarket.core.audit import audit
from oimarket.core.errors import DomainError
from oimarket.programs.eligibility.outcome import Status
from oimarket.programs.models import EligibilityRule

from ..enums import ApplicationStatus
from ..models import Application, ReviewResolution
from ..selectors.operator import rule_statuses

NOTE_MAX_LENGTH = 1000


def _check_applications(applications: list[Application], rule: EligibilityRule) -> None:
    if not applications:
        raise DomainError(_("Select at least one applicant."), field="applications")
    if rule.program_id is None or any(a.program_id != rule.program_id for a in applications):
        raise DomainError(_("This rule is not one of the program's rules."), field="rule")
    if any(a.status != ApplicationStatus.SUBMITTED for a in applications):
        raise DomainError(_("Only submitted applications can be reviewed."), field="applications")


def _check_needs_review(applications: list[Application], rule: EligibilityRule) -> None:
    """All or nothing: refuse when the rule is not left to review for one of them."""
    deadline = rule.program.closes_at
    statuses = rule_statuses(applications, [rule], deadline=deadline, as_of=deadline)
    refused = [a for a, s in zip(applications, statuses[:, 0], strict=True) if s != Status.REVIEW]
    if refused:
        receipts = ", ".join(a.receipt_number or str(a.startup) for a in refused)
        raise DomainError(
            _(
                "Nothing was changed: this rule does not need review for %(receipts)s. "
                "Unselect them and try again."
            )
            % {"receipts": receipts},
            field="applications",
        )


@transaction.atomic
def review_resolve(
    *,
    applications: Iterable[Application],
    rule: EligibilityRule,
    by: User,
    passed: bool,
    note: str,
) -> list[ReviewResolution]:
    """Settle `rule` for each application (a new resolution, or the earlier one replaced).

    Every application must have the rule in "needs review", else nothing changes."""
    applications = list(applications)
    note = (note or "").strip()
    if not note:
        raise DomainError(_("Write a note: what you checked."), field="note")
    if len(note) > NOTE_MAX_LENGTH:
        raise DomainError(_("The note is too long."), field="note")
    _check_applications(applications, rule)
    _check_needs_review(applications, rule)
    resolutions = []
    for application in applications:
        resolution, created = ReviewResolution.objects.update_or_create(
            application=application,
            rule=rule,
            defaults={
                "rule_kind": rule.kind,
                "passed": passed,
                "note": note,
                "resolved_by": by,
                "resolved_at": timezone.now(),
            },
        )
        data = {"rule_id": rule.pk, "rule_kind": rule.kind, "passed": passed, "note": note}
        audit(
            actor=by,
            target=application,
            action="application.review_resolve",
            data={**data, "replaced": not created},
        )
        resolutions.append(resolution)
    return resolutions


@transaction.atomic
def review_unresolve(*, resolution: ReviewResolution, by: User) -> None:
    """Remove a resolution: the rule needs review again."""
    data = {
        "rule_id": resolution.rule_id,
        "rule_kind": resolution.rule_kind,
        "passed": resolution.passed,
        "note": resolution.note,
    }
    audit(actor=by, target=resolution.application, action="application.review_unresolve", data=data)
    resolution.delete()
