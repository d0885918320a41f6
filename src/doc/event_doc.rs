//! The event document: metadata, days, agenda rows and participants of one event.
//!
//! Layout (root maps): `event` (title, group, venue as Y.Text; dates and time zone as
//! registers; co-chairs, objectives and expected outcomes as Y.Text, one item a line), `days`
//! (id → {date: register, label: Y.Text, pos}), `sessions` (id → {day, pos, start, end, title,
//! kind, removed: registers; description, methodology, moderators, rapporteurs: Y.Text}) and
//! `participants` (id → {name, entity, handle, role, title, position, email: Y.Text, removed:
//! register}). The event's `language` (a code such as `fr`) is a register in `event`, absent
//! until someone sets it.

use super::{
    any_string, child_maps, decided, is_removed, new_id, number_field, register, set_text_field,
    string_field, text_field,
};
use crate::i18n::Language;
use crate::model::{
    Agenda, AgendaRow, ClockTime, DayView, Decided, EventInfo, FieldConflict, Participant,
    SessionKind, SessionView,
};
use chrono::NaiveDate;
use yrs::{Any, Map, MapPrelim, MapRef, ReadTxn, TransactionMut, WriteTxn};

const EVENT: &str = "event";
const DAYS: &str = "days";
const SESSIONS: &str = "sessions";
const PARTICIPANTS: &str = "participants";

/// Errors from edits that name something the document does not have.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    #[error("no session {0} in this event")]
    NoSession(String),
    #[error("no day {0} in this event")]
    NoDay(String),
    #[error("no outcome {0} in this session")]
    NoOutcome(String),
    #[error("no participant {0} in this event")]
    NoParticipant(String),
    /// A field name or value that does not parse (from the window or a command line).
    #[error("{0}")]
    BadValue(String),
    /// "Keep both" on a field that has one value.
    #[error("field {field} of outcome {outcome} is not in conflict; nothing to split")]
    NotInConflict { outcome: String, field: String },
    #[error("no field {0:?} to edit")]
    NoField(String),
}

/// A field of an agenda row that can be edited.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionEdit {
    Start(Option<ClockTime>),
    End(Option<ClockTime>),
    Title(String),
    Kind(SessionKind),
    Description(String),
    Methodology(String),
    Moderators(String),
    Rapporteurs(String),
    Day(String),
    Position(f64),
    Removed(bool),
}

/// Everything the event document says, read in one pass.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventDocView {
    pub info: EventInfo,
    pub days: Vec<DayView>,
    pub participants: Vec<Participant>,
    pub conflicts: Vec<FieldConflict>,
}

fn root<T: WriteTxn>(txn: &mut T, name: &str) -> MapRef {
    txn.get_or_insert_map(name)
}

fn date_any(d: Option<NaiveDate>) -> Any {
    d.map_or(Any::Null, |d| Any::from(d.format("%Y-%m-%d").to_string()))
}

fn time_any(t: Option<ClockTime>) -> Any {
    t.map_or(Any::Null, |t| Any::from(t.to_string()))
}

fn any_date(a: &Any) -> Option<Option<NaiveDate>> {
    match a {
        Any::Null => Some(None),
        Any::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Some),
        _ => None,
    }
}

fn any_time(a: &Any) -> Option<Option<ClockTime>> {
    match a {
        Any::Null => Some(None),
        Any::String(s) => ClockTime::parse_hhmm(s).ok().map(Some),
        _ => None,
    }
}

fn any_language(a: &Any) -> Option<Language> {
    any_string(a).and_then(|s| s.parse().ok())
}

fn any_kind(a: &Any) -> Option<SessionKind> {
    any_string(a).and_then(|s| SessionKind::parse(&s))
}

