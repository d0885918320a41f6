//! What the window shows when the database cannot be opened (a newer schema, a file that is not
//! a database, a folder it may not write): instead of exiting, the app starts without a store
//! and the UI asks `startup_failure` first, then shows what went wrong, where, and what to do.

use crate::error::AppError;
use serde::Serialize;
use std::path::Path;

/// Why the store did not open, for the error screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StartupFailure {
    pub code: String,
    pub message: String,
    /// The database file it tried to open (empty when not even that was known).
    pub path: String,
    /// What the user can do about it.
    pub advice: String,
}

/// The managed state: `Some` when the app started without its store.
pub struct Startup(pub Option<StartupFailure>);

impl StartupFailure {
    pub fn new(path: Option<&Path>, error: &AppError) -> Self {
        let advice = match error.code {
            "newer_schema" => "This database was written by a newer version of Rapporteur. Install that version to open it, or set RAPPORTEUR_DB to another file. Nothing was changed.",
            "database" => "The file is not a Rapporteur database, or it is damaged. Move it aside, or set RAPPORTEUR_DB to another file, and start Rapporteur again. Nothing was changed.",
            "io" => "Rapporteur could not create or read the folder of its database. Check that the disk is not full and that you may write there, then start Rapporteur again.",
            "no_data_dir" => "Set RAPPORTEUR_DB to the path of a database file and start Rapporteur again.",
            _ => "Start Rapporteur again. If this keeps happening, report the message above.",
        };
        StartupFailure {
            code: error.code.to_string(),
            message: error.message.clone(),
            path: path.map(|p| p.display().to_string()).unwrap_or_default(),
            advice: advice.to_string(),
        }
    }
}

/// Why the app started without its store, if it did; `None` in a normal start.
#[tauri::command]
pub fn startup_failure(state: tauri::State<'_, Startup>) -> Option<StartupFailure> {
    state.0.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::AppState;
    use rapporteur::host::SystemHost;
    use std::sync::Arc;

    #[test]
    fn a_file_that_is_not_a_database_is_named_and_left_alone() {
        let dir =
            std::env::temp_dir().join(format!("rapporteur-boot-{}", rapporteur::doc::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("notes.txt");
        let content = "These are my notes, not a database.\n".repeat(200);
        std::fs::write(&path, &content).unwrap();
        let err = match AppState::open(&path, Arc::new(SystemHost)) {
            Ok(_) => panic!("a text file opened as a database"),
            Err(e) => e,
        };
        let failure = StartupFailure::new(Some(&path), &err);
        assert_eq!(failure.code, "database", "{failure:?}");
        assert_eq!(failure.path, path.display().to_string());
        assert!(failure.advice.contains("Move it aside"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
