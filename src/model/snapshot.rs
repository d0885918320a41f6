//! [`EventSnapshot`]: everything the draft compiler needs, read once from the store as plain
//! data. The compiler never touches the database, so it can be tested from fixtures alone.

use super::{ClockTime, Decided, EventInfo, OutcomeKind, OutcomeStatus, Participant, SessionKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An event as it stands, ready to compile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventSnapshot {
    pub id: String,
    pub info: EventInfo,
    pub days: Vec<DayView>,
    pub participants: Vec<Participant>,
    /// Decided fields of the event itself (dates, time zone) that hold concurrent values;
    /// `info` carries the first of them.
    pub conflicts: Vec<FieldConflict>,
    /// The action points of the previous meeting of the series that this one follows up: the
    /// same items, with their status as it stands (see `crate::review::series`).
    #[serde(default)]
    pub carried: Vec<CarriedOutcome>,
}

/// An action point carried over from an earlier meeting of the series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarriedOutcome {
    pub outcome: OutcomeView,
    /// The earlier meeting's id and title.
    pub from_event: String,
    pub from_title: String,
}

/// One day with its sessions in agenda order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DayView {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub label: String,
    pub sessions: Vec<SessionView>,
}

/// A session (or logistics row) with its notes, summary and outcomes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: String,
    pub start: Decided<Option<ClockTime>>,
    pub end: Decided<Option<ClockTime>>,
    pub title: Decided<String>,
    pub description: String,
    pub methodology: String,
    pub moderators: String,
    pub rapporteurs: String,
    pub kind: Decided<SessionKind>,
    /// Raw notes typed in the room (Markdown).
    pub notes: String,
    /// The rapporteur's summary that goes into the draft (Markdown).
    pub summary: String,
    /// Outcomes in board order; removed ones are not here.
    pub outcomes: Vec<OutcomeView>,
}

/// An outcome with every decided field as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeView {
    pub id: String,
    pub session_id: String,
    pub kind: Decided<OutcomeKind>,
    pub text: String,
    /// Lead entity ("IOM"); empty values mean unset.
    pub lead: Decided<String>,
    /// Deadline as written: an ISO date or words such as "April 2018".
    pub deadline: Decided<String>,
    pub status: Decided<OutcomeStatus>,
    pub confidential: Decided<bool>,
    pub key_message: Decided<bool>,
    /// Position on the board (lower first).
    pub position: f64,
    /// Where it was captured: free form (`cli`, `desktop`) or an anchor into the notes
    /// (`notes@<base64 Yjs relative position>`, written by the window).
    #[serde(default)]
    pub source: String,
}

/// A decided field with more than one current value, named for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldConflict {
    /// "event", "session" or "outcome".
    pub object: String,
    pub object_id: String,
    pub field: String,
    /// The concurrent values, rendered as text.
    pub values: Vec<String>,
}

impl EventSnapshot {
    /// Every session in agenda order across days.
    pub fn sessions(&self) -> impl Iterator<Item = &SessionView> {
        self.days.iter().flat_map(|d| d.sessions.iter())
    }
}
