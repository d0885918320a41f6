//! Noticing what other processes wrote. The window's store tells its host about its own
//! commits, but the CLI in another terminal, a bundle import or a `serve` process append to the
//! same log through their own connections. A [`LogWatcher`] polls the log for rows it has not
//! seen that this store did not write, and names the documents they changed, so the window can
//! catch up without a reload.

use super::{Result, Store, StoreError};
use crate::host::{Change, Origin};
use std::collections::BTreeSet;

/// Polls the update log for rows appended by other connections.
#[derive(Debug)]
pub struct LogWatcher {
    after: i64,
}

impl LogWatcher {
    /// Starts watching at the current end of the log; from now on the store remembers which
    /// rows it appends itself.
    pub fn start(store: &mut Store) -> Result<Self> {
        store.own_seqs.get_or_insert_with(BTreeSet::new);
        Ok(LogWatcher {
            after: store.last_seq()?,
        })
    }

    /// The documents changed by rows other connections appended since the last poll, one
    /// [`Change`] per document (with the origin of its latest row), in log order. (A row that
    /// another process compacts into the archive before the next poll is not seen; it is in
    /// the document all the same, and the next change to that document brings it along.)
    pub fn poll(&mut self, store: &mut Store) -> Result<Vec<Change>> {
        let err = |e| StoreError::sql("reading new log rows", e);
        let rows: Vec<(i64, String, String, String)> = {
            let mut stmt = store
                .conn()
                .prepare_cached(
                    "SELECT u.seq, u.doc_id, d.event_id, u.origin FROM crdt_update u
                     JOIN doc d ON d.id = u.doc_id WHERE u.seq > ?1 ORDER BY u.seq",
                )
                .map_err(err)?;
            let rows = stmt
                .query_map([self.after], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .map_err(err)?;
            rows.collect::<std::result::Result<_, _>>().map_err(err)?
        };
        let own = store.own_seqs.get_or_insert_with(BTreeSet::new);
        let mut changes: Vec<Change> = Vec::new();
        for (seq, doc_id, event_id, origin) in rows {
            self.after = self.after.max(seq);
            if own.contains(&seq) {
                continue;
            }
            let origin = Origin::from_log_string(&origin);
            changes.retain(|c| c.doc_id != doc_id);
            changes.push(Change {
                event_id,
                doc_id,
                origin,
            });
        }
        // Rows at or below `after` are never asked about again.
        *own = own.split_off(&(self.after + 1));
        Ok(changes)
    }
}

impl Store {
    /// Remembers log rows this store appended (only while a watcher runs).
    pub(super) fn remember_own(&mut self, seqs: Vec<i64>) {
        if let Some(own) = &mut self.own_seqs {
            own.extend(seqs);
        }
    }
}
