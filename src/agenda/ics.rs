//! Agendas from iCalendar files (`.ics`), parsed with the maintained `icalendar` crate.
//!
//! Before the crate sees the text, this module unfolds continuation lines and checks the
//! structure itself, because the crate's parser is lenient where an agenda import must not be:
//! a content line without a colon, an `END` that closes the wrong component and a `BEGIN`
//! never ended are refused with their line number. Then:
//! - VEVENTs are sorted by start; SUMMARY → title, DESCRIPTION → description (escapes such as
//!   `\,` `\;` `\n` are undone by the crate); days are grouped by date;
//! - `TZID=…` and floating times are kept as the wall-clock time written; UTC (`…Z`) times are
//!   shown in the calendar's zone (the first TZID, or X-WR-TIMEZONE) when it is a known IANA
//!   zone, else in UTC; all-day (DATE) events become rows without times;
//! - LOCATION becomes the event's venue when every event shares it; X-WR-CALNAME its title.

use super::columns::{Column, RowCells};
use super::ImportError;
use crate::model::{Agenda, AgendaDay, ClockTime};
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

fn check_structure(lines: &[(usize, String)], source: &str) -> Result<(), ImportError> {
    let at = |line: usize, message: String| ImportError::AtLine {
        file: source.to_string(),
        line,
        message,
    };
    let mut stack: Vec<(usize, String)> = Vec::new();
    for (n, line) in lines {
        let Some((key, value)) = line.split_once(':') else {
            return Err(at(
                *n,
                format!("not an iCalendar content line (no colon): {line:?}"),
            ));
        };
        let key = key.to_ascii_uppercase();
        let value = value.trim().to_ascii_uppercase();
        if key == "BEGIN" {
            if value.is_empty() {
                return Err(at(*n, "BEGIN without a component name".into()));
            }
            stack.push((*n, value));
        } else if key == "END" {
            match stack.pop() {
                Some((_, open)) if open == value => {}
                Some((start, open)) => {
                    return Err(at(
                        *n,
                        format!("END:{value} closes BEGIN:{open} of line {start}"),
                    ))
                }
                None => return Err(at(*n, format!("END:{value} without a BEGIN"))),
            }
        } else if stack.is_empty() {
            return Err(at(
                *n,
                "a property outside BEGIN:VCALENDAR … END:VCALENDAR".into(),
            ));
        }
    }
    match stack.last() {
        Some((n, name)) => Err(at(
            *n,
            format!("BEGIN:{name} is never ended (END:{name} missing)"),
        )),
        None if lines.is_empty() => Err(ImportError::invalid(source, "no calendar data")),
        None => Ok(()),
    }
}

/// A DTSTART/DTEND value: a date, and a time unless all-day; whether it was UTC.
struct When {
    date: NaiveDate,
    time: Option<ClockTime>,
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
        return Some(When { date, time: None });
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
    let lines = unfold(text);
    check_structure(&lines, source)?;
    let unfolded: String = lines.iter().map(|(_, l)| format!("{l}\r\n")).collect();
    let calendar = read_calendar(&unfolded)
        .map_err(|e| ImportError::invalid(source, format!("not a valid iCalendar file: {e}")))?;
    let mut events: Vec<&Component<'_>> = Vec::new();
    let mut stack: Vec<&Component<'_>> = calendar.components.iter().collect();
    while let Some(c) = stack.pop() {
        if c.name.as_str().eq_ignore_ascii_case("VEVENT") {
            events.push(c);
        } else {
            stack.extend(c.components.iter());
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
    let line_of = |value: &str| {
        lines
            .iter()
            .find(|(_, l)| l.starts_with("DTSTART") && l.ends_with(value))
            .map(|(n, _)| *n)
            .unwrap_or(0)
    };
    let mut rows = Vec::new();
    for e in &events {
        let summary = prop(e, "SUMMARY").unwrap_or("");
        let Some(start_value) = prop(e, "DTSTART") else {
            return Err(ImportError::invalid(
                source,
                format!("the event {summary:?} has no DTSTART"),
            ));
        };
        let bad = |field: &str, value: &str| ImportError::AtField {
            file: source.to_string(),
            line: line_of(value),
            field: field.to_string(),
            message: format!("not a date or date-time: {value:?}"),
        };
        let start = parse_when(start_value, zone).ok_or_else(|| bad("DTSTART", start_value))?;
        let end = match prop(e, "DTEND") {
            Some(v) => Some(parse_when(v, zone).ok_or_else(|| bad("DTEND", v))?),
            None => None,
        };
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
        rows.push((start.date, cells.into_row(), location));
    }
    if rows.is_empty() {
        return Err(ImportError::NoRows {
            file: source.to_string(),
            hint: "the calendar holds no VEVENT".into(),
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
    }
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
    fn structure_errors_name_the_line() {
        let err = import("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n", "a.ics").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.ics, line 2: BEGIN:VEVENT is never ended (END:VEVENT missing)"
        );
        let err = import("BEGIN:VCALENDAR\nno colon here\nEND:VCALENDAR\n", "a.ics").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("a.ics, line 2: not an iCalendar content line"),
            "{err}"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration_minutes("PT1H30M"), Some(90));
        assert_eq!(duration_minutes("P1D"), None);
    }
}
