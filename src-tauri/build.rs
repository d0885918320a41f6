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
