//! The life of the draft: named versions, what changed between two of them, Word tracked
//! changes, restore, circulate → final (locked) → reopen, and the series of meetings whose
//! open action points carry over.
//!
//! Everything here is recorded in the event's CRDT document (`doc::review_doc`) through the
//! store's one write path, so it syncs like the notes. A version holds a Yjs snapshot of every
//! document of the event; its content is rebuilt from the documents (which keep deleted text)
//! and checked against the digests saved with it (`state`). Its compiled draft is not stored:
//! it is recompiled from that content when asked for, because a stored draft would put
//! megabytes into the event document on every save (5 MB of Markdown for the 40 × 200
//! benchmark event), sent to every peer, for text the documents already hold. The digests make
//! a rebuild that comes out different an error, never a silent change.
//!
//! - [`ops`]: save, circulate, finalize, reopen, rename, list, and resolving `VERSION`. The lock
//!   itself is checked in one place, the store's write path (`store::write`), which refuses
//!   every local write to a final event (`StoreError::Final`).
//! - [`state`]: the documents and the [`EventSnapshot`](crate::model::EventSnapshot) at a version.
//! - [`restore`]: a version's content written back as new edits.
//! - [`draft`]: what a compile starts from (a final event: its final version).
//! - [`compare`]: the compiled drafts of two versions compared, and the draft with the changes
//!   marked (`compile --changes-since`).
//! - [`authors`]: who wrote a change, from the Yjs client ids recorded with each write.
//! - [`late`]: what peers sent after the lock, kept out of the final draft and reported.
//! - [`series`]: `--follows`, carried-over action points, `outcomes --open`.

pub mod authors;
pub mod compare;
pub mod draft;
pub mod late;
pub mod ops;
pub mod restore;
pub mod series;
pub mod state;

pub use crate::doc::review_doc::{LockAction, LockEntry, VersionState};
pub use ops::VersionInfo;

use crate::store::StoreError;

/// An error of the review cycle: the store's, or one of its own.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Review(#[from] ReviewError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the review cycle refuses, with what the user needs to act.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReviewError {
    #[error("no version {given:?} in this event (see `rapporteur versions`)")]
    NoVersion { given: String },
    #[error("{given:?} names {count} versions of this event ({ids}); give the version's id")]
    AmbiguousVersion {
        given: String,
        count: usize,
        ids: String,
    },
    #[error(
        "a version named {name:?} already exists in this event (version {id}); choose another name"
    )]
    NameTaken { name: String, id: String },
    #[error("{0}")]
    BadName(String),
    #[error("version {version} belongs to event {owner}, not to event {event}")]
    OtherEvent {
        version: String,
        owner: String,
        event: String,
    },
    #[error("version {version} cannot be rebuilt on this device: {reason}")]
    Unavailable { version: String, reason: String },
    #[error("the event is not final; there is nothing to reopen")]
    NotFinal,
    #[error("the event is already final (version {0}); reopen it first")]
    AlreadyFinal(String),
    #[error("give a reason for reopening (reopen --reason TEXT); it stays in the versions list")]
    NoReason,
    #[error("{0}")]
    Series(String),
}
