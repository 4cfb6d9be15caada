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


def check_facts(
    facts: StartupFacts, rules, *, deadline: datetime | None, as_of: datetime
) -> EligibilityReport:
    outcomes = []
    for rule in rules:
        ctx = rule_context(rule, deadline=deadline, as_of=as_of)
        status, detail = CHECKS[rule.kind](facts, rule.params, ctx)
        outcomes.append(
            RuleOutcome(rule.kind, status, sentence(rule.kind, rule.params, ctx), detail)
        )
    reference = timezone.localdate(deadline) if deadline else timezone.localdate(as_of)
    return EligibilityReport(outcomes=outcomes, reference=reference)


def _owner_rules(owner):
    # Use prefetched rules when the caller loaded them for many records at once.
    cache = getattr(owner, "_prefetched_objects_cache", {})
    if "eligibility_rules" in cache:
        return list(cache["eligibility_rules"])
    return list(owner.eligibility_rules.all())


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
    A startup without a profile needs review on every rule.
    """
    owner = program if program is not None else challenge
    as_of = as_of or timezone.now()
    facts = facts or facts_for(startup)
    rules = _owner_rules(owner)
    if facts is None:
        facts = StartupFacts(organization_id=startup.pk)
    return check_facts(facts, rules, deadline=owner.closes_at, as_of=as_of)


__all__ = ["Status", "check_facts", "eligibility_check", "rule_context"]
