//! Convergence as a property: 3–5 replicas edit notes, summaries, outcomes and decided fields;
//! their updates are delivered in random order with duplicates; every replica — documents and
//! derived tables — ends equal, and concurrent writes to a decided field keep every value.

use crate::common;

use common::{dump_derived, memory_store, session_ids, small_agenda};
use proptest::prelude::*;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::SeedableRng;
use rapporteur::doc::event_doc::SessionEdit;
use rapporteur::doc::session_doc::{OutcomeEdit, TextKind};
use rapporteur::host::Origin;
use rapporteur::model::{ClockTime, OutcomeKind, OutcomeStatus};
use rapporteur::store::{DocRef, OutcomeInput, Store};

#[derive(Debug, Clone)]
enum Op {
    AppendNote {
        session: usize,
        words: String,
    },
    SetSummary {
        session: usize,
        words: String,
    },
    AddOutcome {
        session: usize,
        kind: usize,
    },
    SetStatus {
        pick: usize,
        status: usize,
    },
    SetLead {
        pick: usize,
        lead: usize,
    },
    SetDeadline {
        pick: usize,
        day: u32,
    },
    SetConfidential {
        pick: usize,
        on: bool,
    },
    SetTitle {
        session: usize,
        n: u8,
    },
    SetStart {
        session: usize,
        minute: u32,
    },
    /// Deliver a random part of what was written so far to one replica.
    Deliver {
        fraction: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..5usize, "[a-z ]{1,12}").prop_map(|(session, words)| Op::AppendNote { session, words }),
        (0..5usize, "[a-z ]{0,12}").prop_map(|(session, words)| Op::SetSummary { session, words }),
        (0..5usize, 0..4usize).prop_map(|(session, kind)| Op::AddOutcome { session, kind }),
        (any::<usize>(), 0..3usize).prop_map(|(pick, status)| Op::SetStatus { pick, status }),
        (any::<usize>(), 0..3usize).prop_map(|(pick, lead)| Op::SetLead { pick, lead }),
        (any::<usize>(), 1..28u32).prop_map(|(pick, day)| Op::SetDeadline { pick, day }),
        (any::<usize>(), any::<bool>()).prop_map(|(pick, on)| Op::SetConfidential { pick, on }),
        (0..5usize, any::<u8>()).prop_map(|(session, n)| Op::SetTitle { session, n }),
        (0..5usize, 0..60u32).prop_map(|(session, minute)| Op::SetStart { session, minute }),
        (1..100u8).prop_map(|fraction| Op::Deliver { fraction }),
    ]
}

struct Sim {
    replicas: Vec<Store>,
    event: String,
    sessions: Vec<String>,
    /// Every update written anywhere, in write order.
    log: Vec<(DocRef, Vec<u8>)>,
    rng: StdRng,
}

impl Sim {
    fn new(n: usize, seed: u64) -> Sim {
        let mut replicas: Vec<Store> = (0..n).map(|_| memory_store()).collect();
        let event = replicas[0]
            .create_event(&small_agenda(), &Origin::Import)
            .unwrap();
        let sessions = session_ids(&replicas[0], &event);
        let docs = replicas[0].docs_of_event(&event).unwrap();
        let mut log = Vec::new();
        for d in docs {
            let all = replicas[0].diff(&d.doc_id, &[0]).unwrap();
            log.push((d, all));
        }
        for r in replicas.iter_mut().skip(1) {
            for (d, u) in &log {
                r.apply(d, u, &Origin::Peer("setup".into())).unwrap();
            }
        }
        Sim {
            replicas,
            event,
            sessions,
            log,
            rng: StdRng::seed_from_u64(seed),
        }
    }

    fn outcome_ids(&self, r: usize) -> Vec<String> {
        self.replicas[r]
            .outcomes(&self.event)
            .unwrap()
            .into_iter()
            .map(|o| o.outcome.id)
            .collect()
    }

    /// Runs an edit on replica `r` and records the update it produced.
    fn edit(
        &mut self,
        r: usize,
        doc: DocRef,
        f: impl FnOnce(&mut Store, &str) -> rapporteur::store::Result<()>,
    ) {
        let before = self.replicas[r].state_vector(&doc.doc_id).unwrap();
        f(&mut self.replicas[r], &self.event).unwrap();
        let update = self.replicas[r].diff(&doc.doc_id, &before).unwrap();
        self.log.push((doc, update));
    }

