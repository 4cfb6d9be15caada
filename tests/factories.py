from datetime import timedelta

import factory
from django.utils import timezone

from oimarket.accounts.enums import MembershipRole, OrganizationKind
from oimarket.accounts.models import Membership, Organization, StartupProfile, User
from oimarket.programs.enums import (
    ChallengeStatus,
    ConversionPath,
    IPTerms,
    ProgramStatus,
    Track,
)
from oimarket.programs.models import Challenge, Program


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Sequence(lambda n: f"사용자 {n}")
    password = factory.PostGenerationMethodCall("set_password", "pw-Strong-2026!")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Mark the e-mail as verified, as allauth requires before login."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OperatorFactory(UserFactory):
    is_staff = True


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"기관 {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = OrganizationKind.DEMAND_COMPANY


class StartupFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"스타트업 {n}")
    slug = factory.Sequence(lambda n: f"startup-{n}")
    kind = OrganizationKind.STARTUP
    profile = factory.RelatedFactory(
        "tests.factories.StartupProfileFactory", factory_related_name="organization"
    )


class StartupProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StartupProfile

    organization = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.STARTUP)
    one_liner = "배터리 재활용 공정을 AI로 최적화합니다"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = MembershipRole.OWNER


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    organization = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.OPERATOR_AGENCY)
    title = factory.Sequence(lambda n: f"오픈이노베이션 프로그램 {n}")
    summary = "수요기업과 스타트업의 협업을 지원합니다."
    track = Track.ON_DEMAND
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    status = ProgramStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    organization = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.DEMAND_COMPANY)
    title = factory.Sequence(lambda n: f"현장 안전 점검 자동화 과제 {n}")
    problem = "야간 설비 점검에 인력이 많이 듭니다."
    poc_months = 6
    poc_budget_krw = 50_000_000
    ip_terms = IPTerms.STARTUP_OWNS
    conversion_path = ConversionPath.PURCHASE
    conversion_criteria = "탐지율 95% 이상이면 구매 계약"
    status = ChallengeStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.Invitation"

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.com")
    role = MembershipRole.MEMBER
    invited_by = None
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


# Documents (the locker) ----------------------------------------------------------------------

# A tiny PDF that passes the content check; DOCUMENT_PDF_SHA256 is its SHA-256.
DOCUMENT_PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
DOCUMENT_PDF_SHA256 = "cfa3181c1ee36e8bce5e39f84959f4558ea7ba32c0e4539a8ab3c8ce8c716ec6"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "documents.Document"

    organization = factory.SubFactory(StartupFactory)
    kind = "business_registration"
    title = ""


class DocumentVersionFactory(factory.django.DjangoModelFactory):
    """Version 1 of a new document, a real stored PDF. Pass `number=` for later versions."""

    class Meta:
        model = "documents.DocumentVersion"

    document = factory.SubFactory(DocumentFactory)
    number = 1
    file = factory.django.FileField(data=DOCUMENT_PDF_BYTES, filename="사업자등록증.pdf")
    original_name = "사업자등록증.pdf"
    content_type = "application/pdf"
    size = len(DOCUMENT_PDF_BYTES)
    sha256 = DOCUMENT_PDF_SHA256
    uploaded_by = None


class ProposalFactory(factory.django.DjangoModelFactory):
    """A submitted proposal; `submitted_by` is left empty unless a test needs a member."""

    class Meta:
        model = "applications.Proposal"

    challenge = factory.SubFactory(ChallengeFactory)
    startup = factory.SubFactory(StartupFactory)
    submitted_by = None
    teaser = "열화상 카메라 영상으로 설비 과열을 5분 안에 찾아 알려 줍니다."
    poc_plan = "1단계: 변전소 2곳에 카메라 설치, 2단계: 4주간 탐지율 측정"
    cost_krw = 30_000_000
    timeline_weeks = 12


# Application forms and applications ----------------------------------------------------------


class ApplicationFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.ApplicationForm"

    program = factory.SubFactory(ProgramFactory)


class FormSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.FormSection"

    form = factory.SubFactory(ApplicationFormFactory)
    title = factory.Sequence(lambda n: f"섹션 {n}")
    position = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A required short-text question; pass `kind=` (and `choices=`) for the others."""

    class Meta:
        model = "applications.Question"

    section = factory.SubFactory(FormSectionFactory)
    kind = "short_text"
    label = factory.Sequence(lambda n: f"질문 {n}")
    position = factory.Sequence(lambda n: n)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft; `submitted=True` gives a submitted one with a receipt number (the snapshot
    stays empty unless passed: the submit service builds the real one)."""

    class Meta:
        model = "applications.Application"

    program = factory.SubFactory(ProgramFactory)
    startup = factory.SubFactory(StartupFactory)
    created_by = None

    class Params:
        submitted = factory.Trait(
            status="submitted",
            submitted_at=factory.LazyFunction(timezone.now),
            receipt_number=factory.Sequence(lambda n: f"T0000-{n:05d}"),
        )


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Answer"

    application = factory.SubFactory(ApplicationFactory)
    question = factory.SubFactory(QuestionFactory)
    value = "스마트 팩토리용 불량 검출 AI"


# Applications to programs: rules, PDFs and a whole form (the startup's side) -----------------


class EligibilityRuleFactory(factory.django.DjangoModelFactory):
    """A program's rule; the default asks for a team of at least 2."""

    class Meta:
        model = "programs.EligibilityRule"

    program = factory.SubFactory(ProgramFactory)
    kind = "team_min"
    params = factory.LazyFunction(lambda: {"people": 2})


def pdf_bytes(pages: int) -> bytes:
    """A real PDF of `pages` blank A4 pages (pypdf)."""
    from io import BytesIO

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def standard_application_form(program, *, max_pages: int | None = 15) -> dict:
    """The form most application tests use: two sections, one question of each kind.

    Required: `intro` (short text, 50 characters, from the one-liner), `overview` (long text,
    300 characters), `field` (one choice), `plan` (the business plan file). Optional: `team_size`
    (number, from the profile), `team` and `budget` (tables), `markets` (several choices).
    """
    form = ApplicationFormFactory(program=program, business_plan_max_pages=max_pages)
    company = FormSectionFactory(form=form, title="기업 정보", title_en="Company", position=0)
    plan = FormSectionFactory(form=form, title="사업 계획", title_en="Business plan", position=1)

    def ask(section, key, kind, label, position, **fields):
        return key, QuestionFactory(
            section=section, kind=kind, label=label, position=position, **fields
        )

    return dict(
        [
            ask(
                company,
                "intro",
                "short_text",
                "회사 한 줄 소개",
                0,
                max_chars=50,
                prefill="one_liner",
                label_en="One-line pitch",
            ),
            ask(company, "team_size", "number", "팀 인원", 1, required=False, prefill="team_size"),
            ask(company, "overview", "long_text", "사업 개요", 2, max_chars=300),
            ask(plan, "field", "choice", "사업 분야", 0, choices=["AI", "바이오", "모빌리티"]),
            ask(plan, "plan", "file", "사업계획서", 1, is_business_plan=True),
            ask(plan, "team", "team_table", "팀 구성", 2, required=False),
            ask(plan, "budget", "budget_table", "예산", 3, required=False),
            ask(
                plan,
                "markets",
                "multi_choice",
                "목표 시장",
                4,
                required=False,
                choices=["국내", "일본", "미국"],
            ),
        ]
    )


def locker_pdf(organization, pages: int, name: str = "사업계획서.pdf"):
    """A current locker version of the organization: a real PDF of `pages` pages."""
    import hashlib

    data = pdf_bytes(pages)
    return DocumentVersionFactory(
        document__organization=organization,
        document__kind="other",
        file__data=data,
        file__filename=name,
        original_name=name,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


# Notifications, saved searches and alerts -------------------------------------------------------


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "notifications.Notification"

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"알림 {n}")
    body = ""
    url = ""


class SavedSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "alerts.SavedSearch"

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"저장한 검색 {n}")
    q = "배터리"
    frequency = "daily"


class AlertMatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "alerts.AlertMatch"

    saved_search = factory.SubFactory(SavedSearchFactory)
    kind = "program"
    record_id = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"배터리 공고 {n}")
    url = factory.LazyAttribute(lambda o: f"/programs/{o.record_id}/")
    found_at = factory.LazyFunction(timezone.now)
