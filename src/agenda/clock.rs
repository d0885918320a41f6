//! The day pass: turns the rows the layout pass read into agenda days, settling what only the
//! whole document can say about its times, and reporting what it could not settle.
//!
//! - **The document's clock.** A document that writes am/pm anywhere, or never writes an hour
//!   past 12, counts in twelve hours: there a time without a marker that would run backwards
//!   within its day ("Debate 10:30 – 1:00", "6:30 – open end" after a row ending at 6:30 pm) is
//!   read in the afternoon, and reported. A document that writes 13:00 counts in 24 hours and
//!   nothing is shifted.
//! - **Days without headings.** In a document with no day heading at all, a row that starts six
//!   hours or more before the row above it (21:30, then 8:30) starts a new day, undated.
//! - **Reported, never corrected:** a time out of order within its day (on the row whose
//!   removal restores the order), an end before its start, a time before 6:00 without am/pm, a
//!   typo read in a time, a time cell that holds no time ("??:??", "TBA": the row is kept
//!   without one), a row with a time and no title (kept, empty).
//! - **Ends** are never invented: a stated length ("Length: 15") gives one, nothing else does.
//! - **Dates** come from the headings, with a year only from one written in the document.

use super::columns::RowCells;
use super::days::DayHeading;
use super::times::Spelled;
use crate::model::{AgendaDay, ClockTime, ImportWarning};
use chrono::NaiveDate;

/// A row as the layout pass read it.
#[derive(Debug, Clone, Default)]
pub struct RawRow {
    /// 1-based line of the source where the row starts, where there are lines.
    pub line: Option<usize>,
    pub times: Option<Spelled>,
    /// A time cell that holds no time, as the warning names it (`"??:??"`, ``field `start`:
    /// "25:99"``).
    pub unreadable: Option<String>,
    /// A stated length in minutes.
    pub minutes: Option<u32>,
    /// The title was on the line of the time ("12h - 13h15: 2ème Ronde"): a list with one item
    /// per line, where a line without a time between items is an item of its own.
    pub inline: bool,
    /// Read from a Word table or tab-separated text, where a title and its sub-title may have
    /// lost the line break between them.
    pub glued: bool,
    pub cells: RowCells,
}

/// A day as the layout pass read it.
#[derive(Debug, Clone, Default)]
pub struct RawDay {
    pub heading: Option<DayHeading>,
    pub rows: Vec<RawRow>,
    pub label: String,
}

impl RawDay {
    pub fn new(heading: Option<DayHeading>) -> RawDay {
        RawDay {
            label: heading
                .as_ref()
                .map(|h| h.label.clone())
                .unwrap_or_default(),
            heading,
            rows: Vec::new(),
        }
    }
}

/// Days and the warnings about them.
#[derive(Debug, Clone, Default)]
pub struct Settled {
    pub days: Vec<AgendaDay>,
    pub warnings: Vec<ImportWarning>,
}

const HALF_DAY: u32 = 12 * 60;

fn plus_minutes(t: ClockTime, m: u32) -> Option<ClockTime> {
    let total = t.minutes_since_midnight() + m;
    (total < 24 * 60).then(|| ClockTime::new(total / 60, total % 60))?
}

fn twelve_hour_document(days: &[RawDay]) -> bool {
    let times: Vec<&Spelled> = days
        .iter()
        .flat_map(|d| &d.rows)
        .filter_map(|r| r.times.as_ref())
        .collect();
    let marked = times.iter().any(|t| t.start_marked || t.end_marked);
    let past_noon = times.iter().any(|t| {
        (!t.start_marked && t.start.hour() > 12)
            || t.end.is_some_and(|e| !t.end_marked && e.hour() > 12)
    });
    marked || !past_noon
}

/// Splits days on a jump back of six hours or more (only used without day headings).
fn split_on_jumps(days: Vec<RawDay>) -> Vec<RawDay> {
    let mut out = Vec::new();
    for day in days {
        let mut current = RawDay {
            rows: Vec::new(),
            ..day.clone()
        };
        let mut prev: Option<ClockTime> = None;
        for row in day.rows {
            let start = row.times.map(|t| t.start);
            if let (Some(p), Some(s)) = (prev, start) {
                if s.minutes_since_midnight() + 6 * 60 <= p.minutes_since_midnight() {
                    out.push(std::mem::take(&mut current));
                }
            }
            prev = start.or(prev);
            current.rows.push(row);
        }
        out.push(current);
    }
    out
}

struct Warner<'a> {
    out: &'a mut Vec<ImportWarning>,
    day: usize,
}

impl Warner<'_> {
    fn warn(&mut self, row: usize, line: Option<usize>, message: String) {
        self.out.push(ImportWarning {
            line,
            day: Some(self.day),
            row: Some(row),
            message,
        });
    }
}

