//! Sync benchmark: five peers start in sync, are partitioned (each alone), each makes N edits,
//! then the network heals and the peers converge through the in-memory network that the
//! `Peer` state machine drives. It exists to measure the issue's "time to converge after a
//! partition" and "bytes sent per edit against the update's own size" in two traces:
//!
//! - `keys` (what the window sends): each edit is one keystroke typed into a session's notes in
//!   a window-like Y.Doc of its own (its own client, loaded from the store's state, as the
//!   session view does), one Yjs update per keystroke, stored through `Store::apply` with
//!   `Origin::Editor` (the window's path: `commit_update` → batching writer → `apply_batch`).
//!   The keystrokes come from `support/keytrace.rs`; each peer types mostly in one session,
//!   sometimes in a second, and sessions are shared between peers so concurrent edits land in
//!   the same texts.
//! - `paragraphs` (the stress variant): each edit appends a whole paragraph
//!   (`Store::append_text`), so every edit is a new derived text block and search entry.
//!
//! After the heal all five stores must hold the same snapshot and the same notes per session.
//! Prints Markdown, one column per trace.
//! `cargo run --release --example bench_sync [-- EDITS_PER_PEER [keys|paragraphs|both] [SEED]]`
//! (default 10000, both, seed 1).

#[path = "keytrace.rs"]
mod keytrace;

use keytrace::{Op, Rng, Typist};
use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::{Origin, SystemHost};
use rapporteur::model::SessionKind;
use rapporteur::store::{DocRef, Store};
use rapporteur::sync::protocol::decode_frame;
use rapporteur::sync::{Frame, Peer, RateLimit};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};
use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::{Doc, GetString, Text, TextRef, Transact, Update};

const PEERS: usize = 5;

/// Where each peer types: its main session (80 % of its runs) and a second one, as indices
/// into the event's working sessions. Sessions 0 and 2 have three typists each, 1 and 3 two.
const MAIN: [usize; PEERS] = [0, 0, 1, 2, 2];
const SECOND: [usize; PEERS] = [1, 2, 3, 3, 0];

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Keys,
    Paragraphs,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Keys => "keystrokes",
            Mode::Paragraphs => "paragraphs (stress)",
        }
    }
}

