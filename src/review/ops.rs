//! Saving, circulating, finalizing and reopening, and the versions list.
//!
//! A version is written in one transaction of the event document: its record (with a Yjs
//! snapshot and a digest of every document of the event) and, for `finalize`, the lock. Draft
//! numbers go 0.1, 0.2, … for circulated versions; a final version takes the next whole number
//! (1.0; after a reopen, circulations go on 1.1, 1.2 and the next final is 2.0).
//!
//! Names are unique per event and so are draft numbers, but two laptops that save or circulate
//! while apart can make the same one. Both versions are kept (they are different texts); the
//! list marks each with a `conflicts` note naming the other, and a `VERSION` that names both is
//! refused as ambiguous, listing their ids, until one is renamed (`version rename`). Nothing
//! is resolved silently.

use super::state::capture;
use super::{Result, ReviewError};
use crate::doc::review_doc::{self, label, LockAction, LockEntry, VersionRecord, VersionState};
use crate::host::Origin;
use crate::store::{DocRef, Permit, Store};
use serde::Serialize;
use std::collections::BTreeMap;
use yrs::Transact;

/// A reopening recorded against a final version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reopened {
    pub at: String,
    pub by: String,
    pub reason: String,
}

/// One line of `versions --json`. The first six fields are the contract; the rest say whom a
/// version went to, whether the event is locked on it, when it was reopened and why, and any
/// name or number another version shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionInfo {
    pub id: String,
    pub name: String,
    pub state: VersionState,
    pub number: Option<String>,
    pub created_at: String,
    pub created_by: String,
    pub to: String,
    pub locked: bool,
    pub reopened: Vec<Reopened>,
    pub conflicts: Vec<String>,
}

/// Parses a draft number "M.m".
pub(super) fn parse_number(n: &str) -> Option<(u32, u32)> {
    let (a, b) = n.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// The next draft number: 0.1 first; a circulation adds one to the last minor number, a final
/// version takes the next whole number.
pub fn next_number(records: &[VersionRecord], state: VersionState) -> Option<String> {
    let last = records
        .iter()
        .filter_map(|v| v.number.as_deref().and_then(parse_number))
        .max();
    match (state, last) {
        (VersionState::Draft, _) => None,
        (VersionState::Circulated, None) => Some("0.1".into()),
        (VersionState::Final, None) => Some("1.0".into()),
        (VersionState::Circulated, Some((a, b))) => Some(format!("{a}.{}", b + 1)),
        (VersionState::Final, Some((a, _))) => Some(format!("{}.0", a + 1)),
    }
}

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ReviewError::BadName("a version needs a name".into()).into());
    }
    if name.chars().count() > 200 {
        return Err(ReviewError::BadName("a version name is at most 200 characters".into()).into());
    }
    if parse_number(name).is_some() {
        return Err(ReviewError::BadName(format!(
            "{name:?} looks like a draft number; draft numbers are given by `circulate` and `finalize`"
        ))
        .into());
    }
    Ok(name.to_string())
}

impl Store {
    /// The versions of an event as the event document records them, oldest first.
    pub fn version_records(&mut self, event_id: &str) -> Result<Vec<VersionRecord>> {
        self.require_event_doc(event_id)?;
        Ok(review_doc::versions(&self.doc(event_id)?.transact()))
    }

    /// The lock as it stands and its history.
    pub fn lock_state(&mut self, event_id: &str) -> Result<review_doc::LockState> {
        Ok(review_doc::lock(&self.doc(event_id)?.transact()))
    }

    /// When the event is final: the version it is locked on, when and by whom.
    pub fn final_lock(&mut self, event_id: &str) -> Result<Option<String>> {
        Ok(review_doc::final_lock(&self.doc(event_id)?.transact()))
    }

