//! The one write path: every update, from any origin, is decoded, applied to its in-memory
//! document, appended to the log and reflected in the derived tables in one SQLite
//! transaction; only after the commit is the host told. If anything fails, the transaction
//! rolls back and the cached documents it touched are dropped, so memory never runs ahead of
//! disk.
//!
//! Another process (the CLI while the window is open) may append to the same log. Every write
//! therefore first catches its cached document up with log rows it has not seen, inside the
//! write transaction, so derived rows are always computed from everything in the log.

use super::{
    derived, log, Applied, Cached, DocRef, Permit, Result, Store, StoreError, MAX_UPDATE_BYTES,
};
use crate::doc::review_doc::{self, ClientInfo};
use crate::host::{Change, Host, Origin};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use yrs::{ReadTxn, Transact, TransactionMut, Update};

/// The cached document `doc_id`, loaded from the log the first time and caught up with rows
/// appended since (by this or another process).
pub(super) fn cached_doc<'a>(
    conn: &Connection,
    docs: &'a mut HashMap<String, Cached>,
    doc_id: &str,
) -> Result<&'a mut Cached> {
    match docs.entry(doc_id.to_string()) {
        std::collections::hash_map::Entry::Occupied(e) => {
            let cached = e.into_mut();
            cached.seen = log::catch_up(conn, doc_id, &cached.doc, cached.seen)?;
            Ok(cached)
        }
        std::collections::hash_map::Entry::Vacant(e) => {
            let (doc, seen) = log::load_doc(conn, doc_id)?;
            Ok(e.insert(Cached { doc, seen }))
        }
    }
}

fn begin(conn: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| StoreError::sql("starting a write", e))
}

impl Store {
    /// Applies an update received from anywhere, durably. Applying the same bytes again is a
    /// no-op; updates may arrive in any order.
    pub fn apply(&mut self, doc: &DocRef, update: &[u8], origin: &Origin) -> Result<Applied> {
        Ok(self.apply_batch(&[(doc.clone(), update.to_vec())], origin)?[0])
    }

    /// Applies several updates in one SQLite transaction (keystroke batches, sync catch-up,
    /// bundles). Either all are committed or none is.
    pub fn apply_batch(
        &mut self,
        updates: &[(DocRef, Vec<u8>)],
        origin: &Origin,
    ) -> Result<Vec<Applied>> {
        // Decode everything before touching anything, so malformed input writes nothing.
        let mut decoded = Vec::with_capacity(updates.len());
        for (doc, bytes) in updates {
            if bytes.len() > MAX_UPDATE_BYTES {
                return Err(StoreError::UpdateTooLarge {
                    doc: doc.doc_id.clone(),
                    size: bytes.len(),
                    limit: MAX_UPDATE_BYTES,
                });
            }
            let u = crate::doc::decode::update(bytes).map_err(|reason| {
                StoreError::MalformedUpdate {
                    doc: doc.doc_id.clone(),
                    reason,
                }
            })?;
            decoded.push(u);
            self.check_owner(doc)?;
        }
        // Only updates from outside this device are measured: local ones always change state.
        let measure = !matches!(origin, Origin::Editor | Origin::Local | Origin::Cli);
        // Who wrote a local update: the Yjs clients that inserted something (the window's own).
        let writers: Vec<(DocRef, u64)> = if is_local(origin) {
            updates
                .iter()
                .zip(&decoded)
                .flat_map(|((d, _), u)| {
                    let ids: Vec<u64> = u.insertions(false).client_ids().map(|c| c.get()).collect();
                    ids.into_iter().map(|c| (d.clone(), c))
                })
                .collect()
        } else {
            Vec::new()
        };
        let tx = begin(&mut self.conn)?;
        let docs = &mut self.docs;
        let host = self.host.as_ref();
        let mut appended = Vec::new();
        let mut events: Vec<&str> = updates.iter().map(|(d, _)| d.event_id.as_str()).collect();
        events.dedup();
        let who = Writer {
            author: &self.author,
            device: &self.device_id,
        };
        let mut recorded = Vec::new();
        let outcome = events
            .iter()
            .try_for_each(|e| ensure_writable(&tx, docs, e, origin, Permit::None))
            .and_then(|()| {
                apply_all(
                    &tx,
                    docs,
                    host,
                    updates,
                    decoded,
                    origin,
                    measure,
                    &mut appended,
                )
            })
            .and_then(|(results, touched)| {
                let known = &self.known_clients;
                record_writers(
                    &tx,
                    docs,
                    host,
                    (known, &who),
                    writers,
                    origin,
                    &mut appended,
                    &mut recorded,
                )?;
                for d in &touched {
                    derived::refresh(&tx, d, &docs[&d.doc_id].doc)?;
                }
                Ok((results, touched))
            });
        let outcome = outcome.and_then(|r| {
            tx.commit()
                .map(|_| r)
                .map_err(|e| StoreError::sql("committing updates", e))
        });
        match outcome {
            Ok((results, touched)) => {
                self.remember_own(appended);
                self.remember_writers(recorded);
                for d in &touched {
                    self.host.emit(&Change {
                        event_id: d.event_id.clone(),
                        doc_id: d.doc_id.clone(),
                        origin: origin.clone(),
                    });
                }
                Ok(results)
            }
            Err(e) => {
                // The transaction rolled back: forget what memory ran ahead with.
                for (d, _) in updates {
                    self.docs.remove(&d.doc_id);
                }
                Err(e)
            }
        }
    }

