//! Awareness (who is here, where their cursor is) over live sync. It is never stored: it passes
//! through, and this module keeps only what the transports need to pass it on well.
//!
//! - **This device's own** awareness comes from the window ([`publish`]): the latest update per
//!   document is remembered (so a connection that opens later starts with it, as y-websocket's
//!   provider does) and broadcast process-wide; each transport's log watcher forwards the
//!   updates of its event onto its bus.
//! - **Other devices'** awareness is merged per transport into a [`Table`] that remembers which
//!   connection brought each client. A hub (`serve`) sends a newcomer the clients it knows; when
//!   a connection closes, its clients are gone: the window is told at once (instead of waiting
//!   for y-protocols' 30 s time-out) and a hub tells the other peers with a removal update, as
//!   the y-websocket server does.
//!
//! The rules are y-protocols' (`applyAwarenessUpdate`): a client's entry with a higher clock
//! wins; `null` at an equal or higher clock removes it; an entry not renewed for [`OUTDATED`]
//! is stale (peers renew theirs every 15 s) and not passed on to newcomers.

use crate::store::DocRef;
use crate::sync::protocol::{check_doc_id, decode_awareness};
use crate::sync::SyncError;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;
use yrs::sync::awareness::AwarenessUpdateEntry;
use yrs::sync::AwarenessUpdate;
use yrs::updates::encoder::Encode;
use yrs::ClientID;

/// How long an awareness entry lives without renewal (y-protocols' `outdatedTimeout`).
pub const OUTDATED: Duration = Duration::from_secs(30);
/// The most remote clients one transport keeps track of; a peer bringing more is dropped.
pub const MAX_CLIENTS: usize = 4096;

/// The window's latest awareness per document, and the broadcast of each new one.
struct Local {
    latest: Mutex<HashMap<DocRef, (Vec<u8>, Instant)>>,
    tx: broadcast::Sender<(DocRef, Vec<u8>)>,
}

fn local() -> &'static Local {
    static LOCAL: OnceLock<Local> = OnceLock::new();
    LOCAL.get_or_init(|| Local {
        latest: Mutex::new(HashMap::new()),
        tx: broadcast::channel(256).0,
    })
}

/// Sends this device's awareness update for `doc` (y-protocols' `encodeAwarenessUpdate`
/// bytes) to every live connection of its event, now and — while it is fresh — to those that
/// open later. Refused when the ids or the bytes are not valid; harmless when nothing runs.
pub fn publish(doc: DocRef, update: Vec<u8>) -> Result<(), SyncError> {
    check_doc_id(&doc.event_id)?;
    check_doc_id(&doc.doc_id)?;
    decode_awareness(&update)?;
    let now = Instant::now();
    {
        let mut latest = local()
            .latest
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        latest.retain(|_, (_, at)| now.duration_since(*at) < OUTDATED);
        latest.insert(doc.clone(), (update.clone(), now));
    }
    // No receivers is fine: no live sync runs.
    let _ = local().tx.send((doc, update));
    Ok(())
}

/// This device's awareness updates as [`publish`] sends them.
pub(crate) fn subscribe() -> broadcast::Receiver<(DocRef, Vec<u8>)> {
    local().tx.subscribe()
}

/// This device's fresh awareness for the documents of `event_id`, for a new connection.
pub(crate) fn local_snapshot(event_id: &str) -> Vec<(DocRef, Vec<u8>)> {
    let now = Instant::now();
    let latest = local()
        .latest
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    latest
        .iter()
        .filter(|(d, (_, at))| d.event_id == event_id && now.duration_since(*at) < OUTDATED)
        .map(|(d, (u, _))| (d.clone(), u.clone()))
        .collect()
}

/// What left with a closed connection in one document: the client ids, and the update that
/// tells y-protocols peers they are gone (their `null` state at the next clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gone {
    pub doc: String,
    pub clients: Vec<u64>,
    pub removal: Vec<u8>,
}

#[derive(Debug)]
struct Entry {
    clock: u32,
    json: Arc<str>,
    conn: u64,
    at: Instant,
}

/// The remote awareness clients of one transport, per document, with the connection each came
/// over. Shared by the transport's connections.
#[derive(Debug, Default)]
pub struct Table {
    docs: BTreeMap<String, HashMap<u64, Entry>>,
    len: usize,
}

/// A [`Table`] shared by the tasks of one transport.
pub type SharedTable = Arc<Mutex<Table>>;

impl Table {
    /// Merges an awareness update for `doc` that arrived over connection `conn` at `now`.
    pub fn merge(
        &mut self,
        conn: u64,
        doc: &str,
        update: &[u8],
        now: Instant,
    ) -> Result<(), SyncError> {
        let update = decode_awareness(update)?;
        let clients = self.docs.entry(doc.to_string()).or_default();
        for (id, e) in update.clients {
            let id = id.get();
            let removal = &*e.json == "null";
            let newer = match clients.get(&id) {
                None => true,
                Some(old) => old.clock < e.clock || (old.clock == e.clock && removal),
            };
            if !newer {
                continue;
            }
            if removal {
                if clients.remove(&id).is_some() {
                    self.len -= 1;
                }
                continue;
            }
            let entry = Entry {
                clock: e.clock,
                json: e.json,
                conn,
                at: now,
            };
            if clients.insert(id, entry).is_none() {
                self.len += 1;
                if self.len > MAX_CLIENTS {
                    return Err(SyncError::malformed(format!(
                        "more than {MAX_CLIENTS} awareness clients"
                    )));
                }
            }
        }
        if clients.is_empty() {
            self.docs.remove(doc);
        }
        Ok(())
    }

