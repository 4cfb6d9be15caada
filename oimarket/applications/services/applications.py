"""Writes to applications: start a draft, save one answer, submit, withdraw, confirm by e-mail.

The server decides, in server time (KST shown): a refusal is a DomainError whose message is
shown as is, and nothing has changed. Autosaves are not audited (one per pause in typing);
starting, attaching a file, submitting and withdrawing are.
"""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from oimarket.accounts.models import Membership, Organization, User
from oimarket.core.audit import audit
from oimarket.core.errors import DomainError
from oimarket.core.templatetags.oimarket import kst
from oimarket.documents.models import DocumentVersion
from oimarket.documents.selectors import current_document_versions
from oimarket.programs.eligibility.check import eligibility_check
from oimarket.programs.enums import ProgramStatus
from oimarket.programs.models import Program

from ..enums import ApplicationStatus, QuestionKind
from ..models import Answer, Application, Question
from ..selectors.applications import (
    answers_by_question,
    application_checklist,
    application_form_of,
    form_sections,
    live_application_of,
    program_accepts_applications,
)
from ..tasks import application_receipt_task
from .answers import clean_answer_value, prefill_value
from .receipts import application_snapshot, receipt_number_next

RECEIPT_ATTEMPTS = 3


class AnswerConflict(DomainError):
    """The answer changed since the revision the client started from; `answer` is the newer."""

    def __init__(self, message, *, answer: Answer):
        super().__init__(message)
        self.answer = answer


def application_closed_reason(program: Program, now: datetime | None = None) -> str | None:
    """Why the program takes no application now (server time), or None when it does."""
    now = now or timezone.now()
    if program.status != ProgramStatus.PUBLISHED:
        return _("This program is not taking applications.")
    if now < program.opens_at:
        return _("Applications open at %(date)s (Korea time).") % {"date": kst(program.opens_at)}
    if now >= program.closes_at:
        return _("Applications closed at %(date)s (Korea time).") % {"date": kst(program.closes_at)}
    return None


def eligibility_refusal(program: Program, startup: Organization, now: datetime) -> str | None:
    """The rules the startup fails, named by their sentences (needs-review ones do not stop)."""
    failed = eligibility_check(program=program, startup=startup, as_of=now).failed
    if not failed:
        return None
    rules = "; ".join(f"{o.condition} ({o.detail})" for o in failed)
    return _("%(startup)s does not meet this call's conditions: %(rules)s.") % {
        "startup": startup.display_name,
        "rules": rules,
    }


def _check_member(startup_id: int, by: User) -> None:
    if not Membership.objects.filter(user_id=by.pk, organization_id=startup_id).exists():
        raise DomainError(_("Only members of the startup can change its application."))


def _check_open_and_eligible(program: Program, startup: Organization, now: datetime) -> None:
    refusal = application_closed_reason(program, now) or eligibility_refusal(program, startup, now)
    if refusal:
        raise DomainError(refusal)
    if not program_accepts_applications(program):
        raise DomainError(_("This program does not take applications on oimarket."))


def _initial_answers(application: Application) -> list[Answer]:
    """Answers of the last withdrawn application to the program, else the profile's values."""
    questions = Question.objects.filter(section__form__program_id=application.program_id)
    previous = (
        Application.objects.filter(
            program_id=application.program_id,
            startup_id=application.startup_id,
            status=ApplicationStatus.WITHDRAWN,
        )
        .order_by("-withdrawn_at", "-pk")
        .first()
    )
    if previous is not None:
        old = previous.answers.filter(question__in=questions)
        return [
            Answer(
                application=application,
                question_id=a.question_id,
                value=a.value,
                document_version_id=a.document_version_id,
            )
            for a in old
        ]
    answers = []
    for question in questions:
        value = prefill_value(question, application.startup)
        if value is not None:
            answers.append(Answer(application=application, question=question, value=value))
    return answers


@transaction.atomic
def application_start(
    *, program: Program, startup: Organization, by: User, now: datetime | None = None
) -> Application:
    """The startup's draft for the program: the live one if any, else a new one, pre-filled."""
    now = now or timezone.now()
    if not startup.is_startup:
        raise DomainError(_("Only startups can apply to programs."))
    _check_member(startup.pk, by)
    existing = live_application_of(program=program, startup=startup)
    if existing is not None:
        return existing
    _check_open_and_eligible(program, startup, now)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                program=program, startup=startup, created_by=by
            )
    except IntegrityError:  # a second tab started it at the same moment
        return live_application_of(program=program, startup=startup)
    Answer.objects.bulk_create(_initial_answers(application))
    audit(actor=by, target=application, action="application.start", data={"program": program.pk})
    return application


def _check_draft_editable(application: Application, now: datetime) -> None:
    if application.status == ApplicationStatus.SUBMITTED:
        raise DomainError(_("This application was submitted: it can no longer change."))
    if application.status == ApplicationStatus.WITHDRAWN:
        raise DomainError(_("This application was withdrawn: start a new one."))
    _check_open_and_eligible(application.program, application.startup, now)