    /// `versions`: every version with its state, number, lock and conflicts.
    pub fn versions(&mut self, event_id: &str) -> Result<Vec<VersionInfo>> {
        let records = self.version_records(event_id)?;
        let lock = self.lock_state(event_id)?;
        let locked_on = lock.locked_on().map(|e| e.version.clone());
        Ok(records
            .iter()
            .map(|v| {
                let mut conflicts = Vec::new();
                if v.name.is_conflict() {
                    conflicts.push(format!(
                        "renamed to two names at once: “{}”",
                        v.name.values.join("” and “")
                    ));
                }
                for other in records.iter().filter(|o| o.id != v.id) {
                    if other.name.values.iter().any(|n| v.name.values.contains(n)) {
                        conflicts.push(format!("name also used by version {}", other.id));
                    }
                    if v.number.is_some() && other.number == v.number {
                        conflicts.push(format!(
                            "draft number {} also used by version {}",
                            v.number.as_deref().unwrap_or_default(),
                            other.id
                        ));
                    }
                }
                VersionInfo {
                    id: v.id.clone(),
                    name: v.name.values.join(" / "),
                    state: v.state,
                    number: v.number.clone(),
                    created_at: v.created_at.clone(),
                    created_by: v.created_by.clone(),
                    to: v.to.clone(),
                    locked: locked_on.as_deref() == Some(v.id.as_str()),
                    reopened: lock
                        .history
                        .iter()
                        .filter(|e| e.action == LockAction::Reopen && e.version == v.id)
                        .map(|e| Reopened {
                            at: e.at.clone(),
                            by: e.by.clone(),
                            reason: e.reason.clone(),
                        })
                        .collect(),
                    conflicts,
                }
            })
            .collect())
    }

