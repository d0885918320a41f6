//! SQLite storage: the CRDT update log is the truth; everything else is derived from it.
//!
//! Every write — a keystroke from the window, a CLI command, a peer's update, a bundle — goes
//! through [`Store::apply`] or [`Store::edit`], which in one SQLite transaction append the
//! update to `crdt_update` (unique on document and SHA-256, so a repeat is a no-op and order
//! never matters), refresh the derived rows and search index of that document, and commit with
//! `synchronous=FULL`. Only then is the write acknowledged and the host told.
//!
//! Documents are kept decoded in memory once loaded; if a commit fails, the cached copy is
//! dropped and reloaded from the log, so memory never runs ahead of disk.

mod agenda_edit;
mod batch;
mod board;
mod carried;
mod derived;
mod language;
mod log;
mod notice;
mod ops;
mod peers;
mod read;
mod roster;
pub mod schema;
mod search;
mod split;
mod write;

pub use crate::doc::session_doc::OutcomeInput;
pub use agenda_edit::{move_plan, session_edit};
pub use batch::{BatchSender, Batcher};
pub use language::UiLanguage;
pub use log::CompactReport;
pub(crate) use log::{every_row, load_doc_from_every_row};
pub use notice::LogWatcher;
pub use read::{AgendaView, CarriedFrom, EventSummary, OutcomeRow};
pub use search::SearchHit;
pub use write::DocEdit;

use crate::host::{Host, SystemHost};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use yrs::{Doc, ReadTxn, Transact};

/// The largest single update accepted from any origin.
pub const MAX_UPDATE_BYTES: usize = 8 * 1024 * 1024;

