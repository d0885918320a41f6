//! What the outcome board does to outcomes beyond editing one field: parse a field edit given
//! as text (the window and the CLI name fields), fold duplicates into one outcome, and split a
//! conflict into one outcome per value ("keep both").
//!
//! Nothing is deleted: a merged outcome is marked removed (a register, so a concurrent
//! "un-remove" stays visible) and keeps a plain `merged_into` pointer to the survivor; a split
//! copy keeps `split_from`. The update log keeps every earlier state.

use super::event_doc::EditError;
use super::register;
use super::session_doc::{OutcomeEdit, OUTCOMES};
use super::{new_id, number_field, string_field, text_field};
use crate::model::{OutcomeKind, OutcomeStatus};
use yrs::{Any, Map, MapPrelim, MapRef, Out, ReadTxn, TextPrelim, TransactionMut, WriteTxn};

/// The decided fields of an outcome: the name the window uses and the register's key.
pub const DECIDED_FIELDS: [(&str, &str); 6] = [
    ("kind", "kind"),
    ("lead", "lead"),
    ("deadline", "deadline"),
    ("status", "status"),
    ("confidential", "confidential"),
    ("key_message", "key"),
];

impl OutcomeEdit {
    /// An edit from a field name (`kind`, `text`, `lead`, `deadline`, `status`,
    /// `confidential`, `key_message`, `position`) and its value as text (`true`/`false` for
    /// flags, a number for the position). Anything else is refused with a message naming it.
    pub fn parse(field: &str, value: &str) -> Result<OutcomeEdit, EditError> {
        let bad = |what: &str| {
            EditError::BadValue(format!("{value:?} is not a valid {what} for field {field}"))
        };
        let flag = |v: &str| match v {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(bad("true/false value")),
        };
        Ok(match field {
            "kind" => OutcomeEdit::Kind(
                OutcomeKind::parse(value)
                    .ok_or_else(|| bad("kind (recommendation, conclusion, decision, action)"))?,
            ),
            "status" => OutcomeEdit::Status(
                OutcomeStatus::parse(value)
                    .ok_or_else(|| bad("status (draft, agreed, done, dropped)"))?,
            ),
            "text" if value.trim().is_empty() => {
                return Err(EditError::BadValue(
                    "an outcome's text cannot be empty".into(),
                ))
            }
            "text" => OutcomeEdit::Text(value.trim().to_string()),
            "lead" => OutcomeEdit::Lead(value.trim().to_string()),
            "deadline" => OutcomeEdit::Deadline(value.trim().to_string()),
            "confidential" => OutcomeEdit::Confidential(flag(value)?),
            "key_message" => OutcomeEdit::KeyMessage(flag(value)?),
            "position" => OutcomeEdit::Position(
                value
                    .parse::<f64>()
                    .ok()
                    .filter(|p| p.is_finite())
                    .ok_or_else(|| bad("number"))?,
            ),
            other => {
                return Err(EditError::BadValue(format!(
                    "outcomes have no field {other:?}"
                )))
            }
        })
    }
}

fn outcome_map<T: ReadTxn>(txn: &T, id: &str) -> Result<MapRef, EditError> {
    match txn.get_map(OUTCOMES).and_then(|r| r.get(txn, id)) {
        Some(Out::YMap(m)) => Ok(m),
        _ => Err(EditError::NoOutcome(id.to_string())),
    }
}

/// The text of an outcome.
pub fn outcome_text<T: ReadTxn>(txn: &T, id: &str) -> Result<String, EditError> {
    Ok(text_field(txn, &outcome_map(txn, id)?, "text"))
}

/// Appends the texts of merged duplicates to the survivor's text, one per line, leaving out
/// a text the survivor already contains word for word.
pub fn fold_texts(
    txn: &mut TransactionMut,
    survivor: &str,
    texts: &[String],
) -> Result<(), EditError> {
    let m = outcome_map(txn, survivor)?;
    let mut text = text_field(txn, &m, "text");
    for t in texts.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if !text.contains(t) {
            text = format!("{}\n{t}", text.trim_end());
        }
    }
    super::set_text_field(txn, &m, "text", &text);
    Ok(())
}

/// Marks an outcome as merged into `survivor`: removed, with a pointer to where it went.
pub fn mark_merged(txn: &mut TransactionMut, id: &str, survivor: &str) -> Result<(), EditError> {
    let m = outcome_map(txn, id)?;
    register::write(txn, &m, "removed", Any::from(true));
    m.insert(txn, "merged_into", survivor);
    Ok(())
}

/// Where a merged outcome went (empty when it was not merged).
pub fn merged_into<T: ReadTxn>(txn: &T, id: &str) -> Result<String, EditError> {
    Ok(string_field(txn, &outcome_map(txn, id)?, "merged_into"))
}

/// "Keep both": the outcome keeps the first of the field's concurrent values, and for every
/// other value a copy of the outcome (same text, source and other fields, conflicts included)
/// is added right after it holding that value. Returns the ids of the copies. A field with
/// one value is refused.
pub fn split_conflict(
    txn: &mut TransactionMut,
    id: &str,
    field: &str,
    created: &str,
) -> Result<Vec<String>, EditError> {
    let reg_key = DECIDED_FIELDS
        .iter()
        .find(|(name, _)| *name == field)
        .map(|(_, key)| *key)
        .ok_or_else(|| {
            EditError::BadValue(format!("{field:?} is not a decided field of an outcome"))
        })?;
    let m = outcome_map(txn, id)?;
    let values: Vec<Any> = register::current(txn, &m, reg_key)
        .into_iter()
        .map(|e| e.value)
        .collect();
    if values.len() < 2 {
        return Err(EditError::NotInConflict {
            outcome: id.to_string(),
            field: field.to_string(),
        });
    }
    let others: Vec<(&str, Vec<Any>)> = DECIDED_FIELDS
        .iter()
        .filter(|(_, key)| *key != reg_key)
        .map(|(_, key)| {
            let vals = register::current(txn, &m, key).into_iter().map(|e| e.value);
            (*key, vals.collect())
        })
        .collect();
    let text = text_field(txn, &m, "text");
    let source = string_field(txn, &m, "source");
    let pos = number_field(txn, &m, "pos").unwrap_or(0.0);
    let next = next_position(txn, pos);
    register::write(txn, &m, reg_key, values[0].clone());
    let root = txn.get_or_insert_map(OUTCOMES);
    let mut ids = Vec::new();
    for (i, v) in values.iter().enumerate().skip(1) {
        let copy_id = new_id();
        let c = root.insert(txn, copy_id.clone(), MapPrelim::default());
        c.insert(txn, "text", TextPrelim::new(text.as_str()));
        let step = (next - pos) * i as f64 / values.len() as f64;
        c.insert(txn, "pos", pos + step);
        c.insert(txn, "source", source.as_str());
        c.insert(txn, "created", created);
        c.insert(txn, "split_from", id);
        register::write(txn, &c, reg_key, v.clone());
        for (key, vals) in &others {
            register::write_concurrent(txn, &c, key, vals);
        }
        ids.push(copy_id);
    }
    Ok(ids)
}

/// The next board position after `pos` in this session (or `pos + 1` at the end).
fn next_position<T: ReadTxn>(txn: &T, pos: f64) -> f64 {
    let Some(root) = txn.get_map(OUTCOMES) else {
        return pos + 1.0;
    };
    root.iter(txn)
        .filter_map(|(_, out)| match out {
            Out::YMap(m) => number_field(txn, &m, "pos"),
            _ => None,
        })
        .filter(|p| *p > pos)
        .fold(pos + 1.0, f64::min)
}
