//! Agenda rows from pasted text: a concept note, a web page copied from a browser, a PDF, a
//! Markdown file, the paragraphs of a Word document.
//!
//! Three passes. `normalise` cleans each line (markup, icons, odd spaces). This module then
//! reads the lines as **cells**: a line is split on tabs (copied from Word) or on bars (a
//! web table, Markdown), and each cell is a day heading, a time (range or start), a header word
//! or text. A time starts a row; the text after it on the line, or on the next line when the
//! time stands alone, is its title; a second lone time right after the first is the end (a
//! START/FINISH table pasted one cell per line); lines under the row are its description, or a
//! field when labelled ("Moderator:", "Intervenant :", "Ведущие:"). A table with a header row
//! ("Actividad | Hora inicio | Hora fin") is read by column instead, whatever the order. Finally
//! `clock` settles each day: twelve-hour times without am/pm, times out of order, warnings.
//!
//! Choices where the layout alone decides: text after a row is its description until a blank
//! line; a title line that ends in "of the"/"de la" goes on on the next line; cells side by side
//! without a header are parallel sessions, joined with " | "; a logistics line without a time
//! between timed rows ("Pause déjeuner d'une heure") is a row of its own; a document with day
//! headings but no time at all has one row per line. Prose before the first row is not read
//! here (the concept-note reader takes the meeting's facts from it).

use super::clock::{settle, RawDay, RawRow, Settled};
use super::columns::{
    match_header, match_header_row, settle_header, Column, RowCells, DEFAULT_ORDER,
};
use super::days::{heading_then_time, parse_day_heading, year_in, year_of, DayHeading};
use super::normalise::{self, Clean};
use super::times::{is_time_placeholder, leading_times, spelled_cell, Spelled};
use chrono::NaiveDate;

/// What the text says about the event's dates, used to date day headings.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateContext {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// Words that leave a title line unfinished ("Inauguration of the").
const CONTINUES: &[&str] = &[
    "of", "the", "and", "to", "for", "in", "on", "with", "a", "an", "de", "du", "des", "la", "le",
    "les", "et", "à", "en", "del", "los", "las", "el", "y", "и", "в", "по",
];

#[derive(Default)]
struct Parser {
    days: Vec<RawDay>,
    row: Option<RawRow>,
    /// Text lines may still join the open row (no blank line since its title).
    open: bool,
    /// The field labelled on a line of its own ("Ведущие:"), for the lines under it.
    pending: Option<Column>,
    /// The header of the table being read, by column.
    header: Option<Vec<Column>>,
    rows_since_header: usize,
    /// Header cells pasted one per line ("START |", "FINISH |"…).
    stacked: Vec<Column>,
    /// The row came from a line ending in a bar (one cell per line).
    one_cell: bool,
    /// The line being read is tab-separated (copied out of Word).
    tabbed: bool,
    /// Rows are written as Markdown headings ("### 08:00 - 09:00 | Title"): a time in a bullet
    /// below one is a detail, not a row.
    heading_rows: bool,
    headings: usize,
}

fn split_cells(text: &str) -> Option<Vec<String>> {
    let time_then_bar = leading_times(text).is_some_and(|(_, rest)| rest.starts_with('|'));
    let barred = text.starts_with('|') || text.ends_with('|') || time_then_bar;
    if text.contains('\t') && !barred {
        return Some(text.split('\t').map(|c| c.trim().to_string()).collect());
    }
    if !barred {
        return None;
    }
    let mut cells: Vec<String> = text.split('|').map(|c| c.trim().to_string()).collect();
    if text.starts_with('|') && !cells.is_empty() {
        cells.remove(0);
    }
    if text.ends_with('|') && !cells.is_empty() {
        cells.pop();
    }
    Some(cells)
}

/// Separators left between a time and its title, or at a cell's edges. A colon at the end is
/// the title's own ("… consultations:").
fn clean_title(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '|' | ':' | '-' | '–' | '—' | '►' | '•' | '→' | '=' | '~')
    })
    .trim_end_matches(|c: char| c.is_whitespace() || c == '|')
}

/// "Session 1: Setting the scene", "Part II", "Séance 3 –": a heading between rows that groups
/// them, not a row or a row's text.
fn is_section_heading(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let second = words.next().unwrap_or("");
    let numbered = second
        .trim_end_matches([':', '.', ','])
        .chars()
        .all(|c| c.is_ascii_digit() || "IVXivx".contains(c))
        && !second.is_empty();
    matches!(
        first.as_str(),
        "session" | "part" | "segment" | "séance" | "sesión" | "partie" | "module" | "секция"
    ) && numbered
}

