"""The operator's screening of a program's applicants: per-rule statuses, filters, resolutions.

`build_screening()` (the `screening` fixture here and in the view and export tests) makes one
program with three rules and three submitted applications plus a draft:

    rule           founded < 7 years   team >= 3   manual (operator checks)
    alpha          pass                pass        review      -> review
    beta           fail (2010)         review      review      -> fail
    gamma          review              fail        review      -> fail
"""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import factory
import pytest
from django.urls import reverse
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.applications.enums import ApplicationStatus, QuestionKind
from oimarket.applications.models import Application
from oimarket.applications.selectors.operator import applicant_rows, filter_rows
from oimarket.applications.services.answers import snapshot_answer
from oimarket.applications.services.review import review_resolve
from oimarket.programs.eligibility.models import EligibilityRule, RuleKind
from tests.factories import (
    AnswerFactory,
    ApplicationFactory,
    ApplicationFormFactory,
    DocumentVersionFactory,
    FormSectionFactory,
    OrganizationFactory,
    ProgramFactory,
    QuestionFactory,
    StartupFactory,
)

from .conftest import member_of

pytestmark = pytest.mark.django_db

MANUAL_TEXT = "지역 인재 채용 계획 보유"
ALPHA_PLAN = b"%PDF-1.4\n% alpha business plan\n%%EOF\n"
BETA_PLAN = b"%PDF-1.4\n% beta business plan, a little longer\n%%EOF\n"


@dataclass
class Screening:
    program: object
    editor: object
    rules: list
    questions: list
    alpha: Application
    beta: Application
    gamma: Application
    draft: Application

    @property
    def founded(self):
        return self.rules[0]

    @property
    def team(self):
        return self.rules[1]

    @property
    def manual(self):
        return self.rules[2]


def startup_with(name, *, founded_on=None, team_size=None, business_number=""):
    startup = StartupFactory(name=name)
    profile = startup.startup_profile
    profile.founded_on = founded_on
    profile.team_size = team_size
    profile.business_number = business_number
    profile.save()
    return startup


