import threading
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from oimarket.core import scheduler
from oimarket.core.models import ScheduledJob

from . import scheduled_tasks

pytestmark = pytest.mark.django_db

KST = ZoneInfo("Asia/Seoul")
TASK = "tests.core.scheduled_tasks.record_call_task"


def kst(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=KST)


@pytest.fixture(autouse=True)
def schedule(settings):
    scheduled_tasks.CALLS.clear()
    settings.SCHEDULE = {
        "digest": {"task": TASK, "cron": "0 8 * * *", "kwargs": {"job": "digest"}},
        "collect": {"task": TASK, "cron": "*/10 * * * *", "kwargs": {"job": "collect"}},
    }
    return settings.SCHEDULE


def test_tick_registers_new_jobs_without_running_them():
    ran = scheduler.tick(now=kst(23, 7, 55))

    assert ran == []
    assert scheduled_tasks.CALLS == []
    assert dict(ScheduledJob.objects.values_list("name", "last_run_at")) == {
        "digest": kst(23, 7, 55),
        "collect": kst(23, 7, 55),
    }


def test_new_job_runs_at_its_next_cron_time():
    scheduler.tick(now=kst(23, 7, 55))

    ran = scheduler.tick(now=kst(23, 8, 0, 1))

    assert sorted(ran) == ["collect", "digest"]
    assert sorted(c["job"] for c in scheduled_tasks.CALLS) == ["collect", "digest"]


def test_due_jobs_says_due_and_not_due():
    ScheduledJob.objects.create(name="digest", last_run_at=kst(22, 8, 0, 2))
    ScheduledJob.objects.create(name="collect", last_run_at=kst(23, 7, 50, 2))

    assert [j.name for j in scheduler.due_jobs(kst(23, 7, 59, 59))] == []
    assert [j.name for j in scheduler.due_jobs(kst(23, 8, 0))] == ["digest", "collect"]


def test_cron_is_read_in_korea_time():
    """08:00 KST is 23:00 UTC the day before."""
    ScheduledJob.objects.create(name="digest", last_run_at=kst(22, 8, 0, 2))
    utc = ZoneInfo("UTC")

    before = scheduler.due_jobs(datetime(2026, 11, 22, 22, 59, tzinfo=utc))
    at = scheduler.due_jobs(datetime(2026, 11, 22, 23, 0, tzinfo=utc))

    assert [j.name for j in before] == []
    assert [j.name for j in at] == ["digest"]


def test_tick_twice_in_the_same_minute_runs_once():
    ScheduledJob.objects.create(name="digest", last_run_at=kst(22, 8, 0, 2))
    ScheduledJob.objects.create(name="collect", last_run_at=kst(23, 8, 0))

    first = scheduler.tick(now=kst(23, 8, 0, 1))
    second = scheduler.tick(now=kst(23, 8, 0, 30))

    assert first == ["digest"]
    assert second == []
    assert scheduled_tasks.CALLS == [{"job": "digest"}]
    assert ScheduledJob.objects.get(name="digest").last_run_at == kst(23, 8, 0, 1)


def test_restart_after_missed_runs_catches_up_once():
    """Down from Monday 07:00 to Wednesday 09:30: two 08:00 runs missed, one catch-up run."""
    ScheduledJob.objects.create(name="digest", last_run_at=kst(22, 8, 0, 2))
    ScheduledJob.objects.create(name="collect", last_run_at=kst(25, 9, 30))

    ran = scheduler.tick(now=kst(25, 9, 30, 5))
    again = scheduler.tick(now=kst(25, 9, 31))

    assert ran == ["digest"]
    assert again == []
    assert scheduled_tasks.CALLS == [{"job": "digest"}]
    assert [j.name for j in scheduler.due_jobs(kst(26, 8, 0))] == ["digest", "collect"]


def test_restart_within_the_same_minute_does_not_run_again():
    """A scheduler stopped right after a run and started again finds the stamp."""
    scheduler.tick(now=kst(23, 7, 0))
    scheduler.tick(now=kst(23, 8, 0, 1))
    scheduled_tasks.CALLS.clear()

    ran = scheduler.tick(now=kst(23, 8, 0, 40))

    assert ran == []
    assert scheduled_tasks.CALLS == []


