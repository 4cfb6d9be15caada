"""Tasks for the scheduler tests: each run is recorded in `CALLS`."""

import time

from django_tasks import task

CALLS: list[dict] = []


@task()
def record_call_task(**kwargs) -> None:
    time.sleep(kwargs.get("sleep", 0))  # holds the job's row lock that long (race tests)
    CALLS.append(kwargs)
