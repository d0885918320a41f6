//! Lists of participants, as secretariats hand them to rapporteurs: a spreadsheet (XLSX), a
//! CSV, a table in a Word file, or text pasted from a PDF or a web page. Each reader turns its
//! bytes into a [`ParsedList`] — the people with name, title (honorifics), position,
//! organisation as written, the entity it stands for, and e-mail — plus the rows it skipped
//! (the list's headings and section rows, counted) and warnings naming the line.
//!
//! The readers share two layouts: rows of cells ([`table`], for XLSX, CSV, DOCX tables and
//! text in columns) and lines of text ([`text`], for "Name, Title, Organisation" lines and a
//! block of lines per person). [`plan`] then compares the people with those already in the
//! event: a person already present is merged, not doubled, and new people get unique `@`
//! handles. Nothing here writes; the store applies a plan in one edit of the event document.
//!
//! Every reader is total: any input gives `Ok` or a [`ListError`] naming the source and, where
//! known, the line — never a panic. Input is capped before it is read (bytes, zip entries and
//! decompressed sizes, rows, cells, line lengths, people).

mod docx;
mod layout;
pub mod names;
pub mod plan;
mod table;
mod text;
mod xlsx;

pub use plan::{plan_import, ImportPlan, PlannedAction, PlannedPerson};

use serde::Serialize;
use std::path::Path;

/// Refuse a file larger than this (16 MiB).
pub const MAX_LIST_BYTES: usize = 16 * 1024 * 1024;
/// At most this many rows (or lines) are read.
pub const MAX_ROWS: usize = 200_000;
/// At most this many columns of a row are read.
pub const MAX_COLUMNS: usize = 100;
/// A cell or line longer than this (characters) is refused.
pub const MAX_CELL_CHARS: usize = 10_000;
/// At most this many people in one list.
pub const MAX_PEOPLE: usize = 30_000;

/// The formats a list can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ListFormat {
    Csv,
    Xlsx,
    Docx,
    Text,
}

impl ListFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ListFormat::Csv => "csv",
            ListFormat::Xlsx => "xlsx",
            ListFormat::Docx => "docx",
            ListFormat::Text => "text",
        }
    }

    /// `csv`, `xlsx`, `docx` or `text` (with `tsv` and `txt` as aliases); `None` for anything
    /// else, `auto` included.
    pub fn parse(s: &str) -> Option<ListFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" | "tsv" => Some(ListFormat::Csv),
            "xlsx" => Some(ListFormat::Xlsx),
            "docx" => Some(ListFormat::Docx),
            "text" | "txt" => Some(ListFormat::Text),
            _ => None,
        }
    }

    /// Guesses the format: by extension first, then by the bytes (a zip archive is XLSX when
    /// it holds `xl/workbook.xml`, else DOCX).
    pub fn detect(path: &Path, bytes: &[u8]) -> ListFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("xlsx" | "xlsm") => return ListFormat::Xlsx,
            Some("docx") => return ListFormat::Docx,
            Some("csv" | "tsv") => return ListFormat::Csv,
            Some("txt" | "text" | "md") => return ListFormat::Text,
            _ => {}
        }
        if bytes.starts_with(b"PK\x03\x04") {
            let marker = b"xl/workbook.xml";
            if bytes.windows(marker.len()).any(|w| w == marker) {
                return ListFormat::Xlsx;
            }
            return ListFormat::Docx;
        }
        ListFormat::Text
    }
}

/// One person as the list gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListedPerson {
    /// The line (text, CSV), row (XLSX, DOCX table) or paragraph where the person starts.
    pub line: usize,
    pub name: String,
    /// Honorifics: "Ms.", "H.E. Mr.", "Dr".
    pub title: String,
    /// The job title, with the department lines a block gives ("Director, Climate Division").
    pub position: String,
    /// The organisation as written (empty when the list gives none).
    pub organisation: String,
    /// The entity stored for the person: a known entity's key (an acronym, or a Member
    /// State's name), the acronym the list gives, or the organisation as written.
    pub entity: String,
    pub email: String,
}

/// A row or line that is not a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedRow {
    pub line: usize,
    pub text: String,
    /// "heading" (the list's own title, a section such as "Observers"), "page" (a page number
    /// or running header of a PDF), "empty" (a row with no name).
    pub why: &'static str,
}

/// Something the reader could not decide for sure, with the line it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// What a list of participants holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedList {
    pub source: String,
    pub format: ListFormat,
    pub people: Vec<ListedPerson>,
    pub skipped: Vec<SkippedRow>,
    pub warnings: Vec<Warning>,
}

