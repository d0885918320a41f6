//! The review cycle through the `rapporteur` command, as a rapporteur runs it: circulate 0.1,
//! keep working, send a DOCX whose Word tracked changes show exactly what moved since 0.1
//! (read back by pandoc with `--track-changes`, and converted by LibreOffice), the same in HTML
//! and Markdown, `diff --json` and `versions --json` in the contract's shapes, finalize (every
//! write command refused, a peer's bundle still taken and reported), reopen, the next meeting
//! with `import --follows`, and bad input refused with nothing written.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Cli {
    db: PathBuf,
    dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        Cli {
            db: dir.path().join("r.db"),
            dir,
        }
    }
    fn run_as(&self, author: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_rapporteur"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("RAPPORTEUR_DB")
            .env("RAPPORTEUR_AUTHOR", author)
            .output()
            .unwrap()
    }
    fn ok_as(&self, author: &str, args: &[&str]) -> String {
        let o = self.run_as(author, args);
        assert!(
            o.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }
    fn ok(&self, args: &[&str]) -> String {
        self.ok_as("Amina Diallo", args)
    }
    /// Runs a command that must fail; returns its stderr.
    fn fails(&self, args: &[&str]) -> String {
        let o = self.run_as("Amina Diallo", args);
        assert!(!o.status.success(), "{args:?} should have failed");
        String::from_utf8(o.stderr).unwrap()
    }
    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn log_rows(&self) -> i64 {
        let c = rusqlite::Connection::open(&self.db).unwrap();
        c.query_row("SELECT COUNT(*) FROM crdt_update", [], |r| r.get(0))
            .unwrap()
    }
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Under CI a missing reader is a failure; elsewhere the check is skipped with a line.
fn require(program: &str) -> bool {
    if have(program) {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{program} is required under CI (scripts/setup.sh installs it)"
    );
    eprintln!("skip: {program} not installed");
    false
}

fn pandoc(docx: &Path, mode: &str) -> String {
    let o = Command::new("pandoc")
        .arg(format!("--track-changes={mode}"))
        .args(["-t", "plain", "--wrap=none"])
        .arg(docx)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "pandoc: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// The sample event with a summary, three outcomes, circulated as 0.1 by Amina; then Daniel
/// rewords one recommendation, marks a conclusion confidential (it leaves the draft) and adds
/// a paragraph. Returns the outcome ids (recommendation, conclusion, action).
fn circulated_then_edited(cli: &Cli) -> (String, String, String) {
    cli.ok(&["demo"]);
    cli.ok(&[
        "note",
        "2.1",
        "--summary",
        "--append",
        "Participants welcomed the report of the working group on migration data.",
    ]);
    let rec = cli.ok(&[
        "outcome",
        "add",
        "--session",
        "2.1",
        "--kind",
        "recommendation",
        "--text",
        "Organize monthly briefings for Member States",
        "--lead",
        "IOM",
    ]);
    let concl = cli.ok(&[
        "outcome",
        "add",
        "--session",
        "2.1",
        "--kind",
        "conclusion",
        "--text",
        "Data on rural migration remain scarce",
    ]);
    let act = cli.ok(&[
        "outcome",
        "add",
        "--session",
        "2.1",
        "--kind",
        "action",
        "--text",
        "Draft the terms of reference",
        "--lead",
        "FAO",
    ]);
    let out = cli.ok(&["circulate", "--to", "the co-chairs"]);
    assert!(out.starts_with("circulated draft 0.1 "), "{out}");
    let (rec, concl) = (rec.trim().to_string(), concl.trim().to_string());
    cli.ok_as(
        "Daniel Park",
        &[
            "outcome",
            "set",
            &rec,
            "--text",
            "Organize weekly technical briefings for Member States",
        ],
    );
    cli.ok_as(
        "Daniel Park",
        &["outcome", "set", &concl, "--confidential", "true"],
    );
    cli.ok_as(
        "Daniel Park",
        &[
            "note",
            "2.1",
            "--summary",
            "--append",
            "IOM offered to host a technical meeting on data.",
        ],
    );
    (rec, concl, act.trim().to_string())
}

#[test]
fn a_docx_with_tracked_changes_shows_exactly_what_moved_since_the_circulated_draft() {
    let cli = Cli::new();
    circulated_then_edited(&cli);
    let docx = cli.path("changes.docx");
    let out = cli.ok(&[
        "compile",
        "--format",
        "docx",
        "--changes-since",
        "0.1",
        "-o",
        docx.to_str().unwrap(),
    ]);
    // The reworded recommendation (in III and in IV), the removed conclusion, the added paragraph.
    assert!(
        out.contains("4 change(s) since version 0.1 marked"),
        "{out}"
    );
    // The XML itself: Word revisions with an author and a date.
    let xml = {
        let f = std::fs::File::open(&docx).unwrap();
        let mut z = zip::ZipArchive::new(f).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut s)
            .unwrap();
        s
    };
    assert!(
        xml.contains("<w:ins ") && xml.contains("<w:del "),
        "no revisions in the XML"
    );
    assert!(
        xml.contains("w:author=\"Daniel Park\""),
        "revisions name who made them"
    );
    assert!(xml.contains("<w:delText"), "deleted text is w:delText");
    if !require("pandoc") {
        return;
    }
    let accepted = pandoc(&docx, "accept");
    let rejected = pandoc(&docx, "reject");
    for (text, now, then) in [
        (
            "Organize weekly technical briefings for Member States",
            true,
            false,
        ),
        ("Organize monthly briefings for Member States", false, true),
        (
            "IOM offered to host a technical meeting on data.",
            true,
            false,
        ),
        (
            "The group concluded that data on rural migration remain scarce.",
            false,
            true,
        ),
        (
            "Participants welcomed the report of the working group on migration data.",
            true,
            true,
        ),
    ] {
        assert_eq!(
            accepted.contains(text),
            now,
            "accepting all: {text:?}\n{accepted}"
        );
        assert_eq!(
            rejected.contains(text),
            then,
            "rejecting all: {text:?}\n{rejected}"
        );
    }
    let all = {
        let o = Command::new("pandoc")
            .args(["--track-changes=all", "-t", "markdown", "--wrap=none"])
            .arg(&docx)
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    assert!(
        all.contains("[monthly]{.deletion author=\"Daniel Park\""),
        "{all}"
    );
    assert!(all.contains("{.insertion author=\"Daniel Park\""), "{all}");
    assert!(
        all.contains(".paragraph-deletion"),
        "the removed paragraph's mark is tracked too"
    );
    if require("soffice") {
        let pdf_dir = cli.path("pdf");
        let o = Command::new("soffice")
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&pdf_dir)
            .arg(&docx)
            .env("HOME", cli.dir.path())
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "LibreOffice: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let pdf = pdf_dir.join("changes.pdf");
        assert!(std::fs::metadata(&pdf).unwrap().len() > 1000);
        if have("pdftotext") {
            let t = Command::new("pdftotext")
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let t = String::from_utf8_lossy(&t.stdout);
            // LibreOffice shows both sides of every change (struck and underlined).
            assert!(
                t.contains("monthly") && t.contains("weekly technical"),
                "{t}"
            );
            assert!(
                t.contains("remain scarce") && t.contains("IOM offered"),
                "{t}"
            );
        }
    }
}

#[test]
fn html_and_markdown_mark_the_same_changes() {
    let cli = Cli::new();
    circulated_then_edited(&cli);
    let html = cli.path("c.html");
    let md = cli.path("c.md");
    cli.ok(&[
        "compile",
        "--format",
        "html",
        "--changes-since",
        "Draft 0.1",
        "-o",
        html.to_str().unwrap(),
    ]);
    cli.ok(&[
        "compile",
        "--format",
        "md",
        "--changes-since",
        "0.1",
        "-o",
        md.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("<del title=\"Daniel Park\""), "{html}");
    assert!(
        html.contains(">monthly</del><ins title=\"Daniel Park\""),
        "{html}"
    );
    assert!(
        html.contains(">IOM offered to host a technical meeting on data.</ins>"),
        "{html}"
    );
    assert!(!html.contains("<script"), "the page stays inert");
    let md = std::fs::read_to_string(md).unwrap();
    assert!(
        md.contains("{--**monthly**--}{++**weekly technical**++}"),
        "{md}"
    );
    assert!(
        md.contains("{++IOM offered to host a technical meeting on data.++}"),
        "{md}"
    );
    assert!(
        md.contains("{--The group concluded that data on rural migration remain scarce.--}"),
        "{md}"
    );
    // Without --changes-since nothing is marked, and the masthead shows the draft number.
    let plain = cli.path("p.md");
    cli.ok(&["compile", "--format", "md", "-o", plain.to_str().unwrap()]);
    let plain = std::fs::read_to_string(plain).unwrap();
    assert!(
        !plain.contains("{++") && plain.contains("Version 0.1 — compiled on"),
        "{plain}"
    );
}

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