/// Settles the times of one day's rows; returns the start, end per row.
fn settle_times(
    rows: &[RawRow],
    twelve: bool,
    w: &mut Warner<'_>,
) -> Vec<(Option<ClockTime>, Option<ClockTime>)> {
    let mut out = Vec::with_capacity(rows.len());
    let mut prev: Option<ClockTime> = None;
    for (i, row) in rows.iter().enumerate() {
        let Some(t) = row.times else {
            if let Some(bad) = &row.unreadable {
                w.warn(
                    i,
                    row.line,
                    format!("{bad} is not a time of day; the row is kept without one"),
                );
            }
            out.push((None, None));
            continue;
        };
        let mut start = t.start;
        let afternoon = |x: ClockTime| plus_minutes(x, HALF_DAY);
        if twelve && !t.start_marked && start.hour() < 12 {
            if let (Some(p), Some(pm)) = (prev, afternoon(start)) {
                if start < p && pm >= p {
                    w.warn(
                        i,
                        row.line,
                        format!("{start} without am/pm read as {pm}, after {p}"),
                    );
                    start = pm;
                }
            }
        }
        let mut end = t
            .end
            .or_else(|| row.minutes.and_then(|m| plus_minutes(start, m)));
        if let Some(e) = end.filter(|e| *e < start && e.minutes_since_midnight() != 0) {
            match afternoon(e).filter(|pm| twelve && !t.end_marked && e.hour() < 12 && *pm >= start)
            {
                Some(pm) => {
                    w.warn(i, row.line, format!("end {e} without am/pm read as {pm}"));
                    end = Some(pm);
                }
                None => w.warn(
                    i,
                    row.line,
                    format!("ends before it starts ({start} – {e}); kept as written"),
                ),
            }
        }
        if t.typo {
            let shown = end.map_or(start.to_string(), |e| format!("{start} – {e}"));
            w.warn(
                i,
                row.line,
                format!("a space inside a time, read as {shown}"),
            );
        }
        if !t.start_marked && start.hour() < 6 && !(twelve && prev.is_some()) {
            w.warn(
                i,
                row.line,
                format!("{start} without am/pm is before 6 a.m.; check it"),
            );
        }
        prev = Some(start);
        out.push((Some(start), end));
    }
    // Out of order: name the row whose removal restores the order.
    let starts: Vec<Option<ClockTime>> = out.iter().map(|t| t.0).collect();
    let timed: Vec<usize> = (0..starts.len()).filter(|&i| starts[i].is_some()).collect();
    for k in 0..timed.len().saturating_sub(1) {
        let (a, b) = (timed[k], timed[k + 1]);
        if starts[a] > starts[b] {
            let before = k.checked_sub(1).map(|j| starts[timed[j]]);
            let outlier = if before.is_none_or(|p| p <= starts[b]) {
                a
            } else {
                b
            };
            let other = if outlier == a { b } else { a };
            if let (Some(o), Some(x)) = (starts[outlier], starts[other]) {
                w.warn(
                    outlier,
                    rows[outlier].line,
                    format!("{o} is out of order (next to {x}); kept as written"),
                );
            }
        }
    }
    out
}

/// Turns raw days into agenda days: times settled, rows cleaned and classified, dates given.
pub fn settle(
    days: Vec<RawDay>,
    headings: bool,
    year: Option<i32>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Settled {
    let twelve = twelve_hour_document(&days);
    // Only a 24-hour document says a time going back is another day.
    let days: Vec<RawDay> = if headings || twelve {
        days
    } else {
        split_on_jumps(days)
    };
    let days: Vec<RawDay> = days.into_iter().filter(|d| !d.rows.is_empty()).collect();
    let mut settled = Settled::default();
    for (d, day) in days.into_iter().enumerate() {
        let mut w = Warner {
            out: &mut settled.warnings,
            day: d,
        };
        let times = settle_times(&day.rows, twelve, &mut w);
        let mut rows = Vec::with_capacity(day.rows.len());
        for (i, (raw, (s, e))) in day.rows.into_iter().zip(times).enumerate() {
            let mut cells = raw.cells;
            cells.start = s;
            cells.end = e;
            let row = cells.into_row_with(raw.glued);
            if row.title.is_empty() && row.start.is_some() {
                w.warn(
                    i,
                    raw.line,
                    "a time with no title; kept with an empty title".into(),
                );
            }
            rows.push(row);
        }
        settled.days.push(AgendaDay {
            date: day.heading.as_ref().and_then(|h| h.date(year, start, end)),
            label: day.label,
            rows,
        });
    }
    settled
}
