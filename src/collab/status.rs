//! The state of live sync as the window shows it: what this device is doing (hosting,
//! joining, using a relay), each peer's connection and when it last synced, and the error that
//! stopped it. Built only by folding [`NetEvent`]s into it, so it is plain data and testable
//! without a network.

use crate::sync::transport::status::NetEvent;
use serde::Serialize;

/// What this device is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Off,
    Hosting,
    Joining,
    Relay,
}

/// How to reach this device while it hosts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HostInfo {
    pub event_id: String,
    pub port: u16,
    /// `IP:port` for every address of this machine others may reach (best first).
    pub addresses: Vec<String>,
    pub code: String,
    /// What the QR code says: the first address and the code.
    pub qr_text: String,
    /// The QR code as a standalone SVG image.
    pub qr_svg: String,
    /// Why the host is not announced on the local network (mDNS), if it is not; joiners then
    /// type an address.
    pub unannounced: Option<String>,
}

/// One connection as the window lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeerStatus {
    pub conn: u64,
    pub addr: String,
    /// The peer's device id (empty until its hello arrived).
    pub device: String,
    pub connected: bool,
    /// Unix milliseconds of the last exchange with content, if any.
    pub last_synced_ms: Option<i64>,
    /// Why the connection ended, when it failed.
    pub error: Option<String>,
    /// This device's changes logged since the last exchange with this peer, which it has not
    /// had yet (filled in from the log by [`crate::collab::with_pending`]; `None` before the
    /// first exchange). A reconnection sends them without anyone doing anything.
    pub pending: Option<u64>,
}

/// The joiner's next attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Retry {
    pub at_ms: i64,
    pub error: String,
}

/// Everything the Collaborate panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiveStatus {
    pub mode: Mode,
    /// The event being shared (for a joiner: once the host named it).
    pub event_id: Option<String>,
    pub host: Option<HostInfo>,
    /// The address joined, or the relay URL (its query string's values hidden).
    pub target: Option<String>,
    /// The relay's protocol (`y-websocket` or `hocuspocus`), when syncing through one.
    pub protocol: Option<String>,
    pub peers: Vec<PeerStatus>,
    pub retry: Option<Retry>,
    /// The last connection attempt the host refused (e.g. a wrong code), for the host's eyes;
    /// or why the relay refused this device (the token), which stopped the sync.
    pub refused: Option<String>,
    /// The error that stopped live sync (a wrong code, a relay that failed); mode stays as it
    /// was so the panel can say what failed.
    pub error: Option<String>,
    /// Whether the background task is still running.
    pub running: bool,
}

/// Peers kept in the list after they left, so the list does not grow without bound.
const MAX_GONE: usize = 8;

impl LiveStatus {
    pub fn off() -> Self {
        LiveStatus {
            mode: Mode::Off,
            event_id: None,
            host: None,
            target: None,
            protocol: None,
            peers: Vec::new(),
            retry: None,
            refused: None,
            error: None,
            running: false,
        }
    }

    /// A fresh status for a task that is starting.
    pub fn starting(mode: Mode, event_id: Option<String>, target: Option<String>) -> Self {
        LiveStatus {
            mode,
            event_id,
            target,
            running: true,
            ..Self::off()
        }
    }

    /// Folds one event in; `now_ms` is the time it happened.
    pub fn apply(&mut self, event: NetEvent, now_ms: i64) {
        match event {
            NetEvent::Connected {
                conn,
                addr,
                device,
                event,
            } => {
                self.retry = None;
                self.event_id = Some(event);
                // A device that reconnects replaces its old row.
                self.peers.retain(|p| p.device != device || p.connected);
                self.peers.push(PeerStatus {
                    conn,
                    addr,
                    device,
                    connected: true,
                    last_synced_ms: None,
                    error: None,
                    pending: None,
                });
            }
            NetEvent::Synced { conn } => {
                if let Some(p) = self.peers.iter_mut().find(|p| p.conn == conn) {
                    p.last_synced_ms = Some(now_ms);
                }
            }
            NetEvent::Closed { conn, addr, error } => {
                match self.peers.iter_mut().find(|p| p.conn == conn) {
                    Some(p) => {
                        p.connected = false;
                        p.error = error;
                    }
                    // Never got past the handshake: a refused attempt.
                    None => self.refused = Some(error.unwrap_or_else(|| format!("{addr}: closed"))),
                }
                let gone = self.peers.iter().filter(|p| !p.connected).count();
                if gone > MAX_GONE {
                    if let Some(i) = self.peers.iter().position(|p| !p.connected) {
                        self.peers.remove(i);
                    }
                }
            }
            // Awareness goes to the window's cursors (see `Live::with_presence`), not here.
            NetEvent::Awareness { .. } | NetEvent::AwarenessGone { .. } => {}
            NetEvent::Retrying { delay, error, .. } => {
                self.retry = Some(Retry {
                    at_ms: now_ms + delay.as_millis() as i64,
                    error,
                });
            }
        }
    }

