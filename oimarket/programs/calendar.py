"""iCalendar feeds of application deadlines."""

from collections.abc import Iterable
from datetime import timedelta

from django.utils import timezone
from icalendar import Alarm, Calendar, Event

from .models import Program


def deadlines_calendar(programs: Iterable[Program], *, base_url: str, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//oimarket//deadlines//KO")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Seoul")
    now = timezone.now()
    for program in programs:
        event = Event()
        event.add("uid", f"program-{program.pk}-deadline@oimarket")
        event.add("dtstamp", now)
        event.add("dtstart", program.closes_at)
        event.add("dtend", program.closes_at)
        event.add("summary", f"[마감] {program.title}")
        event.add("description", f"{program.summary}\n\n{base_url}{program.get_absolute_url()}")
        event.add("url", f"{base_url}{program.get_absolute_url()}")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", program.title)
        alarm.add("trigger", timedelta(days=-1))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
