//! The collaboration issue's "done when", with real processes and a standard relay: A hosts the
//! event in the room and also syncs it through the reference y-websocket server; B joins A in
//! the room; C syncs through the relay only, starting from an empty database; all three type
//! into the same session. B drops off, writes and sets an outcome's status while away, and
//! comes back; C set a different status meanwhile, and the conflict shows in every copy. D,
//! who got the event as a bundle before the meeting, hands its notes back as a bundle. Every
//! copy ends identical. Needs npm for the relay (see tests/net_support/relay.rs).

use crate::net_support;

use net_support::relay::{relay_or_skip, start_relay};
use net_support::{demo_event, ok, run, wait_for_notes, Proc, WAIT};
use serde_json::Value;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

/// Polls `rapporteur outcomes --json` on `db` until `pred` holds for outcome `id`.
fn wait_for_outcome(db: &Path, event: &str, id: &str, what: &str, pred: impl Fn(&Value) -> bool) {
    let end = Instant::now() + WAIT;
    loop {
        let o = run(db, &["outcomes", "--event", event, "--json"]);
        let found = serde_json::from_slice::<Value>(&o.stdout)
            .ok()
            .and_then(|v| outcome(&v, id).cloned());
        if found.as_ref().is_some_and(&pred) {
            return;
        }
        assert!(
            Instant::now() < end,
            "{what} never showed in {}: {found:?}",
            db.display()
        );
        thread::sleep(Duration::from_millis(200));
    }
}

fn outcome<'a>(list: &'a Value, id: &str) -> Option<&'a Value> {
    list.as_array()?.iter().find(|o| o["id"] == id)
}

/// The statuses an outcome shows: all concurrent values when in conflict, else the one.
fn statuses(o: &Value) -> Vec<String> {
    let mut v: Vec<String> = match o["conflicts"]["status"].as_array() {
        Some(all) => all
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect(),
        None => vec![o["status"].as_str().unwrap_or_default().to_string()],
    };
    v.sort();
    v
}

#[test]
fn three_rapporteurs_in_the_room_and_through_a_relay_and_a_bundle_end_identical() {
    let Some(relay) = relay_or_skip("the three-rapporteurs test") else {
        return;
    };
    let (relay_port, _relay) = start_relay(&relay);
    let url = format!("ws://127.0.0.1:{relay_port}");
    let tmp = tempfile::tempdir().unwrap();
    let [a, b, c, d] = ["a", "b", "c", "d"].map(|n| tmp.path().join(format!("{n}.db")));

    let (event, session) = demo_event(&a, 1);
    let rec = ok(
        &a,
        &[
            "outcome",
            "add",
            "--session",
            &session,
            "--kind",
            "recommendation",
            "--text",
            "Brief the Principals monthly.",
            "--event",
            &event,
        ],
    )
    .trim()
    .to_string();
    // D takes the event home as a bundle before the meeting.
    let before = tmp.path().join("before.rapp");
    ok(
        &a,
        &[
            "bundle",
            "export",
            before.to_str().unwrap(),
            "--event",
            &event,
        ],
    );
    ok(&d, &["bundle", "import", before.to_str().unwrap()]);

    // A hosts in the room and syncs through the relay (two processes on one database).
    let host = Proc::start(
        &a,
        &[
            "serve",
            "--event",
            &event,
            "--listen",
            "127.0.0.1:0",
            "--no-announce",
        ],
    );
    let address = host.line("listening on");
    let code = host.line("join code:");
    let _a_relay = Proc::start(&a, &["sync", "--relay", &url, "--event", &event]);
    let join = |db: &Path| Proc::start(db, &["join", &address, "--code", &code]);
    let b_link = join(&b);
    // C has nothing but the relay's URL and the event's id.
    let _c_relay = Proc::start(&c, &["sync", "--relay", &url, "--event", &event]);

    let note = |db: &Path, text: &str| {
        let end = Instant::now() + WAIT;
        // A joiner's database has the session once the event has arrived.
        while !run(db, &["note", &session, "--append", text, "--event", &event])
            .status
            .success()
        {
            assert!(
                Instant::now() < end,
                "{} never got the session",
                db.display()
            );
            thread::sleep(Duration::from_millis(200));
        }
    };
    note(&a, "Alpha: A in the room.");
    note(&b, "Beta: B joined A.");
    note(&c, "Gamma: C through the relay.");
    for db in [&a, &b, &c] {
        for word in ["Alpha", "Beta", "Gamma"] {
            wait_for_notes(db, &session, &event, word);
        }
    }
    wait_for_outcome(&c, &event, &rec, "the recommendation at C", |_| true);

    // B drops off, keeps working, and decides the status on its own; C decides otherwise.
    drop(b_link);
    note(&b, "Delta: B while away.");
    ok(
        &b,
        &[
            "outcome", "set", &rec, "--status", "done", "--event", &event,
        ],
    );
    ok(
        &c,
        &[
            "outcome", "set", &rec, "--status", "agreed", "--event", &event,
        ],
    );
    wait_for_outcome(&a, &event, &rec, "C's status at A", |o| {
        statuses(o) == ["agreed"]
    });
    let _b_back = join(&b);

    // D's notes come back by bundle, imported at A, and spread from there.
    note(&d, "Epsilon: D by bundle.");
    let from_d = tmp.path().join("from-d.rapp");
    ok(
        &d,
        &[
            "bundle",
            "export",
            from_d.to_str().unwrap(),
            "--event",
            &event,
        ],
    );
    let said = ok(&a, &["bundle", "import", from_d.to_str().unwrap()]);
    assert!(said.contains("new changes from"), "{said}");
    assert!(
        !said.starts_with("0 new"),
        "D's notes were new at A: {said}"
    );

    for db in [&a, &b, &c] {
        for word in ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"] {
            wait_for_notes(db, &session, &event, word);
        }
        wait_for_outcome(db, &event, &rec, "both statuses, as a conflict", |o| {
            statuses(o) == ["agreed", "done"]
        });
    }
    // And D catches up by bundle too.
    let after = tmp.path().join("after.rapp");
    ok(
        &a,
        &[
            "bundle",
            "export",
            after.to_str().unwrap(),
            "--event",
            &event,
        ],
    );
    ok(&d, &["bundle", "import", after.to_str().unwrap()]);

    // Every copy identical: the session's notes, and every outcome with its conflicts.
    let notes = |db: &Path| ok(db, &["notes", &session, "--event", &event]);
    let outcomes = |db: &Path| {
        let v: Value =
            serde_json::from_str(&ok(db, &["outcomes", "--event", &event, "--json"])).unwrap();
        v
    };
    let (notes_a, outcomes_a) = (notes(&a), outcomes(&a));
    for db in [&b, &c, &d] {
        assert_eq!(notes(db), notes_a, "notes at {}", db.display());
        assert_eq!(outcomes(db), outcomes_a, "outcomes at {}", db.display());
    }
    let rec_a = outcome(&outcomes_a, &rec).unwrap();
    assert_eq!(statuses(rec_a), ["agreed", "done"], "{rec_a}");
}
