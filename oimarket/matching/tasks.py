"""Index upkeep in the task worker: services enqueue these on commit, with the record's id."""

from django_tasks import task


@task()
def index_document_task(*, kind: str, pk: int) -> None:
    """Re-index a record (lexical at once), then queue embeddings for changed passages."""
    from .engine import index_document

    for doc in index_document(kind=kind, pk=pk):
        embed_document_task.enqueue(kind=doc.kind, pk=doc.pk)


@task()
def embed_document_task(*, kind: str, pk: int) -> None:
    from .engine import embed_document

    embed_document(kind=kind, pk=pk)


@task()
def remove_document_task(*, kind: str, pk: int) -> None:
    """For a deleted record (a hidden or unpublished one goes through index_document_task)."""
    from .engine import remove_document

    remove_document(kind=kind, pk=pk)


EMBED_STEP = 64  # documents per task run (about 5 to 20 s of embedding)


@task()
def embed_missing_task() -> None:
    """Give vectors to the documents that lack one, a step at a time, re-queued until done."""
    from .engine import embed_missing

    _embedded, remaining = embed_missing(limit=EMBED_STEP)
    if remaining:
        embed_missing_task.enqueue()
