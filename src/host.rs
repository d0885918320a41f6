//! What the core needs from its surroundings, asked through one small trait: tell the UI that a
//! document changed, and read the clock. The desktop shell implements it to push changes to the
//! webview; the CLI uses [`SystemHost`]; tests use a fake that records and sets the time.

use chrono::{DateTime, Utc};

/// Where a write came from. Recorded with every update in the log, so sync can tell this
/// device's changes from a peer's, and the window is told exactly what it does not have yet
/// (see [`Origin::already_in_window`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Typed in one of the window's editors: the update came from the webview's own Y.Doc.
    Editor,
    /// Made by one of the window's commands (capture, the board, agenda and participants
    /// editing): written by the core, so the window's views have yet to see it.
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
            Origin::Editor => "editor".into(),
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
            "editor" => Origin::Editor,
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

impl Origin {
    /// The one echo rule: whether the window that made this change already has it. Only the
    /// editors' keystrokes do (they came from the webview's Y.Doc); every other change, the
    /// window's own commands included, is told to the window, and its views refresh from that
    /// alone.
    pub fn already_in_window(&self) -> bool {
        matches!(self, Origin::Editor)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_survive_the_log_and_only_keystrokes_are_not_echoed() {
        let all = [
            Origin::Editor,
            Origin::Local,
            Origin::Cli,
            Origin::Import,
            Origin::Peer("p1".into()),
            Origin::Bundle("d1".into()),
        ];
        for o in &all {
            assert_eq!(&Origin::from_log_string(&o.as_log_string()), o);
        }
        let echoed: Vec<bool> = all.iter().map(|o| !o.already_in_window()).collect();
        assert_eq!(echoed, [false, true, true, true, true, true]);
        // A newer app's origin is never taken for this window's own keystrokes.
        assert_eq!(
            Origin::from_log_string("someday"),
            Origin::Peer("someday".into())
        );
    }
}
