//! The window's commands. Each one unpacks its arguments, calls one core function on the
//! blocking pool and maps the error; anything longer is core logic in the wrong place.
//! A new command is registered in `main.rs`, granted in `capabilities/default.json` and called
//! from `ui/src/ipc/` (the test in `command_list.rs` checks they agree).

use crate::error::AppError;
use crate::state::{self, AppState, SessionState};
use rapporteur::store::{AgendaView, EventSummary, OutcomeRow};
use tauri::State;

type Res<T> = Result<T, AppError>;

/// The event this start created and should open (the sample on a first run), if any.
#[tauri::command]
pub fn startup_event(state: State<'_, AppState>) -> Option<String> {
    state.startup_event.clone()
}

#[tauri::command]
pub async fn list_events(state: State<'_, AppState>) -> Res<Vec<EventSummary>> {
    state.with_store(|s| Ok(s.events()?)).await
}

/// Creates the sample event if absent; returns its id.
#[tauri::command]
pub async fn open_sample(state: State<'_, AppState>) -> Res<String> {
    state
        .with_store(|s| Ok(rapporteur::sample::ensure_sample_event(s)?.0))
        .await
}

#[tauri::command]
pub async fn get_agenda(state: State<'_, AppState>, event_id: String) -> Res<AgendaView> {
    state.with_store(move |s| Ok(s.agenda(&event_id)?)).await
}

/// The session document as Yjs bytes (base64): everything, or what `state_vector` lacks.
#[tauri::command]
pub async fn get_session_state(
    state: State<'_, AppState>,
    event_id: String,
    session_id: String,
    state_vector: Option<String>,
) -> Res<SessionState> {
    let sv = state_vector;
    let f = move |s: &mut _| state::session_state(s, &event_id, &session_id, sv.as_deref());
    state.with_store(f).await
}

/// A Yjs update (base64) typed in the window; resolves only once it is committed to disk.
#[tauri::command]
pub async fn apply_update(
    state: State<'_, AppState>,
    event_id: String,
    session_id: String,
    update: String,
) -> Res<()> {
    let bytes = state::decode(&update)?;
    state.commit_update(event_id, session_id, bytes).await?;
    Ok(())
}

#[tauri::command]
pub async fn list_outcomes(state: State<'_, AppState>, event_id: String) -> Res<Vec<OutcomeRow>> {
    state
        .with_store(move |s| Ok(s.outcomes_of_series(&event_id)?))
        .await
}
