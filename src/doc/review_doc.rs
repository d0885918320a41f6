//! The review cycle's records, kept in the event document so they sync like everything else:
//! a version saved on one laptop is listed on the others after a bundle or a sync.
//!
//! Layout (root maps of the event document, beside `event`, `days`, `sessions` and
//! `participants`, which hold the content):
//!
//! ```text
//! versions: { <version id>: { name: register, state, number, created_at, created_by, device,
//!                             to, docs: {<doc id>: <Yjs snapshot, v1>}, digests: {<doc id>: <sha256>} } }
//! review:   { lock: register of {action: "final"|"reopen", version, at, by, reason} }
//! clients:  { <Yjs client id>: {device, name} }
//! series:   { follows: register (an event id, "" for none),
//!             carried: { <outcome id>: {event, session} } }
//! ```
//!
//! A version's content is not copied here: `docs` holds a Yjs snapshot (state vector and
//! delete set) of every document of the event at that moment, and the content is rebuilt from
//! the documents, which keep deleted text (`crate::doc::new_doc`). `digests` are hashes of
//! what each document read at that moment, so a rebuild is checked, never trusted.
//!
//! The name and the lock are registers ([`super::register`]): two laptops that save the same
//! name, or finalize and reopen, at the same time keep both values, shown until someone acts.
//! Everything else of a version is written once, when it is made.

use super::{any_string, register, string_field};
use crate::model::Decided;
use std::collections::{BTreeMap, HashMap};
use yrs::{Any, Map, MapPrelim, MapRef, Out, ReadTxn, TransactionMut, WriteTxn};

const VERSIONS: &str = "versions";
const REVIEW: &str = "review";
const CLIENTS: &str = "clients";
const SERIES: &str = "series";
const LOCK: &str = "lock";
const FOLLOWS: &str = "follows";
const CARRIED: &str = "carried";

/// The roots that hold content (what a version shows and `restore` writes back); the review
/// roots above are never restored.
pub const CONTENT_ROOTS: [&str; 4] = ["event", "days", "sessions", "participants"];

/// Where a version stands in the life of the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VersionState {
    /// A named version, kept for the rapporteur.
    Draft,
    /// Sent out for comments, with a draft number.
    Circulated,
    /// The text the event was locked on.
    Final,
}

