//! The update log as the truth: idempotent and order-independent apply, malformed input that
//! writes nothing, rebuild of derived tables from the log, verified compaction, the schema
//! guard, search, and keystroke batching.

use crate::common;

use common::{dump_derived, memory_store, session_ids, small_agenda, FakeHost};
use rapporteur::doc::session_doc::{OutcomeEdit, TextKind};
use rapporteur::host::Origin;
use rapporteur::model::{OutcomeKind, OutcomeStatus};
use rapporteur::store::{schema, Batcher, DocRef, OutcomeInput, Store, StoreError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn file_store(dir: &tempfile::TempDir) -> Store {
    Store::open_with_host(&dir.path().join("r.db"), Arc::new(FakeHost::default())).unwrap()
}

fn log_rows(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT COUNT(*) FROM crdt_update", [], |r| r.get(0))
        .unwrap()
}

/// An event with notes, a summary and outcomes in two sessions.
fn populated(store: &mut Store) -> (String, Vec<String>) {
    let ev = store
        .create_event(&small_agenda(), &Origin::Import)
        .unwrap();
    let s = session_ids(store, &ev);
    store
        .append_text(
            &ev,
            &s[0],
            TextKind::Notes,
            "@FAO opened the retreat.",
            &Origin::Cli,
        )
        .unwrap();
    store
        .append_text(
            &ev,
            &s[0],
            TextKind::Notes,
            "Food security and rural development came up twice.",
            &Origin::Cli,
        )
        .unwrap();
    store
        .append_text(
            &ev,
            &s[0],
            TextKind::Summary,
            "The co-chairs opened the retreat.",
            &Origin::Cli,
        )
        .unwrap();
    let mut o = OutcomeInput::new(
        OutcomeKind::Recommendation,
        "Brief Member States on the zero draft",
    );
    o.lead = "IOM".into();
    store.add_outcome(&ev, &s[2], &o, &Origin::Cli).unwrap();
    store
        .add_outcome(
            &ev,
            &s[3],
            &OutcomeInput::new(OutcomeKind::Decision, "Adopt the 2018 work plan"),
            &Origin::Cli,
        )
        .unwrap();
    (ev, s)
}

#[test]
fn applying_the_same_update_twice_is_a_no_op() {
    let mut a = memory_store();
    let (ev, _) = populated(&mut a);
    let mut b = memory_store();
    let docs = a.docs_of_event(&ev).unwrap();
    for d in &docs {
        let u = a.diff(&d.doc_id, &[0]).unwrap();
        let first = b.apply(d, &u, &Origin::Peer("a".into())).unwrap();
        assert!(first.logged && first.changed);
        let rows = log_rows(&b);
        let again = b.apply(d, &u, &Origin::Peer("a".into())).unwrap();
        assert!(!again.logged && !again.changed);
        assert_eq!(rows, log_rows(&b));
    }
    assert_eq!(a.snapshot(&ev).unwrap(), b.snapshot(&ev).unwrap());
}

#[test]
fn malformed_or_oversized_updates_write_nothing() {
    let mut store = memory_store();
    let (ev, s) = populated(&mut store);
    let before = dump_derived(store.conn());
    let rows = log_rows(&store);
    let doc = DocRef::session(&ev, &s[0]);
    for junk in [vec![0xff; 64], vec![1, 2, 3], b"hello world".to_vec()] {
        let err = store
            .apply(&doc, &junk, &Origin::Peer("evil".into()))
            .unwrap_err();
        assert!(matches!(err, StoreError::MalformedUpdate { .. }), "{err}");
    }
    let big = vec![0u8; rapporteur::store::MAX_UPDATE_BYTES + 1];
    assert!(matches!(
        store.apply(&doc, &big, &Origin::Peer("evil".into())),
        Err(StoreError::UpdateTooLarge { .. })
    ));
    // A batch with one bad update commits none of it.
    let good = {
        let mut other = memory_store();
        let (ev2, s2) = populated(&mut other);
        let u = other.diff(&s2[0], &[0]).unwrap();
        (DocRef::session(&ev2, &s2[0]), u)
    };
    assert!(store
        .apply_batch(
            &[good, (doc.clone(), vec![9, 9, 9])],
            &Origin::Peer("evil".into())
        )
        .is_err());
    assert_eq!(rows, log_rows(&store));
    assert_eq!(before, dump_derived(store.conn()));
    // The document still works afterwards.
    store
        .append_text(&ev, &s[0], TextKind::Notes, "Still fine.", &Origin::Cli)
        .unwrap();
    assert!(store
        .session_text(&s[0], false)
        .unwrap()
        .ends_with("Still fine."));
}

#[test]
fn a_document_cannot_be_claimed_by_another_event() {
    let mut store = memory_store();
    let (ev, s) = populated(&mut store);
    let u = store.diff(&s[0], &[0]).unwrap();
    let err = store
        .apply(
            &DocRef::session("someone-else", &s[0]),
            &u,
            &Origin::Peer("x".into()),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::WrongEvent { .. }), "{err}");
    assert!(store.snapshot(&ev).is_ok());
}