/// Writes a whole imported agenda into an empty event document. Returns the new session ids in
/// agenda order.
pub fn create(txn: &mut TransactionMut, agenda: &Agenda) -> Vec<String> {
    set_info(txn, &agenda.event);
    let mut ids = Vec::new();
    for (d, day) in agenda.days.iter().enumerate() {
        let day_id = add_day(txn, day.date, &day.label, d as f64);
        for (r, row) in day.rows.iter().enumerate() {
            ids.push(add_session(txn, &day_id, r as f64, row));
        }
    }
    ids
}

/// Sets the event's metadata (each field merges or registers as its kind says).
pub fn set_info(txn: &mut TransactionMut, info: &EventInfo) {
    let ev = root(txn, EVENT);
    set_text_field(txn, &ev, "title", &info.title);
    set_text_field(txn, &ev, "group", &info.group);
    set_text_field(txn, &ev, "venue", &info.venue);
    set_text_field(txn, &ev, "co_chairs", &info.co_chairs.join("\n"));
    set_text_field(txn, &ev, "objectives", &info.objectives.join("\n"));
    set_text_field(
        txn,
        &ev,
        "expected_outcomes",
        &info.expected_outcomes.join("\n"),
    );
    register::write(txn, &ev, "start_date", date_any(info.start_date));
    register::write(txn, &ev, "end_date", date_any(info.end_date));
    register::write(txn, &ev, "time_zone", Any::from(info.time_zone.clone()));
}

/// Sets the language the event works in and its draft is written in (a register, so two
/// people choosing different languages at once is a conflict the draft shows, not a silent
/// pick).
pub fn set_language(txn: &mut TransactionMut, language: Language) {
    let ev = root(txn, EVENT);
    register::write(txn, &ev, "language", Any::from(language.code()));
}

/// Replaces the event's title (a Y.Text, merged character-wise like the other text fields).
pub fn set_title(txn: &mut TransactionMut, title: &str) {
    let ev = root(txn, EVENT);
    set_text_field(txn, &ev, "title", title);
}

/// Adds a day; returns its id.
pub fn add_day(
    txn: &mut TransactionMut,
    date: Option<NaiveDate>,
    label: &str,
    position: f64,
) -> String {
    let days = root(txn, DAYS);
    let id = new_id();
    let day = days.insert(txn, id.clone(), MapPrelim::default());
    set_text_field(txn, &day, "label", label);
    day.insert(txn, "pos", position);
    register::write(txn, &day, "date", date_any(date));
    id
}

/// Adds an agenda row to a day; returns the session id (which is also its document id).
pub fn add_session(
    txn: &mut TransactionMut,
    day_id: &str,
    position: f64,
    row: &AgendaRow,
) -> String {
    let sessions = root(txn, SESSIONS);
    let id = new_id();
    let s = sessions.insert(txn, id.clone(), MapPrelim::default());
    s.insert(txn, "day", day_id);
    s.insert(txn, "pos", position);
    register::write(txn, &s, "start", time_any(row.start));
    register::write(txn, &s, "end", time_any(row.end));
    register::write(txn, &s, "title", Any::from(row.title.clone()));
    register::write(txn, &s, "kind", Any::from(row.kind.as_str()));
    for (k, v) in [
        ("description", &row.description),
        ("methodology", &row.methodology),
        ("moderators", &row.moderators),
        ("rapporteurs", &row.rapporteurs),
    ] {
        set_text_field(txn, &s, k, v);
    }
    id
}

