//! What the core tests of the review cycle share: two stores syncing as peers do, a small
//! event, and compile options.

use crate::common::{memory_store, small_agenda};
use rapporteur::compile::CompileOptions;
use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::Origin;
use rapporteur::store::Store;

/// Everything each store has that the other lacks, both ways, as a peer sends it.
pub fn sync(a: &mut Store, b: &mut Store, event: &str) {
    send(a, b, event);
    send(b, a, event);
}

pub fn send(from: &mut Store, to: &mut Store, event: &str) {
    let device = from.device_id().to_string();
    for d in from.docs_of_event(event).unwrap() {
        let sv = to.state_vector(&d.doc_id).unwrap();
        let update = from.diff(&d.doc_id, &sv).unwrap();
        to.apply(&d, &update, &Origin::Peer(device.clone()))
            .unwrap();
    }
}

pub fn log_rows(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT COUNT(*) FROM crdt_update", [], |r| r.get(0))
        .unwrap()
}

pub struct Event {
    pub store: Store,
    pub id: String,
    /// Session ids in agenda order: 0 Opening, 1 Coffee break, 2 Supporting, 3 Work plan, 4 Conclusions.
    pub sessions: Vec<String>,
}

pub fn event() -> Event {
    let mut store = memory_store();
    let id = store.create_event(&small_agenda(), &Origin::Cli).unwrap();
    let sessions = crate::common::session_ids(&store, &id);
    Event {
        store,
        id,
        sessions,
    }
}

pub fn summary(e: &mut Event, session: usize, text: &str) {
    let s = e.sessions[session].clone();
    e.store
        .set_text(&e.id, &s, TextKind::Summary, text, &Origin::Cli)
        .unwrap();
}

pub fn options() -> CompileOptions {
    CompileOptions::new(chrono::NaiveDate::from_ymd_opt(2018, 2, 15).unwrap())
}

pub const THREE: &str = "Participants welcomed the report of the working group.\n\n\
The group will meet again in June in Geneva.\n\n\
FAO noted that data on rural migration remain scarce.";
