"""Periodic alert tasks, enqueued by the scheduler (settings.SCHEDULE, docs/alerts.md)."""

from django.utils import timezone
from django_tasks import task


@task()
def collect_alert_matches_task() -> dict:
    """Find the new matches of every active saved search (every 10 minutes)."""
    from .services import collect_alert_matches

    return collect_alert_matches(now=timezone.now())


@task()
def send_alert_digests_task() -> int:
    """E-mail the due digests (daily at 08:00 Korea time; weekly ones on Mondays)."""
    from .services import send_alert_digests

    return send_alert_digests(now=timezone.now())
