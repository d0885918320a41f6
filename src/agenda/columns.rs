//! Column roles of agenda tables and loose matching of header cells to them, shared by the
//! text, CSV and DOCX importers, and the assembly of a row from its cells.
//!
//! Headers are matched on lowercase letters only ("Moderator(s)" → `moderators`,
//! "Agenda Item" → `item`), by the first keyword a header contains, most specific first
//! ("start time" is a start column before it is a time column).

use super::classify::{clean_cell, is_logistics, split_title};
use crate::model::{AgendaRow, SessionKind};

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Time,
    Start,
    End,
    Title,
    Description,
    Methodology,
    Moderators,
    Rapporteurs,
    Day,
    Date,
    /// A length in minutes ("Length", "Duration"): start + length is the stated end.
    Duration,
    Other,
}

/// The default order of a concept-note table without a header row.
pub const DEFAULT_ORDER: [Column; 5] = [
    Column::Time,
    Column::Title,
    Column::Methodology,
    Column::Moderators,
    Column::Rapporteurs,
];

const KEYWORDS: &[(&str, Column)] = &[
    ("starttime", Column::Start),
    ("endtime", Column::End),
    ("start", Column::Start),
    ("from", Column::Start),
    ("begin", Column::Start),
    ("début", Column::Start),
    ("debut", Column::Start),
    ("inicio", Column::Start),
    ("desde", Column::Start),
    ("начало", Column::Start),
    ("finish", Column::End),
    ("end", Column::End),
    ("until", Column::End),
    ("fin", Column::End),
    ("hasta", Column::End),
    ("конец", Column::End),
    ("окончание", Column::End),
    ("length", Column::Duration),
    ("duration", Column::Duration),
    ("durée", Column::Duration),
    ("duración", Column::Duration),
    ("rapporteur", Column::Rapporteurs),
    ("relator", Column::Rapporteurs),
    ("moderator", Column::Moderators),
    ("modérat", Column::Moderators),
    ("moderador", Column::Moderators),
    ("chair", Column::Moderators),
    ("facilitat", Column::Moderators),
    ("speaker", Column::Moderators),
    ("presenter", Column::Moderators),
    ("lead", Column::Moderators),
    ("led", Column::Moderators),
    ("responsible", Column::Moderators),
    ("intervenant", Column::Moderators),
    ("animat", Column::Moderators),
    ("orateur", Column::Moderators),
    ("ponente", Column::Moderators),
    ("expositor", Column::Moderators),
    ("ведущ", Column::Moderators),
    ("докладчик", Column::Moderators),
    ("спикер", Column::Moderators),
    ("methodology", Column::Methodology),
    ("method", Column::Methodology),
    ("format", Column::Methodology),
    ("modality", Column::Methodology),
    ("méthod", Column::Methodology),
    ("metodolog", Column::Methodology),
    ("description", Column::Description),
    ("details", Column::Description),
    ("content", Column::Description),
    ("summary", Column::Description),
    ("descripción", Column::Description),
    ("timeframe", Column::Time),
    ("time", Column::Time),
    ("hour", Column::Time),
    ("when", Column::Time),
    ("schedule", Column::Time),
    ("heure", Column::Time),
    ("horaire", Column::Time),
    ("hora", Column::Time),
    ("horario", Column::Time),
    ("время", Column::Time),
    ("时间", Column::Time),
    ("item", Column::Title),
    ("session", Column::Title),
    ("title", Column::Title),
    ("topic", Column::Title),
    ("subject", Column::Title),
    ("agenda", Column::Title),
    ("activ", Column::Title),
    ("event", Column::Title),
    ("séance", Column::Title),
    ("sujet", Column::Title),
    ("thème", Column::Title),
    ("sesión", Column::Title),
    ("tema", Column::Title),
    ("título", Column::Title),
    ("мероприят", Column::Title),
    ("тема", Column::Title),
    ("安排", Column::Title),
    ("内容", Column::Title),
    ("议题", Column::Title),
    ("date", Column::Date),
    ("fecha", Column::Date),
    ("дата", Column::Date),
    ("日期", Column::Date),
    ("day", Column::Day),
    ("jour", Column::Day),
    ("día", Column::Day),
];

/// The role of one header cell; `None` when it names nothing known. A keyword matches the
/// start of a word ("moderators" → `moderator`), never the middle ("agenda" holds no "end").
pub fn match_header(cell: &str) -> Option<Column> {
    let lower = cell.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    KEYWORDS
        .iter()
        .find(|(k, _)| words.iter().any(|w| w.starts_with(k)))
        .map(|(_, c)| *c)
}