/// Why a list could not be read. Every variant names the source.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error("{file}: cannot read: {error}")]
    Io {
        file: String,
        #[source]
        error: std::io::Error,
    },
    #[error(
        "{file}: too large for a list of participants ({size} bytes; the limit is {max} bytes)"
    )]
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
    #[error("{file}: no participants found ({hint})")]
    NoPeople { file: String, hint: String },
}

impl ListError {
    pub(crate) fn invalid(file: &str, message: impl Into<String>) -> Self {
        ListError::Invalid {
            file: file.to_string(),
            message: message.into(),
        }
    }
    pub(crate) fn at(file: &str, line: usize, message: impl Into<String>) -> Self {
        ListError::AtLine {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// Reads a file (capped at [`MAX_LIST_BYTES`] before it is read) as `format`, or as the
/// format its name and bytes suggest.
pub fn read_file(path: &Path, format: Option<ListFormat>) -> Result<ParsedList, ListError> {
    let source = path.display().to_string();
    let io = |error| ListError::Io {
        file: source.clone(),
        error,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_LIST_BYTES as u64 {
        return Err(ListError::TooLarge {
            file: source,
            size,
            max: MAX_LIST_BYTES as u64,
        });
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let unread = match ext.as_deref() {
        Some("pdf") => Some("a PDF is not read directly: select its text, copy it, and paste it (Paste a list) or save it as a .txt file"),
        Some("xls" | "ods") => Some("save the spreadsheet as XLSX or CSV first"),
        Some("doc" | "odt" | "rtf") => Some("save the document as DOCX first"),
        _ => None,
    };
    if let (Some(why), None) = (unread, format) {
        return Err(ListError::invalid(&source, why));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let format = format.unwrap_or_else(|| ListFormat::detect(path, &bytes));
    read_bytes(&bytes, format, &source)
}

/// What the window hands over: a file's path, or text pasted into the box (named `pasted
/// text` in messages); `format` is `auto` (or nothing), `csv`, `xlsx`, `docx` or `text`.
pub fn read_input(
    path: Option<&Path>,
    text: Option<&str>,
    format: Option<&str>,
) -> Result<ParsedList, ListError> {
    let format = match format
        .map(str::trim)
        .filter(|f| !f.is_empty() && *f != "auto")
    {
        None => None,
        Some(f) => Some(ListFormat::parse(f).ok_or_else(|| {
            ListError::invalid(
                "the list",
                format!("unknown format {f:?} (use csv, xlsx, docx or text)"),
            )
        })?),
    };
    match (path, text) {
        (Some(p), _) => read_file(p, format),
        (None, Some(t)) => read_bytes(
            t.as_bytes(),
            format.unwrap_or(ListFormat::Text),
            "pasted text",
        ),
        (None, None) => Err(ListError::Empty {
            file: "pasted text".into(),
        }),
    }
}

/// Reads a list from bytes already in memory.
pub fn read_bytes(bytes: &[u8], format: ListFormat, source: &str) -> Result<ParsedList, ListError> {
    if bytes.len() > MAX_LIST_BYTES {
        return Err(ListError::TooLarge {
            file: source.to_string(),
            size: bytes.len() as u64,
            max: MAX_LIST_BYTES as u64,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ListError::Empty {
            file: source.to_string(),
        });
    }
    let mut list = match format {
        ListFormat::Csv => table::read_csv(bytes, source)?,
        ListFormat::Xlsx => xlsx::read(bytes, source)?,
        ListFormat::Docx => docx::read(bytes, source)?,
        ListFormat::Text => text::read(&decode_text(bytes, source)?, source)?,
    };
    list.format = format;
    if list.people.is_empty() {
        return Err(ListError::NoPeople {
            file: source.to_string(),
            hint: "no row or line reads as a person: a name, or an honorific such as Ms. or Mr. followed by a name".into(),
        });
    }
    if list.people.len() > MAX_PEOPLE {
        return Err(ListError::invalid(
            source,
            format!(
                "{} people; at most {MAX_PEOPLE} are read from one list",
                list.people.len()
            ),
        ));
    }
    Ok(list)
}

/// Text input: UTF-8 (with or without BOM, or UTF-16 with a BOM as Windows saves it).
fn decode_text(bytes: &[u8], source: &str) -> Result<String, ListError> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units)
            .map_err(|_| ListError::invalid(source, "not valid UTF-16 text"))?
    } else {
        let s = std::str::from_utf8(bytes).map_err(|e| {
            ListError::invalid(
                source,
                format!(
                    "not UTF-8 text (invalid byte at offset {}); save the list as UTF-8 text, CSV, XLSX or DOCX",
                    e.valid_up_to()
                ),
            )
        })?;
        s.trim_start_matches('\u{feff}').to_string()
    };
    if text.contains('\0') {
        return Err(ListError::invalid(source, "binary data, not text"));
    }
    Ok(text)
}
