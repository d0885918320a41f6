//! The Draft view's and the search overlay's commands: the compiled preview with its report,
//! export to the file the user chose in the save dialog, and full-text search. The snapshot is
//! read under the store's lock; compiling and writing run after it is released, so a slow
//! export (PDF through LibreOffice) never holds up the saving of keystrokes.

use crate::error::AppError;
use crate::state::AppState;
use rapporteur::compile::draft::{self, DraftError, Exported, Preview};
use rapporteur::compile::{Attribution, CompileError};
use rapporteur::model::EventSnapshot;
use rapporteur::store::SearchHit;
use std::path::PathBuf;
use tauri::State;

type Res<T> = Result<T, AppError>;

/// The most search results the overlay lists.
const SEARCH_LIMIT: usize = 30;

impl From<DraftError> for AppError {
    fn from(e: DraftError) -> Self {
        let code = match &e {
            DraftError::BadPath { .. } | DraftError::Compile(CompileError::BadOutput { .. }) => {
                "bad_path"
            }
            DraftError::Compile(CompileError::Io { .. }) => "io",
            DraftError::Compile(CompileError::Docx(_)) => "export",
            DraftError::Compile(CompileError::MissingProgram(_)) => "missing_program",
            DraftError::Compile(CompileError::Conversion { .. }) => "conversion",
        };
        AppError::new(code, e.to_string())
    }
}

fn attribution(s: &str) -> Res<Attribution> {
    s.parse().map_err(AppError::bad_input)
}

/// The event as plain data and today's date by the host's clock.
async fn snapshot(state: &AppState, event_id: String) -> Res<(EventSnapshot, chrono::NaiveDate)> {
    state
        .with_store(move |s| Ok((s.snapshot(&event_id)?, s.host().now().date_naive())))
        .await
}

async fn off_the_ui_thread<T: Send + 'static>(
    f: impl FnOnce() -> Res<T> + Send + 'static,
) -> Res<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(AppError::internal)?
}

/// The draft as a sanitised standalone page, its compile report, and whether PDF can be made.
#[tauri::command]
pub async fn draft_preview(
    state: State<'_, AppState>,
    event_id: String,
    attribution: String,
) -> Res<Preview> {
    let attribution = self::attribution(&attribution)?;
    let (snap, today) = snapshot(&state, event_id).await?;
    off_the_ui_thread(move || Ok(draft::preview(&snap, attribution, today))).await
}

/// Writes the draft to `path` (chosen in the save dialog) in the format its extension names.
#[tauri::command]
pub async fn export_draft(
    state: State<'_, AppState>,
    event_id: String,
    attribution: String,
    path: String,
) -> Res<Exported> {
    let attribution = self::attribution(&attribution)?;
    let path = PathBuf::from(path);
    draft::format_for_path(&path)?;
    let (snap, today) = snapshot(&state, event_id).await?;
    off_the_ui_thread(move || Ok(draft::export_to(&snap, attribution, today, &path)?)).await
}

/// Notes, summaries and outcomes of the event that match `query`, best first.
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    event_id: String,
    query: String,
) -> Res<Vec<SearchHit>> {
    state
        .with_store(move |s| Ok(s.search(&query, Some(&event_id), SEARCH_LIMIT)?))
        .await
}
