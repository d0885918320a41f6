//! The update log: append, look up, load a document from its snapshot plus later updates, and
//! compact verified.

use super::{DocRef, Result, StoreError};
use crate::doc::new_doc;
use crate::host::{Host, Origin};
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use yrs::updates::decoder::Decode;
use yrs::{Doc, ReadTxn, StateVector, Transact, Update};

/// Whether the log (live or archived) already holds this update.
pub fn contains(conn: &Connection, doc_id: &str, hash: &[u8]) -> Result<bool> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM crdt_update WHERE doc_id = ?1 AND sha256 = ?2
             UNION ALL SELECT 1 FROM crdt_update_archive WHERE doc_id = ?1 AND sha256 = ?2 LIMIT 1",
            (doc_id, hash),
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| StoreError::sql("looking up an update", e))?;
    Ok(found.is_some())
}

/// Appends an update (registering its document on first sight); returns its sequence number,
/// or `None` when the log already had it.
pub fn append(
    conn: &Connection,
    doc: &DocRef,
    bytes: &[u8],
    hash: &[u8],
    origin: &Origin,
    host: &dyn Host,
) -> Result<Option<i64>> {
    let kind = if doc.is_event_doc() {
        "event"
    } else {
        "session"
    };
    conn.execute(
        "INSERT OR IGNORE INTO doc (id, event_id, kind) VALUES (?1, ?2, ?3)",
        (&doc.doc_id, &doc.event_id, kind),
    )
    .map_err(|e| StoreError::sql("registering a document", e))?;
    let inserted = conn
        .execute(
            "INSERT OR IGNORE INTO crdt_update (doc_id, data, sha256, origin, received_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            (&doc.doc_id, bytes, hash, origin.as_log_string(), host.now().to_rfc3339()),
        )
        .map_err(|e| StoreError::sql("appending to the update log", e))?;
    Ok((inserted == 1).then(|| conn.last_insert_rowid()))
}

/// Rebuilds a document from its snapshot (if any) and every update still in the live log.
/// Compaction moves what a snapshot covers to the archive, so the live rows are exactly what
/// came after it (applying one twice would be harmless anyway). Returns the document and the
/// last sequence number it reflects.
pub fn load_doc(conn: &Connection, doc_id: &str) -> Result<(Doc, i64)> {
    let doc = new_doc();
    let snapshot: Option<Vec<u8>> = conn
        .query_row(
            "SELECT state FROM crdt_snapshot WHERE doc_id = ?1",
            [doc_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| StoreError::sql("reading a snapshot", e))?;
    if let Some(state) = snapshot {
        apply(&mut doc.transact_mut(), doc_id, &state, "snapshot")?;
    }
    let seen = catch_up(conn, doc_id, &doc, 0)?;
    Ok((doc, seen))
}

/// Every row the log ever took for a document, archived ones included, in the order they
/// were appended: (sequence number, update, origin as logged).
pub(crate) fn every_row(conn: &Connection, doc_id: &str) -> Result<Vec<(i64, Vec<u8>, String)>> {
    let e = |e| StoreError::sql("reading the whole update log", e);
    let mut stmt = conn
        .prepare(
            "SELECT seq, data, origin FROM crdt_update_archive WHERE doc_id = ?1
             UNION ALL SELECT seq, data, origin FROM crdt_update WHERE doc_id = ?1 ORDER BY 1",
        )
        .map_err(e)?;
    let rows = stmt
        .query_map([doc_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .map_err(e)?;
    rows.collect::<std::result::Result<_, _>>().map_err(e)
}

/// Rebuilds a document from every row the log ever took for it, archived ones included, and
/// not from its compaction snapshot: a snapshot written by an older app dropped deleted text,
/// which a version saved before the deletion needs. Used to rebuild a version when the loaded
/// document cannot (see `crate::review::state`).
pub(crate) fn load_doc_from_every_row(conn: &Connection, doc_id: &str) -> Result<Doc> {
    let doc = new_doc();
    {
        let mut txn = doc.transact_mut();
        for (seq, data, _) in every_row(conn, doc_id)? {
            apply(&mut txn, doc_id, &data, &format!("log row {seq}"))?;
        }
    }
    Ok(doc)
}

/// Applies the log rows of `doc_id` after sequence number `seen` (appended by this or another
/// process since the document was loaded); returns the new last sequence number. Sequence
/// numbers only grow (AUTOINCREMENT), so nothing is skipped. A row that does not decode is a
/// corrupt database, reported with its sequence number.
pub fn catch_up(conn: &Connection, doc_id: &str, doc: &Doc, seen: i64) -> Result<i64> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT seq, data FROM crdt_update WHERE doc_id = ?1 AND seq > ?2 ORDER BY seq",
        )
        .map_err(|e| StoreError::sql("reading the update log", e))?;
    let rows = stmt
        .query_map((doc_id, seen), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
        })
        .map_err(|e| StoreError::sql("reading the update log", e))?;
    let mut last = seen;
    let mut txn = None;
    for row in rows {
        let (seq, data) = row.map_err(|e| StoreError::sql("reading the update log", e))?;
        let txn = txn.get_or_insert_with(|| doc.transact_mut());
        apply(txn, doc_id, &data, &format!("log row {seq}"))?;
        last = seq;
    }
    Ok(last)
}

