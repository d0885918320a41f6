//! The `rapporteur` command: argument parsing (clap) and dispatch. Every command opens the
//! store, calls one core function and prints; all logic lives in the core. The command set and
//! the `--json` shapes are a contract (see ARCHITECTURE.md), relied on by outside tests.

mod json;
mod net;
mod print;

use crate::agenda;
use crate::compile;
use crate::doc::session_doc::{OutcomeEdit, TextKind};
use crate::host::Origin;
use crate::model::{OutcomeKind, OutcomeStatus, Participant};
use crate::store::{OutcomeInput, Store};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// The application identifier; the desktop app keeps its data in the same folder.
pub const APP_IDENTIFIER: &str = "org.rapporteur.app";

#[derive(Debug, Parser)]
#[command(
    name = "rapporteur",
    version,
    about = "Take notes at meetings and compile draft conclusions for the Principals"
)]
pub struct Cli {
    /// The database file (default: the platform data directory; RAPPORTEUR_DB overrides it).
    #[arg(long, global = true, env = "RAPPORTEUR_DB")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the sample event (GMG retreat 2018) if absent; print its id.
    Demo,
    /// Create an event from an agenda file (concept-note text, CSV, ICS or DOCX).
    Import {
        file: PathBuf,
        #[arg(long, default_value = "auto", value_parser = ["auto", "text", "csv", "ics", "docx"])]
        format: String,
        /// Title of the event (default: what the file says).
        #[arg(long)]
        title: Option<String>,
    },
    /// List events.
    Events {
        #[arg(long)]
        json: bool,
    },
    /// Print an event's agenda.
    Agenda {
        #[arg(long)]
        event: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Append a paragraph to a session's notes (or summary).
    Note {
        /// Session id from `agenda --json`, or D.N (day D, row N).
        session: String,
        #[arg(long)]
        append: String,
        #[arg(long)]
        summary: bool,
        #[arg(long)]
        event: Option<String>,
    },
    /// Print a session's notes (or summary).
    Notes {
        session: String,
        #[arg(long)]
        summary: bool,
        #[arg(long)]
        event: Option<String>,
    },
    /// Capture or edit outcomes.
    Outcome {
        #[command(subcommand)]
        command: OutcomeCommand,
    },
    /// List outcomes.
    Outcomes {
        #[arg(long)]
        event: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add people and entities who speak.
    Participant {
        #[command(subcommand)]
        command: ParticipantCommand,
    },
    /// List participants.
    Participants {
        #[arg(long)]
        event: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over notes, summaries and outcomes.
    Search {
        query: String,
        #[arg(long)]
        event: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Compile the draft conclusions for the Principals.
    Compile {
        #[arg(long)]
        event: Option<String>,
        #[arg(long, value_parser = ["md", "markdown", "html", "docx", "pdf"])]
        format: String,
        /// named: speakers by name; entity: by organisation; none: Chatham House.
        #[arg(long, default_value = "named", value_parser = ["named", "entity", "none"])]
        attribution: String,
        /// The file to write (replaced atomically).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Version of the draft shown in the masthead.
        #[arg(long, default_value = "0.1")]
        draft_version: String,
        /// Distribution shown in the masthead (Restricted, Limited, General).
        #[arg(long, default_value = "Restricted")]
        distribution: String,
    },
    /// Rebuild every derived table from the update log.
    Rebuild,
    /// Fold each document's update log into a verified snapshot.
    Compact {
        #[arg(long)]
        event: Option<String>,
    },
    /// Host an event for live sync in the room: prints the address and a join code, then keeps
    /// syncing with everyone who joins until Ctrl+C.
    Serve {
        #[arg(long)]
        event: Option<String>,
        /// Address and port to listen on (port 0: any free port).
        #[arg(long, default_value = "0.0.0.0:7420")]
        listen: String,
    },
    /// Join a host in the room (ADDRESS[:PORT]) with the code it shows; keeps syncing until
    /// Ctrl+C.
    Join {
        address: String,
        #[arg(long, env = "RAPPORTEUR_JOIN_CODE")]
        code: String,
    },
    /// Sync with a y-websocket relay (ws://HOST:PORT[/PREFIX]); one room per document,
    /// `<event-id>/<doc-id>`.
    Sync {
        #[arg(long)]
        relay: String,
        /// Sent as `?token=` (RAPPORTEUR_RELAY_TOKEN also works).
        #[arg(long, env = "RAPPORTEUR_RELAY_TOKEN")]
        token: Option<String>,
        /// Sync until every document is up to date both ways, then exit.
        #[arg(long)]
        once: bool,
        #[arg(long)]
        event: Option<String>,
    },
    /// Offline exchange: export an event to a bundle file, or import one.
    Bundle {
        #[command(subcommand)]
        command: BundleCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum BundleCommand {
    /// Write every document of an event to FILE (written atomically).
    Export {
        file: PathBuf,
        #[arg(long)]
        event: Option<String>,
    },
    /// Verify FILE completely, then import it in one transaction; prints what was new.
    Import { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum OutcomeCommand {
    /// Capture an outcome in a session; prints its id.
    Add {
        #[arg(long)]
        session: String,
        #[arg(long, value_parser = ["recommendation", "conclusion", "decision", "action"])]
        kind: String,
        #[arg(long)]
        text: String,
        #[arg(long)]
        lead: Option<String>,
        #[arg(long)]
        due: Option<String>,
        #[command(flatten)]
        flags: OutcomeFlags,
        #[arg(long)]
        event: Option<String>,
    },
    /// Set fields of an outcome. Setting a field that shows a conflict resolves it.
    Set {
        /// Outcome id (or a unique prefix).
        id: String,
        #[arg(long, value_parser = ["recommendation", "conclusion", "decision", "action"])]
        kind: Option<String>,
        #[arg(long)]
        text: Option<String>,
        #[arg(long)]
        lead: Option<String>,
        #[arg(long)]
        due: Option<String>,
        #[command(flatten)]
        flags: OutcomeFlags,
        #[arg(long)]
        event: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct OutcomeFlags {
    #[arg(long, value_parser = ["draft", "agreed", "done"])]
    status: Option<String>,
    /// Leave out of the draft.
    #[arg(long)]
    confidential: Option<bool>,
    /// Show among the key messages.
    #[arg(long)]
    key: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum ParticipantCommand {
    /// Add a participant; prints its id.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        entity: String,
        /// Tag in notes as @HANDLE (default: derived from the name).
        #[arg(long)]
        handle: Option<String>,
        #[arg(long, default_value = "")]
        role: String,
        #[arg(long)]
        event: Option<String>,
    },
}

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
        Command::Serve { event, listen } => return net::serve(store, event.as_deref(), listen),
        Command::Join { address, code } => return net::join(store, address, code),
        Command::Sync {
            relay,
            token,
            once,
            event,
        } => return net::sync(store, relay, token.as_deref(), *once, event.as_deref()),
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
        Command::Import { .. } => {
            let parsed = imported.ok_or("internal: the import was not parsed")?;
            let id = store.create_event(&parsed, &Origin::Import)?;
            print::line(out, &id)?;
            print::import_summary(out, &parsed)?;
        }
        Command::Events { json } => {
            let events = store.events()?;
            if json {
                print::json(out, &events)?
            } else {
                print::events(out, &events)?
            }
        }
        Command::Agenda { event, json } => {
            let id = store.resolve_event(event.as_deref())?;
            let agenda = store.agenda(&id)?;
            if json {
                print::json(out, &json::agenda(&agenda))?
            } else {
                print::agenda(out, &agenda)?
            }
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
            if json {
                print::json(out, &rows.iter().map(json::outcome).collect::<Vec<_>>())?
            } else {
                print::outcomes(out, &rows)?
            }
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
            if json {
                print::json(out, &people)?
            } else {
                print::participants(out, &people)?
            }
        }
        Command::Search { query, event, json } => {
            let event = event.map(|e| store.resolve_event(Some(&e))).transpose()?;
            let hits = store.search(&query, event.as_deref(), 50)?;
            if json {
                print::json(out, &hits)?
            } else {
                print::hits(out, &hits)?
            }
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
        Command::Serve { .. } | Command::Join { .. } | Command::Sync { .. } => {
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