    /// Makes a local change to a document through a yrs transaction and stores the resulting
    /// update through the same path as every other write. Returns the update bytes (empty when
    /// the closure changed nothing) and the closure's result.
    pub fn edit<R>(
        &mut self,
        doc: &DocRef,
        origin: &Origin,
        f: impl FnOnce(&mut TransactionMut) -> Result<R>,
    ) -> Result<(Vec<u8>, R)> {
        self.edit_with(doc, origin, Permit::None, f)
    }

    /// [`Store::edit`] with a [`Permit`]: the review cycle's own writes that a final event
    /// still takes (reopening it; follow-up statuses). Everything else passes `Permit::None`.
    pub(crate) fn edit_with<R>(
        &mut self,
        doc: &DocRef,
        origin: &Origin,
        permit: Permit,
        f: impl FnOnce(&mut TransactionMut) -> Result<R>,
    ) -> Result<(Vec<u8>, R)> {
        self.check_owner(doc)?;
        let tx = begin(&mut self.conn)?;
        let mut appended = Vec::new();
        let host = self.host.as_ref();
        let docs = &mut self.docs;
        // The first local write of this process to a document records who writes it, in the
        // same Yjs transaction (so it costs no extra change to send).
        let record = is_local(origin).then(|| ClientInfo {
            device: self.device_id.clone(),
            name: self.author.clone(),
        });
        let known = &self.known_clients;
        let mut recorded = Vec::new();
        let outcome = ensure_writable(&tx, docs, &doc.event_id, origin, permit)
            .and_then(|()| {
                let f = |txn: &mut TransactionMut| {
                    let before = txn.state_vector();
                    let r = f(txn)?;
                    let changed = txn.state_vector() != before || !txn.delete_set().is_empty();
                    if let (Some(who), true) = (&record, changed) {
                        let me = txn.doc().client_id().get();
                        if !known.get(&doc.doc_id).is_some_and(|k| k.contains(&me)) {
                            review_doc::register_clients(txn, &[(me, who.clone())]);
                            recorded.push((doc.doc_id.clone(), me));
                        }
                    }
                    Ok(r)
                };
                edit_in(&tx, docs, host, doc, origin, f, &mut appended)
            })
            .and_then(|r| {
                tx.commit()
                    .map(|_| r)
                    .map_err(|e| StoreError::sql("committing an edit", e))
            });
        match outcome {
            Ok((update, result)) => {
                self.remember_own(appended);
                self.remember_writers(recorded);
                if !update.is_empty() {
                    self.host.emit(&Change {
                        event_id: doc.event_id.clone(),
                        doc_id: doc.doc_id.clone(),
                        origin: origin.clone(),
                    });
                }
                Ok((update, result))
            }
            Err(e) => {
                self.docs.remove(&doc.doc_id);
                Err(e)
            }
        }
    }

