//! What the in-room transports report while they run, for whoever shows it (the window's
//! Collaborate panel): a connection came up, synced, closed, or the joiner is about to retry;
//! and what others' awareness says (see [`super::presence`]), for the window's cursors.
//! The CLI passes [`Reporter::none`] and keeps printing to stderr as before.

use std::sync::Arc;
use std::time::Duration;

/// One thing that happened on a connection. `conn` numbers the connections of one
/// `serve` or `join` (a joiner's reconnection gets a new number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetEvent {
    /// The handshake and hellos are done; `event` is the event the host shares.
    Connected {
        conn: u64,
        addr: String,
        device: String,
        event: String,
    },
    /// Something with content went either way (an update, a sync step); keep-alives do not count.
    Synced { conn: u64 },
    /// The connection ended: cleanly (`error` is `None`) or with the error that ended it. A
    /// connection refused during the handshake (a wrong code) is reported here too, with no
    /// `Connected` before it.
    Closed {
        conn: u64,
        addr: String,
        error: Option<String>,
    },
    /// A peer's awareness update (who is here, cursors) for document `doc` of `event`, as
    /// y-protocols encodes it; for the window's `applyAwarenessUpdate`. Never stored.
    Awareness {
        conn: u64,
        event: String,
        doc: String,
        update: Vec<u8>,
    },
    /// Connection `conn` closed: the awareness clients that came over it are gone from `doc`.
    AwarenessGone {
        conn: u64,
        event: String,
        doc: String,
        clients: Vec<u64>,
    },
    /// The joiner lost (or never got) the connection and tries again after `delay`.
    Retrying {
        addr: String,
        delay: Duration,
        error: String,
    },
}

/// Where a transport sends its [`NetEvent`]s. Cheap to clone; `none()` drops them.
#[derive(Clone, Default)]
pub struct Reporter(Option<Arc<dyn Fn(NetEvent) + Send + Sync>>);

impl Reporter {
    pub fn new(f: impl Fn(NetEvent) + Send + Sync + 'static) -> Self {
        Reporter(Some(Arc::new(f)))
    }

    pub fn none() -> Self {
        Reporter(None)
    }

    pub(crate) fn send(&self, event: NetEvent) {
        if let Some(f) = &self.0 {
            f(event);
        }
    }
}

impl std::fmt::Debug for Reporter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Reporter(on)"
        } else {
            "Reporter(none)"
        })
    }
}

/// The joiner's wait before the next attempt: 1 s, doubling, at most [`MAX_BACKOFF`].
pub const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// The delay before attempt `failures + 1` after `failures` consecutive failures (≥ 1).
pub fn backoff(failures: u32) -> Duration {
    let secs = 1u64 << failures.saturating_sub(1).min(5);
    Duration::from_secs(secs).min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let secs: Vec<u64> = (1..=8).map(|n| backoff(n).as_secs()).collect();
        assert_eq!(secs, vec![1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(backoff(u32::MAX), MAX_BACKOFF);
    }
}