def _attachable(question: Question, application: Application, by: User, version_id, current):
    if version_id in (None, ""):
        return None
    if current is not None and str(current) == str(version_id):
        return DocumentVersion.objects.get(pk=current)
    versions = current_document_versions(
        user=by, organization=application.startup, kind=question.document_kind or None
    )
    version = versions.filter(pk=version_id).first() if str(version_id).isdigit() else None
    if version is None:
        raise DomainError(_("Choose a current document of your startup's locker."))
    return version


@transaction.atomic
def application_answer_save(
    *,
    application: Application,
    question: Question,
    by: User,
    value=None,
    document_version_id: int | str | None = None,
    revision: int | None = None,
    now: datetime | None = None,
) -> Answer:
    """Save one answer. `revision` is the one the client started from: when the stored answer
    is at another one (a second tab saved in between), AnswerConflict carries the newer."""
    now = now or timezone.now()
    _check_member(application.startup_id, by)
    _check_draft_editable(application, now)
    if question.section.form.program_id != application.program_id:
        raise DomainError(_("This question belongs to another program's form."))
    answer = Answer.objects.filter(application=application, question=question).first()
    version = None
    if question.kind == QuestionKind.FILE:
        current = answer.document_version_id if answer else None
        version = _attachable(question, application, by, document_version_id, current)
        value = None
    else:
        value = clean_answer_value(question, value)
    version_id = version.pk if version else None
    if answer is not None and (answer.value, answer.document_version_id) == (value, version_id):
        return answer  # nothing to change, nothing overwritten: the client learns the revision
    if revision is not None and revision != (answer.revision if answer else 0):
        raise AnswerConflict(_("This answer was changed in another window."), answer=answer)
    if answer is None:
        try:
            with transaction.atomic():
                answer = Answer.objects.create(application=application, question=question)
        except IntegrityError:  # another window saved the first answer at the same moment
            answer = Answer.objects.get(application=application, question=question)
            message = _("This answer was changed in another window.")
            raise AnswerConflict(message, answer=answer) from None
    changes = {"value": value, "document_version": version, "updated_by": by, "updated_at": now}
    saved = Answer.objects.filter(pk=answer.pk, revision=answer.revision).update(
        revision=F("revision") + 1, **changes
    )
    answer.refresh_from_db()
    if not saved:
        raise AnswerConflict(_("This answer was changed in another window."), answer=answer)
    Application.objects.filter(pk=application.pk).update(updated_at=now)
    if version is not None:
        data = {"question": question.pk, "version": version.pk, "sha256": version.sha256}
        audit(actor=by, target=application, action="application.attach", data=data)
    return answer


def _check_complete(application: Application) -> tuple:
    form = application_form_of(application.program)
    sections = form_sections(form)
    answers = answers_by_question(application)
    blocking = [
        item.message
        for item in application_checklist(form=form, sections=sections, answers=answers)
        if item.blocking
    ]
    if blocking:
        raise DomainError(
            _("The application is not complete: %(items)s") % {"items": " ".join(blocking)}
        )
    return sections, answers


def _save_with_receipt(application: Application, program: Program) -> None:
    for attempt in range(RECEIPT_ATTEMPTS):
        application.receipt_number = receipt_number_next(program)
        application.submitted_snapshot["receipt_number"] = application.receipt_number
        try:
            with transaction.atomic():
                application.save()
            return
        except IntegrityError:
            if attempt == RECEIPT_ATTEMPTS - 1:
                raise


@transaction.atomic
def application_submit(
    *, application: Application, by: User, now: datetime | None = None
) -> Application:
    """Submit the draft before the deadline: receipt number, frozen snapshot, e-mail."""
    now = now or timezone.now()
    # The program row is the lock that numbers receipts one after another (PostgreSQL;
    # SQLite's immediate transactions already write one at a time).
    _check_member(application.startup_id, by)
    program = Program.objects.select_for_update().get(pk=application.program_id)
    locked = Application.objects.select_for_update().filter(pk=application.pk)
    application.status = locked.values_list("status", flat=True).get()
    if application.status == ApplicationStatus.SUBMITTED:
        raise DomainError(_("This application was already submitted."))
    _check_draft_editable(application, now)
    sections, answers = _check_complete(application)
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.submitted_snapshot = application_snapshot(
        application=application, by=by, now=now, sections=sections, answers=answers
    )
    _save_with_receipt(application, program)
    audit(
        actor=by,
        target=application,
        action="application.submit",
        data={"receipt_number": application.receipt_number},
    )
    language = translation.get_language()
    transaction.on_commit(
        lambda: application_receipt_task.enqueue(
            application_id=application.pk, user_id=by.pk, language=language
        )
    )
    return application


@transaction.atomic
def application_withdraw(
    *, application: Application, by: User, now: datetime | None = None
) -> Application:
    """Take a submitted application back, before the deadline only. A new one may follow."""
    now = now or timezone.now()
    _check_member(application.startup_id, by)
    if application.status != ApplicationStatus.SUBMITTED:
        raise DomainError(_("Only a submitted application can be withdrawn."))
    if now >= application.program.closes_at:
        raise DomainError(
            _("Applications closed at %(date)s (Korea time): it can no longer be withdrawn.")
            % {"date": kst(application.program.closes_at)}
        )
    application.status = ApplicationStatus.WITHDRAWN
    application.withdrawn_at = now
    application.save(update_fields=["status", "withdrawn_at", "updated_at"])
    audit(actor=by, target=application, action="application.withdraw")
    return application