struct Report {
    edits_each: usize,
    edit_time: Duration,
    converge: Duration,
    traffic: Traffic,
    update_bytes: usize,
    merged_bytes: usize,
    sessions_typed: usize,
    notes_chars: usize,
    load: (String, String),
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let edits: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let modes = match args.next().as_deref() {
        None | Some("both") => vec![Mode::Keys, Mode::Paragraphs],
        Some("keys") => vec![Mode::Keys],
        Some("paragraphs") => vec![Mode::Paragraphs],
        Some(other) => return Err(format!("unknown trace {other:?}").into()),
    };
    let seed: u32 = args.next().map(|a| a.parse()).transpose()?.unwrap_or(1);
    eprintln!("seed {seed}");
    let mut reports = Vec::new();
    for &mode in &modes {
        let r = run(mode, edits, seed)?;
        eprintln!(
            "{}: converged in {:.3} s",
            mode.name(),
            r.converge.as_secs_f64()
        );
        reports.push((mode, r));
    }
    print_table(&reports, seed);
    Ok(())
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn run(mode: Mode, edits: usize, seed: u32) -> Result<Report, Box<dyn std::error::Error>> {
    let load_start = loadavg();
    let mut stores: Vec<Store> = (0..PEERS)
        .map(|_| Store::open_in_memory(Arc::new(SystemHost)))
        .collect::<Result<_, _>>()?;
    let (event, _) = rapporteur::sample::ensure_sample_event(&mut stores[0])?;
    let agenda = stores[0].agenda(&event)?;
    let all: Vec<_> = agenda.days.iter().flat_map(|d| d.sessions.iter()).collect();
    let sessions: Vec<String> = all.iter().map(|s| s.id.clone()).collect();
    let working: Vec<String> = all
        .iter()
        .filter(|s| s.kind.first() != Some(&SessionKind::Logistics))
        .map(|s| s.id.clone())
        .collect();
    let working = if working.len() >= 4 {
        working
    } else {
        sessions.clone()
    };
    // Start in sync.
    let (setup, _) = converge(&mut stores, &event, &HashSet::new())?;
    eprintln!("initial sync: {setup:?}");
    let before: Vec<usize> = sessions
        .iter()
        .map(|s| stores[0].session_text(s, false).map(|t| t.len()))
        .collect::<Result<_, _>>()?;

    let base: Vec<Vec<u8>> = sessions
        .iter()
        .map(|s| stores[0].state_vector(s))
        .collect::<Result<_, _>>()?;

    // Partitioned: every peer edits alone.
    let t_edit = Instant::now();
    let mut update_bytes = 0usize;
    let mut typed = HashSet::new();
    let mut inserted = 0usize;
    let mut deleted = 0usize;
    for (p, store) in stores.iter_mut().enumerate() {
        match mode {
            Mode::Paragraphs => {
                for k in 0..edits {
                    let s = &sessions[(k * 7 + p) % sessions.len()];
                    typed.insert(s.clone());
                    let doc = DocRef::session(&event, s);
                    let before = store.state_vector(s)?;
                    store.append_text(
                        &event,
                        s,
                        TextKind::Notes,
                        &format!("p{p} word {k}"),
                        &Origin::Local,
                    )?;
                    update_bytes += store.diff(&doc.doc_id, &before)?.len();
                }
            }
            Mode::Keys => {
                let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(p as u32));
                let mut windows: HashMap<String, Window> = HashMap::new();
                let mut k = 0;
                while k < edits {
                    // A run of typing in one session (a speaker's turn or more).
                    let run = (200 + rng.below(1800) as usize).min(edits - k);
                    let which = if rng.below(100) < 80 {
                        MAIN[p]
                    } else {
                        SECOND[p]
                    };
                    let s = &working[which % working.len()];
                    typed.insert(s.clone());
                    let doc = DocRef::session(&event, s);
                    if !windows.contains_key(s) {
                        let w = Window::open(store, &doc, rng.next_u32())?;
                        windows.insert(s.clone(), w);
                    }
                    let w = windows.get_mut(s).expect("opened");
                    for _ in 0..run {
                        let (update, op) = w.keystroke();
                        match op {
                            Op::Insert { .. } => inserted += 1,
                            Op::Delete { .. } => deleted += 1,
                        }
                        update_bytes += update.len();
                        store.apply(&doc, &update, &Origin::Editor)?;
                    }
                    k += run;
                }
                // What each window typed is what its store holds.
                for (s, w) in &windows {
                    assert_eq!(
                        w.text(),
                        store.session_text(s, false)?,
                        "window and store differ"
                    );
                }
            }
        }
    }
    let edit_time = t_edit.elapsed();
    // What each peer made during the partition, as one diff per document: every other peer
    // needs at least this much.
    let mut merged_bytes = 0;
    for store in stores.iter_mut() {
        for (s, sv) in sessions.iter().zip(&base) {
            let d = store.diff(s, sv)?;
            if d != [0, 0] {
                merged_bytes += d.len();
            }
        }
    }

    let (elapsed, traffic) = converge(&mut stores, &event, &typed)?;
    let load_end = loadavg();
    let snap = stores[0].snapshot(&event)?;
    for s in &stores[1..] {
        assert_eq!(snap, s.snapshot(&event)?, "peers did not converge");
    }
    let mut notes_chars = 0;
    for s in &sessions {
        let text = stores[0].session_text(s, false)?;
        for store in stores.iter_mut() {
            assert_eq!(text, store.session_text(s, false)?, "notes of {s} differ");
            assert_eq!(text, crdt_notes(store, s)?, "derived notes of {s} lag");
        }
        notes_chars += text.len();
    }
    if mode == Mode::Keys && before.iter().all(|&n| n == 0) {
        // The notes started empty, so every peer deleted only what it typed itself: every
        // keystroke must be accounted for in the merged notes.
        let expected = before.iter().sum::<usize>() + inserted - deleted;
        assert_eq!(notes_chars, expected, "characters lost or duplicated");
    }
    Ok(Report {
        edits_each: edits,
        edit_time,
        converge: elapsed,
        traffic,
        update_bytes,
        merged_bytes,
        sessions_typed: typed.len(),
        notes_chars,
        load: (load_start, load_end),
    })
}