    fn run(&mut self, r: usize, op: &Op) {
        let ev = self.event.clone();
        let sess = |i: &usize| self.sessions[*i % self.sessions.len()].clone();
        match op {
            Op::AppendNote { session, words } => {
                let s = sess(session);
                self.edit(r, DocRef::session(&ev, &s), |st, e| {
                    st.append_text(e, &s, TextKind::Notes, words, &Origin::Local)
                });
            }
            Op::SetSummary { session, words } => {
                let s = sess(session);
                self.edit(r, DocRef::session(&ev, &s), |st, e| {
                    st.set_text(e, &s, TextKind::Summary, words, &Origin::Local)
                });
            }
            Op::AddOutcome { session, kind } => {
                let s = sess(session);
                let input = OutcomeInput::new(OutcomeKind::ALL[*kind], "text of an outcome");
                self.edit(r, DocRef::session(&ev, &s), |st, e| {
                    st.add_outcome(e, &s, &input, &Origin::Local).map(|_| ())
                });
            }
            Op::SetStatus { pick, status } => {
                self.edit_outcome(r, *pick, OutcomeEdit::Status(OutcomeStatus::ALL[*status]))
            }
            Op::SetLead { pick, lead } => self.edit_outcome(
                r,
                *pick,
                OutcomeEdit::Lead(["FAO", "IOM", "UNU"][*lead].into()),
            ),
            Op::SetDeadline { pick, day } => {
                self.edit_outcome(r, *pick, OutcomeEdit::Deadline(format!("2018-04-{day:02}")))
            }
            Op::SetConfidential { pick, on } => {
                self.edit_outcome(r, *pick, OutcomeEdit::Confidential(*on))
            }
            Op::SetTitle { session, n } => {
                let s = sess(session);
                let edit = SessionEdit::Title(format!("Title {n}"));
                self.edit(r, DocRef::event(&ev), |st, e| {
                    st.edit_session(e, &s, &edit, &Origin::Local)
                });
            }
            Op::SetStart { session, minute } => {
                let s = sess(session);
                let edit = SessionEdit::Start(ClockTime::new(9, *minute));
                self.edit(r, DocRef::event(&ev), |st, e| {
                    st.edit_session(e, &s, &edit, &Origin::Local)
                });
            }
            Op::Deliver { fraction } => {
                let n = self.log.len() * usize::from(*fraction) / 100;
                let mut part: Vec<(DocRef, Vec<u8>)> = self
                    .log
                    .choose_multiple(&mut self.rng, n)
                    .cloned()
                    .collect();
                part.shuffle(&mut self.rng);
                for (d, u) in part {
                    self.replicas[r]
                        .apply(&d, &u, &Origin::Peer("sim".into()))
                        .unwrap();
                }
            }
        }
    }

    fn edit_outcome(&mut self, r: usize, pick: usize, edit: OutcomeEdit) {
        let ids = self.outcome_ids(r);
        if ids.is_empty() {
            return;
        }
        let id = ids[pick % ids.len()].clone();
        let (session, _) = self.replicas[r].find_outcome(&self.event, &id).unwrap();
        let ev = self.event.clone();
        self.edit(r, DocRef::session(&ev, &session), |st, e| {
            st.edit_outcome(e, &id, &[edit], &Origin::Local)
        });
    }

    /// Delivers everything to everyone, shuffled, each update at least once and some twice.
    fn deliver_all(&mut self) {
        for r in 0..self.replicas.len() {
            let mut all = self.log.clone();
            let dups: Vec<(DocRef, Vec<u8>)> = all
                .choose_multiple(&mut self.rng, all.len() / 3)
                .cloned()
                .collect();
            all.extend(dups);
            all.shuffle(&mut self.rng);
            for (d, u) in all {
                self.replicas[r]
                    .apply(&d, &u, &Origin::Peer("sim".into()))
                    .unwrap();
            }
        }
    }

    fn assert_converged(&mut self) {
        let first = self.replicas[0].snapshot(&self.event).unwrap();
        let first_dump = dump_derived(self.replicas[0].conn());
        for r in 1..self.replicas.len() {
            assert_eq!(
                first,
                self.replicas[r].snapshot(&self.event).unwrap(),
                "replica {r} snapshot differs"
            );
            assert_eq!(
                first_dump,
                dump_derived(self.replicas[r].conn()),
                "replica {r} derived tables differ"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn replicas_converge_and_keep_concurrent_values(n in 3usize..=5, ops in prop::collection::vec((0usize..5, op()), 1..40), seed in any::<u64>()) {
        let mut sim = Sim::new(n, seed);
        for (r, op) in &ops {
            sim.run(r % n, op);
        }
        sim.deliver_all();
        sim.assert_converged();

        // Now every replica sets the same decided field concurrently, to distinct values.
        let ev = sim.event.clone();
        let s = sim.sessions[0].clone();
        let input = OutcomeInput::new(OutcomeKind::Decision, "a decision everyone edits");
        let mut id = String::new();
        sim.edit(0, DocRef::session(&ev, &s), |st, e| { id = st.add_outcome(e, &s, &input, &Origin::Local)?; Ok(()) });
        sim.deliver_all();
        let leads: Vec<String> = (0..n).map(|r| format!("LEAD{r}")).collect();
        for (r, lead) in leads.iter().enumerate() {
            let edit = OutcomeEdit::Lead(lead.clone());
            let id = id.clone();
            sim.edit(r, DocRef::session(&ev, &s), |st, e| st.edit_outcome(e, &id, &[edit], &Origin::Local));
        }
        sim.deliver_all();
        sim.assert_converged();
        for r in 0..n {
            let rows = sim.replicas[r].outcomes(&ev).unwrap();
            let o = rows.iter().find(|o| o.outcome.id == id).unwrap();
            let mut got = o.outcome.lead.values.clone();
            got.sort();
            prop_assert_eq!(&got, &leads, "replica {} lost a concurrent value", r);
        }
        // A later write that has seen all of them resolves the conflict everywhere.
        let id2 = id.clone();
        sim.edit(1, DocRef::session(&ev, &s), |st, e| st.edit_outcome(e, &id2, &[OutcomeEdit::Lead("IOM".into())], &Origin::Local));
        sim.deliver_all();
        sim.assert_converged();
        let rows = sim.replicas[0].outcomes(&ev).unwrap();
        let o = rows.iter().find(|o| o.outcome.id == id).unwrap();
        prop_assert_eq!(o.outcome.lead.values.clone(), vec!["IOM".to_string()]);
    }
}
