//! Rapporteur's desktop window: the only crate that depends on Tauri. It opens the store (the
//! same database as the CLI, or `RAPPORTEUR_DB`), hands the core a [`host::TauriHost`] that
//! pushes committed changes to the webview, and registers thin commands over the core.
//! Everything else — storage, CRDT documents, compile — lives in the `rapporteur` crate.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod bench;
mod commands;
mod error;
mod host;
mod state;

use state::AppState;
use std::sync::Arc;
use tauri::Manager;

fn main() {
    let app = tauri::Builder::default()
        .setup(|app| {
            let path = state::db_path()?;
            let host = Arc::new(host::TauriHost::new(app.handle().clone()));
            let state = AppState::open(&path, host)
                .map_err(|e| format!("cannot open {}: {}", path.display(), e.message))?;
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup_event,
            commands::list_events,
            commands::open_sample,
            commands::get_agenda,
            commands::get_session_state,
            commands::apply_update,
            commands::list_outcomes,
            commands::add_outcome,
            commands::compile_preview_html,
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
            if let Some(state) = handle.try_state::<AppState>() {
                state.shutdown();
            }
        }
    });
}
