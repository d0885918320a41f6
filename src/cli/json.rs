//! The `--json` shapes of the CLI contract. The contract fields carry the first value of a
//! decided field; a field with concurrent values is also listed under `conflicts` with all of
//! them, so a script can see it was not resolved.

use crate::model::{Decided, SessionView};
use crate::store::{AgendaView, OutcomeRow};
use serde_json::{json, Map, Value};

fn conflicts(fields: &[(&str, Vec<String>)]) -> Option<Value> {
    let m: Map<String, Value> = fields
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect();
    (!m.is_empty()).then_some(Value::Object(m))
}

fn all<T: ToString>(d: &Decided<T>) -> Vec<String> {
    d.values.iter().map(ToString::to_string).collect()
}

fn times(d: &Decided<Option<crate::model::ClockTime>>) -> Vec<String> {
    d.values
        .iter()
        .map(|t| t.map(|t| t.to_string()).unwrap_or_default())
        .collect()
}

fn session(s: &SessionView) -> Value {
    let mut v = json!({
        "id": s.id,
        "start": s.start.first().copied().flatten().map(|t| t.to_string()),
        "end": s.end.first().copied().flatten().map(|t| t.to_string()),
        "title": s.title.first().cloned().unwrap_or_default(),
        "description": s.description,
        "methodology": s.methodology,
        "moderators": s.moderators,
        "rapporteurs": s.rapporteurs,
        "kind": s.kind.first().copied().unwrap_or_default().as_str(),
    });
    let kinds: Vec<String> = s
        .kind
        .values
        .iter()
        .map(|k| k.as_str().to_string())
        .collect();
    if let Some(c) = conflicts(&[
        ("start", times(&s.start)),
        ("end", times(&s.end)),
        ("title", all(&s.title)),
        ("kind", kinds),
    ]) {
        v["conflicts"] = c;
    }
    v
}

/// `agenda --json`.
pub fn agenda(a: &AgendaView) -> Value {
    json!({
        "event": {
            "id": a.id,
            "title": a.info.title,
            "venue": a.info.venue,
            "start_date": a.info.start_date,
            "end_date": a.info.end_date,
            "language": a.info.language.code(),
        },
        "days": a.days.iter().map(|d| json!({
            "date": d.date,
            "label": d.label,
            "sessions": d.sessions.iter().map(session).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// One element of `outcomes --json`.
pub fn outcome(r: &OutcomeRow) -> Value {
    let o = &r.outcome;
    let mut v = json!({
        "id": o.id,
        "session_id": o.session_id,
        "session": r.session_ref,
        "session_title": r.session_title,
        "kind": o.kind.first().map(|k| k.as_str()),
        "text": o.text,
        "lead": o.lead.first(),
        "deadline": o.deadline.first(),
        "status": o.status.first().map(|s| s.as_str()),
        "confidential": o.confidential.first(),
        "key_message": o.key_message.first(),
    });
    let kinds = o
        .kind
        .values
        .iter()
        .map(|k| k.as_str().to_string())
        .collect();
    let statuses = o
        .status
        .values
        .iter()
        .map(|k| k.as_str().to_string())
        .collect();
    if let Some(c) = &r.carried_from {
        v["carried_from"] = json!({"event": c.event, "title": c.title});
    }
    if let Some(c) = conflicts(&[
        ("kind", kinds),
        ("lead", all(&o.lead)),
        ("deadline", all(&o.deadline)),
        ("status", statuses),
        ("confidential", all(&o.confidential)),
        ("key_message", all(&o.key_message)),
    ]) {
        v["conflicts"] = c;
    }
    v
}