    /// The task ended: with `error`, or cleanly.
    pub fn stopped(&mut self, error: Option<String>) {
        self.running = false;
        self.retry = None;
        self.error = error;
        for p in &mut self.peers {
            p.connected = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn connected(conn: u64, device: &str) -> NetEvent {
        NetEvent::Connected {
            conn,
            addr: format!("10.0.0.{conn}:5000"),
            device: device.into(),
            event: "ev".into(),
        }
    }

    #[test]
    fn a_peer_connects_syncs_and_leaves() {
        let mut s = LiveStatus::starting(Mode::Hosting, Some("ev".into()), None);
        s.apply(connected(1, "dev-a"), 1_000);
        assert!(s.peers[0].connected);
        assert_eq!(s.peers[0].last_synced_ms, None);
        s.apply(NetEvent::Synced { conn: 1 }, 2_000);
        s.apply(NetEvent::Synced { conn: 7 }, 2_500); // unknown: ignored
        assert_eq!(s.peers[0].last_synced_ms, Some(2_000));
        s.apply(
            NetEvent::Closed {
                conn: 1,
                addr: "10.0.0.1:5000".into(),
                error: Some("reset".into()),
            },
            3_000,
        );
        assert!(!s.peers[0].connected);
        assert_eq!(s.peers[0].error.as_deref(), Some("reset"));
        assert_eq!(s.peers[0].last_synced_ms, Some(2_000));
        assert_eq!(s.refused, None);
    }

    #[test]
    fn a_refused_attempt_is_not_a_peer_and_a_reconnect_replaces_the_old_row() {
        let mut s = LiveStatus::starting(Mode::Joining, None, Some("h:7420".into()));
        s.apply(
            NetEvent::Closed {
                conn: 3,
                addr: "h:1".into(),
                error: Some("the join code did not match".into()),
            },
            0,
        );
        assert!(s.peers.is_empty());
        assert_eq!(s.refused.as_deref(), Some("the join code did not match"));
        s.apply(
            NetEvent::Retrying {
                addr: "h:7420".into(),
                delay: Duration::from_secs(4),
                error: "refused".into(),
            },
            10_000,
        );
        assert_eq!(s.retry.as_ref().unwrap().at_ms, 14_000);
        s.apply(connected(1, "host"), 15_000);
        assert_eq!(s.retry, None, "a connection clears the retry");
        assert_eq!(s.event_id.as_deref(), Some("ev"));
        let closed = NetEvent::Closed {
            conn: 1,
            addr: "h".into(),
            error: None,
        };
        s.apply(closed, 16_000);
        s.apply(connected(2, "host"), 17_000);
        assert_eq!(s.peers.len(), 1);
        assert_eq!((s.peers[0].conn, s.peers[0].connected), (2, true));
    }

    #[test]
    fn the_list_of_departed_peers_is_capped_and_stopping_disconnects_all() {
        let mut s = LiveStatus::starting(Mode::Hosting, Some("ev".into()), None);
        for c in 1..=20 {
            s.apply(connected(c, &format!("d{c}")), 0);
            if c < 20 {
                let closed = NetEvent::Closed {
                    conn: c,
                    addr: String::new(),
                    error: None,
                };
                s.apply(closed, 0);
            }
        }
        assert_eq!(s.peers.iter().filter(|p| !p.connected).count(), MAX_GONE);
        assert!(s.peers.iter().any(|p| p.conn == 20 && p.connected));
        s.stopped(Some("boom".into()));
        assert!(!s.running && s.peers.iter().all(|p| !p.connected));
        assert_eq!(s.error.as_deref(), Some("boom"));
    }
}
