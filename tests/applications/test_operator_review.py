"""review_resolve and review_unresolve: settling "needs review" rules, all or nothing, audited."""

import pytest

from oimarket.applications.models import ReviewResolution
from oimarket.applications.selectors.operator import applicant_rows
from oimarket.applications.services.review import review_resolve, review_unresolve
from oimarket.core.errors import DomainError
from oimarket.core.models import AuditEntry
from oimarket.programs.eligibility.models import EligibilityRule, RuleKind
from tests.factories import ProgramFactory

from .test_operator_screening import build_screening, statuses

pytestmark = pytest.mark.django_db


@pytest.fixture
def screening():
    return build_screening()


# review_resolve / review_unresolve ------------------------------------------------------------


def test_review_resolve_settles_the_rule_for_each_application_with_an_audit_entry(screening):
    resolutions = review_resolve(
        applications=[screening.beta, screening.gamma],
        rule=screening.manual,
        by=screening.editor,
        passed=True,
        note="  채용 계획서 확인  ",
    )

    assert [
        (r.application, r.rule, r.rule_kind, r.passed, r.note, r.resolved_by) for r in resolutions
    ] == [
        (screening.beta, screening.manual, "manual", True, "채용 계획서 확인", screening.editor),
        (screening.gamma, screening.manual, "manual", True, "채용 계획서 확인", screening.editor),
    ]
    entries = AuditEntry.objects.filter(action="application.review_resolve").order_by("pk")
    assert [(e.target_id, e.actor, e.data) for e in entries] == [
        (
            str(application.pk),
            screening.editor,
            {
                "rule_id": screening.manual.pk,
                "rule_kind": "manual",
                "passed": True,
                "note": "채용 계획서 확인",
                "replaced": False,
            },
        )
        for application in (screening.beta, screening.gamma)
    ]


def test_review_resolve_replaces_an_earlier_resolution(screening):
    kwargs = {"applications": [screening.beta], "rule": screening.team, "by": screening.editor}
    review_resolve(**kwargs, passed=True, note="4대보험 명부 3명")

    review_resolve(**kwargs, passed=False, note="명부 재확인: 2명")

    assert list(ReviewResolution.objects.values_list("passed", "note")) == [
        (False, "명부 재확인: 2명")
    ]
    last = AuditEntry.objects.filter(action="application.review_resolve").latest("pk")
    assert last.data["replaced"] is True


def test_review_resolve_refuses_all_when_one_applicant_has_no_review_on_the_rule(screening):
    with pytest.raises(DomainError) as refused:
        review_resolve(
            applications=[screening.beta, screening.alpha],
            rule=screening.team,
            by=screening.editor,
            passed=True,
            note="확인",
        )

    assert refused.value.message == (
        "Nothing was changed: this rule does not need review for "
        f"{screening.alpha.receipt_number}. Unselect them and try again."
    )
    assert ReviewResolution.objects.count() == 0
    assert AuditEntry.objects.filter(action="application.review_resolve").count() == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"note": "   "}, "Write a note: what you checked."),
        ({"applications": []}, "Select at least one applicant."),
        ({"draft": True}, "Only submitted applications can be reviewed."),
        ({"other_rule": True}, "This rule is not one of the program's rules."),
    ],
)
def test_review_resolve_refusals(screening, change, message):
    kwargs = {
        "applications": [screening.beta],
        "rule": screening.manual,
        "by": screening.editor,
        "passed": True,
        "note": "확인",
    }
    if change.pop("draft", False):
        kwargs["applications"] = [screening.beta, screening.draft]
    if change.pop("other_rule", False):
        kwargs["rule"] = EligibilityRule.objects.create(
            program=ProgramFactory(), kind=RuleKind.MANUAL, params={"text": "x"}
        )
    kwargs.update(change)

    with pytest.raises(DomainError) as refused:
        review_resolve(**kwargs)

    assert refused.value.message == message
    assert ReviewResolution.objects.count() == 0


def test_review_unresolve_removes_the_resolution_with_an_audit_entry(screening):
    [resolution] = review_resolve(
        applications=[screening.gamma],
        rule=screening.manual,
        by=screening.editor,
        passed=False,
        note="계획 없음",
    )

    review_unresolve(resolution=resolution, by=screening.editor)

    assert ReviewResolution.objects.count() == 0
    entry = AuditEntry.objects.get(action="application.review_unresolve")
    assert (entry.target_id, entry.data) == (
        str(screening.gamma.pk),
        {
            "rule_id": screening.manual.pk,
            "rule_kind": "manual",
            "passed": False,
            "note": "계획 없음",
        },
    )
    assert statuses(applicant_rows(screening.program))[screening.gamma.receipt_number] == [
        "review",
        "fail",
        "review",
    ]
