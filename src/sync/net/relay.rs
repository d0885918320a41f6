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
//! in `relay_session`.

use super::relay_session::session;
use super::status::{NetEvent, Reporter};
use super::{tls, watch, NetError, SharedStore};
use rustls::ClientConfig;
use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// How long `--once` may take before it gives up.
pub const ONCE_TIMEOUT: Duration = Duration::from_secs(60);
/// The first wait before reconnecting to a relay that dropped; it doubles up to
/// [`BACKOFF_MAX`], and starts again from here once a connection has worked.
pub const BACKOFF_MIN: Duration = Duration::from_millis(500);
/// The longest wait between two attempts to reach the relay.
pub const BACKOFF_MAX: Duration = Duration::from_secs(30);

/// A relay URL and its token; for `wss://`, the TLS configuration it is reached with.
#[derive(Debug, Clone)]
pub struct RelayTarget {
    pub(super) base: String,
    token: Option<String>,
    pub(super) tls: Option<Arc<ClientConfig>>,
}

impl RelayTarget {
    /// `ws://HOST:PORT[/PREFIX]` or `wss://HOST[:PORT][/PREFIX]`; `wss://` trusts the
    /// operating system's root certificates.
    pub fn parse(url: &str, token: Option<&str>) -> Result<Self, NetError> {
        Self::parse_with_ca(url, token, None)
    }

    /// As [`parse`](Self::parse); a `wss://` relay is also trusted when its certificate chains
    /// to one in the PEM file `ca` (an organisation's own CA). `ca` is not read for `ws://`.
    pub fn parse_with_ca(
        url: &str,
        token: Option<&str>,
        ca: Option<&Path>,
    ) -> Result<Self, NetError> {
        let bad = |reason: &str| NetError::BadUrl {
            url: url.into(),
            reason: reason.into(),
        };
        let (rest, secure) = if let Some(rest) = url.strip_prefix("wss://") {
            (rest, true)
        } else if let Some(rest) = url.strip_prefix("ws://") {
            (rest, false)
        } else {
            return Err(bad("it must start with ws:// or wss://"));
        };
        if rest.is_empty() || rest.starts_with('/') {
            return Err(bad("no host"));
        }
        if rest.contains(['?', '#', ' ']) {
            return Err(bad(
                "no query, fragment or spaces (give the token with --token)",
            ));
        }
        let mut target = RelayTarget {
            base: url.trim_end_matches('/').to_string(),
            token: token.filter(|t| !t.is_empty()).map(str::to_string),
            tls: None,
        };
        if secure {
            target.tls = Some(tls::client_config(&target.host(), ca)?);
        }
        Ok(target)
    }

    /// `HOST[:PORT]` of the relay, for messages.
    pub fn host(&self) -> String {
        let rest = self.base.split_once("://").map_or(&*self.base, |(_, r)| r);
        rest.split('/').next().unwrap_or(rest).to_string()
    }

    /// The URL of one document's room.
    pub fn room_url(&self, event_id: &str, doc_id: &str) -> String {
        let mut url = format!("{}/{event_id}/{doc_id}", self.base);
        if let Some(t) = &self.token {
            url.push_str("?token=");
            for b in t.bytes() {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    url.push(b as char);
                } else {
                    url.push_str(&format!("%{b:02X}"));
                }
            }
        }
        url
    }
}

/// What a relay sync did.
#[derive(Debug, Default)]
pub struct RelayReport {
    pub relay: String,
    pub docs: usize,
    pub received: usize,
    pub sent: usize,
}

impl fmt::Display for RelayReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "synced {} documents with {}: {} new updates received, {} messages sent",
            self.docs, self.relay, self.received, self.sent
        )
    }
}

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
    let bus = watch::bus();
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
