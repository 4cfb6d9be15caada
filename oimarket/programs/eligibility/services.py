from django.db import transaction
from django.db.models import Max

from oimarket.accounts.models import User
from oimarket.core.audit import audit
from oimarket.core.errors import DomainError

from .models import EligibilityRule, RuleKind


@transaction.atomic
def eligibility_rule_add(*, program, by: User, kind: str, params: dict) -> EligibilityRule:
    if kind not in RuleKind.values:
        raise DomainError(f"Unknown rule kind {kind!r}")
    last = program.eligibility_rules.aggregate(last=Max("position"))["last"]
    rule = EligibilityRule.objects.create(
        program=program, kind=kind, params=params, position=(last or 0) + 1
    )
    audit(
        actor=by,
        target=program,
        action="program.eligibility_rule_add",
        data={"kind": kind, "params": params},
    )
    return rule


@transaction.atomic
def eligibility_rule_remove(*, rule: EligibilityRule, by: User) -> None:
    program = rule.program
    audit(
        actor=by,
        target=program,
        action="program.eligibility_rule_remove",
        data={"kind": rule.kind, "params": rule.params},
    )
    rule.delete()
