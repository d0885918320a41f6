//! Past the room: sync with any relay that speaks the plain y-websocket protocol (the reference
//! `y-websocket` server, y-redis, y-sweet). One WebSocket per document, room
//! `<event-id>/<doc-id>` appended to the relay URL's path, the token as `?token=`. Frames are
//! bare y-protocols messages (`protocol::encode_message` / `decode_message`); this module wraps them
//! in the in-room envelope so the same `Peer` drives them, and routes what the peer answers
//! to the socket of its document (opening it on first use, e.g. for a session the event's
//! agenda has just listed).
//!
//! With `once`, it stops when quiescent: every open document has received the relay's step 2
//! (we have what it has) and has answered the relay's step 1 (it has what we have).
//!
//! Without `once` it keeps running: when the relay drops (or cannot be reached) it retries
//! with a doubling back-off capped at [`BACKOFF_MAX`]; each new connection starts with the
//! state-vector exchange, so it sends only what the relay lacks — including edits made while
//! it was away, and everything again if the relay came back empty. One connection's work is
//! in `relay_session`; the relay's address and what a sync did are in `relay_target`.

use super::relay_session::session;
pub use super::relay_target::{RelayReport, RelayTarget, ONCE_TIMEOUT};
use super::status::{NetEvent, Reporter};
use super::{bus, watch, NetError, SharedStore};
use std::time::Duration;

/// The first wait before reconnecting to a relay that dropped; it doubles up to
/// [`BACKOFF_MAX`], and starts again from here once a connection has worked.
pub const BACKOFF_MIN: Duration = Duration::from_millis(500);
/// The longest wait between two attempts to reach the relay.
pub const BACKOFF_MAX: Duration = Duration::from_secs(30);

/// Whether a failure may go away by itself (the relay restarting, the network coming back).
fn retryable(e: &NetError) -> bool {
    matches!(
        e,
        NetError::WebSocket { .. } | NetError::Io { .. } | NetError::Timeout { .. }
    )
}

/// Syncs `event_id` with the relay; with `once`, until quiescent (a failure is an error),
/// else until dropped, reconnecting with back-off whenever the relay drops.
pub async fn sync(
    store: SharedStore,
    target: &RelayTarget,
    event_id: &str,
    once: bool,
) -> Result<RelayReport, NetError> {
    sync_reporting(store, target, event_id, once, Reporter::none()).await
}

/// [`sync`], telling `events` what others' awareness says (`NetEvent::Awareness`, and
/// `AwarenessGone` when a connection to the relay ends); each connection gets a new number.
pub async fn sync_reporting(
    store: SharedStore,
    target: &RelayTarget,
    event_id: &str,
    once: bool,
    events: Reporter,
) -> Result<RelayReport, NetError> {
    let mut report = RelayReport {
        relay: target.base.clone(),
        ..RelayReport::default()
    };
    let bus = bus::bus();
    let start = watch::log_end(&store).await?;
    // Started once, before the first connection: edits made while the relay is away are
    // covered by the next connection's state-vector exchange.
    let watcher = (!once).then(|| {
        tokio::spawn(watch::watch(
            store.clone(),
            event_id.to_string(),
            start,
            bus.clone(),
        ))
    });
    let mut backoff = BACKOFF_MIN;
    let mut conn = 0u64;
    let result = loop {
        let mut worked = false;
        conn += 1;
        match session(
            &store,
            target,
            event_id,
            once,
            &bus,
            &mut report,
            &mut worked,
            (&events, conn),
        )
        .await
        {
            Ok(()) => break Ok(()),
            Err(e) if !once && retryable(&e) => {
                if worked {
                    backoff = BACKOFF_MIN;
                }
                eprintln!(
                    "rapporteur: {e}; reconnecting in {:.1} s",
                    backoff.as_secs_f64()
                );
                events.send(NetEvent::Retrying {
                    addr: target.base.clone(),
                    delay: backoff,
                    error: e.to_string(),
                });
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(BACKOFF_MAX);
            }
            Err(e) => break Err(e),
        }
    };
    if let Some(w) = watcher {
        w.abort();
    }
    result.map(|()| report)
}
