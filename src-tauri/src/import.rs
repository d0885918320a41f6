//! The Start view's import commands: a live preview of pasted text or of a picked or dropped
//! file (rows, warnings with their line and row, or the problem that stops it), and creating
//! the event with the user's fixes to rows. Parsing happens before the store is touched, so
//! input that does not import creates nothing.

use crate::error::AppError;
use crate::state::AppState;
use rapporteur::agenda::{self, FilePreview, Format, ImportError, ImportPreview, RowEdit};
use rapporteur::host::Origin;
use rapporteur::model::Agenda;
use std::path::PathBuf;
use tauri::State;

type Res<T> = Result<T, AppError>;

/// What pasted text is called in messages unless the window names its source (a text file
/// loaded into the paste box).
const PASTED: &str = "pasted text";

fn source_name(source: Option<String>) -> String {
    source
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| PASTED.to_string())
}

fn import_error(e: ImportError) -> AppError {
    AppError::new("import", e.to_string())
}

/// `auto` (or nothing) detects the format; else `text`, `csv`, `ics`.
fn format(f: Option<&str>) -> Res<Option<Format>> {
    Format::choose(f.unwrap_or_default()).map_err(AppError::bad_input)
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Res<T> + Send + 'static) -> Res<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(AppError::internal)?
}

/// Stores a parsed agenda as a new event (with `title` if given); returns its id.
async fn create(state: &AppState, mut agenda: Agenda, title: Option<String>) -> Res<String> {
    if let Some(t) = title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
    {
        agenda.event.title = t;
    }
    state
        .with_store(move |s| Ok(s.create_event(&agenda, &Origin::Import)?))
        .await
}

/// Parses pasted text and describes the agenda it makes, or where it fails.
#[tauri::command]
pub async fn preview_agenda_text(
    text: String,
    format: Option<String>,
    source: Option<String>,
) -> Res<ImportPreview> {
    let format = self::format(format.as_deref())?;
    let source = source_name(source);
    blocking(move || Ok(agenda::preview_bytes(text.as_bytes(), format, &source))).await
}

/// Reads a picked or dropped file and previews it; text files come back for the paste box.
#[tauri::command]
pub async fn preview_agenda_file(path: String) -> Res<FilePreview> {
    blocking(move || Ok(agenda::preview_file(&PathBuf::from(path)))).await
}

/// Creates an event from pasted text, with the fixes the user made to rows in the preview;
/// returns its id. Text that does not import, or a fix that is not valid, creates nothing.
#[tauri::command]
pub async fn import_agenda_text(
    state: State<'_, AppState>,
    text: String,
    format: Option<String>,
    source: Option<String>,
    title: Option<String>,
    edits: Option<Vec<RowEdit>>,
) -> Res<String> {
    let format = self::format(format.as_deref())?;
    let source = source_name(source);
    let parsed = blocking(move || {
        let format =
            format.unwrap_or_else(|| agenda::detect_format(source.as_ref(), text.as_bytes()));
        let mut a = agenda::import_bytes(text.as_bytes(), format, &source).map_err(import_error)?;
        agenda::apply_edits(&mut a, &edits.unwrap_or_default()).map_err(import_error)?;
        Ok(a)
    })
    .await?;
    create(&state, parsed, title).await
}

/// Creates an event from an agenda file (CSV, ICS, DOCX or text) and the fixes made to its rows
/// in the preview; returns its id.
#[tauri::command]
pub async fn import_agenda_file(
    state: State<'_, AppState>,
    path: String,
    title: Option<String>,
    edits: Option<Vec<RowEdit>>,
) -> Res<String> {
    let parsed = blocking(move || {
        let mut a = agenda::import_file(&PathBuf::from(path), None).map_err(import_error)?;
        agenda::apply_edits(&mut a, &edits.unwrap_or_default()).map_err(import_error)?;
        Ok(a)
    })
    .await?;
    create(&state, parsed, title).await
}
