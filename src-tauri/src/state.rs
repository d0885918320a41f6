//! What the commands share: the store behind a mutex, the batching writer for keystrokes, and
//! the event the app opened on its own at start. All database work runs on tokio's blocking
//! pool, never on the thread that drives the window.

use crate::error::AppError;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use rapporteur::host::{Host, Origin};
use rapporteur::store::{Applied, BatchSender, Batcher, DocRef, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// The managed state of the app.
pub struct AppState {
    store: Arc<Mutex<Store>>,
    writer: BatchSender,
    batcher: Mutex<Option<Batcher>>,
    /// The sample event when this start created it (a first run): the window opens it.
    pub startup_event: Option<String>,
}

/// A session document as the window loads it: the update that brings a Y.Doc with the given
/// state vector up to date (the whole state for an empty one), and the core's state vector.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionState {
    pub update: String,
    pub state_vector: String,
}

/// Where the database lives: `RAPPORTEUR_DB`, else the platform data folder shared with the CLI.
pub fn db_path() -> Result<PathBuf, String> {
    match std::env::var_os("RAPPORTEUR_DB").filter(|p| !p.is_empty()) {
        Some(p) => Ok(PathBuf::from(p)),
        None => rapporteur::cli::default_db_path(),
    }
}

impl AppState {
    /// Opens the store with the window's host; with no event yet, creates the sample event.
    pub fn open(path: &Path, host: Arc<dyn Host>) -> Result<Self, AppError> {
        let mut store = Store::open_with_host(path, host)?;
        let startup_event = if store.events()?.is_empty() {
            Some(rapporteur::sample::ensure_sample_event(&mut store)?.0)
        } else {
            None
        };
        let store = Arc::new(Mutex::new(store));
        let batcher = Batcher::start(store.clone(), Batcher::DEFAULT_WINDOW);
        Ok(AppState {
            writer: batcher.sender(),
            store,
            batcher: Mutex::new(Some(batcher)),
            startup_event,
        })
    }

    /// Runs `f` with the store on the blocking pool.
    pub async fn with_store<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, AppError> + Send + 'static,
    {
        let store = self.store.clone();
        tauri::async_runtime::spawn_blocking(move || {
            f(&mut store.lock().unwrap_or_else(PoisonError::into_inner))
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Queues a local update of a session document with the batching writer and waits for
    /// its commit. The session must belong to the event.
    pub async fn commit_update(
        &self,
        event_id: String,
        session_id: String,
        update: Vec<u8>,
    ) -> Result<Applied, AppError> {
        let doc = self
            .with_store(move |s| Ok(session_ref(s, &event_id, &session_id)?))
            .await?;
        let ack = self.writer.submit(doc, update, Origin::Local);
        tauri::async_runtime::spawn_blocking(move || ack.recv())
            .await
            .map_err(AppError::internal)?
            .map_err(|_| AppError::new("stopped", "the writer has stopped; not saved"))?
            .map_err(|e| AppError::from(e.as_ref()))
    }

    /// Commits what the writer holds and stops it (on exit).
    pub fn shutdown(&self) {
        let batcher = self
            .batcher
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        drop(batcher);
    }
}

/// The document of a session, checked to belong to the event.
pub fn session_ref(store: &Store, event_id: &str, session_id: &str) -> Result<DocRef, AppError> {
    let (event, session) = store.resolve_session(session_id, Some(event_id))?;
    if session != session_id {
        return Err(AppError::new(
            "no_session",
            format!("no session {session_id}"),
        ));
    }
    Ok(DocRef::session(&event, &session))
}

/// The update a Y.Doc with state vector `sv` (base64; empty for none) is missing, and the
/// core's state vector.
pub fn session_state(
    store: &mut Store,
    event_id: &str,
    session_id: &str,
    sv: Option<&str>,
) -> Result<SessionState, AppError> {
    let doc = session_ref(store, event_id, session_id)?;
    // `[0]` is the v1 encoding of an empty state vector: "send me everything".
    let sv = match sv.filter(|s| !s.is_empty()) {
        Some(s) => decode(s)?,
        None => vec![0],
    };
    Ok(SessionState {
        update: B64.encode(store.diff(&doc.doc_id, &sv)?),
        state_vector: B64.encode(store.state_vector(&doc.doc_id)?),
    })
}

/// Base64 from the window to bytes.
pub fn decode(s: &str) -> Result<Vec<u8>, AppError> {
    B64.decode(s)
        .map_err(|e| AppError::bad_input(format!("not base64: {e}")))
}
