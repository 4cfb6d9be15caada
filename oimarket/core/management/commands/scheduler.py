"""`manage.py scheduler`: enqueue the periodic tasks of `settings.SCHEDULE` when they are due.

Run exactly one (more are safe on PostgreSQL, but useless); the task workers run the tasks.
`--once` runs one tick and exits; `--list` prints each job with its next run.
"""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from oimarket.core import scheduler


class Command(BaseCommand):
    help = "Enqueue the periodic tasks of settings.SCHEDULE when they are due (cron, Korea time)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one tick, then exit.")
        parser.add_argument("--list", action="store_true", help="List the jobs, then exit.")

    def handle(self, *args, **options):
        jobs = scheduler.jobs()  # a bad schedule fails here, at start
        if options["list"]:
            self.list_jobs(jobs)
            return
        if options["once"]:
            self.tick()
            return
        signal.signal(signal.SIGTERM, self.stop)
        self.stdout.write(f"scheduler: {len(jobs)} jobs, checked every minute (Ctrl-C stops)")
        try:
            while True:
                self.tick()
                close_old_connections()
                time.sleep(60.5 - time.time() % 60)  # just after the next minute starts
        except KeyboardInterrupt:
            self.stdout.write("scheduler: stopped")

    def tick(self) -> None:
        now = timezone.now()
        for name in scheduler.tick(now=now):
            self.stdout.write(f"scheduler: {timezone.localtime(now):%Y-%m-%d %H:%M} {name}")

    def list_jobs(self, jobs) -> None:
        runs = scheduler.last_runs()
        now = timezone.now()
        for job in jobs:
            last = runs.get(job.name)
            following = job.next_run(last or now)
            self.stdout.write(
                f"{job.name:<24} {job.cron:<16} last {_kst(last)}  next {_kst(following)}"
                f"  {job.task}"
            )

    def stop(self, signum, frame):
        raise KeyboardInterrupt


def _kst(moment) -> str:
    if moment is None:
        return "never".ljust(16)
    return f"{moment.astimezone(scheduler.SCHEDULE_TIME_ZONE):%Y-%m-%d %H:%M}"
