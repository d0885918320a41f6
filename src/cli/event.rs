//! `rapporteur event set`: the event's language and title. Each is one core call; nothing is
//! written unless every value given parses (clap checks the language before the store opens).

use super::{print, CliResult, EventCommand};
use crate::host::Origin;
use crate::store::Store;

pub fn run(store: &mut Store, command: EventCommand, out: &mut impl std::io::Write) -> CliResult {
    match command {
        EventCommand::Set {
            event,
            language,
            title,
        } => {
            if language.is_none() && title.is_none() {
                return Err("nothing to set: give --language or --title".into());
            }
            let id = store.resolve_event(event.as_deref())?;
            if let Some(t) = &title {
                if t.trim().is_empty() {
                    return Err("--title cannot be empty".into());
                }
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
