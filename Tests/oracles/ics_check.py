#!/usr/bin/env python3
"""Checks an iCalendar file written by InfraPrep's calendar export against `icalendar` (7.3.2).

    python3 Tests/oracles/ics_check.py FILE.ics [--expect-events N]

Reads the raw bytes first: every line ends in CRLF (no bare CR or LF), no physical line is
over 75 octets, and each one is valid UTF-8 by itself (a fold never splits a character). Then
parses with `Calendar.from_ical` (strict: a parse error is a failure) and checks: one
VCALENDAR with VERSION 2.0 and PRODID; every VEVENT has UID, DTSTAMP, DTSTART and DTEND as
timezone-aware UTC date-times, DTEND after DTSTART, and SUMMARY; UIDs are unique; every
VALARM has ACTION, TRIGGER and DESCRIPTION. icalendar 7 tolerates some faults, so the check
also fails on what it only records (a component's `errors`, a property kept as `vBroken`), on
a BEGIN/END that do not pair, and on TEXT (SUMMARY, DESCRIPTION, LOCATION, UID, CATEGORIES)
whose raw value is not what icalendar writes back for the value it read (an unescaped comma
or semicolon, a lone backslash); X-WR-* values, which icalendar keeps raw, must match the
TEXT grammar. Prints "ics check: N events, OK", or the problems and exits 1.

    --zone Europe/Berlin --local-time 18:00   every study block (UID study-…) starts at that
                                              wall-clock time in that zone, on the day its UID
                                              names, across clock changes (zoneinfo converts)
    --same-as EARLIER.ics                     an earlier export of the same plan: the same UIDs,
                                              each with the same DTSTART (a re-import updates)
"""
import argparse
import re
import sys
from datetime import datetime, timedelta

from zoneinfo import ZoneInfo

from icalendar import Calendar, vBroken, vUnknown

TEXT_NAMES = {"SUMMARY", "DESCRIPTION", "LOCATION", "UID"}
# RFC 5545 §3.3.11: a backslash only before \ ; , n N; no bare ; or ,; no control characters but tab.
TEXT_GRAMMAR = re.compile(r'(?:[^\\;,\x00-\x08\x0a-\x1f\x7f]|\\[\\;,nN])*')


def raw_problems(data):
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, over 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"line {number}: not UTF-8 by itself ({error.reason}), a fold split a character")
        if number > 1 and line[:1] == b"\t":
            problems.append(f"line {number}: folded with a tab; this writer folds with one space")
    return problems


def logical_lines(data):
    """(component ordinal, name, raw value) for each unfolded line, plus BEGIN/END problems.
    Ordinals count BEGIN lines, so they match icalendar's depth-first `walk()` order."""
    text = data.decode("utf-8", errors="replace").replace("\r\n ", "").replace("\r\n\t", "")
    problems, stack, lines, ordinal = [], [], [], -1
    for line in text.split("\r\n"):
        match = re.match(r"([A-Za-z0-9-]+)([:;])", line)
        if not match:
            if line:
                problems.append(f"not a content line: {line[:60]!r}")
            continue
        name, value = match.group(1).upper(), line[match.end():]
        if name == "BEGIN":
            ordinal += 1
            stack.append((value.upper(), ordinal))
        elif name == "END":
            if not stack or stack[-1][0] != value.upper():
                problems.append(f"END:{value} closes {'BEGIN:' + stack[-1][0] if stack else 'nothing'}")
            if stack:
                stack.pop()
        elif match.group(2) == ":" and stack:
            lines.append((stack[-1][1], name, value))
    if stack:
        problems.append(f"BEGIN:{stack[-1][0]} is never closed")
    return lines, problems


def text_problems(calendar, lines):
    """TEXT values whose raw form is not icalendar's escaping of the value it parsed. icalendar
    keeps X- properties raw (vUnknown), so those are checked against the TEXT grammar instead."""
    problems = []
    components = list(calendar.walk())
    seen = {}
    for ordinal, name, raw in lines:
        if not (name in TEXT_NAMES or name == "CATEGORIES" or name.startswith("X-WR-")) or ordinal >= len(components):
            continue
        component = components[ordinal]
        parsed = component.get(name)
        parsed = parsed if isinstance(parsed, list) else [parsed]
        index = seen.get((ordinal, name), 0)
        seen[(ordinal, name)] = index + 1
        value = parsed[index] if index < len(parsed) else None
        if value is None or isinstance(value, vBroken):
            problems.append(f"{component.name} {name}: icalendar did not read {raw[:40]!r}")
        elif isinstance(value, vUnknown):
            if not TEXT_GRAMMAR.fullmatch(raw):
                problems.append(f"{component.name} {name}: {raw[:60]!r} is not escaped TEXT")
        else:
            again = value.to_ical().decode("utf-8")
            if again != raw:
                problems.append(f"{component.name} {name}: {raw[:60]!r} is not escaped as RFC 5545 says ({again[:60]!r})")
    return problems