/// Where a second time range (with its end) starts inside the text after a row's time.
fn second_range(rest: &str) -> Option<usize> {
    rest.char_indices()
        .filter(|(i, c)| c.is_ascii_digit() && rest[..*i].ends_with(' '))
        .map(|(i, _)| i)
        .find(|&i| i > 0 && leading_times(&rest[i..]).is_some_and(|(t, _)| t.end.is_some()))
}

fn is_punctuation(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| !c.is_alphanumeric())
}

/// "Moderator: FAO" → the field and the value (possibly empty: names follow on later lines).
fn labelled(text: &str) -> Option<(Column, &str)> {
    let (label, value) = text.split_once(':')?;
    if label.split_whitespace().count() > 3 {
        return None;
    }
    match match_header(label)? {
        col @ (Column::Methodology | Column::Moderators | Column::Rapporteurs) => {
            Some((col, value.trim()))
        }
        _ => None,
    }
}

fn ends_unfinished(title: &str) -> bool {
    let last = title.split_whitespace().last().unwrap_or("").to_lowercase();
    CONTINUES.contains(&last.as_str()) || title.ends_with(['-', '–', ','])
}

impl Parser {
    fn flush(&mut self) {
        if let Some(row) = self.row.take() {
            if self.days.is_empty() {
                self.days.push(RawDay::default());
            }
            if let Some(day) = self.days.last_mut() {
                day.rows.push(row);
            }
            self.rows_since_header += 1;
        }
        self.pending = None;
    }

    fn start_day(&mut self, h: DayHeading) {
        self.flush();
        self.headings += 1;
        if let Some(day) = self.days.last_mut() {
            let same = day.heading.as_ref().is_some_and(|d| d.same_day(&h));
            if day.rows.is_empty() {
                let keep = day
                    .heading
                    .as_ref()
                    .is_some_and(|d| d.month.is_some() && h.month.is_none());
                if !keep {
                    *day = RawDay::new(Some(h));
                }
                return;
            }
            if same {
                return;
            }
        }
        self.days.push(RawDay::new(Some(h)));
    }

    fn start_row(&mut self, n: usize, times: Option<Spelled>, rest: &str) {
        self.flush();
        let mut row = RawRow {
            line: Some(n),
            times,
            glued: self.tabbed,
            ..RawRow::default()
        };
        add_title(&mut row.cells, rest);
        row.inline = !row.cells.title.is_empty();
        self.row = Some(row);
        self.open = true;
    }

    /// A cell that starts with a time: a new row, or the end of the open row.
    fn time_cell(&mut self, n: usize, t: Spelled, rest: &str) {
        if let Some(row) = self.row.as_mut() {
            let awaiting_end = row.cells.title.is_empty()
                && row.times.is_some_and(|r| r.end.is_none())
                && t.end.is_none()
                && clean_title(rest).is_empty();
            if awaiting_end {
                if let Some(r) = row.times.as_mut() {
                    r.end = Some(t.start);
                    r.end_marked = t.start_marked;
                    r.typo |= t.typo;
                }
                return;
            }
        }
        self.start_row(n, Some(t), rest);
    }

    fn text(&mut self, n: usize, text: &str, clean: &Clean) {
        let Some(row) = self.row.as_mut() else {
            return;
        };
        if !self.open {
            return;
        }
        if let Some((col, value)) = labelled(text) {
            row.cells.add(col, value, "; ");
            self.pending = value.is_empty().then_some(col);
            return;
        }
        if row.cells.title.is_empty() {
            add_title(&mut row.cells, text);
            return;
        }
        if is_section_heading(text) {
            self.open = false;
            return;
        }
        if self.one_cell {
            if self.stacked.contains(&Column::Moderators) {
                row.cells.add(Column::Moderators, clean_title(text), "; ");
            } else {
                row.cells.title.push_str(" | ");
                row.cells.title.push_str(clean_title(text));
            }
            return;
        }
        if let Some(col) = self.pending {
            row.cells.add(col, text, "; ");
            return;
        }
        if ends_unfinished(&row.cells.title) && row.cells.description.is_empty() && !clean.bullet {
            row.cells.title.push(' ');
            row.cells.title.push_str(text);
            return;
        }
        let own_row = super::classify::is_logistics(text)
            && !super::classify::is_logistics(&row.cells.title)
            && !clean.bullet
            && !clean.indented
            && row.inline
            && row.times.is_some();
        if own_row {
            self.start_row(n, None, text);
            self.open = false;
            return;
        }
        row.cells.add(Column::Description, text, "\n");
    }

