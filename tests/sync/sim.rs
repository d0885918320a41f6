//! Convergence of the sync engine, as a seeded simulation: five peers (two on real database
//! files, so a restart reopens from disk) connected in a mesh through an in-memory network that
//! the `Peer` state machine drives. Random edits (notes, summaries, outcomes, decided fields,
//! agenda titles), random partitions and heals, duplicated and reordered delivery, restarts.
//! After a final heal everyone must be equal (documents, state vectors, derived tables), and a
//! decided field written on both sides of a partition must keep both values.
//!
//! The seed is printed at the start and in every assertion; `SYNC_SEED=n` replays one seed.

use crate::common;

use common::{dump_derived, session_ids, small_agenda, FakeHost};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rapporteur::doc::event_doc::SessionEdit;
use rapporteur::doc::session_doc::{OutcomeEdit, TextKind};
use rapporteur::host::Origin;
use rapporteur::model::{OutcomeKind, OutcomeStatus};
use rapporteur::store::{DocRef, OutcomeInput, Store};
use rapporteur::sync::{Frame, Peer, RateLimit, SyncError};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

const PEERS: usize = 5;

/// A local edit to run on a store.
type Edit = Box<dyn FnOnce(&mut Store)>;
const FILE_BACKED: usize = 2;

struct Msg {
    from: usize,
    to: usize,
    epoch: u64,
    frame: Frame,
}

struct Node {
    store: Store,
    path: Option<PathBuf>,
}

struct Net {
    seed: u64,
    nodes: Vec<Node>,
    links: Vec<Vec<Option<Peer>>>,
    epochs: Vec<Vec<u64>>,
    group: Vec<u8>,
    inflight: Vec<Msg>,
    rng: StdRng,
    event: String,
    sessions: Vec<String>,
    now: Instant,
    /// (outcome id, session id) of the outcome whose lead is written across a partition.
    contested: (String, String),
    contested_values: Vec<String>,
    _dir: tempfile::TempDir,
    frames_delivered: usize,
}

fn open(path: &Option<PathBuf>) -> Store {
    let host = Arc::new(FakeHost::default());
    match path {
        Some(p) => Store::open_with_host(p, host).unwrap(),
        None => Store::open_in_memory(host).unwrap(),
    }
}

impl Net {
    fn new(seed: u64) -> Net {
        let dir = tempfile::tempdir().unwrap();
        let mut nodes: Vec<Node> = (0..PEERS)
            .map(|i| {
                let path = (i < FILE_BACKED).then(|| dir.path().join(format!("peer{i}.db")));
                Node {
                    store: open(&path),
                    path,
                }
            })
            .collect();
        let s0 = &mut nodes[0].store;
        let event = s0.create_event(&small_agenda(), &Origin::Import).unwrap();
        let sessions = session_ids(s0, &event);
        let outcome = s0
            .add_outcome(
                &event,
                &sessions[0],
                &OutcomeInput::new(OutcomeKind::Action, "contested"),
                &Origin::Local,
            )
            .unwrap();
        let mut net = Net {
            seed,
            nodes,
            links: (0..PEERS)
                .map(|_| (0..PEERS).map(|_| None).collect())
                .collect(),
            epochs: vec![vec![0; PEERS]; PEERS],
            group: vec![0; PEERS],
            inflight: Vec::new(),
            rng: StdRng::seed_from_u64(seed),
            event,
            contested: (outcome, sessions[0].clone()),
            sessions,
            now: Instant::now(),
            contested_values: Vec::new(),
            _dir: dir,
            frames_delivered: 0,
        };
        net.heal();
        net.drain(false);
        net
    }

    fn up(&self, a: usize, b: usize) -> bool {
        self.links[a][b].is_some()
    }

