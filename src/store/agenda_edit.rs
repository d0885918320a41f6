//! Editing an event's agenda and participants from the window: add, remove and move agenda
//! rows, set any field of a row from the text a form holds, and edit or remove participants.
//! Each call is one transaction on the event document through [`Store::edit`]; a value that
//! does not parse is refused before anything is written.

use super::{DocRef, Result, Store, StoreError};
use crate::doc::event_doc::{self, EditError, SessionEdit};
use crate::host::Origin;
use crate::model::{AgendaRow, ClockTime, SessionKind};

/// A field value from the window that does not parse.
fn invalid(message: String) -> StoreError {
    StoreError::Edit(EditError::BadValue(message))
}

/// Reads a form field of an agenda row: `title`, `start`, `end` (`HH:MM` or empty), `kind`
/// (`working`/`logistics`), `description`, `methodology`, `moderators`, `rapporteurs`, `day`
/// (a day id) or `removed` (`true`/`false`).
pub fn session_edit(field: &str, value: &str) -> Result<SessionEdit> {
    let time = |v: &str| -> Result<Option<ClockTime>> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        ClockTime::parse_hhmm(v)
            .map(Some)
            .map_err(|e| invalid(format!("{field}: {e}")))
    };
    Ok(match field {
        "title" => SessionEdit::Title(value.trim().to_string()),
        "start" => SessionEdit::Start(time(value)?),
        "end" => SessionEdit::End(time(value)?),
        "kind" => SessionEdit::Kind(SessionKind::parse(value).ok_or_else(|| {
            invalid(format!(
                "kind: {value:?} is not a kind (expected working or logistics)"
            ))
        })?),
        "description" => SessionEdit::Description(value.to_string()),
        "methodology" => SessionEdit::Methodology(value.to_string()),
        "moderators" => SessionEdit::Moderators(value.to_string()),
        "rapporteurs" => SessionEdit::Rapporteurs(value.to_string()),
        "day" => SessionEdit::Day(value.to_string()),
        "removed" => SessionEdit::Removed(match value {
            "true" => true,
            "false" => false,
            _ => return Err(invalid(format!("removed: {value:?} is not true or false"))),
        }),
        other => return Err(StoreError::Edit(EditError::NoField(other.to_string()))),
    })
}

/// The writes that move `session` one place up or down in the agenda: within its day, or
/// past the day's edge to the end (moving up) or start (moving down) of the neighbouring day.
/// Each write is (session id, day id, position); positions of the affected days are
/// renumbered 0, 1, … so that later moves stay simple. `None` at the agenda's ends.
pub fn move_plan(
    days: &[(String, Vec<String>)],
    session: &str,
    up: bool,
) -> Option<Vec<(String, String, f64)>> {
    let d = days
        .iter()
        .position(|(_, s)| s.iter().any(|x| x == session))?;
    let i = days[d].1.iter().position(|x| x == session)?;
    let mut order: Vec<(String, Vec<String>)> = days.to_vec();
    let touched: Vec<usize> = if up && i > 0 {
        order[d].1.swap(i, i - 1);
        vec![d]
    } else if !up && i + 1 < order[d].1.len() {
        order[d].1.swap(i, i + 1);
        vec![d]
    } else {
        let to = if up { d.checked_sub(1)? } else { d + 1 };
        if to >= order.len() || order[to].0.is_empty() {
            return None;
        }
        let moved = order[d].1.remove(i);
        if up {
            order[to].1.push(moved);
        } else {
            order[to].1.insert(0, moved);
        }
        vec![d, to]
    };
    Some(
        touched
            .into_iter()
            .flat_map(|t| {
                let (day, ids) = &order[t];
                ids.iter()
                    .enumerate()
                    .map(|(n, id)| (id.clone(), day.clone(), n as f64))
                    .collect::<Vec<_>>()
            })
            .collect(),
    )
}

