//! The draft conclusions compiler: `EventSnapshot` → document tree → one writer per format.
//!
//! [`compile`] builds the tree (`build`), numbers its paragraphs and resolves references
//! (`number`) and returns it with a [`CompileReport`]. The writers ([`write_markdown`],
//! [`write_html`], [`write_docx`], [`export_pdf`]) each walk the tree with a private writer
//! struct, the way pulldown-cmark's `html.rs` is built. The form of the document is described
//! in `CONCLUSIONS.md`; nothing here touches the database.

mod annex;
mod attribution;
mod build;
mod discussion;
mod docx;
mod docx_bidi;
mod html;
mod labels;
mod markdown_in;
mod md;
mod number;
mod opening;
mod pdf;
mod report;
pub mod tree;

pub use docx::write_docx;
pub use html::write_html;
pub use md::write_markdown;
pub use pdf::{export_pdf, find_office};
pub use report::{CompileReport, Warning};
pub use tree::Document;

use crate::model::EventSnapshot;
use chrono::NaiveDate;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// How speakers are named in discussion text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Attribution {
    /// Speaker names.
    #[default]
    Named,
    /// The speaker's entity ("FAO noted …").
    Entity,
    /// Chatham House: nobody is named ("Participants noted …").
    None,
}

impl FromStr for Attribution {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "named" => Ok(Attribution::Named),
            "entity" => Ok(Attribution::Entity),
            "none" => Ok(Attribution::None),
            other => Err(format!(
                "unknown attribution {other:?} (expected named, entity or none)"
            )),
        }
    }
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Docx,
    Pdf,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "docx" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            other => Err(format!(
                "unknown format {other:?} (expected md, html, docx or pdf)"
            )),
        }
    }
}

/// What the compile needs besides the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileOptions {
    pub attribution: Attribution,
    /// Version of the draft as shown in the masthead ("0.3").
    pub version: String,
    pub compiled_on: NaiveDate,
    /// "Restricted", "Limited" or "General" (printed in the draft's language), or any other
    /// text, printed as given.
    pub distribution: String,
    /// The language to write this draft in; `None` writes it in the event's language
    /// (`compile --language` sets it for one compile). The masthead's "Original" is always
    /// the event's language.
    pub language: Option<crate::i18n::Language>,
}

impl CompileOptions {
    /// Defaults for a draft compiled on `compiled_on`: named, version 0.1, restricted, in the
    /// event's language.
    pub fn new(compiled_on: NaiveDate) -> Self {
        CompileOptions {
            attribution: Attribution::Named,
            version: "0.1".to_string(),
            compiled_on,
            distribution: "Restricted".to_string(),
            language: None,
        }
    }
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions::new(chrono::Local::now().date_naive())
    }
}

/// A compiled draft and what the compiler has to say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub document: Document,
    pub report: CompileReport,
}

/// Why a draft could not be written.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not write the DOCX package: {0}")]
    Docx(String),
    #[error("{0} is not installed or not on PATH; it is needed to make PDF files")]
    MissingProgram(String),
    #[error("{program} failed to convert {path}: {detail}")]
    Conversion {
        program: String,
        path: PathBuf,
        detail: String,
    },
}

impl CompileError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        CompileError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Builds the draft conclusions of an event.
pub fn compile(snapshot: &EventSnapshot, options: &CompileOptions) -> Compiled {
    let (mut document, mut report) = build::build(snapshot, options);
    let (paragraphs, warnings) = number::assign(&mut document);
    report.paragraphs = paragraphs;
    report.warnings.extend(warnings);
    Compiled { document, report }
}

/// Writes a compiled draft in `format` to `out`, atomically (a temporary file in the same
/// directory, then a rename), so a reader never sees half a file.
pub fn export(compiled: &Compiled, format: Format, out: &Path) -> Result<(), CompileError> {
    let bytes = match format {
        Format::Markdown => write_markdown(&compiled.document).into_bytes(),
        Format::Html => write_html(&compiled.document).into_bytes(),
        Format::Docx => write_docx(&compiled.document)?,
        Format::Pdf => return export_pdf(&compiled.document, out),
    };
    write_atomically(out, &bytes)
}

/// Writes `bytes` to a temporary sibling of `out`, syncs it and renames it over `out`.
pub(crate) fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), CompileError> {
    use std::io::Write;
    let tmp = temp_sibling(out);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, out)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(CompileError::io(out, e));
    }
    Ok(())
}

pub(crate) fn temp_sibling(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "draft".to_string());
    out.with_file_name(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()))
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        })
    }
}