    /// Local changes to several documents in one SQLite transaction: all are committed or
    /// none is (merging outcomes of different sessions). Each closure runs on its document's
    /// yrs transaction; the host is told about every document that changed.
    pub fn edit_many(&mut self, edits: Vec<DocEdit<'_>>, origin: &Origin) -> Result<()> {
        for (doc, _) in &edits {
            self.check_owner(doc)?;
        }
        let docs: Vec<DocRef> = edits.iter().map(|(d, _)| d.clone()).collect();
        let tx = begin(&mut self.conn)?;
        let mut appended = Vec::new();
        let mut changed: Vec<DocRef> = Vec::new();
        let host = self.host.as_ref();
        let mut events: Vec<&str> = docs.iter().map(|d| d.event_id.as_str()).collect();
        events.dedup();
        let mut outcome = events
            .iter()
            .try_for_each(|e| ensure_writable(&tx, &mut self.docs, e, origin, Permit::None));
        let edits = if outcome.is_ok() { edits } else { Vec::new() };
        for (doc, f) in edits {
            match edit_in(&tx, &mut self.docs, host, &doc, origin, f, &mut appended) {
                Ok((update, ())) => {
                    if !update.is_empty() && !changed.contains(&doc) {
                        changed.push(doc);
                    }
                }
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            }
        }
        let outcome = outcome.and_then(|()| {
            tx.commit()
                .map_err(|e| StoreError::sql("committing edits", e))
        });
        match outcome {
            Ok(()) => {
                self.remember_own(appended);
                for d in changed {
                    self.host.emit(&Change {
                        event_id: d.event_id,
                        doc_id: d.doc_id,
                        origin: origin.clone(),
                    });
                }
                Ok(())
            }
            Err(e) => {
                for d in docs {
                    self.docs.remove(&d.doc_id);
                }
                Err(e)
            }
        }
    }

    /// Remembers client ids recorded by a committed write, so they are not written again.
    fn remember_writers(&mut self, recorded: Vec<(String, u64)>) {
        for (doc, client) in recorded {
            self.known_clients.entry(doc).or_default().insert(client);
        }
    }

    /// A document may only ever belong to one event.
    fn check_owner(&self, doc: &DocRef) -> Result<()> {
        let owner: Option<String> = self
            .conn
            .query_row(
                "SELECT event_id FROM doc WHERE id = ?1",
                [&doc.doc_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| StoreError::sql("looking up a document", e))?;
        match owner {
            Some(o) if o != doc.event_id => Err(StoreError::WrongEvent {
                doc: doc.doc_id.clone(),
                owner: o,
                claimed: doc.event_id.clone(),
            }),
            _ => Ok(()),
        }
    }
}

type Touched = (Vec<Applied>, Vec<DocRef>);

/// Writes made on this device (the window, the CLI, an import) as opposed to a peer's.
fn is_local(origin: &Origin) -> bool {
    matches!(
        origin,
        Origin::Editor | Origin::Local | Origin::Cli | Origin::Import
    )
}

/// The one place where a local write to a final event is refused: every write path of the
/// store (`apply_batch`, `edit`, `edit_many`) calls it inside its transaction, after catching
/// the event document up with what other processes wrote, so a lock made by the CLI is seen by
/// the window's next keystroke. Peers' updates always pass: nothing typed is ever dropped.
fn ensure_writable(
    tx: &Connection,
    docs: &mut HashMap<String, Cached>,
    event_id: &str,
    origin: &Origin,
    permit: Permit,
) -> Result<()> {
    if !is_local(origin) || permit != Permit::None {
        return Ok(());
    }
    let ev = cached_doc(tx, docs, event_id)?;
    match review_doc::final_lock(&ev.doc.transact()) {
        Some(version) => Err(StoreError::final_event(version)),
        None => Ok(()),
    }
}

/// Who writes from this process, for [`record_writers`].
struct Writer<'a> {
    author: &'a str,
    device: &'a str,
}

