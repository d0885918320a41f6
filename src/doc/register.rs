//! Decided fields: a multi-value register on a Y.Map that never drops a concurrent value.
//!
//! A plain CRDT map resolves two concurrent writes to one key by silently picking a winner.
//! For fields people decide on (status, lead entity, deadline, kind, confidential, session
//! times and titles) that is not acceptable, so each such field is a Y.Map of *entries*:
//!
//! ```text
//! status: { "<entry id>": { "v": "agreed", "s": ["<entry id it supersedes>", …] }, … }
//! ```
//!
//! Entry ids are random, so concurrent writes never collide on a key and both survive the merge.
//! The current value is the set of entries that no other entry supersedes. A write supersedes
//! every entry current when it was made, so a write made after seeing a conflict resolves it.
//! Entries are never removed: removing one could resurrect what it superseded on a replica that
//! has not seen the removal.

use yrs::{Any, Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

const VALUE: &str = "v";
const SUPERSEDES: &str = "s";

/// One current entry of a register: its id and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub value: Any,
}

/// The entries of register `field` in `object` that nothing supersedes, sorted by entry id so
/// that every replica lists them in the same order. Equal values are kept once.
pub fn current<T: ReadTxn>(txn: &T, object: &MapRef, field: &str) -> Vec<Entry> {
    let Some(Out::YMap(reg)) = object.get(txn, field) else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    let mut superseded = std::collections::HashSet::new();
    for (id, out) in reg.iter(txn) {
        let Out::Any(Any::Map(m)) = out else { continue };
        if let Some(Any::Array(ids)) = m.get(SUPERSEDES) {
            for s in ids.iter() {
                if let Any::String(s) = s {
                    superseded.insert(s.to_string());
                }
            }
        }
        let value = m.get(VALUE).cloned().unwrap_or(Any::Null);
        entries.push(Entry {
            id: id.to_string(),
            value,
        });
    }
    entries.retain(|e| !superseded.contains(&e.id));
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let mut seen: Vec<Any> = Vec::new();
    entries.retain(|e| {
        if seen.contains(&e.value) {
            false
        } else {
            seen.push(e.value.clone());
            true
        }
    });
    entries
}

/// Every entry id of the register that is current now, including duplicates of equal values,
/// so that a write supersedes all of them.
fn current_ids<T: ReadTxn>(txn: &T, reg: &MapRef) -> Vec<String> {
    let mut all = Vec::new();
    let mut superseded = std::collections::HashSet::new();
    for (id, out) in reg.iter(txn) {
        if let Out::Any(Any::Map(m)) = out {
            if let Some(Any::Array(ids)) = m.get(SUPERSEDES) {
                superseded.extend(ids.iter().filter_map(|s| match s {
                    Any::String(s) => Some(s.to_string()),
                    _ => None,
                }));
            }
        }
        all.push(id.to_string());
    }
    all.retain(|id| !superseded.contains(id));
    all.sort();
    all
}

/// Writes `value` to register `field`, superseding every value current now (which resolves a
/// conflict the writer has seen). Writing the value that is already the only current one is a
/// no-op, so repeated saves do not grow the document.
pub fn write(txn: &mut TransactionMut, object: &MapRef, field: &str, value: Any) {
    let reg: MapRef = match object.get(txn, field) {
        Some(Out::YMap(m)) => m,
        _ => object.insert(txn, field, MapPrelim::default()),
    };
    let ids = current_ids(txn, &reg);
    let now = current(txn, object, field);
    if now.len() == 1 && now[0].value == value && ids.len() == 1 {
        return;
    }
    let entry = Any::from(std::collections::HashMap::from([
        (VALUE.to_string(), value),
        (
            SUPERSEDES.to_string(),
            Any::Array(ids.into_iter().map(|s| Any::String(s.into())).collect()),
        ),
    ]));
    reg.insert(txn, super::new_id(), entry);
}

/// Writes each of `values` as its own entry superseding nothing, so a copy of an object keeps
/// a conflict as it stands (used by "keep both" for the fields not being split). Meant for a
/// register that does not exist yet; one value is an ordinary write.
pub fn write_concurrent(txn: &mut TransactionMut, object: &MapRef, field: &str, values: &[Any]) {
    let reg: MapRef = match object.get(txn, field) {
        Some(Out::YMap(m)) => m,
        _ => object.insert(txn, field, MapPrelim::default()),
    };
    for value in values {
        let entry = Any::from(std::collections::HashMap::from([
            (VALUE.to_string(), value.clone()),
            (SUPERSEDES.to_string(), Any::Array(Vec::new().into())),
        ]));
        reg.insert(txn, super::new_id(), entry);
    }
}

/// Every entry the register ever held, superseded or not, sorted by entry id: its history
/// (the lock keeps who finalized and reopened, and why, this way).
pub fn history<T: ReadTxn>(txn: &T, object: &MapRef, field: &str) -> Vec<Entry> {
    let Some(Out::YMap(reg)) = object.get(txn, field) else {
        return Vec::new();
    };
    let mut entries: Vec<Entry> = reg
        .iter(txn)
        .filter_map(|(id, out)| match out {
            Out::Any(Any::Map(m)) => Some(Entry {
                id: id.to_string(),
                value: m.get(VALUE).cloned().unwrap_or(Any::Null),
            }),
            _ => None,
        })
        .collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    entries
}

/// Writes `values` as the register's current values, each superseding every value current
/// now but not each other: one value is an ordinary [`write`]; several restore a conflict as
/// it stood (restoring a version that held one). No-op when the current values already are
/// exactly `values`.
pub fn write_all(txn: &mut TransactionMut, object: &MapRef, field: &str, values: &[Any]) {
    if values.len() <= 1 {
        write(
            txn,
            object,
            field,
            values.first().cloned().unwrap_or(Any::Null),
        );
        return;
    }
    let now: Vec<Any> = current(txn, object, field)
        .into_iter()
        .map(|e| e.value)
        .collect();
    if now.len() == values.len() && values.iter().all(|v| now.contains(v)) {
        return;
    }
    let reg: MapRef = match object.get(txn, field) {
        Some(Out::YMap(m)) => m,
        _ => object.insert(txn, field, MapPrelim::default()),
    };
    let ids = current_ids(txn, &reg);
    for value in values {
        let entry = Any::from(std::collections::HashMap::from([
            (VALUE.to_string(), value.clone()),
            (
                SUPERSEDES.to_string(),
                Any::Array(ids.iter().map(|s| Any::String(s.as_str().into())).collect()),
            ),
        ]));
        reg.insert(txn, super::new_id(), entry);
    }
}
