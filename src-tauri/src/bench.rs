//! The opt-in hook of the desktop benchmarks (`bench/desktop.sh`), off unless the window is
//! started with `RAPPORTEUR_BENCH_READY=<file>`. Then `bench_target` tells the window which
//! session to open at start (`RAPPORTEUR_BENCH_OPEN="<event-id> <session-id>"`), and
//! `bench_ready` appends `<unix time in ns> <mark>` to the file once that session's editor is
//! mounted and painted: the benchmark measures from exec to that line. Nothing else reads
//! these variables, and with them unset the window behaves exactly as without this module.

use crate::error::AppError;
use serde::Serialize;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

pub const READY_VAR: &str = "RAPPORTEUR_BENCH_READY";
pub const OPEN_VAR: &str = "RAPPORTEUR_BENCH_OPEN";

/// The session the benchmark wants open at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BenchTarget {
    pub event_id: String,
    pub session_id: String,
}

fn ready_file(var: Option<OsString>) -> Option<PathBuf> {
    var.filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// The target named by `open` when the hook is on (`ready` set); `None` when it is off.
fn target(ready: Option<OsString>, open: Option<String>) -> Result<Option<BenchTarget>, AppError> {
    if ready_file(ready).is_none() {
        return Ok(None);
    }
    let open = open.unwrap_or_default();
    match open.split_whitespace().collect::<Vec<_>>()[..] {
        [event, session] => Ok(Some(BenchTarget {
            event_id: event.to_string(),
            session_id: session.to_string(),
        })),
        _ => Err(AppError::bad_input(format!(
            "{OPEN_VAR} must be \"<event-id> <session-id>\" when {READY_VAR} is set, not {open:?}"
        ))),
    }
}

fn append_mark(file: &PathBuf, mark: &str) -> Result<(), AppError> {
    let ns = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(AppError::internal)?
        .as_nanos();
    let io = |e: std::io::Error| AppError::new("io", format!("{}: {e}", file.display()));
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)
        .map_err(io)?;
    writeln!(f, "{ns} {mark}").map_err(io)
}

/// The session to open at start when the benchmark hook is on; `None` (the normal case) when
/// it is off.
#[tauri::command]
pub fn bench_target() -> Result<Option<BenchTarget>, AppError> {
    target(std::env::var_os(READY_VAR), std::env::var(OPEN_VAR).ok())
}

/// Appends a timestamped mark to the benchmark's file; an error when the hook is off.
#[tauri::command]
pub fn bench_ready(mark: String) -> Result<(), AppError> {
    let file = ready_file(std::env::var_os(READY_VAR)).ok_or_else(|| {
        AppError::bad_input(format!("the benchmark hook is off ({READY_VAR} unset)"))
    })?;
    append_mark(&file, &mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_without_the_ready_file() {
        assert_eq!(target(None, Some("e s".into())), Ok(None));
        assert_eq!(target(Some("".into()), Some("e s".into())), Ok(None));
    }

    #[test]
    fn names_the_session_when_on() {
        let t = target(Some("/tmp/x".into()), Some(" ev1  s-2 ".into())).unwrap();
        assert_eq!(
            t,
            Some(BenchTarget {
                event_id: "ev1".into(),
                session_id: "s-2".into()
            })
        );
        let e = target(Some("/tmp/x".into()), None).unwrap_err();
        assert_eq!(e.code, "bad_input");
    }

    #[test]
    fn appends_one_line_per_mark() {
        let dir = std::env::temp_dir().join(format!("rapporteur-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("ready");
        append_mark(&file, "session").unwrap();
        append_mark(&file, "again").unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let (ns, mark) = lines[0].split_once(' ').unwrap();
        assert!(ns.parse::<u128>().unwrap() > 1_600_000_000_000_000_000);
        assert_eq!(mark, "session");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
