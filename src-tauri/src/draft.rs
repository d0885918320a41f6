//! The Draft view's and the search overlay's commands: the compiled preview with its report,
//! export to the file the user chose in the save dialog, and full-text search. What is compiled
//! is the core's draft source (a final event as it was at the lock). The source is read under
//! the store's lock; compiling and writing run after it is released, so a slow
//! export (PDF through LibreOffice) never holds up the saving of keystrokes.

use crate::error::AppError;
use crate::state::AppState;
use rapporteur::compile::draft::{self, DraftError, Exported, Preview};
use rapporteur::compile::{Attribution, CompileError, CompileOptions};
use rapporteur::review::draft::DraftSource;
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

/// The event as a compile takes it (a final event as it was at the lock, with what arrived
/// since named in the report) and the compile options for it, dated by the host's clock.
async fn source(
    state: &AppState,
    event_id: String,
    attribution: Attribution,
) -> Res<(DraftSource, CompileOptions)> {
    state
        .with_store(move |s| {
            let source = s.draft_source(&event_id)?;
            let base = CompileOptions {
                attribution,
                ..CompileOptions::new(s.host().now().date_naive())
            };
            let options = source.options(base);
            Ok((source, options))
        })
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
    let (source, options) = source(&state, event_id, attribution).await?;
    off_the_ui_thread(move || Ok(source.preview(&options))).await
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
    let (source, options) = source(&state, event_id, attribution).await?;
    off_the_ui_thread(move || Ok(draft::export_compiled(&source.compile(&options), &path)?)).await
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
