"""Writes of the applications app: proposals to challenges, applications to programs."""

from .proposals import (
    proposal_closed_reason,
    proposal_decline,
    proposal_notify,
    proposal_recipients,
    proposal_request_meeting,
    proposal_shortlist,
    proposal_submit,
    proposal_withdraw,
)

__all__ = [
    "proposal_closed_reason",
    "proposal_decline",
    "proposal_notify",
    "proposal_recipients",
    "proposal_request_meeting",
    "proposal_shortlist",
    "proposal_submit",
    "proposal_withdraw",
]
