//! The `rapporteur` command: argument parsing (clap) and dispatch. Every command opens the
//! store, calls one core function and prints; all logic lives in the core. The command set and
//! the `--json` shapes are a contract (see ARCHITECTURE.md), relied on by outside tests.

mod args;
mod json;
mod net;
mod print;

pub use args::{BundleCommand, Cli, Command, OutcomeCommand, OutcomeFlags, ParticipantCommand};

use crate::agenda;
use crate::compile;
use crate::doc::session_doc::{OutcomeEdit, TextKind};
use crate::host::Origin;
use crate::model::{OutcomeKind, OutcomeStatus, Participant};
use crate::store::{OutcomeInput, Store};
use std::path::PathBuf;

/// The application identifier; the desktop app keeps its data in the same folder.
pub const APP_IDENTIFIER: &str = "org.rapporteur.app";

/// What the CLI failed at, printed to stderr.
pub type CliResult = Result<(), Box<dyn std::error::Error>>;

/// The default database: `<data dir>/org.rapporteur.app/rapporteur.db`.
pub fn default_db_path() -> Result<PathBuf, String> {
    directories::BaseDirs::new()
        .map(|d| d.data_dir().join(APP_IDENTIFIER).join("rapporteur.db"))
        .ok_or_else(|| {
            "no home directory to keep the database in; pass --db PATH or set RAPPORTEUR_DB".into()
        })
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> CliResult {
    if let Command::Discover { wait } = cli.command {
        // Needs no database.
        return net::discover(wait);
    }
    let path = match cli.db {
        Some(p) => p,
        None => default_db_path()?,
    };
    // An agenda is read before the database is opened, so a file that cannot be read leaves
    // the database untouched.
    let imported = match &cli.command {
        Command::Import {
            file,
            format,
            title,
        } => Some(read_agenda(file, format, title.as_deref())?),
        _ => None,
    };
    let mut store = Store::open(&path)?;
    match &cli.command {
        Command::Serve {
            event,
            listen,
            no_announce,
        } => return net::serve(store, event.as_deref(), listen, !*no_announce),
        Command::Join { address, code } => return net::join(store, address.as_deref(), code),
        Command::Sync {
            relay,
            token,
            ca,
            once,
            event,
        } => {
            return net::sync(
                store,
                relay,
                token.as_deref(),
                ca.as_deref(),
                *once,
                event.as_deref(),
            )
        }
        _ => {}
    }
    let out = &mut std::io::stdout().lock();
    match cli.command {
        Command::Demo => {
            let (id, created) = crate::sample::ensure_sample_event(&mut store)?;
            print::line(out, &id)?;
            if created {
                eprintln!("created the sample event (GMG retreat 2018)");
            }
        }
        Command::Import { file, .. } => {
            let parsed = imported.ok_or("internal: the import was not parsed")?;
            let id = store.create_event(&parsed, &Origin::Import)?;
            print::line(out, &id)?;
            print::import_summary(out, &parsed)?;
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_else(|| file.display().to_string());
            print::import_warnings(&mut std::io::stderr().lock(), &name, &parsed)?;
        }
        Command::Events { json } => {
            let events = store.events()?;
            print::either(out, json, &events, |o| print::events(o, &events))?
        }
        Command::Agenda { event, json } => {
            let id = store.resolve_event(event.as_deref())?;
            let agenda = store.agenda(&id)?;
            print::either(out, json, &json::agenda(&agenda), |o| {
                print::agenda(o, &agenda)
            })?
        }
        Command::Note {
            session,
            append,
            summary,
            event,
        } => {
            let (event_id, session_id) = store.resolve_session(&session, event.as_deref())?;
            store.append_text(
                &event_id,
                &session_id,
                text_kind(summary),
                &append,
                &Origin::Cli,
            )?;
        }
        Command::Notes {
            session,
            summary,
            event,
        } => {
            let (_, session_id) = store.resolve_session(&session, event.as_deref())?;
            print::text(out, &store.session_text(&session_id, summary)?)?;
        }
        Command::Outcome { command } => outcome(&mut store, command, out)?,
        Command::Outcomes { event, json } => {
            let id = store.resolve_event(event.as_deref())?;
            let rows = store.outcomes(&id)?;
            print::either(
                out,
                json,
                &rows.iter().map(json::outcome).collect::<Vec<_>>(),
                |o| print::outcomes(o, &rows),
            )?
        }
        Command::Participant {
            command:
                ParticipantCommand::Add {
                    name,
                    entity,
                    handle,
                    role,
                    event,
                },
        } => {
            let id = store.resolve_event(event.as_deref())?;
            let handle = handle.unwrap_or_else(|| crate::model::default_handle(&name));
            let p = Participant {
                id: String::new(),
                name,
                entity,
                handle,
                role,
            };
            print::line(out, &store.add_participant(&id, &p, &Origin::Cli)?)?;
        }
        Command::Participants { event, json } => {
            let id = store.resolve_event(event.as_deref())?;
            let people = store.participants(&id)?;
            print::either(out, json, &people, |o| print::participants(o, &people))?
        }
        Command::Search { query, event, json } => {
            let event = event.map(|e| store.resolve_event(Some(&e))).transpose()?;
            let hits = store.search(&query, event.as_deref(), 50)?;
            print::either(out, json, &hits, |o| print::hits(o, &hits))?
        }
        Command::Compile {
            event,
            format,
            attribution,
            output,
            draft_version,
            distribution,
        } => {
            let id = store.resolve_event(event.as_deref())?;
            let snapshot = store.snapshot(&id)?;
            let mut options = compile::CompileOptions::new(store.host().now().date_naive());
            options.attribution = attribution.parse()?;
            options.version = draft_version;
            options.distribution = distribution;
            let compiled = compile::compile(&snapshot, &options);
            compile::export(&compiled, format.parse()?, &output)?;
            print::line(out, &format!("wrote {}", output.display()))?;
            print::line(out, &compiled.report.to_string())?;
        }
        Command::Rebuild => {
            store.rebuild_derived()?;
            eprintln!("rebuilt the derived tables from the update log");
        }
        Command::Compact { event } => {
            let id = store.resolve_event(event.as_deref())?;
            for d in store.docs_of_event(&id)? {
                let r = store.compact(&d.doc_id)?;
                print::line(
                    out,
                    &format!(
                        "{}: {} updates folded into a {}-byte snapshot",
                        r.doc_id, r.archived, r.snapshot_bytes
                    ),
                )?;
            }
        }
        Command::Serve { .. }
        | Command::Join { .. }
        | Command::Discover { .. }
        | Command::Sync { .. } => {
            return Err("internal: the network commands are handled above".into())
        }
        Command::Bundle { command } => match command {
            BundleCommand::Export { file, event } => {
                let id = store.resolve_event(event.as_deref())?;
                let bundle = crate::sync::export_bundle(&mut store, &id)?;
                crate::sync::write_bundle(&file, &bundle)?;
                print::line(
                    out,
                    &format!(
                        "wrote {} ({} documents of event {id})",
                        file.display(),
                        bundle.docs.len()
                    ),
                )?;
            }
            BundleCommand::Import { file } => {
                let report = crate::sync::import_bundle(&mut store, &file)?;
                print::line(out, &report.to_string())?;
            }
        },
    }
    Ok(())
}

fn read_agenda(
    file: &std::path::Path,
    format: &str,
    title: Option<&str>,
) -> Result<crate::model::Agenda, Box<dyn std::error::Error>> {
    let format = match format {
        "auto" => None,
        "text" => Some(agenda::Format::Text),
        "csv" => Some(agenda::Format::Csv),
        "ics" => Some(agenda::Format::Ics),
        "docx" => Some(agenda::Format::Docx),
        other => return Err(format!("unknown format {other:?}").into()),
    };
    let mut parsed = agenda::import_file(file, format)?;
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

fn text_kind(summary: bool) -> TextKind {
    if summary {
        TextKind::Summary
    } else {
        TextKind::Notes
    }
}

fn outcome(store: &mut Store, command: OutcomeCommand, out: &mut impl std::io::Write) -> CliResult {
    match command {
        OutcomeCommand::Add {
            session,
            kind,
            text,
            lead,
            due,
            flags,
            event,
        } => {
            let (event_id, session_id) = store.resolve_session(&session, event.as_deref())?;
            let mut input =
                OutcomeInput::new(OutcomeKind::parse(&kind).ok_or("unknown kind")?, &text);
            input.lead = lead.unwrap_or_default();
            input.deadline = due.unwrap_or_default();
            if let Some(s) = flags.status {
                input.status = OutcomeStatus::parse(&s).ok_or("unknown status")?;
            }
            input.confidential = flags.confidential.unwrap_or(false);
            input.key_message = flags.key.unwrap_or(false);
            input.source = "cli".into();
            print::line(
                out,
                &store.add_outcome(&event_id, &session_id, &input, &Origin::Cli)?,
            )?;
        }
        OutcomeCommand::Set {
            id,
            kind,
            text,
            lead,
            due,
            flags,
            event,
        } => {
            let event_id = store.resolve_event(event.as_deref())?;
            let mut edits = Vec::new();
            if let Some(k) = kind {
                edits.push(OutcomeEdit::Kind(
                    OutcomeKind::parse(&k).ok_or("unknown kind")?,
                ));
            }
            edits.extend(text.map(OutcomeEdit::Text));
            edits.extend(lead.map(OutcomeEdit::Lead));
            edits.extend(due.map(OutcomeEdit::Deadline));
            if let Some(s) = flags.status {
                edits.push(OutcomeEdit::Status(
                    OutcomeStatus::parse(&s).ok_or("unknown status")?,
                ));
            }
            edits.extend(flags.confidential.map(OutcomeEdit::Confidential));
            edits.extend(flags.key.map(OutcomeEdit::KeyMessage));
            if edits.is_empty() {
                return Err("nothing to set: give at least one of --kind --text --lead --due --status --confidential --key".into());
            }
            store.edit_outcome(&event_id, &id, &edits, &Origin::Cli)?;
        }
    }
    Ok(())
}
