//! Store benchmarks, printed as Markdown for docs/benchmarks.md (run by `bench/run.sh`):
//! keystroke-sized update to durable acknowledgement next to raw fsync on the same disk;
//! applying 10,000 updates; rebuilding derived tables for 40 sessions × 200 notes; search p95
//! over 10,000 and 100,000 notes.
//!
//! `cargo run --release --example bench_store [DIR]` (DIR: where the databases go; default a
//! temporary folder on the disk that holds this checkout's target directory).

use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::{Origin, SystemHost};
use rapporteur::model::{Agenda, AgendaDay, AgendaRow, EventInfo};
use rapporteur::store::{Batcher, DocRef, Store};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WORDS: &[&str] = &[
    "migration",
    "compact",
    "member",
    "states",
    "support",
    "negotiation",
    "rural",
    "development",
    "food",
    "security",
    "agriculture",
    "regular",
    "pathways",
    "return",
    "readmission",
    "rights",
    "gender",
    "evidence",
    "planning",
    "country",
    "regional",
    "national",
    "partnership",
    "trust",
    "communication",
    "website",
    "briefing",
    "seminar",
    "workshop",
    "outreach",
    "principals",
    "work",
    "plan",
    "priorities",
    "events",
    "momentum",
    "adoption",
    "conference",
    "morocco",
    "december",
];

fn agenda(sessions: usize) -> Agenda {
    Agenda {
        event: EventInfo {
            title: "Benchmark event".into(),
            ..EventInfo::default()
        },
        days: vec![AgendaDay {
            date: None,
            label: "Day 1".into(),
            rows: (0..sessions)
                .map(|i| AgendaRow {
                    title: format!("Session {i}"),
                    ..AgendaRow::default()
                })
                .collect(),
        }],
        ..Agenda::default()
    }
}

/// The size of the synthetic vocabulary: the domain words above, then made-up words.
const VOCABULARY: usize = 20_000;

/// The word of rank `r` (0 = most frequent).
fn word(r: usize) -> String {
    match WORDS.get(r) {
        Some(w) => w.to_string(),
        None => {
            // Pronounceable made-up words, distinct per rank.
            let syll = [
                "ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "va", "ge", "zu",
            ];
            let mut n = r;
            let mut w = String::new();
            while n > 0 || w.len() < 4 {
                w.push_str(syll[n % syll.len()]);
                n /= syll.len();
            }
            w
        }
    }
}

/// Deterministic pseudo-random words (xorshift) with a Zipf-like distribution over the
/// vocabulary, as words are in real notes: every run indexes the same text.
struct Words {
    state: u64,
    cumulative: Vec<f64>,
    vocab: Vec<String>,
}

impl Words {
    fn new(seed: u64) -> Self {
        let mut acc = 0.0;
        let cumulative = (1..=VOCABULARY)
            .map(|r| {
                acc += 1.0 / r as f64;
                acc
            })
            .collect();
        Words {
            state: seed,
            cumulative,
            vocab: (0..VOCABULARY).map(word).collect(),
        }
    }
    fn uniform(&mut self) -> f64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        (self.state >> 11) as f64 / (1u64 << 53) as f64
    }
    fn next(&mut self) -> &str {
        let total = *self.cumulative.last().unwrap();
        let x = self.uniform() * total;
        let i = self
            .cumulative
            .partition_point(|c| *c < x)
            .min(VOCABULARY - 1);
        &self.vocab[i]
    }
    fn paragraph(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| self.next().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn open(path: &Path) -> Store {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    let _ = std::fs::remove_file(path.with_extension("db-shm"));
    Store::open_with_host(path, Arc::new(SystemHost)).unwrap()
}

fn fsync_latencies(dir: &Path, n: usize) -> Vec<Duration> {
    let path = dir.join("fsync.bin");
    let mut f = std::fs::File::create(&path).unwrap();
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        f.write_all(&[7u8; 128]).unwrap();
        f.sync_all().unwrap();
        v.push(t.elapsed());
    }
    v.sort();
    v
}

/// A notes document with `paragraphs` paragraphs, written in one edit per session.
fn fill(store: &mut Store, event: &str, sessions: &[String], paragraphs: usize, words: &mut Words) {
    for s in sessions {
        let text: Vec<String> = (0..paragraphs).map(|_| words.paragraph(25)).collect();
        store
            .set_text(event, s, TextKind::Notes, &text.join("\n\n"), &Origin::Cli)
            .unwrap();
    }
}

