//! The one write path: every update, from any origin, is decoded, applied to its in-memory
//! document, appended to the log and reflected in the derived tables in one SQLite
//! transaction; only after the commit is the host told. If anything fails, the transaction
//! rolls back and the cached documents it touched are dropped, so memory never runs ahead of
//! disk.

use super::{derived, log, Applied, DocRef, Result, Store, StoreError, MAX_UPDATE_BYTES};
use crate::host::{Change, Origin};
use rusqlite::{OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};
use yrs::updates::decoder::Decode;
use yrs::{ReadTxn, Transact, TransactionMut, Update};

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
            let u = Update::decode_v1(bytes).map_err(|e| StoreError::MalformedUpdate {
                doc: doc.doc_id.clone(),
                reason: e.to_string(),
            })?;
            decoded.push(u);
        }
        for (doc, _) in updates {
            self.check_owner(doc)?;
        }
        let measure = !matches!(origin, Origin::Local | Origin::Cli);
        let mut results = Vec::with_capacity(updates.len());
        let mut touched: Vec<DocRef> = Vec::new();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::sql("starting a write", e))?;
        let mut failure = None;
        for ((doc_ref, bytes), update) in updates.iter().zip(decoded) {
            let hash = Sha256::digest(bytes);
            match log::contains(&tx, &doc_ref.doc_id, &hash) {
                Ok(true) => {
                    results.push(Applied::default());
                    continue;
                }
                Ok(false) => {}
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
            if !self.docs.contains_key(&doc_ref.doc_id) {
                match log::load_doc(&tx, &doc_ref.doc_id) {
                    Ok(d) => {
                        self.docs.insert(doc_ref.doc_id.clone(), d);
                    }
                    Err(e) => {
                        failure = Some(e);
                        break;
                    }
                }
            }
            let ydoc = &self.docs[&doc_ref.doc_id];
            let before = measure.then(|| ydoc.transact().snapshot());
            let applied = {
                let mut txn = ydoc.transact_mut();
                txn.apply_update(update)
            };
            if let Err(e) = applied {
                failure = Some(StoreError::MalformedUpdate {
                    doc: doc_ref.doc_id.clone(),
                    reason: e.to_string(),
                });
                break;
            }
            let changed = before.is_none_or(|b| b != ydoc.transact().snapshot());
            if let Err(e) = log::append(&tx, doc_ref, bytes, &hash, origin, self.host.as_ref()) {
                failure = Some(e);
                break;
            }
            results.push(Applied {
                logged: true,
                changed,
            });
            if !touched.contains(doc_ref) {
                touched.push(doc_ref.clone());
            }
        }
        let outcome = match failure {
            Some(e) => Err(e),
            None => touched
                .iter()
                .try_for_each(|d| derived::refresh(&tx, d, &self.docs[&d.doc_id]))
                .and_then(|_| {
                    tx.commit()
                        .map_err(|e| StoreError::sql("committing updates", e))
                }),
        };
        if let Err(e) = outcome {
            // The transaction rolled back: forget what memory ran ahead with.
            for d in &touched {
                self.docs.remove(&d.doc_id);
            }
            for (d, _) in updates {
                self.docs.remove(&d.doc_id);
            }
            return Err(e);
        }
        for d in &touched {
            self.host.emit(&Change {
                event_id: d.event_id.clone(),
                doc_id: d.doc_id.clone(),
                origin: origin.clone(),
            });
        }
        Ok(results)
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
        self.check_owner(doc)?;
        let (update, result) = {
            let ydoc = self.doc(&doc.doc_id)?;
            let mut txn = ydoc.transact_mut();
            let result = f(&mut txn);
            let update = txn.encode_update_v1();
            (update, result)
        };
        let result = match result {
            Ok(r) => r,
            Err(e) => {
                self.docs.remove(&doc.doc_id);
                return Err(e);
            }
        };
        if is_empty_update(&update) {
            return Ok((Vec::new(), result));
        }
        // The cached doc already holds the change; the log append makes it durable.
        let hash = Sha256::digest(&update);
        let committed = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| StoreError::sql("starting a write", e))?;
            log::append(&tx, doc, &update, &hash, origin, self.host.as_ref())?;
            derived::refresh(&tx, doc, &self.docs[&doc.doc_id])?;
            tx.commit()
                .map_err(|e| StoreError::sql("committing an edit", e))
        })();
        if let Err(e) = committed {
            self.docs.remove(&doc.doc_id);
            return Err(e);
        }
        self.host.emit(&Change {
            event_id: doc.event_id.clone(),
            doc_id: doc.doc_id.clone(),
            origin: origin.clone(),
        });
        Ok((update, result))
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

/// yrs encodes "no change" as an update with no structs and an empty delete set.
fn is_empty_update(update: &[u8]) -> bool {
    update == [0, 0]
}