    /// The version `given` names in an event: its id, its name, its draft number, or a unique
    /// prefix of its id (at least four characters). A version of another event is named as such.
    pub fn resolve_version(&mut self, event_id: &str, given: &str) -> Result<VersionRecord> {
        let records = self.version_records(event_id)?;
        let g = given.trim();
        let pick = |found: Vec<&VersionRecord>| -> Option<Result<VersionRecord>> {
            match found.as_slice() {
                [] => None,
                [one] => Some(Ok((*one).clone())),
                many => Some(Err(ReviewError::AmbiguousVersion {
                    given: g.to_string(),
                    count: many.len(),
                    ids: many
                        .iter()
                        .map(|v| v.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                }
                .into())),
            }
        };
        let tries: [&dyn Fn(&VersionRecord) -> bool; 4] = [
            &|v| v.id == g,
            &|v| v.name.values.iter().any(|n| n == g),
            &|v| v.number.as_deref() == Some(g),
            &|v| g.len() >= 4 && v.id.starts_with(g),
        ];
        for t in tries {
            if let Some(r) = pick(records.iter().filter(|v| t(v)).collect()) {
                return r;
            }
        }
        if g.len() >= 4 {
            for e in self.events()? {
                if e.id == event_id {
                    continue;
                }
                let theirs = self.version_records(&e.id)?;
                if let Some(v) = theirs.iter().find(|v| v.id.starts_with(g)) {
                    return Err(ReviewError::OtherEvent {
                        version: v.id.clone(),
                        owner: e.id,
                        event: event_id.to_string(),
                    }
                    .into());
                }
            }
        }
        Err(ReviewError::NoVersion {
            given: g.to_string(),
        }
        .into())
    }

    /// `version save NAME`: a named version of the whole event; returns its id.
    pub fn save_version(&mut self, event_id: &str, name: &str, origin: &Origin) -> Result<String> {
        let name = check_name(name)?;
        if let Some(v) = self
            .version_records(event_id)?
            .into_iter()
            .find(|v| v.name.values.contains(&name))
        {
            return Err(ReviewError::NameTaken { name, id: v.id }.into());
        }
        let (id, _) = self.write_version(event_id, name, VersionState::Draft, "", origin)?;
        Ok(id)
    }

    /// `circulate [--to TEXT]`: a version in state circulated with the next draft number.
    pub fn circulate(&mut self, event_id: &str, to: &str, origin: &Origin) -> Result<VersionInfo> {
        let records = self.version_records(event_id)?;
        let number = next_number(&records, VersionState::Circulated).unwrap_or_default();
        let name = free_name(&records, &format!("Draft {number}"));
        let (id, _) =
            self.write_version(event_id, name, VersionState::Circulated, to.trim(), origin)?;
        self.version_info(event_id, &id)
    }

    /// `finalize`: a final version, and the event locked on it.
    pub fn finalize(&mut self, event_id: &str, origin: &Origin) -> Result<VersionInfo> {
        if let Some(e) = self.lock_state(event_id)?.locked_on() {
            let v = self.resolve_version(event_id, &e.version)?;
            return Err(ReviewError::AlreadyFinal(label(&v)).into());
        }
        let records = self.version_records(event_id)?;
        let number = next_number(&records, VersionState::Final).unwrap_or_default();
        let name = free_name(&records, &format!("Final {number}"));
        let (id, _) = self.write_version(event_id, name, VersionState::Final, "", origin)?;
        self.version_info(event_id, &id)
    }

    /// `reopen --reason TEXT`: lifts the lock; the reason stays with the final version.
    pub fn reopen(&mut self, event_id: &str, reason: &str, origin: &Origin) -> Result<VersionInfo> {
        if reason.trim().is_empty() {
            return Err(ReviewError::NoReason.into());
        }
        let Some(locked) = self.lock_state(event_id)?.locked_on().cloned() else {
            return Err(ReviewError::NotFinal.into());
        };
        let entry = LockEntry {
            action: LockAction::Reopen,
            version: locked.version.clone(),
            at: self.host().now().to_rfc3339(),
            by: self.author().to_string(),
            reason: reason.trim().to_string(),
        };
        self.edit_with(&DocRef::event(event_id), origin, Permit::Reopen, |txn| {
            review_doc::write_lock(txn, &entry);
            Ok(())
        })?;
        self.version_info(event_id, &locked.version)
    }

    /// Renames a version (resolves two names made at once).
    pub fn rename_version(
        &mut self,
        event_id: &str,
        version: &str,
        name: &str,
        origin: &Origin,
    ) -> Result<VersionInfo> {
        let v = self.resolve_version(event_id, version)?;
        let name = check_name(name)?;
        if let Some(other) = self
            .version_records(event_id)?
            .into_iter()
            .find(|o| o.id != v.id && o.name.values.contains(&name))
        {
            return Err(ReviewError::NameTaken { name, id: other.id }.into());
        }
        self.edit(&DocRef::event(event_id), origin, |txn| {
            review_doc::rename_version(txn, &v.id, &name);
            Ok(())
        })?;
        self.version_info(event_id, &v.id)
    }

    fn version_info(&mut self, event_id: &str, id: &str) -> Result<VersionInfo> {
        self.versions(event_id)?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| {
                ReviewError::NoVersion {
                    given: id.to_string(),
                }
                .into()
            })
    }

