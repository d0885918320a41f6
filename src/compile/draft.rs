//! The draft as people get it: one compiled draft (`review::draft::DraftSource` knows what a
//! final event compiles from), previewed (the sanitised HTML page and the report, for the
//! window's Draft view) or written atomically to a file whose name names its format — by
//! `rapporteur compile` and by the window's export alike. The caller compiles after reading
//! from the store and can then write without holding the store (a PDF conversion takes
//! seconds).

use crate::compile::{self, Attribution, CompileError, CompileOptions, CompileReport, Format};
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

/// The options of a draft compiled on `compiled_on` with `attribution`, the rest as defaults.
pub fn options(attribution: Attribution, compiled_on: chrono::NaiveDate) -> CompileOptions {
    CompileOptions {
        attribution,
        ..CompileOptions::new(compiled_on)
    }
}

/// The preview of a compiled draft: its page and report.
pub fn preview(compiled: compile::Compiled) -> Preview {
    Preview {
        html: compile::write_html(&compiled.document),
        report: compiled.report,
        pdf_available: compile::find_office().is_some(),
    }
}

/// The format a file chosen in the save dialog asks for ([`Format::for_output`]: its
/// extension names it); the path must be absolute.
pub fn format_for_path(path: &Path) -> Result<Format, DraftError> {
    if !path.is_absolute() {
        return Err(DraftError::BadPath {
            path: path.to_path_buf(),
            reason: "not an absolute path".into(),
        });
    }
    Ok(Format::for_output(path, None)?)
}

/// The folder of `path` must exist (nothing is created).
fn check_folder(path: &Path) -> Result<(), DraftError> {
    if path
        .parent()
        .is_some_and(|d| !d.as_os_str().is_empty() && !d.is_dir())
    {
        return Err(DraftError::BadPath {
            path: path.to_path_buf(),
            reason: "the folder does not exist".into(),
        });
    }
    Ok(())
}

/// Writes a compiled draft to `path` (atomically) in the format its name asks for, which must
/// be `wanted` when given; the folder must exist.
pub fn write(
    compiled: &compile::Compiled,
    path: &Path,
    wanted: Option<Format>,
) -> Result<Exported, DraftError> {
    let format = Format::for_output(path, wanted)?;
    check_folder(path)?;
    compile::export(compiled, format, path)?;
    let bytes = std::fs::metadata(path)
        .map_err(|e| CompileError::io(path, e))?
        .len();
    Ok(Exported {
        path: path.to_path_buf(),
        format: format.to_string(),
        bytes,
    })
}

/// The window's export of an already compiled draft (e.g. one with tracked changes): to the
/// absolute path the save dialog chose, in the format its extension names.
pub fn export_compiled(compiled: &compile::Compiled, path: &Path) -> Result<Exported, DraftError> {
    format_for_path(path)?;
    write(compiled, path, None)
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
