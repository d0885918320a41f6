//! Which relay, and what syncing with it did: a relay URL parsed once (with its token and, for
//! `wss://`, its TLS configuration) into the URL of each document's room, and the report of a
//! sync. Shared by the retry loop (`relay`) and one connection (`relay_session`).

use super::{tls, NetError};
use rustls::ClientConfig;
use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// How long `--once` may take before it gives up.
pub const ONCE_TIMEOUT: Duration = Duration::from_secs(60);
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
