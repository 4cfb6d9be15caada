"""Periodic tasks: a small cron that enqueues django-tasks at the times `settings.SCHEDULE` says.

    SCHEDULE = {"alerts-digest": {"task": "oimarket.alerts.tasks.send_alert_digests_task",
                                  "cron": "0 8 * * *", "kwargs": {}}}

Cron strings are read in Korea time (`SCHEDULE_TIME_ZONE`). One `ScheduledJob` row per entry
keeps its last run, so a restart neither skips nor repeats a run:

- a job seen for the first time runs at its next cron time, not at once;
- a job is due when the first cron time after its last run has come; it is then enqueued
  once and its last run set to now, so runs missed while the scheduler was down collapse
  into a single catch-up run;
- the row is locked (`select_for_update`) while it is checked, enqueued and stamped, in one
  transaction: with the database task backend the enqueued task and the stamp commit together,
  and a second scheduler on PostgreSQL waits, then finds the job no longer due.

`manage.py scheduler` calls `tick()` once a minute; tests call `tick(now=...)` directly.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from croniter import croniter
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.module_loading import import_string

from .models import ScheduledJob

logger = logging.getLogger(__name__)

SCHEDULE_TIME_ZONE = ZoneInfo("Asia/Seoul")


@dataclass(frozen=True)
class Job:
    name: str
    task: str  # dotted path of a django-tasks Task
    cron: str
    kwargs: dict = field(default_factory=dict)

    def next_run(self, after: datetime) -> datetime:
        """The first cron time strictly after `after`, cron read in Korea time."""
        start = after.astimezone(SCHEDULE_TIME_ZONE)
        return croniter(self.cron, start).get_next(datetime)


def jobs() -> list[Job]:
    """The entries of `settings.SCHEDULE`, checked (a bad cron string or task path raises)."""
    out = []
    for name, spec in getattr(settings, "SCHEDULE", {}).items():
        job = Job(name=name, task=spec["task"], cron=spec["cron"], kwargs=spec.get("kwargs", {}))
        if not croniter.is_valid(job.cron):
            raise ImproperlyConfigured(f"SCHEDULE[{name!r}]: invalid cron {job.cron!r}")
        try:
            task = import_string(job.task)
        except ImportError as error:
            raise ImproperlyConfigured(f"SCHEDULE[{name!r}]: {error}") from error
        if not hasattr(task, "enqueue"):
            raise ImproperlyConfigured(f"SCHEDULE[{name!r}]: {job.task} is not a task")
        out.append(job)
    return out


def last_runs() -> dict[str, datetime]:
    return dict(ScheduledJob.objects.values_list("name", "last_run_at"))


def due_jobs(now: datetime) -> list[Job]:
    """Jobs whose next cron time after their last run has come (read only, no lock).
    A job never seen before is not due: `tick` registers it and it runs at its next time."""
    runs = last_runs()
    return [job for job in jobs() if job.name in runs and job.next_run(runs[job.name]) <= now]


def register(now: datetime) -> list[str]:
    """Give every new entry of the schedule its row, as if it had just run. Returns their names."""
    known = set(last_runs())
    new = [ScheduledJob(name=job.name, last_run_at=now) for job in jobs() if job.name not in known]
    ScheduledJob.objects.bulk_create(new, ignore_conflicts=True)
    return [row.name for row in new]


def tick(*, now: datetime) -> list[str]:
    """Enqueue every due job once. Returns the names of the jobs enqueued."""
    register(now)
    ran = []
    for job in due_jobs(now):
        try:
            if _run_if_due(job, now):
                ran.append(job.name)
        except Exception:  # one broken job must not stop the others
            logger.exception("scheduler: job %s failed to enqueue", job.name)
    return ran


@transaction.atomic
def _run_if_due(job: Job, now: datetime) -> bool:
    """Lock the job's row, check again that it is due, enqueue its task and stamp the run."""
    row = ScheduledJob.objects.select_for_update().filter(name=job.name).first()
    if row is None or job.next_run(row.last_run_at) > now:
        return False  # another scheduler ran it meanwhile
    import_string(job.task).enqueue(**job.kwargs)
    row.last_run_at = now
    row.save(update_fields=["last_run_at"])
    logger.info("scheduler: enqueued %s (%s)", job.name, job.task)
    return True
