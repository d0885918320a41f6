//! The `rapporteur` command: argument parsing (clap, `args`), and [`run`], which hands each
//! command to its one function (`commands`, and `net` for live sync). Every command opens the
//! store, calls one core function and prints; all logic lives in the core. The command set and
//! the `--json` shapes are a contract (see docs/architecture.md), relied on by outside tests.

mod args;
mod commands;
mod event;
mod json;
mod net;
mod print;
mod review;

pub use args::{
    BundleCommand, Cli, Command, CompileArgs, EventCommand, OutcomeAdd, OutcomeCommand,
    OutcomeFlags, OutcomeSet, ParticipantCommand, VersionCommand,
};

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

/// Runs a parsed command line: one function per command.
pub fn run(cli: Cli) -> CliResult {
    use commands as c;
    let db = || match &cli.db {
        Some(p) => Ok(p.clone()),
        None => default_db_path(),
    };
    let open = || -> Result<crate::store::Store, Box<dyn std::error::Error>> {
        Ok(crate::store::Store::open(&db()?)?)
    };
    match cli.command {
        // Needs no database.
        Command::Discover { wait } => net::discover(wait),
        Command::Demo => c::demo(&db()?),
        Command::Import {
            file,
            format,
            title,
            follows,
        } => c::import(&db()?, &file, &format, title.as_deref(), follows.as_deref()),
        Command::Events { json } => c::events(&db()?, json),
        Command::Agenda { event, json } => c::agenda(&db()?, event.as_deref(), json),
        Command::Note {
            session,
            append,
            summary,
            event,
        } => c::note(&db()?, &session, &append, summary, event.as_deref()),
        Command::Notes {
            session,
            summary,
            event,
        } => c::notes(&db()?, &session, summary, event.as_deref()),
        Command::Outcome {
            command: OutcomeCommand::Add(a),
        } => c::outcome_add(&db()?, a),
        Command::Outcome {
            command: OutcomeCommand::Set(s),
        } => c::outcome_set(&db()?, s),
        Command::Outcomes { event, json, open } => {
            c::outcomes(&db()?, event.as_deref(), json, open)
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
        } => c::participant_add(
            &db()?,
            event.as_deref(),
            &name,
            &entity,
            handle.as_deref(),
            &role,
        ),
        Command::Participant {
            command:
                ParticipantCommand::Import {
                    file,
                    format,
                    event,
                },
        } => c::participant_import(&db()?, event.as_deref(), &file, &format),
        Command::Participants { event, json } => c::participants(&db()?, event.as_deref(), json),
        Command::Search { query, event, json } => c::search(&db()?, &query, event.as_deref(), json),
        Command::Compile(args) => c::compile(&db()?, args),
        // The review cycle (review.rs).
        Command::Version { command } => review::version(&mut open()?, command, &mut c::out()),
        Command::Versions { event, json } => {
            review::versions(&mut open()?, event.as_deref(), json, &mut c::out())
        }
        Command::Diff {
            from,
            to,
            event,
            json,
            attribution,
        } => review::diff(
            &mut open()?,
            event.as_deref(),
            &from,
            to.as_deref(),
            attribution,
            json,
            &mut c::out(),
        ),
        Command::Restore {
            version,
            session,
            event,
        } => review::restore(
            &mut open()?,
            event.as_deref(),
            &version,
            session.as_deref(),
            &mut c::out(),
        ),
        Command::Circulate { to, event } => {
            review::circulate(&mut open()?, event.as_deref(), to.as_deref(), &mut c::out())
        }
        Command::Finalize { event } => {
            review::finalize(&mut open()?, event.as_deref(), &mut c::out())
        }
        Command::Reopen { reason, event } => {
            review::reopen(&mut open()?, event.as_deref(), &reason, &mut c::out())
        }
        Command::Event { command } => event::run(&mut open()?, command, &mut c::out()),
        Command::Rebuild => c::rebuild(&db()?),
        Command::Compact { event } => c::compact(&db()?, event.as_deref()),
        Command::Bundle {
            command: BundleCommand::Export { file, event },
        } => c::bundle_export(&db()?, &file, event.as_deref()),
        Command::Bundle {
            command: BundleCommand::Import { file },
        } => c::bundle_import(&db()?, &file),
        Command::Serve {
            event,
            listen,
            no_announce,
        } => net::serve(&db()?, event.as_deref(), &listen, !no_announce),
        Command::Join { address, code } => net::join(&db()?, address.as_deref(), &code),
        Command::Sync {
            relay,
            protocol,
            token,
            ca,
            once,
            event,
        } => net::sync(
            &db()?,
            &relay,
            &protocol,
            token.as_deref(),
            ca.as_deref(),
            once,
            event.as_deref(),
        ),
    }
}
