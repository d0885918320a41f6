//! Fixes the user makes to rows in the import preview before the event is created: a title
//! retyped, a time set or cleared. The window sends them with the source; the core parses the
//! source again and applies them here, so the rows stored are the core's parse plus the fixes,
//! checked the same way as any input (a time must be a time of day), and a fixed row is
//! classified again from its new title and loses the warnings it had.

use super::times::spelled_cell;
use super::ImportError;
use crate::model::{Agenda, ClockTime, SessionKind};
use serde::{Deserialize, Serialize};

/// One row's fixes. `None` leaves a field as parsed; for times, an empty string clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowEdit {
    /// Index of the day in the preview's days, and of the row in that day.
    pub day: usize,
    pub row: usize,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
}

fn time(value: &str, edit: &RowEdit, field: &str) -> Result<Option<ClockTime>, ImportError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    match spelled_cell(v) {
        Some(t) if t.end.is_none() => Ok(Some(t.start)),
        _ => Err(ImportError::invalid(
            "the preview",
            format!(
                "day {}, row {}, field `{field}`: {v:?} is not a time of day (HH:MM)",
                edit.day + 1,
                edit.row + 1
            ),
        )),
    }
}

/// Applies the fixes to a freshly parsed agenda. A fix naming a row that does not exist, or a
/// time that is not a time, is an error and nothing is applied.
pub fn apply_edits(agenda: &mut Agenda, edits: &[RowEdit]) -> Result<(), ImportError> {
    let mut checked = Vec::with_capacity(edits.len());
    for e in edits {
        let Some(row) = agenda.days.get(e.day).and_then(|d| d.rows.get(e.row)) else {
            return Err(ImportError::invalid(
                "the preview",
                format!(
                    "day {}, row {}: no such row (the agenda changed; preview it again)",
                    e.day + 1,
                    e.row + 1
                ),
            ));
        };
        let start = match &e.start {
            Some(v) => time(v, e, "start")?,
            None => row.start,
        };
        let end = match &e.end {
            Some(v) => time(v, e, "end")?,
            None => row.end,
        };
        checked.push((e, start, end));
    }
    for (e, start, end) in checked {
        let Some(row) = agenda
            .days
            .get_mut(e.day)
            .and_then(|d| d.rows.get_mut(e.row))
        else {
            continue;
        };
        row.start = start;
        row.end = end;
        if let Some(title) = &e.title {
            row.title = super::classify::squash(title);
            row.kind = if super::classify::is_logistics(&row.title) {
                SessionKind::Logistics
            } else {
                SessionKind::Working
            };
        }
        agenda
            .warnings
            .retain(|w| !(w.day == Some(e.day) && w.row == Some(e.row)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agenda::{import_bytes, Format};

    #[test]
    fn fixes_apply_and_clear_their_warnings() {
        let mut a = import_bytes(
            b"Monday\n16:00-18:0 0 Working groups\n18:00 Dinner\n",
            Format::Text,
            "t.txt",
        )
        .unwrap();
        assert_eq!(a.warnings.len(), 1);
        let edit = RowEdit {
            day: 0,
            row: 0,
            end: Some("17:45".into()),
            title: Some("  Coffee   break ".into()),
            ..RowEdit::default()
        };
        apply_edits(&mut a, &[edit]).unwrap();
        let r = &a.days[0].rows[0];
        assert_eq!(
            (r.title.as_str(), r.kind),
            ("Coffee break", SessionKind::Logistics)
        );
        assert_eq!(r.end.map(|t| t.to_string()).as_deref(), Some("17:45"));
        assert_eq!(r.start.map(|t| t.to_string()).as_deref(), Some("16:00"));
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn a_bad_fix_changes_nothing_and_names_the_row() {
        let mut a = import_bytes(b"09:00 Opening\n10:00 Close\n", Format::Text, "t").unwrap();
        let before = a.clone();
        let edits = [
            RowEdit {
                day: 0,
                row: 0,
                title: Some("New".into()),
                ..RowEdit::default()
            },
            RowEdit {
                day: 0,
                row: 1,
                start: Some("nine".into()),
                ..RowEdit::default()
            },
        ];
        let err = apply_edits(&mut a, &edits).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the preview: day 1, row 2, field `start`: \"nine\" is not a time of day (HH:MM)"
        );
        assert_eq!(a, before);
        let missing = [RowEdit {
            day: 3,
            ..RowEdit::default()
        }];
        assert!(apply_edits(&mut a, &missing).is_err());
    }
}
