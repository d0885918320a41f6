//! Meetings of a series: a new meeting follows an earlier one (`import FILE --follows EVENT`,
//! `event set --follows EVENT`), and the earlier meeting's open action points (not done, not
//! dropped) carry over.
//!
//! Carried action points are the **same** items, not copies: the new meeting's event document
//! records which outcomes it carries (`series.carried`, written when the link is made, so an
//! item marked done at the new meeting stays on its list), and every read or write goes to the
//! outcome in its own meeting's session document. A status set at the new meeting is thus the
//! item's status in the old meeting's list too. Setting the status is follow-up, allowed even
//! when the old meeting is final; the old meeting's final draft still shows the status it had
//! at the lock, because a final event compiles from its final version.
//!
//! The set is taken when the link is made: the earlier meeting's open action points, and the
//! items it carried itself that are still open. Linking again (the same or another meeting)
//! takes the set afresh.

use super::Result;
use super::ReviewError;
use crate::doc::review_doc::{self, CarriedRef};
use crate::host::Origin;
use crate::model::{CarriedOutcome, OutcomeKind};
use crate::store::{CarriedFrom, DocRef, OutcomeRow, Store, StoreError};
use yrs::Transact;

/// An action point still to be done: kind action and a status that is neither done nor
/// dropped (an unresolved status counts as open while any of its values is).
pub fn is_open(row: &OutcomeRow) -> bool {
    let o = &row.outcome;
    o.kind.values.contains(&OutcomeKind::Action)
        && (o.status.values.is_empty() || o.status.values.iter().any(|s| s.is_open()))
}

impl Store {
    /// The earlier meetings this event follows.
    pub fn follows(&mut self, event_id: &str) -> Result<Vec<String>> {
        Ok(review_doc::follows(&self.doc(event_id)?.transact()))
    }

    /// Links `event_id` to the meeting it follows (`None` unlinks) and carries over that
    /// meeting's open action points. Refused, with nothing written, when `earlier` is missing,
    /// is the event itself, or follows (through any chain) the event.
    pub fn set_follows(
        &mut self,
        event_id: &str,
        earlier: Option<&str>,
        origin: &Origin,
    ) -> Result<Vec<String>> {
        let earlier = match earlier {
            Some(e) => Some(self.resolve_event(Some(e)).map_err(|err| match err {
                StoreError::NoEvent(_) => super::Error::from(ReviewError::Series(format!(
                    "--follows: there is no event {e:?} in this database (see `rapporteur events`)"
                ))),
                other => other.into(),
            })?),
            None => None,
        };
        let mut carried = Vec::new();
        if let Some(earlier) = &earlier {
            if earlier == event_id {
                return Err(ReviewError::Series("an event cannot follow itself".into()).into());
            }
            let mut seen = vec![earlier.clone()];
            let mut frontier = vec![earlier.clone()];
            while let Some(e) = frontier.pop() {
                for before in self.follows(&e)? {
                    if before == event_id {
                        return Err(ReviewError::Series(format!(
                            "event {earlier} already follows this event (through {e}); a series cannot go round in a circle"
                        ))
                        .into());
                    }
                    if !seen.contains(&before) {
                        seen.push(before.clone());
                        frontier.push(before);
                    }
                }
            }
            for row in self.outcomes_of_series(earlier)? {
                if is_open(&row) {
                    carried.push(CarriedRef {
                        outcome: row.outcome.id.clone(),
                        event: row
                            .carried_from
                            .as_ref()
                            .map_or_else(|| earlier.clone(), |c| c.event.clone()),
                        session: row.outcome.session_id.clone(),
                    });
                }
            }
        }
        let ids: Vec<String> = carried.iter().map(|c| c.outcome.clone()).collect();
        self.edit(&DocRef::event(event_id), origin, |txn| {
            review_doc::set_follows(txn, earlier.as_deref().unwrap_or(""), &carried);
            Ok(())
        })?;
        Ok(ids)
    }

    /// The action points this event carries over, as they stand in their own meetings. An
    /// item whose meeting is not in this database (not synced here yet) is left out.
    pub fn carried_outcomes(&mut self, event_id: &str) -> Result<Vec<OutcomeRow>> {
        let refs = review_doc::carried(&self.doc(event_id)?.transact());
        let mut out = Vec::new();
        let mut by_event: Vec<(String, Vec<OutcomeRow>, String)> = Vec::new();
        for r in refs {
            if !by_event.iter().any(|(e, _, _)| *e == r.event) {
                let Ok(rows) = self.outcomes(&r.event) else {
                    continue;
                };
                let title = self
                    .events()?
                    .into_iter()
                    .find(|e| e.id == r.event)
                    .map(|e| e.title)
                    .unwrap_or_default();
                by_event.push((r.event.clone(), rows, title));
            }
            let Some((_, rows, title)) = by_event.iter().find(|(e, _, _)| *e == r.event) else {
                continue;
            };
            if let Some(row) = rows.iter().find(|row| row.outcome.id == r.outcome) {
                out.push(OutcomeRow {
                    carried_from: Some(CarriedFrom {
                        event: r.event.clone(),
                        title: title.clone(),
                    }),
                    ..row.clone()
                });
            }
        }
        Ok(out)
    }

    /// The event's own outcomes followed by those it carries over (`outcomes`); with `open`,
    /// only action points still to be done (`outcomes --open`).
    pub fn outcomes_of_series(&mut self, event_id: &str) -> Result<Vec<OutcomeRow>> {
        let mut rows = self.outcomes(event_id)?;
        rows.extend(self.carried_outcomes(event_id)?);
        Ok(rows)
    }

    /// The carried-over action points as the draft's "Follow-up to the previous meeting" shows
    /// them.
    pub fn carried_for_draft(&mut self, event_id: &str) -> Result<Vec<CarriedOutcome>> {
        Ok(self
            .carried_outcomes(event_id)?
            .into_iter()
            .map(|r| {
                let from = r.carried_from.unwrap_or(CarriedFrom {
                    event: String::new(),
                    title: String::new(),
                });
                CarriedOutcome {
                    outcome: r.outcome,
                    from_event: from.event,
                    from_title: from.title,
                }
            })
            .collect())
    }

    /// The event an outcome belongs to, found by its id (or unique prefix) across every event:
    /// `outcome set ID` needs no `--event`.
    pub fn outcome_event(&self, given: &str) -> Result<String> {
        let mut stmt = self
            .conn()
            .prepare("SELECT DISTINCT event_id FROM outcome WHERE id = ?1 OR id LIKE ?1 || '%'")
            .map_err(|e| StoreError::sql("finding an outcome", e))?;
        let found: Vec<String> = stmt
            .query_map([given], |r| r.get(0))
            .map_err(|e| StoreError::sql("finding an outcome", e))?
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| StoreError::sql("finding an outcome", e))?;
        match found.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(StoreError::NoOutcome(given.into()).into()),
            _ => Err(StoreError::Ambiguous(format!(
                "outcome {given:?} matches outcomes of {} events; give more of its id",
                found.len()
            ))
            .into()),
        }
    }
}
