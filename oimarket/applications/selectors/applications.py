"""Reads of applications to programs and of their forms. Lists start from what the user may see.

The checklist lives here too: what still keeps a draft from being submitted. The submit
service refuses on the same blocking points, so the page and the server never disagree.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from oimarket.accounts.enums import OrganizationKind
from oimarket.accounts.models import Membership, Organization, User
from oimarket.documents.selectors import current_document_versions
from oimarket.programs.models import Program

from ..charcount import char_count
from ..enums import ApplicationStatus, QuestionKind
from ..models import Answer, Application, ApplicationForm, FormSection, Question
from ..pdfpages import version_page_count

TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})
CHOICE_KINDS = frozenset({QuestionKind.CHOICE, QuestionKind.MULTI_CHOICE})
TABLE_KINDS = frozenset({QuestionKind.TEAM_TABLE, QuestionKind.BUDGET_TABLE})


def _member_org_ids(user: User, *, kinds=None):
    qs = Membership.objects.filter(user_id=user.pk)
    if kinds is not None:
        qs = qs.filter(organization__kind__in=kinds)
    return qs.values("organization_id")


def applications_visible_to(user: User) -> QuerySet[Application]:
    """The startup's members see its applications; members of the program's organization see
    submitted ones; operators see all. (Same as `applications.view_application`.)"""
    qs = Application.objects.select_related("program", "program__organization", "startup")
    if not user.is_authenticated:
        return qs.none()
    if user.is_operator:
        return qs
    orgs = _member_org_ids(user)
    return qs.filter(
        Q(startup_id__in=orgs)
        | Q(program__organization_id__in=orgs, status=ApplicationStatus.SUBMITTED)
    )


def applications_of_my_startups(user: User) -> QuerySet[Application]:
    """ "My applications": those of the startups the user belongs to, latest change first."""
    startups = _member_org_ids(user, kinds=[OrganizationKind.STARTUP])
    return (
        applications_visible_to(user).filter(startup_id__in=startups).order_by("-updated_at", "-pk")
    )


def startups_of(user: User) -> list[Organization]:
    """The startups the user acts for, owners' first (the first one is the default)."""
    if not user.is_authenticated:
        return []
    memberships = (
        Membership.objects.filter(user_id=user.pk, organization__kind=OrganizationKind.STARTUP)
        .select_related("organization")
        .order_by("created_at", "pk")
    )
    ordered = sorted(memberships, key=lambda m: 0 if m.role == "owner" else 1)
    return [m.organization for m in ordered]


def live_application_of(*, program: Program, startup: Organization) -> Application | None:
    """The startup's application to the program that is not withdrawn, if any."""
    return (
        Application.objects.filter(program=program, startup=startup)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .first()
    )


def application_form_of(program: Program) -> ApplicationForm | None:
    return ApplicationForm.objects.filter(program=program).first()


def form_sections(form: ApplicationForm | None) -> list[FormSection]:
    """The form's sections in order, each with its questions prefetched in order."""
    if form is None:
        return []
    questions = Question.objects.order_by("position", "pk")
    return list(
        form.sections.order_by("position", "pk").prefetch_related(
            Prefetch("questions", queryset=questions)
        )
    )


def program_accepts_applications(program: Program) -> bool:
    """Only a program whose form has at least one question takes applications."""
    return Question.objects.filter(section__form__program=program).exists()


def answers_by_question(application: Application) -> dict[int, Answer]:
    answers = application.answers.select_related("document_version")
    return {answer.question_id: answer for answer in answers}


def is_blank(question: Question, answer: Answer | None) -> bool:
    if answer is None:
        return True
    if question.kind == QuestionKind.FILE:
        return answer.document_version_id is None
    value = answer.value
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == []


@dataclass(frozen=True)
class ChecklistItem:
    question_id: int
    code: str  # required, too_long, invalid_choice, too_many_pages, pages_unknown
    message: str
    blocking: bool = True


def _text_item(question: Question, answer: Answer) -> ChecklistItem | None:
    count = char_count(answer.value if isinstance(answer.value, str) else "")
    if question.max_chars and count > question.max_chars:
        message = _("“%(question)s” has %(count)s characters: %(over)s over the limit of %(max)s.")
        values = {"count": count, "over": count - question.max_chars, "max": question.max_chars}
        return ChecklistItem(question.pk, "too_long", message % {**values, "question": question})
    return None


def _choice_item(question: Question, answer: Answer) -> ChecklistItem | None:
    picked = answer.value if isinstance(answer.value, list) else [answer.value]
    if any(value not in question.choices for value in picked):
        message = _("“%(question)s”: the options have changed, choose again.")
        return ChecklistItem(question.pk, "invalid_choice", message % {"question": question})
    return None


def _pages_item(question: Question, answer: Answer, max_pages: int) -> ChecklistItem | None:
    pages = version_page_count(answer.document_version)
    if pages is None:
        message = _(
            "The business plan is not a PDF, so its pages could not be counted: "
            "keep it within %(max)s pages."
        )
        return ChecklistItem(question.pk, "pages_unknown", message % {"max": max_pages}, False)
    if pages > max_pages:
        message = _("The business plan has %(pages)s pages: the limit is %(max)s.")
        return ChecklistItem(
            question.pk, "too_many_pages", message % {"pages": pages, "max": max_pages}
        )
    return None


def _item(question, answer, max_pages) -> ChecklistItem | None:
    if is_blank(question, answer):
        if not question.required:
            return None
        message = _("Answer “%(question)s”.") % {"question": question}
        return ChecklistItem(question.pk, "required", message)
    if question.kind in TEXT_KINDS:
        return _text_item(question, answer)
    if question.kind in CHOICE_KINDS:
        return _choice_item(question, answer)
    if question.kind == QuestionKind.FILE and question.is_business_plan and max_pages:
        return _pages_item(question, answer, max_pages)
    return None


def application_checklist(
    *, form: ApplicationForm, sections: list[FormSection], answers: dict[int, Answer]
) -> list[ChecklistItem]:
    """What is missing or wrong, in the form's order. Non-blocking items are notes."""
    items = []
    for section in sections:
        for question in section.questions.all():
            item = _item(question, answers.get(question.pk), form.business_plan_max_pages)
            if item is not None:
                items.append(item)
    return items


def locker_options(*, user: User, application: Application) -> list:
    """The current versions of the startup's locker documents, to attach to file questions."""
    return list(
        current_document_versions(user=user, organization=application.startup).select_related(
            "document"
        )
    )


def attached_to_submitted_for(user: User) -> QuerySet[Answer]:
    """Answers with a file, of submitted applications to programs of the user's organizations:
    the files the program's operators may download (documents' rules and selectors)."""
    return Answer.objects.filter(
        document_version__isnull=False,
        application__status=ApplicationStatus.SUBMITTED,
        application__program__organization_id__in=_member_org_ids(user),
    )