#[test]
fn derived_tables_rebuild_from_the_log_identically() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = file_store(&dir);
    let (ev, _) = populated(&mut store);
    let before = dump_derived(store.conn());
    let snap = store.snapshot(&ev).unwrap();
    // Drop the derived rows behind the store's back, then rebuild.
    store
        .conn()
        .execute_batch("DELETE FROM event; DELETE FROM session; DELETE FROM outcome; DELETE FROM text_block; INSERT INTO search_index (search_index) VALUES ('delete-all');")
        .unwrap();
    assert!(store.events().unwrap().is_empty());
    store.rebuild_derived().unwrap();
    assert_eq!(before, dump_derived(store.conn()));
    assert_eq!(snap, store.snapshot(&ev).unwrap());
}

#[test]
fn compaction_is_verified_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = file_store(&dir);
    let (ev, s) = populated(&mut store);
    let snap = store.snapshot(&ev).unwrap();
    let total = log_rows(&store);
    let mut archived = 0;
    for d in store.docs_of_event(&ev).unwrap() {
        archived += store.compact(&d.doc_id).unwrap().archived as i64;
    }
    assert_eq!(total, archived);
    assert_eq!(0, log_rows(&store));
    let kept: i64 = store
        .conn()
        .query_row("SELECT COUNT(*) FROM crdt_update_archive", [], |r| r.get(0))
        .unwrap();
    assert_eq!(total, kept, "archived, never deleted");
    // A fresh open rebuilds from snapshots alone and edits continue on top.
    drop(store);
    let mut store = file_store(&dir);
    store.rebuild_derived().unwrap();
    assert_eq!(snap, store.snapshot(&ev).unwrap());
    store
        .append_text(
            &ev,
            &s[0],
            TextKind::Notes,
            "After compaction.",
            &Origin::Cli,
        )
        .unwrap();
    drop(store);
    let mut store = file_store(&dir);
    store.rebuild_derived().unwrap();
    assert!(store
        .session_text(&s[0], false)
        .unwrap()
        .ends_with("After compaction."));
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let mut store = file_store(&dir);
        populated(&mut store);
        store
            .conn()
            .pragma_update(None, "user_version", schema::current_version() + 1)
            .unwrap();
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let err = match Store::open(&path) {
        Err(e) => e,
        Ok(_) => panic!("a newer schema must be refused"),
    };
    let msg = err.to_string();
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{msg}");
    assert!(
        msg.contains("newer version") && msg.contains("not changed"),
        "{msg}"
    );
    assert_eq!(
        bytes,
        std::fs::read(&path).unwrap(),
        "the file must be byte-identical"
    );
}

#[test]
fn search_finds_notes_summaries_and_outcomes() {
    let mut store = memory_store();
    let (ev, s) = populated(&mut store);
    let hits = store.search("rural develop", Some(&ev), 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].source, "notes");
    assert_eq!(hits[0].session_id, s[0]);
    assert!(hits[0].snippet.contains("[rural]"), "{}", hits[0].snippet);
    assert_eq!(
        store.search("work plan", None, 10).unwrap()[0].source,
        "outcome"
    );
    assert_eq!(
        store.search("co-chairs", None, 10).unwrap()[0].source,
        "summary"
    );
    // Query syntax typed by a user is text, not syntax.
    assert!(store.search("\"unbalanced AND (", None, 10).is_ok());
    // Editing a paragraph re-indexes it.
    store
        .set_text(
            &ev,
            &s[0],
            TextKind::Notes,
            "Nothing about farming now.",
            &Origin::Cli,
        )
        .unwrap();
    assert!(store.search("rural", None, 10).unwrap().is_empty());
    assert_eq!(store.search("farming", None, 10).unwrap().len(), 1);
}

