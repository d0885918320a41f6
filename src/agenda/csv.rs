//! Agendas from CSV files (spreadsheet exports), read with the `csv` crate.
//!
//! The separator is sniffed from the header line (`,`, `;` or tab, whichever occurs most
//! outside quotes). Headers are matched loosely, in several languages (see `columns`): a
//! `time` column may hold a range or a start time; separate start/end columns are read as
//! such, and a length column ("Length", "Duration", in minutes) states the end. `day`/`date`
//! columns group consecutive rows into days. A file without any time, start or end column is
//! refused with an error naming its header line. A time cell that is not a time keeps its row
//! without a time, and a record the `csv` crate cannot read is skipped; both are reported with
//! their line (and field). The `clock` pass then settles the times, as for text.

use super::clock::{settle, RawDay, RawRow};
use super::columns::{match_header, Column};
use super::days::{parse_day_heading, year_in, DayHeading};
use super::normalise::decode_entities;
use super::times::{spelled_cell, Spelled};
use super::ImportError;
use crate::model::{Agenda, ImportWarning};
use chrono::{Datelike, NaiveDate};

fn count_outside_quotes(line: &str, sep: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            n += 1;
        }
    }
    n
}

fn sniff_separator(header: &str) -> u8 {
    let counts = [
        (b',', count_outside_quotes(header, ',')),
        (b';', count_outside_quotes(header, ';')),
        (b'\t', count_outside_quotes(header, '\t')),
    ];
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map(|(s, _)| *s)
        .unwrap_or(b',')
}

/// Whether text starts with a comma- or semicolon-separated header row of agenda columns.
pub fn looks_like_csv(head: &str) -> bool {
    let Some(first) = head.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let sep = match sniff_separator(first) {
        b',' => ',',
        b';' => ';',
        _ => return false,
    };
    let known = first
        .split(sep)
        .filter(|c| match_header(c.trim().trim_matches('"')).is_some())
        .count();
    known >= 2
}

/// A date cell: ISO `2018-02-12`, an unambiguous `12/02/2018`, or a day heading.
fn parse_date(s: &str, year: Option<i32>) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '.']).collect();
    if let [a, b, y] = parts.as_slice() {
        let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
        return match (a > 12, b > 12) {
            (true, false) => NaiveDate::from_ymd_opt(y, b, a),
            (false, true) => NaiveDate::from_ymd_opt(y, a, b),
            _ => None, // 03/04/2018 could be either: not guessed
        };
    }
    parse_day_heading(s)?.date(year, None, None)
}