def plan(data: bytes, name: str):
    return DocumentVersionFactory(
        file=factory.django.FileField(data=data, filename="plan.pdf"),
        original_name=name,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def submit(application: Application, *, at: datetime, number: int) -> Application:
    """What the submit service freezes (its `snapshot_answer` per question), without its checks:
    some of these startups fail a rule, as when a profile changes after submission."""
    answers = {a.question_id: a for a in application.answers.select_related("document_version")}
    sections = application.program.application_form.sections.prefetch_related("questions")
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = at
    application.receipt_number = f"P{application.program_id:04d}-{number:05d}"
    application.submitted_snapshot = {
        "receipt_number": application.receipt_number,
        "submitted_at": at.isoformat(),
        "sections": [
            {
                "title": section.title,
                "title_en": section.title_en,
                "answers": [snapshot_answer(q, answers.get(q.pk)) for q in section.questions.all()],
            }
            for section in sections
        ],
    }
    application.save()
    return application


def build_form(program):
    form = ApplicationFormFactory(program=program)
    about = FormSectionFactory(form=form, title="기업 개요", position=1)
    files = FormSectionFactory(form=form, title="첨부 서류", position=2)
    return [
        QuestionFactory(section=about, label="서비스 한 줄 소개", position=1),
        QuestionFactory(section=about, kind=QuestionKind.TEAM_TABLE, label="팀 구성", position=2),
        QuestionFactory(
            section=about, kind=QuestionKind.NUMBER, label="희망 지원금(원)", position=3
        ),
        QuestionFactory(
            section=files,
            kind=QuestionKind.FILE,
            label="사업계획서",
            position=1,
            is_business_plan=True,
        ),
    ]


def build_rules(program):
    return [
        EligibilityRule.objects.create(
            program=program, kind=RuleKind.FOUNDED_WITHIN, params={"years": 7}, position=1
        ),
        EligibilityRule.objects.create(
            program=program, kind=RuleKind.TEAM_MIN, params={"people": 3}, position=2
        ),
        EligibilityRule.objects.create(
            program=program, kind=RuleKind.MANUAL, params={"text": MANUAL_TEXT}, position=3
        ),
    ]


def apply(program, startup, questions, *, text, team=None, amount=None, file=None):
    application = ApplicationFactory(program=program, startup=startup)
    AnswerFactory(application=application, question=questions[0], value=text)
    AnswerFactory(application=application, question=questions[1], value=team or [])
    AnswerFactory(application=application, question=questions[2], value=amount)
    AnswerFactory(application=application, question=questions[3], value=None, document_version=file)
    return application


def build_screening() -> Screening:
    agency = OrganizationFactory(kind=OrganizationKind.OPERATOR_AGENCY, name="창업진흥원")
    program = ProgramFactory(organization=agency, title="2026 오픈이노베이션 챌린지")
    editor = member_of(agency, MembershipRole.MANAGER)
    rules = build_rules(program)
    questions = build_form(program)
    today = timezone.localdate()
    now = timezone.localtime().replace(microsecond=0)
    alpha_org = startup_with(
        "알파랩스",
        founded_on=today - timedelta(days=730),
        team_size=5,
        business_number="1234567890",
    )
    beta_org = startup_with("베타로보틱스", founded_on=date(2010, 3, 1))
    gamma_org = startup_with("감마바이오", team_size=2, business_number="2208162517")
    team = [
        {"name": "김하나", "role": "대표", "career": "배터리 공정 10년"},
        {"name": "이두리", "role": "CTO", "career": "비전 AI 6년"},
    ]
    alpha = apply(
        program,
        alpha_org,
        questions,
        text="열화상 AI로 설비 과열을 찾습니다",
        team=team,
        amount=50_000_000,
        file=plan(ALPHA_PLAN, "사업계획서_알파.pdf"),
    )
    beta = apply(
        program,
        beta_org,
        questions,
        text="협동로봇 용접 자동화",
        file=plan(BETA_PLAN, "베타 사업계획서.pdf"),
    )
    gamma = apply(program, gamma_org, questions, text="마이크로바이옴 진단 키트")
    draft = apply(program, StartupFactory(name="델타 초안"), questions, text="아직 작성 중")
    submit(alpha, at=now - timedelta(days=2, hours=3), number=1)
    submit(beta, at=now - timedelta(days=1), number=2)
    submit(gamma, at=now - timedelta(hours=5), number=3)
    return Screening(program, editor, rules, questions, alpha, beta, gamma, draft)


@pytest.fixture
def screening() -> Screening:
    return build_screening()


def statuses(rows) -> dict[str, list[str]]:
    """Receipt number -> each rule's status code, "-resolved" when an operator settled it."""
    return {
        row.application.receipt_number: [
            cell.status.code + ("-resolved" if cell.resolved else "") for cell in row.cells
        ]
        for row in rows
    }


def receipts(rows) -> list[str]:
    return [row.application.receipt_number for row in rows]


def list_url(program):
    return reverse("applications:applicant-list", args=[program.pk])


def detail_url(application):
    return reverse("applications:applicant-detail", args=[application.program_id, application.pk])


# Statuses -------------------------------------------------------------------------------------


def test_applicant_rows_give_each_rules_status_from_the_vector_check(screening):
    rows = applicant_rows(screening.program)

    prefix = f"P{screening.program.pk:04d}-"
    assert statuses(rows) == {
        f"{prefix}00001": ["pass", "pass", "review"],
        f"{prefix}00002": ["fail", "review", "review"],
        f"{prefix}00003": ["review", "fail", "review"],
    }
    assert [row.status.code for row in rows] == ["review", "fail", "fail"]
    assert [row.unresolved for row in rows] == [True, True, True]


def test_applicant_rows_never_include_drafts_or_withdrawn_ones(screening):
    screening.gamma.status = ApplicationStatus.WITHDRAWN
    screening.gamma.save()

    rows = applicant_rows(screening.program)

    assert [row.application for row in rows] == [screening.alpha, screening.beta]


def test_applicant_rows_apply_resolutions_on_top(screening):
    review_resolve(
        applications=[screening.alpha, screening.beta],
        rule=screening.manual,
        by=screening.editor,
        passed=True,
        note="채용 계획서 확인",
    )
    review_resolve(
        applications=[screening.gamma],
        rule=screening.manual,
        by=screening.editor,
        passed=False,
        note="계획 없음",
    )

    rows = applicant_rows(screening.program)

    assert list(statuses(rows).values()) == [
        ["pass", "pass", "pass-resolved"],
        ["fail", "review", "pass-resolved"],
        ["review", "fail", "fail-resolved"],
    ]
    assert [row.status.code for row in rows] == ["pass", "fail", "fail"]
    assert [row.unresolved for row in rows] == [False, True, True]


# Filters --------------------------------------------------------------------------------------


def test_filter_rows_by_overall_status_open_review_and_search(screening):
    review_resolve(
        applications=[screening.alpha],
        rule=screening.manual,
        by=screening.editor,
        passed=True,
        note="확인",
    )
    rows = applicant_rows(screening.program)
    a, b, c = (x.receipt_number for x in (screening.alpha, screening.beta, screening.gamma))

    assert receipts(filter_rows(rows, status="pass")) == [a]
    assert receipts(filter_rows(rows, status="review")) == []
    assert receipts(filter_rows(rows, status="fail")) == [b, c]
    assert receipts(filter_rows(rows, unresolved=True)) == [b, c]
    assert receipts(filter_rows(rows, q="베타")) == [b]
    assert receipts(filter_rows(rows, q=c.lower())) == [c]
    assert receipts(filter_rows(rows, status="fail", q="감마")) == [c]
    assert receipts(filter_rows(rows, status="nonsense")) == [a, b, c]
