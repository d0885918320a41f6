//! Plain domain types of a meeting and their invariants.
//!
//! Everything here is data: no database, no CRDT, no I/O. The agenda importers produce an
//! [`Agenda`], the document layer (`doc`) maps these types onto CRDT documents, the store reads
//! them back as an [`EventSnapshot`], and the compiler turns a snapshot into the draft
//! conclusions. Keeping them plain lets every layer be tested without the others.

mod snapshot;
mod time;

pub use snapshot::{
    CarriedOutcome, DayView, EventSnapshot, FieldConflict, OutcomeView, SessionView,
};
pub use time::{ClockTime, TimeError};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What an event is about: the masthead and introduction of the draft come from here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventInfo {
    pub title: String,
    /// The organising group, e.g. "Global Migration Group (GMG)".
    pub group: String,
    pub venue: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// IANA time zone name such as "America/New_York"; empty when unknown.
    pub time_zone: String,
    /// Entities or people co-chairing, as written ("FAO", "IOM").
    pub co_chairs: Vec<String>,
    pub objectives: Vec<String>,
    pub expected_outcomes: Vec<String>,
    /// The language the meeting works in and its draft is written in (`event set
    /// --language`); English when never set. Stored in the event document, so it syncs.
    #[serde(default)]
    pub language: crate::i18n::Language,
}

/// Whether an agenda row is substance or housekeeping (registration, breaks, meals).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionKind {
    #[default]
    Working,
    Logistics,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Working => "working",
            SessionKind::Logistics => "logistics",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "working" => Some(SessionKind::Working),
            "logistics" => Some(SessionKind::Logistics),
            _ => None,
        }
    }
}

/// One row of an agenda as imported: a working session or a logistics row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaRow {
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
    pub title: String,
    pub description: String,
    pub methodology: String,
    pub moderators: String,
    pub rapporteurs: String,
    pub kind: SessionKind,
}

/// One day of an agenda.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaDay {
    /// `None` where the agenda names no date for the day.
    pub date: Option<NaiveDate>,
    /// The day heading as written ("DAY 1 – Monday 12 February").
    pub label: String,
    pub rows: Vec<AgendaRow>,
}

/// What an importer could not read for certain, and what it did about it: a line skipped, a
/// time read one way of two, a row kept without a title. It names the source's line where
/// known, and the row it concerns (indexes into [`Agenda::days`] and that day's rows) so a
/// preview can show it next to that row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportWarning {
    /// 1-based line of the source (for ICS, of the unfolded content line's first line).
    pub line: Option<usize>,
    pub day: Option<usize>,
    pub row: Option<usize>,
    pub message: String,
}

/// What an importer returns: event facts stated by the source plus its days and rows, and the
/// warnings about what it read (empty when everything was certain).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    pub event: EventInfo,
    pub days: Vec<AgendaDay>,
    #[serde(default)]
    pub warnings: Vec<ImportWarning>,
}

impl Agenda {
    pub fn row_count(&self) -> usize {
        self.days.iter().map(|d| d.rows.len()).sum()
    }
    pub fn working_count(&self) -> usize {
        self.days
            .iter()
            .flat_map(|d| &d.rows)
            .filter(|r| r.kind == SessionKind::Working)
            .count()
    }
}

/// The kind of an outcome captured during a session. Its names (`as_str`) are the values of
/// the CLI's `--kind`, of `--json` output and of the window's commands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum OutcomeKind {
    Recommendation,
    Conclusion,
    Decision,
    Action,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 4] = [
        OutcomeKind::Recommendation,
        OutcomeKind::Conclusion,
        OutcomeKind::Decision,
        OutcomeKind::Action,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Recommendation => "recommendation",
            OutcomeKind::Conclusion => "conclusion",
            OutcomeKind::Decision => "decision",
            OutcomeKind::Action => "action",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim().to_ascii_lowercase())
    }
}

/// Where an outcome stands. Its names (`as_str`) are the values of the CLI's `--status`, of
/// `--json` output and of the window's commands.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum OutcomeStatus {
    #[default]
    Draft,
    Agreed,
    Done,
    /// An action point given up without being done: closed, like `Done`, but not done.
    Dropped,
}

impl OutcomeStatus {
    pub const ALL: [OutcomeStatus; 4] = [
        OutcomeStatus::Draft,
        OutcomeStatus::Agreed,
        OutcomeStatus::Done,
        OutcomeStatus::Dropped,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeStatus::Draft => "draft",
            OutcomeStatus::Agreed => "agreed",
            OutcomeStatus::Done => "done",
            OutcomeStatus::Dropped => "dropped",
        }
    }
    /// Still to be done: neither done nor dropped (what carries into the next meeting).
    pub fn is_open(self) -> bool {
        !matches!(self, OutcomeStatus::Done | OutcomeStatus::Dropped)
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim().to_ascii_lowercase())
    }
}

/// A person or an entity that speaks; `@handle` tags them in notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: String,
    pub name: String,
    pub entity: String,
    pub handle: String,
    pub role: String,
    /// Honorifics ("Ms.", "H.E. Mr."), kept apart from the name.
    #[serde(default)]
    pub title: String,
    /// The job title as a list of participants gives it.
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub email: String,
}

impl Participant {
    /// A new participant from what a person typed (the CLI's flags, the window's form): every
    /// field trimmed, a leading `@` dropped from the handle (left empty when none is given: the
    /// store then gives a free one made from the name). A participant needs a name.
    pub fn from_input(name: &str, entity: &str, handle: &str, role: &str) -> Result<Self, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("a participant needs a name".into());
        }
        Ok(Participant {
            id: String::new(),
            name: name.to_string(),
            entity: entity.trim().to_string(),
            handle: handle.trim().trim_start_matches('@').trim().to_string(),
            role: role.trim().to_string(),
            ..Participant::default()
        })
    }
}

/// A decided field as it stands: one value, or several concurrent values nobody has chosen
/// between yet. Never resolved silently: `values.len() > 1` is a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided<T> {
    /// Current values, in a deterministic order (by the id of the write that made them).
    pub values: Vec<T>,
}

impl<T> Default for Decided<T> {
    fn default() -> Self {
        Decided { values: Vec::new() }
    }
}

impl<T> Decided<T> {
    pub fn single(v: T) -> Self {
        Decided { values: vec![v] }
    }
    pub fn is_conflict(&self) -> bool {
        self.values.len() > 1
    }
    /// The value when there is exactly one.
    pub fn get(&self) -> Option<&T> {
        match self.values.as_slice() {
            [v] => Some(v),
            _ => None,
        }
    }
    /// The first value in deterministic order; callers that show data must check
    /// [`Decided::is_conflict`] first.
    pub fn first(&self) -> Option<&T> {
        self.values.first()
    }
}

/// The `@handle` a participant gets when none is given: the name's letters and digits with
/// each word capitalised ("Maria López" → "MariaLópez"; "FAO" → "FAO").
pub fn default_handle(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_participant_from_a_form_or_the_command_line_is_normalised_once() {
        let p = Participant::from_input("  Amy Pope ", " IOM", " @amy ", " Co-chair ").unwrap();
        assert_eq!(
            (
                p.name.as_str(),
                p.entity.as_str(),
                p.handle.as_str(),
                p.role.as_str()
            ),
            ("Amy Pope", "IOM", "amy", "Co-chair")
        );
        // No handle given: left empty, and the store gives a free one when it adds the person.
        let p = Participant::from_input("María López", "FAO", "", "").unwrap();
        assert_eq!(p.handle, "");
        assert!(Participant::from_input("  ", "FAO", "x", "").is_err());
    }
}
