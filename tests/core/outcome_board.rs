//! The outcome board's core operations: merging duplicates (across sessions, nothing deleted
//! from the log), "keep both" for a field in conflict, field edits given as text, and noticing
//! what another connection wrote to the same database.

use crate::common;

use common::{memory_store, session_ids, small_agenda, FakeHost};
use rapporteur::doc::session_doc::{OutcomeEdit, OutcomeInput};
use rapporteur::host::Origin;
use rapporteur::model::{OutcomeKind, OutcomeStatus};
use rapporteur::store::{DocRef, LogWatcher, Store, StoreError};
use std::sync::Arc;

fn event(store: &mut Store) -> (String, Vec<String>) {
    let ev = store
        .create_event(&small_agenda(), &Origin::Import)
        .unwrap();
    let s = session_ids(store, &ev);
    (ev, s)
}

fn add(store: &mut Store, ev: &str, session: &str, kind: OutcomeKind, text: &str) -> String {
    store
        .add_outcome(ev, session, &OutcomeInput::new(kind, text), &Origin::Local)
        .unwrap()
}

fn log_rows(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT COUNT(*) FROM crdt_update", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn merging_folds_texts_into_the_survivor_and_points_the_others_at_it() {
    let mut store = memory_store();
    let (ev, s) = event(&mut store);
    let keep = add(
        &mut store,
        &ev,
        &s[0],
        OutcomeKind::Recommendation,
        "Hold monthly briefings",
    );
    let dup = add(
        &mut store,
        &ev,
        &s[3],
        OutcomeKind::Recommendation,
        "Brief Member States monthly",
    );
    let same = add(
        &mut store,
        &ev,
        &s[3],
        OutcomeKind::Recommendation,
        "Hold monthly briefings",
    );
    let other = add(
        &mut store,
        &ev,
        &s[3],
        OutcomeKind::Decision,
        "Adopt the work plan",
    );
    let rows_before = log_rows(&store);

    let survivor = store
        .merge_outcomes(
            &ev,
            &keep,
            &[dup.clone(), same[..8].to_string()],
            &Origin::Local,
        )
        .unwrap();
    assert_eq!(survivor, keep);

    let list = store.outcomes(&ev).unwrap();
    let ids: Vec<&str> = list.iter().map(|r| r.outcome.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![keep.as_str(), other.as_str()],
        "merged ones leave the board"
    );
    assert_eq!(
        list[0].outcome.text, "Hold monthly briefings\nBrief Member States monthly",
        "the duplicate's text is folded in once; a repeat is not"
    );
    assert_eq!(store.merged_into(&s[3], &dup).unwrap(), keep);
    assert_eq!(store.merged_into(&s[3], &same).unwrap(), keep);
    assert_eq!(store.merged_into(&s[3], &other).unwrap(), "");
    assert!(log_rows(&store) > rows_before, "appended, nothing deleted");

    // Rebuilding the derived tables from the log gives the same board.
    store.rebuild_derived().unwrap();
    assert_eq!(store.outcomes(&ev).unwrap(), list);
}

#[test]
fn a_bad_merge_is_refused_and_changes_nothing() {
    let mut store = memory_store();
    let (ev, s) = event(&mut store);
    let a = add(&mut store, &ev, &s[0], OutcomeKind::Conclusion, "One");
    let b = add(&mut store, &ev, &s[0], OutcomeKind::Conclusion, "Two");
    let before = (store.outcomes(&ev).unwrap(), log_rows(&store));
    for others in [
        vec![],
        vec![a.clone()],
        vec![b.clone(), b.clone()],
        vec!["nope".into()],
    ] {
        let err = store
            .merge_outcomes(&ev, &a, &others, &Origin::Local)
            .unwrap_err();
        assert!(
            matches!(err, StoreError::Edit(_) | StoreError::NoOutcome(_)),
            "{others:?}: {err}"
        );
    }
    assert_eq!((store.outcomes(&ev).unwrap(), log_rows(&store)), before);
}

/// Two replicas set the status concurrently: the outcome then holds both values.
fn conflicted() -> (Store, String, String, String) {
    let mut a = memory_store();
    let (ev, s) = event(&mut a);
    let id = add(
        &mut a,
        &ev,
        &s[3],
        OutcomeKind::Action,
        "Circulate the draft",
    );
    a.edit_outcome(&ev, &id, &[OutcomeEdit::Lead("IOM".into())], &Origin::Local)
        .unwrap();
    let mut b = memory_store();
    for d in a.docs_of_event(&ev).unwrap() {
        let u = a.diff(&d.doc_id, &[0]).unwrap();
        b.apply(&d, &u, &Origin::Peer("a".into())).unwrap();
    }
    let sv = b.state_vector(&s[3]).unwrap();
    b.edit_outcome(
        &ev,
        &id,
        &[OutcomeEdit::Status(OutcomeStatus::Done)],
        &Origin::Local,
    )
    .unwrap();
    a.edit_outcome(
        &ev,
        &id,
        &[OutcomeEdit::Status(OutcomeStatus::Agreed)],
        &Origin::Local,
    )
    .unwrap();
    let ub = b.diff(&s[3], &sv).unwrap();
    a.apply(&DocRef::session(&ev, &s[3]), &ub, &Origin::Peer("b".into()))
        .unwrap();
    let o = &a.outcomes(&ev).unwrap()[0].outcome;
    assert!(o.status.is_conflict(), "{:?}", o.status);
    (a, ev, s[3].clone(), id)
}