impl VersionState {
    pub fn as_str(self) -> &'static str {
        match self {
            VersionState::Draft => "draft",
            VersionState::Circulated => "circulated",
            VersionState::Final => "final",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [
            VersionState::Draft,
            VersionState::Circulated,
            VersionState::Final,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

/// A version as the event document records it.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionRecord {
    pub id: String,
    /// How many versions the saving laptop knew of before this one, plus one: versions list in
    /// this order (then by time), which a fixed or skewed clock cannot upset.
    pub order: u32,
    /// The name; more than one value when two laptops renamed it at once.
    pub name: Decided<String>,
    pub state: VersionState,
    /// "0.1", "1.0"; `None` for a version that was neither circulated nor final.
    pub number: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// Who saved it (the rapporteur's name, else the device's).
    pub created_by: String,
    pub device: String,
    /// Whom a circulated version went to.
    pub to: String,
    /// Yjs snapshot (v1) of every document of the event at that moment.
    pub docs: BTreeMap<String, Vec<u8>>,
    /// SHA-256 (hex) of what each document read at that moment.
    pub digests: BTreeMap<String, String>,
}

fn root<T: WriteTxn>(txn: &mut T, name: &str) -> MapRef {
    txn.get_or_insert_map(name)
}

/// Adds version `v` (its `id` is ignored: a new one is made; its first name is written);
/// returns its id.
pub fn add_version(txn: &mut TransactionMut, v: &VersionRecord) -> String {
    let versions = root(txn, VERSIONS);
    let id = super::new_id();
    let m = versions.insert(txn, id.clone(), MapPrelim::default());
    let name = v.name.first().cloned().unwrap_or_default();
    register::write(txn, &m, "name", Any::from(name));
    m.insert(txn, "state", v.state.as_str());
    m.insert(txn, "order", f64::from(v.order));
    if let Some(n) = &v.number {
        m.insert(txn, "number", n.as_str());
    }
    m.insert(txn, "created_at", v.created_at.as_str());
    m.insert(txn, "created_by", v.created_by.as_str());
    m.insert(txn, "device", v.device.as_str());
    m.insert(txn, "to", v.to.as_str());
    let docs: HashMap<String, Any> = v
        .docs
        .iter()
        .map(|(k, b)| (k.clone(), Any::Buffer(b.clone().into())))
        .collect();
    m.insert(txn, "docs", Any::from(docs));
    let digests: HashMap<String, Any> = v
        .digests
        .iter()
        .map(|(k, d)| (k.clone(), Any::from(d.as_str())))
        .collect();
    m.insert(txn, "digests", Any::from(digests));
    id
}

/// Renames a version (a register: a rename made after seeing two names resolves them).
pub fn rename_version(txn: &mut TransactionMut, id: &str, name: &str) -> bool {
    let versions = root(txn, VERSIONS);
    let Some(Out::YMap(m)) = versions.get(txn, id) else {
        return false;
    };
    register::write(txn, &m, "name", Any::from(name));
    true
}

fn any_map(m: &MapRef, txn: &impl ReadTxn, key: &str) -> HashMap<String, Any> {
    match m.get(txn, key) {
        Some(Out::Any(Any::Map(map))) => map.as_ref().clone(),
        _ => HashMap::new(),
    }
}

/// Every version of the event, oldest first (by `order`, creation time, then id). A record a newer
/// app wrote in a shape this one does not know is skipped rather than guessed at.
pub fn versions<T: ReadTxn>(txn: &T) -> Vec<VersionRecord> {
    let Some(root) = txn.get_map(VERSIONS) else {
        return Vec::new();
    };
    let mut out: Vec<VersionRecord> = super::child_maps(txn, &root)
        .into_iter()
        .filter_map(|(id, m)| {
            let state = VersionState::parse(&string_field(txn, &m, "state"))?;
            let number = Some(string_field(txn, &m, "number")).filter(|n| !n.is_empty());
            let docs = any_map(&m, txn, "docs")
                .into_iter()
                .filter_map(|(k, v)| match v {
                    Any::Buffer(b) => Some((k, b.to_vec())),
                    _ => None,
                })
                .collect();
            let digests = any_map(&m, txn, "digests")
                .into_iter()
                .filter_map(|(k, v)| any_string(&v).map(|d| (k, d)))
                .collect();
            Some(VersionRecord {
                order: super::number_field(txn, &m, "order").unwrap_or(0.0) as u32,
                name: super::decided(txn, &m, "name", any_string),
                state,
                number,
                created_at: string_field(txn, &m, "created_at"),
                created_by: string_field(txn, &m, "created_by"),
                device: string_field(txn, &m, "device"),
                to: string_field(txn, &m, "to"),
                docs,
                digests,
                id,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.order
            .cmp(&b.order)
            .then_with(|| a.created_at.cmp(&b.created_at))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// Finalizing or reopening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LockAction {
    Final,
    Reopen,
}

/// One write of the lock: who finalized (on which version) or reopened, when and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LockEntry {
    pub action: LockAction,
    /// The final version this entry locks on (or, for a reopen, lifts).
    pub version: String,
    pub at: String,
    pub by: String,
    /// Why it was reopened; empty for a finalize.
    pub reason: String,
}

impl LockEntry {
    fn to_any(&self) -> Any {
        let action = match self.action {
            LockAction::Final => "final",
            LockAction::Reopen => "reopen",
        };
        Any::from(HashMap::from([
            ("action".to_string(), Any::from(action)),
            ("version".to_string(), Any::from(self.version.as_str())),
            ("at".to_string(), Any::from(self.at.as_str())),
            ("by".to_string(), Any::from(self.by.as_str())),
            ("reason".to_string(), Any::from(self.reason.as_str())),
        ]))
    }

    fn from_any(a: &Any) -> Option<Self> {
        let Any::Map(m) = a else { return None };
        let s = |k: &str| m.get(k).and_then(any_string).unwrap_or_default();
        let action = match s("action").as_str() {
            "final" => LockAction::Final,
            "reopen" => LockAction::Reopen,
            _ => return None,
        };
        Some(LockEntry {
            action,
            version: s("version"),
            at: s("at"),
            by: s("by"),
            reason: s("reason"),
        })
    }
}

/// The lock as it stands and its history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LockState {
    /// The current values of the lock register: one normally; two when one laptop finalized
    /// while another reopened, which counts as locked until someone decides.
    pub current: Vec<LockEntry>,
    /// Every finalize and reopen ever written, oldest first.
    pub history: Vec<LockEntry>,
}

impl LockState {
    /// The final version the event is locked on, if it is.
    pub fn locked_on(&self) -> Option<&LockEntry> {
        self.current.iter().find(|e| e.action == LockAction::Final)
    }
}

/// Writes the lock (superseding what is current: a reopen after seeing a finalize lifts it).
pub fn write_lock(txn: &mut TransactionMut, entry: &LockEntry) {
    let review = root(txn, REVIEW);
    register::write(txn, &review, LOCK, entry.to_any());
}

pub fn lock<T: ReadTxn>(txn: &T) -> LockState {
    let Some(review) = txn.get_map(REVIEW) else {
        return LockState::default();
    };
    let parse = |v: Vec<register::Entry>| -> Vec<LockEntry> {
        v.iter()
            .filter_map(|e| LockEntry::from_any(&e.value))
            .collect()
    };
    let mut history = parse(register::history(txn, &review, LOCK));
    history.sort_by(|a, b| a.at.cmp(&b.at));
    LockState {
        current: parse(register::current(txn, &review, LOCK)),
        history,
    }
}

/// Who a Yjs client id is: the device and the rapporteur's name when it wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ClientInfo {
    pub device: String,
    pub name: String,
}

/// Records who the given Yjs client ids are (only those not recorded yet are written).
pub fn register_clients(txn: &mut TransactionMut, clients: &[(u64, ClientInfo)]) {
    let map = root(txn, CLIENTS);
    for (id, who) in clients {
        let key = id.to_string();
        if map.get(txn, &key).is_some() {
            continue;
        }
        map.insert(
            txn,
            key,
            Any::from(HashMap::from([
                ("device".to_string(), Any::from(who.device.as_str())),
                ("name".to_string(), Any::from(who.name.as_str())),
            ])),
        );
    }
}

/// Every recorded Yjs client id with who it is.
pub fn clients<T: ReadTxn>(txn: &T) -> HashMap<u64, ClientInfo> {
    let Some(map) = txn.get_map(CLIENTS) else {
        return HashMap::new();
    };
    map.iter(txn)
        .filter_map(|(k, v)| {
            let id = k.parse::<u64>().ok()?;
            let Out::Any(Any::Map(m)) = v else {
                return None;
            };
            let s = |k: &str| m.get(k).and_then(any_string).unwrap_or_default();
            Some((
                id,
                ClientInfo {
                    device: s("device"),
                    name: s("name"),
                },
            ))
        })
        .collect()
}

/// An action point of an earlier meeting that this one follows up.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CarriedRef {
    pub outcome: String,
    pub event: String,
    pub session: String,
}

/// Links the event to the earlier meeting of its series (`""` unlinks) and replaces the
/// carried action points with `carried`.
pub fn set_follows(txn: &mut TransactionMut, earlier: &str, carried: &[CarriedRef]) {
    let series = root(txn, SERIES);
    register::write(txn, &series, FOLLOWS, Any::from(earlier));
    let map: MapRef = match series.get(txn, CARRIED) {
        Some(Out::YMap(m)) => m,
        _ => series.insert(txn, CARRIED, MapPrelim::default()),
    };
    let keep: Vec<&str> = carried.iter().map(|c| c.outcome.as_str()).collect();
    let stale: Vec<String> = map
        .keys(txn)
        .filter(|k| !keep.contains(k))
        .map(String::from)
        .collect();
    for k in stale {
        map.remove(txn, &k);
    }
    for c in carried {
        if map.get(txn, &c.outcome).is_some() {
            continue;
        }
        map.insert(
            txn,
            c.outcome.clone(),
            Any::from(HashMap::from([
                ("event".to_string(), Any::from(c.event.as_str())),
                ("session".to_string(), Any::from(c.session.as_str())),
            ])),
        );
    }
}

/// The earlier meeting(s) this event follows (several values: two laptops linked it
/// differently at once).
pub fn follows<T: ReadTxn>(txn: &T) -> Vec<String> {
    let Some(series) = txn.get_map(SERIES) else {
        return Vec::new();
    };
    register::current(txn, &series, FOLLOWS)
        .iter()
        .filter_map(|e| any_string(&e.value))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The action points carried into this event, by outcome id.
pub fn carried<T: ReadTxn>(txn: &T) -> Vec<CarriedRef> {
    let Some(series) = txn.get_map(SERIES) else {
        return Vec::new();
    };
    let Some(Out::YMap(map)) = series.get(txn, CARRIED) else {
        return Vec::new();
    };
    let mut out: Vec<CarriedRef> = map
        .iter(txn)
        .filter_map(|(k, v)| {
            let Out::Any(Any::Map(m)) = v else {
                return None;
            };
            let s = |k: &str| m.get(k).and_then(any_string).unwrap_or_default();
            Some(CarriedRef {
                outcome: k.to_string(),
                event: s("event"),
                session: s("session"),
            })
        })
        .collect();
    out.sort_by(|a, b| a.outcome.cmp(&b.outcome));
    out
}

/// How a version is named in messages: `1.0 “Final 1.0”`, or the name alone.
pub fn label(v: &VersionRecord) -> String {
    let name = v.name.values.join("” / “");
    match &v.number {
        Some(n) => format!("{n} “{name}”"),
        None => format!("“{name}”"),
    }
}

/// When the event is locked: the final version it is locked on, when and by whom, as the
/// refusal of a local write names it (`1.0 “Final 1.0”, locked 2018-02-14 17:05 by Amina`).
pub fn final_lock<T: ReadTxn>(txn: &T) -> Option<String> {
    let state = lock(txn);
    let entry = state.locked_on()?;
    let version = versions(txn)
        .into_iter()
        .find(|v| v.id == entry.version)
        .map(|v| label(&v))
        .unwrap_or_else(|| entry.version.clone());
    let when = entry.at.get(..16).unwrap_or(&entry.at).replace('T', " ");
    Some(format!("{version}, locked {when} by {}", entry.by))
}
