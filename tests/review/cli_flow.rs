//! The rest of the cycle through the `rapporteur` command: `diff --json` and `versions --json`
//! in the contract's shapes, finalize (every write command refused, a peer's bundle still taken
//! and reported), reopen, the next meeting with `import --follows`, and bad input refused with
//! nothing written.

use crate::cli::{circulated_then_edited, Cli};
use serde_json::Value;

#[test]
fn versions_and_diff_speak_the_contract() {
    let cli = Cli::new();
    circulated_then_edited(&cli);
    let id = cli
        .ok(&["version", "save", "After lunch"])
        .trim()
        .to_string();
    let v = cli.json(&["versions", "--json"]);
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 2);
    for field in ["id", "name", "state", "number", "created_at", "created_by"] {
        assert!(list[0].get(field).is_some(), "{field} in {v}");
    }
    assert_eq!(list[0]["state"], "circulated");
    assert_eq!(list[0]["number"], "0.1");
    assert_eq!(list[0]["created_by"], "Amina Diallo");
    assert_eq!(list[1]["id"], id.as_str());
    assert_eq!(list[1]["state"], "draft");
    assert_eq!(list[1]["number"], Value::Null);

    let d = cli.json(&["diff", "0.1", "--json"]);
    let changes = d["changes"].as_array().unwrap();
    let kinds: Vec<&str> = changes
        .iter()
        .map(|c| c["change"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["removed", "added", "changed", "changed"], "{d}");
    for c in changes {
        assert!(c["before"].is_string() || c["before"].is_null());
        assert!(c["after"].is_string() || c["after"].is_null());
        assert_eq!(c["authors"][0], "Daniel Park", "{c}");
    }
    // From a version to a version: nothing changed between "After lunch" and now.
    assert_eq!(
        cli.json(&["diff", "After lunch", "--json"])["changes"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let text = cli.ok(&["diff", "0.1", &id]);
    assert!(
        text.contains("Organize [-monthly-]{+weekly technical+} briefings"),
        "{text}"
    );
}

#[test]
fn final_refuses_every_write_command_and_takes_a_peers_bundle() {
    let cli = Cli::new();
    let (rec, _, act) = circulated_then_edited(&cli);
    // Laptop B gets the event, then writes offline.
    let peer = Cli::new();
    let to_b = cli.path("to-b.rapp");
    cli.ok(&["bundle", "export", to_b.to_str().unwrap()]);
    peer.ok(&["bundle", "import", to_b.to_str().unwrap()]);
    peer.ok_as(
        "Sofia Reyes",
        &[
            "note",
            "2.1",
            "--summary",
            "--append",
            "A paragraph typed on the train.",
        ],
    );

    let out = cli.ok(&["finalize"]);
    assert!(out.starts_with("final version 1.0 "), "{out}");
    let rows = cli.log_rows();
    for args in [
        vec!["note", "2.1", "--append", "late"],
        vec![
            "outcome",
            "add",
            "--session",
            "2.1",
            "--kind",
            "decision",
            "--text",
            "late",
        ],
        vec!["outcome", "set", rec.as_str(), "--text", "late"],
        vec![
            "participant",
            "add",
            "--name",
            "Late Person",
            "--entity",
            "FAO",
        ],
        vec!["version", "save", "late"],
        vec!["circulate"],
        vec!["restore", "0.1"],
    ] {
        let err = cli.fails(&args);
        assert!(
            err.contains("event is final (version 1.0 “Final 1.0”"),
            "{args:?}: {err}"
        );
        assert!(err.contains("reopen --reason"), "{args:?}: {err}");
    }
    assert!(cli.fails(&["finalize"]).contains("already final"));
    assert_eq!(cli.log_rows(), rows, "nothing was written");

    let from_b = cli.path("from-b.rapp");
    peer.ok(&["bundle", "export", from_b.to_str().unwrap()]);
    let got = cli.ok(&["bundle", "import", from_b.to_str().unwrap()]);
    assert!(!got.contains(" 0 new changes"), "{got}");
    let md = cli.path("final.md");
    let report = cli.ok(&["compile", "--format", "md", "-o", md.to_str().unwrap()]);
    assert!(
        report.contains("change(s) received after the event was finalized are left out"),
        "{report}"
    );
    assert!(report.contains("Sofia Reyes"), "{report}");
    let md = std::fs::read_to_string(md).unwrap();
    assert!(
        !md.contains("typed on the train"),
        "kept out of the final draft"
    );
    assert!(md.contains("Version 1.0 (final)"), "{md}");
    assert!(
        cli.ok(&["notes", "2.1", "--summary"])
            .contains("typed on the train"),
        "but stored"
    );

    assert!(cli
        .fails(&["reopen", "--reason", ""])
        .contains("give a reason"));
    cli.ok(&["reopen", "--reason", "Take in Sofia's paragraph"]);
    let v = cli.json(&["versions", "--json"]);
    let fin = v
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["state"] == "final")
        .unwrap();
    assert_eq!(fin["reopened"][0]["reason"], "Take in Sofia's paragraph");
    cli.ok(&["outcome", "set", &act, "--status", "dropped"]);
}

#[test]
fn the_next_meeting_follows_the_first_and_its_open_action_points_wait_there() {
    let cli = Cli::new();
    let (_, _, act) = circulated_then_edited(&cli);
    let first = cli.json(&["events", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let agenda = cli.path("next.csv");
    std::fs::write(
        &agenda,
        "date,start,end,title\n2018-06-05,09:00,10:00,Follow-up of the action points\n",
    )
    .unwrap();
    let out = cli.ok(&[
        "import",
        agenda.to_str().unwrap(),
        "--title",
        "GMG retreat, June",
        "--follows",
        &first,
    ]);
    let second = out.lines().next().unwrap().to_string();
    assert!(out.contains("1 open action point(s) carried over"), "{out}");
    let open = cli.json(&["outcomes", "--open", "--json", "--event", &second]);
    let open = open.as_array().unwrap();
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0]["id"], act.as_str());
    assert_eq!(open[0]["carried_from"]["event"], first.as_str());
    // `outcome set ID` needs no --event, even with two events in the database.
    cli.ok(&["outcome", "set", &act[..10], "--status", "done"]);
    assert_eq!(
        cli.json(&["outcomes", "--open", "--json", "--event", &second])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let mine = cli.json(&["outcomes", "--json", "--event", &first]);
    let row = mine
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == act.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        row["status"], "done",
        "the same item in the first meeting's list"
    );
    let md = cli.path("next.md");
    cli.ok(&[
        "compile",
        "--format",
        "md",
        "--event",
        &second,
        "-o",
        md.to_str().unwrap(),
    ]);
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.contains("Follow-up to the previous meeting"), "{md}");
    assert!(md.contains("Draft the terms of reference"), "{md}");
}