/// What went wrong in the store, with what a user or developer needs to act on it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error while {context}: {source}")]
    Sql {
        context: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "{path} was written by a newer version of Rapporteur (schema {found}; this version knows up to {supported}). \
         Update Rapporteur to open it; the file was not changed."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("could not create the folder for the database {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("update for document {doc} is not a valid Yjs update: {reason}")]
    MalformedUpdate { doc: String, reason: String },
    #[error("update for document {doc} is {size} bytes, over the limit of {limit}")]
    UpdateTooLarge {
        doc: String,
        size: usize,
        limit: usize,
    },
    #[error("no event {0}")]
    NoEvent(String),
    #[error("no session {0}")]
    NoSession(String),
    #[error("no outcome {0}")]
    NoOutcome(String),
    #[error("{0}")]
    Ambiguous(String),
    #[error(transparent)]
    Edit(#[from] crate::doc::event_doc::EditError),
    #[error("document {doc} belongs to event {owner}, not {claimed}")]
    WrongEvent {
        doc: String,
        owner: String,
        claimed: String,
    },
    #[error("{0}")]
    Compaction(String),
    #[error("the writer has stopped; the update was not saved")]
    Stopped,
    /// A local write to an event that is locked on a final version (see `store::write`).
    #[error("event is final (version {version}): {detail}")]
    Final { version: String, detail: String },
}

impl StoreError {
    pub(crate) fn sql(context: &str, source: rusqlite::Error) -> Self {
        StoreError::Sql {
            context: context.to_string(),
            source,
        }
    }

    /// The refusal of a local write to a final event; `version` names the final version.
    pub(crate) fn final_event(version: String) -> Self {
        StoreError::Final {
            version,
            detail: "nothing was changed; `rapporteur reopen --reason TEXT` edits it again".into(),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which document: its id and the event it belongs to. The event's own document has the
/// event's id; a session's document has the session's id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocRef {
    pub event_id: String,
    pub doc_id: String,
}

impl DocRef {
    pub fn event(event_id: &str) -> Self {
        DocRef {
            event_id: event_id.into(),
            doc_id: event_id.into(),
        }
    }
    pub fn session(event_id: &str, session_id: &str) -> Self {
        DocRef {
            event_id: event_id.into(),
            doc_id: session_id.into(),
        }
    }
    pub fn is_event_doc(&self) -> bool {
        self.event_id == self.doc_id
    }
}

/// What applying an update did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applied {
    /// The update was not in the log before.
    pub logged: bool,
    /// The document's state changed (only computed for updates from outside this device).
    pub changed: bool,
}

/// A document decoded in memory, with the last log row it reflects.
pub(crate) struct Cached {
    doc: Doc,
    seen: i64,
}

/// What may write to an event that is locked on a final version. Every local write is
/// refused there ([`StoreError::Final`]) except these two, which the review cycle itself makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permit {
    /// An ordinary write: refused on a final event.
    None,
    /// Reopening the event (writes the lock).
    Reopen,
    /// Setting the status of an action point a later meeting carries over: follow-up, allowed
    /// on the earlier meeting even when it is final (its final draft still shows the status as
    /// it was at the lock).
    FollowUp,
}

/// The store: one SQLite database and the documents loaded from it.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    docs: HashMap<String, Cached>,
    host: Arc<dyn Host>,
    device_id: String,
    /// Log rows this store appended, kept only while a [`LogWatcher`] asks for them, so that
    /// it can tell rows written by other processes apart.
    own_seqs: Option<std::collections::BTreeSet<i64>>,
    /// Who writes from this process: the rapporteur's name (the window's "Your name",
    /// `RAPPORTEUR_AUTHOR` for the CLI), else the device's name. Recorded with the Yjs client
    /// ids this process writes with, so a diff can say who wrote what.
    author: String,
    /// Yjs client ids already recorded in each event's document, by event id.
    known_clients: HashMap<String, std::collections::HashSet<u64>>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, refusing a newer schema untouched.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with_host(path, Arc::new(SystemHost))
    }

    pub fn open_with_host(path: &Path, host: Arc<dyn Host>) -> Result<Self> {
        schema::guard(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::sql("opening the database", e))?;
        Self::init(conn, path, host)
    }

    /// A database in memory, for tests and benchmarks.
    pub fn open_in_memory(host: Arc<dyn Host>) -> Result<Self> {
        let conn =
            Connection::open_in_memory().map_err(|e| StoreError::sql("opening in memory", e))?;
        Self::init(conn, Path::new(":memory:"), host)
    }

    fn init(mut conn: Connection, path: &Path, host: Arc<dyn Host>) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| StoreError::sql("setting busy_timeout", e))?;
        let journal: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(|e| StoreError::sql("enabling WAL", e))?;
        debug_assert!(
            journal == "wal" || journal == "memory",
            "journal mode {journal}"
        );
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| StoreError::sql("setting synchronous=FULL", e))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| StoreError::sql("enabling foreign keys", e))?;
        schema::migrate(&mut conn, path)?;
        let device_id = Self::ensure_device(&conn, host.as_ref())?;
        let author = match std::env::var("RAPPORTEUR_AUTHOR") {
            Ok(a) if !a.trim().is_empty() => a.trim().to_string(),
            _ => conn
                .query_row("SELECT name FROM device WHERE id = ?1", [&device_id], |r| {
                    r.get(0)
                })
                .map_err(|e| StoreError::sql("reading the device name", e))?,
        };
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            docs: HashMap::new(),
            host,
            device_id,
            own_seqs: None,
            author,
            known_clients: HashMap::new(),
        })
    }

    fn ensure_device(conn: &Connection, host: &dyn Host) -> Result<String> {
        let found: Option<String> = conn
            .query_row("SELECT id FROM device LIMIT 1", [], |r| r.get(0))
            .optional()
            .map_err(|e| StoreError::sql("reading the device id", e))?;
        if let Some(id) = found {
            return Ok(id);
        }
        let id = crate::doc::new_id();
        let name = std::env::var("HOSTNAME").unwrap_or_else(|_| "this device".into());
        conn.execute(
            "INSERT INTO device (id, name, created_at) VALUES (?1, ?2, ?3)",
            (&id, &name, host.now().to_rfc3339()),
        )
        .map_err(|e| StoreError::sql("recording the device id", e))?;
        Ok(id)
    }

    /// This database's device id (stable across runs), named in bundles and sync.
    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who writes from this process (see the field); shown as a version's author and in diffs.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// Names who writes from now on (the window passes the name typed in "Your name").
    pub fn set_author(&mut self, name: &str) {
        if !name.trim().is_empty() {
            self.author = name.trim().chars().take(80).collect();
        }
    }

    pub fn host(&self) -> &Arc<dyn Host> {
        &self.host
    }

    /// The loaded document, reading it from the log the first time and catching it up with
    /// what other processes appended since.
    pub(crate) fn doc(&mut self, doc_id: &str) -> Result<&Doc> {
        Ok(&write::cached_doc(&self.conn, &mut self.docs, doc_id)?.doc)
    }

    /// The state vector of a document (what this device has), for sync.
    pub fn state_vector(&mut self, doc_id: &str) -> Result<Vec<u8>> {
        use yrs::updates::encoder::Encode;
        let doc = self.doc(doc_id)?;
        let sv = doc.transact().state_vector().encode_v1();
        Ok(sv)
    }

    /// The update a peer with state vector `sv` (v1 bytes from outside) is missing.
    pub fn diff(&mut self, doc_id: &str, sv: &[u8]) -> Result<Vec<u8>> {
        let sv = peer_state_vector(doc_id, sv)?;
        let doc = self.doc(doc_id)?;
        let txn = doc.transact();
        Ok(txn.encode_state_as_update_v1(&sv))
    }

    /// Every document of an event (the event's own first).
    pub fn docs_of_event(&self, event_id: &str) -> Result<Vec<DocRef>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM doc WHERE event_id = ?1 ORDER BY kind = 'session', id")
            .map_err(|e| StoreError::sql("listing documents", e))?;
        let rows = stmt
            .query_map([event_id], |r| r.get::<_, String>(0))
            .map_err(|e| StoreError::sql("listing documents", e))?;
        rows.map(|r| {
            r.map(|doc_id| DocRef {
                event_id: event_id.into(),
                doc_id,
            })
            .map_err(|e| StoreError::sql("listing documents", e))
        })
        .collect()
    }

    /// Drops every derived table and rebuilds it from the log.
    pub fn rebuild_derived(&mut self) -> Result<()> {
        self.docs.clear();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::sql("starting a rebuild", e))?;
        derived::clear_all(&tx)?;
        let docs: Vec<DocRef> = {
            let mut stmt = tx
                .prepare("SELECT id, event_id FROM doc ORDER BY id")
                .map_err(|e| StoreError::sql("listing documents", e))?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(DocRef {
                        doc_id: r.get(0)?,
                        event_id: r.get(1)?,
                    })
                })
                .map_err(|e| StoreError::sql("listing documents", e))?;
            rows.collect::<Result<_, _>>()
                .map_err(|e| StoreError::sql("listing documents", e))?
        };
        for d in &docs {
            let (doc, seen) = log::load_doc(&tx, &d.doc_id)?;
            derived::refresh(&tx, d, &doc)?;
            self.docs.insert(d.doc_id.clone(), Cached { doc, seen });
        }
        tx.commit()
            .map_err(|e| StoreError::sql("committing the rebuild", e))
    }

    /// Compacts one document's log into a verified snapshot (see [`log::compact`]).
    pub fn compact(&mut self, doc_id: &str) -> Result<CompactReport> {
        let r = log::compact(&mut self.conn, doc_id, self.host.as_ref());
        self.docs.remove(doc_id);
        r
    }

    /// The underlying connection, for inspection (tests, benchmarks, diagnostics). Every write
    /// must go through [`Store::apply`] or [`Store::edit`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// A state vector a peer or the window sent for `doc_id`, decoded without trusting it.
fn peer_state_vector(doc_id: &str, sv: &[u8]) -> Result<yrs::StateVector> {
    crate::doc::decode::state_vector(sv).map_err(|reason| StoreError::MalformedUpdate {
        doc: doc_id.into(),
        reason,
    })
}
