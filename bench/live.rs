//! Live edit latency: one edit on peer A reaching peer B over the real in-room transport (TCP on
//! 127.0.0.1, Noise handshake, encrypted frames), both stores on disk with `synchronous=FULL`.
//!
//! A hosts the sample event with `room::serve`, B joins with `room::join`. Each edit appends a
//! paragraph to a session's notes on A through `Store::append_text` (the window's write path:
//! committed, then the host's `emit` pokes the sync watcher); the clock stops when B's host is
//! told that the update from A is committed on B. Edits are spaced by a random 20–60 ms, as
//! typing bursts are, so queueing from the previous edit is not measured.
//! `cargo run --release --example bench_live [-- EDITS [DIR]]` (default 300, target/bench-live).
//! Prints Markdown.

use chrono::{DateTime, Utc};
use rand::Rng;
use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::{Change, Host, Origin};
use rapporteur::store::Store;
use rapporteur::sync::transport::code::JoinCode;
use rapporteur::sync::transport::{room, watch, SharedStore};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A's host: wakes the sync watcher after every local commit, as the window's host does.
struct Writer;

impl Host for Writer {
    fn emit(&self, change: &Change) {
        if !matches!(change.origin, Origin::Peer(_)) {
            watch::local_write_committed();
        }
    }
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// B's host: reports every document a peer changed, with the time it was committed.
struct Receiver(Mutex<mpsc::Sender<(String, Instant)>>);

impl Host for Receiver {
    fn emit(&self, change: &Change) {
        if matches!(change.origin, Origin::Peer(_)) {
            let tx = self.0.lock().expect("lock");
            let _ = tx.send((change.doc_id.clone(), Instant::now()));
        }
    }
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let edits: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(300);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/bench-live".into()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let mut a = Store::open_with_host(&dir.join("a.db"), Arc::new(Writer))?;
    let (event, _) = rapporteur::sample::ensure_sample_event(&mut a)?;
    let session = a.agenda(&event)?.days[0].sessions[0].id.clone();
    a.append_text(
        &event,
        &session,
        TextKind::Notes,
        "Before the benchmark.",
        &Origin::Local,
    )?;
    let (tx, rx) = mpsc::channel();
    let b = Store::open_with_host(&dir.join("b.db"), Arc::new(Receiver(Mutex::new(tx))))?;
    let a: SharedStore = Arc::new(Mutex::new(a));
    let b: SharedStore = Arc::new(Mutex::new(b));

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
    let addr = listener.local_addr()?.to_string();
    let code = JoinCode::generate();
    let code_b = JoinCode::parse(&code.to_string())?;
    rt.spawn(room::serve(a.clone(), listener, event.clone(), code));
    rt.spawn(room::join(b.clone(), addr, code_b, |_| {}));

    // Wait until B has the session (the initial sync), then until it is quiet.
    let start = Instant::now();
    loop {
        let has = b
            .lock()
            .map_err(|_| "lock")?
            .session_text(&session, false)
            .is_ok_and(|t| t.contains("Before the benchmark."));
        if has {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            return Err("B never received the sample event".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    while rx.try_recv().is_ok() {}

    let mut rng = rand::rng();
    let mut lat = Vec::with_capacity(edits);
    for k in 0..edits {
        std::thread::sleep(Duration::from_millis(rng.random_range(20..60)));
        let t0 = Instant::now();
        a.lock().map_err(|_| "lock")?.append_text(
            &event,
            &session,
            TextKind::Notes,
            &format!("live edit {k}"),
            &Origin::Local,
        )?;
        loop {
            let (doc, at) = rx
                .recv_timeout(Duration::from_secs(10))
                .map_err(|_| format!("edit {k} never reached B"))?;
            if doc == session {
                lat.push(at.duration_since(t0).as_secs_f64() * 1000.0);
                break;
            }
        }
    }
    let text = b
        .lock()
        .map_err(|_| "lock")?
        .session_text(&session, false)?;
    assert!(
        text.contains(&format!("live edit {}", edits - 1)),
        "B has the last edit"
    );
    lat.sort_by(f64::total_cmp);
    println!("| measure | value |");
    println!("|---|---|");
    println!("| edits (A → B, loopback, Noise, on-disk stores) | {edits} |");
    println!("| p50 | {:.2} ms |", percentile(&lat, 0.50));
    println!("| p95 | {:.2} ms |", percentile(&lat, 0.95));
    println!("| p99 | {:.2} ms |", percentile(&lat, 0.99));
    println!("| max | {:.2} ms |", lat[lat.len() - 1]);
    rt.shutdown_timeout(Duration::from_millis(200));
    Ok(())
}
