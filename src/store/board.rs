//! The outcome board's operations on the store: merge duplicates (possibly across sessions, in
//! one transaction) and "keep both" for a field in conflict. The document-level work is in
//! [`crate::doc::outcome_board`]; this module finds the documents and writes through the one
//! write path.

use super::{DocEdit, DocRef, Result, Store, StoreError};
use crate::doc::event_doc::EditError;
use crate::doc::outcome_board;
use crate::host::Origin;
use yrs::Transact;

impl Store {
    /// Merges duplicates into `survivor`: the others' texts are folded into the survivor's
    /// (one per line, repeats left out), and each other outcome is marked removed with a
    /// pointer to the survivor. One SQLite transaction; nothing is deleted from the log.
    /// Outcomes are given by id or unique prefix; the survivor may not be among the others.
    pub fn merge_outcomes(
        &mut self,
        event_id: &str,
        survivor: &str,
        others: &[String],
        origin: &Origin,
    ) -> Result<String> {
        if others.is_empty() {
            return Err(EditError::BadValue("choose at least two outcomes to merge".into()).into());
        }
        let (survivor_session, survivor) = self.find_outcome(event_id, survivor)?;
        let mut found = Vec::new();
        for o in others {
            let (session, id) = self.find_outcome(event_id, o)?;
            if id == survivor || found.iter().any(|(_, f)| *f == id) {
                return Err(EditError::BadValue(format!(
                    "outcome {id} is named twice in the merge"
                ))
                .into());
            }
            found.push((session, id));
        }
        let mut texts = Vec::new();
        for (session, id) in &found {
            let doc = self.doc(session)?;
            texts.push(outcome_board::outcome_text(&doc.transact(), id)?);
        }
        let mut edits: Vec<DocEdit> = Vec::new();
        let keep = survivor.clone();
        edits.push((
            DocRef::session(event_id, &survivor_session),
            Box::new(move |txn| Ok(outcome_board::fold_texts(txn, &keep, &texts)?)),
        ));
        for (session, id) in found {
            let keep = survivor.clone();
            edits.push((
                DocRef::session(event_id, &session),
                Box::new(move |txn| Ok(outcome_board::mark_merged(txn, &id, &keep)?)),
            ));
        }
        self.edit_many(edits, origin)?;
        Ok(survivor)
    }

    /// "Keep both" for a decided field in conflict: the outcome keeps the first value and a
    /// copy is added right after it for every other value. Returns the copies' ids.
    pub fn keep_both(
        &mut self,
        event_id: &str,
        outcome_id: &str,
        field: &str,
        origin: &Origin,
    ) -> Result<Vec<String>> {
        let (session_id, outcome_id) = self.find_outcome(event_id, outcome_id)?;
        let created = self.host().now().to_rfc3339();
        let (_, ids) = self.edit(&DocRef::session(event_id, &session_id), origin, |txn| {
            outcome_board::split_conflict(txn, &outcome_id, field, &created)
                .map_err(StoreError::from)
        })?;
        Ok(ids)
    }

    /// Where a merged outcome of session `session_id` went (empty when it was not merged).
    /// Merged outcomes are gone from the derived tables, so the session is given.
    pub fn merged_into(&mut self, session_id: &str, outcome_id: &str) -> Result<String> {
        let doc = self.doc(session_id)?;
        Ok(outcome_board::merged_into(&doc.transact(), outcome_id)?)
    }
}
