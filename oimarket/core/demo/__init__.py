"""A deterministic demo world for oimarket: organizations, startups, programs and challenges.

`world_*.py` hold the invented data, `builder.py` and its helpers turn it into rows;
`manage.py seed_demo` runs it and `manage.py demo_logins` prints the logins from `logins.py`.
"""
