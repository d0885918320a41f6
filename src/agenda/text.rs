//! Agenda rows from pasted text: a concept note or an agenda copied out of Word or a PDF.
//!
//! Two layouts are read, and may mix:
//! - **Tab-separated tables**, with or without a header row. A header ("Timeframe ⇥ Agenda
//!   item ⇥ Methodology ⇥ Moderators") maps columns by loosely matched names; without one the order is
//!   time, item, methodology, moderators, rapporteurs. A line whose time cell holds a time
//!   starts a row; a tabbed line without a time continues the row above cell by cell (a cell
//!   wrapped onto its own line in Word); blank lines inside the table do not end it.
//! - **Loose lines**: a line that starts with a time range starts a row; the rest of the line,
//!   or the next line when the time stands alone, is the title; further lines are the
//!   description, or a field when they start with "Moderator:", "Methodology:", "Rapporteur:"…
//!   A blank line ends such a row.
//!
//! A line whose only text is a day heading starts a day. Days without rows are dropped (a date
//! on a line of its own in the prose is not a day of the agenda).

use super::classify::strip_markup;
use super::columns::{match_header, match_header_row, Column, RowCells, DEFAULT_ORDER};
use super::days::{parse_day_heading, year_in, year_of, DayHeading};
use super::times::{leading_range, parse_time, parse_time_cell};
use crate::model::{AgendaDay, AgendaRow};
use chrono::NaiveDate;

/// What the text says about the event's dates, used to date day headings.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateContext {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Outside,
    Tabbed,
    Loose,
}

struct Day {
    heading: Option<DayHeading>,
    rows: Vec<AgendaRow>,
}

struct Parser {
    columns: Vec<Column>,
    mode: Mode,
    days: Vec<Day>,
    current: Option<RowCells>,
    first_line: Option<usize>,
    last_line: usize,
}

impl Parser {
    fn flush(&mut self) {
        if let Some(cells) = self.current.take() {
            if cells.is_empty() {
                return;
            }
            if self.days.is_empty() {
                self.days.push(Day {
                    heading: None,
                    rows: Vec::new(),
                });
            }
            if let Some(day) = self.days.last_mut() {
                day.rows.push(cells.into_row());
            }
        }
    }

    fn touch(&mut self, line: usize) {
        self.first_line.get_or_insert(line);
        self.last_line = line;
    }

    fn column(&self, i: usize) -> Column {
        self.columns.get(i).copied().unwrap_or(Column::Other)
    }

    /// Starts a row from a tabbed line when its time cell holds a time.
    fn tabbed_row(&self, cells: &[String]) -> Option<RowCells> {
        let time_idx = self
            .columns
            .iter()
            .position(|c| matches!(c, Column::Time | Column::Start))?;
        let (start, mut end) = parse_time_cell(cells.get(time_idx)?)?;
        if let Some(end_idx) = self.columns.iter().position(|c| *c == Column::End) {
            if let Some(t) = cells.get(end_idx).and_then(|c| parse_time(c)) {
                end = Some(t);
            }
        }
        let mut row = RowCells {
            start: Some(start),
            end,
            ..RowCells::default()
        };
        for (i, cell) in cells.iter().enumerate() {
            row.add(self.column(i), cell, "; ");
        }
        Some(row)
    }

    fn line(&mut self, n: usize, raw: &str) {
        let has_tabs = raw.contains('\t');
        let cells: Vec<String> = raw
            .split('\t')
            .map(|c| strip_markup(c).trim().to_string())
            .collect();
        let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        if filled.is_empty() {
            if self.mode == Mode::Loose {
                self.flush();
            }
            return;
        }
        if has_tabs {
            if let Some(row) = self.tabbed_row(&cells) {
                self.flush();
                self.current = Some(row);
                self.mode = Mode::Tabbed;
                self.touch(n);
                return;
            }
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            let first_is_time = parse_time_cell(refs.first().copied().unwrap_or("")).is_some();
            if let (false, Some(cols)) = (first_is_time, match_header_row(&refs)) {
                self.flush();
                self.columns = cols;
                self.mode = Mode::Tabbed;
                self.touch(n);
                return;
            }
        } else if let Some(row) = loose_row(&cells[0]) {
            self.flush();
            self.current = Some(row);
            self.mode = Mode::Loose;
            self.touch(n);
            return;
        }
        if filled.len() == 1 {
            if let Some(h) = parse_day_heading(filled[0]) {
                self.flush();
                self.days.push(Day {
                    heading: Some(h),
                    rows: Vec::new(),
                });
                self.touch(n);
                return;
            }
        }
        match (self.mode, has_tabs) {
            (Mode::Tabbed, true) => {
                if self.current.is_none() {
                    let title_idx = self.columns.iter().position(|c| *c == Column::Title);
                    if title_idx
                        .and_then(|i| cells.get(i))
                        .is_none_or(|c| c.is_empty())
                    {
                        return;
                    }
                    self.current = Some(RowCells::default());
                }
                let columns: Vec<Column> = (0..cells.len()).map(|i| self.column(i)).collect();
                if let Some(row) = self.current.as_mut() {
                    for (col, cell) in columns.into_iter().zip(&cells) {
                        row.add(col, cell, " ");
                    }
                }
                self.touch(n);
            }
            (Mode::Tabbed, false) => self.flush(),
            (Mode::Loose, _) => {
                let text = filled
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(row) = self.current.as_mut() {
                    loose_continuation(row, &text);
                    self.touch(n);
                }
            }
            (Mode::Outside, _) => {}
        }
    }
}

