"""Receipt numbers, the frozen snapshot of a submission, and the confirmation e-mail."""

from datetime import datetime

from django.core.mail import EmailMessage
from django.db.models.functions import Length
from django.template.loader import render_to_string

from oimarket.accounts.models import User
from oimarket.accounts.services import site_url
from oimarket.programs.models import Program

from ..models import Application
from .answers import snapshot_answer


def receipt_number_next(program: Program) -> str:
    """`P{program:04d}-{sequence:05d}`, the sequence counting the program's submissions."""
    prefix = f"P{program.pk:04d}-"
    last = (
        Application.objects.filter(program=program, receipt_number__startswith=prefix)
        .order_by(Length("receipt_number").desc(), "-receipt_number")
        .values_list("receipt_number", flat=True)
        .first()
    )
    sequence = int(last[len(prefix) :]) if last else 0
    return f"{prefix}{sequence + 1:05d}"


def application_snapshot(
    *, application: Application, by: User, now: datetime, sections, answers: dict
) -> dict:
    """The submitted version, frozen: every question's label and answer as shown, files by
    original name, version id and SHA-256."""
    return {
        "receipt_number": application.receipt_number,
        "submitted_at": now.isoformat(),
        "submitted_by": {"id": by.pk, "name": by.get_full_name(), "email": by.email},
        "program": {"id": application.program_id, "title": application.program.title},
        "startup": {"id": application.startup_id, "name": application.startup.name},
        "sections": [
            {
                "title": section.title,
                "title_en": section.title_en,
                "answers": [
                    snapshot_answer(question, answers.get(question.pk))
                    for question in section.questions.all()
                ],
            }
            for section in sections
        ],
    }


def application_send_receipt(*, application: Application, user: User) -> int:
    """E-mail the receipt number to the member who submitted (called from the task)."""
    context = {
        "application": application,
        "url": f"{site_url()}{application.get_absolute_url()}",
    }
    subject = render_to_string("applications/email/application_receipt_subject.txt", context)
    body = render_to_string("applications/email/application_receipt_message.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, None, [user.email])
    return message.send()