/// Reads a header row: `Some(columns)` when at least two cells are known roles, one of them a
/// time, start or title column.
pub fn match_header_row(cells: &[&str]) -> Option<Vec<Column>> {
    let cols: Vec<Option<Column>> = cells.iter().map(|c| match_header(c)).collect();
    let known = cols.iter().flatten().count();
    let anchor = cols
        .iter()
        .flatten()
        .any(|c| matches!(c, Column::Time | Column::Start | Column::Title));
    (known >= 2 && anchor).then(|| {
        cols.into_iter()
            .map(|c| c.unwrap_or(Column::Other))
            .collect()
    })
}

/// A header without a title column: the first description or unnamed column after the time
/// columns holds the titles ("Time | Description", "TIME | ⟨blank⟩ | Room 1 …").
pub fn settle_header(mut cols: Vec<Column>) -> Vec<Column> {
    if cols.contains(&Column::Title) {
        return cols;
    }
    let after_time = cols
        .iter()
        .rposition(|c| matches!(c, Column::Time | Column::Start | Column::End))
        .map_or(0, |i| i + 1);
    let titled = |i: &usize| matches!(cols[*i], Column::Description | Column::Other);
    if let Some(i) = (after_time..cols.len())
        .find(titled)
        .or_else(|| (0..after_time).find(titled))
    {
        cols[i] = Column::Title;
    }
    cols
}

/// Cells of one row gathered by role: an [`AgendaRow`] whose texts are still raw and whose
/// kind is not decided yet; [`RowCells::into_row`] cleans and classifies it.
pub type RowCells = AgendaRow;

fn join_into(slot: &mut String, text: &str, sep: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !slot.is_empty() {
        slot.push_str(sep);
    }
    slot.push_str(text);
}

impl AgendaRow {
    /// Adds a cell's text to the field of `column`; several cells of one role are joined with
    /// `sep` (a space for a wrapped line, "; " for two columns of one role).
    pub fn add(&mut self, column: Column, text: &str, sep: &str) {
        match column {
            Column::Title => join_into(&mut self.title, text, sep),
            Column::Description => join_into(&mut self.description, text, sep),
            Column::Methodology => join_into(&mut self.methodology, text, sep),
            Column::Moderators => join_into(&mut self.moderators, text, sep),
            Column::Rapporteurs => join_into(&mut self.rapporteurs, text, sep),
            Column::Time
            | Column::Start
            | Column::End
            | Column::Day
            | Column::Date
            | Column::Duration
            | Column::Other => {}
        }
    }

    pub fn is_empty(&self) -> bool {
        self.start.is_none()
            && self.title.is_empty()
            && self.description.is_empty()
            && self.methodology.is_empty()
            && self.moderators.is_empty()
    }

    /// Cleans the cells, classifies the row and splits its title from a sub-title glued to it
    /// (a cell copied out of Word, see `classify::split_title`).
    pub fn into_row(self) -> AgendaRow {
        self.into_row_with(true)
    }

    /// Like [`into_row`](Self::into_row); `glued` says whether the cell may have lost the line
    /// break between title and sub-title (a Word table). Otherwise only a paragraph break
    /// splits them: the text was laid out as written.
    pub fn into_row_with(self, glued: bool) -> AgendaRow {
        // Every field is rebuilt below, so a field added to `AgendaRow` must be handled here.
        let title = clean_cell(&self.title);
        let description = clean_cell(&self.description);
        let kind = if is_logistics(&title) {
            SessionKind::Logistics
        } else {
            SessionKind::Working
        };
        let (title, description) = match title.split_once('\n') {
            _ if !description.is_empty() => (title, description),
            Some((first, rest)) => (first.trim().to_string(), rest.trim().to_string()),
            None if glued && kind == SessionKind::Working => split_title(&title),
            None => (title, description),
        };
        AgendaRow {
            start: self.start,
            end: self.end,
            title,
            description,
            methodology: clean_cell(&self.methodology),
            moderators: clean_cell(&self.moderators),
            rapporteurs: clean_cell(&self.rapporteurs),
            kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_headers() {
        assert_eq!(match_header("Timeframe"), Some(Column::Time));
        assert_eq!(match_header("Agenda Item"), Some(Column::Title));
        assert_eq!(match_header("Moderator(s)"), Some(Column::Moderators));
        assert_eq!(match_header("Start time"), Some(Column::Start));
        assert_eq!(match_header("END"), Some(Column::End));
        assert_eq!(match_header("Speakers"), Some(Column::Moderators));
        assert_eq!(match_header("Rapporteur"), Some(Column::Rapporteurs));
        assert_eq!(match_header("Date"), Some(Column::Date));
        assert_eq!(match_header("Day"), Some(Column::Day));
        assert_eq!(match_header("Methodology"), Some(Column::Methodology));
        assert_eq!(match_header("Format"), Some(Column::Methodology));
        assert_eq!(match_header("Registration of participants"), None);
        let row = match_header_row(&["Timeframe", "Agenda item", "Methodology", "Moderators"]);
        assert_eq!(row.map(|r| r.len()), Some(4));
        assert!(match_header_row(&["13:30 – 15:00", "Registration of participants"]).is_none());
    }
}