/// Edits one field of an agenda row.
pub fn edit_session(
    txn: &mut TransactionMut,
    session_id: &str,
    edit: &SessionEdit,
) -> Result<(), EditError> {
    let sessions = root(txn, SESSIONS);
    let Some(yrs::Out::YMap(s)) = sessions.get(txn, session_id) else {
        return Err(EditError::NoSession(session_id.to_string()));
    };
    match edit {
        SessionEdit::Start(t) => register::write(txn, &s, "start", time_any(*t)),
        SessionEdit::End(t) => register::write(txn, &s, "end", time_any(*t)),
        SessionEdit::Title(t) => register::write(txn, &s, "title", Any::from(t.clone())),
        SessionEdit::Kind(k) => register::write(txn, &s, "kind", Any::from(k.as_str())),
        SessionEdit::Removed(b) => register::write(txn, &s, "removed", Any::from(*b)),
        SessionEdit::Description(v) => set_text_field(txn, &s, "description", v),
        SessionEdit::Methodology(v) => set_text_field(txn, &s, "methodology", v),
        SessionEdit::Moderators(v) => set_text_field(txn, &s, "moderators", v),
        SessionEdit::Rapporteurs(v) => set_text_field(txn, &s, "rapporteurs", v),
        SessionEdit::Position(p) => {
            s.insert(txn, "pos", *p);
        }
        SessionEdit::Day(d) => {
            let days = root(txn, DAYS);
            if days.get(txn, d).is_none() {
                return Err(EditError::NoDay(d.clone()));
            }
            s.insert(txn, "day", d.as_str());
        }
    }
    Ok(())
}

/// Adds a participant; returns its id.
pub fn add_participant(txn: &mut TransactionMut, p: &Participant) -> String {
    let people = root(txn, PARTICIPANTS);
    let id = new_id();
    let m = people.insert(txn, id.clone(), MapPrelim::default());
    for (k, v) in [
        ("name", &p.name),
        ("entity", &p.entity),
        ("handle", &p.handle),
        ("role", &p.role),
        ("title", &p.title),
        ("position", &p.position),
        ("email", &p.email),
    ] {
        set_text_field(txn, &m, k, v);
    }
    id
}

/// Marks a participant removed (kept in the log; hidden from lists).
pub fn remove_participant(txn: &mut TransactionMut, id: &str) -> Result<(), EditError> {
    let people = root(txn, PARTICIPANTS);
    let Some(yrs::Out::YMap(m)) = people.get(txn, id) else {
        return Err(EditError::NoParticipant(id.to_string()));
    };
    register::write(txn, &m, "removed", Any::from(true));
    Ok(())
}

/// A text field of a participant that can be edited.
pub const PARTICIPANT_FIELDS: [&str; 7] = [
    "name", "entity", "handle", "role", "title", "position", "email",
];

/// Sets one text field (one of [`PARTICIPANT_FIELDS`]) of a participant.
pub fn edit_participant(
    txn: &mut TransactionMut,
    id: &str,
    field: &str,
    value: &str,
) -> Result<(), EditError> {
    let people = root(txn, PARTICIPANTS);
    let Some(yrs::Out::YMap(m)) = people.get(txn, id) else {
        return Err(EditError::NoParticipant(id.to_string()));
    };
    if is_removed(txn, &m) {
        return Err(EditError::NoParticipant(id.to_string()));
    }
    let Some(field) = PARTICIPANT_FIELDS.iter().find(|f| **f == field) else {
        return Err(EditError::NoField(field.to_string()));
    };
    set_text_field(txn, &m, field, value);
    Ok(())
}

fn lines(s: String) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn conflict_of<V: ToString>(
    d: &Decided<V>,
    object: &str,
    id: &str,
    field: &str,
) -> Option<FieldConflict> {
    d.is_conflict().then(|| FieldConflict {
        object: object.into(),
        object_id: id.into(),
        field: field.into(),
        values: d.values.iter().map(ToString::to_string).collect(),
    })
}

fn show_date(d: &Option<NaiveDate>) -> String {
    d.map_or_else(|| "(none)".into(), |d| d.to_string())
}

