//! The in-process bus of one transport (a host's room, a relay sync): what its connections
//! pass to each other — this device's edits and awareness, and on a hub each joiner's — and
//! each connection's part in passing awareness on ([`ConnPresence`]). The log watcher
//! (`watch`) puts this device's edits on it; the connections (`link`, `relay_session`) take
//! what they must forward; the awareness rules are `presence`'s.

use super::presence::{local_snapshot, SharedTable, Table};
use super::status::{NetEvent, Reporter};
use crate::store::DocRef;
use crate::sync::{Frame, Peer, SyncError};
use std::sync::PoisonError;
use std::time::Instant;
use tokio::sync::broadcast;

/// Something to forward to peers, and who it came from (so it is not echoed back).
#[derive(Debug, Clone)]
pub struct Relayed {
    /// 0 for this device; otherwise the connection number it arrived on.
    pub from: u64,
    pub doc: DocRef,
    pub item: Item,
}

/// What a [`Relayed`] carries.
#[derive(Debug, Clone)]
pub enum Item {
    /// A document update (it is in the log).
    Update(Vec<u8>),
    /// An awareness update (never stored).
    Awareness(Vec<u8>),
}

/// The in-process bus every connection of one transport listens on, and the remote awareness
/// clients those connections brought.
#[derive(Debug, Clone)]
pub struct Bus {
    tx: broadcast::Sender<Relayed>,
    pub(crate) presence: SharedTable,
}

impl Bus {
    pub fn subscribe(&self) -> broadcast::Receiver<Relayed> {
        self.tx.subscribe()
    }

    /// Sends to every connection listening; `Err` when none listens.
    pub fn send(&self, r: Relayed) -> Result<usize, broadcast::error::SendError<Relayed>> {
        self.tx.send(r)
    }
}

/// A new bus.
pub fn bus() -> Bus {
    Bus {
        tx: broadcast::channel(1024).0,
        presence: SharedTable::default(),
    }
}

/// One connection's part in passing awareness on: what it starts with, what it received, and
/// — when it is dropped, however the connection ended (closed, failed, aborted) — which
/// clients left with it.
pub(crate) struct ConnPresence {
    pub bus: Bus,
    /// The connection's number on the bus (never 0, this device's own).
    pub me: u64,
    pub report: Reporter,
    /// The connection's number in the reports.
    pub conn: u64,
    pub event: String,
}

impl ConnPresence {
    /// The frames a new connection starts with: this device's fresh awareness and, on a hub,
    /// the clients the other connections brought.
    pub fn opening(&self, peer: &Peer) -> Vec<Frame> {
        let mut out = Vec::new();
        for (doc, update) in local_snapshot(&self.event) {
            out.extend(peer.on_local_awareness(&doc, &update));
        }
        let others = lock(&self.bus.presence).snapshot(self.me, Instant::now());
        for (doc, update) in others {
            let doc = DocRef {
                event_id: self.event.clone(),
                doc_id: doc,
            };
            out.extend(peer.on_local_awareness(&doc, &update));
        }
        out
    }

    /// Takes what the peer received: remembers its clients, tells the window and puts it on
    /// the bus for the other connections (a hub's joiners).
    pub fn received(&self, awareness: Vec<(String, Vec<u8>)>) -> Result<(), SyncError> {
        for (doc, update) in awareness {
            lock(&self.bus.presence).merge(self.me, &doc, &update, Instant::now())?;
            self.report.send(NetEvent::Awareness {
                conn: self.conn,
                event: self.event.clone(),
                doc: doc.clone(),
                update: update.clone(),
            });
            let doc = DocRef {
                event_id: self.event.clone(),
                doc_id: doc,
            };
            // No receivers is fine: nobody else is connected.
            let _ = self.bus.send(Relayed {
                from: self.me,
                doc,
                item: Item::Awareness(update),
            });
        }
        Ok(())
    }
}

impl Drop for ConnPresence {
    fn drop(&mut self) {
        let gone = lock(&self.bus.presence).drop_conn(self.me);
        for g in gone {
            self.report.send(NetEvent::AwarenessGone {
                conn: self.conn,
                event: self.event.clone(),
                doc: g.doc.clone(),
                clients: g.clients,
            });
            let doc = DocRef {
                event_id: self.event.clone(),
                doc_id: g.doc,
            };
            let _ = self.bus.send(Relayed {
                from: self.me,
                doc,
                item: Item::Awareness(g.removal),
            });
        }
    }
}

fn lock(t: &SharedTable) -> std::sync::MutexGuard<'_, Table> {
    t.lock().unwrap_or_else(PoisonError::into_inner)
}