def test_run_rechecks_under_the_lock(monkeypatch):
    """A second scheduler that saw the job due but locks it after the first one ran skips it."""
    ScheduledJob.objects.create(name="digest", last_run_at=kst(22, 8, 0, 2))
    ScheduledJob.objects.create(name="collect", last_run_at=kst(23, 8, 0))
    stale = scheduler.due_jobs(kst(23, 8, 0, 1))
    scheduler.tick(now=kst(23, 8, 0, 1))
    monkeypatch.setattr(scheduler, "due_jobs", lambda now: stale)

    ran = scheduler.tick(now=kst(23, 8, 0, 2))

    assert ran == []
    assert scheduled_tasks.CALLS == [{"job": "digest"}]


def test_a_failing_enqueue_is_not_stamped_and_others_still_run(settings, monkeypatch):
    settings.SCHEDULE["broken"] = {"task": TASK, "cron": "0 8 * * *"}
    for name in ("digest", "broken"):
        ScheduledJob.objects.create(name=name, last_run_at=kst(22, 8, 0, 2))
    ScheduledJob.objects.create(name="collect", last_run_at=kst(23, 8, 0))
    real = scheduler._run_if_due

    def run(job, now):
        if job.name == "broken":
            raise RuntimeError("queue down")
        return real(job, now)

    monkeypatch.setattr(scheduler, "_run_if_due", run)

    ran = scheduler.tick(now=kst(23, 8, 0, 1))

    assert ran == ["digest"]
    assert ScheduledJob.objects.get(name="broken").last_run_at == kst(22, 8, 0, 2)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"task": TASK, "cron": "every day"}, "invalid cron"),
        ({"task": "tests.core.scheduled_tasks.nothing", "cron": "0 8 * * *"}, "nothing"),
        ({"task": "tests.core.scheduled_tasks.CALLS", "cron": "0 8 * * *"}, "is not a task"),
    ],
)
def test_bad_schedule_entries_fail_loudly(settings, spec, message):
    settings.SCHEDULE = {"bad": spec}

    with pytest.raises(ImproperlyConfigured, match=message):
        scheduler.jobs()


def test_scheduler_command_once_and_list():
    ScheduledJob.objects.create(name="digest", last_run_at=kst(22, 8, 0, 2))
    out = StringIO()

    call_command("scheduler", once=True, stdout=out)
    call_command("scheduler", list=True, stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].endswith(" digest")
    assert [line.split()[0] for line in lines[1:]] == ["digest", "collect"]
    assert scheduled_tasks.CALLS == [{"job": "digest"}]


def test_settings_schedule_points_at_real_tasks(settings):
    from config.settings import base

    settings.SCHEDULE = base.SCHEDULE

    assert {job.name for job in scheduler.jobs()} == set(base.SCHEDULE)


def test_every_ten_minutes_runs_on_the_tens():
    job = scheduler.Job(name="x", task=TASK, cron="*/10 * * * *")

    assert job.next_run(kst(23, 8, 0, 1)) == kst(23, 8, 10)


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_the_same_moment_enqueue_once(settings):
    """PostgreSQL: the second scheduler waits for the row lock, then finds the job done."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite serializes writers anyway)")
    settings.SCHEDULE = {"digest": {"task": TASK, "cron": "0 8 * * *", "kwargs": {"sleep": 0.3}}}
    ScheduledJob.objects.create(name="digest", last_run_at=kst(22, 8, 0, 2))
    barrier, results = threading.Barrier(2), []

    def run_scheduler():
        from django.db import connection as own

        barrier.wait()
        try:
            results.append(scheduler.tick(now=kst(23, 8, 0, 1)))
        finally:
            own.close()

    threads = [threading.Thread(target=run_scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [[], ["digest"]]
    assert scheduled_tasks.CALLS == [{"sleep": 0.3}]
