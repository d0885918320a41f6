//! Agenda importers: outside bytes (pasted text, Markdown, CSV, ICS, DOCX) → [`Agenda`].
//!
//! This module owns the public entry points, the error type and format detection; each format
//! has its own file, and the pieces they share have theirs: `normalise` (the first pass over
//! text), `times` (the grammar of times), `days` and `lang` (day headings and the words of each
//! language), `text` (the layout pass), `clock` (the day pass), `classify` and `columns` (kinds
//! and table columns), `concept` (the meeting's facts), `edit` (the user's fixes from the
//! preview). `docs/import.md` says what is read; `tests/agenda_corpus.rs` scores it on real
//! agendas.
//!
//! Every importer is total: any input gives `Ok` or an [`ImportError`] naming the source and,
//! where known, the line and the field — never a panic. A file that has rows is never refused
//! for one bad line: the line is skipped or kept and reported in [`Agenda::warnings`]; a file
//! with no agenda at all is an error. Input is capped at [`MAX_IMPORT_BYTES`] before it is read.

mod classify;
mod clock;
mod columns;
mod concept;
mod csv;
mod days;
pub(crate) mod docx;
mod edit;
mod entities;
mod ics;
mod lang;
mod normalise;
mod preview;
mod text;
mod times;

pub use docx::{MAX_CELLS as MAX_DOCX_CELLS, MAX_PARAGRAPHS as MAX_DOCX_PARAGRAPHS};
pub use edit::{apply_edits, RowEdit};
pub use entities::entities_named;
pub use preview::{preview_bytes, preview_file, FilePreview, ImportPreview, Problem};

use crate::model::Agenda;
use std::io::Read;
use std::path::Path;

/// Refuse input larger than this (16 MiB): no real agenda comes near it.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// The concept note of the sample event (GMG retreat 2018), embedded in the binary.
pub const SAMPLE_CONCEPT_NOTE: &str =
    include_str!("../../assets/samples/gmg-retreat-2018-concept-note.txt");

/// The agenda of the sample event.
pub fn sample_agenda() -> Agenda {
    // The embedded note is tested to import; an empty agenda is the safe fallback.
    import_bytes(
        SAMPLE_CONCEPT_NOTE.as_bytes(),
        Format::Text,
        "gmg-retreat-2018-concept-note.txt",
    )
    .unwrap_or_default()
}

/// The formats an agenda can be imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Ics,
    Docx,
}

/// Why an import failed. Every variant names the source (the file name).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read: {error}")]
    Io {
        file: String,
        #[source]
        error: std::io::Error,
    },
    #[error("{file}: too large to be an agenda ({size} bytes; the limit is {max} bytes)")]
    TooLarge { file: String, size: u64, max: u64 },
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
    #[error("{file}, line {line}: {message}")]
    AtLine {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}, line {line}, field `{field}`: {message}")]
    AtField {
        file: String,
        line: usize,
        field: String,
        message: String,
    },
    #[error("{file}: no agenda rows found ({hint})")]
    NoRows { file: String, hint: String },
}

impl ImportError {
    pub(crate) fn invalid(file: &str, message: impl Into<String>) -> Self {
        ImportError::Invalid {
            file: file.to_string(),
            message: message.into(),
        }
    }
}

/// Guesses the format: by extension first, then by sniffing the bytes.
pub fn detect_format(path: &Path, bytes: &[u8]) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("docx") => return Format::Docx,
        Some("ics" | "ical" | "ifb" | "icalendar") => return Format::Ics,
        Some("csv" | "tsv") => return Format::Csv,
        Some("txt" | "text" | "md") => return Format::Text,
        _ => {}
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Format::Docx;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.to_ascii_uppercase().starts_with("BEGIN:VCALENDAR") {
        return Format::Ics;
    }
    if csv::looks_like_csv(head) {
        return Format::Csv;
    }
    Format::Text
}

/// Decodes text input: UTF-8 (with or without BOM); refuses binary data.
pub(crate) fn decode_text<'a>(bytes: &'a [u8], source: &str) -> Result<&'a str, ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty {
            file: source.to_string(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::invalid(
            source,
            format!(
                "not UTF-8 text (invalid byte at offset {}); save the agenda as UTF-8 text, CSV, ICS or DOCX",
                e.valid_up_to()
            ),
        )
    })?;
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 0 && controls * 20 > text.chars().count().max(1) {
        return Err(ImportError::invalid(source, "binary data, not an agenda"));
    }
    Ok(text.trim_start_matches('\u{feff}'))
}

