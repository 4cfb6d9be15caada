"""The per-startup check, with reasons: what every page shows."""

from datetime import date, datetime

from django.utils import timezone

from .facts import StartupFacts, facts_for
from .kinds import CHECKS, sentence
from .outcome import EligibilityReport, RuleContext, RuleOutcome, Status


def rule_context(rule, *, deadline: datetime | None, as_of: datetime) -> RuleContext:
    """A rule is judged at its own reference date, else the call's deadline, else as_of (KST)."""
    explicit = rule.params.get("reference_date")
    if explicit:
        return RuleContext(reference=date.fromisoformat(explicit), is_deadline=False)
    if deadline is not None:
        return RuleContext(reference=timezone.localdate(deadline), is_deadline=True)
    return RuleContext(reference=timezone.localdate(as_of), is_deadline=False)


class _Sentence:
    """The rule's sentence, written only if someone reads it (ranking needs statuses only)."""

    __slots__ = ("rule", "ctx")

    def __init__(self, rule, ctx: RuleContext):
        self.rule, self.ctx = rule, ctx

    def __str__(self) -> str:
        return str(sentence(self.rule.kind, self.rule.params, self.ctx))


def compile_rules(rules, *, deadline: datetime | None, as_of: datetime) -> list[tuple]:
    """Each rule with its check and context, worked out once for many startups."""
    return [
        (rule, CHECKS[rule.kind], rule_context(rule, deadline=deadline, as_of=as_of))
        for rule in rules
    ]


def check_compiled(
    facts: StartupFacts, compiled: list[tuple], reference: date
) -> EligibilityReport:
    outcomes = []
    for rule, check, ctx in compiled:
        status, detail = check(facts, rule.params, ctx)
        outcomes.append(RuleOutcome(rule.kind, status, _Sentence(rule, ctx), detail))
    return EligibilityReport(outcomes=outcomes, reference=reference)


def check_facts(
    facts: StartupFacts, rules, *, deadline: datetime | None, as_of: datetime
) -> EligibilityReport:
    compiled = compile_rules(rules, deadline=deadline, as_of=as_of)
    return check_compiled(facts, compiled, timezone.localdate(deadline or as_of))


def eligibility_check(
    *,
    program=None,
    challenge=None,
    startup,
    as_of: datetime | None = None,
    facts: StartupFacts | None = None,
) -> EligibilityReport:
    """Check one startup (an Organization with a profile) against a program's or challenge's rules.

    Each rule gives pass, fail or needs-review with its sentence and the profile value used.
    A startup without a profile needs review on every rule that reads the profile.
    """
    owner = program if program is not None else challenge
    as_of = as_of or timezone.now()
    facts = facts or facts_for(startup) or StartupFacts(organization_id=startup.pk)
    return check_facts(facts, owner.eligibility_rules.all(), deadline=owner.closes_at, as_of=as_of)


__all__ = ["Status", "check_compiled", "check_facts", "compile_rules", "eligibility_check"]
