//! The draft as the window previews and saves it: one compile of an [`EventSnapshot`] with the
//! attribution the user chose, giving the sanitised HTML page and the report, or a file written
//! atomically in the format its name asks for. The caller reads the snapshot from the store and
//! can then run this without holding the store (a PDF conversion takes seconds).

use crate::compile::{self, Attribution, CompileError, CompileOptions, CompileReport, Format};
use crate::model::EventSnapshot;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What the Draft view shows.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    /// A standalone page from the core's HTML writer (escaped and passed through ammonia).
    pub html: String,
    pub report: CompileReport,
    /// Whether LibreOffice is on PATH, so PDF export can work.
    pub pdf_available: bool,
}

/// A file the export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exported {
    pub path: PathBuf,
    /// "docx", "md", "html" or "pdf".
    pub format: String,
    pub bytes: u64,
}

/// Why an export did not happen.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("{path}: {reason}")]
    BadPath { path: PathBuf, reason: String },
    #[error(transparent)]
    Compile(#[from] CompileError),
}

fn options(attribution: Attribution, compiled_on: chrono::NaiveDate) -> CompileOptions {
    CompileOptions {
        attribution,
        ..CompileOptions::new(compiled_on)
    }
}

/// Compiles the draft for the preview.
pub fn preview(
    snapshot: &EventSnapshot,
    attribution: Attribution,
    compiled_on: chrono::NaiveDate,
) -> Preview {
    let compiled = compile::compile(snapshot, &options(attribution, compiled_on));
    Preview {
        html: compile::write_html(&compiled.document),
        report: compiled.report,
        pdf_available: compile::find_office().is_some(),
    }
}

/// The format a file name asks for: `.docx`, `.md`/`.markdown`, `.html`/`.htm` or `.pdf`.
/// Anything else is refused, so a draft never lands in a file meant for something else.
pub fn format_for_path(path: &Path) -> Result<Format, DraftError> {
    let bad = |reason: &str| DraftError::BadPath {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    if !path.is_absolute() {
        return Err(bad("not an absolute path"));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .ok_or_else(|| bad("the file name has no extension (.docx, .md, .html or .pdf)"))?;
    match ext.as_str() {
        "docx" => Ok(Format::Docx),
        "md" | "markdown" => Ok(Format::Markdown),
        "html" | "htm" => Ok(Format::Html),
        "pdf" => Ok(Format::Pdf),
        other => Err(bad(&format!(
            "cannot export a draft as .{other} (use .docx, .md, .html or .pdf)"
        ))),
    }
}

/// Compiles the draft and writes it to `path` (atomically) in the format its extension names.
pub fn export_to(
    snapshot: &EventSnapshot,
    attribution: Attribution,
    compiled_on: chrono::NaiveDate,
    path: &Path,
) -> Result<Exported, DraftError> {
    format_for_path(path)?;
    let compiled = compile::compile(snapshot, &options(attribution, compiled_on));
    export_compiled(&compiled, path)
}

/// Writes an already compiled draft to `path` (atomically) in the format its extension names.
pub fn export_compiled(compiled: &compile::Compiled, path: &Path) -> Result<Exported, DraftError> {
    let format = format_for_path(path)?;
    if path.parent().is_some_and(|d| !d.is_dir()) {
        return Err(DraftError::BadPath {
            path: path.to_path_buf(),
            reason: "the folder does not exist".into(),
        });
    }
    compile::export(compiled, format, path)?;
    let bytes = std::fs::metadata(path)
        .map_err(|e| CompileError::Io {
            path: path.to_path_buf(),
            source: e,
        })?
        .len();
    Ok(Exported {
        path: path.to_path_buf(),
        format: format.to_string(),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_the_format_and_nothing_else_is_written() {
        let p = |s: &str| format_for_path(Path::new(s));
        assert_eq!(p("/tmp/a.DOCX").unwrap(), Format::Docx);
        assert_eq!(p("/tmp/a.markdown").unwrap(), Format::Markdown);
        assert_eq!(p("/tmp/a.htm").unwrap(), Format::Html);
        assert_eq!(p("/tmp/a.pdf").unwrap(), Format::Pdf);
        let err = p("/home/x/run.sh").unwrap_err().to_string();
        assert!(err.contains("cannot export a draft as .sh"), "{err}");
        assert!(p("/home/x/.bashrc").is_err(), "a dotfile has no extension");
        assert!(p("/tmp/draft")
            .unwrap_err()
            .to_string()
            .contains("no extension"));
        assert!(p("a.docx").unwrap_err().to_string().contains("absolute"));
    }
}
