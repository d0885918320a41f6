//! What the core needs from its surroundings, asked through one small trait: tell the UI that a
//! document changed, and read the clock. The desktop shell implements it to push changes to the
//! webview; the CLI uses [`SystemHost`]; tests use a fake that records and sets the time.

use chrono::{DateTime, Utc};

/// Where a write came from. Recorded with every update in the log, so the UI can ignore its own
/// echoes and sync can tell local from remote.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Typed in this app's window.
    Local,
    /// A `rapporteur` command.
    Cli,
    /// An agenda import or the sample event.
    Import,
    /// A peer over the network, by its peer id.
    Peer(String),
    /// A bundle file, by the exporting device.
    Bundle(String),
}

impl Origin {
    pub fn as_log_string(&self) -> String {
        match self {
            Origin::Local => "local".into(),
            Origin::Cli => "cli".into(),
            Origin::Import => "import".into(),
            Origin::Peer(p) => format!("peer:{p}"),
            Origin::Bundle(d) => format!("bundle:{d}"),
        }
    }

    /// The inverse of [`Origin::as_log_string`]; an unknown string (a newer app's) is kept as
    /// a peer so it is never mistaken for this window's own write.
    pub fn from_log_string(s: &str) -> Origin {
        match s {
            "local" => Origin::Local,
            "cli" => Origin::Cli,
            "import" => Origin::Import,
            _ => match s.split_once(':') {
                Some(("bundle", d)) => Origin::Bundle(d.into()),
                Some(("peer", p)) => Origin::Peer(p.into()),
                _ => Origin::Peer(s.into()),
            },
        }
    }
}

/// A committed change to one document, told to the host after the commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub event_id: String,
    pub doc_id: String,
    pub origin: Origin,
}

/// The surroundings of the core.
pub trait Host: Send + Sync {
    /// A document changed and the change is durable.
    fn emit(&self, change: &Change);
    /// The current time.
    fn now(&self) -> DateTime<Utc>;
}

/// The host of the CLI: nobody to tell, the system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemHost;

impl Host for SystemHost {
    fn emit(&self, _change: &Change) {}
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}