    /// A line with several cells under a known header: each cell by its column.
    fn mapped(&mut self, n: usize, mut cells: Vec<String>, cols: &[Column]) {
        let ti = cols
            .iter()
            .position(|c| matches!(c, Column::Time | Column::Start));
        let time_at = |cells: &[String], i: usize| cells.get(i).and_then(|c| spelled_cell(c));
        let mut times = ti.and_then(|i| time_at(&cells, i));
        if let (None, Some(i)) = (times, ti) {
            // A cell merged over several rows is missing: the row's cells moved left.
            if let Some(j) = (0..i).find(|&j| time_at(&cells, j).is_some()) {
                for _ in j..i {
                    cells.insert(0, String::new());
                }
                times = time_at(&cells, i);
            }
        }
        let cell = |c: Column| cols.iter().position(|x| *x == c).and_then(|i| cells.get(i));
        if let Some(h) = cell(Column::Date)
            .or(cell(Column::Day))
            .and_then(|d| parse_day_heading(d))
        {
            let new = self.days.last().is_none_or(|d| d.label != h.label);
            if new {
                self.start_day(h);
            }
        }
        let placeholder = ti
            .and_then(|i| cells.get(i))
            .filter(|c| is_time_placeholder(c));
        if times.is_none() && placeholder.is_none() {
            // A wrapped cell: its text continues the open row.
            if let Some(row) = self.row.as_mut() {
                for (col, text) in cols.iter().zip(&cells) {
                    row.cells.add(*col, text, " ");
                }
            }
            return;
        }
        self.flush();
        let mut row = RawRow {
            line: Some(n),
            times,
            unreadable: placeholder.map(|c| format!("{c:?}")),
            glued: self.tabbed,
            ..RawRow::default()
        };
        let mut others = Vec::new();
        for (i, text) in cells.iter().enumerate() {
            match cols.get(i).copied().unwrap_or(Column::Other) {
                Column::End => {
                    if let (Some(t), Some(e)) = (row.times.as_mut(), spelled_cell(text)) {
                        t.end = Some(e.start);
                        t.end_marked = e.start_marked;
                    }
                }
                Column::Duration => row.minutes = text.trim().parse().ok(),
                Column::Title => add_title(&mut row.cells, text),
                Column::Other if !text.is_empty() && Some(i) > ti => others.push(text.as_str()),
                col => row.cells.add(col, text, "; "),
            }
        }
        if row.cells.title.is_empty() && !others.is_empty() {
            row.cells.title = others.join(" | ");
        }
        self.row = Some(row);
        self.open = true;
    }

    fn header_row(&mut self, cols: Vec<Column>) {
        let cols = settle_header(cols);
        let repeated = self.header.as_ref() == Some(&cols) && self.rows_since_header > 0;
        self.flush();
        if repeated && self.headings == 0 {
            self.days.push(RawDay::default());
        }
        self.header = Some(cols);
        self.rows_since_header = 0;
    }

    fn line(&mut self, n: usize, clean: &Clean) {
        let text = clean.text.trim_matches(' ');
        if text.trim().is_empty() {
            if self.row.as_ref().is_some_and(|r| !r.cells.title.is_empty()) {
                self.open = false;
            }
            self.pending = None;
            return;
        }
        let cells = split_cells(text);
        self.tabbed = text.contains('\t') && !text.starts_with('|') && !text.ends_with('|');
        let bar_ended = text.ends_with('|') && cells.as_ref().is_some_and(|c| c.len() <= 1);
        let filled: Vec<String> = cells
            .as_ref()
            .map(|c| c.iter().filter(|c| !c.is_empty()).cloned().collect())
            .unwrap_or_else(|| vec![text.to_string()]);
        if filled.is_empty() {
            return; // a row of empty cells
        }
        if let Some(cells) = cells.as_ref().filter(|_| self.tabbed) {
            // A Word table pasted as text: read by column, the concept note's order unless a
            // header names them; a line without a time continues the row above cell by cell.
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            let any_time = refs.iter().any(|c| spelled_cell(c).is_some());
            if let (false, Some(cols)) = (any_time, match_header_row(&refs)) {
                self.header_row(cols);
                return;
            }
            if let (false, [only]) = (any_time, filled.as_slice()) {
                if let Some(h) = parse_day_heading(only) {
                    return self.start_day(h);
                }
            }
            let cols = self
                .header
                .clone()
                .unwrap_or_else(|| DEFAULT_ORDER.to_vec());
            self.one_cell = false;
            return self.mapped(n, cells.clone(), &cols);
        }
        if let Some(cells) = cells.filter(|_| filled.len() >= 2) {
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            let any_time = refs.iter().any(|c| spelled_cell(c).is_some());
            if let (false, Some(cols)) = (any_time, match_header_row(&refs)) {
                self.header_row(cols);
                return;
            }
            if let Some(cols) = self.header.clone() {
                self.one_cell = false;
                self.mapped(n, cells, &cols);
                return;
            }
            for cell in cells.iter().filter(|c| !c.is_empty()) {
                self.cell(n, cell, clean, false);
            }
            return;
        }
        self.one_cell = bar_ended;
        self.cell(n, &filled[0], clean, bar_ended);
        if let (Some(name), Some(row)) = (&clean.speaker, self.row.as_mut()) {
            row.cells.add(Column::Moderators, name, "; ");
        }
    }