    /// The fresh clients that did not come over `conn`, one awareness update per document:
    /// what a hub sends a newcomer on connection `conn`.
    pub fn snapshot(&self, conn: u64, now: Instant) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for (doc, clients) in &self.docs {
            let fresh: HashMap<ClientID, AwarenessUpdateEntry> = clients
                .iter()
                .filter(|(_, e)| e.conn != conn && now.duration_since(e.at) < OUTDATED)
                .map(|(id, e)| (ClientID::new(*id), entry(e.clock, e.json.clone())))
                .collect();
            if !fresh.is_empty() {
                out.push((doc.clone(), AwarenessUpdate { clients: fresh }.encode_v1()));
            }
        }
        out
    }

    /// Forgets the clients that came over `conn` (it closed), per document.
    pub fn drop_conn(&mut self, conn: u64) -> Vec<Gone> {
        let mut gone = Vec::new();
        for (doc, clients) in self.docs.iter_mut() {
            let mut removal = HashMap::new();
            clients.retain(|id, e| {
                if e.conn != conn {
                    return true;
                }
                let next = e.clock.wrapping_add(1);
                removal.insert(ClientID::new(*id), entry(next, "null".into()));
                false
            });
            if !removal.is_empty() {
                self.len -= removal.len();
                let mut ids: Vec<u64> = removal.keys().map(|c| c.get()).collect();
                ids.sort_unstable();
                gone.push(Gone {
                    doc: doc.clone(),
                    clients: ids,
                    removal: AwarenessUpdate { clients: removal }.encode_v1(),
                });
            }
        }
        self.docs.retain(|_, c| !c.is_empty());
        gone
    }
}

fn entry(clock: u32, json: Arc<str>) -> AwarenessUpdateEntry {
    AwarenessUpdateEntry { clock, json }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(entries: &[(u64, u32, &str)]) -> Vec<u8> {
        let clients = entries
            .iter()
            .map(|(id, clock, json)| (ClientID::new(*id), entry(*clock, (*json).into())))
            .collect();
        AwarenessUpdate { clients }.encode_v1()
    }

    fn clients_of(bytes: &[u8]) -> Vec<(u64, u32, String)> {
        let mut v: Vec<_> = decode_awareness(bytes)
            .unwrap()
            .clients
            .into_iter()
            .map(|(id, e)| (id.get(), e.clock, e.json.to_string()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn newer_clocks_win_null_removes_and_a_closed_connection_takes_its_clients() {
        let now = Instant::now();
        let mut t = Table::default();
        t.merge(1, "d1", &update(&[(7, 1, r#"{"a":1}"#), (8, 1, "{}")]), now)
            .unwrap();
        t.merge(2, "d1", &update(&[(9, 3, r#"{"b":1}"#)]), now)
            .unwrap();
        // An older clock for 7 is ignored; null at the same clock removes 8.
        t.merge(
            1,
            "d1",
            &update(&[(7, 0, r#"{"old":1}"#), (8, 1, "null")]),
            now,
        )
        .unwrap();
        let for_newcomer = t.snapshot(3, now);
        assert_eq!(for_newcomer.len(), 1);
        assert_eq!(
            clients_of(&for_newcomer[0].1),
            vec![(7, 1, r#"{"a":1}"#.into()), (9, 3, r#"{"b":1}"#.into())]
        );
        assert_eq!(
            clients_of(&t.snapshot(2, now)[0].1),
            vec![(7, 1, r#"{"a":1}"#.into())]
        );
        // Stale entries are not passed on.
        assert!(t.snapshot(3, now + OUTDATED).is_empty());

        let gone = t.drop_conn(1);
        assert_eq!(gone.len(), 1);
        assert_eq!(
            (gone[0].doc.as_str(), gone[0].clients.clone()),
            ("d1", vec![7])
        );
        assert_eq!(clients_of(&gone[0].removal), vec![(7, 2, "null".into())]);
        assert!(t.drop_conn(1).is_empty(), "nothing is gone twice");
        assert_eq!(t.drop_conn(2)[0].clients, vec![9]);
        assert_eq!(t.len, 0);
        assert!(t.docs.is_empty());
    }

    #[test]
    fn too_many_clients_or_bad_bytes_are_refused() {
        let now = Instant::now();
        let mut t = Table::default();
        assert!(t.merge(1, "d", &[5, 1], now).is_err());
        let many: Vec<(u64, u32, &str)> = (0..=MAX_CLIENTS as u64).map(|i| (i, 1, "{}")).collect();
        assert!(t.merge(1, "d", &update(&many), now).is_err());
    }

    #[test]
    fn publish_checks_its_input_and_a_new_connection_gets_the_latest() {
        let ev = "e0e0e0e0";
        let doc = DocRef {
            event_id: ev.into(),
            doc_id: "d0d0".into(),
        };
        assert!(publish(doc.clone(), vec![1, 2, 3]).is_err());
        let bad_id = DocRef {
            event_id: ev.into(),
            doc_id: "NOT A DOC".into(),
        };
        assert!(publish(bad_id, update(&[(1, 1, "{}")])).is_err());
        let mut rx = subscribe();
        publish(doc.clone(), update(&[(1, 1, "{}")])).unwrap();
        publish(doc.clone(), update(&[(1, 2, r#"{"x":2}"#)])).unwrap();
        assert_eq!(rx.try_recv().unwrap().0, doc);
        let snap = local_snapshot(ev);
        assert_eq!(snap.len(), 1);
        assert_eq!(clients_of(&snap[0].1), vec![(1, 2, r#"{"x":2}"#.into())]);
        assert!(local_snapshot("e1e1").is_empty());
    }
}
