//! The import preview: what an agenda would become, or exactly where it fails, without
//! creating anything. The window parses pasted text on every pause in typing and shows the
//! rows, so the user fixes the text before *Create event*; a failure is a [`Problem`] that
//! names the source, the line and the field where the importer knows them.

use super::{detect_format, import_bytes, Format, ImportError};
use crate::model::{AgendaDay, EventInfo, ImportWarning};
use serde::Serialize;
use std::path::Path;

/// Where and why an import fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The whole error as the CLI prints it ("pasted text, line 3, field `start`: …").
    pub message: String,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// The parse of an agenda: its event facts and days, or the problem.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportPreview {
    /// "text", "csv", "ics" or "docx": what the input was read as.
    pub format: &'static str,
    pub event: Option<EventInfo>,
    pub days: Vec<AgendaDay>,
    pub rows: usize,
    pub working: usize,
    pub problem: Option<Problem>,
    /// What the importer read but could not be sure of, each naming its line and, where it
    /// concerns one, the row (indexes into `days` and that day's rows).
    pub warnings: Vec<ImportWarning>,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Csv => "csv",
            Format::Ics => "ics",
            Format::Docx => "docx",
        }
    }

    /// `text`, `csv`, `ics` or `docx`; `None` for anything else (including `auto`).
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(Format::Text),
            "csv" | "tsv" => Some(Format::Csv),
            "ics" => Some(Format::Ics),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// What `import --format` and the window's "Read as" offer; `auto` detects the format.
    pub const CHOICES: [&'static str; 5] = ["auto", "text", "csv", "ics", "docx"];

    /// A choice from [`Format::CHOICES`] (or one of [`Format::parse`]'s spellings): `None` for
    /// `auto` or nothing, which detects the format from the file name and content.
    pub fn choose(s: &str) -> Result<Option<Format>, String> {
        match s.trim() {
            "" | "auto" => Ok(None),
            f => Format::parse(f).map(Some).ok_or_else(|| {
                format!(
                    "unknown agenda format {f:?} (expected {})",
                    Format::CHOICES.join(", ")
                )
            }),
        }
    }
}

impl ImportError {
    /// The error as a [`Problem`] with its parts.
    pub fn problem(&self) -> Problem {
        let (file, line, field) = match self {
            ImportError::Io { file, .. }
            | ImportError::TooLarge { file, .. }
            | ImportError::Empty { file }
            | ImportError::Invalid { file, .. }
            | ImportError::NoRows { file, .. } => (file, None, None),
            ImportError::AtLine { file, line, .. } => (file, Some(*line), None),
            ImportError::AtField {
                file, line, field, ..
            } => (file, Some(*line), Some(field.clone())),
        };
        Problem {
            message: self.to_string(),
            file: file.clone(),
            line,
            field,
        }
    }
}

/// Parses `bytes` as `format` (or the format detected from `source`'s extension and the
/// bytes) and describes the result.
pub fn preview_bytes(bytes: &[u8], format: Option<Format>, source: &str) -> ImportPreview {
    let format = format.unwrap_or_else(|| detect_format(Path::new(source), bytes));
    match import_bytes(bytes, format, source) {
        Ok(agenda) => ImportPreview {
            format: format.as_str(),
            rows: agenda.row_count(),
            working: agenda.working_count(),
            event: Some(agenda.event),
            days: agenda.days,
            problem: None,
            warnings: agenda.warnings,
        },
        Err(e) => ImportPreview {
            format: format.as_str(),
            event: None,
            days: Vec::new(),
            rows: 0,
            working: 0,
            problem: Some(e.problem()),
            warnings: Vec::new(),
        },
    }
}

/// A file the user picked or dropped: its name, its text when it is text the user can fix in
/// the paste box (not DOCX), and the preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilePreview {
    pub file: String,
    pub text: Option<String>,
    pub preview: ImportPreview,
}

/// Reads and previews an agenda file. A file that cannot be read is a preview with a problem.
pub fn preview_file(path: &Path) -> FilePreview {
    match super::read_file(path) {
        Ok((file, bytes)) => {
            let format = detect_format(path, &bytes);
            let text = (format != Format::Docx)
                .then(|| super::decode_text(&bytes, &file).ok().map(str::to_string))
                .flatten();
            FilePreview {
                preview: preview_bytes(&bytes, Some(format), &file),
                file,
                text,
            }
        }
        Err(e) => FilePreview {
            file: e.problem().file,
            text: None,
            preview: ImportPreview {
                format: "text",
                event: None,
                days: Vec::new(),
                rows: 0,
                working: 0,
                problem: Some(e.problem()),
                warnings: Vec::new(),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_rows_are_listed_with_their_day() {
        let text = "Day 1 – Monday 12 February 2018\n09:00 – 10:30\tOpening session\n10:30 – 11:00\tCoffee break\n";
        let p = preview_bytes(text.as_bytes(), None, "pasted text");
        assert_eq!(p.problem, None);
        assert_eq!(p.format, "text");
        assert_eq!((p.rows, p.working), (2, 1));
        assert_eq!(p.days[0].rows[0].title, "Opening session");
    }

    #[test]
    fn a_bad_csv_time_is_a_warning_on_its_row() {
        let text = "date,start,end,title\n2018-02-12,09:00,10:00,Opening\n2018-02-12,9 o'clock,10:00,Next\n";
        let p = preview_bytes(text.as_bytes(), Some(Format::Csv), "pasted text");
        assert_eq!(p.problem, None);
        assert_eq!(p.rows, 2);
        let w = &p.warnings[0];
        assert_eq!((w.line, w.day, w.row), (Some(3), Some(0), Some(1)), "{w:?}");
        assert!(w.message.contains("field `start`"), "{w:?}");
    }

    #[test]
    fn a_file_that_has_no_agenda_is_still_refused_with_its_line() {
        let p = preview_bytes(b"title,room\nOpening,A\n", Some(Format::Csv), "pasted text");
        let problem = p.problem.expect("no time column");
        assert_eq!(problem.line, Some(1), "{problem:?}");
        assert!(p.days.is_empty());
    }

    #[test]
    fn a_file_preview_carries_its_text_and_a_missing_file_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agenda.csv");
        std::fs::write(&path, "start,end,title\n09:00,10:00,Opening\n").unwrap();
        let f = preview_file(&path);
        assert_eq!(f.file, "agenda.csv");
        assert_eq!(f.preview.format, "csv");
        assert_eq!(f.preview.rows, 1, "{:?}", f.preview.problem);
        assert!(f.text.unwrap().contains("Opening"));
        let missing = preview_file(&dir.path().join("gone.ics"));
        let problem = missing.preview.problem.unwrap();
        assert!(
            problem.message.starts_with("gone.ics: cannot read"),
            "{problem:?}"
        );
    }

    #[test]
    fn text_without_times_says_what_it_expected() {
        let p = preview_bytes(b"Just a sentence.", None, "pasted text");
        let problem = p.problem.unwrap();
        assert!(problem.message.contains("no agenda rows"), "{problem:?}");
        assert_eq!(problem.line, None);
    }
}