impl Store {
    pub(crate) fn require_event(&self, event_id: &str) -> Result<()> {
        let n: i64 = self
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM event WHERE id = ?1",
                [event_id],
                |r| r.get(0),
            )
            .map_err(|e| StoreError::sql("finding an event", e))?;
        if n == 0 {
            return Err(StoreError::NoEvent(event_id.into()));
        }
        Ok(())
    }

    /// Sets one field of an agenda row from its text form (see [`session_edit`]).
    pub fn set_session_field(
        &mut self,
        event_id: &str,
        session_id: &str,
        field: &str,
        value: &str,
        origin: &Origin,
    ) -> Result<()> {
        self.require_event(event_id)?;
        let edit = session_edit(field, value)?;
        self.edit_session(event_id, session_id, &edit, origin)
    }

    /// Adds an agenda row at the end of a day (or right after `after`, a session of that
    /// day); returns its id. Its session document is created on its first edit.
    pub fn add_session(
        &mut self,
        event_id: &str,
        day_id: &str,
        after: Option<&str>,
        row: &AgendaRow,
        origin: &Origin,
    ) -> Result<String> {
        self.require_event(event_id)?;
        let (_, id) = self.edit(&DocRef::event(event_id), origin, |txn| {
            let view = event_doc::read(&*txn);
            let day = view
                .days
                .iter()
                .find(|d| d.id == day_id && !d.id.is_empty())
                .ok_or_else(|| EditError::NoDay(day_id.to_string()))?;
            let mut ids: Vec<String> = day.sessions.iter().map(|s| s.id.clone()).collect();
            let at = match after {
                Some(a) => {
                    ids.iter()
                        .position(|x| x == a)
                        .ok_or_else(|| EditError::NoSession(a.to_string()))?
                        + 1
                }
                None => ids.len(),
            };
            let id = event_doc::add_session(txn, day_id, at as f64, row);
            ids.insert(at, id.clone());
            for (n, s) in ids.iter().enumerate() {
                event_doc::edit_session(txn, s, &SessionEdit::Position(n as f64))?;
            }
            Ok(id)
        })?;
        Ok(id)
    }

    /// Moves an agenda row one place up or down (across a day's edge into the next day).
    /// Returns false, changing nothing, when it is already first or last.
    pub fn move_session(
        &mut self,
        event_id: &str,
        session_id: &str,
        up: bool,
        origin: &Origin,
    ) -> Result<bool> {
        self.require_event(event_id)?;
        let (_, moved) = self.edit(&DocRef::event(event_id), origin, |txn| {
            let view = event_doc::read(&*txn);
            let days: Vec<(String, Vec<String>)> = view
                .days
                .iter()
                .map(|d| {
                    (
                        d.id.clone(),
                        d.sessions.iter().map(|s| s.id.clone()).collect(),
                    )
                })
                .collect();
            if !days.iter().any(|(_, s)| s.iter().any(|x| x == session_id)) {
                return Err(EditError::NoSession(session_id.to_string()).into());
            }
            let Some(plan) = move_plan(&days, session_id, up) else {
                return Ok(false);
            };
            for (s, day, pos) in plan {
                // The "Unscheduled" group has no day to set.
                if !day.is_empty() {
                    event_doc::edit_session(txn, &s, &SessionEdit::Day(day))?;
                }
                event_doc::edit_session(txn, &s, &SessionEdit::Position(pos))?;
            }
            Ok(true)
        })?;
        Ok(moved)
    }

    /// Sets one text field (`name`, `entity`, `handle`, `role`) of a participant.
    pub fn edit_participant(
        &mut self,
        event_id: &str,
        participant_id: &str,
        field: &str,
        value: &str,
        origin: &Origin,
    ) -> Result<()> {
        self.require_event(event_id)?;
        self.edit(&DocRef::event(event_id), origin, |txn| {
            Ok(event_doc::edit_participant(
                txn,
                participant_id,
                field,
                value.trim(),
            )?)
        })?;
        Ok(())
    }

    /// Removes a participant from the lists (the history keeps it).
    pub fn remove_participant(
        &mut self,
        event_id: &str,
        participant_id: &str,
        origin: &Origin,
    ) -> Result<()> {
        self.require_event(event_id)?;
        self.edit(&DocRef::event(event_id), origin, |txn| {
            Ok(event_doc::remove_participant(txn, participant_id)?)
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days() -> Vec<(String, Vec<String>)> {
        vec![
            ("d1".into(), vec!["a".into(), "b".into()]),
            ("d2".into(), vec!["c".into()]),
        ]
    }

    #[test]
    fn moving_within_a_day_swaps_and_renumbers() {
        let plan = move_plan(&days(), "b", true).unwrap();
        assert_eq!(
            plan,
            vec![
                ("b".into(), "d1".into(), 0.0),
                ("a".into(), "d1".into(), 1.0)
            ]
        );
    }

    #[test]
    fn moving_past_a_days_edge_changes_the_day() {
        let plan = move_plan(&days(), "b", false).unwrap();
        assert!(plan.contains(&("b".into(), "d2".into(), 0.0)), "{plan:?}");
        assert!(plan.contains(&("c".into(), "d2".into(), 1.0)), "{plan:?}");
        let plan = move_plan(&days(), "c", true).unwrap();
        assert!(plan.contains(&("c".into(), "d1".into(), 2.0)), "{plan:?}");
    }

    #[test]
    fn the_ends_of_the_agenda_do_not_move() {
        assert_eq!(move_plan(&days(), "a", true), None);
        assert_eq!(move_plan(&days(), "c", false), None);
        assert_eq!(move_plan(&days(), "zz", false), None);
    }

    #[test]
    fn form_values_parse_or_are_refused() {
        assert_eq!(
            session_edit("start", "9:05").unwrap(),
            SessionEdit::Start(ClockTime::new(9, 5))
        );
        assert_eq!(session_edit("end", " ").unwrap(), SessionEdit::End(None));
        let e = session_edit("start", "nine").unwrap_err().to_string();
        assert!(e.contains("start") && e.contains("nine"), "{e}");
        assert!(session_edit("kind", "party").is_err());
        assert!(session_edit("colour", "red").is_err());
        assert_eq!(
            session_edit("removed", "true").unwrap(),
            SessionEdit::Removed(true)
        );
    }
}