#[test]
fn decided_field_conflicts_show_and_resolve() {
    let mut a = memory_store();
    let (ev, s) = populated(&mut a);
    let mut b = memory_store();
    for d in a.docs_of_event(&ev).unwrap() {
        let u = a.diff(&d.doc_id, &[0]).unwrap();
        b.apply(&d, &u, &Origin::Peer("a".into())).unwrap();
    }
    let id = a.outcomes(&ev).unwrap()[0].outcome.id.clone();
    let doc = DocRef::session(&ev, &s[2]);
    let sv_a = a.state_vector(&s[2]).unwrap();
    let sv_b = b.state_vector(&s[2]).unwrap();
    a.edit_outcome(
        &ev,
        &id,
        &[OutcomeEdit::Status(OutcomeStatus::Agreed)],
        &Origin::Local,
    )
    .unwrap();
    b.edit_outcome(
        &ev,
        &id,
        &[OutcomeEdit::Status(OutcomeStatus::Done)],
        &Origin::Local,
    )
    .unwrap();
    let ua = a.diff(&s[2], &sv_a).unwrap();
    let ub = b.diff(&s[2], &sv_b).unwrap();
    a.apply(&doc, &ub, &Origin::Peer("b".into())).unwrap();
    b.apply(&doc, &ua, &Origin::Peer("a".into())).unwrap();
    for st in [&a, &b] {
        let o = st
            .outcomes(&ev)
            .unwrap()
            .into_iter()
            .find(|o| o.outcome.id == id)
            .unwrap()
            .outcome;
        let mut values = o.status.values.clone();
        values.sort();
        assert_eq!(
            values,
            vec![OutcomeStatus::Agreed, OutcomeStatus::Done],
            "both values kept"
        );
    }
    let conflicted: i64 = a
        .conn()
        .query_row("SELECT conflict FROM outcome WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(conflicted, 1);
    a.edit_outcome(
        &ev,
        &id,
        &[OutcomeEdit::Status(OutcomeStatus::Agreed)],
        &Origin::Local,
    )
    .unwrap();
    let o = a
        .outcomes(&ev)
        .unwrap()
        .into_iter()
        .find(|o| o.outcome.id == id)
        .unwrap()
        .outcome;
    assert_eq!(o.status.values, vec![OutcomeStatus::Agreed]);
}

#[test]
fn the_batcher_commits_a_burst_in_few_transactions_and_acks_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = memory_store();
    let (ev, s) = populated(&mut source);
    let store = Arc::new(Mutex::new(file_store(&dir)));
    {
        let mut st = store.lock().unwrap();
        for d in source.docs_of_event(&ev).unwrap() {
            let u = source.diff(&d.doc_id, &[0]).unwrap();
            st.apply(&d, &u, &Origin::Peer("setup".into())).unwrap();
        }
    }
    // Produce 50 keystroke updates in the source.
    let mut updates = Vec::new();
    for c in "Keystrokes are batched into one durable commit.".chars() {
        let sv = source.state_vector(&s[1]).unwrap();
        let current = source.session_text(&s[1], false).unwrap();
        source
            .set_text(
                &ev,
                &s[1],
                TextKind::Notes,
                &format!("{current}{c}"),
                &Origin::Local,
            )
            .unwrap();
        updates.push(source.diff(&s[1], &sv).unwrap());
    }
    let batcher = Batcher::start(store.clone(), Duration::from_millis(100));
    let sender = batcher.sender();
    let acks: Vec<_> = updates
        .iter()
        .map(|u| sender.submit(DocRef::session(&ev, &s[1]), u.clone(), Origin::Editor))
        .collect();
    for a in acks {
        let r = a
            .recv_timeout(Duration::from_secs(10))
            .expect("acknowledged")
            .expect("committed");
        assert!(r.logged);
    }
    // A bad update is refused on its own; good ones around it are still saved.
    let bad = sender.submit(
        DocRef::session(&ev, &s[1]),
        vec![0xde, 0xad],
        Origin::Editor,
    );
    assert!(bad.recv_timeout(Duration::from_secs(10)).unwrap().is_err());
    drop(batcher);
    let st = store.lock().unwrap();
    assert_eq!(
        st.session_text(&s[1], false).unwrap(),
        "Keystrokes are batched into one durable commit."
    );
}

#[test]
fn two_processes_on_one_database_never_hide_each_others_edits() {
    // The CLI writes while the window has the same database open: each write catches up with
    // what the other appended, so derived rows always reflect the whole log.
    let dir = tempfile::tempdir().unwrap();
    let mut window = file_store(&dir);
    let (ev, s) = populated(&mut window);
    let mut cli = file_store(&dir);
    window
        .append_text(
            &ev,
            &s[1],
            TextKind::Notes,
            "typed in the window",
            &Origin::Local,
        )
        .unwrap();
    cli.append_text(
        &ev,
        &s[1],
        TextKind::Notes,
        "added from the CLI",
        &Origin::Cli,
    )
    .unwrap();
    window
        .append_text(&ev, &s[1], TextKind::Notes, "typed again", &Origin::Local)
        .unwrap();
    let text = window.session_text(&s[1], false).unwrap();
    for part in ["typed in the window", "added from the CLI", "typed again"] {
        assert!(text.contains(part), "{part:?} missing from {text:?}");
    }
    let before = dump_derived(window.conn());
    window.rebuild_derived().unwrap();
    assert_eq!(
        before,
        dump_derived(window.conn()),
        "derived rows matched the log"
    );
    // Reads of document state catch up too (what sync would send).
    cli.append_text(
        &ev,
        &s[1],
        TextKind::Notes,
        "one more from the CLI",
        &Origin::Cli,
    )
    .unwrap();
    let mut other = memory_store();
    for d in window.docs_of_event(&ev).unwrap() {
        let u = window.diff(&d.doc_id, &[0]).unwrap();
        other.apply(&d, &u, &Origin::Peer("w".into())).unwrap();
    }
    assert!(other
        .session_text(&s[1], false)
        .unwrap()
        .ends_with("one more from the CLI"));
}
