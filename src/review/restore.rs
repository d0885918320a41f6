//! `restore VERSION [--session SESSION]`: the current content made equal to a version's,
//! written as new edits in one transaction (`doc::copy`). They sync to every peer like any
//! other edit, and restoring the later version undoes them; the history is never rewritten.
//! Only content changes: notes, summaries, outcomes, the agenda, participants and the event's
//! facts, never the versions list, the lock or the series link. A final event refuses it like
//! any other write.

use super::Result;
use crate::doc::copy::restore_root;
use crate::doc::new_doc;
use crate::doc::review_doc::CONTENT_ROOTS;
use crate::host::Origin;
use crate::store::{DocEdit, DocRef, Store};
use yrs::{Doc, Transact};

/// The roots of a session document that hold content.
const SESSION_ROOTS: [&str; 3] = ["notes", "summary", "outcomes"];

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Restored {
    pub version: String,
    /// Documents whose content changed.
    pub documents: usize,
}

impl Store {
    /// Restores the whole event, or one session's notes, summary and outcomes, to `version`.
    pub fn restore(
        &mut self,
        event_id: &str,
        version: &str,
        session: Option<&str>,
        origin: &Origin,
    ) -> Result<Restored> {
        let v = self.resolve_version(event_id, version)?;
        let only = match session {
            Some(s) => Some(self.resolve_session(s, Some(event_id))?.1),
            None => None,
        };
        let then = self.docs_at(event_id, &v)?;
        let empty = new_doc();
        let mut targets: Vec<(DocRef, &Doc, &[&str])> = Vec::new();
        let current = self.docs_of_event(event_id)?;
        let mut sessions: Vec<String> = current
            .iter()
            .filter(|d| !d.is_event_doc())
            .map(|d| d.doc_id.clone())
            .collect();
        // Sessions of this event then that have no document here (carried-over action points'
        // documents, which belong to an earlier meeting, are in `then` too and are left alone).
        let agenda_then = crate::doc::event_doc::read(&then.event.transact());
        for s in agenda_then.days.iter().flat_map(|d| &d.sessions) {
            if !sessions.contains(&s.id) && then.sessions.contains_key(&s.id) {
                sessions.push(s.id.clone());
            }
        }
        if only.is_none() {
            targets.push((DocRef::event(event_id), &then.event, &CONTENT_ROOTS));
        }
        for id in &sessions {
            if only.as_ref().is_some_and(|o| o != id) {
                continue;
            }
            let from = then.sessions.get(id).unwrap_or(&empty);
            targets.push((DocRef::session(event_id, id), from, &SESSION_ROOTS));
        }
        if let Some(o) = &only {
            if !sessions.contains(o) {
                targets.push((DocRef::session(event_id, o), &empty, &SESSION_ROOTS));
            }
        }
        let before: Vec<Vec<u8>> = targets
            .iter()
            .map(|(d, _, _)| self.state_vector(&d.doc_id))
            .collect::<std::result::Result<_, _>>()?;
        let edits: Vec<DocEdit> = targets
            .iter()
            .map(|(doc, from, roots)| {
                let from: &Doc = from;
                let roots: &[&str] = roots;
                let edit: DocEdit = (
                    doc.clone(),
                    Box::new(move |txn| {
                        let old = from.transact();
                        for r in roots {
                            restore_root(&old, txn, r);
                        }
                        Ok(())
                    }),
                );
                edit
            })
            .collect();
        self.edit_many(edits, origin)?;
        let mut changed = 0;
        for ((d, _, _), sv) in targets.iter().zip(before) {
            if self.state_vector(&d.doc_id)? != sv {
                changed += 1;
            }
        }
        Ok(Restored {
            version: crate::doc::review_doc::label(&v),
            documents: changed,
        })
    }
}
