#!/usr/bin/python3
"""Reads an iCalendar file with Debian's python3-icalendar (a parser Moussem did not write) and prints
one JSON object: the calendar's PRODID and its events with their UID, times in UTC (ISO, "Z"), summary,
location, description and status. Used by tests/b2b/test_agenda.cpp."""
import datetime
import json
import sys

import icalendar


def utc(value):
    dt = value.dt
    if dt.tzinfo is None:
        raise SystemExit("floating time without a zone: " + str(dt))
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
events = []
for ev in cal.walk("VEVENT"):
    events.append({
        "uid": str(ev.get("UID")),
        "start": utc(ev.get("DTSTART")),
        "end": utc(ev.get("DTEND")),
        "stamp": utc(ev.get("DTSTAMP")),
        "summary": str(ev.get("SUMMARY")),
        "location": str(ev.get("LOCATION")),
        "description": str(ev.get("DESCRIPTION")),
        "status": str(ev.get("STATUS")),
    })
print(json.dumps({"prodid": str(cal.get("PRODID")), "version": str(cal.get("VERSION")), "events": events},
                 ensure_ascii=False))
