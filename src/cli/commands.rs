//! One function per command of `rapporteur` (the live-sync ones are in `net`): each opens the
//! store, makes one core call and prints what it returned. Nothing here decides anything the
//! core should.

use super::args::{CompileArgs, OutcomeAdd, OutcomeSet};
use super::{json, print, CliResult};
use crate::agenda;
use crate::compile::Format;
use crate::doc::session_doc::{OutcomeEdit, TextKind};
use crate::host::Origin;
use crate::model::{Agenda, Participant};
use crate::store::{OutcomeInput, Store};
use std::path::Path;

pub(super) fn out() -> std::io::StdoutLock<'static> {
    std::io::stdout().lock()
}

pub fn demo(db: &Path) -> CliResult {
    let (id, created) = crate::sample::ensure_sample_event(&mut Store::open(db)?)?;
    print::line(&mut out(), &id)?;
    if created {
        eprintln!("created the sample event (GMG retreat 2018)");
    }
    Ok(())
}

/// The agenda is read before the database is opened, so a file that cannot be read leaves
/// the database untouched.
pub fn import(
    db: &Path,
    file: &Path,
    format: &str,
    title: Option<&str>,
    follows: Option<&str>,
) -> CliResult {
    let parsed = read_agenda(file, format, title)?;
    let mut store = Store::open(db)?;
    // The earlier meeting is checked before anything is written.
    let earlier = follows.map(|f| store.resolve_event(Some(f))).transpose()?;
    let id = store.create_event(&parsed, &Origin::Import)?;
    let out = &mut out();
    print::line(out, &id)?;
    print::import_summary(out, &parsed)?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
    let name = name.unwrap_or_else(|| file.display().to_string());
    print::import_warnings(&mut std::io::stderr().lock(), &name, &parsed)?;
    if let Some(e) = earlier {
        let carried = store.set_follows(&id, Some(&e), &Origin::Import)?;
        let line = format!(
            "follows event {e}: {} open action point(s) carried over",
            carried.len()
        );
        print::line(out, &line)?;
    }
    Ok(())
}

fn read_agenda(
    file: &Path,
    format: &str,
    title: Option<&str>,
) -> Result<Agenda, Box<dyn std::error::Error>> {
    let mut parsed = agenda::import_file(file, agenda::Format::choose(format)?)?;
    if let Some(t) = title {
        parsed.event.title = t.to_string();
    }
    if parsed.event.title.trim().is_empty() {
        parsed.event.title = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled event".into());
    }
    Ok(parsed)
}

pub fn events(db: &Path, json: bool) -> CliResult {
    let events = Store::open(db)?.events()?;
    Ok(print::either(&mut out(), json, &events, |o| {
        print::events(o, &events)
    })?)
}

pub fn agenda(db: &Path, event: Option<&str>, json: bool) -> CliResult {
    let store = Store::open(db)?;
    let agenda = store.agenda(&store.resolve_event(event)?)?;
    Ok(print::either(
        &mut out(),
        json,
        &json::agenda(&agenda),
        |o| print::agenda(o, &agenda),
    )?)
}

fn text_kind(summary: bool) -> TextKind {
    if summary {
        TextKind::Summary
    } else {
        TextKind::Notes
    }
}

pub fn note(
    db: &Path,
    session: &str,
    append: &str,
    summary: bool,
    event: Option<&str>,
) -> CliResult {
    let mut store = Store::open(db)?;
    let (event_id, session_id) = store.resolve_session(session, event)?;
    store.append_text(
        &event_id,
        &session_id,
        text_kind(summary),
        append,
        &Origin::Cli,
    )?;
    Ok(())
}

pub fn notes(db: &Path, session: &str, summary: bool, event: Option<&str>) -> CliResult {
    let store = Store::open(db)?;
    let (_, session_id) = store.resolve_session(session, event)?;
    Ok(print::text(
        &mut out(),
        &store.session_text(&session_id, summary)?,
    )?)
}

/// `outcome add`: what the flags say, from the CLI (`source` "cli"); prints the new id.
pub fn outcome_add(db: &Path, a: OutcomeAdd) -> CliResult {
    let mut store = Store::open(db)?;
    let (event_id, session_id) = store.resolve_session(&a.session, a.event.as_deref())?;
    let mut input = OutcomeInput::new(a.kind, &a.text);
    input.lead = a.lead.unwrap_or_default();
    input.deadline = a.due.unwrap_or_default();
    input.status = a.flags.status.unwrap_or_default();
    input.confidential = a.flags.confidential.unwrap_or(false);
    input.key_message = a.flags.key.unwrap_or(false);
    input.source = "cli".into();
    let id = store.add_outcome(&event_id, &session_id, &input, &Origin::Cli)?;
    Ok(print::line(&mut out(), &id)?)
}