fn session_ids(store: &Store, event: &str) -> Vec<String> {
    store
        .agenda(event)
        .unwrap()
        .days
        .iter()
        .flat_map(|d| d.sessions.iter().map(|s| s.id.clone()))
        .collect()
}

fn main() {
    let dir: PathBuf = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench-store"));
    std::fs::create_dir_all(&dir).unwrap();
    let mut words = Words::new(0x9e3779b97f4a7c15);
    println!("## Store\n");
    println!(
        "Release build; databases on the disk of `{}`; `synchronous=FULL`, WAL.\n",
        dir.display()
    );

    // 1. Keystroke to durable acknowledgement, next to raw fsync.
    let fsync = fsync_latencies(&dir, 300);
    let mut store = open(&dir.join("keys.db"));
    let ev = store.create_event(&agenda(1), &Origin::Import).unwrap();
    let s = session_ids(&store, &ev)[0].clone();
    fill(&mut store, &ev, std::slice::from_ref(&s), 50, &mut words);
    let mut direct = Vec::new();
    for i in 0..300 {
        let current = store.session_text(&s, false).unwrap();
        let t = Instant::now();
        store
            .set_text(
                &ev,
                &s,
                TextKind::Notes,
                &format!("{current}{}", (b'a' + (i % 26) as u8) as char),
                &Origin::Local,
            )
            .unwrap();
        direct.push(t.elapsed());
    }
    direct.sort();
    // Through the batcher, as the window sends them: one update a keystroke at ~12 keys/s.
    let mut source = Store::open_in_memory(Arc::new(SystemHost)).unwrap();
    source
        .apply(
            &DocRef::event(&ev),
            &store.diff(&ev, &[0]).unwrap(),
            &Origin::Peer("disk".into()),
        )
        .unwrap();
    source
        .apply(
            &DocRef::session(&ev, &s),
            &store.diff(&s, &[0]).unwrap(),
            &Origin::Peer("disk".into()),
        )
        .unwrap();
    let shared = Arc::new(Mutex::new(store));
    let batcher = Batcher::start(shared.clone(), Batcher::DEFAULT_WINDOW);
    let sender = batcher.sender();
    let mut batched = Vec::new();
    let mut pending = Vec::new();
    for i in 0..200 {
        let sv = source.state_vector(&s).unwrap();
        let current = source.session_text(&s, false).unwrap();
        source
            .set_text(
                &ev,
                &s,
                TextKind::Notes,
                &format!("{current}{}", (b'a' + (i % 26) as u8) as char),
                &Origin::Local,
            )
            .unwrap();
        let u = source.diff(&s, &sv).unwrap();
        pending.push((
            Instant::now(),
            sender.submit(DocRef::session(&ev, &s), u, Origin::Editor),
        ));
        std::thread::sleep(Duration::from_millis(80));
        pending.retain(|(t, rx)| match rx.try_recv() {
            Ok(r) => {
                r.unwrap();
                batched.push(t.elapsed());
                false
            }
            Err(_) => true,
        });
    }
    for (t, rx) in pending {
        rx.recv().unwrap().unwrap();
        batched.push(t.elapsed());
    }
    drop(batcher);
    batched.sort();
    let commits: i64 = shared
        .lock()
        .unwrap()
        .conn()
        .query_row("SELECT COUNT(*) FROM crdt_update", [], |r| r.get(0))
        .unwrap();
    println!("### Keystroke to durable acknowledgement\n");
    println!("| measure | p50 | p99 |\n|---|---|---|");
    println!(
        "| raw `fsync` of 128 bytes (same disk, same run, 300×) | {} | {} |",
        ms(pct(&fsync, 0.5)),
        ms(pct(&fsync, 0.99))
    );
    println!(
        "| one keystroke update committed on its own (300×) | {} | {} |",
        ms(pct(&direct, 0.5)),
        ms(pct(&direct, 0.99))
    );
    println!(
        "| keystroke → \"Saved\" through the batcher ({} ms window, 200 keys at 12.5/s) | {} | {} |",
        Batcher::DEFAULT_WINDOW.as_millis(),
        ms(pct(&batched, 0.5)),
        ms(pct(&batched, 0.99))
    );
    let ratio = pct(&direct, 0.99).as_secs_f64() / pct(&fsync, 0.99).as_secs_f64();
    println!("\nOne committed keystroke at p99 is **{ratio:.1}×** a raw fsync at p99 (goal ≤ 3×). The batcher trades up to one window of latency for one fsync per window instead of one per key ({commits} log rows in that database).\n");

    // 2. Applying 10,000 updates.
    let mut src = Store::open_in_memory(Arc::new(SystemHost)).unwrap();
    let ev2 = src.create_event(&agenda(10), &Origin::Import).unwrap();
    let ss = session_ids(&src, &ev2);
    let mut updates = vec![(DocRef::event(&ev2), src.diff(&ev2, &[0]).unwrap())];
    for i in 0..10_000 {
        let s = &ss[i % ss.len()];
        let sv = src.state_vector(s).unwrap();
        src.append_text(
            &ev2,
            s,
            TextKind::Notes,
            words.paragraph(8).as_str(),
            &Origin::Local,
        )
        .unwrap();
        updates.push((DocRef::session(&ev2, s), src.diff(s, &sv).unwrap()));
    }
    let mut dst = open(&dir.join("apply.db"));
    let t = Instant::now();
    for chunk in updates.chunks(100) {
        dst.apply_batch(chunk, &Origin::Peer("bench".into()))
            .unwrap();
    }
    let apply_batched = t.elapsed();
    let mut dst1 = open(&dir.join("apply1.db"));
    let t = Instant::now();
    for (d, u) in &updates[..1000] {
        dst1.apply(d, u, &Origin::Peer("bench".into())).unwrap();
    }
    let apply_single = t.elapsed();
    println!("### Applying updates\n");
    println!("| measure | time |\n|---|---|");
    println!(
        "| 10,000 note updates (10 sessions), 100 per transaction | {} ({:.0} updates/s) |",
        ms(apply_batched),
        10_000.0 / apply_batched.as_secs_f64()
    );
    println!(
        "| 1,000 of them, one durable transaction each | {} ({:.2} ms each) |\n",
        ms(apply_single),
        apply_single.as_secs_f64() * 1000.0 / 1000.0
    );

    // 3. Rebuild for 40 sessions × 200 notes.
    let mut big = open(&dir.join("rebuild.db"));
    let ev3 = big.create_event(&agenda(40), &Origin::Import).unwrap();
    let ss3 = session_ids(&big, &ev3);
    fill(&mut big, &ev3, &ss3, 200, &mut words);
    let t = Instant::now();
    big.rebuild_derived().unwrap();
    let rebuild = t.elapsed();
    println!("### Rebuild\n");
    println!("Dropping and rebuilding every derived table and the search index from the log, 40 sessions × 200 notes (8,000 paragraphs, {:.1} MB of notes): **{}**.\n",
        ss3.len() as f64 * 200.0 * 25.0 * 9.0 / 1e6, ms(rebuild));

    // 4. Search p95 over 10,000 and 100,000 notes.
    println!("### Search\n");
    println!("Notes of 25 words drawn from a {VOCABULARY}-word vocabulary with a Zipf distribution (as words in real text are). Queries: 300 of one or two words, the last typed as a prefix (as in the search box), words picked uniformly from the vocabulary; top 20 by relevance. The worst case is the most frequent word of all, which matches about a third of all notes.\n");
    println!(
        "| notes (paragraphs) | p50 | p95 | max | most frequent word |\n|---|---|---|---|---|"
    );
    let mut qrng = Words::new(42);
    for sessions in [50usize, 500] {
        let mut st = open(&dir.join(format!("search{sessions}.db")));
        let ev = st.create_event(&agenda(sessions), &Origin::Import).unwrap();
        let ss = session_ids(&st, &ev);
        fill(&mut st, &ev, &ss, 200, &mut words);
        let mut lat = Vec::new();
        for i in 0..300 {
            let a = word((qrng.uniform() * 2000.0) as usize);
            let b = word((qrng.uniform() * 2000.0) as usize);
            let q = if i % 2 == 0 {
                a[..a.len().min(5)].to_string()
            } else {
                format!("{a} {}", &b[..b.len().min(5)])
            };
            let t = Instant::now();
            st.search(&q, Some(&ev), 20).unwrap();
            lat.push(t.elapsed());
        }
        lat.sort();
        let t = Instant::now();
        st.search(WORDS[0], Some(&ev), 20).unwrap();
        let worst = t.elapsed();
        println!(
            "| {} | {} | {} | {} | {} |",
            sessions * 200,
            ms(pct(&lat, 0.5)),
            ms(pct(&lat, 0.95)),
            ms(*lat.last().unwrap()),
            ms(worst)
        );
    }
    println!();
}
