//! The Participants view's list import: a preview of what importing a file or pasted text
//! would do (who is added, who is merged, what is skipped, warnings), and the import itself.
//! Each is one read of the list and one core call; the list is read before the store is
//! touched, so a file that is not a list changes nothing.

use crate::error::AppError;
use crate::state::AppState;
use rapporteur::host::Origin;
use rapporteur::participants::{read_input, ImportPlan, ListError, ParsedList};
use std::path::PathBuf;
use tauri::State;

type Res<T> = Result<T, AppError>;

async fn read(
    path: Option<String>,
    text: Option<String>,
    format: Option<String>,
) -> Res<ParsedList> {
    let read = move || {
        read_input(
            path.map(PathBuf::from).as_deref(),
            text.as_deref(),
            format.as_deref(),
        )
        .map_err(|e: ListError| AppError::new("import", e.to_string()))
    };
    tauri::async_runtime::spawn_blocking(read)
        .await
        .map_err(AppError::internal)?
}

/// What importing the list (a file at `path`, or pasted `text`) would do; writes nothing.
#[tauri::command]
pub async fn preview_participant_list(
    state: State<'_, AppState>,
    event_id: String,
    path: Option<String>,
    text: Option<String>,
    format: Option<String>,
) -> Res<ImportPlan> {
    let list = read(path, text, format).await?;
    state
        .with_store(move |s| Ok(s.plan_participant_import(&event_id, &list)?))
        .await
}

/// Imports the list into the event; returns what was done.
#[tauri::command]
pub async fn import_participant_list(
    state: State<'_, AppState>,
    event_id: String,
    path: Option<String>,
    text: Option<String>,
    format: Option<String>,
) -> Res<ImportPlan> {
    let list = read(path, text, format).await?;
    state
        .with_store(move |s| Ok(s.import_participants(&event_id, &list, &Origin::Local)?))
        .await
}
