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
    /// Opens the store with the window's host; with no event yet, creates the sample event
    /// (unless `RAPPORTEUR_NO_SAMPLE=1`: a laptop that will join someone else's event).
    pub fn open(path: &Path, host: Arc<dyn Host>) -> Result<Self, AppError> {
        let mut store = Store::open_with_host(path, host)?;
        let no_sample = std::env::var_os("RAPPORTEUR_NO_SAMPLE").is_some_and(|v| v == "1");
        let startup_event = if store.events()?.is_empty() && !no_sample {
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

    /// The store as the sync transports take it (the same one the commands use).
    pub fn shared_store(&self) -> rapporteur::sync::transport::SharedStore {
        self.store.clone()
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

    /// Queues an update typed in the window's editors with the batching writer and waits for
    /// its commit. The session must belong to the event.
    pub async fn commit_update(
        &self,
        event_id: String,
        session_id: String,
        update: Vec<u8>,
    ) -> Result<Applied, AppError> {
        let doc = self
            .with_store(move |s| session_ref(s, &event_id, &session_id))
            .await?;
        let ack = self.writer.submit(doc, update, Origin::Editor);
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

#[cfg(test)]
mod tests {
    use super::*;
    use rapporteur::host::Change;
    use tauri::async_runtime::block_on;
    use yrs::updates::decoder::Decode;
    use yrs::{GetString, Text, Transact, Update};

    #[derive(Default)]
    struct FakeHost(Mutex<Vec<Change>>);

    impl Host for FakeHost {
        fn emit(&self, change: &Change) {
            self.0.lock().unwrap().push(change.clone());
        }
        fn now(&self) -> chrono::DateTime<chrono::Utc> {
            chrono::DateTime::from_timestamp(1_518_530_400, 0).unwrap()
        }
    }

    /// A folder of its own under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// Opens a fresh database and finds session 2.1 of the sample event.
    fn fresh() -> (TempDir, PathBuf, AppState, String, String) {
        let dir = TempDir(std::env::temp_dir().join(format!(
            "rapporteur-desktop-test-{}",
            rapporteur::doc::new_id()
        )));
        let path = dir.0.join("rapporteur.db");
        let state = AppState::open(&path, Arc::new(FakeHost::default())).unwrap();
        let event = state
            .startup_event
            .clone()
            .expect("a first start creates the sample");
        let (ev, session) =
            block_on(state.with_store(move |s| Ok(s.resolve_session("2.1", Some(&event))?)))
                .unwrap();
        (dir, path, state, ev, session)
    }

    #[test]
    fn an_update_from_the_window_is_on_disk_when_acknowledged() {
        let (_dir, path, state, ev, session) = fresh();
        let (e, s) = (ev.clone(), session.clone());
        let full = block_on(state.with_store(move |st| session_state(st, &e, &s, None))).unwrap();

        // The window's side: a Yjs doc loaded from the full state, one edit to `notes`.
        let doc = yrs::Doc::new();
        let notes = doc.get_or_insert_text("notes");
        let update = {
            let mut txn = doc.transact_mut();
            txn.apply_update(Update::decode_v1(&decode(&full.update).unwrap()).unwrap())
                .unwrap();
            notes.push(&mut txn, "FAO opened the session.");
            txn.encode_update_v1()
        };
        block_on(state.commit_update(ev.clone(), session.clone(), update)).unwrap();

        // Acknowledged means committed: another connection reads it at once.
        let other = Store::open(&path).unwrap();
        assert_eq!(
            other.session_text(&session, false).unwrap(),
            "FAO opened the session."
        );
        assert_eq!(notes.get_string(&doc.transact()), "FAO opened the session.");

        // Asking with the window's state vector returns nothing of its own text: only the
        // core's record of who writes with the window's Yjs client (see `store::write`).
        let sv = {
            use yrs::updates::encoder::Encode;
            use yrs::ReadTxn;
            B64.encode(doc.transact().state_vector().encode_v1())
        };
        let (e, s) = (ev.clone(), session.clone());
        let diff =
            block_on(state.with_store(move |st| session_state(st, &e, &s, Some(&sv)))).unwrap();
        doc.transact_mut()
            .apply_update(Update::decode_v1(&decode(&diff.update).unwrap()).unwrap())
            .unwrap();
        assert_eq!(notes.get_string(&doc.transact()), "FAO opened the session.");
        let who = rapporteur::doc::review_doc::clients(&doc.transact());
        assert!(who.contains_key(&doc.client_id().get()), "{who:?}");
        state.shutdown();
    }

    #[test]
    fn bad_input_is_refused_with_a_code() {
        let (_dir, _path, state, ev, session) = fresh();
        let err = block_on(state.commit_update(ev.clone(), session, vec![1, 2, 3])).unwrap_err();
        assert_eq!(err.code, "malformed_update");
        let err = block_on(state.commit_update(ev.clone(), "nope".into(), vec![0, 0])).unwrap_err();
        assert_eq!(err.code, "no_session");
        assert_eq!(decode("not base64!").unwrap_err().code, "bad_input");
        let e = ev.clone();
        let err = block_on(state.with_store(move |s| session_state(s, "other-event", &e, None)))
            .unwrap_err();
        assert!(matches!(err.code, "no_event" | "no_session"), "{err}");
    }

    #[test]
    fn a_second_start_creates_nothing() {
        let (_dir, path, state, _, _) = fresh();
        state.shutdown();
        drop(state);
        let again = AppState::open(&path, Arc::new(FakeHost::default())).unwrap();
        assert_eq!(again.startup_event, None);
    }
}
