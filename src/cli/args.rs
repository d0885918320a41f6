//! The command line as clap parses it: every command, subcommand and flag of `rapporteur`.
//! The names and flags are a contract (docs/architecture.md); `mod.rs` dispatches them.

use crate::agenda;
use crate::compile::{Attribution, Format};
use crate::i18n::Language;
use crate::model::{OutcomeKind, OutcomeStatus};
use crate::sync::transport::address::DEFAULT_LISTEN;
use crate::sync::transport::relay::RelayProtocol;
use clap::builder::PossibleValuesParser;
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
        #[arg(long, default_value = "auto", value_parser = PossibleValuesParser::new(agenda::Format::CHOICES))]
        format: String,
        /// Title of the event (default: what the file says).
        #[arg(long)]
        title: Option<String>,
        /// The earlier meeting of the same series: its open action points carry over.
        #[arg(long, value_name = "EVENT")]
        follows: Option<String>,
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
    /// List outcomes (with the action points carried over from an earlier meeting).
    Outcomes {
        #[arg(long)]
        event: Option<String>,
        #[arg(long)]
        json: bool,
        /// Only action points still to be done (neither done nor dropped).
        #[arg(long)]
        open: bool,
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
    Compile(CompileArgs),
    /// Named versions: save the whole event as it is now, or rename a version.
    Version {
        #[command(subcommand)]
        command: VersionCommand,
    },
    /// List the versions of an event (draft, circulated, final) with their draft numbers.
    Versions {
        #[arg(long)]
        event: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// What changed in the compiled draft between two versions (id, name or draft number; TO
    /// defaults to now), paragraph by paragraph with the words that changed.
    Diff {
        from: String,
        to: Option<String>,
        #[arg(long)]
        event: Option<String>,
        #[arg(long)]
        json: bool,
        /// How speakers are named in the drafts compared.
        #[arg(long, value_enum, default_value_t = Attribution::Named)]
        attribution: Attribution,
    },
    /// Make the current content that of a version (all of it, or one session's notes,
    /// summary and outcomes), written as new edits; nothing is deleted from the history.
    Restore {
        version: String,
        #[arg(long)]
        session: Option<String>,
        #[arg(long)]
        event: Option<String>,
    },
    /// Save a circulated version with the next draft number (0.1, 0.2, …).
    Circulate {
        /// Whom it goes to ("co-chairs", "all members").
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        event: Option<String>,
    },
    /// Lock the event on a final version: every local write is refused until `reopen`.
    Finalize {
        #[arg(long)]
        event: Option<String>,
    },
    /// Lift the final lock; the reason stays in the versions list.
    Reopen {
        #[arg(long)]
        reason: String,
        #[arg(long)]
        event: Option<String>,
    },
    /// Settings of an event.
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
        #[arg(long, default_value = DEFAULT_LISTEN)]
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
    /// Sync with a relay (ws://HOST:PORT[/PREFIX], or wss:// for TLS): a y-websocket server
    /// (the reference server, y-redis, y-sweet; one room per document, `<event-id>/<doc-id>`)
    /// or, with --protocol hocuspocus, a Hocuspocus server (every document over one socket,
    /// named `<event-id>/<doc-id>`).
    ///
    /// A wss:// relay must present a certificate that verifies against the operating system's
    /// root certificates or the CA given with --ca; verification cannot be turned off, and a
    /// relay that fails it is refused before anything is exchanged. A relay that refuses the
    /// token ends the sync with an error.
    Sync {
        /// ws://HOST:PORT[/PREFIX][?QUERY] (plain, for a trusted network) or
        /// wss://HOST[:PORT][/PREFIX][?QUERY] (TLS); the query string is kept on every URL
        /// opened (y-redis takes its token as ?yauth=…).
        #[arg(long)]
        relay: String,
        /// The protocol the relay speaks.
        #[arg(long, default_value = "y-websocket", value_parser = clap::builder::PossibleValuesParser::new(RelayProtocol::NAMES))]
        protocol: String,
        /// y-websocket: sent as `?token=`; hocuspocus: sent in the authentication message
        /// (RAPPORTEUR_RELAY_TOKEN also works).
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
pub enum VersionCommand {
    /// Save a named version of the whole event; prints its id.
    Save {
        name: String,
        #[arg(long)]
        event: Option<String>,
    },
    /// Rename a version (to resolve two versions saved with one name on two laptops).
    Rename {
        version: String,
        name: String,
        #[arg(long)]
        event: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// Set an event's language (the draft is written in it; it syncs to every device), its
    /// title, or its series link: the earlier meeting it follows, whose open action points
    /// carry over.
    Set {
        #[arg(long)]
        event: Option<String>,
        /// en, fr, es, ar, ru or zh.
        #[arg(long, value_parser = parse_language)]
        language: Option<Language>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_name = "EVENT")]
        follows: Option<String>,
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
    Add(OutcomeAdd),
    /// Set fields of an outcome. Setting a field that shows a conflict resolves it.
    Set(OutcomeSet),
}

#[derive(Debug, Args)]
pub struct CompileArgs {
    #[arg(long)]
    pub event: Option<String>,
    /// The format; the file name's extension must name the same one.
    #[arg(long, value_enum)]
    pub format: Format,
    /// named: speakers by name; entity: by organisation; none: Chatham House.
    #[arg(long, value_enum, default_value_t = Attribution::Named)]
    pub attribution: Attribution,
    /// The file to write (replaced atomically), ending in the format's extension.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Version of the draft shown in the masthead (default: the last circulated or final
    /// draft number, 0.1 before any).
    #[arg(long)]
    pub draft_version: Option<String>,
    /// Distribution shown in the masthead (Restricted, Limited, General).
    #[arg(long, default_value = "Restricted")]
    pub distribution: String,
    /// Mark the changes since VERSION (id, name or draft number): Word tracked changes in
    /// DOCX (and PDF), <ins>/<del> in HTML, CriticMarkup in Markdown.
    #[arg(long, value_name = "VERSION")]
    pub changes_since: Option<String>,
    /// Write this draft in another language than the event's (en, fr, es, ar, ru, zh).
    #[arg(long, value_parser = parse_language)]
    pub language: Option<Language>,
}

#[derive(Debug, Args)]
pub struct OutcomeAdd {
    #[arg(long)]
    pub session: String,
    #[arg(long, value_enum)]
    pub kind: OutcomeKind,
    #[arg(long)]
    pub text: String,
    #[arg(long)]
    pub lead: Option<String>,
    #[arg(long)]
    pub due: Option<String>,
    #[command(flatten)]
    pub flags: OutcomeFlags,
    #[arg(long)]
    pub event: Option<String>,
}

#[derive(Debug, Args)]
pub struct OutcomeSet {
    /// Outcome id (or a unique prefix).
    pub id: String,
    #[arg(long, value_enum)]
    pub kind: Option<OutcomeKind>,
    #[arg(long)]
    pub text: Option<String>,
    #[arg(long)]
    pub lead: Option<String>,
    #[arg(long)]
    pub due: Option<String>,
    #[command(flatten)]
    pub flags: OutcomeFlags,
    #[arg(long)]
    pub event: Option<String>,
}

#[derive(Debug, Args)]
pub struct OutcomeFlags {
    #[arg(long, value_enum)]
    pub status: Option<OutcomeStatus>,
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
    /// Import a list of participants (XLSX, CSV, DOCX or pasted text): people already present
    /// are merged, new ones added; prints how many were added, merged and skipped.
    Import {
        file: PathBuf,
        #[arg(long, default_value = "auto", value_parser = ["auto", "csv", "xlsx", "docx", "text"])]
        format: String,
        #[arg(long)]
        event: Option<String>,
    },
}