/// Reads the whole event document. Sessions come grouped by day in agenda order (by position,
/// then id); a session whose day is unknown goes into a final day with the label "Unscheduled".
pub fn read<T: ReadTxn>(txn: &T) -> EventDocView {
    let mut view = EventDocView::default();
    if let Some(ev) = txn.get_map(EVENT) {
        let start = decided(txn, &ev, "start_date", any_date);
        let end = decided(txn, &ev, "end_date", any_date);
        let tz = decided(txn, &ev, "time_zone", any_string);
        let language = decided(txn, &ev, "language", any_language);
        view.conflicts
            .extend(conflict_of(&language, "event", "", "language"));
        for (d, f) in [(&start, "start_date"), (&end, "end_date")] {
            let shown = Decided {
                values: d.values.iter().map(show_date).collect(),
            };
            view.conflicts.extend(conflict_of(&shown, "event", "", f));
        }
        view.conflicts
            .extend(conflict_of(&tz, "event", "", "time_zone"));
        view.info = EventInfo {
            title: text_field(txn, &ev, "title"),
            group: text_field(txn, &ev, "group"),
            venue: text_field(txn, &ev, "venue"),
            start_date: start.first().copied().flatten(),
            end_date: end.first().copied().flatten(),
            time_zone: tz.first().cloned().unwrap_or_default(),
            co_chairs: lines(text_field(txn, &ev, "co_chairs")),
            objectives: lines(text_field(txn, &ev, "objectives")),
            expected_outcomes: lines(text_field(txn, &ev, "expected_outcomes")),
            language: language.first().copied().unwrap_or_default(),
        };
    }
    let mut days: Vec<(f64, DayView)> = Vec::new();
    if let Some(root) = txn.get_map(DAYS) {
        for (id, m) in child_maps(txn, &root) {
            let date = decided(txn, &m, "date", any_date);
            let shown = Decided {
                values: date.values.iter().map(show_date).collect(),
            };
            view.conflicts
                .extend(conflict_of(&shown, "day", &id, "date"));
            let day = DayView {
                id,
                date: date.first().copied().flatten(),
                label: text_field(txn, &m, "label"),
                sessions: Vec::new(),
            };
            days.push((number_field(txn, &m, "pos").unwrap_or(0.0), day));
        }
    }
    days.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let mut days: Vec<DayView> = days.into_iter().map(|(_, d)| d).collect();
    let mut unscheduled = Vec::new();
    if let Some(root) = txn.get_map(SESSIONS) {
        let mut rows: Vec<(f64, String, SessionView)> = Vec::new();
        for (id, m) in child_maps(txn, &root) {
            if is_removed(txn, &m) {
                continue;
            }
            let s = SessionView {
                id: id.clone(),
                start: decided(txn, &m, "start", any_time),
                end: decided(txn, &m, "end", any_time),
                title: decided(txn, &m, "title", any_string),
                description: text_field(txn, &m, "description"),
                methodology: text_field(txn, &m, "methodology"),
                moderators: text_field(txn, &m, "moderators"),
                rapporteurs: text_field(txn, &m, "rapporteurs"),
                kind: decided(txn, &m, "kind", any_kind),
                ..SessionView::default()
            };
            rows.push((
                number_field(txn, &m, "pos").unwrap_or(0.0),
                string_field(txn, &m, "day"),
                s,
            ));
        }
        rows.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.2.id.cmp(&b.2.id)));
        for (_, day_id, s) in rows {
            match days.iter_mut().find(|d| d.id == day_id) {
                Some(d) => d.sessions.push(s),
                None => unscheduled.push(s),
            }
        }
    }
    if !unscheduled.is_empty() {
        days.push(DayView {
            id: String::new(),
            date: None,
            label: "Unscheduled".into(),
            sessions: unscheduled,
        });
    }
    view.days = days;
    if let Some(root) = txn.get_map(PARTICIPANTS) {
        for (id, m) in child_maps(txn, &root) {
            if is_removed(txn, &m) {
                continue;
            }
            view.participants.push(Participant {
                id,
                name: text_field(txn, &m, "name"),
                entity: text_field(txn, &m, "entity"),
                handle: text_field(txn, &m, "handle"),
                role: text_field(txn, &m, "role"),
                title: text_field(txn, &m, "title"),
                position: text_field(txn, &m, "position"),
                email: text_field(txn, &m, "email"),
            });
        }
        view.participants.sort_by(|a, b| {
            a.entity
                .cmp(&b.entity)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
    }
    view
}
