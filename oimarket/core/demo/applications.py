"""An application form and applications for one open demo program, so operators see applicants."""

from datetime import timedelta

from oimarket.accounts.models import Membership, Organization
from oimarket.applications.models import Answer, Application, ApplicationForm, FormSection, Question
from oimarket.applications.services.receipts import application_snapshot
from oimarket.programs.eligibility.check import eligibility_check
from oimarket.programs.eligibility.outcome import Status
from oimarket.programs.enums import ProgramStatus, Track
from oimarket.programs.models import Program

from . import logins

CHOICES = ["모빌리티 서비스", "자율주행·ADAS", "전동화·배터리", "스마트팩토리"]


def _form(program: Program) -> list[Question]:
    form = ApplicationForm.objects.create(
        program=program,
        business_plan_max_pages=15,
        intro="공고문의 지원 자격을 확인한 뒤 작성해 주세요.",
    )
    company = FormSection.objects.create(
        form=form, title="기업 정보", title_en="Company", position=0
    )
    plan = FormSection.objects.create(
        form=form, title="협업 제안", title_en="Collaboration", position=1
    )
    return [
        Question.objects.create(
            section=company,
            kind="short_text",
            label="회사 한 줄 소개",
            label_en="One-line pitch",
            max_chars=80,
            prefill="one_liner",
            position=0,
        ),
        Question.objects.create(
            section=company,
            kind="number",
            label="팀 인원",
            label_en="Team size",
            prefill="team_size",
            required=False,
            position=1,
        ),
        Question.objects.create(
            section=plan,
            kind="choice",
            label="협업 분야",
            label_en="Area",
            choices=CHOICES,
            position=0,
        ),
        Question.objects.create(
            section=plan,
            kind="long_text",
            label="협업 제안 내용",
            label_en="What you propose",
            max_chars=1000,
            position=1,
        ),
        Question.objects.create(
            section=plan,
            kind="file",
            label="사업계획서",
            label_en="Business plan",
            document_kind="ir_deck",
            is_business_plan=True,
            required=False,
            position=2,
        ),
    ]


def create_applications(world, *, submitted: int = 8, drafts: int = 3) -> int:
    program = (
        Program.objects.filter(
            organization__slug=logins.DEMAND.org_slug,
            track=Track.BOTTOM_UP,
            status=ProgramStatus.PUBLISHED,
        )
        .order_by("pk")
        .first()
    )
    if program is None:
        return 0
    questions = _form(program)
    demo_startup = logins.STARTUP.org_slug
    candidates = Organization.objects.filter(kind="startup").exclude(slug=demo_startup)
    count = 0
    for startup in candidates.select_related("startup_profile").order_by("pk")[:200]:
        if count >= submitted + drafts:
            break
        report = eligibility_check(program=program, startup=startup, as_of=world.today)
        if report.status == Status.FAIL:
            continue
        _apply(world, program, startup, questions, submit=count < submitted, number=count + 1)
        count += 1
    world.log(f"  applications: {count} to “{program.title}”")
    return count


def _apply(world, program, startup, questions, *, submit: bool, number: int) -> None:
    profile = startup.startup_profile
    member = Membership.objects.filter(organization=startup).select_related("user").first()
    application = Application.objects.create(
        program=program, startup=startup, created_by=member.user
    )
    values = [
        profile.one_liner[:80],
        profile.team_size,
        world.rng.choice(CHOICES),
        (profile.description or profile.one_liner)[:1000],
        None,
    ]
    answers = {
        q.pk: Answer.objects.create(
            application=application, question=q, value=value, revision=1, updated_by=member.user
        )
        for q, value in zip(questions, values, strict=True)
    }
    if not submit:
        return
    now = world.today - timedelta(days=world.rng.randrange(1, 9), hours=world.rng.randrange(9))
    application.status = "submitted"
    application.receipt_number = f"P{program.pk:04d}-{number:05d}"
    application.submitted_at = now
    sections = program.application_form.sections.prefetch_related("questions")
    application.submitted_snapshot = application_snapshot(
        application=application, by=member.user, now=now, sections=sections, answers=answers
    )
    application.save()
