//! Durability: a child process appends edits and acknowledges each only after its commit; the
//! parent kills it with SIGKILL at random moments, 200 times. Every acknowledged edit must be
//! there afterwards and the database must open cleanly and pass SQLite's integrity check.
//!
//! The child is this same test binary, re-run with `--ignored --exact crash::crash_child`.

use crate::common;

use common::FakeHost;
use rand::{Rng, SeedableRng};
use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::Origin;
use rapporteur::store::{Batcher, DocRef, Store};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const CYCLES: usize = 200;

fn open(path: &std::path::Path) -> Store {
    Store::open_with_host(path, Arc::new(FakeHost::default())).expect("the database opens cleanly")
}

#[test]
#[ignore = "run by crash_kill_cycles as a child process"]
fn crash_child() {
    let path = std::env::var("CRASH_DB").expect("CRASH_DB");
    let cycle = std::env::var("CRASH_CYCLE").expect("CRASH_CYCLE");
    let batched = std::env::var("CRASH_BATCHED").is_ok();
    let store = open(path.as_ref());
    let (ev, session) = store.resolve_session("1.2", None).unwrap();
    let out = std::io::stdout();
    {
        let mut o = out.lock();
        writeln!(o, "READY").unwrap();
        o.flush().unwrap();
    }
    if batched {
        // Keystroke-style: updates go through the batcher; ACK after its acknowledgement.
        let mut source = Store::open_in_memory(Arc::new(FakeHost::default())).unwrap();
        let store = Arc::new(Mutex::new(store));
        let state = store.lock().unwrap().diff(&session, &[0]).unwrap();
        source
            .apply(
                &DocRef::session(&ev, &session),
                &state,
                &Origin::Peer("disk".into()),
            )
            .unwrap();
        source
            .apply(
                &DocRef::event(&ev),
                &store.lock().unwrap().diff(&ev, &[0]).unwrap(),
                &Origin::Peer("disk".into()),
            )
            .unwrap();
        let batcher = Batcher::start(store, Duration::from_millis(20));
        let sender = batcher.sender();
        for n in 0.. {
            let sv = source.state_vector(&session).unwrap();
            source
                .append_text(
                    &ev,
                    &session,
                    TextKind::Notes,
                    &format!("edit-{cycle}-{n}"),
                    &Origin::Local,
                )
                .unwrap();
            let u = source.diff(&session, &sv).unwrap();
            let ack = sender.submit(DocRef::session(&ev, &session), u, Origin::Editor);
            ack.recv().unwrap().unwrap();
            let mut o = out.lock();
            writeln!(o, "ACK edit-{cycle}-{n}").unwrap();
            o.flush().unwrap();
        }
    } else {
        let mut store = store;
        for n in 0.. {
            store
                .append_text(
                    &ev,
                    &session,
                    TextKind::Notes,
                    &format!("edit-{cycle}-{n}"),
                    &Origin::Cli,
                )
                .unwrap();
            let mut o = out.lock();
            writeln!(o, "ACK edit-{cycle}-{n}").unwrap();
            o.flush().unwrap();
        }
    }
}

#[test]
fn crash_kill_cycles() {
    let seed: u64 = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random);
    eprintln!("crash test seed: {seed} (set CRASH_SEED to replay)");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    {
        let mut store = open(&path);
        store
            .create_event(&common::small_agenda(), &Origin::Import)
            .unwrap();
    }
    let exe = std::env::current_exe().unwrap();
    let mut acked: Vec<String> = Vec::new();
    for cycle in 0..CYCLES {
        let mut cmd = Command::new(&exe);
        cmd.args([
            "--ignored",
            "--exact",
            "crash::crash_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CRASH_DB", &path)
        .env("CRASH_CYCLE", cycle.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
        if cycle % 2 == 1 {
            cmd.env("CRASH_BATCHED", "1");
        }
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut acks = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // libtest prints "test crash::crash_child ... " just before, on the same line.
                if line.ends_with("READY") {
                    let _ = ready_tx.send(());
                } else if let Some(a) = line.strip_prefix("ACK ") {
                    acks.push(a.to_string());
                }
            }
            acks
        });
        // Kill at a random moment once the child is writing, however slow its start was.
        ready_rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the child started");
        std::thread::sleep(Duration::from_millis(rng.random_range(1..40)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let got = reader.join().unwrap();
        acked.extend(got);
        // Every acknowledged edit survived, and the database is sound.
        let store = open(&path);
        let ok: String = store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "seed {seed}, cycle {cycle}");
        let (_, session) = store.resolve_session("1.2", None).unwrap();
        let notes = store.session_text(&session, false).unwrap();
        let present: std::collections::HashSet<&str> = notes.split("\n\n").collect();
        for a in &acked {
            assert!(
                present.contains(a.as_str()),
                "seed {seed}, cycle {cycle}: acknowledged {a} is missing"
            );
        }
    }
    assert!(
        acked.len() > CYCLES,
        "the children acknowledged too few edits ({}) for the test to mean anything",
        acked.len()
    );
    // The log replays to the same notes.
    let mut store = open(&path);
    let (_, session) = store.resolve_session("1.2", None).unwrap();
    let before = store.session_text(&session, false).unwrap();
    store.rebuild_derived().unwrap();
    assert_eq!(before, store.session_text(&session, false).unwrap());
    eprintln!(
        "{} acknowledged edits over {CYCLES} kills, all present",
        acked.len()
    );
}
