//! The final lock: every local write path refused, nothing written; a peer's late edit kept,
//! left out of the final draft and reported; reopen with a reason.

use crate::common::memory_store;
use crate::support::{event, log_rows, options, summary, sync, THREE};
use rapporteur::compile::write_markdown;
use rapporteur::doc::event_doc::SessionEdit;
use rapporteur::doc::session_doc::{OutcomeEdit, OutcomeInput, TextKind};
use rapporteur::host::Origin;
use rapporteur::model::{OutcomeKind, OutcomeStatus, Participant};
use rapporteur::review::{self, ReviewError};
use rapporteur::store::{DocRef, StoreError};

fn is_final(e: &review::Error) -> bool {
    matches!(e, review::Error::Store(StoreError::Final { .. }))
}

#[test]
fn a_final_event_refuses_every_local_write_and_keeps_a_peers_late_edit() {
    let mut a = event();
    summary(&mut a, 2, THREE);
    let s2 = a.sessions[2].clone();
    let o = a
        .store
        .add_outcome(
            &a.id,
            &s2,
            &OutcomeInput::new(OutcomeKind::Action, "Circulate the note"),
            &Origin::Cli,
        )
        .unwrap();
    let o2 = a
        .store
        .add_outcome(
            &a.id,
            &s2,
            &OutcomeInput::new(OutcomeKind::Action, "Circulate the note again"),
            &Origin::Cli,
        )
        .unwrap();
    let mut b = memory_store();
    sync(&mut a.store, &mut b, &a.id);
    b.set_author("Daniel");
    // B types offline, before it hears of the lock.
    b.append_text(
        &a.id,
        &s2,
        TextKind::Summary,
        "Late paragraph typed offline.",
        &Origin::Local,
    )
    .unwrap();

    let fin = a.store.finalize(&a.id, &Origin::Cli).unwrap();
    assert_eq!(fin.number.as_deref(), Some("1.0"));
    let rows = log_rows(&a.store);
    let refused: Vec<(&str, String)> = vec![
        (
            "note",
            a.store
                .append_text(&a.id, &s2, TextKind::Notes, "x", &Origin::Cli)
                .unwrap_err()
                .to_string(),
        ),
        (
            "capture",
            a.store
                .add_outcome(
                    &a.id,
                    &s2,
                    &OutcomeInput::new(OutcomeKind::Decision, "x"),
                    &Origin::Local,
                )
                .unwrap_err()
                .to_string(),
        ),
        (
            "board",
            a.store
                .edit_outcome(
                    &a.id,
                    &o,
                    &[OutcomeEdit::Status(OutcomeStatus::Agreed)],
                    &Origin::Local,
                )
                .unwrap_err()
                .to_string(),
        ),
        (
            "participant",
            a.store
                .add_participant(&a.id, &Participant::default(), &Origin::Local)
                .unwrap_err()
                .to_string(),
        ),
        (
            "agenda",
            a.store
                .edit_session(
                    &a.id,
                    &s2,
                    &SessionEdit::Title("New".into()),
                    &Origin::Local,
                )
                .unwrap_err()
                .to_string(),
        ),
        (
            "merge",
            a.store
                .merge_outcomes(&a.id, &o, std::slice::from_ref(&o2), &Origin::Local)
                .map(|_| ())
                .unwrap_err()
                .to_string(),
        ),
    ];
    for (what, msg) in &refused {
        assert!(
            msg.starts_with("event is final (version 1.0 “Final 1.0”"),
            "{what}: {msg}"
        );
        assert!(msg.contains("reopen --reason"), "{what}: {msg}");
    }
    // A keystroke from the window (a Yjs update of the notes).
    let update = {
        let doc = rapporteur::doc::new_doc();
        let mut t = yrs::Transact::transact_mut(&doc);
        let text = yrs::WriteTxn::get_or_insert_text(&mut t, "notes");
        yrs::Text::insert(&text, &mut t, 0, "typed");
        t.encode_update_v1()
    };
    let err = a
        .store
        .apply(&DocRef::session(&a.id, &s2), &update, &Origin::Local)
        .unwrap_err();
    assert!(matches!(err, StoreError::Final { .. }), "{err}");
    assert!(is_final(
        &a.store
            .restore(&a.id, "1.0", None, &Origin::Cli)
            .unwrap_err()
    ));
    assert!(is_final(
        &a.store
            .save_version(&a.id, "after", &Origin::Cli)
            .unwrap_err()
    ));
    assert!(is_final(
        &a.store.circulate(&a.id, "", &Origin::Cli).unwrap_err()
    ));
    assert!(matches!(
        a.store.finalize(&a.id, &Origin::Cli).unwrap_err(),
        review::Error::Review(ReviewError::AlreadyFinal(_))
    ));
    assert_eq!(log_rows(&a.store), rows, "nothing was written");

    // The peer's late edit arrives and is kept, but not in the final draft.
    sync(&mut a.store, &mut b, &a.id);
    assert!(a
        .store
        .session_text(&s2, true)
        .unwrap()
        .contains("Late paragraph typed offline."));
    let source = a.store.draft_source(&a.id).unwrap();
    let md = write_markdown(&source.compile(&source.options(options())).document);
    assert!(!md.contains("Late paragraph"), "{md}");
    assert!(md.contains("Version 1.0 (final)"), "{md}");
    let late: Vec<&str> = source.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        late[0].starts_with("1 change(s) received after the event was finalized are left out"),
        "{late:?}"
    );
    assert!(late[1].contains("Daniel"), "{late:?}");
    // B learned of the lock with the sync: its own writes are refused now.
    assert!(b
        .append_text(&a.id, &s2, TextKind::Notes, "y", &Origin::Local)
        .is_err());

    // Reopen: the reason stays with the final version; writes pass again.
    assert!(matches!(
        a.store.reopen(&a.id, " ", &Origin::Cli).unwrap_err(),
        review::Error::Review(ReviewError::NoReason)
    ));
    a.store
        .reopen(&a.id, "FAO asked for a correction", &Origin::Cli)
        .unwrap();
    let v = a.store.versions(&a.id).unwrap();
    assert_eq!(v[0].reopened[0].reason, "FAO asked for a correction");
    assert!(!v[0].locked);
    a.store
        .append_text(&a.id, &s2, TextKind::Notes, "ok now", &Origin::Cli)
        .unwrap();
    assert_eq!(
        a.store
            .circulate(&a.id, "all members", &Origin::Cli)
            .unwrap()
            .number
            .as_deref(),
        Some("1.1")
    );
}
