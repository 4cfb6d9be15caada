"""Reads for a program's operators: its applicants, each with the eligibility status per rule.

The statuses come from the numpy engine (`programs.eligibility.vector`) over every submitted
applicant of the program at once, in a fixed number of queries whatever their number; the
operators' review resolutions apply on top. Views reach a program through
`programs_editable_by(user)` first: these reads trust that the program is the user's to see.
"""

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy

from oimarket.programs.eligibility.check import rule_context
from oimarket.programs.eligibility.facts import StartupFacts, facts_for_profiles
from oimarket.programs.eligibility.kinds import sentence
from oimarket.programs.eligibility.models import RuleKind
from oimarket.programs.eligibility.outcome import Status
from oimarket.programs.eligibility.vector import VECTOR_CHECKS, build_matrix
from oimarket.programs.models import EligibilityRule, Program

from ..enums import ApplicationStatus
from ..models import Application, Question, ReviewResolution

OVERALL_FILTERS = ("pass", "review", "fail")
# One rule's status (the overall verdict keeps `Status.label`: eligible, not eligible).
RULE_STATUS_LABELS = {
    Status.PASS: gettext_lazy("Met"),
    Status.REVIEW: gettext_lazy("Needs review"),
    Status.FAIL: gettext_lazy("Not met"),
}


@dataclass(frozen=True)
class RuleCell:
    """One rule for one applicant: the machine's status and the operator's resolution."""

    rule: EligibilityRule
    machine: Status
    resolution: ReviewResolution | None = None

    @property
    def resolved(self) -> bool:
        """A resolution settles a rule the machine leaves to review (and nothing else: if the
        profile changed since, the machine's pass or fail stands)."""
        return self.resolution is not None and self.machine == Status.REVIEW

    @property
    def status(self) -> Status:
        if self.resolved:
            return Status.PASS if self.resolution.passed else Status.FAIL
        return self.machine

    @property
    def unresolved(self) -> bool:
        return self.machine == Status.REVIEW and self.resolution is None

    @property
    def label(self) -> str:
        return str(RULE_STATUS_LABELS[self.status])


@dataclass
class ApplicantRow:
    application: Application
    cells: list[RuleCell] = field(default_factory=list)

    @property
    def status(self) -> Status:
        return max((cell.status for cell in self.cells), default=Status.PASS)

    @property
    def unresolved(self) -> bool:
        return any(cell.unresolved for cell in self.cells)

    @property
    def reviewable(self) -> bool:
        """Some rule needs an operator's look (resolved already or not)."""
        return any(cell.machine == Status.REVIEW for cell in self.cells)


def submitted_applications(program: Program) -> QuerySet[Application]:
    """The program's submitted applications (never drafts nor withdrawn ones), in the order
    they arrived, with what the list and the eligibility check read."""
    return (
        Application.objects.filter(program=program, status=ApplicationStatus.SUBMITTED)
        .select_related("startup", "startup__startup_profile")
        .order_by("submitted_at", "pk")
    )


def _facts(applications: list[Application]) -> list[StartupFacts]:
    profiles = {}
    for application in applications:
        with suppress(ObjectDoesNotExist):
            profiles[application.pk] = application.startup.startup_profile
    by_org = {f.organization_id: f for f in facts_for_profiles(profiles.values())}
    return [
        by_org.get(a.startup_id) or StartupFacts(organization_id=a.startup_id) for a in applications
    ]


def rule_statuses(
    applications: list[Application], rules: list, *, deadline: datetime, as_of: datetime
) -> np.ndarray:
    """Machine statuses as an int8 array, one row per application and one column per rule
    (0 pass, 1 needs review, 2 fail). A program's rules are judged at its deadline, so every
    applicant of it meets the same reference date."""
    statuses = np.zeros((len(applications), len(rules)), dtype=np.int8)
    if not applications or not rules:
        return statuses
    field_codes = sorted(
        {code for rule in rules if rule.kind == RuleKind.FIELDS for code in rule.params["fields"]}
    )
    matrix = build_matrix(_facts(applications), field_codes)
    for column, rule in enumerate(rules):
        ctx = rule_context(rule, deadline=deadline, as_of=as_of)
        statuses[:, column] = VECTOR_CHECKS[rule.kind](matrix, rule.params, ctx)
    return statuses


