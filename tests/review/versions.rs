//! Named versions, the comparison, restore, compaction, two laptops, bad input.

use crate::common::memory_store;
use crate::support::{event, log_rows, options, summary, sync, THREE};
use rapporteur::compile::redline::ChangeKind;
use rapporteur::compile::{compile, write_markdown};
use rapporteur::doc::session_doc::{OutcomeInput, TextKind};
use rapporteur::host::Origin;
use rapporteur::model::{OutcomeKind, Participant};
use rapporteur::review::{self, ReviewError};

#[test]
fn added_removed_and_reworded_paragraphs_are_the_three_changes() {
    let mut e = event();
    summary(&mut e, 2, THREE);
    let v1 = e
        .store
        .save_version(&e.id, "Before lunch", &Origin::Cli)
        .unwrap();
    summary(
        &mut e,
        2,
        "Participants welcomed the report of the working group.\n\n\
         FAO noted that data on rural and seasonal migration remain scarce.\n\n\
         IOM offered to host a technical meeting on data.",
    );
    let cmp = e
        .store
        .diff_versions(&e.id, "Before lunch", None, &options())
        .unwrap();
    let got: Vec<(ChangeKind, Option<&str>, Option<&str>)> = cmp
        .changes
        .iter()
        .map(|c| {
            (
                c.change.change,
                c.change.before.as_deref(),
                c.change.after.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                ChangeKind::Removed,
                Some("The group will meet again in June in Geneva."),
                None
            ),
            (
                ChangeKind::Changed,
                Some("FAO noted that data on rural migration remain scarce."),
                Some("FAO noted that data on rural and seasonal migration remain scarce.")
            ),
            (
                ChangeKind::Added,
                None,
                Some("IOM offered to host a technical meeting on data.")
            ),
        ],
        "{cmp:#?}"
    );
    // The same version by id and as the JSON of the contract.
    let by_id = e.store.diff_versions(&e.id, &v1, None, &options()).unwrap();
    let json = serde_json::to_value(&by_id).unwrap();
    assert_eq!(json["changes"][0]["change"], "removed");
    assert_eq!(json["changes"][0]["after"], serde_json::Value::Null);
    assert_eq!(json["changes"][1]["change"], "changed");
    assert_eq!(json["changes"][2]["before"], serde_json::Value::Null);
}

#[test]
fn renumbering_alone_is_not_a_change() {
    let mut e = event();
    summary(&mut e, 2, "The group discussed the process.");
    summary(&mut e, 3, "The work plan was agreed.");
    let s3 = e.sessions[3].clone();
    e.store
        .add_outcome(
            &e.id,
            &s3,
            &OutcomeInput::new(OutcomeKind::Recommendation, "Hold briefings"),
            &Origin::Cli,
        )
        .unwrap();
    e.store.save_version(&e.id, "v1", &Origin::Cli).unwrap();
    // A new paragraph early in the draft: every later paragraph, and the "see paragraph N" of
    // section IV, gets a new number.
    summary(
        &mut e,
        2,
        "The group discussed the process.\n\nA new point was raised.",
    );
    let v1 = e.store.resolve_version(&e.id, "v1").unwrap();
    let before = write_markdown(
        &compile(&e.store.version_snapshot(&e.id, &v1).unwrap(), &options()).document,
    );
    let now = write_markdown(
        &compile(&e.store.draft_source(&e.id).unwrap().snapshot, &options()).document,
    );
    assert!(
        before.contains("(see paragraph 7)") && now.contains("(see paragraph 8)"),
        "{before}\n---\n{now}"
    );
    let cmp = e
        .store
        .diff_versions(&e.id, "v1", None, &options())
        .unwrap();
    let got: Vec<(ChangeKind, Option<&str>)> = cmp
        .changes
        .iter()
        .map(|c| (c.change.change, c.change.after.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![(ChangeKind::Added, Some("A new point was raised."))],
        "{:#?}",
        cmp.changes
    );
}

#[test]
fn a_version_saved_on_one_laptop_is_listed_and_compared_on_the_other() {
    let mut a = event();
    summary(&mut a, 2, THREE);
    let id = a
        .store
        .save_version(&a.id, "Draft for co-chairs", &Origin::Cli)
        .unwrap();
    summary(&mut a, 2, "Only this now.");
    let mut b = memory_store();
    sync(&mut a.store, &mut b, &a.id);
    let listed = b.versions(&a.id).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, id);
    assert_eq!(listed[0].name, "Draft for co-chairs");
    let cmp = b
        .diff_versions(&a.id, "Draft for co-chairs", None, &options())
        .unwrap();
    assert!(cmp.changes.iter().any(
        |c| c.change.before.as_deref() == Some("The group will meet again in June in Geneva.")
    ));
}

