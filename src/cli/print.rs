//! Human-readable output of the CLI. A decided field with concurrent values prints as
//! bracketed alternatives `[A] [B]`, never as one of them.

use crate::model::{Agenda, ClockTime, Decided, Participant, SessionKind};
use crate::participants::{ImportPlan, PlannedAction};
use crate::store::{AgendaView, EventSummary, OutcomeRow, SearchHit};
use std::io::{Result, Write};

pub fn line(out: &mut impl Write, s: &str) -> Result<()> {
    writeln!(out, "{s}")
}

pub fn text(out: &mut impl Write, s: &str) -> Result<()> {
    if s.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", s.trim_end_matches('\n'))
}

/// `--json` output of `value`, or the human-readable form `text` writes.
pub fn either<W: Write>(
    out: &mut W,
    json_wanted: bool,
    value: &impl serde::Serialize,
    text: impl FnOnce(&mut W) -> Result<()>,
) -> Result<()> {
    if json_wanted {
        json(out, value)
    } else {
        text(out)
    }
}

pub fn json(out: &mut impl Write, v: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, v)?;
    writeln!(out)
}

/// One value, or the alternatives in brackets.
pub fn shown<T>(d: &Decided<T>, f: impl Fn(&T) -> String) -> String {
    match d.values.as_slice() {
        [] => String::new(),
        [one] => f(one),
        many => many
            .iter()
            .map(|v| format!("[{}]", f(v)))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn time(t: &Option<ClockTime>) -> String {
    t.map_or_else(|| "--:--".into(), |t| t.to_string())
}

pub fn import_summary(out: &mut impl Write, a: &Agenda) -> Result<()> {
    let logistics = a.row_count() - a.working_count();
    writeln!(
        out,
        "{}: {} days, {} agenda rows ({} working sessions, {} logistics)",
        a.event.title,
        a.days.len(),
        a.row_count(),
        a.working_count(),
        logistics
    )
}

/// The importer's warnings, one a line: `warning: FILE, line N: message`.
pub fn import_warnings(err: &mut impl Write, file: &str, a: &Agenda) -> Result<()> {
    for w in &a.warnings {
        match w.line {
            Some(n) => writeln!(err, "warning: {file}, line {n}: {}", w.message)?,
            None => writeln!(err, "warning: {file}: {}", w.message)?,
        }
    }
    Ok(())
}

pub fn events(out: &mut impl Write, events: &[EventSummary]) -> Result<()> {
    if events.is_empty() {
        return writeln!(
            out,
            "No events yet. Try `rapporteur demo` or `rapporteur import FILE`."
        );
    }
    for e in events {
        let dates = match (&e.start_date, &e.end_date) {
            (Some(s), Some(t)) if s != t => format!("{s} – {t}"),
            (Some(s), _) => s.clone(),
            _ => "no dates".into(),
        };
        writeln!(
            out,
            "{}  {}  ({}; {}; {} agenda rows)",
            e.id,
            e.title,
            dates,
            if e.venue.is_empty() {
                "no venue"
            } else {
                &e.venue
            },
            e.sessions
        )?;
    }
    Ok(())
}

pub fn agenda(out: &mut impl Write, a: &AgendaView) -> Result<()> {
    writeln!(out, "{}", a.info.title)?;
    let mut facts = Vec::new();
    if !a.info.venue.is_empty() {
        facts.push(a.info.venue.clone());
    }
    match (a.info.start_date, a.info.end_date) {
        (Some(s), Some(e)) if s != e => facts.push(format!("{s} – {e}")),
        (Some(s), _) => facts.push(s.to_string()),
        _ => {}
    }
    if !a.info.co_chairs.is_empty() {
        facts.push(format!("co-chairs: {}", a.info.co_chairs.join(", ")));
    }
    if !facts.is_empty() {
        writeln!(out, "{}", facts.join(" · "))?;
    }
    writeln!(out, "event {}", a.id)?;
    for (d, day) in a.days.iter().enumerate() {
        writeln!(out)?;
        let date = day.date.map(|d| format!(" ({d})")).unwrap_or_default();
        writeln!(out, "{}{}", day.label, date)?;
        for (n, s) in day.sessions.iter().enumerate() {
            let start = shown(&s.start, time);
            let end = shown(&s.end, time);
            let title = shown(&s.title, |t| t.clone());
            let logistics = s.kind.values.contains(&SessionKind::Logistics);
            let tag = if logistics { "  (logistics)" } else { "" };
            writeln!(
                out,
                "  {:>4}  {}–{}  {}{}",
                format!("{}.{}", d + 1, n + 1),
                start,
                end,
                title,
                tag
            )?;
            if !s.description.is_empty() {
                writeln!(out, "              {}", s.description)?;
            }
            let mut extra = Vec::new();
            if !s.methodology.is_empty() {
                extra.push(format!("Methodology: {}", s.methodology));
            }
            if !s.moderators.is_empty() {
                extra.push(format!("Moderators: {}", s.moderators));
            }
            if !s.rapporteurs.is_empty() {
                extra.push(format!("Rapporteurs: {}", s.rapporteurs));
            }
            if !extra.is_empty() {
                writeln!(out, "              {}", extra.join(" · "))?;
            }
        }
    }
    Ok(())
}

pub fn outcomes(out: &mut impl Write, rows: &[OutcomeRow]) -> Result<()> {
    if rows.is_empty() {
        return writeln!(out, "No outcomes yet.");
    }
    for r in rows {
        let o = &r.outcome;
        let mut facts = vec![shown(&o.status, |s| s.as_str().to_string())];
        let lead = shown(&o.lead, |s| s.clone());
        if !lead.is_empty() {
            facts.push(format!("lead {lead}"));
        }
        let due = shown(&o.deadline, |s| s.clone());
        if !due.is_empty() {
            facts.push(format!("due {due}"));
        }
        if o.confidential.values.contains(&true) {
            facts.push(format!(
                "confidential {}",
                shown(&o.confidential, |b| b.to_string())
            ));
        }
        if o.key_message.values.contains(&true) {
            facts.push("key message".into());
        }
        if let Some(c) = &r.carried_from {
            facts.push(format!("carried over from {}", c.title));
        }
        writeln!(
            out,
            "{}  {:<5} {:<14} {}  ({})",
            &o.id[..o.id.len().min(8)],
            r.session_ref,
            shown(&o.kind, |k| k.as_str().to_string()),
            o.text,
            facts.join("; ")
        )?;
    }
    Ok(())
}

pub fn participants(out: &mut impl Write, people: &[Participant]) -> Result<()> {
    if people.is_empty() {
        return writeln!(out, "No participants yet.");
    }
    for p in people {
        let role = if p.role.is_empty() {
            String::new()
        } else {
            format!(", {}", p.role)
        };
        let name = if p.title.is_empty() {
            p.name.clone()
        } else {
            format!("{} {}", p.title, p.name)
        };
        writeln!(out, "{:<10} {name} (@{}{})", p.entity, p.handle, role)?;
    }
    Ok(())
}

/// The outcome of `participant import`: the counts first, then one line per person; the
/// warnings go to stderr.
pub fn participant_import(out: &mut impl Write, plan: &ImportPlan) -> Result<()> {
    writeln!(out, "{}", plan.summary())?;
    for p in &plan.people {
        let who = &p.person;
        let entity = if who.entity.is_empty() {
            String::new()
        } else {
            format!(" ({})", who.entity)
        };
        match &p.action {
            PlannedAction::Add { handle } => {
                writeln!(out, "added   @{handle} {}{entity}", who.name)?
            }
            PlannedAction::Merge { name, fills, .. } => {
                let what: Vec<&str> = fills.iter().map(|(f, _)| f.as_str()).collect();
                let what = if what.is_empty() {
                    "nothing new".to_string()
                } else {
                    what.join(", ")
                };
                writeln!(out, "merged  {name}{entity}: {what}")?
            }
            PlannedAction::Repeat { line } => writeln!(
                out,
                "merged  {}{entity}: same person as line {line}",
                who.name
            )?,
        }
    }
    for w in &plan.warnings {
        eprintln!("warning: {}, line {}: {}", plan.source, w.line, w.message);
    }
    Ok(())
}

pub fn hits(out: &mut impl Write, hits: &[SearchHit]) -> Result<()> {
    if hits.is_empty() {
        return writeln!(out, "No matches.");
    }
    for h in hits {
        writeln!(
            out,
            "{} · {} · {}\n    {}",
            h.session_title,
            h.source,
            h.reference,
            h.snippet.replace('\n', " ")
        )?;
    }
    Ok(())
}
