//! Where an edit of an outcome goes when the outcome is an action point carried over from an
//! earlier meeting (see `crate::review::series`): carried items are the same items, so the edit
//! is written in the earlier meeting's session document. The lock is asked here too: a final
//! earlier meeting takes status changes of items a later, open meeting carries (follow-up) and
//! nothing else; a final later meeting takes nothing.

use super::{DocRef, Permit, Result, Store, StoreError};
use crate::doc::review_doc;
use crate::doc::session_doc::OutcomeEdit;
use yrs::Transact;

impl Store {
    /// Where an edit of outcome `given`, asked for in event `event_id`, is written: the
    /// outcome's own event and session document, its full id, and the permit the lock allows.
    pub(crate) fn locate_outcome(
        &mut self,
        event_id: &str,
        given: &str,
        edits: &[OutcomeEdit],
    ) -> Result<(DocRef, String, Permit)> {
        let (owner, session, id) = match self.find_outcome(event_id, given) {
            Ok((session, id)) => (event_id.to_string(), session, id),
            Err(StoreError::NoOutcome(_)) if !given.is_empty() => {
                let refs = review_doc::carried(&self.doc(event_id)?.transact());
                let Some(r) = refs.iter().find(|r| r.outcome.starts_with(given)) else {
                    return Err(StoreError::NoOutcome(given.into()));
                };
                // Reached from this meeting, which must itself take edits.
                if let Some(v) = review_doc::final_lock(&self.doc(event_id)?.transact()) {
                    return Err(StoreError::final_event(v));
                }
                let (session, id) = self.find_outcome(&r.event, &r.outcome)?;
                (r.event.clone(), session, id)
            }
            Err(e) => return Err(e),
        };
        let status_only =
            !edits.is_empty() && edits.iter().all(|e| matches!(e, OutcomeEdit::Status(_)));
        let permit = if status_only && self.carried_by_open_meeting(&owner, &id)? {
            Permit::FollowUp
        } else {
            Permit::None
        };
        Ok((DocRef::session(&owner, &session), id, permit))
    }

    /// Whether a later meeting that is not final carries this outcome of `owner`.
    fn carried_by_open_meeting(&mut self, owner: &str, outcome: &str) -> Result<bool> {
        for e in self.events()? {
            if e.id == owner {
                continue;
            }
            let txn_doc = self.doc(&e.id)?;
            let txn = txn_doc.transact();
            if review_doc::carried(&txn)
                .iter()
                .any(|r| r.outcome == outcome)
                && review_doc::final_lock(&txn).is_none()
            {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
