//! What the window's editing and draft commands rely on in the core: agenda rows set from form
//! text (bad values refused, nothing written), added, moved across days and removed;
//! participants edited and removed; the draft previewed and exported to the chosen file with a
//! script payload kept as text.

use crate::common;

use common::{memory_store, session_ids, small_agenda};
use rapporteur::compile::draft;
use rapporteur::compile::Attribution;
use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::Origin;
use rapporteur::model::Participant;
use rapporteur::store::{Store, StoreError};

fn event() -> (Store, String) {
    let mut store = memory_store();
    let id = store
        .create_event(&small_agenda(), &Origin::Import)
        .unwrap();
    (store, id)
}

fn titles(store: &Store, ev: &str) -> Vec<Vec<String>> {
    store
        .agenda(ev)
        .unwrap()
        .days
        .iter()
        .map(|d| {
            d.sessions
                .iter()
                .map(|s| s.title.values.join(" | "))
                .collect()
        })
        .collect()
}

#[test]
fn fields_set_from_form_text_and_bad_values_change_nothing() {
    let (mut store, ev) = event();
    let s = session_ids(&store, &ev)[0].clone();
    store
        .set_session_field(&ev, &s, "title", " Opening and welcome ", &Origin::Local)
        .unwrap();
    store
        .set_session_field(&ev, &s, "start", "9:15", &Origin::Local)
        .unwrap();
    store
        .set_session_field(&ev, &s, "moderators", "UNHCR", &Origin::Local)
        .unwrap();
    let agenda = store.agenda(&ev).unwrap();
    let row = &agenda.days[0].sessions[0];
    assert_eq!(row.title.values, vec!["Opening and welcome".to_string()]);
    assert_eq!(row.start.values[0].unwrap().to_string(), "09:15");
    assert_eq!(row.moderators, "UNHCR");

    let sv = store.state_vector(&ev).unwrap();
    let err = store
        .set_session_field(&ev, &s, "start", "nine", &Origin::Local)
        .unwrap_err();
    assert!(
        err.to_string().contains("start: not a time of day"),
        "{err}"
    );
    assert!(store
        .set_session_field(&ev, &s, "colour", "red", &Origin::Local)
        .is_err());
    assert!(matches!(
        store.set_session_field("no-such-event", &s, "title", "x", &Origin::Local),
        Err(StoreError::NoEvent(_))
    ));
    assert_eq!(store.state_vector(&ev).unwrap(), sv, "nothing was written");
    assert_eq!(store.events().unwrap().len(), 1, "no event was created");
}

#[test]
fn rows_are_added_moved_across_days_and_removed() {
    let (mut store, ev) = event();
    let agenda = store.agenda(&ev).unwrap();
    let (day1, first) = (
        agenda.days[0].id.clone(),
        agenda.days[0].sessions[0].id.clone(),
    );
    let new = store
        .add_session(
            &ev,
            &day1,
            Some(&first),
            &rapporteur::model::AgendaRow {
                title: "Side event".into(),
                ..Default::default()
            },
            &Origin::Local,
        )
        .unwrap();
    assert_eq!(
        titles(&store, &ev)[0],
        [
            "Opening",
            "Side event",
            "Coffee break",
            "Supporting the process"
        ]
    );
    // The new row has a session document of its own as soon as it is written to.
    store
        .append_text(
            &ev,
            &new,
            TextKind::Notes,
            "Notes of the side event.",
            &Origin::Local,
        )
        .unwrap();
    assert_eq!(
        store.session_text(&new, false).unwrap(),
        "Notes of the side event."
    );

    // The last row of day 1 moves down into day 2, then back up.
    let last = session_ids(&store, &ev)[3].clone();
    assert!(store
        .move_session(&ev, &last, false, &Origin::Local)
        .unwrap());
    assert_eq!(
        titles(&store, &ev),
        vec![
            vec!["Opening", "Side event", "Coffee break"],
            vec!["Supporting the process", "Work plan", "Conclusions"]
        ]
    );
    assert!(store
        .move_session(&ev, &last, true, &Origin::Local)
        .unwrap());
    assert_eq!(titles(&store, &ev)[0].len(), 4);
    // The ends of the agenda do not move.
    assert!(!store
        .move_session(&ev, &first, true, &Origin::Local)
        .unwrap());

    store
        .set_session_field(&ev, &new, "removed", "true", &Origin::Local)
        .unwrap();
    assert_eq!(
        titles(&store, &ev)[0],
        ["Opening", "Coffee break", "Supporting the process"]
    );
    assert!(store
        .add_session(&ev, "no-day", None, &Default::default(), &Origin::Local)
        .is_err());
}