/// Records in each document the Yjs client ids of a local update (the window's) that it does
/// not name yet, with who they are, in the same SQLite transaction (an extra change, once per
/// client). `recorded` collects what to remember once the transaction commits.
#[allow(clippy::too_many_arguments)]
fn record_writers(
    tx: &Connection,
    docs: &mut HashMap<String, Cached>,
    host: &dyn Host,
    (known, who): (&HashMap<String, HashSet<u64>>, &Writer<'_>),
    writers: Vec<(DocRef, u64)>,
    origin: &Origin,
    appended: &mut Vec<i64>,
    recorded: &mut Vec<(String, u64)>,
) -> Result<()> {
    let mut by_doc: Vec<(DocRef, Vec<u64>)> = Vec::new();
    for (doc, client) in writers {
        if known.get(&doc.doc_id).is_some_and(|k| k.contains(&client)) {
            continue;
        }
        match by_doc.iter_mut().find(|(d, _)| *d == doc) {
            Some((_, v)) => v.push(client),
            None => by_doc.push((doc, vec![client])),
        }
    }
    for (doc, clients) in by_doc {
        let on_record = review_doc::clients(&cached_doc(tx, docs, &doc.doc_id)?.doc.transact());
        let new: Vec<(u64, ClientInfo)> = clients
            .iter()
            .filter(|c| !on_record.contains_key(c))
            .map(|c| {
                let info = ClientInfo {
                    device: who.device.to_string(),
                    name: who.author.to_string(),
                };
                (*c, info)
            })
            .collect();
        recorded.extend(clients.iter().map(|c| (doc.doc_id.clone(), *c)));
        if new.is_empty() {
            continue;
        }
        let register = |txn: &mut TransactionMut| {
            review_doc::register_clients(txn, &new);
            Ok(())
        };
        edit_in(tx, docs, host, &doc, origin, register, appended)?;
    }
    Ok(())
}

/// One document's part of [`Store::edit_many`].
pub type DocEdit<'a> = (
    DocRef,
    Box<dyn FnOnce(&mut TransactionMut) -> Result<()> + 'a>,
);

#[allow(clippy::too_many_arguments)]
fn apply_all(
    tx: &Connection,
    docs: &mut HashMap<String, Cached>,
    host: &dyn Host,
    updates: &[(DocRef, Vec<u8>)],
    decoded: Vec<Update>,
    origin: &Origin,
    measure: bool,
    appended: &mut Vec<i64>,
) -> Result<Touched> {
    let mut results = Vec::with_capacity(updates.len());
    let mut touched: Vec<DocRef> = Vec::new();
    for ((doc_ref, bytes), update) in updates.iter().zip(decoded) {
        let hash = Sha256::digest(bytes);
        if log::contains(tx, &doc_ref.doc_id, &hash)? {
            results.push(Applied::default());
            continue;
        }
        let cached = cached_doc(tx, docs, &doc_ref.doc_id)?;
        let changed = {
            // The state vector (one entry per client) before and after, plus what this
            // transaction deleted, tell whether the update changed anything; no walk over the
            // document is needed.
            let mut txn = cached.doc.transact_mut();
            let before = measure.then(|| txn.state_vector());
            txn.apply_update(update)
                .map_err(|e| StoreError::MalformedUpdate {
                    doc: doc_ref.doc_id.clone(),
                    reason: e.to_string(),
                })?;
            before.is_none_or(|b| b != txn.state_vector() || !txn.delete_set().is_empty())
        };
        if let Some(seq) = log::append(tx, doc_ref, bytes, &hash, origin, host)? {
            cached.seen = cached.seen.max(seq);
            appended.push(seq);
        }
        results.push(Applied {
            logged: true,
            changed,
        });
        if !touched.contains(doc_ref) {
            touched.push(doc_ref.clone());
        }
    }
    Ok((results, touched))
}

fn edit_in<R>(
    tx: &Connection,
    docs: &mut HashMap<String, Cached>,
    host: &dyn Host,
    doc: &DocRef,
    origin: &Origin,
    f: impl FnOnce(&mut TransactionMut) -> Result<R>,
    appended: &mut Vec<i64>,
) -> Result<(Vec<u8>, R)> {
    let cached = cached_doc(tx, docs, &doc.doc_id)?;
    let (update, result) = {
        let mut txn = cached.doc.transact_mut();
        let result = f(&mut txn);
        (txn.encode_update_v1(), result)
    };
    let result = result?;
    if is_empty_update(&update) {
        return Ok((Vec::new(), result));
    }
    let hash = Sha256::digest(&update);
    if let Some(seq) = log::append(tx, doc, &update, &hash, origin, host)? {
        cached.seen = cached.seen.max(seq);
        appended.push(seq);
    }
    derived::refresh(tx, doc, &cached.doc)?;
    Ok((update, result))
}

/// yrs encodes "no change" as an update with no structs and an empty delete set.
fn is_empty_update(update: &[u8]) -> bool {
    update == [0, 0]
}
