//! PDF through LibreOffice: the DOCX is written to a private temporary directory and
//! converted with `soffice --headless --convert-to pdf`, then moved into place atomically.
//! LibreOffice is found on PATH as `soffice` or `libreoffice`; without it the error names it.

use super::{write_atomically, write_docx, CompileError, Document};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The LibreOffice program on PATH, if any.
pub fn find_office() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["soffice", "libreoffice"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Writes the draft as PDF to `out`.
pub fn export_pdf(doc: &Document, out: &Path) -> Result<(), CompileError> {
    let office = find_office()
        .ok_or_else(|| CompileError::MissingProgram("LibreOffice (soffice)".to_string()))?;
    let dir =
        std::env::temp_dir().join(format!("rapporteur-pdf-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).map_err(|e| CompileError::io(&dir, e))?;
    let result = convert(doc, &office, &dir, out);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn convert(doc: &Document, office: &Path, dir: &Path, out: &Path) -> Result<(), CompileError> {
    let docx = dir.join("draft.docx");
    std::fs::write(&docx, write_docx(doc)?).map_err(|e| CompileError::io(&docx, e))?;
    // A private profile, so a running LibreOffice or a parallel conversion cannot interfere.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let output = Command::new(office)
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(&docx)
        .output()
        .map_err(|e| CompileError::io(office, e))?;
    let pdf = dir.join("draft.pdf");
    if !output.status.success() || !pdf.is_file() {
        return Err(CompileError::Conversion {
            program: office.display().to_string(),
            path: docx,
            detail: format!(
                "{}; {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        });
    }
    let bytes = std::fs::read(&pdf).map_err(|e| CompileError::io(&pdf, e))?;
    write_atomically(out, &bytes)
}