#[test]
fn bad_input_is_refused_with_a_clear_error_and_nothing_is_written() {
    let cli = Cli::new();
    cli.ok(&["demo"]);
    cli.ok(&["version", "save", "v1"]);
    let rows = cli.log_rows();
    let events = cli.json(&["events", "--json"]).as_array().unwrap().len();
    let ev = cli.json(&["events", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = cli.path("x.docx");
    for (args, want) in [
        (vec!["diff", "nope"], "no version \"nope\" in this event"),
        (
            vec![
                "compile",
                "--format",
                "docx",
                "-o",
                out.to_str().unwrap(),
                "--changes-since",
                "nope",
            ],
            "no version \"nope\"",
        ),
        (
            vec!["restore", "Before lunch"],
            "no version \"Before lunch\"",
        ),
        (vec!["version", "save", "v1"], "already exists"),
        (
            vec!["event", "set", "--follows", "nope"],
            "no event \"nope\"",
        ),
        (
            vec!["event", "set", "--follows", ev.as_str()],
            "cannot follow itself",
        ),
        (vec!["reopen", "--reason", "why"], "not final"),
    ] {
        let err = cli.fails(&args);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    let agenda = cli.path("a.csv");
    std::fs::write(&agenda, "start,end,title\n09:00,10:00,Opening\n").unwrap();
    let err = cli.fails(&["import", agenda.to_str().unwrap(), "--follows", "nope"]);
    assert!(err.contains("no event nope"), "{err}");
    assert_eq!(
        cli.json(&["events", "--json"]).as_array().unwrap().len(),
        events,
        "no event was created"
    );
    assert!(!out.exists());
    assert_eq!(cli.log_rows(), rows);
}
