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
//! back empty. One connection's work is in `relay_session`.

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

/// The protocol a relay speaks. The names are the CLI's `--protocol` values (contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RelayProtocol {
    /// The y-websocket protocol: the reference server, y-redis, y-sweet.
    #[default]
    YWebsocket,
    /// Hocuspocus's own framing, every document over one socket.
    Hocuspocus,
}

impl RelayProtocol {
    /// Every protocol, the default first.
    pub const ALL: [RelayProtocol; 2] = [RelayProtocol::YWebsocket, RelayProtocol::Hocuspocus];
    /// Their names, as `--protocol` takes them.
    pub const NAMES: [&'static str; 2] = ["y-websocket", "hocuspocus"];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// A protocol by name; the error lists the names.
    pub fn parse(name: &str) -> Result<Self, NetError> {
        Self::ALL
            .into_iter()
            .find(|p| p.name() == name.trim())
            .ok_or_else(|| NetError::BadProtocol(name.chars().take(40).collect()))
    }
}

impl fmt::Display for RelayProtocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A relay URL, its protocol and token; for `wss://`, the TLS configuration it is reached with.
#[derive(Debug, Clone)]
pub struct RelayTarget {
    /// The URL without its query string (it may carry a token): what messages show.
    pub(super) base: String,
    /// The URL's query string, without the `?`, kept on every URL opened.
    query: Option<String>,
    token: Option<String>,
    pub(super) protocol: RelayProtocol,
    pub(super) tls: Option<Arc<ClientConfig>>,
}

impl RelayTarget {
    /// `ws://HOST:PORT[/PREFIX][?QUERY]` or `wss://HOST[:PORT][/PREFIX][?QUERY]`, y-websocket
    /// protocol; `wss://` trusts the operating system's root certificates.
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
        if rest.is_empty() || rest.starts_with(['/', '?']) {
            return Err(bad("no host"));
        }
        if rest.contains(['#', ' ']) {
            return Err(bad("no fragment or spaces"));
        }
        let (path, query) = match url.split_once('?') {
            Some((p, q)) => (p, Some(q).filter(|q| !q.is_empty()).map(str::to_string)),
            None => (url, None),
        };
        let mut target = RelayTarget {
            base: path.trim_end_matches('/').to_string(),
            query,
            token: token.filter(|t| !t.is_empty()).map(str::to_string),
            protocol: RelayProtocol::YWebsocket,
            tls: None,
        };
        if secure {
            target.tls = Some(tls::client_config(&target.host(), ca)?);
        }
        Ok(target)
    }

    /// The same relay, spoken to in `protocol`.
    pub fn with_protocol(mut self, protocol: RelayProtocol) -> Self {
        self.protocol = protocol;
        self
    }

    pub fn protocol(&self) -> RelayProtocol {
        self.protocol
    }

    /// `HOST[:PORT]` of the relay, for messages.
    pub fn host(&self) -> String {
        let rest = self.base.split_once("://").map_or(&*self.base, |(_, r)| r);
        rest.split('/').next().unwrap_or(rest).to_string()
    }

    /// The URL as the window and messages show it: the query string's values hidden (they
    /// may be tokens).
    pub fn shown(&self) -> String {
        match &self.query {
            None => self.base.clone(),
            Some(q) => {
                let names: Vec<String> = q
                    .split('&')
                    .map(|kv| match kv.split_once('=') {
                        Some((k, _)) => format!("{k}=…"),
                        None => kv.to_string(),
                    })
                    .collect();
                format!("{}?{}", self.base, names.join("&"))
            }
        }
    }

    /// The token for Hocuspocus's authentication message (empty when there is none).
    pub(super) fn token(&self) -> &str {
        self.token.as_deref().unwrap_or("")
    }

    /// The URL of one document's room (y-websocket): the relay's query string kept, the token
    /// added as `token=`.
    pub fn room_url(&self, event_id: &str, doc_id: &str) -> String {
        let url = format!("{}/{event_id}/{doc_id}", self.base);
        let token = self.token.as_ref().map(|t| format!("token={}", encode(t)));
        self.with_query(url, token)
    }

    /// The URL of the one socket (Hocuspocus): the relay URL with its query string; the token
    /// travels in the authentication message instead.
    pub fn socket_url(&self) -> String {
        self.with_query(self.base.clone(), None)
    }

    fn with_query(&self, url: String, extra: Option<String>) -> String {
        let parts: Vec<&str> = self
            .query
            .iter()
            .chain(extra.iter())
            .map(String::as_str)
            .collect();
        if parts.is_empty() {
            url
        } else {
            format!("{url}?{}", parts.join("&"))
        }
    }
}

/// `t` percent-encoded for a query value.
fn encode(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for b in t.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
        relay: target.shown(),
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
