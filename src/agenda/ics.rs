//! Agendas from iCalendar files (`.ics`), parsed with the maintained `icalendar` crate.
//!
//! Before the crate sees the text, this module unfolds continuation lines and checks the
//! structure itself ([`repair`]): calendar apps skip a broken line and so does this importer —
//! a content line without a colon, a property outside the calendar, an `END` that closes
//! nothing, a `BEGIN` never ended are skipped or closed and reported with their line, never a
//! reason to refuse a calendar that has events. Components nested more than [`MAX_DEPTH`] deep
//! are refused before the crate's recursive parser could overflow the stack on them. An event
//! without a usable DTSTART is skipped and reported. Then:
//! - VEVENTs are sorted by start; SUMMARY → title, DESCRIPTION → description (escapes such as
//!   `\,` `\;` `\n` are undone by the crate); days are grouped by date;
//! - `TZID=…` and floating times are kept as the wall-clock time written; UTC (`…Z`) times are
//!   shown in the calendar's zone (the first TZID, or X-WR-TIMEZONE) when it is a known IANA
//!   zone, else in UTC; all-day (DATE) events become rows without times;
//! - LOCATION becomes the event's venue when every event shares it; X-WR-CALNAME its title;
//! - a calendar whose times are UTC and that names no zone is shown in UTC, with a warning.

use super::columns::{Column, RowCells};
use super::ImportError;
use crate::model::{Agenda, AgendaDay, ClockTime, ImportWarning};
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use icalendar::parser::{read_calendar, Component};

/// Unfolded content lines with the (1-based) line number each starts on.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push_str(&line[1..]);
                continue;
            }
        }
        if !line.trim().is_empty() {
            out.push((i + 1, line.to_string()));
        }
    }
    out
}

/// At most this many components nested inside each other. Real calendars nest three deep
/// (VCALENDAR › VEVENT › VALARM); the `icalendar` parser recurses once per level, so a file
/// nested thousands deep would overflow the stack if it reached it.
pub const MAX_DEPTH: usize = 8;

/// Checks and repairs the structure before the parser sees it: a content line without a colon,
/// a property outside the calendar and an `END` that closes nothing are skipped; an `END` that
/// closes an outer component closes the inner ones too; components never ended are ended at
/// the end of the file. Each repair is a warning naming its line. Nesting deeper than
/// [`MAX_DEPTH`] refuses the file.
/// Content lines with the (1-based) line number each starts on.
type Lines = Vec<(usize, String)>;

fn repair(lines: Lines, source: &str) -> Result<(Lines, Vec<ImportWarning>), ImportError> {
    let mut warnings = Vec::new();
    let mut warn = |line: usize, message: String| {
        warnings.push(ImportWarning {
            line: Some(line),
            message,
            ..ImportWarning::default()
        })
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut stack: Vec<(usize, String)> = Vec::new();
    for (n, line) in lines {
        let Some((key, value)) = line.split_once(':') else {
            warn(
                n,
                format!("not an iCalendar content line (no colon), skipped: {line:?}"),
            );
            continue;
        };
        let key = key.trim().to_ascii_uppercase();
        let value = value.trim().to_ascii_uppercase();
        if key == "BEGIN" {
            if value.is_empty() {
                warn(n, "BEGIN without a component name, skipped".into());
                continue;
            }
            if stack.len() >= MAX_DEPTH {
                return Err(ImportError::AtLine {
                    file: source.to_string(),
                    line: n,
                    message: format!(
                        "components nested more than {MAX_DEPTH} deep; not a calendar"
                    ),
                });
            }
            stack.push((n, value));
        } else if key == "END" {
            match stack.iter().rposition(|(_, open)| *open == value) {
                None => {
                    warn(n, format!("END:{value} closes nothing, skipped"));
                    continue;
                }
                Some(at) => {
                    while stack.len() > at + 1 {
                        if let Some((start, open)) = stack.pop() {
                            warn(
                                start,
                                format!("BEGIN:{open} is never ended; ended at line {n}"),
                            );
                            out.push((n, format!("END:{open}")));
                        }
                    }
                    stack.pop();
                }
            }
        } else if stack.is_empty() {
            warn(
                n,
                "a property outside BEGIN:VCALENDAR … END:VCALENDAR, skipped".into(),
            );
            continue;
        }
        out.push((n, line));
    }
    let last = out.last().map_or(0, |(n, _)| *n);
    while let Some((start, open)) = stack.pop() {
        warn(
            start,
            format!("BEGIN:{open} is never ended (END:{open} missing)"),
        );
        out.push((last, format!("END:{open}")));
    }
    if out.is_empty() {
        return Err(ImportError::invalid(source, "no calendar data"));
    }
    Ok((out, warnings))
}

/// A DTSTART/DTEND value: a date, and a time unless all-day; whether it was UTC.
struct When {
    date: NaiveDate,
    time: Option<ClockTime>,
    utc: bool,
}

fn prop<'a>(c: &'a Component<'_>, name: &str) -> Option<&'a str> {
    c.find_prop(name).map(|p| p.val.as_str().trim())
}

fn param<'a>(c: &'a Component<'_>, name: &str, key: &str) -> Option<&'a str> {
    let p = c.find_prop(name)?;
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|x| x.val.as_ref().map(|v| v.as_str().trim_matches('"')))
}

