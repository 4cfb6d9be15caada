from django.db import models

from .models import AuditEntry


def audit(*, actor, target: models.Model, action: str, data: dict | None = None) -> AuditEntry:
    """Record a state change. Called by services, inside their transaction."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        data=data or {},
    )
