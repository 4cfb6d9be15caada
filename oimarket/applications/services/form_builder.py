"""Writes to a program's application form: settings, sections and questions, in order.

A form may change while startups draft (a deleted question's draft answers go with it), but
never in ways that break submitted applications: a question answered in a submitted (or
withdrawn) application cannot be deleted, and a question that has answers keeps its kind.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from oimarket.accounts.models import User
from oimarket.core.audit import audit
from oimarket.core.errors import DomainError
from oimarket.documents.enums import DocumentKind
from oimarket.programs.models import Program

from ..enums import ApplicationStatus, Prefill, QuestionKind
from ..models import Answer, ApplicationForm, FormSection, Question

TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
CHOICE_KINDS = (QuestionKind.CHOICE, QuestionKind.MULTI_CHOICE)
PREFILL_KINDS = (*TEXT_KINDS, QuestionKind.NUMBER)
MAX_PAGES_LIMIT = 500
KEPT_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN)


def _check_editor(program: Program, by: User) -> None:
    if not by.has_perm("programs.change_program", program):
        raise DomainError(_("Only the program's editors can change its application form."))


def _audit(by: User, form: ApplicationForm, action: str, **data) -> None:
    audit(actor=by, target=form, action=f"application_form.{action}", data=data)


def _form(program: Program) -> ApplicationForm:
    form, _created = ApplicationForm.objects.get_or_create(program=program)
    return form


@transaction.atomic
def form_settings_update(
    *, program: Program, by: User, intro: str = "", business_plan_max_pages: int | None = None
) -> ApplicationForm:
    _check_editor(program, by)
    if business_plan_max_pages is not None and not 1 <= business_plan_max_pages <= MAX_PAGES_LIMIT:
        message = _("The page cap must be between 1 and %(n)s.") % {"n": MAX_PAGES_LIMIT}
        raise DomainError(message, field="business_plan_max_pages")
    form = _form(program)
    form.intro = (intro or "").strip()
    form.business_plan_max_pages = business_plan_max_pages
    form.save(update_fields=["intro", "business_plan_max_pages", "updated_at"])
    _audit(by, form, "settings", business_plan_max_pages=business_plan_max_pages)
    return form


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise DomainError(_("Give the section a title."), field="title")
    return title


@transaction.atomic
def form_section_add(*, program: Program, by: User, title: str, title_en: str = "") -> FormSection:
    _check_editor(program, by)
    form = _form(program)
    last = form.sections.aggregate(n=Max("position"))["n"]
    section = FormSection.objects.create(
        form=form,
        title=_clean_title(title),
        title_en=(title_en or "").strip(),
        position=0 if last is None else last + 1,
    )
    _audit(by, form, "section_add", section=section.pk)
    return section


@transaction.atomic
def form_section_update(
    *, section: FormSection, by: User, title: str, title_en: str = ""
) -> FormSection:
    _check_editor(section.form.program, by)
    section.title = _clean_title(title)
    section.title_en = (title_en or "").strip()
    section.save(update_fields=["title", "title_en"])
    _audit(by, section.form, "section_update", section=section.pk)
    return section


def _check_deletable(question: Question) -> None:
    if Answer.objects.filter(question=question, application__status__in=KEPT_STATUSES).exists():
        raise DomainError(
            _(
                "“%(question)s” is answered in submitted applications, so it cannot be "
                "deleted. Reword it or make it optional instead."
            )
            % {"question": question}
        )


@transaction.atomic
def form_section_delete(*, section: FormSection, by: User) -> None:
    _check_editor(section.form.program, by)
    questions = list(section.questions.all())
    for question in questions:
        _check_deletable(question)
    Answer.objects.filter(question__in=questions).delete()
    _audit(by, section.form, "section_delete", section=section.pk, title=section.title)
    section.delete()


def _move(items: list, item, direction: str) -> None:
    """Swap `item` with its neighbour (up or down), then number the list 0, 1, 2..."""
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items):
        each.position = position
    type(item).objects.bulk_update(items, ["position"])


@transaction.atomic
def form_section_move(*, section: FormSection, by: User, direction: str) -> None:
    _check_editor(section.form.program, by)
    _move(list(section.form.sections.order_by("position", "pk")), section, direction)


def _clean_question(form: ApplicationForm, fields: dict, question: Question | None) -> dict:
    kind = fields.get("kind")
    if kind not in QuestionKind.values:
        raise DomainError(_("Choose the kind of question."), field="kind")
    label = (fields.get("label") or "").strip()
    if not label:
        raise DomainError(_("Write the question."), field="label")
    choices = [c.strip() for c in fields.get("choices") or [] if c.strip()]
    if kind in CHOICE_KINDS and len(set(choices)) < 2:
        raise DomainError(_("Give at least two different choices."), field="choices")
    document_kind = fields.get("document_kind") or ""
    if document_kind and document_kind not in DocumentKind.values:
        raise DomainError(_("Choose a kind of document."), field="document_kind")
    is_plan = bool(fields.get("is_business_plan")) and kind == QuestionKind.FILE
    others = Question.objects.filter(section__form=form, is_business_plan=True)
    if is_plan and others.exclude(pk=question.pk if question else None).exists():
        raise DomainError(
            _("Another question is already the business plan."), field="is_business_plan"
        )
    prefill = fields.get("prefill") or ""
    if prefill not in Prefill.values or (prefill and kind not in PREFILL_KINDS):
        raise DomainError(
            _("Only text and number questions start from the profile."), field="prefill"
        )
    return {
        "kind": kind,
        "label": label,
        "label_en": (fields.get("label_en") or "").strip(),
        "help_text": (fields.get("help_text") or "").strip(),
        "required": bool(fields.get("required")),
        "max_chars": fields.get("max_chars") if kind in TEXT_KINDS else None,
        "choices": list(dict.fromkeys(choices)) if kind in CHOICE_KINDS else [],
        "document_kind": document_kind if kind == QuestionKind.FILE else "",
        "is_business_plan": is_plan,
        "prefill": prefill,
    }


@transaction.atomic
def form_question_add(*, section: FormSection, by: User, **fields) -> Question:
    _check_editor(section.form.program, by)
    data = _clean_question(section.form, fields, None)
    last = section.questions.aggregate(n=Max("position"))["n"]
    question = Question.objects.create(
        section=section, position=0 if last is None else last + 1, **data
    )
    _audit(by, section.form, "question_add", question=question.pk, kind=question.kind)
    return question


@transaction.atomic
def form_question_update(*, question: Question, by: User, **fields) -> Question:
    form = question.section.form
    _check_editor(form.program, by)
    data = _clean_question(form, fields, question)
    if data["kind"] != question.kind and question.answers.exists():
        raise DomainError(
            _("“%(question)s” already has answers: its kind cannot change. Add a new question.")
            % {"question": question},
            field="kind",
        )
    for name, value in data.items():
        setattr(question, name, value)
    question.save()
    _audit(by, form, "question_update", question=question.pk)
    return question


@transaction.atomic
def form_question_delete(*, question: Question, by: User) -> None:
    form = question.section.form
    _check_editor(form.program, by)
    _check_deletable(question)
    question.answers.all().delete()
    _audit(by, form, "question_delete", question=question.pk, label=question.label)
    question.delete()


@transaction.atomic
def form_question_move(*, question: Question, by: User, direction: str) -> None:
    _check_editor(question.section.form.program, by)
    _move(list(question.section.questions.order_by("position", "pk")), question, direction)
