//! Rust half of the Rust-vs-Yjs replay benchmark (the issue's "same editing trace replayed
//! through Rust and through Yjs in Node, side by side"). It exists to show what yrs itself
//! costs per keystroke, apart from the store and SQLite, against the reference implementation.
//!
//! Replays the keystroke trace of `support/keytrace.rs` (one typist, OPS single-character
//! inserts and deletes into one Y.Text `notes`) through yrs: one transaction per keystroke,
//! every update collected through `observe_update_v1` (as a Yjs `doc.on('update')` listener
//! would). The document's client id is fixed from the seed so that Yjs, given the same id,
//! can produce byte-identical updates. Measures the replay time (median of RUNS fresh replays),
//! the final length, the size of `encode_state_as_update_v1`, the sum of the update sizes, the
//! time to apply the collected updates one by one to a fresh document (what the store does with
//! the window's keystrokes) and the time to load the encoded state into a fresh document. Writes `rust.json`, the encoded
//! state (`rust-state.bin`) and the final text (`rust-text.txt`) to OUT for `bench/replay.mjs`,
//! which replays the same trace through Yjs, cross-checks and prints the table.
//! `cargo run --release --example bench_replay [-- OPS SEED RUNS OUT]`
//! (default 100000, 1, 5, target/bench-replay); `bench/run.sh replay` runs both halves.

#[path = "keytrace.rs"]
mod keytrace;

use keytrace::{Op, Typist};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use yrs::updates::decoder::Decode;
use yrs::{Doc, GetString, ReadTxn, StateVector, Text, Transact, Update};

struct Replay {
    time: Duration,
    updates: Vec<Vec<u8>>,
    doc: Doc,
}

fn replay(ops: &[Op], client_id: u64) -> Replay {
    let doc = Doc::with_client_id(client_id);
    let text = doc.get_or_insert_text("notes");
    let updates: Arc<Mutex<Vec<Vec<u8>>>> = Arc::new(Mutex::new(Vec::with_capacity(ops.len())));
    let sink = updates.clone();
    doc.observe_update_v1("bench", move |_, e| {
        sink.lock().expect("not poisoned").push(e.update.clone());
    })
    .expect("no transaction open");
    let start = Instant::now();
    for op in ops {
        let mut txn = doc.transact_mut();
        match *op {
            Op::Insert { pos, ch } => text.insert(&mut txn, pos, ch.encode_utf8(&mut [0; 4])),
            Op::Delete { pos } => text.remove_range(&mut txn, pos, 1),
        }
    }
    let time = start.elapsed();
    doc.unobserve_update_v1("bench")
        .expect("no transaction open");
    let updates = std::mem::take(&mut *updates.lock().expect("not poisoned"));
    Replay { time, updates, doc }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(100_000);
    let seed: u32 = args.next().map(|a| a.parse()).transpose()?.unwrap_or(1);
    let runs: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(5)
        .max(1);
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "target/bench-replay".into()));
    std::fs::create_dir_all(&out)?;
    eprintln!("seed {seed}, {n} keystrokes, {runs} runs");
    let load_start = loadavg();

    let mut typist = Typist::new(seed, 0);
    let ops: Vec<Op> = (0..n).map(|_| typist.next_op()).collect();
    let deletes = ops
        .iter()
        .filter(|o| matches!(o, Op::Delete { .. }))
        .count();
    let client_id = u64::from(seed) + 1;

    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let r = replay(&ops, client_id);
        times.push(r.time.as_secs_f64() * 1e3);
        last = Some(r);
    }
    let r = last.expect("at least one run");
    let (final_text, final_len, state) = {
        let txn = r.doc.transact();
        let text = txn.get_text("notes").expect("notes exists");
        (
            text.get_string(&txn),
            text.len(&txn),
            txn.encode_state_as_update_v1(&StateVector::default()),
        )
    };
    let update_sum: usize = r.updates.iter().map(Vec::len).sum();
    assert_eq!(r.updates.len(), n, "one update per keystroke");

    // Applying the collected updates one by one to a fresh document: what the store does
    // with the window's keystrokes (integration by id, no index lookup).
    let mut apply_times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let fresh = Doc::new();
        let text = fresh.get_or_insert_text("notes");
        for u in &r.updates {
            let mut txn = fresh.transact_mut();
            txn.apply_update(Update::decode_v1(u)?)?;
        }
        apply_times.push(start.elapsed().as_secs_f64() * 1e3);
        assert_eq!(text.get_string(&fresh.transact()), final_text);
    }

    // Loading the encoded state into a fresh document (opening a session).
    let mut load_times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let fresh = Doc::new();
        let text = fresh.get_or_insert_text("notes");
        let mut txn = fresh.transact_mut();
        txn.apply_update(Update::decode_v1(&state)?)?;
        let len = text.len(&txn);
        load_times.push(start.elapsed().as_secs_f64() * 1e3);
        assert_eq!(len, final_len);
    }
    let load_end = loadavg();

    std::fs::write(out.join("rust-state.bin"), &state)?;
    std::fs::write(out.join("rust-text.txt"), &final_text)?;
    let report = serde_json::json!({
        "seed": seed,
        "ops": n,
        "deletes": deletes,
        "runs": runs,
        "client_id": client_id,
        "replay_ms": median(times.clone()),
        "replay_ms_all": times,
        "final_length": final_len,
        "state_bytes": state.len(),
        "update_bytes_sum": update_sum,
        "updates": r.updates.len(),
        "load_state_ms": median(load_times),
        "apply_updates_ms": median(apply_times),
        "load": [load_start, load_end],
    });
    std::fs::write(
        out.join("rust.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
