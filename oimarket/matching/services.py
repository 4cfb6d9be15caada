"""What other apps call when a searchable record changes: the index follows on commit."""

from django.conf import settings
from django.db import transaction

from .tasks import index_document_task


def schedule_reindex(*, kind: str, pk: int) -> None:
    """Re-index one record in the task worker once the current transaction commits.

    `settings.SEARCH_AUTO_INDEX` (default True) turns this off where no index is wanted
    (most tests); `search_rebuild` catches up on anything written while it was off.
    """
    if not getattr(settings, "SEARCH_AUTO_INDEX", True):
        return
    transaction.on_commit(lambda: index_document_task.enqueue(kind=kind, pk=pk))
