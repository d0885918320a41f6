//! The command line as clap parses it: every command, subcommand and flag of `rapporteur`.
//! The names and flags are a contract (ARCHITECTURE.md); `mod.rs` dispatches them.

use crate::i18n::Language;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

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
        /// Write this draft in another language than the event's (en, fr, es, ar, ru, zh).
        #[arg(long, value_parser = parse_language)]
        language: Option<Language>,
    },
    /// Change an event's settings: the language its draft is written in, its title.
    Event {
        #[command(subcommand)]
        command: EventCommand,
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
        /// Do not announce the host on the local network (mDNS).
        #[arg(long)]
        no_announce: bool,
    },
    /// Join a host in the room (ADDRESS[:PORT], or one found on the local network by mDNS
    /// when ADDRESS is left out) with the code it shows; keeps syncing until Ctrl+C.
    Join {
        address: Option<String>,
        #[arg(long, env = "RAPPORTEUR_JOIN_CODE")]
        code: String,
    },
    /// List the hosts announced on the local network (mDNS), after listening for a while.
    Discover {
        /// How long to listen, in seconds.
        #[arg(long, default_value_t = 3)]
        wait: u64,
    },
    /// Sync with a y-websocket relay (ws://HOST:PORT[/PREFIX], or wss:// for TLS); one room
    /// per document, `<event-id>/<doc-id>`.
    ///
    /// A wss:// relay must present a certificate that verifies against the operating system's
    /// root certificates or the CA given with --ca; verification cannot be turned off, and a
    /// relay that fails it is refused before anything is exchanged.
    Sync {
        /// ws://HOST:PORT[/PREFIX] (plain, for a trusted network) or wss://HOST[:PORT][/PREFIX]
        /// (TLS).
        #[arg(long)]
        relay: String,
        /// Sent as `?token=` (RAPPORTEUR_RELAY_TOKEN also works).
        #[arg(long, env = "RAPPORTEUR_RELAY_TOKEN")]
        token: Option<String>,
        /// For wss:// relays: also trust the CA certificate(s) in this PEM file (an
        /// organisation's private CA), besides the system's roots. Not read for ws://.
        #[arg(long, value_name = "FILE", env = "RAPPORTEUR_RELAY_CA")]
        ca: Option<PathBuf>,
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
pub enum EventCommand {
    /// Set the event's language (the draft is written in it; it syncs to every device) or
    /// its title.
    Set {
        #[arg(long)]
        event: Option<String>,
        /// en, fr, es, ar, ru or zh.
        #[arg(long, value_parser = parse_language)]
        language: Option<Language>,
        #[arg(long)]
        title: Option<String>,
    },
}

/// A language code for clap, with the accepted values in the error.
fn parse_language(s: &str) -> Result<Language, String> {
    s.parse()
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
    pub status: Option<String>,
    /// Leave out of the draft.
    #[arg(long)]
    pub confidential: Option<bool>,
    /// Show among the key messages.
    #[arg(long)]
    pub key: Option<bool>,
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
