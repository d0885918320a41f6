//! The content of an event at a version: each document rebuilt from its Yjs snapshot, checked
//! against the digest saved with the version, and read into the same
//! [`EventSnapshot`] the compiler takes for the current state.
//!
//! A document is rebuilt from the loaded document first (it keeps deleted text,
//! `doc::new_doc`). Should that not give back what the digest says (its history came through a
//! compaction snapshot written by an older app, which dropped deleted text), it is rebuilt from
//! every row of the update log, archived rows included: compaction archives, it never deletes.
//! When neither matches (this laptop has not received everything the version holds yet), the
//! version is reported unavailable, with the document named; nothing is guessed.

use super::Result;
use super::ReviewError;
use crate::doc::review_doc::VersionRecord;
use crate::doc::{event_doc, new_doc, session_doc};
use crate::model::EventSnapshot;
use crate::store::{load_doc_from_every_row, Store};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::{Encode, Encoder, EncoderV1};
use yrs::{Doc, ReadTxn, Snapshot, Transact, Update};

/// The documents of an event at one moment: the event's own and each session's.
pub struct EventDocs {
    pub event: Doc,
    pub sessions: BTreeMap<String, Doc>,
}

/// What a version records of one document: its Yjs snapshot (v1) and the digest of its content.
pub fn capture<T: ReadTxn>(txn: &T, is_event: bool, doc_id: &str) -> (Vec<u8>, String) {
    (txn.snapshot().encode_v1(), digest(txn, is_event, doc_id))
}

/// SHA-256 (hex) of what a document reads: the whole event view for the event's document,
/// notes, summary and outcomes for a session's. Review records are not part of it.
pub fn digest<T: ReadTxn>(txn: &T, is_event: bool, doc_id: &str) -> String {
    let value = if is_event {
        let v = event_doc::read(txn);
        serde_json::json!([v.info, v.days, v.participants, v.conflicts])
    } else {
        serde_json::json!([
            session_doc::text(txn, session_doc::TextKind::Notes),
            session_doc::text(txn, session_doc::TextKind::Summary),
            session_doc::outcomes(txn, doc_id),
        ])
    };
    hex::encode(Sha256::digest(value.to_string().as_bytes()))
}

/// The document `doc` as it stood at `snapshot`, as a new document; an error (never a panic)
/// when the snapshot does not fit the document.
fn at_snapshot(doc: &Doc, snapshot: &Snapshot) -> std::result::Result<Doc, String> {
    let encoded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut enc = EncoderV1::new();
        doc.transact()
            .encode_state_from_snapshot(snapshot, &mut enc)
            .map(|()| enc.to_vec())
    }))
    .map_err(|_| "the snapshot does not fit the document".to_string())?
    .map_err(|e| e.to_string())?;
    let out = new_doc();
    let update = Update::decode_v1(&encoded).map_err(|e| e.to_string())?;
    out.transact_mut()
        .apply_update(update)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

impl Store {
    /// Every document of `event_id` as it stood at version `v`, each checked against its digest.
    pub fn docs_at(&mut self, event_id: &str, v: &VersionRecord) -> Result<EventDocs> {
        let mut event = None;
        let mut sessions = BTreeMap::new();
        for (doc_id, snap) in &v.docs {
            let unavailable = |reason: String| ReviewError::Unavailable {
                version: crate::doc::review_doc::label(v),
                reason,
            };
            let snapshot = Snapshot::decode_v1(snap).map_err(|e| {
                unavailable(format!("its record of document {doc_id} is damaged ({e})"))
            })?;
            let is_event = doc_id == event_id;
            let want = v.digests.get(doc_id);
            let fits = |d: &Doc| want.is_none_or(|w| *w == digest(&d.transact(), is_event, doc_id));
            let mut rebuilt = at_snapshot(self.doc(doc_id)?, &snapshot).ok().filter(fits);
            if rebuilt.is_none() {
                let full = load_doc_from_every_row(self.conn(), doc_id)?;
                rebuilt = at_snapshot(&full, &snapshot).ok().filter(fits);
            }
            let doc = rebuilt.ok_or_else(|| {
                unavailable(format!(
                    "document {doc_id} does not hold everything it had then (sync with the laptop that saved it, then try again)"
                ))
            })?;
            if is_event {
                event = Some(doc);
            } else {
                sessions.insert(doc_id.clone(), doc);
            }
        }
        Ok(EventDocs {
            event: event.unwrap_or_else(new_doc),
            sessions,
        })
    }

    /// The event at version `v` as the compiler takes it.
    pub fn snapshot_at(&mut self, event_id: &str, v: &VersionRecord) -> Result<EventSnapshot> {
        let docs = self.docs_at(event_id, v)?;
        Ok(snapshot_of(event_id, &docs))
    }
}

/// An [`EventSnapshot`] read from documents (what `Store::snapshot` reads from the derived
/// tables for the current state).
pub fn snapshot_of(event_id: &str, docs: &EventDocs) -> EventSnapshot {
    let view = event_doc::read(&docs.event.transact());
    let mut days = view.days;
    for s in days.iter_mut().flat_map(|d| d.sessions.iter_mut()) {
        if let Some(d) = docs.sessions.get(&s.id) {
            let t = d.transact();
            s.notes = session_doc::text(&t, session_doc::TextKind::Notes);
            s.summary = session_doc::text(&t, session_doc::TextKind::Summary);
            s.outcomes = session_doc::outcomes(&t, &s.id);
        }
    }
    EventSnapshot {
        id: event_id.to_string(),
        info: view.info,
        days,
        participants: view.participants,
        conflicts: view.conflicts,
        ..EventSnapshot::default()
    }
}
