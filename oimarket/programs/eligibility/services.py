from django.db import transaction
from django.db.models import Max

from oimarket.accounts.models import User
from oimarket.core.audit import audit
from oimarket.core.errors import DomainError

from .models import EligibilityRule, RuleKind


@transaction.atomic
def eligibility_rule_add(
    *, program=None, challenge=None, by: User, kind: str, params: dict
) -> EligibilityRule:
    """Add a rule to a program or (exactly one of the two) a challenge."""
    if kind not in RuleKind.values:
        raise DomainError(f"Unknown rule kind {kind!r}")
    owner = program if program is not None else challenge
    last = owner.eligibility_rules.aggregate(last=Max("position"))["last"]
    rule = EligibilityRule.objects.create(
        program=program,
        challenge=challenge,
        kind=kind,
        params=params,
        position=(last or 0) + 1,
    )
    audit(
        actor=by,
        target=owner,
        action=f"{owner._meta.model_name}.eligibility_rule_add",
        data={"kind": kind, "params": params},
    )
    return rule


@transaction.atomic
def eligibility_rule_remove(*, rule: EligibilityRule, by: User) -> None:
    owner = rule.program or rule.challenge
    audit(
        actor=by,
        target=owner,
        action=f"{owner._meta.model_name}.eligibility_rule_remove",
        data={"kind": rule.kind, "params": rule.params},
    )
    rule.delete()