/// Imports an agenda from bytes already in memory. `source` names them in errors.
pub fn import_bytes(bytes: &[u8], format: Format, source: &str) -> Result<Agenda, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            file: source.to_string(),
            size: bytes.len() as u64,
            max: MAX_IMPORT_BYTES as u64,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            file: source.to_string(),
        });
    }
    match format {
        Format::Text => import_text(decode_text(bytes, source)?, source),
        Format::Csv => csv::import(decode_text(bytes, source)?, source),
        Format::Ics => ics::import(decode_text(bytes, source)?, source),
        Format::Docx => docx::import(bytes, source),
    }
}

/// Imports an agenda from a file, detecting the format unless given. Refuses files over
/// [`MAX_IMPORT_BYTES`] before reading them.
pub fn import_file(path: &Path, format: Option<Format>) -> Result<Agenda, ImportError> {
    import_file_capped(path, format, MAX_IMPORT_BYTES)
}

fn import_file_capped(
    path: &Path,
    format: Option<Format>,
    cap: usize,
) -> Result<Agenda, ImportError> {
    let (file, bytes) = read_file_capped(path, cap)?;
    let format = format.unwrap_or_else(|| detect_format(path, &bytes));
    import_bytes(&bytes, format, &file)
}

/// Reads a file of at most [`MAX_IMPORT_BYTES`]; returns its name (for messages) and bytes.
pub fn read_file(path: &Path) -> Result<(String, Vec<u8>), ImportError> {
    read_file_capped(path, MAX_IMPORT_BYTES)
}

fn read_file_capped(path: &Path, cap: usize) -> Result<(String, Vec<u8>), ImportError> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let io = |error| ImportError::Io {
        file: file.clone(),
        error,
    };
    let handle = std::fs::File::open(path).map_err(io)?;
    let size = handle.metadata().map_err(io)?.len();
    if size > cap as u64 {
        return Err(ImportError::TooLarge {
            file,
            size,
            max: cap as u64,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read one byte past the cap so a file that grew after the check is still refused.
    handle
        .take(cap as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > cap {
        return Err(ImportError::TooLarge {
            file,
            size: bytes.len() as u64,
            max: cap as u64,
        });
    }
    Ok((file, bytes))
}

/// Concept-note or pasted text: event facts plus the agenda table.
fn import_text(text: &str, source: &str) -> Result<Agenda, ImportError> {
    let event = concept::extract(&normalise::visible(text));
    let dates = text::DateContext {
        start: event.start_date,
        end: event.end_date,
    };
    let settled = text::parse_days(text, dates);
    if settled.days.is_empty() {
        return Err(ImportError::NoRows {
            file: source.to_string(),
            hint: "expected lines that start with a time such as \"09:00 – 10:30\" or \"9h30\", or day headings with one item per line".into(),
        });
    }
    Ok(finish(event, settled))
}

/// Puts an agenda together: the meeting's dates from its days when the document states none
/// elsewhere, and the date of a single undated day from the meeting's single stated date.
fn finish(mut event: crate::model::EventInfo, settled: clock::Settled) -> Agenda {
    let mut days = settled.days;
    if event.start_date.is_none() {
        event.start_date = days.iter().filter_map(|d| d.date).min();
        event.end_date = days.iter().filter_map(|d| d.date).max();
    }
    if let ([day], Some(date)) = (days.as_mut_slice(), event.start_date) {
        if day.date.is_none() && event.end_date == Some(date) {
            day.date = Some(date);
        }
    }
    Agenda {
        event,
        days,
        warnings: settled.warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_over_the_cap_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "09:00 – 10:00\tOpening\n".repeat(10)).unwrap();
        let err = import_file_capped(&path, None, 16).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }));
        assert!(err.to_string().starts_with("big.txt: too large"), "{err}");
        assert!(import_file_capped(&path, None, 1024).is_ok());
    }

    #[test]
    fn detects_formats() {
        let p = Path::new;
        assert_eq!(detect_format(p("a.DOCX"), b""), Format::Docx);
        assert_eq!(detect_format(p("a.ics"), b""), Format::Ics);
        assert_eq!(detect_format(p("a"), b"PK\x03\x04rest"), Format::Docx);
        assert_eq!(detect_format(p("a"), b"BEGIN:VCALENDAR\r\n"), Format::Ics);
        assert_eq!(
            detect_format(p("a"), b"time,title,moderators\n09:00,Opening,FAO\n"),
            Format::Csv
        );
        assert_eq!(
            detect_format(p("a"), b"Concept note\n\n09:00 - 10:00\tOpening"),
            Format::Text
        );
    }

    #[test]
    fn sample_agenda_imports() {
        assert_eq!(sample_agenda().row_count(), 16);
    }
}