    /// One cell (a whole loose line, or one cell of a line of several).
    fn cell(&mut self, n: usize, cell: &str, clean: &Clean, bar_ended: bool) {
        if let Some((h, rest)) = heading_then_time(cell) {
            self.start_day(h);
            return self.cell(n, rest, clean, bar_ended);
        }
        if let Some((t, rest)) = leading_times(cell) {
            if !(self.heading_rows && clean.bullet && !clean.heading) {
                self.heading_rows |= clean.heading;
                // Two rows run together on one line: "09:00-09:30 Opening 09:30-10:00 Keynote".
                if let Some(at) = second_range(rest) {
                    self.time_cell(n, t, &rest[..at]);
                    return self.cell(n, &rest[at..], clean, bar_ended);
                }
                return self.time_cell(n, t, rest);
            }
        }
        if is_time_placeholder(cell) {
            self.start_row(n, None, "");
            if let Some(row) = self.row.as_mut() {
                row.unreadable = Some(format!("{cell:?}"));
            }
            return;
        }
        if is_punctuation(cell) {
            return;
        }
        if let Some(h) = parse_day_heading(cell) {
            return self.start_day(h);
        }
        let words = cell.split_whitespace().count();
        if bar_ended && words <= 2 && self.row.as_ref().is_none_or(|r| !r.cells.title.is_empty()) {
            if let Some(col) = match_header(cell) {
                if self.row.is_some() && self.stacked.len() >= 2 {
                    self.stacked.clear();
                }
                self.flush();
                self.stacked.push(col);
                return;
            }
        }
        self.text(n, cell, clean);
    }
}

fn add_title(cells: &mut RowCells, text: &str) {
    let t = clean_title(text);
    if t.is_empty() {
        return;
    }
    if t.starts_with('(') && t.ends_with(')') && cells.title.is_empty() {
        cells.add(Column::Methodology, t, "; ");
        return;
    }
    cells.add(Column::Title, t, " ");
}

/// A document with day headings and no time anywhere: one row per line under each heading.
fn timeless(lines: &[Clean]) -> Vec<RawDay> {
    let mut days: Vec<RawDay> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let text = l.text.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(h) = parse_day_heading(text) {
            days.push(RawDay::new(Some(h)));
        } else if let Some(day) = days.last_mut() {
            let mut row = RawRow {
                line: Some(i + 1),
                ..RawRow::default()
            };
            add_title(&mut row.cells, text);
            day.rows.push(row);
        }
    }
    days
}

/// The agenda days found in `text`, with the warnings about them.
pub fn parse_days(text: &str, dates: DateContext) -> Settled {
    let lines = normalise::lines(text);
    let mut p = Parser::default();
    for (i, l) in lines.iter().enumerate() {
        p.line(i + 1, l);
    }
    p.flush();
    let timed = p
        .days
        .iter()
        .flat_map(|d| &d.rows)
        .any(|r| r.times.is_some());
    let mut days = p.days;
    let mut headings = p.headings;
    if !timed {
        let t = timeless(&lines);
        if t.iter().filter(|d| !d.rows.is_empty()).count() >= 1 {
            headings = t.len();
            days = t;
        }
    }
    let heading_year = days
        .iter()
        .find_map(|d| d.heading.as_ref().and_then(|h| h.year));
    let first_line = lines.iter().find(|l| !l.text.trim().is_empty());
    let year = year_of(dates.start)
        .or(heading_year)
        .or_else(|| first_line.and_then(|l| year_in(&l.text)));
    settle(days, headings > 0, year, dates.start, dates.end)
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
