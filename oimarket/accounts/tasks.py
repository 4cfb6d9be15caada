from django_tasks import task

from .models import Invitation


@task()
def invitation_send_task(*, invitation_id: int) -> None:
    from .services import invitation_send

    invitation = (
        Invitation.objects.select_related("organization", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation and invitation.is_pending():
        invitation_send(invitation=invitation)