fn apply(txn: &mut yrs::TransactionMut, doc_id: &str, bytes: &[u8], what: &str) -> Result<()> {
    let u = Update::decode_v1(bytes).map_err(|e| StoreError::MalformedUpdate {
        doc: doc_id.into(),
        reason: format!("{what}: {e}"),
    })?;
    txn.apply_update(u)
        .map_err(|e| StoreError::MalformedUpdate {
            doc: doc_id.into(),
            reason: format!("{what}: {e}"),
        })
}

/// What a compaction did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompactReport {
    pub doc_id: String,
    /// Log rows folded into the snapshot and moved to the archive.
    pub archived: usize,
    pub snapshot_bytes: usize,
}

/// Folds a document's log into one snapshot. The snapshot is verified before anything moves:
/// decoded into a fresh document, it must encode to the same state and have the same state
/// vector as the document loaded from the log. Older rows are then moved to the archive table
/// in the same transaction — archived, never deleted.
pub fn compact(conn: &mut Connection, doc_id: &str, host: &dyn Host) -> Result<CompactReport> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| StoreError::sql("starting compaction", e))?;
    let upto: Option<i64> = tx
        .query_row(
            "SELECT MAX(seq) FROM crdt_update WHERE doc_id = ?1",
            [doc_id],
            |r| r.get(0),
        )
        .map_err(|e| StoreError::sql("reading the update log", e))?;
    let Some(upto) = upto else {
        return Ok(CompactReport {
            doc_id: doc_id.into(),
            archived: 0,
            snapshot_bytes: 0,
        });
    };
    let (live, _) = load_doc(&tx, doc_id)?;
    let state = {
        let txn = live.transact();
        if txn.has_missing_updates() {
            return Err(StoreError::Compaction(format!(
                "document {doc_id} has updates waiting for earlier ones; not compacting until they arrive"
            )));
        }
        txn.encode_state_as_update_v1(&StateVector::default())
    };
    let check = new_doc();
    {
        let mut txn = check.transact_mut();
        apply(&mut txn, doc_id, &state, "new snapshot")?;
    }
    if !same_document(&live, &check) {
        return Err(StoreError::Compaction(format!(
            "snapshot of {doc_id} did not verify; nothing was changed"
        )));
    }
    let hash = Sha256::digest(&state).to_vec();
    let now = host.now().to_rfc3339();
    tx.execute(
        "INSERT INTO crdt_snapshot (doc_id, state, sha256, upto_seq, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(doc_id) DO UPDATE SET state = excluded.state, sha256 = excluded.sha256, upto_seq = excluded.upto_seq, created_at = excluded.created_at",
        (doc_id, &state, &hash, upto, &now),
    )
    .map_err(|e| StoreError::sql("writing a snapshot", e))?;
    let archived = tx
        .execute(
            "INSERT INTO crdt_update_archive (seq, doc_id, data, sha256, origin, received_at, archived_at)
             SELECT seq, doc_id, data, sha256, origin, received_at, ?3 FROM crdt_update WHERE doc_id = ?1 AND seq <= ?2",
            (doc_id, upto, &now),
        )
        .map_err(|e| StoreError::sql("archiving log rows", e))?;
    tx.execute(
        "DELETE FROM crdt_update WHERE doc_id = ?1 AND seq <= ?2",
        (doc_id, upto),
    )
    .map_err(|e| StoreError::sql("archiving log rows", e))?;
    // Verify once more from what the database now holds, inside the transaction.
    let (reloaded, _) = load_doc(&tx, doc_id)?;
    if !same_document(&live, &reloaded) {
        return Err(StoreError::Compaction(format!(
            "reloading {doc_id} after compaction differed; rolled back"
        )));
    }
    tx.commit()
        .map_err(|e| StoreError::sql("committing compaction", e))?;
    Ok(CompactReport {
        doc_id: doc_id.into(),
        archived,
        snapshot_bytes: state.len(),
    })
}

/// Two documents are the same when they have seen the same operations (state vector and delete
/// set) and read the same through every view the app uses. Byte equality of encodings is not
/// required: yrs may order the same state differently.
fn same_document(a: &Doc, b: &Doc) -> bool {
    let (ta, tb) = (a.transact(), b.transact());
    if ta.snapshot() != tb.snapshot() {
        return false;
    }
    use crate::doc::{event_doc, session_doc};
    event_doc::read(&ta) == event_doc::read(&tb)
        && session_doc::text(&ta, session_doc::TextKind::Notes)
            == session_doc::text(&tb, session_doc::TextKind::Notes)
        && session_doc::text(&ta, session_doc::TextKind::Summary)
            == session_doc::text(&tb, session_doc::TextKind::Summary)
        && session_doc::outcomes(&ta, "") == session_doc::outcomes(&tb, "")
}
