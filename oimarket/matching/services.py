"""What other apps call when a searchable record changes: the index follows on commit."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from oimarket.core.audit import audit
from oimarket.core.errors import DomainError

from .enums import MatchDecisionKind
from .models import MatchDecision
from .tasks import index_document_task


def schedule_reindex(*, kind: str, pk: int) -> None:
    """Re-index one record in the task worker once the current transaction commits.

    `settings.SEARCH_AUTO_INDEX` (default True) turns this off where no index is wanted
    (most tests); `search_rebuild` catches up on anything written while it was off.
    """
    if not getattr(settings, "SEARCH_AUTO_INDEX", True):
        return
    transaction.on_commit(lambda: index_document_task.enqueue(kind=kind, pk=pk))


def match_decide(*, challenge, startup, by, decision: str) -> MatchDecision:
    """Shortlist, hide or ask to contact a suggested startup (one decision per pair)."""
    if decision not in MatchDecisionKind.values:
        raise DomainError(_("Choose shortlist, hide or contact."), field="decision")
    if not startup.is_startup or not startup.is_public:
        raise DomainError(_("This startup is not listed."))
    row, _created = MatchDecision.objects.update_or_create(
        challenge=challenge, startup=startup, defaults={"decision": decision, "decided_by": by}
    )
    audit(actor=by, target=challenge, action=f"match.{decision}", data={"startup": startup.pk})
    return row


def match_undo(*, challenge, startup, by) -> bool:
    """Take back a decision (a hidden startup comes back to the list). True if one existed."""
    deleted, _rows = MatchDecision.objects.filter(challenge=challenge, startup=startup).delete()
    if deleted:
        audit(actor=by, target=challenge, action="match.undo", data={"startup": startup.pk})
    return bool(deleted)