#[test]
fn restore_writes_new_edits_that_sync_and_restoring_the_later_version_undoes_it() {
    let mut a = event();
    summary(&mut a, 2, THREE);
    let s4 = a.sessions[4].clone();
    a.store
        .save_version(&a.id, "morning", &Origin::Cli)
        .unwrap();
    summary(&mut a, 2, "Rewritten after lunch.");
    a.store
        .add_outcome(
            &a.id,
            &s4,
            &OutcomeInput::new(OutcomeKind::Decision, "Adopt the plan"),
            &Origin::Cli,
        )
        .unwrap();
    a.store
        .add_participant(
            &a.id,
            &Participant {
                name: "Amy Pope".into(),
                entity: "IOM".into(),
                ..Participant::default()
            },
            &Origin::Cli,
        )
        .unwrap();
    a.store
        .save_version(&a.id, "afternoon", &Origin::Cli)
        .unwrap();
    let rows_before = log_rows(&a.store);
    let mut b = memory_store();
    sync(&mut a.store, &mut b, &a.id);

    let r = a
        .store
        .restore(&a.id, "morning", None, &Origin::Cli)
        .unwrap();
    assert!(r.documents >= 2, "{r:?}");
    assert!(log_rows(&a.store) > rows_before, "written as new edits");
    let s2 = a.sessions[2].clone();
    assert_eq!(a.store.session_text(&s2, true).unwrap(), THREE);
    assert!(
        a.store.outcomes(&a.id).unwrap().is_empty(),
        "the later outcome is gone from the list"
    );
    assert!(a.store.participants(&a.id).unwrap().is_empty());
    assert_eq!(
        a.store.versions(&a.id).unwrap().len(),
        2,
        "the versions list is untouched"
    );

    sync(&mut a.store, &mut b, &a.id);
    assert_eq!(
        b.session_text(&s2, true).unwrap(),
        THREE,
        "the restore reached the peer"
    );
    assert!(b.outcomes(&a.id).unwrap().is_empty());

    a.store
        .restore(&a.id, "afternoon", None, &Origin::Cli)
        .unwrap();
    assert_eq!(
        a.store.session_text(&s2, true).unwrap(),
        "Rewritten after lunch."
    );
    assert_eq!(a.store.outcomes(&a.id).unwrap().len(), 1);
    assert_eq!(a.store.participants(&a.id).unwrap().len(), 1);
    // One session only.
    summary(&mut a, 3, "Session 4 text");
    a.store
        .restore(&a.id, "morning", Some(&s2), &Origin::Cli)
        .unwrap();
    assert_eq!(a.store.session_text(&s2, true).unwrap(), THREE);
    assert_eq!(
        a.store.session_text(&a.sessions[3], true).unwrap(),
        "Session 4 text"
    );
    assert_eq!(
        a.store.outcomes(&a.id).unwrap().len(),
        1,
        "other sessions keep theirs"
    );
}

#[test]
fn draft_numbers_and_names_made_on_two_laptops_at_once_are_shown_as_conflicts() {
    let mut a = event();
    let mut b = memory_store();
    sync(&mut a.store, &mut b, &a.id);
    a.store
        .save_version(&a.id, "Before lunch", &Origin::Cli)
        .unwrap();
    b.save_version(&a.id, "Before lunch", &Origin::Cli).unwrap();
    a.store.circulate(&a.id, "co-chairs", &Origin::Cli).unwrap();
    b.circulate(&a.id, "all members", &Origin::Cli).unwrap();
    sync(&mut a.store, &mut b, &a.id);
    let list = a.store.versions(&a.id).unwrap();
    assert_eq!(list.len(), 4);
    assert_eq!(
        list.iter()
            .filter(|v| v.number.as_deref() == Some("0.1"))
            .count(),
        2
    );
    assert!(list.iter().all(|v| !v.conflicts.is_empty()), "{list:#?}");
    let err = a.store.resolve_version(&a.id, "Before lunch").unwrap_err();
    assert!(
        matches!(
            err,
            review::Error::Review(ReviewError::AmbiguousVersion { count: 2, .. })
        ),
        "{err}"
    );
    assert!(a.store.resolve_version(&a.id, "0.1").is_err());
    let one = list
        .iter()
        .find(|v| v.name == "Before lunch")
        .unwrap()
        .id
        .clone();
    a.store
        .rename_version(&a.id, &one, "Before lunch (A)", &Origin::Cli)
        .unwrap();
    assert!(a.store.resolve_version(&a.id, "Before lunch").is_ok());
    assert_eq!(
        a.store
            .circulate(&a.id, "", &Origin::Cli)
            .unwrap()
            .number
            .as_deref(),
        Some("0.2")
    );
}

