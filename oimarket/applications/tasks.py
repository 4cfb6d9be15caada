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
