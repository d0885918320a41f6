//! Reads from the derived tables: the event list, the agenda, outcomes, participants, and the
//! [`EventSnapshot`] the compiler works from. Nothing here decodes a CRDT document.

use super::derived::EventData;
use super::{Result, Store, StoreError};
use crate::model::{DayView, EventSnapshot, OutcomeView, Participant, SessionView};
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Serialize;

/// One line of `rapporteur events`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventSummary {
    pub id: String,
    pub title: String,
    pub venue: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub sessions: i64,
}

/// An event's agenda: its facts and days with sessions (no notes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaView {
    pub id: String,
    pub info: crate::model::EventInfo,
    pub days: Vec<DayView>,
}

/// An outcome with where it stands in the agenda, for lists and the board.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeRow {
    pub outcome: OutcomeView,
    pub session_title: String,
    /// "D.N" of the session.
    pub session_ref: String,
    /// For an action point carried over from an earlier meeting of the series: that meeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<CarriedFrom>,
}

/// The earlier meeting a carried-over action point belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CarriedFrom {
    pub event: String,
    pub title: String,
}

fn sql(context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |e| StoreError::sql(context, e)
}

fn json<T: serde::de::DeserializeOwned>(s: &str, what: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| {
        StoreError::Compaction(format!(
            "derived {what} row does not parse ({e}); run a rebuild"
        ))
    })
}