    fn require_event_doc(&self, event_id: &str) -> Result<()> {
        let n: i64 = self
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM doc WHERE id = ?1 AND kind = 'event'",
                [event_id],
                |r| r.get(0),
            )
            .map_err(|e| crate::store::StoreError::sql("finding an event", e))?;
        if n == 0 {
            return Err(crate::store::StoreError::NoEvent(event_id.into()).into());
        }
        Ok(())
    }

    /// Captures every document of the event and writes the version record (and, for a final
    /// version, the lock) in one transaction of the event document. Returns (id, number).
    fn write_version(
        &mut self,
        event_id: &str,
        name: String,
        state: VersionState,
        to: &str,
        origin: &Origin,
    ) -> Result<(String, Option<String>)> {
        let records = self.version_records(event_id)?;
        let number = next_number(&records, state);
        let mut docs = BTreeMap::new();
        let mut digests = BTreeMap::new();
        // Every session document, and those of the action points it carries over from an
        // earlier meeting (their status at this moment is part of this draft).
        let mut sessions: Vec<String> = self
            .docs_of_event(event_id)?
            .into_iter()
            .filter(|d| !d.is_event_doc())
            .map(|d| d.doc_id)
            .collect();
        for r in review_doc::carried(&self.doc(event_id)?.transact()) {
            if !sessions.contains(&r.session) {
                sessions.push(r.session);
            }
        }
        for id in sessions {
            let (snap, digest) = capture(&self.doc(&id)?.transact(), false, &id);
            docs.insert(id.clone(), snap);
            digests.insert(id, digest);
        }
        let now = self.host().now().to_rfc3339();
        let by = self.author().to_string();
        let mut new = VersionRecord {
            id: String::new(),
            order: records.iter().map(|v| v.order).max().unwrap_or(0) + 1,
            name: crate::model::Decided::single(name),
            state,
            number: number.clone(),
            created_at: now.clone(),
            created_by: by.clone(),
            device: self.device_id().to_string(),
            to: to.to_string(),
            docs,
            digests,
        };
        let (_, id) = self.edit(&DocRef::event(event_id), origin, |txn| {
            // The event document as it is now, before the record is written into it.
            let (snap, digest) = capture(txn, true, event_id);
            new.docs.insert(event_id.to_string(), snap);
            new.digests.insert(event_id.to_string(), digest);
            let id = review_doc::add_version(txn, &new);
            if state == VersionState::Final {
                review_doc::write_lock(
                    txn,
                    &LockEntry {
                        action: LockAction::Final,
                        version: id.clone(),
                        at: now.clone(),
                        by: by.clone(),
                        reason: String::new(),
                    },
                );
            }
            Ok(id)
        })?;
        Ok((id, number))
    }
}

/// `wanted`, or `wanted (2)`, `wanted (3)`… when a version already has that name.
fn free_name(records: &[VersionRecord], wanted: &str) -> String {
    let taken = |n: &str| records.iter().any(|v| v.name.values.iter().any(|x| x == n));
    if !taken(wanted) {
        return wanted.to_string();
    }
    (2..)
        .map(|i| format!("{wanted} ({i})"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| wanted.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Decided;

    fn rec(number: Option<&str>) -> VersionRecord {
        VersionRecord {
            id: crate::doc::new_id(),
            order: 0,
            name: Decided::single("x".into()),
            state: VersionState::Circulated,
            number: number.map(String::from),
            created_at: String::new(),
            created_by: String::new(),
            device: String::new(),
            to: String::new(),
            docs: BTreeMap::new(),
            digests: BTreeMap::new(),
        }
    }

    #[test]
    fn draft_numbers_count_up_and_final_takes_the_next_whole_number() {
        use VersionState::*;
        assert_eq!(next_number(&[], Circulated).as_deref(), Some("0.1"));
        assert_eq!(next_number(&[], Draft), None);
        let two = [rec(Some("0.1")), rec(None), rec(Some("0.2"))];
        assert_eq!(next_number(&two, Circulated).as_deref(), Some("0.3"));
        assert_eq!(next_number(&two, Final).as_deref(), Some("1.0"));
        let after = [rec(Some("0.9")), rec(Some("1.0")), rec(Some("0.10"))];
        assert_eq!(next_number(&after, Circulated).as_deref(), Some("1.1"));
        assert_eq!(next_number(&after, Final).as_deref(), Some("2.0"));
    }

    #[test]
    fn names_that_look_like_draft_numbers_or_are_empty_are_refused() {
        assert!(check_name("0.3").is_err());
        assert!(check_name("  ").is_err());
        assert_eq!(check_name(" Before lunch ").unwrap(), "Before lunch");
        let taken = [rec(None)];
        assert_eq!(free_name(&taken, "x"), "x (2)");
        assert_eq!(free_name(&taken, "y"), "y");
    }
}
