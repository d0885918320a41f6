//! Noticing writes by other processes (the CLI in another terminal, a bundle import, a `serve`
//! process): about once a second the core's [`LogWatcher`] reads, on the blocking pool, the log
//! rows this window did not write, and each changed document becomes a `doc-changed` event, as
//! the window's own host does for peers. A failed poll is reported on stderr (once until it
//! changes) and tried again on the next tick.

use crate::host::{DocChanged, DOC_CHANGED};
use crate::state::AppState;
use rapporteur::host::Change;
use rapporteur::store::LogWatcher;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tauri::async_runtime::block_on;
use tauri::{AppHandle, Emitter, Manager};

/// How often the log is read.
pub const POLL: Duration = Duration::from_secs(1);

/// Starts the poller on a thread of its own for the app's lifetime.
pub fn spawn(app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("log-watcher".into())
        .spawn(move || run(app));
    if let Err(e) = spawned {
        eprintln!("rapporteur: cannot watch the database for other writers: {e}");
    }
}

fn run(app: AppHandle) {
    let state = app.state::<AppState>();
    let watcher = match block_on(state.with_store(|s| Ok(LogWatcher::start(s)?))) {
        Ok(w) => Arc::new(Mutex::new(w)),
        Err(e) => {
            eprintln!("rapporteur: cannot watch the database for other writers: {e}");
            return;
        }
    };
    let mut last_error: Option<String> = None;
    loop {
        std::thread::sleep(POLL);
        let w = watcher.clone();
        let polled = block_on(state.with_store(move |s| {
            let mut w = w.lock().unwrap_or_else(PoisonError::into_inner);
            Ok(w.poll(s)?)
        }));
        match polled {
            Ok(changes) => {
                last_error = None;
                changes.iter().for_each(|c| tell(&app, c));
            }
            Err(e) => {
                let msg = e.to_string();
                if last_error.as_deref() != Some(&msg) {
                    eprintln!(
                        "rapporteur: reading other writers' changes failed (will retry): {msg}"
                    );
                }
                last_error = Some(msg);
            }
        }
    }
}

fn tell(app: &AppHandle, c: &Change) {
    let payload = DocChanged {
        event_id: c.event_id.clone(),
        doc_id: c.doc_id.clone(),
        origin: c.origin.as_log_string(),
    };
    if let Err(e) = app.emit(DOC_CHANGED, payload) {
        eprintln!("rapporteur: could not tell the window about a change: {e}");
    }
}
