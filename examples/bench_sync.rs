//! Sync benchmark: five peers start in sync, are partitioned (each alone), each makes N edits
//! (short note appends, as typing bursts arrive), then the network heals and the peers
//! converge through the in-memory network that the `Peer` state machine drives. Prints
//! Markdown: time to converge, frames and bytes sent, bytes per edit against the edits' own
//! update size. `cargo run --release --example bench_sync [-- EDITS_PER_PEER]` (default 10000).

use rapporteur::host::{Origin, SystemHost};
use rapporteur::store::{DocRef, Store};
use rapporteur::sync::{Frame, Peer, RateLimit};
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Instant;

const PEERS: usize = 5;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let edits: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let mut stores: Vec<Store> = (0..PEERS)
        .map(|_| Store::open_in_memory(Arc::new(SystemHost)))
        .collect::<Result<_, _>>()?;
    let (event, _) = rapporteur::sample::ensure_sample_event(&mut stores[0])?;
    let sessions: Vec<String> = stores[0]
        .agenda(&event)?
        .days
        .iter()
        .flat_map(|d| d.sessions.iter().map(|s| s.id.clone()))
        .collect();
    // Start in sync.
    let (setup, _, _) = converge(&mut stores, &event)?;
    eprintln!("initial sync: {setup:?}");

    // Partitioned: every peer edits alone.
    let t_edit = Instant::now();
    let mut update_bytes = 0usize;
    for (p, store) in stores.iter_mut().enumerate() {
        for k in 0..edits {
            let s = &sessions[(k * 7 + p) % sessions.len()];
            let doc = DocRef::session(&event, s);
            let before = store.state_vector(s)?;
            store.append_text(
                &event,
                s,
                rapporteur::doc::session_doc::TextKind::Notes,
                &format!("p{p} word {k}"),
                &Origin::Local,
            )?;
            update_bytes += store.diff(&doc.doc_id, &before)?.len();
        }
    }
    let edit_time = t_edit.elapsed();

    let (elapsed, frames, bytes) = converge(&mut stores, &event)?;
    let snap = stores[0].snapshot(&event)?;
    for s in &stores[1..] {
        assert_eq!(snap, s.snapshot(&event)?, "peers did not converge");
    }
    let total = edits * PEERS;
    println!("| measure | value |");
    println!("|---|---|");
    println!("| peers × edits each (during a partition) | {PEERS} × {edits} |");
    println!(
        "| local edit time (all peers, in-memory SQLite) | {:.2} s |",
        edit_time.as_secs_f64()
    );
    println!(
        "| time to converge after the heal | {:.3} s |",
        elapsed.as_secs_f64()
    );
    println!("| frames sent | {frames} |");
    println!("| bytes sent | {bytes} |");
    println!(
        "| mean update size of one edit | {:.1} B |",
        update_bytes as f64 / total as f64
    );
    println!(
        "| bytes sent per edit (each edit reaches {} peers) | {:.1} B |",
        PEERS - 1,
        bytes as f64 / total as f64
    );
    Ok(())
}

/// Connects every pair and delivers frames in order until the network is quiet.
fn converge(
    stores: &mut [Store],
    event: &str,
) -> Result<(std::time::Duration, usize, usize), Box<dyn std::error::Error>> {
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
    let (mut frames, mut bytes) = (0, 0);
    // Each round, every connection hands its peer everything that has arrived on it (as a
    // transport does with what it has read from its socket), in order.
    while !queue.is_empty() {
        let mut runs: Vec<((usize, usize), Vec<Frame>)> = Vec::new();
        for (from, to, f) in queue.drain(..) {
            frames += 1;
            bytes += f.len();
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
    Ok((start.elapsed(), frames, bytes))
}
