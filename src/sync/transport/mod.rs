//! Live sync over the network: thin transports around the transport-independent
//! [`Peer`](super::Peer) state machine.
//!
//! - [`room`]: **in the room**. `rapporteur serve` hosts an event on a TCP listener and relays
//!   between everyone who joins (the hub forwards each peer's new updates, from
//!   [`Peer::take_applied`](super::Peer::take_applied), to the others); `rapporteur join ADDRESS
//!   --code CODE` connects. Every byte after the handshake is encrypted: see [`secure`].
//! - [`relay`]: **past the room**. `rapporteur sync --relay ws(s)://…` speaks the plain y-websocket
//!   protocol, one WebSocket per document, room `<event-id>/<doc-id>` (the reference server,
//!   y-redis, y-sweet); with `--protocol hocuspocus`, Hocuspocus's framing ([`hocuspocus`]),
//!   every document over one WebSocket.
//! - [`discover`]: `serve` announces itself on mDNS (`_rapporteur._tcp`, nothing personal);
//!   `join --code` without an address and `discover` find hosts.
//! - [`watch`]: picks up edits made on this device by any process (the window, a `rapporteur
//!   note` in another terminal) from the update log and hands them to the transports.
//! - [`presence`]: awareness (who is here, cursors) passed on, never stored: this device's
//!   from the window, others' to the window, a hub's between its joiners.
//!
//! **Security design (in the room).** The host shows a *join code* of 128 random bits, written
//! as 26 base32 characters in groups ([`code::JoinCode`]). Both sides derive a pre-shared key
//! from it (SHA-256 with a domain label) and run the Noise handshake
//! `Noise_XXpsk3_25519_ChaChaPoly_BLAKE2s` (snow) with fresh static and ephemeral X25519 keys.
//! The PSK is mixed into the third handshake message, so the host can verify it before
//! anything else is said; a wrong code makes that message fail to decrypt, the host answers
//! with a fixed refusal and closes, and both sides report "the join code did not match" —
//! before any document byte is sent or applied. A recorded handshake lets an attacker test
//! guesses of the code offline, which is why the code is high-entropy: 2^128 guesses is
//! infeasible, so no PAKE is needed. After the handshake every frame travels as ChaCha20-Poly1305
//! Noise transport messages (authenticated, in order; a forged or replayed byte closes the
//! connection). Loopback gets no exception: the same encryption is used everywhere.
//!
//! **Limits.** A frame (length-prefixed inside the encrypted stream) over
//! [`MAX_FRAME_BYTES`](super::MAX_FRAME_BYTES) or one that does not decode closes that
//! connection, and nothing from it is written; the handshake must finish within
//! [`HANDSHAKE_TIMEOUT`]; a peer silent for [`IDLE_TIMEOUT`] is dropped (each side sends an
//! empty keep-alive frame every [`KEEPALIVE`]).
//!
//! **Relays** see plaintext y-protocols messages (that is the y-websocket protocol). Over
//! `wss://` the connection to the relay is TLS ([`tls`]: rustls, the system's roots plus an
//! optional organisation CA); a certificate that does not verify ends the sync before any
//! document byte is exchanged. `ws://` is plain, for a trusted network.

mod ack;
pub mod address;
pub mod bus;
pub mod code;
pub mod discover;
pub mod hocuspocus;
mod hocuspocus_wire;
mod link;
pub mod presence;
pub mod relay;
mod relay_session;
mod relay_target;
pub mod room;
pub mod secure;
pub mod status;
pub mod tls;
pub mod watch;
mod ws;
mod ywebsocket;