/// A window's view of one session: its own Y.Doc (its own random 32-bit client id, as Yjs
/// picks), loaded from the store's full state, typing into `notes`; each keystroke is one
/// transaction, hence one update.
struct Window {
    doc: Doc,
    notes: TextRef,
    typist: Typist,
}

impl Window {
    fn open(
        store: &mut Store,
        doc: &DocRef,
        seed: u32,
    ) -> Result<Self, Box<dyn std::error::Error>> {
        let state = store.diff(&doc.doc_id, &[0])?;
        let ydoc = Doc::with_client_id(u64::from(seed.max(1)));
        let notes = ydoc.get_or_insert_text(rapporteur::doc::session_doc::NOTES);
        let len = {
            let mut txn = ydoc.transact_mut();
            txn.apply_update(Update::decode_v1(&state)?)?;
            notes.len(&txn)
        };
        Ok(Window {
            doc: ydoc,
            notes,
            typist: Typist::new(seed, len),
        })
    }

    fn keystroke(&mut self) -> (Vec<u8>, Op) {
        let op = self.typist.next_op();
        let mut txn = self.doc.transact_mut();
        match op {
            Op::Insert { pos, ch } => self
                .notes
                .insert(&mut txn, pos, ch.encode_utf8(&mut [0; 4])),
            Op::Delete { pos } => self.notes.remove_range(&mut txn, pos, 1),
        }
        (txn.encode_update_v1(), op)
    }

    fn text(&self) -> String {
        self.notes.get_string(&self.doc.transact())
    }
}

/// The notes as the store's document holds them (not the derived rows).
fn crdt_notes(store: &mut Store, doc_id: &str) -> Result<String, Box<dyn std::error::Error>> {
    let doc = Doc::new();
    let notes = doc.get_or_insert_text(rapporteur::doc::session_doc::NOTES);
    let mut txn = doc.transact_mut();
    txn.apply_update(Update::decode_v1(&store.diff(doc_id, &[0])?)?)?;
    Ok(notes.get_string(&txn))
}

