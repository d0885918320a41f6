//! A session document: the notes typed in the room, the rapporteur's summary, and the outcomes
//! captured from them.
//!
//! **Contract**: root Y.Text `notes` and Y.Text `summary` (a plain Yjs client edits these).
//! Outcomes live in the root map `outcomes` (id → {text: Y.Text; kind, lead, deadline, status,
//! confidential, key, removed: registers; pos, created, source, merged_into, split_from: plain
//! values}). Merging and splitting outcomes is in [`super::outcome_board`].

use super::event_doc::EditError;
use super::{
    any_bool, any_string, child_maps, decided, is_removed, new_id, number_field, register,
    replace_text, string_field, text_field,
};
use crate::model::{Decided, OutcomeKind, OutcomeStatus, OutcomeView};
use yrs::{Any, GetString, Map, MapPrelim, ReadTxn, Text, TextPrelim, TransactionMut, WriteTxn};

pub const NOTES: &str = "notes";
pub const SUMMARY: &str = "summary";
pub(crate) const OUTCOMES: &str = "outcomes";

/// Which of the two texts of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Notes,
    Summary,
}

impl TextKind {
    pub fn root_name(self) -> &'static str {
        match self {
            TextKind::Notes => NOTES,
            TextKind::Summary => SUMMARY,
        }
    }
}

/// An outcome to capture, as a user gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeInput {
    pub kind: OutcomeKind,
    pub text: String,
    pub lead: String,
    pub deadline: String,
    pub status: OutcomeStatus,
    pub confidential: bool,
    pub key_message: bool,
    /// Where it came from (e.g. "notes:12" for a line of the notes); free form.
    pub source: String,
}

impl OutcomeInput {
    /// A draft outcome with nothing but its kind and text.
    pub fn new(kind: OutcomeKind, text: &str) -> Self {
        OutcomeInput {
            kind,
            text: text.into(),
            lead: String::new(),
            deadline: String::new(),
            status: OutcomeStatus::Draft,
            confidential: false,
            key_message: false,
            source: String::new(),
        }
    }
}

/// A field of an outcome that can be edited.
#[derive(Debug, Clone, PartialEq)]
pub enum OutcomeEdit {
    Kind(OutcomeKind),
    Text(String),
    Lead(String),
    Deadline(String),
    Status(OutcomeStatus),
    Confidential(bool),
    KeyMessage(bool),
    Position(f64),
    Removed(bool),
}

/// Appends `paragraph` to the notes or summary as a new Markdown paragraph.
pub fn append_paragraph(txn: &mut TransactionMut, which: TextKind, paragraph: &str) {
    let text = txn.get_or_insert_text(which.root_name());
    let current = text.get_string(txn);
    let sep = if current.is_empty() || current.ends_with("\n\n") {
        ""
    } else if current.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    let len = text.len(txn);
    text.insert(txn, len, &format!("{sep}{}", paragraph.trim_end()));
}

/// Replaces the whole notes or summary with the smallest edit.
pub fn set_text(txn: &mut TransactionMut, which: TextKind, value: &str) {
    let text = txn.get_or_insert_text(which.root_name());
    replace_text(txn, &text, value);
}

/// The notes or summary as they stand.
pub fn text<T: ReadTxn>(txn: &T, which: TextKind) -> String {
    txn.get_text(which.root_name())
        .map(|t| t.get_string(txn))
        .unwrap_or_default()
}

/// Adds an outcome at board `position`; returns its id.
pub fn add_outcome(
    txn: &mut TransactionMut,
    o: &OutcomeInput,
    position: f64,
    created: &str,
) -> String {
    let root = txn.get_or_insert_map(OUTCOMES);
    let id = new_id();
    let m = root.insert(txn, id.clone(), MapPrelim::default());
    m.insert(txn, "text", TextPrelim::new(o.text.as_str()));
    m.insert(txn, "pos", position);
    m.insert(txn, "source", o.source.as_str());
    m.insert(txn, "created", created);
    register::write(txn, &m, "kind", Any::from(o.kind.as_str()));
    register::write(txn, &m, "lead", Any::from(o.lead.as_str()));
    register::write(txn, &m, "deadline", Any::from(o.deadline.as_str()));
    register::write(txn, &m, "status", Any::from(o.status.as_str()));
    register::write(txn, &m, "confidential", Any::from(o.confidential));
    register::write(txn, &m, "key", Any::from(o.key_message));
    id
}

/// Edits one field of an outcome. A decided field's write supersedes every value the writer
/// sees, so writing after a conflict resolves it.
pub fn edit_outcome(
    txn: &mut TransactionMut,
    outcome_id: &str,
    edit: &OutcomeEdit,
) -> Result<(), EditError> {
    let root = txn.get_or_insert_map(OUTCOMES);
    let Some(yrs::Out::YMap(m)) = root.get(txn, outcome_id) else {
        return Err(EditError::NoOutcome(outcome_id.to_string()));
    };
    match edit {
        OutcomeEdit::Kind(k) => register::write(txn, &m, "kind", Any::from(k.as_str())),
        OutcomeEdit::Lead(v) => register::write(txn, &m, "lead", Any::from(v.as_str())),
        OutcomeEdit::Deadline(v) => register::write(txn, &m, "deadline", Any::from(v.as_str())),
        OutcomeEdit::Status(s) => register::write(txn, &m, "status", Any::from(s.as_str())),
        OutcomeEdit::Confidential(b) => register::write(txn, &m, "confidential", Any::from(*b)),
        OutcomeEdit::KeyMessage(b) => register::write(txn, &m, "key", Any::from(*b)),
        OutcomeEdit::Removed(b) => register::write(txn, &m, "removed", Any::from(*b)),
        OutcomeEdit::Position(p) => {
            m.insert(txn, "pos", *p);
        }
        OutcomeEdit::Text(t) => super::set_text_field(txn, &m, "text", t),
    }
    Ok(())
}

/// The session's outcomes in board order (position, then id), removed ones left out.
pub fn outcomes<T: ReadTxn>(txn: &T, session_id: &str) -> Vec<OutcomeView> {
    let Some(root) = txn.get_map(OUTCOMES) else {
        return Vec::new();
    };
    let mut out: Vec<OutcomeView> = child_maps(txn, &root)
        .into_iter()
        .filter(|(_, m)| !is_removed(txn, m))
        .map(|(id, m)| OutcomeView {
            id,
            session_id: session_id.to_string(),
            kind: decided(txn, &m, "kind", |a| {
                any_string(a).and_then(|s| OutcomeKind::parse(&s))
            }),
            text: text_field(txn, &m, "text"),
            lead: non_empty(decided(txn, &m, "lead", any_string)),
            deadline: non_empty(decided(txn, &m, "deadline", any_string)),
            status: decided(txn, &m, "status", |a| {
                any_string(a).and_then(|s| OutcomeStatus::parse(&s))
            }),
            confidential: decided(txn, &m, "confidential", any_bool),
            key_message: decided(txn, &m, "key", any_bool),
            position: number_field(txn, &m, "pos").unwrap_or(0.0),
            source: string_field(txn, &m, "source"),
        })
        .collect();
    out.sort_by(|a, b| {
        a.position
            .total_cmp(&b.position)
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// An unset lead or deadline is stored as an empty string; a lone empty value means unset, but
/// an empty value in a conflict is kept so the conflict stays visible.
fn non_empty(d: Decided<String>) -> Decided<String> {
    if d.values.len() == 1 && d.values[0].is_empty() {
        Decided::default()
    } else {
        d
    }
}