    fn connect(&mut self, a: usize, b: usize) {
        self.epochs[a][b] += 1;
        self.epochs[b][a] = self.epochs[a][b];
        for (x, y) in [(a, b), (b, a)] {
            let remote = self.nodes[y].store.device_id().to_string();
            let mut p = Peer::new(&remote, &self.event).with_limit(RateLimit::unlimited());
            if x == 0 {
                p = p.relaying();
            }
            let frames = p.on_connect(&mut self.nodes[x].store).unwrap();
            self.links[x][y] = Some(p);
            self.send(x, y, frames);
        }
    }

    fn disconnect(&mut self, a: usize, b: usize) {
        self.links[a][b] = None;
        self.links[b][a] = None;
    }

    fn send(&mut self, from: usize, to: usize, frames: Vec<Frame>) {
        let epoch = self.epochs[from][to];
        for frame in frames {
            self.inflight.push(Msg {
                from,
                to,
                epoch,
                frame,
            });
        }
    }

    fn partition(&mut self) {
        for g in self.group.iter_mut() {
            *g = self.rng.random_range(0..2);
        }
        for a in 0..PEERS {
            for b in a + 1..PEERS {
                if self.group[a] != self.group[b] && self.up(a, b) {
                    self.disconnect(a, b);
                }
            }
        }
    }

    fn heal(&mut self) {
        self.group = vec![0; PEERS];
        for a in 0..PEERS {
            for b in a + 1..PEERS {
                if !self.up(a, b) {
                    self.connect(a, b);
                }
            }
        }
    }

    /// Drops a file-backed peer's memory (store and connections) and reopens it from disk.
    fn restart(&mut self, i: usize) {
        for b in 0..PEERS {
            if b != i {
                self.disconnect(i, b);
            }
        }
        let path = self.nodes[i].path.clone();
        let old = std::mem::replace(&mut self.nodes[i].store, open(&None));
        drop(old);
        self.nodes[i].store = open(&path);
        for b in 0..PEERS {
            if b != i && self.group[b] == self.group[i] {
                self.connect(i, b);
            }
        }
    }

    /// Delivers one frame: usually the oldest, sometimes a random one; sometimes twice.
    fn deliver_one(&mut self, chaos: bool) {
        if self.inflight.is_empty() {
            return;
        }
        let k = if chaos && self.rng.random_bool(0.3) {
            self.rng.random_range(0..self.inflight.len())
        } else {
            0
        };
        let msg = self.inflight.remove(k);
        if chaos && self.rng.random_bool(0.1) {
            let at = self.rng.random_range(0..=self.inflight.len());
            self.inflight.insert(
                at,
                Msg {
                    frame: msg.frame.clone(),
                    ..msg
                },
            );
        }
        let (from, to) = (msg.from, msg.to);
        if msg.epoch != self.epochs[from][to] || !self.up(to, from) {
            return; // the connection it travelled on is gone
        }
        self.frames_delivered += 1;
        let now = self.now;
        let peer = self.links[to][from].as_mut().unwrap();
        let replies = match peer.on_frame_at(&mut self.nodes[to].store, &msg.frame, now) {
            Ok(r) => r,
            Err(SyncError::UnknownDoc { .. }) => Vec::new(),
            Err(e) => panic!(
                "seed {}: peer {to} refused a frame from {from}: {e}",
                self.seed
            ),
        };
        let forwarded = peer.take_applied();
        self.send(to, from, replies);
        for (doc, update) in forwarded {
            self.forward(to, Some(from), &doc, &update);
        }
    }

    fn forward(&mut self, at: usize, except: Option<usize>, doc: &DocRef, update: &[u8]) {
        for b in 0..PEERS {
            if b == at || Some(b) == except {
                continue;
            }
            if let Some(p) = self.links[at][b].as_mut() {
                let frames = p.on_local_update(doc, update);
                self.send(at, b, frames);
            }
        }
    }

    fn drain(&mut self, chaos: bool) {
        let mut guard = 0;
        while !self.inflight.is_empty() {
            self.deliver_one(chaos);
            guard += 1;
            assert!(
                guard < 1_000_000,
                "seed {}: the network never went quiet",
                self.seed
            );
        }
    }