pub fn import(text: &str, source: &str) -> Result<Agenda, ImportError> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_separator(first))
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    // The csv crate does not count blank lines; count them from the byte offset instead.
    let line_at = |byte: u64| {
        let mut end = (byte as usize).min(text.len());
        let bytes = text.as_bytes();
        while bytes.get(end).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
            end += 1;
        }
        bytes[..end].iter().filter(|b| **b == b'\n').count() + 1
    };
    let csv_err = |e: csv::Error| match e.position() {
        Some(p) => ImportError::AtLine {
            file: source.to_string(),
            line: line_at(p.byte()),
            message: format!("not valid CSV: {e}"),
        },
        None => ImportError::invalid(source, format!("not valid CSV: {e}")),
    };
    let mut records = reader.records();
    let (header, header_line) = loop {
        match records.next() {
            None => return Err(ImportError::invalid(source, "no header row")),
            Some(r) => {
                let r = r.map_err(csv_err)?;
                if r.iter().any(|c| !c.is_empty()) {
                    let line = r.position().map(|p| line_at(p.byte())).unwrap_or(1);
                    break (r, line);
                }
            }
        }
    };
    let names: Vec<String> = header.iter().map(str::to_string).collect();
    let columns: Vec<Column> = names
        .iter()
        .map(|h| match_header(h).unwrap_or(Column::Other))
        .collect();
    let has_time = columns
        .iter()
        .any(|c| matches!(c, Column::Time | Column::Start | Column::End));
    if !has_time {
        return Err(ImportError::AtLine {
            file: source.to_string(),
            line: header_line,
            message: format!(
                "no time column in the header ({}); expected a column named time, start or end",
                names.join(", ")
            ),
        });
    }
    let year = year_in(text);
    let mut days: Vec<RawDay> = Vec::new();
    let mut day_key: Option<String> = None;
    let mut warnings = Vec::new();
    let mut headings = 0;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                // One broken record (an unclosed quote…) is skipped, not the file refused.
                let line = e.position().map(|p| line_at(p.byte()));
                warnings.push(ImportWarning {
                    line,
                    message: format!("not valid CSV, skipped: {e}"),
                    ..ImportWarning::default()
                });
                continue;
            }
        };
        let line = record.position().map(|p| line_at(p.byte())).unwrap_or(0);
        let mut row = RawRow {
            line: Some(line),
            ..RawRow::default()
        };
        let unreadable = |field: &str, value: &str, row: &mut RawRow| {
            row.unreadable = Some(format!("field `{field}`: {value:?}"));
        };
        let (mut label, mut date_cell) = (String::new(), String::new());
        for (i, value) in record.iter().enumerate() {
            let col = columns.get(i).copied().unwrap_or(Column::Other);
            let field = names.get(i).map(String::as_str).unwrap_or("");
            match col {
                _ if value.is_empty() => {}
                Column::Time | Column::Start => match spelled_cell(value) {
                    Some(t) => {
                        let end = row.times.and_then(|r| r.end);
                        row.times = Some(Spelled {
                            end: t.end.or(end),
                            ..t
                        });
                    }
                    None => unreadable(field, value, &mut row),
                },
                Column::End => match (spelled_cell(value), row.times.as_mut()) {
                    (Some(e), Some(t)) => {
                        t.end = Some(e.start);
                        t.end_marked = e.start_marked;
                    }
                    (Some(_), None) => {}
                    (None, _) => unreadable(field, value, &mut row),
                },
                Column::Duration => row.minutes = value.trim().parse().ok(),
                Column::Day => label = value.to_string(),
                Column::Date => date_cell = value.to_string(),
                other => row.cells.add(other, &decode_entities(value), "; "),
            }
        }
        if row.cells.is_empty() && row.unreadable.is_none() && row.times.is_none() {
            continue;
        }
        let heading = parse_date(&date_cell, year)
            .map(|d| DayHeading {
                label: String::new(),
                day_of_month: Some(d.day()),
                month: Some(d.month()),
                year: Some(d.year()),
                ..DayHeading::default()
            })
            .or_else(|| parse_day_heading(&label))
            .or_else(|| parse_day_heading(&date_cell));
        let label = if label.is_empty() { date_cell } else { label };
        let key = format!("{label}\u{0}{heading:?}");
        if day_key.as_ref() != Some(&key) || days.is_empty() {
            headings += usize::from(heading.is_some() || !label.is_empty());
            let mut day = RawDay::new(heading);
            day.label = label;
            days.push(day);
            day_key = Some(key);
        }
        if let Some(day) = days.last_mut() {
            day.rows.push(row);
        }
    }
    let settled = settle(days, headings > 0, year, None, None);
    if settled.days.is_empty() {
        return Err(ImportError::NoRows {
            file: source.to_string(),
            hint: "the header was read but no row below it has a time or a title".into(),
        });
    }
    let mut all = warnings;
    all.extend(settled.warnings);
    Ok(Agenda {
        days: settled.days,
        warnings: all,
        ..Agenda::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_sniffed() {
        assert_eq!(sniff_separator("time;title;\"a,b\""), b';');
        assert_eq!(sniff_separator("time\ttitle"), b'\t');
        assert_eq!(sniff_separator("time,title"), b',');
    }

    #[test]
    fn a_bad_time_keeps_its_row_and_names_line_and_field() {
        let a = import("start,title\n09:00,Opening\n\n25:99,Bad\n", "agenda.csv").unwrap();
        let rows = &a.days[0].rows;
        assert_eq!((rows[1].title.as_str(), rows[1].start), ("Bad", None));
        let w = &a.warnings[0];
        assert_eq!(w.line, Some(4));
        assert!(
            w.message
                .starts_with("field `start`: \"25:99\" is not a time"),
            "{w:?}"
        );
    }

    #[test]
    fn a_length_column_gives_the_end() {
        let a = import(
            "time,talk_title,Length\n9:20,opening,15\n9:35,,20\n",
            "s.csv",
        )
        .unwrap();
        let r = &a.days[0].rows;
        assert_eq!(r[0].end.map(|t| t.to_string()).as_deref(), Some("09:35"));
        assert_eq!(r[1].title, "");
        assert!(a
            .warnings
            .iter()
            .any(|w| w.line == Some(3) && w.message.contains("no title")));
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2018, 2, 12);
        assert_eq!(parse_date("2018-02-12", None), d);
        assert_eq!(parse_date("12/02/2018", None), None);
        assert_eq!(
            parse_date("13/02/2018", None),
            NaiveDate::from_ymd_opt(2018, 2, 13)
        );
        assert_eq!(parse_date("Monday 12 February", Some(2018)), d);
    }
}
