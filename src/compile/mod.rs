//! The draft conclusions compiler: `EventSnapshot` → document tree → one writer per format.
//!
//! [`compile`] builds the tree (`build`), numbers its paragraphs and resolves references
//! (`number`) and returns it with a [`CompileReport`]. The writers ([`write_markdown`],
//! [`write_html`], [`write_docx`], [`export_pdf`]) each walk the tree with a private writer
//! struct, the way pulldown-cmark's `html.rs` is built. The form of the document is described
//! in docs/conclusions-form.md; nothing here touches the database.

mod annex;
mod attribution;
mod build;
mod discussion;
mod docx;
mod docx_bidi;
pub mod draft;
mod html;
mod labels;
mod markdown_in;
mod md;
mod number;
mod opening;
mod pdf;
mod previous;
pub mod redline;
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

/// How speakers are named in discussion text: `named`, `entity` or `none`, the values of the
/// CLI's `--attribution` and of the window's switch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, clap::ValueEnum)]
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
        <Attribution as clap::ValueEnum>::from_str(s.trim(), true)
            .map_err(|_| format!("unknown attribution {s:?} (expected named, entity or none)"))
    }
}

/// What a draft can be written as: the one list. The CLI's `--format` values (`md`, with
/// `markdown` as an alias, `html`, `docx`, `pdf`), the file extensions that name each format,
/// and which file names the window's export accepts all come from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    #[value(name = "md", alias = "markdown")]
    Markdown,
    Html,
    Docx,
    Pdf,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Docx, Format::Markdown, Format::Html, Format::Pdf];

    /// The extensions a file of this format may have, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Markdown => &["md", "markdown"],
            Format::Html => &["html", "htm"],
            Format::Docx => &["docx"],
            Format::Pdf => &["pdf"],
        }
    }

    /// The format a file name asks for by its extension (in any case), if it names one.
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }

    /// The format of the draft written to `path`: the one its extension names, which must be
    /// `wanted` when that is given (`--format`). A file name that names no format, or another
    /// one, is refused, so a draft never lands in a file meant for something else.
    pub fn for_output(path: &Path, wanted: Option<Format>) -> Result<Format, CompileError> {
        let refuse = |reason: String| CompileError::BadOutput {
            path: path.to_path_buf(),
            reason,
        };
        let usual = |f: Format| format!(".{}", f.extensions()[0]);
        let named = Format::of_path(path);
        match (named, wanted) {
            (Some(n), None) => Ok(n),
            (Some(n), Some(w)) if n == w => Ok(n),
            (Some(n), Some(w)) => Err(refuse(format!(
                "the name ends in {}, which is for {}, not {} (name it {})",
                usual(n),
                n.label(),
                w.label(),
                usual(w)
            ))),
            (None, wanted) => {
                let known = Format::ALL.map(usual).join(", ");
                Err(refuse(match (path.extension(), wanted) {
                    (None, Some(w)) => format!("the name has no extension (name it {})", usual(w)),
                    (None, None) => format!("the name has no extension ({known})"),
                    (Some(e), _) => format!(
                        "cannot export a draft as .{} (use {known})",
                        e.to_string_lossy()
                    ),
                }))
            }
        }
    }

    /// The name people know the format by.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Docx => "DOCX",
            Format::Pdf => "PDF",
        }
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        <Format as clap::ValueEnum>::from_str(s.trim(), true)
            .map_err(|_| format!("unknown format {s:?} (expected md, html, docx or pdf)"))
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
    #[error("{}: {reason}", path.display())]
    BadOutput { path: PathBuf, reason: String },
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
        f.write_str(self.extensions()[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_values_and_the_file_names_of_a_format_are_one_list() {
        assert_eq!("md".parse::<Format>().unwrap(), Format::Markdown);
        assert_eq!("markdown".parse::<Format>().unwrap(), Format::Markdown);
        assert_eq!("DOCX".parse::<Format>().unwrap(), Format::Docx);
        assert!("txt".parse::<Format>().is_err());
        for f in Format::ALL {
            assert_eq!(f.to_string().parse::<Format>().unwrap(), f);
            assert_eq!(Format::of_path(Path::new(&format!("a.{f}"))), Some(f));
        }
        let out = |p: &str, f| Format::for_output(Path::new(p), f).map_err(|e| e.to_string());
        assert_eq!(out("/t/a.HTM", None), Ok(Format::Html));
        assert_eq!(out("d.md", Some(Format::Markdown)), Ok(Format::Markdown));
        let e = out("d.md", Some(Format::Docx)).unwrap_err();
        assert_eq!(
            e,
            "d.md: the name ends in .md, which is for Markdown, not DOCX (name it .docx)"
        );
        let e = out("run.sh", Some(Format::Docx)).unwrap_err();
        assert!(e.contains("cannot export a draft as .sh"), "{e}");
        assert!(out("draft", Some(Format::Pdf))
            .unwrap_err()
            .contains("name it .pdf"));
        assert!(out(".bashrc", None).unwrap_err().contains("no extension"));
    }
}
