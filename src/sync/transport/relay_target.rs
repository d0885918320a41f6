//! Which relay, and what syncing with it did: a relay URL parsed once (with its protocol, its
//! query string and token and, for `wss://`, its TLS configuration) into the URL of each
//! document's room or of the one socket, and the report of a sync. Shared by the retry loop
//! (`relay`) and one connection (`relay_session`).

use super::{tls, NetError};
use rustls::ClientConfig;
use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// How long `--once` may take before it gives up.
pub const ONCE_TIMEOUT: Duration = Duration::from_secs(60);

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