fn parse_when(value: &str, zone: Option<chrono_tz::Tz>) -> Option<When> {
    if value.len() == 8 {
        let date = NaiveDate::parse_from_str(value, "%Y%m%d").ok()?;
        return Some(When {
            date,
            time: None,
            utc: false,
        });
    }
    let (local, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(v) => (v, true),
        None => (value, false),
    };
    let dt = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S").ok()?;
    let dt = match (utc, zone) {
        (true, Some(tz)) => tz.from_utc_datetime(&dt).naive_local(),
        _ => dt,
    };
    let time = ClockTime::new(chrono::Timelike::hour(&dt), chrono::Timelike::minute(&dt));
    Some(When {
        date: dt.date(),
        time,
        utc,
    })
}

/// `PT1H30M`-style durations, in minutes.
fn duration_minutes(value: &str) -> Option<i64> {
    let v = value.strip_prefix("PT")?;
    let (mut total, mut n) = (0i64, String::new());
    for c in v.chars() {
        match c {
            '0'..='9' => n.push(c),
            'H' => total = total.checked_add(n.parse::<i64>().ok()?.checked_mul(60)?)?,
            'M' => total = total.checked_add(n.parse::<i64>().ok()?)?,
            'S' => {}
            _ => return None,
        }
        if !c.is_ascii_digit() {
            n.clear();
        }
    }
    Some(total)
}