def _resolutions(
    applications: list[Application], rules: list
) -> dict[tuple[int, int], ReviewResolution]:
    qs = ReviewResolution.objects.filter(
        application__in=[a.pk for a in applications], rule__in=[r.pk for r in rules]
    ).select_related("resolved_by")
    return {(r.application_id, r.rule_id): r for r in qs}


def applicant_rows(program: Program, applications: list[Application] | None = None) -> list:
    """`ApplicantRow`s of the program's submitted applicants (or of those given), with the
    status of each rule. Constant queries: rules, applications, facts, regions, resolutions."""
    if applications is None:
        applications = list(submitted_applications(program))
    rules = list(program.eligibility_rules.all())
    deadline = program.closes_at  # a program always has one: `as_of` never decides
    statuses = rule_statuses(applications, rules, deadline=deadline, as_of=deadline)
    resolutions = _resolutions(applications, rules) if applications and rules else {}
    return [
        ApplicantRow(
            application=application,
            cells=[
                RuleCell(
                    rule, Status(int(statuses[i, j])), resolutions.get((application.pk, rule.pk))
                )
                for j, rule in enumerate(rules)
            ],
        )
        for i, application in enumerate(applications)
    ]


def filter_rows(rows: list, *, status: str = "", unresolved: bool = False, q: str = "") -> list:
    """The list's filters: overall status (after resolutions), an open review, and a search
    on the startup's name or the receipt number."""
    if status in OVERALL_FILTERS:
        rows = [row for row in rows if row.status.code == status]
    if unresolved:
        rows = [row for row in rows if row.unresolved]
    needle = q.strip().casefold()
    if needle:
        rows = [row for row in rows if needle in _haystack(row.application)]
    return rows


def _haystack(application: Application) -> str:
    startup = application.startup
    return " ".join([startup.name, startup.name_en or "", application.receipt_number]).casefold()


def form_questions(program: Program) -> list[Question]:
    """The questions of the program's form, in form order (sections, then questions)."""
    return list(
        Question.objects.filter(section__form__program=program)
        .select_related("section")
        .order_by("section__position", "section__id", "position", "id")
    )


# Submitted answers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SubmittedAnswer:
    """One question and its answer as the submitted snapshot froze them."""

    question_id: int
    number: int  # 1-based, in form order: the column in exports, the prefix in the ZIP
    label: str
    text: str  # as shown; a file as its name and SHA-256
    file: dict | None = None  # version_id, original_name, sha256, …


def _localized(entry: dict, name: str) -> str:
    english = get_language() == "en" and entry.get(f"{name}_en")
    return entry.get(f"{name}_en") if english else entry.get(name, "")


def file_text(file: dict) -> str:
    return f"{file['original_name']} (SHA-256 {file['sha256']})"


def _answer(entry: dict, number: int) -> SubmittedAnswer:
    file = entry.get("file")
    text = file_text(file) if file else entry.get("display") or ""
    return SubmittedAnswer(entry["question_id"], number, _localized(entry, "label"), text, file)


def snapshot_sections(application: Application) -> list[tuple[str, list[SubmittedAnswer]]]:
    """(section title, answers) as submitted, numbered in form order (no query)."""
    sections, number = [], 0
    for section in application.submitted_snapshot.get("sections", []):
        answers = []
        for entry in section.get("answers", []):
            number += 1
            answers.append(_answer(entry, number))
        sections.append((_localized(section, "title"), answers))
    return sections


def submitted_answers(application: Application, questions: list[Question]) -> list:
    """One `SubmittedAnswer` per question of the form, in form order (text empty for a question
    the snapshot lacks, e.g. one added after the submission)."""
    entries = {
        entry["question_id"]: entry
        for section in application.submitted_snapshot.get("sections", [])
        for entry in section.get("answers", [])
    }
    return [
        _answer(entries[q.pk], number)
        if q.pk in entries
        else SubmittedAnswer(q.pk, number, q.display_label, "")
        for number, q in enumerate(questions, start=1)
    ]


def rule_headers(program: Program) -> list[tuple[EligibilityRule, str]]:
    """(rule, sentence) for each rule of the program, in order: the list's column headers."""
    now = timezone.now()
    return [
        (
            rule,
            str(
                sentence(
                    rule.kind,
                    rule.params,
                    rule_context(rule, deadline=program.closes_at, as_of=now),
                )
            ),
        )
        for rule in program.eligibility_rules.all()
    ]
