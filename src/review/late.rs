//! What arrived after the lock. A final event still takes peers' updates (`bundle import`,
//! `sync`, `join`, `serve`): a rapporteur who typed offline before hearing of the lock loses
//! nothing. Those edits are stored like any other, kept out of the final draft (which is
//! compiled from the final version) and named in the compile report, so a person decides:
//! reopen and keep them, or leave them out.
//!
//! A document counts when what it reads now differs from what it read at the lock (its digest);
//! the changes are the log rows not contained in the final version's snapshot of it, grouped
//! by where they came from.

use super::Result;
use crate::compile::Warning;
use crate::doc::review_doc::{self, VersionRecord};
use crate::host::Origin;
use crate::store::{every_row, Store};
use std::collections::BTreeMap;
use yrs::updates::decoder::Decode;
use yrs::{Snapshot, Transact, Update, ID};

/// Whether everything `update` inserts and deletes is already in `snapshot`.
pub fn contained(update: &Update, snapshot: &Snapshot) -> bool {
    for (client, ranges) in update.insertions(true).iter() {
        let have = snapshot.state_map.get(client);
        if ranges.iter().any(|r| r.end > have) {
            return false;
        }
    }
    for (client, ranges) in update.delete_set().iter() {
        for r in ranges.iter() {
            if (r.start..r.end).any(|clock| !snapshot.delete_set.contains(&ID::new(*client, clock)))
            {
                return false;
            }
        }
    }
    true
}

impl Store {
    /// The compile report's lines for changes that arrived after the event was locked on
    /// `final_v`: one per document, with how many changes and from whom.
    pub fn late_changes(
        &mut self,
        event_id: &str,
        final_v: &VersionRecord,
    ) -> Result<Vec<Warning>> {
        // Who each device is, from every document's record of its writers.
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for d in self.docs_of_event(event_id)? {
            for c in review_doc::clients(&self.doc(&d.doc_id)?.transact()).into_values() {
                names.insert(c.device, c.name);
            }
        }
        let titles: BTreeMap<String, String> = self
            .agenda(event_id)?
            .days
            .iter()
            .enumerate()
            .flat_map(|(d, day)| {
                day.sessions.iter().enumerate().map(move |(n, s)| {
                    let title = s.title.first().cloned().unwrap_or_default();
                    (
                        s.id.clone(),
                        format!("session {}.{} “{title}”", d + 1, n + 1),
                    )
                })
            })
            .collect();
        let mut warnings = Vec::new();
        let mut total = 0;
        for d in self.docs_of_event(event_id)? {
            let is_event = d.is_event_doc();
            let now = super::state::digest(&self.doc(&d.doc_id)?.transact(), is_event, &d.doc_id);
            if final_v.digests.get(&d.doc_id) == Some(&now) {
                continue;
            }
            let snapshot = final_v
                .docs
                .get(&d.doc_id)
                .and_then(|b| Snapshot::decode_v1(b).ok())
                .unwrap_or_default();
            let mut from: BTreeMap<String, usize> = BTreeMap::new();
            for (_, data, origin) in every_row(self.conn(), &d.doc_id)? {
                let Ok(update) = Update::decode_v1(&data) else {
                    continue;
                };
                if contained(&update, &snapshot) {
                    continue;
                }
                let who = match Origin::from_log_string(&origin) {
                    Origin::Peer(p) | Origin::Bundle(p) => {
                        names.get(&p).map(|n| format!("{n} ({p})")).unwrap_or(p)
                    }
                    _ => "this device".to_string(),
                };
                *from.entry(who).or_default() += 1;
            }
            let n: usize = from.values().sum();
            if n == 0 {
                continue;
            }
            total += n;
            let place = if is_event {
                "the agenda, participants or event details".to_string()
            } else {
                titles
                    .get(&d.doc_id)
                    .cloned()
                    .unwrap_or_else(|| format!("session {}", d.doc_id))
            };
            let whom: Vec<String> = from.iter().map(|(w, c)| format!("{c} from {w}")).collect();
            let mut w = Warning::new(
                "after-final",
                format!(
                    "{place}: {n} change(s) received after the event was finalized, left out ({})",
                    whom.join(", ")
                ),
            );
            if !is_event {
                w = w.session(&d.doc_id);
            }
            warnings.push(w);
        }
        if total > 0 {
            let sum = Warning::new(
                "after-final",
                format!(
                    "{total} change(s) received after the event was finalized are left out of the final draft; reopen the event to take them in"
                ),
            );
            warnings.insert(0, sum);
        }
        Ok(warnings)
    }
}
