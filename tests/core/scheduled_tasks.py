"""Tasks for the scheduler tests: each run is recorded in `CALLS`."""

from django_tasks import task

CALLS: list[dict] = []


@task()
def record_call_task(**kwargs) -> None:
    CALLS.append(kwargs)