#[test]
fn keep_both_splits_a_conflict_into_one_outcome_per_value() {
    let (mut store, ev, session, id) = conflicted();
    let values = store.outcomes(&ev).unwrap()[0]
        .outcome
        .status
        .values
        .clone();
    let copies = store.keep_both(&ev, &id, "status", &Origin::Local).unwrap();
    assert_eq!(copies.len(), 1);
    let list = store.outcomes(&ev).unwrap();
    assert_eq!(list.len(), 2);
    let (orig, copy) = (&list[0].outcome, &list[1].outcome);
    assert_eq!(
        (orig.id.as_str(), copy.id.as_str()),
        (id.as_str(), copies[0].as_str())
    );
    assert_eq!(orig.status.values, vec![values[0]]);
    assert_eq!(copy.status.values, vec![values[1]]);
    assert!(
        copy.position > orig.position,
        "the copy sits right after the original"
    );
    assert_eq!(copy.text, orig.text);
    assert_eq!(copy.session_id, session);
    assert_eq!(
        copy.lead.values,
        vec!["IOM".to_string()],
        "other fields are copied"
    );
    assert_eq!(copy.kind.values, vec![OutcomeKind::Action]);

    // No conflict left: a second "keep both" is refused and writes nothing.
    let rows = log_rows(&store);
    let err = store
        .keep_both(&ev, &id, "status", &Origin::Local)
        .unwrap_err();
    assert!(err.to_string().contains("not in conflict"), "{err}");
    let err = store
        .keep_both(&ev, &id, "colour", &Origin::Local)
        .unwrap_err();
    assert!(err.to_string().contains("colour"), "{err}");
    assert_eq!(log_rows(&store), rows);
}

#[test]
fn keep_this_one_is_a_write_that_supersedes_every_value() {
    let (mut store, ev, _, id) = conflicted();
    let edit = OutcomeEdit::parse("status", "done").unwrap();
    store
        .edit_outcome(&ev, &id, &[edit], &Origin::Local)
        .unwrap();
    let o = &store.outcomes(&ev).unwrap()[0].outcome;
    assert_eq!(o.status.values, vec![OutcomeStatus::Done]);
}

#[test]
fn field_edits_given_as_text_parse_or_say_what_is_wrong() {
    assert_eq!(
        OutcomeEdit::parse("key_message", "true").unwrap(),
        OutcomeEdit::KeyMessage(true)
    );
    assert_eq!(
        OutcomeEdit::parse("position", "2.5").unwrap(),
        OutcomeEdit::Position(2.5)
    );
    assert_eq!(
        OutcomeEdit::parse("lead", " FAO ").unwrap(),
        OutcomeEdit::Lead("FAO".into())
    );
    for (field, value, says) in [
        ("status", "finished", "status"),
        ("kind", "wish", "kind"),
        ("confidential", "yes", "true/false"),
        ("position", "NaN", "number"),
        ("text", "  ", "empty"),
        ("colour", "red", "colour"),
    ] {
        let err = OutcomeEdit::parse(field, value).unwrap_err().to_string();
        assert!(err.contains(says), "{field}={value}: {err}");
    }
}

#[test]
fn a_second_connection_s_write_is_noticed_and_the_window_s_own_are_not() {
    let dir = std::env::temp_dir().join(format!("rapporteur-notice-{}", rapporteur::doc::new_id()));
    let path = dir.join("rapporteur.db");
    let mut window = Store::open_with_host(&path, Arc::new(FakeHost::default())).unwrap();
    let (ev, s) = event(&mut window);
    let mut watcher = LogWatcher::start(&mut window).unwrap();
    assert!(watcher.poll(&mut window).unwrap().is_empty());

    // The window's own writes are not reported back to it.
    let id = add(
        &mut window,
        &ev,
        &s[0],
        OutcomeKind::Decision,
        "Adopt the plan",
    );
    assert!(watcher.poll(&mut window).unwrap().is_empty());

    // Another process (here another connection) writes; the window's next write catches its
    // document up, but the watcher still reports the other's row.
    let mut cli = Store::open(&path).unwrap();
    cli.edit_outcome(
        &ev,
        &id,
        &[OutcomeEdit::Status(OutcomeStatus::Agreed)],
        &Origin::Cli,
    )
    .unwrap();
    cli.append_text(
        &ev,
        &s[3],
        rapporteur::doc::session_doc::TextKind::Notes,
        "From the CLI",
        &Origin::Cli,
    )
    .unwrap();
    window
        .edit_outcome(&ev, &id, &[OutcomeEdit::Lead("FAO".into())], &Origin::Local)
        .unwrap();
    let changes = watcher.poll(&mut window).unwrap();
    let docs: Vec<(&str, &Origin)> = changes
        .iter()
        .map(|c| (c.doc_id.as_str(), &c.origin))
        .collect();
    assert_eq!(
        docs,
        vec![(s[0].as_str(), &Origin::Cli), (s[3].as_str(), &Origin::Cli)]
    );
    assert!(changes.iter().all(|c| c.event_id == ev));
    assert!(
        watcher.poll(&mut window).unwrap().is_empty(),
        "each row is reported once"
    );

    // What the window reads now has both writes.
    let o = &window.outcomes(&ev).unwrap()[0].outcome;
    assert_eq!(o.status.values, vec![OutcomeStatus::Agreed]);
    assert_eq!(o.lead.values, vec!["FAO".to_string()]);
    drop((window, cli));
    let _ = std::fs::remove_dir_all(&dir);
}
