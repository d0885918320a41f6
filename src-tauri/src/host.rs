//! The core's [`Host`] in the window: committed changes become a `doc-changed` event to the
//! webview, so that what a peer, a bundle, the CLI or the window's own commands wrote shows
//! without a reload: every view refreshes from that one signal. The editors' keystrokes
//! (`Origin::Editor`) are the only changes not echoed back: the webview's Y.Doc made them
//! (`Origin::already_in_window`).

use chrono::{DateTime, Utc};
use rapporteur::host::{Change, Host, Origin};
use serde::Serialize;
use tauri::{AppHandle, Emitter};

/// The event name the UI listens to.
pub const DOC_CHANGED: &str = "doc-changed";

/// What the webview is told.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocChanged {
    pub event_id: String,
    pub doc_id: String,
    pub origin: String,
}

pub struct TauriHost {
    app: AppHandle,
}

impl TauriHost {
    pub fn new(app: AppHandle) -> Self {
        TauriHost { app }
    }
}

impl Host for TauriHost {
    fn emit(&self, change: &Change) {
        if matches!(change.origin, Origin::Editor | Origin::Local) {
            // A live session (the Collaborate panel) forwards it now instead of at its next
            // poll of the log.
            rapporteur::sync::transport::watch::local_write_committed();
        }
        if change.origin.already_in_window() {
            return;
        }
        let payload = DocChanged {
            event_id: change.event_id.clone(),
            doc_id: change.doc_id.clone(),
            origin: change.origin.as_log_string(),
        };
        if let Err(e) = self.app.emit(DOC_CHANGED, payload) {
            eprintln!("rapporteur: could not tell the window about a change: {e}");
        }
    }

    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}
