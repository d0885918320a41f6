//! Sync between devices, independent of any transport.
//!
//! - [`protocol`]: the Yjs sync and awareness wire format (y-protocols, the bytes y-websocket
//!   speaks) with hard size caps, plus the small envelope that carries several documents of one
//!   event over one connection.
//! - [`peer`]: a state machine per connected peer — frames in, frames out — that a WebSocket,
//!   Noise or in-memory transport drives. It writes only through `Store::apply`.
//! - [`bundle`]: offline exchange files (USB stick, e-mail), verified completely before one
//!   `Store::apply_batch`.
//!
//! - [`transport`]: the transports that drive [`peer::Peer`] over the network (in-room host/join
//!   over Noise, y-websocket relays). Nothing outside it opens a socket.

pub mod bundle;
mod limit;
pub mod peer;
pub mod protocol;
pub mod transport;

pub use bundle::{export_bundle, import_bundle, read_bundle, write_bundle, Bundle, ImportReport};
pub use limit::RateLimit;
pub use peer::Peer;
pub use protocol::{Envelope, Frame, MAX_DOC_ID_BYTES, MAX_FRAME_BYTES};

use crate::store::StoreError;
use std::path::PathBuf;

/// What went wrong while syncing or exchanging a bundle. Nothing was written when one of
/// these is returned (except [`SyncError::Store`] from a failed commit, which rolls back).
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("malformed sync frame: {reason}")]
    Malformed { reason: String },
    #[error("sync frame of {size} bytes is over the limit of {limit}")]
    FrameTooLarge { size: usize, limit: usize },
    #[error("invalid document id {0:?} (1–64 characters of 0-9, a-f and '-')")]
    BadDocId(String),
    #[error("peer {peer} sent more than its rate limit allows ({what}); frame dropped")]
    RateLimited { peer: String, what: &'static str },
    #[error("document {doc} is not part of event {event} here (yet)")]
    UnknownDoc { doc: String, event: String },
    #[error("the peer refused access: {0}")]
    PermissionDenied(String),
    #[error("{path}: not a Rapporteur bundle or damaged: {reason}; nothing was imported")]
    BundleCorrupt { path: PathBuf, reason: String },
    #[error("{path}: bundle is {size} bytes, over the limit of {limit}; nothing was imported")]
    BundleTooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SyncError {
    /// Whether a transport should drop the connection: the peer broke the protocol or its
    /// limits. An unknown document is not fatal: it is announced again once the event's agenda
    /// lists it.
    pub fn is_fatal(&self) -> bool {
        !matches!(self, SyncError::UnknownDoc { .. })
    }

    pub(crate) fn malformed(reason: impl std::fmt::Display) -> Self {
        SyncError::Malformed {
            reason: reason.to_string(),
        }
    }
}