    /// One random local edit at node `i`, forwarded to its connected peers.
    fn edit(&mut self, i: usize) {
        let ev = self.event.clone();
        let s = self.sessions[self.rng.random_range(0..self.sessions.len())].clone();
        let words: String = (0..self.rng.random_range(1..4))
            .map(|_| ["budget", "plan", "a", "migration", "é", "🙂"][self.rng.random_range(0..6)])
            .collect::<Vec<_>>()
            .join(" ");
        let outcomes: Vec<_> = self.nodes[i]
            .store
            .outcomes(&ev)
            .unwrap()
            .into_iter()
            .map(|o| (o.outcome.id, o.outcome.session_id))
            .filter(|(id, _)| *id != self.contested.0)
            .collect();
        let choice = self.rng.random_range(0..7);
        let st = &mut self.nodes[i].store;
        let (doc, f): (DocRef, Edit) = match choice {
            0 | 1 => (
                DocRef::session(&ev, &s),
                Box::new(move |st| {
                    st.append_text(&ev, &s, TextKind::Notes, &words, &Origin::Local)
                        .unwrap()
                }),
            ),
            2 => (
                DocRef::session(&ev, &s),
                Box::new(move |st| {
                    st.set_text(&ev, &s, TextKind::Summary, &words, &Origin::Local)
                        .unwrap()
                }),
            ),
            3 => (
                DocRef::session(&ev, &s),
                Box::new(move |st| {
                    let input = OutcomeInput::new(OutcomeKind::Recommendation, &words);
                    st.add_outcome(&ev, &s, &input, &Origin::Local).unwrap();
                }),
            ),
            4 | 5 if !outcomes.is_empty() => {
                let (id, sess) = outcomes[self.rng.random_range(0..outcomes.len())].clone();
                let edit = if choice == 4 {
                    OutcomeEdit::Status(OutcomeStatus::ALL[self.rng.random_range(0..3)])
                } else {
                    OutcomeEdit::Lead(["FAO", "IOM", "UNU"][self.rng.random_range(0..3)].into())
                };
                (
                    DocRef::session(&ev, &sess),
                    Box::new(move |st| st.edit_outcome(&ev, &id, &[edit], &Origin::Local).unwrap()),
                )
            }
            _ => {
                let n = self.rng.random_range(0..1000);
                (
                    DocRef::event(&ev),
                    Box::new(move |st| {
                        let edit = SessionEdit::Title(format!("Title {n}"));
                        st.edit_session(&ev, &s, &edit, &Origin::Local).unwrap()
                    }),
                )
            }
        };
        let before = st.state_vector(&doc.doc_id).unwrap();
        f(st);
        let update = st.diff(&doc.doc_id, &before).unwrap();
        self.forward(i, None, &doc, &update);
    }

    /// Two peers on different sides of the partition write the contested lead.
    fn contest(&mut self) {
        let a = (0..PEERS).find(|&p| self.group[p] == 0);
        let b = (0..PEERS).find(|&p| self.group[p] == 1);
        let (Some(a), Some(b)) = (a, b) else { return };
        for (p, side) in [(a, "A"), (b, "B")] {
            let value = format!("Lead{side}{}", self.seed);
            let doc = DocRef::session(&self.event, &self.contested.1);
            let st = &mut self.nodes[p].store;
            let before = st.state_vector(&doc.doc_id).unwrap();
            st.edit_outcome(
                &self.event,
                &self.contested.0,
                &[OutcomeEdit::Lead(value.clone())],
                &Origin::Local,
            )
            .unwrap();
            let update = st.diff(&doc.doc_id, &before).unwrap();
            self.forward(p, None, &doc, &update);
            self.contested_values.push(value);
        }
    }

