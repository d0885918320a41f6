//! Rapporteur's desktop window: the only crate that depends on Tauri. It opens the store (the
//! same database as the CLI, or `RAPPORTEUR_DB`), hands the core a [`host::TauriHost`] that
//! pushes committed changes to the webview, and registers thin commands over the core.
//! Everything else — storage, CRDT documents, compile — lives in the `rapporteur` crate.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod agenda_edit;
mod bench;
mod board;
mod boot;
mod collab;
#[cfg(test)]
mod command_list;
mod commands;
mod draft;
mod error;
mod host;
mod import;
mod language;
mod participants;
mod presence;
mod review;
mod state;
mod watch;

use state::AppState;
use std::sync::Arc;
use tauri::Manager;

fn main() {
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let cursors = presence::reporter(app.handle().clone());
            app.manage(rapporteur::collab::Live::new().with_presence(cursors));
            // A database that does not open is shown on the error screen, not a crash.
            let opened = state::db_path()
                .map_err(|e| (None, error::AppError::new("no_data_dir", e)))
                .and_then(|path| {
                    let host = Arc::new(host::TauriHost::new(app.handle().clone()));
                    AppState::open(&path, host).map_err(|e| (Some(path), e))
                });
            match opened {
                Ok(state) => {
                    app.manage(state);
                    app.manage(boot::Startup(None));
                    watch::spawn(app.handle().clone());
                }
                Err((path, e)) => {
                    eprintln!("rapporteur: cannot open the database: {e}");
                    app.manage(boot::Startup(Some(boot::StartupFailure::new(
                        path.as_deref(),
                        &e,
                    ))));
                }
            }
            Ok(())
        })
        // The one list of the window's commands: build.rs makes their permissions from it,
        // and command_list's test checks the capability and ui/src/ipc against it.
        .invoke_handler(tauri::generate_handler![
            commands::startup_event,
            commands::list_events,
            commands::open_sample,
            commands::get_agenda,
            commands::get_session_state,
            commands::apply_update,
            commands::list_outcomes,
            // The Collaborate panel.
            collab::collab_host,
            collab::collab_join,
            collab::collab_relay,
            collab::collab_stop,
            collab::collab_status,
            collab::collab_discover,
            collab::bundle_export,
            collab::bundle_import,
            presence::send_awareness,
            presence::device_id,
            // The outcome board (board.rs).
            board::capture_outcome,
            board::edit_outcome,
            board::merge_outcomes,
            board::keep_both,
            // The Versions panel (review.rs).
            review::review_state,
            review::set_author,
            review::save_version,
            review::circulate_version,
            review::finalize_event,
            review::reopen_event,
            review::compare_versions,
            review::compare_html,
            review::restore_version,
            // Draft, search, import, agenda and participants editing, error screen.
            boot::startup_failure,
            draft::draft_preview,
            draft::export_draft,
            draft::search,
            import::preview_agenda_text,
            import::preview_agenda_file,
            import::import_agenda_text,
            import::import_agenda_file,
            agenda_edit::set_session_field,
            agenda_edit::add_session,
            agenda_edit::move_session,
            agenda_edit::list_participants,
            agenda_edit::add_participant,
            agenda_edit::edit_participant,
            agenda_edit::remove_participant,
            participants::preview_participant_list,
            participants::import_participant_list,
            // The window's language on this device (language.rs).
            language::ui_language,
            language::set_ui_language,
            // The benchmark hook (off unless RAPPORTEUR_BENCH_READY is set): bench/desktop.sh.
            bench::bench_target,
            bench::bench_ready,
        ])
        .build(tauri::generate_context!("../tauri.conf.json"))
        .unwrap_or_else(|e| {
            eprintln!("rapporteur: the window could not start: {e}");
            std::process::exit(1);
        });
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            if let Some(live) = handle.try_state::<rapporteur::collab::Live>() {
                live.stop();
            }
            if let Some(state) = handle.try_state::<AppState>() {
                state.shutdown();
            }
        }
    });
}