/// `outcome set`: the fields given, in one transaction.
pub fn outcome_set(db: &Path, s: OutcomeSet) -> CliResult {
    let mut edits = Vec::new();
    edits.extend(s.kind.map(OutcomeEdit::Kind));
    edits.extend(s.text.map(OutcomeEdit::Text));
    edits.extend(s.lead.map(OutcomeEdit::Lead));
    edits.extend(s.due.map(OutcomeEdit::Deadline));
    edits.extend(s.flags.status.map(OutcomeEdit::Status));
    edits.extend(s.flags.confidential.map(OutcomeEdit::Confidential));
    edits.extend(s.flags.key.map(OutcomeEdit::KeyMessage));
    if edits.is_empty() {
        return Err("nothing to set: give at least one of --kind --text --lead --due --status --confidential --key".into());
    }
    let mut store = Store::open(db)?;
    // An outcome id identifies its event: --event is only needed to reach an action point
    // through the meeting that carries it over.
    let event_id = match s.event.as_deref() {
        Some(e) => store.resolve_event(Some(e))?,
        None => store.outcome_event(&s.id)?,
    };
    store.edit_outcome(&event_id, &s.id, &edits, &Origin::Cli)?;
    Ok(())
}

/// The event's outcomes with the action points it carries over from earlier meetings; with
/// `open`, only action points neither done nor dropped.
pub fn outcomes(db: &Path, event: Option<&str>, json: bool, open: bool) -> CliResult {
    let mut store = Store::open(db)?;
    let mut rows = store.outcomes_of_series(&store.resolve_event(event)?)?;
    if open {
        rows.retain(crate::review::series::is_open);
    }
    let shapes: Vec<_> = rows.iter().map(json::outcome).collect();
    Ok(print::either(&mut out(), json, &shapes, |o| {
        print::outcomes(o, &rows)
    })?)
}

pub fn participant_add(
    db: &Path,
    event: Option<&str>,
    name: &str,
    entity: &str,
    handle: Option<&str>,
    role: &str,
) -> CliResult {
    let p = Participant::from_input(name, entity, handle.unwrap_or_default(), role)?;
    let mut store = Store::open(db)?;
    let id = store.resolve_event(event)?;
    Ok(print::line(
        &mut out(),
        &store.add_participant(&id, &p, &Origin::Cli)?,
    )?)
}

/// Reads the list before opening the database, so a file that cannot be read changes nothing.
pub fn participant_import(db: &Path, event: Option<&str>, file: &Path, format: &str) -> CliResult {
    let list =
        crate::participants::read_file(file, crate::participants::ListFormat::parse(format))?;
    let mut store = Store::open(db)?;
    let id = store.resolve_event(event)?;
    let plan = store.import_participants(&id, &list, &Origin::Cli)?;
    Ok(print::participant_import(&mut out(), &plan)?)
}

pub fn participants(db: &Path, event: Option<&str>, json: bool) -> CliResult {
    let store = Store::open(db)?;
    let people = store.participants(&store.resolve_event(event)?)?;
    Ok(print::either(&mut out(), json, &people, |o| {
        print::participants(o, &people)
    })?)
}

/// The most hits `search` prints.
const SEARCH_LIMIT: usize = 50;

pub fn search(db: &Path, query: &str, event: Option<&str>, json: bool) -> CliResult {
    let store = Store::open(db)?;
    let event = event.map(|e| store.resolve_event(Some(e))).transpose()?;
    let hits = store.search(query, event.as_deref(), SEARCH_LIMIT)?;
    Ok(print::either(&mut out(), json, &hits, |o| {
        print::hits(o, &hits)
    })?)
}

/// `compile`: the same export as the window's (`compile::draft`), with the format named twice
/// (`--format` and the file name), which must agree.
/// The draft; with `--changes-since`, the changes since that version marked (see
/// `super::review::compile`).
pub fn compile(db: &Path, c: CompileArgs) -> CliResult {
    // A file name that does not match the format is refused before the database is opened.
    Format::for_output(&c.output, Some(c.format))?;
    super::review::compile(&mut Store::open(db)?, c, &mut out())
}

pub fn rebuild(db: &Path) -> CliResult {
    Store::open(db)?.rebuild_derived()?;
    eprintln!("rebuilt the derived tables from the update log");
    Ok(())
}

pub fn compact(db: &Path, event: Option<&str>) -> CliResult {
    let mut store = Store::open(db)?;
    let id = store.resolve_event(event)?;
    let out = &mut out();
    for d in store.docs_of_event(&id)? {
        let r = store.compact(&d.doc_id)?;
        let line = format!(
            "{}: {} updates folded into a {}-byte snapshot",
            r.doc_id, r.archived, r.snapshot_bytes
        );
        print::line(out, &line)?;
    }
    Ok(())
}

pub fn bundle_export(db: &Path, file: &Path, event: Option<&str>) -> CliResult {
    let mut store = Store::open(db)?;
    let id = store.resolve_event(event)?;
    let bundle = crate::sync::export_bundle(&mut store, &id)?;
    crate::sync::write_bundle(file, &bundle)?;
    let line = format!(
        "wrote {} ({} documents of event {id})",
        file.display(),
        bundle.docs.len()
    );
    Ok(print::line(&mut out(), &line)?)
}

pub fn bundle_import(db: &Path, file: &Path) -> CliResult {
    let report = crate::sync::import_bundle(&mut Store::open(db)?, file)?;
    Ok(print::line(&mut out(), &report.to_string())?)
}
