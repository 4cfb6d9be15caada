"""Year periods counted as Korean law counts them (민법 제157조, 제160조).

A period of N years from a founding date ends on the day before its N-th anniversary; when the
anniversary's month has no such day (29 February), it ends on the last day of that month.
"Founded less than 7 years ago" therefore holds through the last day of the period.
"""

from calendar import monthrange
from datetime import date, timedelta


def period_end(start: date, years: int) -> date:
    """The last day of the period of `years` years that starts on `start`."""
    year = start.year + years
    last_day = monthrange(year, start.month)[1]
    if start.day > last_day:  # 29 February in a common year
        return date(year, start.month, last_day)
    return date(year, start.month, start.day) - timedelta(days=1)


def within_years(start: date, years: int, reference: date) -> bool:
    """True while `reference` falls inside the period of `years` years from `start`."""
    return reference <= period_end(start, years)


def years_ago_cutoff(reference: date, years: int) -> date:
    """The earliest start date still within `years` years of `reference` (inclusive).

    The inverse of `within_years`, so that the vectorized check can compare one number per
    startup: within_years(start, n, ref) == (start >= years_ago_cutoff(ref, n)).
    """
    candidate = date(reference.year - years, reference.month, 1)
    # Walk from a month before to find the smallest start whose period still covers reference.
    probe = candidate - timedelta(days=40)
    while not within_years(probe, years, reference):
        probe += timedelta(days=1)
    return probe
