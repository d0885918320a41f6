//! What each sync peer has shown it has: the last state vector it announced per document.
//!
//! This is bookkeeping about the network, not document content, so it is not part of the update
//! log: losing or regressing a row only costs a redundant transfer, never data. Sync merges what
//! it learns into the stored vector (a state vector only grows), so an older announcement never
//! overwrites a newer one.

use super::{DocRef, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::StateVector;

/// A document and one update of it, as read from the log.
pub type LoggedUpdate = (DocRef, Vec<u8>);

impl Store {
    /// The state vector `peer_id` last showed for `doc_id`, if any. A stored vector that no
    /// longer decodes is treated as absent (it is only an optimisation).
    pub fn peer_state(&self, peer_id: &str, doc_id: &str) -> Result<Option<StateVector>> {
        let bytes: Option<Vec<u8>> = self
            .conn()
            .query_row(
                "SELECT state_vector FROM peer_state WHERE peer_id = ?1 AND doc_id = ?2",
                (peer_id, doc_id),
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| StoreError::sql("reading a peer's state", e))?;
        Ok(bytes.and_then(|b| StateVector::decode_v1(&b).ok()))
    }

    /// Records that `peer_id` has at least `sv` of `doc_id` (merged with what was known).
    pub fn remember_peer_state(&self, peer_id: &str, doc_id: &str, sv: &StateVector) -> Result<()> {
        let mut merged = self.peer_state(peer_id, doc_id)?.unwrap_or_default();
        merged.merge(sv.clone());
        self.conn()
            .execute(
                "INSERT INTO peer_state (peer_id, doc_id, state_vector, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(peer_id, doc_id) DO UPDATE SET state_vector = excluded.state_vector,
                 updated_at = excluded.updated_at",
                (peer_id, doc_id, merged.encode_v1(), self.host().now().to_rfc3339()),
            )
            .map_err(|e| StoreError::sql("recording a peer's state", e))?;
        Ok(())
    }

    /// Whether `doc_id` may be synced as part of `event_id`: it is the event's own document, a
    /// document already registered under that event, or a session the event's agenda lists.
    /// `Err(WrongEvent)` when it is registered under another event.
    pub fn doc_belongs_to(&self, event_id: &str, doc_id: &str) -> Result<bool> {
        if doc_id == event_id {
            return Ok(true);
        }
        let owner: Option<String> = self
            .conn()
            .query_row("SELECT event_id FROM doc WHERE id = ?1", [doc_id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| StoreError::sql("looking up a document", e))?;
        if let Some(owner) = owner {
            if owner != event_id {
                return Err(StoreError::WrongEvent {
                    doc: doc_id.into(),
                    owner,
                    claimed: event_id.into(),
                });
            }
            return Ok(true);
        }
        let listed: Option<i64> = self
            .conn()
            .query_row(
                "SELECT 1 FROM session WHERE id = ?1 AND event_id = ?2",
                (doc_id, event_id),
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| StoreError::sql("looking up a session", e))?;
        Ok(listed.is_some())
    }

    /// The session ids the event's agenda lists (whether or not their documents exist yet).
    pub fn listed_sessions(&self, event_id: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id FROM session WHERE event_id = ?1 ORDER BY id")
            .map_err(|e| StoreError::sql("listing sessions", e))?;
        let rows = stmt
            .query_map([event_id], |r| r.get::<_, String>(0))
            .map_err(|e| StoreError::sql("listing sessions", e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| StoreError::sql("listing sessions", e))
    }

    /// How many of this device's own updates to `event_id` (not received from a sync peer)
    /// were logged at or after `since`: for a peer last in touch at `since`, the changes waiting to
    /// reach it, which the Collaborate panel shows (polled each second) while it is away.
    ///
    /// The log is appended in time order, so the first row at or after `since` is found by a
    /// binary search over `seq` (a handful of row lookups) and only the rows after it are
    /// counted: a filter on `received_at` alone would read every row of the log, blobs and
    /// all, under the store's lock each second. Log times are RFC 3339 in UTC from the same
    /// clock, so they compare as text; should the clock have stepped back, rows logged in that
    /// step may be miscounted, which only changes the number shown.
    pub fn local_changes_since(&self, event_id: &str, since: DateTime<Utc>) -> Result<u64> {
        let err = |e| StoreError::sql("counting changes not yet sent", e);
        let since = since.to_rfc3339();
        // The first row at or after `seq`, if any, and its time.
        let mut at = self
            .conn()
            .prepare_cached(
                "SELECT seq, received_at FROM crdt_update WHERE seq >= ?1 ORDER BY seq LIMIT 1",
            )
            .map_err(err)?;
        let mut row_from = |seq: i64| -> Result<Option<(i64, String)>> {
            at.query_row([seq], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(err)
        };
        // Invariant: every row below `lo` is older than `since`; the row at `hi` (if any) is not.
        let (mut lo, mut hi) = (0i64, self.last_seq()? + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match row_from(mid)? {
                Some((seq, time)) if time < since => lo = seq + 1,
                Some((seq, _)) => hi = seq.min(hi),
                None => hi = mid,
            }
        }
        self.conn()
            .query_row(
                "SELECT COUNT(*) FROM crdt_update u JOIN doc d ON d.id = u.doc_id
                 WHERE u.seq >= ?1 AND d.event_id = ?2 AND u.origin NOT LIKE 'peer:%'",
                (lo, event_id),
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(err)
    }

    /// The last sequence number of the update log (0 when empty): where a live-sync watcher
    /// starts (see [`Store::updates_to_forward`]).
    pub fn last_seq(&self) -> Result<i64> {
        self.conn()
            .query_row("SELECT COALESCE(MAX(seq), 0) FROM crdt_update", [], |r| {
                r.get(0)
            })
            .map_err(|e| StoreError::sql("reading the end of the update log", e))
    }

    /// Updates of `event_id` logged after `after` that a live-sync process must forward to its
    /// peers, at most `limit` of them, in log order; with the last sequence number examined, for
    /// the next call. That is every update made on this device (by this or another process:
    /// the window, a CLI command, an import, a bundle), and every update received from a peer
    /// for which `received_here(peer_id)` is false: one that another process on this database
    /// is connected to (`serve` and `sync --relay` side by side), whose updates this process's
    /// peers would otherwise only get at their next reconnection. What this process received
    /// itself its hub forwards without the log.
    pub fn updates_to_forward(
        &self,
        event_id: &str,
        after: i64,
        limit: usize,
        received_here: &dyn Fn(&str) -> bool,
    ) -> Result<(i64, Vec<LoggedUpdate>)> {
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT u.seq, u.doc_id, d.event_id, u.data, u.origin FROM crdt_update u
                 JOIN doc d ON d.id = u.doc_id WHERE u.seq > ?1 ORDER BY u.seq LIMIT ?2",
            )
            .map_err(|e| StoreError::sql("reading new updates", e))?;
        let rows = stmt
            .query_map((after, limit as i64), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(|e| StoreError::sql("reading new updates", e))?;
        let mut last = after;
        let mut out = Vec::new();
        for row in rows {
            let (seq, doc_id, owner, data, origin) =
                row.map_err(|e| StoreError::sql("reading new updates", e))?;
            last = seq;
            let here = origin.strip_prefix("peer:").is_some_and(received_here);
            if owner == event_id && !here {
                out.push((
                    DocRef {
                        event_id: owner,
                        doc_id,
                    },
                    data,
                ));
            }
        }
        Ok((last, out))
    }

    /// The device's display name, as recorded when the database was created.
    pub fn device_name(&self) -> Result<String> {
        self.conn()
            .query_row(
                "SELECT name FROM device WHERE id = ?1",
                [self.device_id()],
                |r| r.get(0),
            )
            .map_err(|e| StoreError::sql("reading the device name", e))
    }
}