use super::SyncError;
use crate::store::{Store, StoreError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long a handshake may take.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// A peer that sends nothing (not even a keep-alive) for this long is dropped.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// How often an idle connection sends an empty keep-alive frame.
pub const KEEPALIVE: Duration = Duration::from_secs(10);

/// The store, shared by the tasks of one process. `Store` is not `Sync`: every use locks it
/// inside [`with_store`], on a blocking thread.
pub type SharedStore = Arc<Mutex<Store>>;

/// What went wrong on the network, naming the address it happened with.
#[derive(Debug, thiserror::Error)]
pub enum NetError {
    #[error("{addr}: the join code did not match; nothing was exchanged")]
    CodeMismatch { addr: String },
    #[error("{0:?} is not a join code (26 letters A–Z and digits 2–7, dashes optional)")]
    BadCode(String),
    #[error("{addr}: {source}")]
    Io {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{addr}: secure channel failed: {reason}")]
    Noise { addr: String, reason: String },
    #[error("{addr}: frame of {size} bytes is over the limit of {limit}; connection closed")]
    FrameTooLarge {
        addr: String,
        size: usize,
        limit: usize,
    },
    #[error("{addr}: no answer for {secs} s while {what}; connection dropped")]
    Timeout {
        addr: String,
        what: &'static str,
        secs: u64,
    },
    #[error("{addr}: protocol error: {reason}; connection closed")]
    Protocol { addr: String, reason: String },
    #[error("{addr}: {source}; connection closed")]
    Sync {
        addr: String,
        #[source]
        source: SyncError,
    },
    #[error("{addr}: WebSocket error: {reason}")]
    WebSocket { addr: String, reason: String },
    #[error("{host}: {reason}; nothing was exchanged")]
    Tls { host: String, reason: String },
    /// The relay refused us (a token it does not accept, access it does not grant): final,
    /// never retried.
    #[error("{addr}: the relay refused access: {reason}")]
    Refused { addr: String, reason: String },
    #[error("{}: not a usable CA certificate file (--ca / RAPPORTEUR_RELAY_CA): {reason}", path.display())]
    BadCa {
        path: std::path::PathBuf,
        reason: String,
    },
    #[error("{0:?} is not a relay protocol (y-websocket or hocuspocus)")]
    BadProtocol(String),
    #[error("{url:?} is not a relay URL: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("local network discovery (mDNS) failed: {0}")]
    Discovery(String),
    #[error("no host found on the local network within {secs} s (mDNS; venue Wi-Fi often blocks it): give the host's address, `rapporteur join ADDRESS --code …`")]
    NoHostFound { secs: u64 },
    #[error("a store task failed: {0}")]
    Task(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl NetError {
    pub(crate) fn io(addr: &str) -> impl FnOnce(std::io::Error) -> NetError + '_ {
        move |source| NetError::Io {
            addr: addr.to_string(),
            source,
        }
    }
}

/// Runs `f` with the locked store on a blocking thread (database work never blocks the
/// async workers).
pub async fn with_store<R, F>(store: &SharedStore, f: F) -> Result<R, NetError>
where
    F: FnOnce(&mut Store) -> R + Send + 'static,
    R: Send + 'static,
{
    let store = store.clone();
    tokio::task::spawn_blocking(move || {
        let mut guard = store
            .lock()
            .map_err(|_| NetError::Task("the store lock was poisoned".into()))?;
        Ok(f(&mut guard))
    })
    .await
    .map_err(|e| NetError::Task(e.to_string()))?
}

/// What a run of received frames did: the answers to send, the updates applied (to forward),
/// the frames skipped (for documents this event does not list yet) and the awareness updates
/// received (never stored).
pub struct Received {
    pub out: Result<Vec<super::Frame>, SyncError>,
    pub applied: Vec<(crate::store::DocRef, Vec<u8>)>,
    pub skipped: Vec<SyncError>,
    pub awareness: Vec<(String, Vec<u8>)>,
}

/// A run of frames read from a connection: `Peer::on_frames` run on the blocking pool, the
/// peer moving there and back.
pub async fn receive_run(
    store: &SharedStore,
    mut peer: super::Peer,
    run: Vec<super::Frame>,
) -> Result<(super::Peer, Received), NetError> {
    with_store(store, move |s| {
        let out = peer.on_frames(s, &run);
        let received = Received {
            out,
            applied: peer.take_applied(),
            skipped: peer.take_skipped(),
            awareness: peer.take_awareness(),
        };
        (peer, received)
    })
    .await
}

/// The opening frames of a (re)connection: `Peer::on_connect` run on the blocking pool, the
/// peer moving there and back.
pub async fn open_peer(
    store: &SharedStore,
    mut peer: super::Peer,
) -> Result<(super::Peer, Result<Vec<super::Frame>, SyncError>), NetError> {
    peer.hold_connection(watch::connected_to(peer.peer_id()));
    with_store(store, move |s| {
        let r = peer.on_connect(s);
        (peer, r)
    })
    .await
}