pub fn import(text: &str, source: &str) -> Result<Agenda, ImportError> {
    let (lines, mut warnings) = repair(unfold(text), source)?;
    let unfolded: String = lines.iter().map(|(_, l)| format!("{l}\r\n")).collect();
    let calendar = read_calendar(&unfolded)
        .map_err(|e| ImportError::invalid(source, format!("not a valid iCalendar file: {e}")))?;
    let mut events: Vec<&Component<'_>> = Vec::new();
    let mut stack: Vec<&Component<'_>> = calendar.components.iter().rev().collect();
    while let Some(c) = stack.pop() {
        if c.name.as_str().eq_ignore_ascii_case("VEVENT") {
            events.push(c);
        } else {
            stack.extend(c.components.iter().rev());
        }
    }
    let zone_name = events
        .iter()
        .find_map(|e| param(e, "DTSTART", "TZID"))
        .or_else(|| {
            calendar
                .properties
                .iter()
                .find(|p| p.name == "X-WR-TIMEZONE")
                .map(|p| p.val.as_str())
        })
        .map(str::to_string);
    let zone: Option<chrono_tz::Tz> = zone_name.as_deref().and_then(|z| z.parse().ok());
    let line_of = |name: &str, value: &str| {
        lines
            .iter()
            .find(|(_, l)| l.starts_with(name) && l.ends_with(value))
            .map(|(n, _)| *n)
    };
    let mut rows = Vec::new();
    let mut utc_times = false;
    for e in &events {
        let summary = prop(e, "SUMMARY").unwrap_or("");
        let mut skip = |line: Option<usize>, message: String| {
            warnings.push(ImportWarning {
                line,
                message,
                ..ImportWarning::default()
            });
        };
        let Some(start_value) = prop(e, "DTSTART") else {
            skip(
                None,
                format!("the event {summary:?} has no DTSTART; skipped"),
            );
            continue;
        };
        let Some(start) = parse_when(start_value, zone) else {
            let line = line_of("DTSTART", start_value);
            skip(line, format!("DTSTART {start_value:?} is not a date or date-time; the event {summary:?} is skipped"));
            continue;
        };
        let end = match prop(e, "DTEND") {
            Some(v) => {
                let parsed = parse_when(v, zone);
                if parsed.is_none() {
                    let line = line_of("DTEND", v);
                    skip(line, format!("DTEND {v:?} is not a date or date-time; the event is kept without an end"));
                }
                parsed
            }
            None => None,
        };
        utc_times |= start.utc;
        if summary.is_empty() {
            let line = line_of("DTSTART", start_value);
            skip(
                line,
                "an event with no SUMMARY; kept with an empty title".into(),
            );
        }
        let end_time = match (
            &end,
            start.time,
            prop(e, "DURATION").and_then(duration_minutes),
        ) {
            (Some(w), _, _) if w.date == start.date => w.time,
            (None, Some(t), Some(m)) => {
                let total = i64::from(t.minutes_since_midnight()).saturating_add(m);
                (0..24 * 60)
                    .contains(&total)
                    .then(|| ClockTime::new((total / 60) as u32, (total % 60) as u32))
                    .flatten()
            }
            _ => None,
        };
        let mut cells = RowCells {
            start: start.time,
            end: end_time.filter(|_| start.time.is_some()),
            ..RowCells::default()
        };
        cells.add(Column::Title, summary, " ");
        cells.add(
            Column::Description,
            prop(e, "DESCRIPTION").unwrap_or(""),
            " ",
        );
        let location = prop(e, "LOCATION").unwrap_or("").to_string();
        rows.push((start.date, cells.into_row_with(false), location));
    }
    if rows.is_empty() {
        return Err(ImportError::NoRows {
            file: source.to_string(),
            hint: "the calendar holds no event with a start (DTSTART)".into(),
        });
    }
    rows.sort_by_key(|r| (r.0, r.1.start));
    let mut agenda = Agenda::default();
    if let Some(name) = calendar
        .properties
        .iter()
        .find(|p| p.name == "X-WR-CALNAME")
    {
        agenda.event.title = name.val.as_str().trim().to_string();
    }
    let first_location = rows[0].2.clone();
    if !first_location.is_empty() && rows.iter().all(|r| r.2 == first_location) {
        agenda.event.venue = first_location;
    }
    agenda.event.start_date = rows.first().map(|r| r.0);
    agenda.event.end_date = rows.last().map(|r| r.0);
    if zone.is_some() {
        agenda.event.time_zone = zone_name.unwrap_or_default();
    } else if utc_times {
        warnings.push(ImportWarning {
            message: "the calendar names no time zone: its UTC times are shown in UTC".into(),
            ..ImportWarning::default()
        });
    }
    agenda.warnings = warnings;
    for (date, row, _) in rows {
        if agenda.days.last().is_none_or(|d| d.date != Some(date)) {
            agenda.days.push(AgendaDay {
                date: Some(date),
                label: date.format("%A %-d %B %Y").to_string(),
                rows: Vec::new(),
            });
        }
        if let Some(day) = agenda.days.last_mut() {
            day.rows.push(row);
        }
    }
    Ok(agenda)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_line_is_skipped_and_reported() {
        let a = import(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY Opening\nSUMMARY:Opening\nDTSTART:20180212T090000\nEND:VEVENT\nEND:VCALENDAR\n",
            "a.ics",
        )
        .unwrap();
        assert_eq!(a.days[0].rows[0].title, "Opening");
        let w = &a.warnings[0];
        assert_eq!(w.line, Some(3));
        assert!(
            w.message.starts_with("not an iCalendar content line"),
            "{w:?}"
        );
    }

    #[test]
    fn an_event_never_ended_is_ended_and_reported() {
        let a = import(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART:20180212T090000\n",
            "a.ics",
        )
        .unwrap();
        assert_eq!(a.row_count(), 1);
        assert!(
            a.warnings.iter().any(|w| w.line == Some(2)),
            "{:?}",
            a.warnings
        );
        let err = import("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n", "a.ics").unwrap_err();
        assert!(
            err.to_string().starts_with("a.ics: no agenda rows"),
            "{err}"
        );
    }

    /// Without the cap, `icalendar`'s recursive parser overflows the stack on this file and
    /// the whole process aborts.
    #[test]
    fn nesting_beyond_the_cap_is_refused_before_the_parser() {
        let deep = format!(
            "BEGIN:VCALENDAR\n{}{}END:VCALENDAR\n",
            "BEGIN:VEVENT\n".repeat(20_000),
            "END:VEVENT\n".repeat(20_000)
        );
        let err = import(&deep, "deep.ics").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "deep.ics, line 9: components nested more than {MAX_DEPTH} deep; not a calendar"
            )
        );
        let legit = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20180212T090000\nSUMMARY:x\nBEGIN:VALARM\nTRIGGER:-PT5M\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n";
        assert_eq!(import(legit, "ok.ics").unwrap().row_count(), 1);
    }

    #[test]
    fn durations() {
        assert_eq!(duration_minutes("PT1H30M"), Some(90));
        assert_eq!(duration_minutes("P1D"), None);
    }
}
