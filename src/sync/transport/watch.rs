//! Edits made on this device reach the network through the update log: another process (the
//! window, `rapporteur note` in another terminal) may have written them, so the log, not an
//! in-process callback, is the source. A watcher polls
//! [`Store::updates_to_forward`](crate::store::Store::updates_to_forward) and publishes what
//! it finds on the process's [`Bus`]. Updates received from a peer this process is connected
//! to are not re-published here (the hub forwards those itself); updates another process
//! received (A runs `serve` and `sync --relay` on one database) are, so the room gets what
//! came through the relay and the other way round. [`connected_to`] keeps the count of this
//! process's connections per peer.
//!
//! A write made in this process (the window's, whose host calls [`local_write_committed`] from
//! `Host::emit`) wakes the watchers at once, so a keystroke reaches the peers within a network
//! round trip; writes of other processes are found by the poll, every [`POLL`].
//!
//! The watcher also forwards this device's awareness (see [`super::presence`]) for its event
//! onto the bus; awareness is never written to the log.

use super::bus::{Bus, Item, Relayed};
use super::presence;
use super::{with_store, NetError, SharedStore};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;
use tokio::sync::watch as signal;

/// How often the log is polled for edits of other processes (an indexed query of the rows
/// after the last one seen: cheap).
pub const POLL: Duration = Duration::from_millis(50);
/// The most updates read per poll.
const BATCH: usize = 256;

/// A counter of this process's committed writes; watchers wait on its changes.
fn writes() -> &'static signal::Sender<u64> {
    static WRITES: OnceLock<signal::Sender<u64>> = OnceLock::new();
    WRITES.get_or_init(|| signal::channel(0).0)
}

/// Tells this process's watchers that a write was committed, so it is forwarded without
/// waiting for the next poll. Cheap; harmless when nobody watches.
pub fn local_write_committed() {
    writes().send_modify(|n| *n = n.wrapping_add(1));
}

/// This process's open connections per peer id.
fn connections() -> &'static Mutex<HashMap<String, usize>> {
    static CONNECTIONS: OnceLock<Mutex<HashMap<String, usize>>> = OnceLock::new();
    CONNECTIONS.get_or_init(Default::default)
}

/// Whether this process has a connection to `peer_id` open.
fn connected_here(peer_id: &str) -> bool {
    connections()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .contains_key(peer_id)
}

/// One open connection of this process to a peer, counted while it lives.
#[derive(Debug)]
pub struct Connected(String);

/// Counts a connection to `peer_id` until the returned value is dropped.
pub fn connected_to(peer_id: &str) -> Connected {
    *connections()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .entry(peer_id.to_string())
        .or_default() += 1;
    Connected(peer_id.to_string())
}

impl Drop for Connected {
    fn drop(&mut self) {
        let mut map = connections().lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = map.get_mut(&self.0) {
            *n -= 1;
            if *n == 0 {
                map.remove(&self.0);
            }
        }
    }
}

/// The current end of the log: start the watcher here, before the first connection's
/// `on_connect` (which covers everything before it).
pub async fn log_end(store: &SharedStore) -> Result<i64, NetError> {
    Ok(with_store(store, |s| s.last_seq()).await??)
}

/// Publishes this device's edits to `event_id` logged after `after`, until the bus closes or
/// the store fails.
pub async fn watch(
    store: SharedStore,
    event_id: String,
    mut after: i64,
    bus: Bus,
) -> Result<(), NetError> {
    let mut tick = tokio::time::interval(POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut woken = writes().subscribe();
    let mut awareness = presence::subscribe();
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            // The sender is static and never dropped, so this only returns on a new write.
            _ = woken.changed() => {}
            mine = awareness.recv() => {
                match mine {
                    Ok((doc, update)) if doc.event_id == event_id => {
                        let _ = bus.send(Relayed { from: 0, doc, item: Item::Awareness(update) });
                    }
                    Ok(_) => {}
                    // Awareness is latest-wins and renewed every 15 s: skipping some of a
                    // burst loses nothing that matters. The sender is static: never closed.
                    Err(_) => {}
                }
                continue;
            }
        }
        loop {
            let ev = event_id.clone();
            let (last, updates) = with_store(&store, move |s| {
                s.updates_to_forward(&ev, after, BATCH, &connected_here)
            })
            .await??;
            let done = last == after;
            after = last;
            for (doc, update) in updates {
                // No receivers is fine: nobody is connected yet.
                let _ = bus.send(Relayed {
                    from: 0,
                    doc,
                    item: Item::Update(update),
                });
            }
            if done {
                break;
            }
        }
    }
}
