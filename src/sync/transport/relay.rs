//! Past the room: sync with a relay an organisation runs. Two protocols ([`RelayProtocol`]):
//!
//! - **y-websocket** (the default): the plain y-websocket protocol spoken by the reference
//!   `y-websocket` server, y-redis and y-sweet. One WebSocket per document, room
//!   `<event-id>/<doc-id>` appended to the relay URL's path; the URL's query string is kept on
//!   every room's URL (y-redis takes its token as `?yauth=`), and `--token` is added as
//!   `token=`. Frames are bare y-protocols messages, several of them back to back in one frame
//!   when the server joins them (y-redis). See `ywebsocket`.
//! - **hocuspocus**: Hocuspocus's framing (see [`super::hocuspocus`]): every document of the
//!   event over **one** WebSocket to the relay URL, each message naming its document
//!   `<event-id>/<doc-id>`, each document opened with the token in an authentication message.
//!
//! Both wrap what arrives in the in-room envelope so the same `Peer` drives them, and route
//! what the peer answers to its document (opening it on first use, e.g. for a session the
//! event's agenda has just listed); awareness travels with it.
//!
//! With `once`, it stops when every open document is up to date both ways and the relay has
//! *acknowledged* what it was sent (see `ack`): Hocuspocus's sync status, or — y-websocket
//! servers never acknowledge, and y-redis never answers a step 1 — the relay passing back what
//! it applied.
//!
//! A relay that refuses us (HTTP 401/403 on the upgrade, Hocuspocus's permission denied, a
//! read-only connection refusing our changes) is a final error ([`NetError::Refused`]), never
//! retried. Without `once` it keeps running through everything else: when the relay drops
//! (or cannot be reached) it retries with a doubling back-off capped at [`BACKOFF_MAX`]; each
//! new connection starts with the state-vector exchange, so it sends only what the relay
//! lacks — including edits made while it was away, and everything again if the relay came
//! back empty. One connection's work is in `relay_session`; the relay's address, protocol and
//! what a sync did are in `relay_target`.

use super::relay_session::session;
pub use super::relay_target::{RelayProtocol, RelayReport, RelayTarget, ONCE_TIMEOUT};
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
        relay: target.shown(),
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
                    addr: target.shown(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_string_is_kept_on_every_url_and_hidden_when_shown() {
        let t = RelayTarget::parse("ws://h:1/pre/?yauth=J.W.T&x=1", Some("a b")).unwrap();
        assert_eq!(
            t.room_url("ev", "doc"),
            "ws://h:1/pre/ev/doc?yauth=J.W.T&x=1&token=a%20b"
        );
        assert_eq!(t.socket_url(), "ws://h:1/pre?yauth=J.W.T&x=1");
        assert_eq!(t.shown(), "ws://h:1/pre?yauth=…&x=…");
        assert_eq!(t.host(), "h:1");
        let plain = RelayTarget::parse("ws://h:1", None).unwrap();
        assert_eq!(plain.room_url("ev", "doc"), "ws://h:1/ev/doc");
        assert_eq!(plain.socket_url(), "ws://h:1");
        assert_eq!(plain.token(), "");
        assert_eq!(plain.protocol(), RelayProtocol::YWebsocket);
        for bad in [
            "http://h:1",
            "ws://",
            "ws://?x=1",
            "ws:///p",
            "ws://h:1/#f",
            "ws://h 1",
        ] {
            assert!(RelayTarget::parse(bad, None).is_err(), "{bad}");
        }
    }

    #[test]
    fn protocols_parse_by_their_contract_names() {
        assert_eq!(
            RelayProtocol::parse("hocuspocus").unwrap(),
            RelayProtocol::Hocuspocus
        );
        assert_eq!(
            RelayProtocol::parse("y-websocket").unwrap(),
            RelayProtocol::YWebsocket
        );
        for p in RelayProtocol::ALL {
            assert_eq!(RelayProtocol::parse(p.name()).unwrap(), p);
        }
        let e = RelayProtocol::parse("y-redis").unwrap_err().to_string();
        assert!(e.contains("y-websocket or hocuspocus"), "{e}");
    }
}
