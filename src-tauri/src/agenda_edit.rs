//! The event view's editing commands: agenda rows (add, remove, move, set any field) and
//! participants (list, add, edit, remove). Each is one core call on the blocking pool; the core
//! parses the form values and refuses bad ones before writing.

use crate::error::AppError;
use crate::state::AppState;
use rapporteur::host::Origin;
use rapporteur::model::{AgendaRow, Participant, SessionKind};
use rapporteur::store::Store;
use tauri::State;

type Res<T> = Result<T, AppError>;

/// Sets one field of an agenda row (`title`, `start`, `end`, `kind`, `description`,
/// `methodology`, `moderators`, `rapporteurs`, `day`, `removed`) from its text form.
#[tauri::command]
pub async fn set_session_field(
    state: State<'_, AppState>,
    event_id: String,
    session_id: String,
    field: String,
    value: String,
) -> Res<()> {
    let f = move |s: &mut Store| {
        Ok(s.set_session_field(&event_id, &session_id, &field, &value, &Origin::Local)?)
    };
    state.with_store(f).await
}

/// Adds an untitled working session to a day (after `after`, or at its end); returns its id.
#[tauri::command]
pub async fn add_session(
    state: State<'_, AppState>,
    event_id: String,
    day_id: String,
    after: Option<String>,
    title: String,
) -> Res<String> {
    let row = AgendaRow {
        title: title.trim().to_string(),
        kind: SessionKind::Working,
        ..AgendaRow::default()
    };
    let f = move |s: &mut Store| {
        Ok(s.add_session(&event_id, &day_id, after.as_deref(), &row, &Origin::Local)?)
    };
    state.with_store(f).await
}

/// Moves an agenda row one place up or down; false when it is already at that end.
#[tauri::command]
pub async fn move_session(
    state: State<'_, AppState>,
    event_id: String,
    session_id: String,
    up: bool,
) -> Res<bool> {
    let f = move |s: &mut Store| Ok(s.move_session(&event_id, &session_id, up, &Origin::Local)?);
    state.with_store(f).await
}

#[tauri::command]
pub async fn list_participants(
    state: State<'_, AppState>,
    event_id: String,
) -> Res<Vec<Participant>> {
    state
        .with_store(move |s| Ok(s.participants(&event_id)?))
        .await
}

/// Adds a participant (the handle defaults to a free one made from the name); returns its id.
#[tauri::command]
pub async fn add_participant(
    state: State<'_, AppState>,
    event_id: String,
    name: String,
    entity: String,
    handle: String,
    role: String,
) -> Res<String> {
    let p = Participant::from_input(&name, &entity, &handle, &role).map_err(AppError::bad_input)?;
    state
        .with_store(move |s| Ok(s.add_participant(&event_id, &p, &Origin::Local)?))
        .await
}

/// Sets `name`, `entity`, `handle` or `role` of a participant.
#[tauri::command]
pub async fn edit_participant(
    state: State<'_, AppState>,
    event_id: String,
    participant_id: String,
    field: String,
    value: String,
) -> Res<()> {
    let f = move |s: &mut Store| {
        Ok(s.edit_participant(&event_id, &participant_id, &field, &value, &Origin::Local)?)
    };
    state.with_store(f).await
}

#[tauri::command]
pub async fn remove_participant(
    state: State<'_, AppState>,
    event_id: String,
    participant_id: String,
) -> Res<()> {
    let f = move |s: &mut Store| {
        Ok(s.remove_participant(&event_id, &participant_id, &Origin::Local)?)
    };
    state.with_store(f).await
}