impl Store {
    /// Every event, by start date then title.
    pub fn events(&self) -> Result<Vec<EventSummary>> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT e.id, e.title, e.venue, e.start_date, e.end_date, (SELECT COUNT(*) FROM session s WHERE s.event_id = e.id)
                 FROM event e ORDER BY e.start_date, e.title, e.id",
            )
            .map_err(sql("listing events"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(EventSummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    venue: r.get(2)?,
                    start_date: r.get(3)?,
                    end_date: r.get(4)?,
                    sessions: r.get(5)?,
                })
            })
            .map_err(sql("listing events"))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(sql("listing events"))
    }

    /// The event meant by an optional `--event`: the given id (or a unique prefix of it), or the
    /// only event in the database.
    pub fn resolve_event(&self, given: Option<&str>) -> Result<String> {
        let events = self.events()?;
        match given {
            Some(id) => {
                let matches: Vec<&EventSummary> = events
                    .iter()
                    .filter(|e| e.id == id || e.id.starts_with(id))
                    .collect();
                match matches.as_slice() {
                    [one] => Ok(one.id.clone()),
                    [] => Err(StoreError::NoEvent(id.into())),
                    _ => Err(StoreError::Ambiguous(format!(
                        "event id {id:?} matches {} events; give more of it",
                        matches.len()
                    ))),
                }
            }
            None => match events.as_slice() {
                [one] => Ok(one.id.clone()),
                [] => Err(StoreError::Ambiguous(
                    "there is no event yet: run `rapporteur demo` or `rapporteur import FILE`"
                        .into(),
                )),
                _ => Err(StoreError::Ambiguous(format!(
                    "there are {} events; say which with --event ID (see `rapporteur events`)",
                    events.len()
                ))),
            },
        }
    }

    /// The session meant by `SESSION`: a session id (or unique prefix), or `D.N` (day D, row N
    /// of that day, 1-based, counting every row). Returns (event id, session id).
    pub fn resolve_session(&self, given: &str, event: Option<&str>) -> Result<(String, String)> {
        if let Some((d, n)) = given.split_once('.') {
            if let (Ok(d), Ok(n)) = (d.parse::<i64>(), n.parse::<i64>()) {
                let event_id = self.resolve_event(event)?;
                let id: Option<String> = self
                    .conn()
                    .query_row(
                        "SELECT id FROM session WHERE event_id = ?1 AND day_idx = ?2 AND row_idx = ?3",
                        (&event_id, d - 1, n - 1),
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(sql("finding a session"))?;
                return id
                    .map(|s| (event_id, s))
                    .ok_or_else(|| StoreError::NoSession(format!("{given} (day {d}, row {n})")));
            }
        }
        let mut stmt = self
            .conn()
            .prepare("SELECT event_id, id FROM session WHERE id = ?1 OR id LIKE ?2 || '%'")
            .map_err(sql("finding a session"))?;
        let found: Vec<(String, String)> = stmt
            .query_map((given, given), |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql("finding a session"))?
            .collect::<std::result::Result<_, _>>()
            .map_err(sql("finding a session"))?;
        let found: Vec<(String, String)> = match event {
            Some(e) => {
                let e = self.resolve_event(Some(e))?;
                found.into_iter().filter(|(ev, _)| *ev == e).collect()
            }
            None => found,
        };
        match found.len() {
            1 => Ok(found.into_iter().next().expect("one")),
            0 => Err(StoreError::NoSession(format!(
                "{given} (give a session id from `agenda --json`, or D.N such as 2.1)"
            ))),
            n => Err(StoreError::Ambiguous(format!(
                "session {given:?} matches {n} sessions; give more of its id"
            ))),
        }
    }

    /// The agenda of an event, from the derived tables.
    pub fn agenda(&self, event_id: &str) -> Result<AgendaView> {
        let data: Option<String> = self
            .conn()
            .query_row("SELECT data FROM event WHERE id = ?1", [event_id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql("reading an event"))?;
        let data: EventData = json(
            &data.ok_or_else(|| StoreError::NoEvent(event_id.into()))?,
            "event",
        )?;
        let mut days: Vec<DayView> = {
            let mut stmt = self
                .conn()
                .prepare("SELECT id, date, label FROM day WHERE event_id = ?1 ORDER BY idx")
                .map_err(sql("reading days"))?;
            let rows = stmt
                .query_map([event_id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .map_err(sql("reading days"))?;
            let mut v = Vec::new();
            for row in rows {
                let (id, date, label) = row.map_err(sql("reading days"))?;
                let date = date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
                v.push(DayView {
                    id,
                    date,
                    label,
                    sessions: Vec::new(),
                });
            }
            v
        };
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT day_idx, data FROM session WHERE event_id = ?1 ORDER BY day_idx, row_idx",
            )
            .map_err(sql("reading sessions"))?;
        let rows = stmt
            .query_map([event_id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(sql("reading sessions"))?;
        for row in rows {
            let (d, data) = row.map_err(sql("reading sessions"))?;
            let s: SessionView = json(&data, "session")?;
            if let Some(day) = days.get_mut(d as usize) {
                day.sessions.push(s);
            }
        }
        Ok(AgendaView {
            id: event_id.into(),
            info: data.info,
            days,
        })
    }

    /// Outcomes of an event in agenda order, then board order.
    pub fn outcomes(&self, event_id: &str) -> Result<Vec<OutcomeRow>> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT o.data, s.title, s.day_idx, s.row_idx FROM outcome o
                 LEFT JOIN session s ON s.id = o.session_id
                 WHERE o.event_id = ?1 ORDER BY s.day_idx, s.row_idx, o.position, o.id",
            )
            .map_err(sql("listing outcomes"))?;
        let rows = stmt
            .query_map([event_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                ))
            })
            .map_err(sql("listing outcomes"))?;
        let mut out = Vec::new();
        for row in rows {
            let (data, title, d, n) = row.map_err(sql("listing outcomes"))?;
            let session_ref = match (d, n) {
                (Some(d), Some(n)) => format!("{}.{}", d + 1, n + 1),
                _ => "?".into(),
            };
            out.push(OutcomeRow {
                outcome: json(&data, "outcome")?,
                session_title: title.unwrap_or_default(),
                session_ref,
                carried_from: None,
            });
        }
        Ok(out)
    }

    /// Participants of an event, by entity then name.
    pub fn participants(&self, event_id: &str) -> Result<Vec<Participant>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id, name, entity, handle, role, title, position, email FROM participant WHERE event_id = ?1 ORDER BY entity, name, id")
            .map_err(sql("listing participants"))?;
        let rows = stmt
            .query_map([event_id], |r| {
                Ok(Participant {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    entity: r.get(2)?,
                    handle: r.get(3)?,
                    role: r.get(4)?,
                    title: r.get(5)?,
                    position: r.get(6)?,
                    email: r.get(7)?,
                })
            })
            .map_err(sql("listing participants"))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(sql("listing participants"))
    }

    /// A session's notes or summary as stored.
    pub fn session_text(&self, session_id: &str, summary: bool) -> Result<String> {
        let source = if summary { "summary" } else { "notes" };
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT text FROM text_block WHERE session_id = ?1 AND source = ?2 ORDER BY CAST(ref AS INTEGER)")
            .map_err(sql("reading session text"))?;
        let rows = stmt
            .query_map((session_id, source), |r| r.get::<_, String>(0))
            .map_err(sql("reading session text"))?;
        let mut text = String::new();
        for block in rows {
            text.push_str(&block.map_err(sql("reading session text"))?);
        }
        Ok(text)
    }

    /// Everything the compiler needs, as plain data.
    pub fn snapshot(&self, event_id: &str) -> Result<EventSnapshot> {
        let agenda = self.agenda(event_id)?;
        let data: EventData = json(
            &self
                .conn()
                .query_row("SELECT data FROM event WHERE id = ?1", [event_id], |r| {
                    r.get::<_, String>(0)
                })
                .map_err(sql("reading an event"))?,
            "event",
        )?;
        let mut outcomes = std::collections::HashMap::<String, Vec<OutcomeView>>::new();
        for row in self.outcomes(event_id)? {
            outcomes
                .entry(row.outcome.session_id.clone())
                .or_default()
                .push(row.outcome);
        }
        let mut days = agenda.days;
        for day in &mut days {
            for s in &mut day.sessions {
                s.notes = self.session_text(&s.id, false)?;
                s.summary = self.session_text(&s.id, true)?;
                s.outcomes = outcomes.remove(&s.id).unwrap_or_default();
            }
        }
        Ok(EventSnapshot {
            id: event_id.into(),
            info: agenda.info,
            days,
            participants: self.participants(event_id)?,
            conflicts: data.conflicts,
            carried: Vec::new(),
        })
    }
}
