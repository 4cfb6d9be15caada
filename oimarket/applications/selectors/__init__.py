"""Reads of the applications app. Modules: `proposals`, `applications`, `operator`."""

from .proposals import (
    inbox_challenges,
    live_proposal_of,
    organization_median_response_hours,
    proposal_waiting,
    proposals_for_challenge,
    proposals_inbox,
    proposals_of_my_startups,
    proposals_visible_to,
    user_receives_proposals,
)

__all__ = [
    "inbox_challenges",
    "live_proposal_of",
    "organization_median_response_hours",
    "proposal_waiting",
    "proposals_for_challenge",
    "proposals_inbox",
    "proposals_of_my_startups",
    "proposals_visible_to",
    "user_receives_proposals",
]