/// A loose line that starts a row: a time range, then optionally the title.
fn loose_row(line: &str) -> Option<RowCells> {
    let (start, end, rest) = match leading_range(line) {
        Some((a, b, rest)) => (a, Some(b), rest),
        None => (parse_time(line)?, None, ""),
    };
    let mut row = RowCells {
        start: Some(start),
        end,
        ..RowCells::default()
    };
    row.add(Column::Title, rest, " ");
    Some(row)
}

/// A line under a loose row: a labelled field, the title, or more description.
fn loose_continuation(row: &mut RowCells, text: &str) {
    if let Some((label, value)) = text.split_once(':') {
        let col = match_header(label).filter(|_| label.split_whitespace().count() <= 2);
        if let Some(col @ (Column::Methodology | Column::Moderators | Column::Rapporteurs)) = col {
            row.add(col, value, "; ");
            return;
        }
    }
    if row.title.is_empty() {
        row.add(Column::Title, text, " ");
    } else {
        row.add(Column::Description, text, "\n");
    }
}

/// The agenda days found in `text`, with the byte-free line range they span.
pub fn parse_days(text: &str, dates: DateContext) -> Vec<AgendaDay> {
    let lines: Vec<&str> = text.lines().collect();
    let mut p = Parser {
        columns: DEFAULT_ORDER.to_vec(),
        mode: Mode::Outside,
        days: Vec::new(),
        current: None,
        first_line: None,
        last_line: 0,
    };
    for (n, line) in lines.iter().enumerate() {
        p.line(n, line.trim_end_matches('\r'));
    }
    p.flush();
    let near_year = p.first_line.and_then(|first| {
        let from = first.saturating_sub(5);
        let to = (p.last_line + 1).min(lines.len());
        year_in(&lines.get(from..to)?.join("\n"))
    });
    let year = year_of(dates.start).or(near_year);
    p.days
        .into_iter()
        .filter(|d| !d.rows.is_empty())
        .map(|d| AgendaDay {
            date: d
                .heading
                .as_ref()
                .and_then(|h| h.date(year, dates.start, dates.end)),
            label: d.heading.map(|h| h.label).unwrap_or_default(),
            rows: d.rows,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SessionKind;

    fn days(text: &str) -> Vec<AgendaDay> {
        parse_days(text, DateContext::default())
    }

    #[test]
    fn time_alone_on_a_line() {
        let d = days("Day 1\n09:00 – 10:30\nOpening\nWelcome remarks by the chair\nModerator: FAO\n\n10:30 - 11:00\nCoffee break\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].label, "Day 1");
        let r = &d[0].rows;
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].title, "Opening");
        assert_eq!(r[0].description, "Welcome remarks by the chair");
        assert_eq!(r[0].moderators, "FAO");
        assert_eq!(r[1].kind, SessionKind::Logistics);
    }

    #[test]
    fn headerless_table_with_wrapped_cells() {
        let d = days("Monday 12 February 2018\t\t\n09:00-10:00\tOpening session\tPlenary\tFAO\n\n\t\tand discussion\t\n10:00-10:30\t*Coffee break*\t\t\n");
        assert_eq!(d[0].date, NaiveDate::from_ymd_opt(2018, 2, 12));
        assert_eq!(d[0].rows[0].methodology, "Plenary and discussion");
        assert_eq!(d[0].rows[1].title, "Coffee break");
    }

    #[test]
    fn no_rows_in_prose() {
        assert!(
            days("Introduction\n\n2018 will be a crucial year.\n12 February 2018\n").is_empty()
        );
    }
}
