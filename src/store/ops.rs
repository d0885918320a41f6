//! The edits a user makes, each one CRDT transaction stored through [`Store::edit`]: create an
//! event from an agenda, append to notes, capture and edit outcomes, edit the agenda, add
//! participants. The CLI and the desktop shell call these; neither writes SQL.

use super::{DocRef, Result, Store, StoreError};
use crate::doc::event_doc::{self, SessionEdit};
use crate::doc::session_doc::{self, OutcomeEdit, OutcomeInput, TextKind};
use crate::host::Origin;
use crate::model::{Agenda, Participant};

impl Store {
    /// Creates an event (its document and one empty document per session) from an agenda.
    /// Returns the event id.
    pub fn create_event(&mut self, agenda: &Agenda, origin: &Origin) -> Result<String> {
        let event_id = crate::doc::new_id();
        let doc = DocRef::event(&event_id);
        self.edit(&doc, origin, |txn| Ok(event_doc::create(txn, agenda)))?;
        Ok(event_id)
    }

    /// Appends a paragraph to a session's notes or summary.
    pub fn append_text(
        &mut self,
        event_id: &str,
        session_id: &str,
        which: TextKind,
        paragraph: &str,
        origin: &Origin,
    ) -> Result<()> {
        self.require_session(event_id, session_id)?;
        self.edit(&DocRef::session(event_id, session_id), origin, |txn| {
            session_doc::append_paragraph(txn, which, paragraph);
            Ok(())
        })?;
        Ok(())
    }

    /// Replaces a session's notes or summary (the smallest edit is recorded).
    pub fn set_text(
        &mut self,
        event_id: &str,
        session_id: &str,
        which: TextKind,
        value: &str,
        origin: &Origin,
    ) -> Result<()> {
        self.require_session(event_id, session_id)?;
        self.edit(&DocRef::session(event_id, session_id), origin, |txn| {
            session_doc::set_text(txn, which, value);
            Ok(())
        })?;
        Ok(())
    }

    /// Captures an outcome in a session; returns its id. It goes to the end of the board.
    pub fn add_outcome(
        &mut self,
        event_id: &str,
        session_id: &str,
        input: &OutcomeInput,
        origin: &Origin,
    ) -> Result<String> {
        self.require_session(event_id, session_id)?;
        let created = self.host().now().to_rfc3339();
        let (_, id) = self.edit(&DocRef::session(event_id, session_id), origin, |txn| {
            let position = session_doc::outcomes(txn, session_id)
                .iter()
                .map(|o| o.position)
                .fold(0.0, f64::max)
                + 1.0;
            Ok(session_doc::add_outcome(txn, input, position, &created))
        })?;
        Ok(id)
    }

    /// Edits fields of an outcome (found by id or unique id prefix within the event, or among
    /// the action points it carries over from an earlier meeting, which are written where they
    /// belong: see `crate::review::series`) in one transaction.
    pub fn edit_outcome(
        &mut self,
        event_id: &str,
        outcome_id: &str,
        edits: &[OutcomeEdit],
        origin: &Origin,
    ) -> Result<()> {
        let (doc, outcome_id, permit) = self.locate_outcome(event_id, outcome_id, edits)?;
        self.edit_with(&doc, origin, permit, |txn| {
            for e in edits {
                session_doc::edit_outcome(txn, &outcome_id, e)?;
            }
            Ok(())
        })?;
        Ok(())
    }

    /// Edits a field of an agenda row.
    pub fn edit_session(
        &mut self,
        event_id: &str,
        session_id: &str,
        edit: &SessionEdit,
        origin: &Origin,
    ) -> Result<()> {
        self.edit(&DocRef::event(event_id), origin, |txn| {
            Ok(event_doc::edit_session(txn, session_id, edit)?)
        })?;
        Ok(())
    }

    /// Adds a participant to an event; returns its id.
    pub fn add_participant(
        &mut self,
        event_id: &str,
        p: &Participant,
        origin: &Origin,
    ) -> Result<String> {
        self.require_event(event_id)?;
        // A person added without a handle gets a free one made from the name.
        let mut p = p.clone();
        if p.handle.is_empty() {
            p.handle = self.free_handle(event_id, &p.name)?;
        }
        let (_, id) = self.edit(&DocRef::event(event_id), origin, |txn| {
            Ok(event_doc::add_participant(txn, &p))
        })?;
        Ok(id)
    }

    fn require_session(&self, event_id: &str, session_id: &str) -> Result<()> {
        let n: i64 = self
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM session WHERE id = ?1 AND event_id = ?2",
                (session_id, event_id),
                |r| r.get(0),
            )
            .map_err(|e| StoreError::sql("finding a session", e))?;
        if n == 0 {
            return Err(StoreError::NoSession(session_id.into()));
        }
        Ok(())
    }

    /// (session id, outcome id) of an outcome given by id or unique prefix.
    pub fn find_outcome(&self, event_id: &str, given: &str) -> Result<(String, String)> {
        let mut stmt = self
            .conn()
            .prepare("SELECT session_id, id FROM outcome WHERE event_id = ?1 AND (id = ?2 OR id LIKE ?2 || '%')")
            .map_err(|e| StoreError::sql("finding an outcome", e))?;
        let found: Vec<(String, String)> = stmt
            .query_map((event_id, given), |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| StoreError::sql("finding an outcome", e))?
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| StoreError::sql("finding an outcome", e))?;
        match found.len() {
            1 => Ok(found.into_iter().next().expect("one")),
            0 => Err(StoreError::NoOutcome(given.into())),
            n => Err(StoreError::Ambiguous(format!(
                "outcome {given:?} matches {n} outcomes; give more of its id"
            ))),
        }
    }
}