def utc_datetime(component, name, where, problems):
    prop = component.get(name)
    if prop is None:
        problems.append(f"{where}: no {name}")
        return None
    if isinstance(prop, vBroken):
        problems.append(f"{where}: {name} {str(prop)!r} is not a date-time")
        return None
    value = prop.dt
    if not isinstance(value, datetime):
        problems.append(f"{where}: {name} is a {type(value).__name__}, not a date-time")
        return None
    if value.tzinfo is None or value.utcoffset() != timedelta(0):
        problems.append(f"{where}: {name} {value.isoformat()} is not in UTC")
        return None
    return value


def parsed_problems(data, expect_events):
    lines, problems = logical_lines(data)
    try:
        calendar = Calendar.from_ical(data)
    except Exception as error:  # icalendar raises ValueError and friends for malformed input
        return problems + [f"icalendar cannot parse the file: {error!r}"], 0
    problems += text_problems(calendar, lines)
    if calendar.name != "VCALENDAR":
        problems.append(f"the top component is {calendar.name}, not VCALENDAR")
    if str(calendar.get("VERSION", "")) != "2.0":
        problems.append("VERSION is not 2.0")
    if not calendar.get("PRODID"):
        problems.append("no PRODID")
    for component in calendar.walk():
        if getattr(component, "errors", None):
            problems.append(f"{component.name}: icalendar reported {component.errors}")
    events = calendar.walk("VEVENT")
    seen = {}
    for index, event in enumerate(events, 1):
        uid = str(event.get("UID", ""))
        where = f"VEVENT {index} ({uid or 'no UID'})"
        if not uid:
            problems.append(f"{where}: no UID")
        elif uid in seen:
            problems.append(f"{where}: UID also used by VEVENT {seen[uid]}")
        else:
            seen[uid] = index
        utc_datetime(event, "DTSTAMP", where, problems)
        start = utc_datetime(event, "DTSTART", where, problems)
        end = utc_datetime(event, "DTEND", where, problems)
        if start and end and not end > start:
            problems.append(f"{where}: DTEND {end.isoformat()} is not after DTSTART {start.isoformat()}")
        if "SUMMARY" not in event:
            problems.append(f"{where}: no SUMMARY")
        for number, alarm in enumerate(event.walk("VALARM"), 1):
            for name in ("ACTION", "TRIGGER", "DESCRIPTION"):
                if name not in alarm:
                    problems.append(f"{where}, VALARM {number}: no {name}")
    if expect_events is not None and len(events) != expect_events:
        problems.append(f"{len(events)} events, expected {expect_events}")
    return problems, len(events)


def starts(data):
    calendar = Calendar.from_ical(data)
    return {str(event["UID"]): event.decoded("DTSTART") for event in calendar.walk("VEVENT") if "UID" in event and "DTSTART" in event}


def zone_problems(data, zone_name, local_time):
    problems = []
    calendar = Calendar.from_ical(data)
    declared = str(calendar.get("X-WR-TIMEZONE", ""))
    if declared != zone_name:
        problems.append(f"X-WR-TIMEZONE is {declared!r}, expected {zone_name!r}")
    zone = ZoneInfo(zone_name)
    blocks = 0
    for uid, start in starts(data).items():
        if not uid.startswith("study-"):
            continue
        blocks += 1
        local = start.astimezone(zone)
        day = uid[len("study-"):len("study-") + 10]
        if local.strftime("%Y-%m-%d") != day or local.strftime("%H:%M") != local_time:
            problems.append(f"{uid}: starts {local.isoformat()} in {zone_name}, expected {day} {local_time}")
    if blocks == 0:
        problems.append("no study blocks (UID study-…) to check")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--expect-events", type=int)
    parser.add_argument("--zone")
    parser.add_argument("--local-time")
    parser.add_argument("--same-as")
    args = parser.parse_args()
    with open(args.file, "rb") as f:
        data = f.read()
    problems = raw_problems(data)
    more, count = parsed_problems(data, args.expect_events)
    problems += more
    if not more and args.zone and args.local_time:
        problems += zone_problems(data, args.zone, args.local_time)
    if not more and args.same_as:
        with open(args.same_as, "rb") as f:
            earlier = starts(f.read())
        now = starts(data)
        if set(earlier) != set(now):
            problems.append(f"UIDs differ from {args.same_as}: only earlier {sorted(set(earlier) - set(now))[:5]}, only now {sorted(set(now) - set(earlier))[:5]}")
        problems += [f"{uid}: DTSTART {now[uid]} differs from the earlier export's {earlier[uid]}" for uid in sorted(set(earlier) & set(now)) if earlier[uid] != now[uid]]
    if problems:
        print(f"ics check: {count} events, {len(problems)} problems")
        for problem in problems:
            print(f"  {problem}")
        sys.exit(1)
    print(f"ics check: {count} events, OK")


if __name__ == "__main__":
    main()
