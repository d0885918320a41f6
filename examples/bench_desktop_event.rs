//! Prepares a database for the desktop benchmarks (`bench/desktop.sh`): the sample event, plus
//! NOTES note paragraphs spread round-robin over its working sessions, each appended as its own
//! edit (as typing would leave them: one update per paragraph in the log). Prints the event id
//! and the id of the first working session, which the benchmark opens.
//!
//! Usage: `bench_desktop_event DB NOTES` (DB is replaced).

use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::{Origin, SystemHost};
use rapporteur::model::SessionKind;
use rapporteur::store::Store;
use std::path::PathBuf;
use std::sync::Arc;

const WORDS: [&str; 32] = [
    "migration",
    "compact",
    "member",
    "states",
    "support",
    "regular",
    "pathways",
    "data",
    "coordination",
    "agenda",
    "the",
    "of",
    "and",
    "to",
    "in",
    "rural",
    "development",
    "negotiations",
    "technical",
    "inputs",
    "agreed",
    "noted",
    "should",
    "partners",
    "work",
    "plan",
    "funding",
    "evidence",
    "capacity",
    "return",
    "labour",
    "protection",
];
const HANDLES: [&str; 6] = ["FAO", "IOM", "UNU", "UNHCR", "ILO", "UNDP"];

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(db), Some(notes)) = (args.next(), args.next()) else {
        eprintln!("usage: bench_desktop_event DB NOTES");
        std::process::exit(2);
    };
    let notes: usize = notes.parse().unwrap_or_else(|_| {
        eprintln!("NOTES must be a number, not {notes:?}");
        std::process::exit(2);
    });
    let db = PathBuf::from(db);
    for ext in ["", "-wal", "-shm"] {
        let mut p = db.clone().into_os_string();
        p.push(ext);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => panic!("cannot remove {}: {e}", PathBuf::from(p).display()),
        }
    }
    let mut store = Store::open_with_host(&db, Arc::new(SystemHost)).expect("open the database");
    let (event, _) = rapporteur::sample::ensure_sample_event(&mut store).expect("sample event");
    let sessions: Vec<String> = store
        .agenda(&event)
        .expect("agenda")
        .days
        .iter()
        .flat_map(|d| d.sessions.iter())
        .filter(|s| s.kind.values.first().copied().unwrap_or_default() == SessionKind::Working)
        .map(|s| s.id.clone())
        .collect();
    assert!(
        !sessions.is_empty(),
        "the sample event has no working session"
    );

    // A fixed LCG, so every run writes the same notes.
    let mut seed: u64 = 0x2018_0213;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for i in 0..notes {
        let mut p = format!("@{} noted that", HANDLES[next() % HANDLES.len()]);
        for _ in 0..(20 + next() % 20) {
            p.push(' ');
            p.push_str(WORDS[next() % WORDS.len()]);
        }
        p.push('.');
        let session = &sessions[i % sessions.len()];
        store
            .append_text(&event, session, TextKind::Notes, &p, &Origin::Cli)
            .expect("append a note");
    }
    println!("{event} {}", sessions[0]);
}
