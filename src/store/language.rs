//! Languages in the store: the event's language (in the event document, so every device
//! compiles the same draft) and the window's language (a setting of this device, in the
//! `setting` table, never synced: one rapporteur reads French while her colleague reads
//! Arabic).

use super::{DocRef, Result, Store, StoreError};
use crate::doc::event_doc::{self, EditError};

use crate::host::Origin;
use crate::i18n::Language;
use rusqlite::OptionalExtension;

const UI_LANGUAGE: &str = "ui_language";

/// The window's language: the one chosen on this device, or the system's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct UiLanguage {
    /// Chosen in the window and stored on this device; `None` follows the system.
    pub chosen: Option<Language>,
    /// The system locale's language (`LC_ALL`, `LC_MESSAGES`, `LANG`; English for `C`).
    pub system: Language,
    /// What the window shows: `chosen`, else `system`.
    pub effective: Language,
}

impl Store {
    /// Sets the language an event's draft is written in.
    pub fn set_language(
        &mut self,
        event_id: &str,
        language: Language,
        origin: &Origin,
    ) -> Result<()> {
        self.require_event(event_id)?;
        self.edit(&DocRef::event(event_id), origin, |txn| {
            event_doc::set_language(txn, language);
            Ok(())
        })?;
        Ok(())
    }

    /// Renames an event. An empty title is refused.
    pub fn set_title(&mut self, event_id: &str, title: &str, origin: &Origin) -> Result<()> {
        let title = title.trim();
        if title.is_empty() {
            return Err(EditError::BadValue("the title cannot be empty".into()).into());
        }
        self.require_event(event_id)?;
        self.edit(&DocRef::event(event_id), origin, |txn| {
            event_doc::set_title(txn, title);
            Ok(())
        })?;
        Ok(())
    }

    /// A setting of this device, if it was ever set.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.conn()
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| StoreError::sql("reading a setting", e))
    }

    /// Sets (or with `None` clears) a setting of this device, durably.
    pub fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<()> {
        let r = match value {
            Some(v) => self.conn().execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, v),
            ),
            None => self.conn().execute("DELETE FROM setting WHERE key = ?1", [key]),
        };
        r.map(|_| ())
            .map_err(|e| StoreError::sql("writing a setting", e))
    }

    /// The window's language on this device, given the system's.
    pub fn ui_language(&self, system: Language) -> Result<UiLanguage> {
        // A value this build does not know (written by a newer one) counts as not chosen.
        let chosen = self
            .setting(UI_LANGUAGE)?
            .and_then(|v| v.parse::<Language>().ok());
        Ok(UiLanguage {
            chosen,
            system,
            effective: chosen.unwrap_or(system),
        })
    }

    /// Chooses the window's language on this device (`None`: follow the system).
    pub fn set_ui_language(&mut self, chosen: Option<Language>) -> Result<()> {
        self.set_setting(UI_LANGUAGE, chosen.map(Language::code))
    }
}

#[cfg(test)]
mod tests {
    use crate::host::{Origin, SystemHost};
    use crate::i18n::Language;
    use crate::store::Store;
    use std::sync::Arc;

    #[test]
    fn the_window_language_is_per_device_and_follows_the_system_until_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let mut store = Store::open_with_host(&path, Arc::new(SystemHost)).unwrap();
        let l = store.ui_language(Language::Ru).unwrap();
        assert_eq!((l.chosen, l.effective), (None, Language::Ru));
        store.set_ui_language(Some(Language::Ar)).unwrap();
        drop(store);
        let mut store = Store::open_with_host(&path, Arc::new(SystemHost)).unwrap();
        let l = store.ui_language(Language::Ru).unwrap();
        assert_eq!((l.chosen, l.effective), (Some(Language::Ar), Language::Ar));
        store.set_ui_language(None).unwrap();
        assert_eq!(
            store.ui_language(Language::En).unwrap().effective,
            Language::En
        );
        // A value from a newer build is ignored, not an error.
        store.set_setting("ui_language", Some("xx")).unwrap();
        assert_eq!(store.ui_language(Language::Fr).unwrap().chosen, None);
    }

    #[test]
    fn the_event_language_is_in_the_event_document() {
        let mut store = Store::open_in_memory(Arc::new(SystemHost)).unwrap();
        let id = crate::sample::ensure_sample_event(&mut store).unwrap().0;
        assert_eq!(store.snapshot(&id).unwrap().info.language, Language::En);
        store.set_language(&id, Language::Fr, &Origin::Cli).unwrap();
        assert_eq!(store.snapshot(&id).unwrap().info.language, Language::Fr);
        assert_eq!(store.agenda(&id).unwrap().info.language, Language::Fr);
        store
            .set_title(&id, "Retraite annuelle", &Origin::Cli)
            .unwrap();
        assert_eq!(store.snapshot(&id).unwrap().info.title, "Retraite annuelle");
        assert!(store.set_title(&id, "  ", &Origin::Cli).is_err());
        assert!(store
            .set_language("nope", Language::Fr, &Origin::Cli)
            .is_err());
    }
}
