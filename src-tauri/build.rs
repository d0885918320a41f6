//! Reads the top-level `tauri.conf.json` and generates the permissions of the app's commands:
//! only commands listed here can be granted, and `capabilities/default.json` grants them.
//! The list is not written here: it is read from the one declaration, the
//! `generate_handler![…]` list in `src/main.rs` (see `src/command_list.rs`).

#[path = "src/command_list.rs"]
mod command_list;

fn main() {
    println!("cargo:rerun-if-changed=src/main.rs");
    let main_rs = std::fs::read_to_string("src/main.rs")
        .unwrap_or_else(|e| panic!("build.rs: cannot read src/main.rs: {e}"));
    let names = command_list::registered(&main_rs);
    if names.is_empty() {
        panic!("build.rs: no generate_handler![…] list in src/main.rs");
    }
    // tauri-build wants the names for the whole build: leaked, once, in a build script.
    let commands: Vec<&'static str> = names
        .into_iter()
        .map(|n| -> &'static str { n.leak() })
        .collect();
    let commands: &'static [&'static str] = commands.leak();
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build: {e:#}");
    }
}