#[test]
fn participants_are_edited_and_removed() {
    let (mut store, ev) = event();
    let p = Participant {
        name: "Ana Pérez".into(),
        entity: "UNHCR".into(),
        handle: "Ana".into(),
        ..Default::default()
    };
    let id = store.add_participant(&ev, &p, &Origin::Local).unwrap();
    store
        .edit_participant(&ev, &id, "role", " Rapporteur ", &Origin::Local)
        .unwrap();
    let people = store.participants(&ev).unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].role, "Rapporteur");
    // What an imported list gives (title, position, e-mail) is edited the same way.
    store
        .edit_participant(&ev, &id, "email", "ana@example.org", &Origin::Local)
        .unwrap();
    assert_eq!(store.participants(&ev).unwrap()[0].email, "ana@example.org");
    let err = store
        .edit_participant(&ev, &id, "phone", "x", &Origin::Local)
        .unwrap_err();
    assert!(err.to_string().contains("phone"), "{err}");
    assert!(store
        .edit_participant(&ev, "nobody", "name", "x", &Origin::Local)
        .is_err());
    store.remove_participant(&ev, &id, &Origin::Local).unwrap();
    assert!(store.participants(&ev).unwrap().is_empty());
    assert!(
        store
            .edit_participant(&ev, &id, "name", "Back", &Origin::Local)
            .is_err(),
        "a removed participant is not edited"
    );
    assert!(matches!(
        store.add_participant("no-such-event", &p, &Origin::Local),
        Err(StoreError::NoEvent(_))
    ));
    assert_eq!(store.events().unwrap().len(), 1);
}

#[test]
fn the_draft_is_previewed_and_exported_with_a_payload_kept_as_text() {
    let (mut store, ev) = event();
    let s = session_ids(&store, &ev)[0].clone();
    // Raw HTML is dropped by the Markdown reader; in a code span the markup must stay as text.
    let payload =
        "`<script>window.__pwned=1</script>` and <img src=x onerror=\"window.__pwned=2\">";
    store
        .append_text(&ev, &s, TextKind::Summary, payload, &Origin::Local)
        .unwrap();
    let source = store.draft_source(&ev).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2018, 2, 13).unwrap();
    let draft_as = |a| source.compile(&source.options(draft::options(a, today)));

    let p = draft::preview(draft_as(Attribution::Named));
    assert!(p
        .html
        .contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
    assert!(!p.html.contains("<script") && !p.html.contains("<img"));
    assert!(p.report.paragraphs > 0);

    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("draft.docx");
    let out = draft::export_compiled(&draft_as(Attribution::Entity), &docx).unwrap();
    assert_eq!(out.format, "docx");
    assert_eq!(out.bytes, std::fs::metadata(&docx).unwrap().len());
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"));
    let md = dir.path().join("draft.md");
    draft::export_compiled(&draft_as(Attribution::None), &md).unwrap();
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("Test retreat"), "{text}");

    let missing = dir.path().join("no-such-folder").join("draft.html");
    let err = draft::export_compiled(&draft_as(Attribution::Named), &missing).unwrap_err();
    assert!(
        err.to_string().contains("the folder does not exist"),
        "{err}"
    );
    let wrong = dir.path().join("draft.exe");
    assert!(draft::export_compiled(&draft_as(Attribution::Named), &wrong).is_err());
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["draft.docx", "draft.md"],
        "nothing else was written"
    );
}
