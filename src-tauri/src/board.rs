//! The window's commands for outcomes on the board and in the side panel: capture with a
//! source anchor, edit fields, merge duplicates, keep both values of a conflict, and the
//! participants (read-only) for lead-entity suggestions and `@` completion. Each one unpacks
//! its arguments, calls one core function on the blocking pool and maps the error.
//! A new command is registered in `main.rs`, granted in `capabilities/default.json` and called
//! from `ui/src/ipc/` (the test in `command_list.rs` checks they agree).

use crate::error::AppError;
use crate::state::AppState;
use rapporteur::doc::session_doc::{OutcomeEdit, OutcomeInput};
use rapporteur::host::Origin;
use rapporteur::model::OutcomeKind;
use rapporteur::store::{Store, StoreError};
use serde::Deserialize;
use tauri::State;

type Res<T> = Result<T, AppError>;

/// One field to set, as the side panel sends it (`value` as text; see `OutcomeEdit::parse`).
#[derive(Debug, Clone, Deserialize)]
pub struct FieldEdit {
    pub field: String,
    pub value: String,
}

/// Captures an outcome from the notes with where it came from (`source`, an anchor into the
/// notes); returns its id.
#[tauri::command]
pub async fn capture_outcome(
    state: State<'_, AppState>,
    event_id: String,
    session_id: String,
    kind: String,
    text: String,
    source: String,
) -> Res<String> {
    let kind = OutcomeKind::parse(&kind)
        .ok_or_else(|| AppError::bad_input(format!("unknown outcome kind {kind:?}")))?;
    let input = OutcomeInput {
        source,
        ..OutcomeInput::new(kind, text.trim())
    };
    let f =
        move |s: &mut Store| Ok(s.add_outcome(&event_id, &session_id, &input, &Origin::Local)?);
    state.with_store(f).await
}

/// Sets fields of an outcome in one transaction; resolves once committed. A field in
/// conflict that is written is resolved ("keep this one").
#[tauri::command]
pub async fn edit_outcome(
    state: State<'_, AppState>,
    event_id: String,
    outcome_id: String,
    edits: Vec<FieldEdit>,
) -> Res<()> {
    let edits = edits
        .iter()
        .map(|e| OutcomeEdit::parse(&e.field, &e.value).map_err(StoreError::from))
        .collect::<Result<Vec<_>, _>>()?;
    let f =
        move |s: &mut Store| Ok(s.edit_outcome(&event_id, &outcome_id, &edits, &Origin::Local)?);
    state.with_store(f).await
}

/// Merges `others` into `survivor`; returns the survivor's id.
#[tauri::command]
pub async fn merge_outcomes(
    state: State<'_, AppState>,
    event_id: String,
    survivor: String,
    others: Vec<String>,
) -> Res<String> {
    let f =
        move |s: &mut Store| Ok(s.merge_outcomes(&event_id, &survivor, &others, &Origin::Local)?);
    state.with_store(f).await
}

/// "Keep both": splits a field in conflict into one outcome per value; returns the new ids.
#[tauri::command]
pub async fn keep_both(
    state: State<'_, AppState>,
    event_id: String,
    outcome_id: String,
    field: String,
) -> Res<Vec<String>> {
    let f = move |s: &mut Store| Ok(s.keep_both(&event_id, &outcome_id, &field, &Origin::Local)?);
    state.with_store(f).await
}
