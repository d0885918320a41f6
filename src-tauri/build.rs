//! Reads the top-level `tauri.conf.json` and generates the permissions of the app's commands:
//! only commands listed here can be granted, and `capabilities/default.json` grants them.

/// Every command the window may call; keep in step with `commands.rs` and the capability.
const COMMANDS: &[&str] = &[
    "startup_event",
    "list_events",
    "open_sample",
    "get_agenda",
    "get_session_state",
    "apply_update",
    "list_outcomes",
    "add_outcome",
    "compile_preview_html",
    // The Collaborate panel (collab.rs).
    "collab_host",
    "collab_join",
    "collab_relay",
    "collab_stop",
    "collab_status",
    "collab_discover",
    "bundle_export",
    "bundle_import",
    // Who is here, remote cursors (presence.rs).
    "send_awareness",
    "device_id",
    // The outcome board (board.rs).
    "capture_outcome",
    "edit_outcome",
    "merge_outcomes",
    "keep_both",
    // Draft, search, import, agenda and participants editing, error screen.
    "startup_failure",
    "draft_preview",
    "export_draft",
    "search",
    "preview_agenda_text",
    "preview_agenda_file",
    "import_agenda_text",
    "import_agenda_file",
    "set_session_field",
    "add_session",
    "move_session",
    "list_participants",
    "add_participant",
    "edit_participant",
    "remove_participant",
    // The window's language on this device (language.rs).
    "ui_language",
    "set_ui_language",
    // The benchmark hook (src/bench.rs): inert unless RAPPORTEUR_BENCH_READY is set.
    "bench_target",
    "bench_ready",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build: {e:#}");
    }
}
