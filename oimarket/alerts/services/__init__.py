"""Writes for saved searches and alerts. Views, forms and tasks call these."""

from .collect import collect_alert_matches
from .digest import send_alert_digests
from .saved_searches import (
    fields_follow,
    saved_search_create,
    saved_search_delete,
    saved_search_update,
)

__all__ = [
    "collect_alert_matches",
    "fields_follow",
    "saved_search_create",
    "saved_search_delete",
    "saved_search_update",
    "send_alert_digests",
]
