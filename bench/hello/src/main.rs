//! The baseline of bench/desktop.sh: a Tauri window showing a static page, and the same kind of
//! `bench_ready` command as Rapporteur's benchmark hook (a timestamp line appended to the file
//! named by RAPPORTEUR_BENCH_READY), called by the page on DOMContentLoaded.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

#[tauri::command]
fn bench_ready(mark: String) -> Result<(), String> {
    let file = std::env::var_os("RAPPORTEUR_BENCH_READY")
        .filter(|v| !v.is_empty())
        .ok_or("RAPPORTEUR_BENCH_READY is not set")?;
    let ns = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_nanos();
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)
        .map_err(|e| e.to_string())?;
    writeln!(f, "{ns} {mark}").map_err(|e| e.to_string())
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![bench_ready])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("hello: the window could not start: {e}");
            std::process::exit(1);
        });
}
