//! How the domain maps onto CRDT documents (yrs), and how fields are read and written.
//!
//! One document for the event (metadata, days, agenda rows, participants) and one per session
//! (notes, summary, outcomes): small documents keep sync cheap and recovery local.
//!
//! **Contract** (relied on by outside tests and plain Yjs clients): a session's document id is
//! its session id, and the session document has the root-level Y.Text `notes` and Y.Text
//! `summary`.
//!
//! Free text is Y.Text and merges character-wise. Fields people decide on are registers
//! ([`register`]) that keep every concurrent value. Positions and the day a session belongs to
//! are plain map values (last writer wins): an order is not a decision anyone signs.
//!
//! The functions here only mutate or read a yrs transaction; persisting the resulting update is
//! the store's job (`store::Store::edit`), so there is one write path for every origin.

pub mod copy;
pub mod decode;
pub mod event_doc;
pub mod outcome_board;
pub mod register;
pub mod review_doc;
pub mod session_doc;

use crate::model::Decided;
use yrs::{
    Any, Doc, GetString, Map, MapRef, OffsetKind, Options, Out, ReadTxn, Text, TextPrelim, TextRef,
    TransactionMut,
};

/// A fresh random identifier for events, sessions, outcomes and register entries.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A new empty yrs document with offsets counted in UTF-16 units, as Yjs in the UI counts them.
///
/// Deleted content is kept (`skip_gc`): a named version is a snapshot (state vector and delete
/// set) of each document, and showing or restoring it needs the text deleted since. It also
/// makes what this device sends a peer (sync step 2, bundles) carry that text, so a version
/// saved on one laptop can be rebuilt on another (see `crate::review`).
pub fn new_doc() -> Doc {
    Doc::with_options(Options {
        offset_kind: OffsetKind::Utf16,
        skip_gc: true,
        ..Options::default()
    })
}

/// The string of the Y.Text stored under `key` in `map`; empty when absent.
pub fn text_field<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> String {
    match map.get(txn, key) {
        Some(Out::YText(t)) => t.get_string(txn),
        Some(Out::Any(Any::String(s))) => s.to_string(),
        _ => String::new(),
    }
}

/// Replaces the content of `text` by `new` with the smallest single edit (common prefix and
/// suffix kept), so a concurrent edit elsewhere in the text survives the merge.
pub fn replace_text(txn: &mut TransactionMut, text: &TextRef, new: &str) {
    let old = text.get_string(txn);
    if old == new {
        return;
    }
    let old16: Vec<u16> = old.encode_utf16().collect();
    let new16: Vec<u16> = new.encode_utf16().collect();
    let mut prefix = old16.iter().zip(&new16).take_while(|(a, b)| a == b).count();
    // Never split a surrogate pair.
    while prefix > 0 && is_low_surrogate(old16.get(prefix).copied()) {
        prefix -= 1;
    }
    let max_suffix = old16.len().min(new16.len()) - prefix;
    let mut suffix = old16
        .iter()
        .rev()
        .zip(new16.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while suffix > 0 && is_low_surrogate(old16.get(old16.len() - suffix).copied()) {
        suffix -= 1;
    }
    let remove = old16.len() - prefix - suffix;
    if remove > 0 {
        text.remove_range(txn, prefix as u32, remove as u32);
    }
    let insert = String::from_utf16_lossy(&new16[prefix..new16.len() - suffix]);
    if !insert.is_empty() {
        text.insert(txn, prefix as u32, &insert);
    }
}

fn is_low_surrogate(u: Option<u16>) -> bool {
    matches!(u, Some(0xDC00..=0xDFFF))
}

/// Sets the Y.Text under `key`, creating it when the object has none yet.
pub fn set_text_field(txn: &mut TransactionMut, map: &MapRef, key: &str, value: &str) {
    match map.get(txn, key) {
        Some(Out::YText(t)) => replace_text(txn, &t, value),
        _ => {
            map.insert(txn, key, TextPrelim::new(value));
        }
    }
}

/// A number stored as a plain map value (positions).
pub fn number_field<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<f64> {
    match map.get(txn, key) {
        Some(Out::Any(Any::Number(n))) => n.as_f64(),
        _ => None,
    }
}

/// A string stored as a plain map value (references such as a session's day).
pub fn string_field<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> String {
    match map.get(txn, key) {
        Some(Out::Any(Any::String(s))) => s.to_string(),
        _ => String::new(),
    }
}

/// Reads register `field` and converts each current value; values that do not convert (a
/// newer app's value, a hostile peer's junk) are skipped rather than guessed at.
pub fn decided<T: ReadTxn, V>(
    txn: &T,
    object: &MapRef,
    field: &str,
    conv: impl Fn(&Any) -> Option<V>,
) -> Decided<V> {
    Decided {
        values: register::current(txn, object, field)
            .iter()
            .filter_map(|e| conv(&e.value))
            .collect(),
    }
}

pub fn any_string(a: &Any) -> Option<String> {
    match a {
        Any::String(s) => Some(s.to_string()),
        _ => None,
    }
}

pub fn any_bool(a: &Any) -> Option<bool> {
    match a {
        Any::Bool(b) => Some(*b),
        _ => None,
    }
}

/// True when a removal register says removed and nobody concurrently said otherwise.
pub fn is_removed<T: ReadTxn>(txn: &T, object: &MapRef) -> bool {
    let d = decided(txn, object, "removed", any_bool);
    !d.values.is_empty() && d.values.iter().all(|b| *b)
}

/// Child maps of a root map, sorted by key for deterministic iteration.
pub fn child_maps<T: ReadTxn>(txn: &T, root: &MapRef) -> Vec<(String, MapRef)> {
    let mut v: Vec<(String, MapRef)> = root
        .iter(txn)
        .filter_map(|(k, out)| match out {
            Out::YMap(m) => Some((k.to_string(), m)),
            _ => None,
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}
