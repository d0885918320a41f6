//! `rapporteur event set`: an event's language, title and series link. Each is one core call;
//! everything given is checked before anything is written (clap checks the language before the
//! store opens; the series link, which can fail on a missing event or a cycle, is written
//! first), so a refused value changes nothing.

use super::{print, CliResult, EventCommand};
use crate::host::Origin;
use crate::store::Store;

pub fn run(store: &mut Store, command: EventCommand, out: &mut impl std::io::Write) -> CliResult {
    match command {
        EventCommand::Set {
            event,
            language,
            title,
            follows,
        } => {
            if language.is_none() && title.is_none() && follows.is_none() {
                return Err("nothing to set: give --language, --title or --follows EVENT".into());
            }
            if title.as_ref().is_some_and(|t| t.trim().is_empty()) {
                return Err("--title cannot be empty".into());
            }
            let id = store.resolve_event(event.as_deref())?;
            if let Some(f) = follows {
                let carried = store.set_follows(&id, Some(&f), &Origin::Cli)?;
                let line = format!("{} open action point(s) carried over", carried.len());
                print::line(out, &line)?;
            }
            if let Some(l) = language {
                store.set_language(&id, l, &Origin::Cli)?;
                print::line(out, &format!("language: {} ({})", l.code(), l.autonym()))?;
            }
            if let Some(t) = title {
                store.set_title(&id, &t, &Origin::Cli)?;
                print::line(out, &format!("title: {}", t.trim()))?;
            }
        }
    }
    Ok(())
}
