from django_tasks import task

from .models import Proposal


@task()
def proposal_notify_task(*, proposal_id: int, event: str) -> None:
    from .services import proposal_notify

    proposal = (
        Proposal.objects.select_related(
            "challenge", "challenge__organization", "startup", "decided_by"
        )
        .filter(pk=proposal_id)
        .first()
    )
    if proposal:
        proposal_notify(proposal=proposal, event=event)


@task()
def application_receipt_task(*, application_id: int, user_id: int, language: str = "ko") -> None:
    """The confirmation e-mail with the receipt number, to the member who submitted."""
    from django.utils import translation

    from oimarket.accounts.models import User

    from .models import Application
    from .services.receipts import application_send_receipt

    application = (
        Application.objects.select_related("program", "startup").filter(pk=application_id).first()
    )
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if application and user and application.receipt_number:
        with translation.override(language):
            application_send_receipt(application=application, user=user)