    fn assert_converged(&mut self) {
        let seed = self.seed;
        let ev = self.event.clone();
        let first = self.nodes[0].store.snapshot(&ev).unwrap();
        let first_dump = dump_derived(self.nodes[0].store.conn());
        let docs = self.nodes[0].store.docs_of_event(&ev).unwrap();
        let svs = |st: &mut Store| -> Vec<yrs::StateVector> {
            use yrs::updates::decoder::Decode;
            docs.iter()
                .map(|d| yrs::StateVector::decode_v1(&st.state_vector(&d.doc_id).unwrap()).unwrap())
                .collect()
        };
        let first_svs = svs(&mut self.nodes[0].store);
        for i in 1..PEERS {
            let st = &mut self.nodes[i].store;
            assert_eq!(
                docs,
                st.docs_of_event(&ev).unwrap(),
                "seed {seed}: peer {i} documents"
            );
            assert_eq!(first_svs, svs(st), "seed {seed}: peer {i} state vectors");
            assert_eq!(
                first,
                st.snapshot(&ev).unwrap(),
                "seed {seed}: peer {i} snapshot"
            );
            assert_eq!(
                first_dump,
                dump_derived(st.conn()),
                "seed {seed}: peer {i} derived"
            );
        }
        if !self.contested_values.is_empty() {
            let o = first
                .sessions()
                .flat_map(|s| s.outcomes.iter())
                .find(|o| o.id == self.contested.0)
                .expect("the contested outcome");
            let mut got = o.lead.values.clone();
            got.sort();
            let mut want = self.contested_values.clone();
            want.sort();
            assert_eq!(
                got, want,
                "seed {seed}: a concurrent decided value was dropped"
            );
        }
    }
}

fn run(seed: u64, steps: usize) -> Net {
    eprintln!("sync_sim: seed {seed} (replay with SYNC_SEED={seed})");
    let mut net = Net::new(seed);
    for _ in 0..steps {
        match net.rng.random_range(0..100) {
            0..=34 => {
                let i = net.rng.random_range(0..PEERS);
                net.edit(i);
            }
            35..=84 => {
                for _ in 0..net.rng.random_range(1..8) {
                    net.deliver_one(true);
                }
            }
            85..=89 => {
                net.partition();
                if net.contested_values.is_empty() {
                    net.contest();
                }
            }
            90..=94 => net.heal(),
            _ => {
                let i = net.rng.random_range(0..FILE_BACKED);
                net.restart(i);
            }
        }
    }
    net.heal();
    net.drain(false);
    net.assert_converged();
    net
}

fn seeds() -> Vec<u64> {
    match std::env::var("SYNC_SEED") {
        Ok(s) => vec![s.trim().parse().expect("SYNC_SEED is a number")],
        Err(_) => vec![1, 2, 3, 0x5eed],
    }
}

#[test]
fn five_peers_converge_through_partitions_duplicates_reordering_and_restarts() {
    for seed in seeds() {
        let net = run(seed, 250);
        assert!(net.frames_delivered > 0, "seed {seed}: nothing travelled");
    }
}

#[test]
fn a_restart_reconnect_sends_what_the_peer_is_missing_before_the_round_trip() {
    // Two peers sync, disconnect, one edits, reconnect: its opening frames already carry the
    // edit (from the remembered state vector), so applying only them brings the other up to date.
    let mut net = Net::new(99);
    net.disconnect(0, 1);
    let ev = net.event.clone();
    let s = net.sessions[2].clone();
    net.nodes[0]
        .store
        .append_text(&ev, &s, TextKind::Notes, "said while apart", &Origin::Local)
        .unwrap();
    let remote = net.nodes[1].store.device_id().to_string();
    let mut p = Peer::new(&remote, &ev).with_limit(RateLimit::unlimited());
    let opening = p.on_connect(&mut net.nodes[0].store).unwrap();
    let back = net.nodes[0].store.device_id().to_string();
    let mut q = Peer::new(&back, &ev).with_limit(RateLimit::unlimited());
    q.on_connect(&mut net.nodes[1].store).unwrap();
    for f in &opening {
        q.on_frame_at(&mut net.nodes[1].store, f, net.now).unwrap();
    }
    assert_eq!(
        net.nodes[1].store.session_text(&s, false).unwrap(),
        net.nodes[0].store.session_text(&s, false).unwrap()
    );
}
