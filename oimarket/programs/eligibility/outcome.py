from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum

from django.utils.translation import gettext_lazy as _


class Status(IntEnum):
    """Ordered so that the worst outcome of several rules is their max()."""

    PASS = 0
    REVIEW = 1
    FAIL = 2

    @property
    def code(self) -> str:
        return {0: "pass", 1: "review", 2: "fail"}[self.value]

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    Status.PASS: _("Eligible"),
    Status.REVIEW: _("Needs review"),
    Status.FAIL: _("Not eligible"),
}


@dataclass(frozen=True)
class RuleContext:
    """The date a rule is judged at, and how to name it in sentences."""

    reference: date
    is_deadline: bool = True


@dataclass(frozen=True)
class RuleOutcome:
    code: str  # the rule kind's stable code
    status: Status
    condition_text: object  # the rule as a sentence (a lazy `text.Text`)
    detail_text: object  # the profile value used, and the verdict on it

    @property
    def condition(self) -> str:
        return str(self.condition_text)

    @property
    def detail(self) -> str:
        return str(self.detail_text)


@dataclass
class EligibilityReport:
    outcomes: list[RuleOutcome] = field(default_factory=list)
    reference: date | None = None

    @property
    def status(self) -> Status:
        return max((o.status for o in self.outcomes), default=Status.PASS)

    @property
    def failed(self) -> list[RuleOutcome]:
        return [o for o in self.outcomes if o.status == Status.FAIL]

    @property
    def to_review(self) -> list[RuleOutcome]:
        return [o for o in self.outcomes if o.status == Status.REVIEW]