#[test]
fn a_version_is_still_rebuilt_after_compaction() {
    let mut e = event();
    summary(&mut e, 2, THREE);
    e.store.save_version(&e.id, "v1", &Origin::Cli).unwrap();
    summary(&mut e, 2, "Everything deleted and replaced.");
    for d in e.store.docs_of_event(&e.id).unwrap() {
        e.store.compact(&d.doc_id).unwrap();
    }
    let cmp = e
        .store
        .diff_versions(&e.id, "v1", None, &options())
        .unwrap();
    let removed: Vec<&str> = cmp
        .changes
        .iter()
        .filter_map(|c| c.change.before.as_deref())
        .collect();
    assert!(
        removed.contains(&"Participants welcomed the report of the working group."),
        "{removed:?}"
    );
    e.store.restore(&e.id, "v1", None, &Origin::Cli).unwrap();
    assert_eq!(e.store.session_text(&e.sessions[2], true).unwrap(), THREE);
}

#[test]
fn who_wrote_each_change_is_named() {
    let mut a = event();
    a.store.set_author("Amina Diallo");
    summary(&mut a, 2, "First paragraph.");
    a.store.save_version(&a.id, "v1", &Origin::Cli).unwrap();
    let mut b = memory_store();
    sync(&mut a.store, &mut b, &a.id);
    b.set_author("Daniel Park");
    let s2 = a.sessions[2].clone();
    b.append_text(
        &a.id,
        &s2,
        TextKind::Summary,
        "Daniel's addition about pathways.",
        &Origin::Local,
    )
    .unwrap();
    a.store
        .append_text(
            &a.id,
            &a.sessions[3].clone(),
            TextKind::Summary,
            "Amina wrote the work plan summary.",
            &Origin::Cli,
        )
        .unwrap();
    sync(&mut a.store, &mut b, &a.id);
    let cmp = a
        .store
        .diff_versions(&a.id, "v1", None, &options())
        .unwrap();
    let by = |text: &str| {
        cmp.changes
            .iter()
            .find(|c| c.change.after.as_deref().is_some_and(|t| t.contains(text)))
            .map(|c| c.authors.clone())
            .unwrap_or_else(|| panic!("no change with {text}: {cmp:#?}"))
    };
    assert_eq!(by("pathways"), ["Daniel Park"]);
    assert_eq!(by("work plan summary"), ["Amina Diallo"]);
}

#[test]
fn bad_input_is_refused_and_writes_nothing() {
    let mut e = event();
    e.store.save_version(&e.id, "v1", &Origin::Cli).unwrap();
    let mut other = event();
    let theirs = other
        .store
        .save_version(&other.id, "theirs", &Origin::Cli)
        .unwrap();
    let rows = log_rows(&e.store);
    let err = e
        .store
        .diff_versions(&e.id, "no such", None, &options())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no version \"no such\" in this event (see `rapporteur versions`)"
    );
    assert!(e
        .store
        .save_version(&e.id, "v1", &Origin::Cli)
        .unwrap_err()
        .to_string()
        .contains("already exists"));
    assert!(e.store.save_version(&e.id, "0.4", &Origin::Cli).is_err());
    assert!(e.store.save_version(&e.id, "", &Origin::Cli).is_err());
    assert!(e
        .store
        .set_follows(&e.id, Some("nope"), &Origin::Cli)
        .unwrap_err()
        .to_string()
        .contains("no event \"nope\""));
    assert!(e
        .store
        .set_follows(&e.id, Some(&e.id.clone()), &Origin::Cli)
        .unwrap_err()
        .to_string()
        .contains("cannot follow itself"));
    assert!(e.store.reopen(&e.id, "why", &Origin::Cli).is_err());
    assert_eq!(log_rows(&e.store), rows);
    // A version of another event, in the same database.
    let mut both = memory_store();
    sync(&mut e.store, &mut both, &e.id);
    sync(&mut other.store, &mut both, &other.id);
    let err = both
        .diff_versions(&e.id, &theirs, None, &options())
        .unwrap_err();
    assert!(
        matches!(err, review::Error::Review(ReviewError::OtherEvent { .. })),
        "{err}"
    );
}
