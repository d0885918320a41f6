//! Awareness in the window (who is here, remote cursors): the command that sends this
//! window's awareness update into the live sync, the one that names this device (for the
//! default display name and colour), and the reporter that turns others' awareness into
//! `awareness` and `awareness-gone` events for the webview. The logic is the core's
//! (`rapporteur::sync::transport::presence`); this only adapts.

use crate::error::AppError;
use crate::state::{self, AppState};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use rapporteur::store::DocRef;
use rapporteur::sync::transport::presence;
use rapporteur::sync::transport::status::{NetEvent, Reporter};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

/// The events the UI listens to.
pub const AWARENESS: &str = "awareness";
pub const AWARENESS_GONE: &str = "awareness-gone";

/// A peer's awareness update (base64 of y-protocols' bytes).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Awareness {
    pub event_id: String,
    pub doc_id: String,
    pub update: String,
}

/// The awareness clients of a connection that closed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AwarenessGone {
    pub event_id: String,
    pub doc_id: String,
    pub clients: Vec<u64>,
}

/// Emits others' awareness to the webview (for `Live::with_presence`).
pub fn reporter(app: AppHandle) -> Reporter {
    Reporter::new(move |e| {
        let sent = match e {
            NetEvent::Awareness {
                event, doc, update, ..
            } => {
                let update = B64.encode(update);
                let payload = Awareness {
                    event_id: event,
                    doc_id: doc,
                    update,
                };
                app.emit(AWARENESS, payload)
            }
            NetEvent::AwarenessGone {
                event,
                doc,
                clients,
                ..
            } => {
                let payload = AwarenessGone {
                    event_id: event,
                    doc_id: doc,
                    clients,
                };
                app.emit(AWARENESS_GONE, payload)
            }
            _ => Ok(()),
        };
        if let Err(e) = sent {
            eprintln!("rapporteur: could not tell the window about others' cursors: {e}");
        }
    })
}

/// This window's awareness update (base64) for a document of the event, to every peer of
/// the live sync (dropped when none runs, kept briefly for connections that open soon).
#[tauri::command]
pub fn send_awareness(event_id: String, doc_id: String, update: String) -> Result<(), AppError> {
    let bytes = state::decode(&update)?;
    Ok(presence::publish(DocRef { event_id, doc_id }, bytes)?)
}

/// This device's id.
#[tauri::command]
pub async fn device_id(state: State<'_, AppState>) -> Result<String, AppError> {
    state.with_store(|s| Ok(s.device_id().to_string())).await
}