fn print_table(reports: &[(Mode, Report)], seed: u32) {
    let cols = |f: &dyn Fn(&Report) -> String| {
        reports
            .iter()
            .map(|(_, r)| f(r))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let heads: Vec<&str> = reports.iter().map(|(m, _)| m.name()).collect();
    println!("| measure (seed {seed}) | {} |", heads.join(" | "));
    println!("|---|{}", "---|".repeat(reports.len()));
    println!(
        "| peers × edits each (during a partition) | {} |",
        cols(&|r| format!("{PEERS} × {}", r.edits_each))
    );
    println!(
        "| sessions typed into / characters of notes at the end | {} |",
        cols(&|r| format!("{} / {}", r.sessions_typed, r.notes_chars))
    );
    println!(
        "| local edit time (all peers, in-memory SQLite) | {} |",
        cols(&|r| format!("{:.2} s", r.edit_time.as_secs_f64()))
    );
    println!(
        "| **time to converge after the heal** | {} |",
        cols(&|r| format!("**{:.3} s**", r.converge.as_secs_f64()))
    );
    let per_edit = |r: &Report, b: usize| b as f64 / (r.edits_each * PEERS) as f64;
    println!(
        "| frames sent | {} |",
        cols(&|r| r.traffic.frames.to_string())
    );
    println!(
        "| bytes sent | {} |",
        cols(&|r| r.traffic.bytes.to_string())
    );
    for (i, kind) in ["step 1", "step 2", "update (reconnect pushes)"]
        .iter()
        .enumerate()
    {
        println!(
            "| … of which {kind}: frames / bytes | {} |",
            cols(&|r| format!("{} / {}", r.traffic.kinds[i].0, r.traffic.kinds[i].1))
        );
    }
    println!(
        "| … of which about the documents edited during the partition | {} |",
        cols(&|r| r.traffic.edited_bytes.to_string())
    );
    println!(
        "| mean update size of one edit (what the editor produced) | {} |",
        cols(&|r| format!("{:.1} B", per_edit(r, r.update_bytes)))
    );
    println!(
        "| bytes sent per edit (each edit reaches {} peers) | {} |",
        PEERS - 1,
        cols(&|r| format!("{:.1} B", per_edit(r, r.traffic.bytes)))
    );
    println!(
        "| bytes sent per edit and receiving peer ÷ mean update size | {} |",
        cols(&|r| format!(
            "{:.2}",
            r.traffic.bytes as f64 / (PEERS - 1) as f64 / r.update_bytes as f64
        ))
    );
    println!(
        "| each peer's partition edits as one diff per document, per edit | {} |",
        cols(&|r| format!("{:.1} B", per_edit(r, r.merged_bytes)))
    );
    println!(
        "| bytes about the edited documents ÷ (those diffs × {} receiving peers) | {} |",
        PEERS - 1,
        cols(&|r| format!(
            "{:.2}",
            r.traffic.edited_bytes as f64 / (r.merged_bytes * (PEERS - 1)) as f64
        ))
    );
    println!(
        "| load average (1, 5, 15 min) at start → after the heal | {} |",
        cols(&|r| format!("{} → {}", r.load.0, r.load.1))
    );
}

/// What crossed the network during one convergence.
#[derive(Default)]
struct Traffic {
    frames: usize,
    bytes: usize,
    /// (frames, bytes) of step 1, step 2 and update messages (reconnect pushes and parts).
    kinds: [(usize, usize); 3],
    /// Bytes of frames about the documents edited during the partition.
    edited_bytes: usize,
}

/// Connects every pair and delivers frames in order until the network is quiet. The frames
/// are classified (by decoding them) only after the clock has stopped.
fn converge(
    stores: &mut [Store],
    event: &str,
    edited: &HashSet<String>,
) -> Result<(Duration, Traffic), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let mut links: Vec<Vec<Option<Peer>>> = (0..PEERS)
        .map(|_| (0..PEERS).map(|_| None).collect())
        .collect();
    let mut queue: VecDeque<(usize, usize, Frame)> = VecDeque::new();
    for a in 0..PEERS {
        for b in 0..PEERS {
            if a != b {
                let remote = stores[b].device_id().to_string();
                let mut p = Peer::new(&remote, event).with_limit(RateLimit::unlimited());
                for f in p.on_connect(&mut stores[a])? {
                    queue.push_back((a, b, f));
                }
                links[a][b] = Some(p);
            }
        }
    }
    let mut sent: Vec<Frame> = Vec::new();
    // Each round, every connection hands its peer everything that has arrived on it (as a
    // transport does with what it has read from its socket), in order.
    while !queue.is_empty() {
        let mut runs: Vec<((usize, usize), Vec<Frame>)> = Vec::new();
        for (from, to, f) in queue.drain(..) {
            sent.push(f.clone());
            match runs.iter_mut().find(|(k, _)| *k == (from, to)) {
                Some((_, run)) => run.push(f),
                None => runs.push(((from, to), vec![f])),
            }
        }
        for ((from, to), run) in runs {
            let peer = links[to][from].as_mut().expect("linked");
            let replies = peer.on_frames(&mut stores[to], &run)?;
            // Documents the agenda does not list yet are announced again once it does.
            peer.take_skipped();
            queue.extend(replies.into_iter().map(|r| (to, from, r)));
        }
    }
    let elapsed = start.elapsed();
    let mut t = Traffic::default();
    for f in &sent {
        t.frames += 1;
        t.bytes += f.len();
        let env = decode_frame(f.as_bytes())?;
        let k = match env.message {
            Message::Sync(SyncMessage::SyncStep1(_)) => 0,
            Message::Sync(SyncMessage::SyncStep2(_)) => 1,
            _ => 2,
        };
        t.kinds[k].0 += 1;
        t.kinds[k].1 += f.len();
        if edited.contains(&env.doc_id) {
            t.edited_bytes += f.len();
        }
    }
    Ok((elapsed, t))
}
