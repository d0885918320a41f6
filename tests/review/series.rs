//! Meetings of a series: a second meeting follows the first, its open action points carry over
//! as the same items (a status set at the second meeting is their status in the first one's
//! list), allowed even when the first meeting is final, whose final draft keeps them as they
//! were at the lock; `outcomes --open` and the draft's "Follow-up to the previous meeting".

use crate::common::{memory_store, small_agenda};
use rapporteur::compile::{compile, write_markdown, CompileOptions};
use rapporteur::doc::session_doc::{OutcomeEdit, OutcomeInput};
use rapporteur::host::Origin;
use rapporteur::model::{OutcomeKind, OutcomeStatus};
use rapporteur::review::series::is_open;
use rapporteur::store::{Store, StoreError};

fn options() -> CompileOptions {
    CompileOptions::new(chrono::NaiveDate::from_ymd_opt(2018, 2, 15).unwrap())
}

fn action(s: &mut Store, event: &str, session: &str, text: &str) -> String {
    let mut o = OutcomeInput::new(OutcomeKind::Action, text);
    o.lead = "IOM".into();
    s.add_outcome(event, session, &o, &Origin::Cli).unwrap()
}

fn status(s: &Store, event: &str, id: &str) -> Vec<OutcomeStatus> {
    s.outcomes(event)
        .unwrap()
        .into_iter()
        .find(|r| r.outcome.id == id)
        .map(|r| r.outcome.status.values)
        .unwrap()
}

fn draft(s: &mut Store, event: &str) -> String {
    let source = s.draft_source(event).unwrap();
    write_markdown(&compile(&source.snapshot, &source.options(options())).document)
}

#[test]
fn open_action_points_carry_over_as_the_same_items() {
    let mut s = memory_store();
    let first = s.create_event(&small_agenda(), &Origin::Cli).unwrap();
    let sid = crate::common::session_ids(&s, &first)[2].clone();
    let open = action(&mut s, &first, &sid, "Draft the terms of reference");
    let done = action(&mut s, &first, &sid, "Book the room");
    let dropped = action(&mut s, &first, &sid, "Commission a study");
    s.add_outcome(
        &first,
        &sid,
        &OutcomeInput::new(OutcomeKind::Decision, "Adopt the plan"),
        &Origin::Cli,
    )
    .unwrap();
    s.edit_outcome(
        &first,
        &done,
        &[OutcomeEdit::Status(OutcomeStatus::Done)],
        &Origin::Cli,
    )
    .unwrap();
    s.edit_outcome(
        &first,
        &dropped,
        &[OutcomeEdit::Status(OutcomeStatus::Dropped)],
        &Origin::Cli,
    )
    .unwrap();
    s.finalize(&first, &Origin::Cli).unwrap();

    let second = s.create_event(&small_agenda(), &Origin::Import).unwrap();
    let carried = s.set_follows(&second, Some(&first), &Origin::Cli).unwrap();
    assert_eq!(carried, vec![open.clone()], "only the open action point");

    let rows = s.outcomes_of_series(&second).unwrap();
    let row = rows
        .iter()
        .find(|r| r.outcome.id == open)
        .expect("listed in the new meeting");
    assert_eq!(row.carried_from.as_ref().unwrap().event, first);
    assert_eq!(rows.iter().filter(|r| is_open(r)).count(), 1);

    // The draft of the second meeting follows it up.
    let md = draft(&mut s, &second);
    assert!(md.contains("Follow-up to the previous meeting"), "{md}");
    assert!(md.contains("Draft the terms of reference"), "{md}");

    // A status set at the second meeting is the item's status in the first one's list, even
    // though the first meeting is final; its other fields are not follow-up and stay locked.
    s.edit_outcome(
        &second,
        &open,
        &[OutcomeEdit::Status(OutcomeStatus::Done)],
        &Origin::Cli,
    )
    .unwrap();
    assert_eq!(status(&s, &first, &open), [OutcomeStatus::Done]);
    let err = s
        .edit_outcome(
            &second,
            &open,
            &[OutcomeEdit::Text("Changed".into())],
            &Origin::Cli,
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Final { .. }), "{err}");
    // Without --event: the id names its own meeting.
    let owner = s.outcome_event(&open[..8]).unwrap();
    assert_eq!(owner, first);
    s.edit_outcome(
        &owner,
        &open,
        &[OutcomeEdit::Status(OutcomeStatus::Agreed)],
        &Origin::Cli,
    )
    .unwrap();

    // The first meeting's final draft shows it as it was at the lock.
    let md = draft(&mut s, &first);
    let row = md
        .lines()
        .find(|l| l.contains("Draft the terms of reference") && l.starts_with('|'))
        .unwrap();
    assert!(row.contains("| draft |"), "{row}");
    // The second meeting's draft and list show it as it is now.
    assert!(draft(&mut s, &second).contains("| agreed |"));
    assert_eq!(
        s.outcomes_of_series(&second)
            .unwrap()
            .iter()
            .filter(|r| is_open(r))
            .count(),
        1
    );
    s.edit_outcome(
        &second,
        &open,
        &[OutcomeEdit::Status(OutcomeStatus::Dropped)],
        &Origin::Cli,
    )
    .unwrap();
    assert_eq!(
        s.outcomes_of_series(&second)
            .unwrap()
            .iter()
            .filter(|r| is_open(r))
            .count(),
        0
    );
    assert!(
        s.outcomes_of_series(&second)
            .unwrap()
            .iter()
            .any(|r| r.outcome.id == open),
        "a dropped item stays on the list it was carried into"
    );
}

#[test]
fn a_series_cannot_go_round_in_a_circle() {
    let mut s = memory_store();
    let a = s.create_event(&small_agenda(), &Origin::Cli).unwrap();
    let b = s.create_event(&small_agenda(), &Origin::Cli).unwrap();
    let c = s.create_event(&small_agenda(), &Origin::Cli).unwrap();
    s.set_follows(&b, Some(&a), &Origin::Cli).unwrap();
    s.set_follows(&c, Some(&b), &Origin::Cli).unwrap();
    let err = s.set_follows(&a, Some(&c), &Origin::Cli).unwrap_err();
    assert!(err.to_string().contains("go round in a circle"), "{err}");
    assert!(s.follows(&a).unwrap().is_empty(), "nothing written");
}

#[test]
fn carried_items_carry_on_to_the_third_meeting_while_open() {
    let mut s = memory_store();
    let a = s.create_event(&small_agenda(), &Origin::Cli).unwrap();
    let sid = crate::common::session_ids(&s, &a)[2].clone();
    let x = action(&mut s, &a, &sid, "Still open after two meetings");
    let b = s.create_event(&small_agenda(), &Origin::Cli).unwrap();
    s.set_follows(&b, Some(&a), &Origin::Cli).unwrap();
    let c = s.create_event(&small_agenda(), &Origin::Cli).unwrap();
    assert_eq!(
        s.set_follows(&c, Some(&b), &Origin::Cli).unwrap(),
        vec![x.clone()]
    );
    let row = s
        .outcomes_of_series(&c)
        .unwrap()
        .into_iter()
        .find(|r| r.outcome.id == x)
        .unwrap();
    assert_eq!(
        row.carried_from.unwrap().event,
        a,
        "named by the meeting it belongs to"
    );
}
