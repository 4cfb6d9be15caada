"""Answer values: cleaned before they are stored, pre-filled from the profile, and shown.

Stored values (Answer.value, JSON) by question kind:

- short_text, long_text: a string, CRLF turned into LF and NFC-normalized (`charcount`);
- number: an int (or a float with decimals); choice: one of the choices (a string);
- multi_choice: a list of choices, in the form's order;
- team_table: a list of {"name", "role", "career"}; budget_table: {"item", "amount_krw"};
- file: no value; the answer's `document_version` is the attached locker version.

A text over its `max_chars` is stored all the same (autosave never loses words): the
checklist and the submit service refuse it.
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from oimarket.accounts.models import Organization
from oimarket.core.errors import DomainError

from ..charcount import char_count, normalize_text
from ..enums import Prefill, QuestionKind
from ..models import Answer, Question

TEXT_HARD_LIMIT = 30_000  # characters: far above any form's limit, below abuse
CELL_MAX_LENGTH = 300
ROWS_MAX = 50
NUMBER_MAX = Decimal(10) ** 15
TABLE_COLUMNS = {
    QuestionKind.TEAM_TABLE: ("name", "role", "career"),
    QuestionKind.BUDGET_TABLE: ("item", "amount_krw"),
}
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _text(raw) -> str:
    text = normalize_text(str(raw or ""))
    if char_count(text) > TEXT_HARD_LIMIT:
        raise DomainError(_("This text is far too long to be saved."))
    return text


def parse_number(raw, *, message: str) -> int | float | None:
    text = re.sub(r"[\s,]", "", str(raw if raw is not None else ""))
    if not text:
        return None
    try:
        number = Decimal(text) if _NUMBER.match(text) else None
    except InvalidOperation:
        number = None
    if number is None or abs(number) >= NUMBER_MAX:
        raise DomainError(message)
    return int(number) if number == number.to_integral_value() else float(number)


def _choice(question: Question, raw) -> str | None:
    value = str(raw or "")
    if not value:
        return None
    if value not in question.choices:
        raise DomainError(_("Choose one of the options."))
    return value


def _choices(question: Question, raw) -> list[str]:
    picked = {str(value) for value in (raw or [])}
    if picked - set(question.choices):
        raise DomainError(_("Choose among the options."))
    return [choice for choice in question.choices if choice in picked]


def _rows(question: Question, raw) -> list[dict]:
    columns = TABLE_COLUMNS[question.kind]
    rows = []
    for row in raw or []:
        cells = {column: " ".join(str(row.get(column) or "").split()) for column in columns}
        if not any(cells.values()):
            continue
        if any(len(value) > CELL_MAX_LENGTH for value in cells.values()):
            raise DomainError(_("A cell of the table is too long."))
        if "amount_krw" in cells:
            message = _("Row %(n)s: enter the amount in won, digits only.") % {"n": len(rows) + 1}
            amount = parse_number(cells["amount_krw"], message=message)
            if amount is not None and (amount < 0 or not isinstance(amount, int)):
                raise DomainError(message)
            cells["amount_krw"] = amount
        rows.append(cells)
    if len(rows) > ROWS_MAX:
        raise DomainError(_("A table may have at most %(n)s rows.") % {"n": ROWS_MAX})
    return rows


def clean_answer_value(question: Question, raw):
    """The value to store for a question (file questions have none), or DomainError."""
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return _text(raw)
    if kind == QuestionKind.NUMBER:
        return parse_number(raw, message=_("Enter a number, e.g. 1200000."))
    if kind == QuestionKind.CHOICE:
        return _choice(question, raw)
    if kind == QuestionKind.MULTI_CHOICE:
        return _choices(question, raw)
    if kind in TABLE_COLUMNS:
        return _rows(question, raw)
    return None


def _profile_value(startup: Organization, prefill: str):
    if prefill == Prefill.WEBSITE:
        return startup.website or None
    profile = getattr(startup, "startup_profile", None)
    if profile is None:
        return None
    value = getattr(profile, prefill, None)
    if prefill == Prefill.FOUNDED_ON:
        return value.isoformat() if value else None
    return value if value not in ("", None) else None


def prefill_value(question: Question, startup: Organization):
    """The profile's value for a question that asks for it, in the question's kind."""
    if not question.prefill:
        return None
    value = _profile_value(startup, question.prefill)
    if value is None:
        return None
    if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return normalize_text(str(value))
    if question.kind == QuestionKind.NUMBER and isinstance(value, int):
        return value
    return None


def display_text(question: Question, value) -> str:
    """An answer as one line of text (exports, e-mails and the snapshot's "as shown")."""
    if value is None or value == [] or value == "":
        return ""
    if question.kind == QuestionKind.NUMBER:
        return number_format(value, force_grouping=True)
    if question.kind == QuestionKind.MULTI_CHOICE:
        return ", ".join(value)
    if question.kind == QuestionKind.TEAM_TABLE:
        return "; ".join(" / ".join(v for v in row.values() if v) for row in value)
    if question.kind == QuestionKind.BUDGET_TABLE:
        return "; ".join(
            f"{row['item']}: {number_format(row['amount_krw'] or 0, force_grouping=True)}"
            for row in value
        )
    return str(value)


def snapshot_answer(question: Question, answer: Answer | None) -> dict:
    """One question and its answer as submitted: labels, the value and how it is shown."""
    value = answer.value if answer else None
    entry = {
        "question_id": question.pk,
        "kind": question.kind,
        "label": question.label,
        "label_en": question.label_en,
        "value": value,
        "display": display_text(question, value),
        "file": None,
    }
    version = answer.document_version if answer else None
    if question.kind == QuestionKind.FILE and version is not None:
        entry["file"] = {
            "version_id": version.pk,
            "original_name": version.original_name,
            "sha256": version.sha256,
            "size": version.size,
            "content_type": version.content_type,
        }
        entry["display"] = version.original_name
    if question.kind == QuestionKind.BUDGET_TABLE and value:
        entry["total_krw"] = sum(row.get("amount_krw") or 0 for row in value)
    return entry
