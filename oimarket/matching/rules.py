import rules

from oimarket.programs.rules import edits_challenge_org, is_operator

# Who sees the startups suggested for a challenge and decides on them: its editors, operators.
rules.add_perm("matching.view_challenge_matches", is_operator | edits_challenge_org)
rules.add_perm("matching.decide_challenge_match", is_operator | edits_challenge_org)
