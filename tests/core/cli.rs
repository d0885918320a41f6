//! The `rapporteur` command as a user runs it: the contract of docs/architecture.md (commands, exit
//! codes, `agenda --json` shape), and bad input that is refused with a clear error while the
//! database stays byte-identical.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/samples/gmg-retreat-2018-concept-note.txt"
);
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/agenda");

struct Cli {
    db: PathBuf,
    _dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        Cli {
            db: dir.path().join("r.db"),
            _dir: dir,
        }
    }
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_rapporteur"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("RAPPORTEUR_DB")
            .output()
            .unwrap()
    }
    /// Runs a command that must succeed; returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }
    /// Runs a command that must fail; returns its stderr.
    fn fails(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(!o.status.success(), "{args:?} should have failed");
        assert!(o.stdout.is_empty(), "nothing on stdout when failing");
        String::from_utf8(o.stderr).unwrap()
    }
    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
    /// The database and its WAL, checkpointed, as bytes.
    fn bytes(&self) -> Vec<u8> {
        let mut v = std::fs::read(&self.db).unwrap();
        if let Ok(wal) = std::fs::read(self.db.with_extension("db-wal")) {
            v.extend(wal);
        }
        v
    }
}

#[test]
fn importing_the_seed_gives_the_agenda_in_the_contract_shape() {
    let cli = Cli::new();
    let out = cli.ok(&["import", SEED]);
    assert!(
        out.contains("3 days, 16 agenda rows (10 working sessions, 6 logistics)"),
        "{out}"
    );
    let a = cli.json(&["agenda", "--json"]);
    assert_eq!(a["event"]["start_date"], "2018-02-12");
    assert_eq!(a["event"]["end_date"], "2018-02-14");
    assert_eq!(a["event"]["venue"], "New York");
    let days = a["days"].as_array().unwrap();
    assert_eq!(
        days.iter()
            .map(|d| d["date"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["2018-02-12", "2018-02-13", "2018-02-14"]
    );
    assert_eq!(days[0]["label"], "DAY 1 – Monday 12 February");
    let sessions: Vec<&Value> = days
        .iter()
        .flat_map(|d| d["sessions"].as_array().unwrap())
        .collect();
    assert_eq!(sessions.len(), 16);
    let times: Vec<(&str, &str)> = sessions
        .iter()
        .map(|s| (s["start"].as_str().unwrap(), s["end"].as_str().unwrap()))
        .collect();
    assert_eq!(
        times,
        [
            ("13:30", "15:00"),
            ("15:00", "15:15"),
            ("15:15", "15:45"),
            ("15:45", "17:30"),
            ("17:30", "18:00"),
            ("18:00", "20:00"),
            ("09:00", "11:00"),
            ("11:00", "11:30"),
            ("11:30", "12:30"),
            ("12:30", "14:00"),
            ("14:00", "15:00"),
            ("15:00", "15:30"),
            ("15:30", "17:00"),
            ("09:00", "10:30"),
            ("10:30", "11:00"),
            ("11:00", "12:30"),
        ]
    );
    let logistics = sessions.iter().filter(|s| s["kind"] == "logistics").count();
    assert_eq!(logistics, 6);
    for key in [
        "id",
        "start",
        "end",
        "title",
        "description",
        "methodology",
        "moderators",
        "kind",
    ] {
        assert!(
            sessions.iter().all(|s| s.get(key).is_some()),
            "every session has {key}"
        );
    }
    assert_eq!(
        sessions[5]["methodology"],
        "Dinner with GMG members and OSRSG, OPGA and co-facilitators"
    );
    // The text form numbers rows D.N.
    let text = cli.ok(&["agenda"]);
    assert!(
        text.contains("2.5  14:00–15:00  The link between migration"),
        "{text}"
    );
}

#[test]
fn demo_notes_outcomes_participants_search_and_compile() {
    let cli = Cli::new();
    let id = cli.ok(&["demo"]).trim().to_string();
    assert_eq!(id, cli.ok(&["demo"]).trim(), "demo is idempotent");
    assert_eq!(cli.json(&["events", "--json"]).as_array().unwrap().len(), 1);
    let people = cli.json(&["participants", "--json"]);
    let entities: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["entity"].as_str().unwrap())
        .collect();
    for e in ["FAO", "IOM", "UNU", "OSRSG", "OPGA", "GFMD"] {
        assert!(entities.contains(&e), "{e} in {entities:?}");
    }
    cli.ok(&[
        "participant",
        "add",
        "--name",
        "Amy Pope",
        "--entity",
        "IOM",
        "--handle",
        "amy",
    ]);
    cli.ok(&[
        "note",
        "2.1",
        "--append",
        "@amy proposed monthly briefings.",
    ]);
    cli.ok(&["note", "2.1", "--append", "Second paragraph."]);
    cli.ok(&[
        "note",
        "2.1",
        "--summary",
        "--append",
        "Participants discussed support to the negotiations.",
    ]);
    assert_eq!(
        cli.ok(&["notes", "2.1"]),
        "@amy proposed monthly briefings.\n\nSecond paragraph.\n"
    );
    assert_eq!(
        cli.ok(&["notes", "2.1", "--summary"]),
        "Participants discussed support to the negotiations.\n"
    );
    let oid = cli.ok(&[
        "outcome",
        "add",
        "--session",
        "2.1",
        "--kind",
        "recommendation",
        "--text",
        "Brief Member States monthly",
        "--lead",
        "IOM",
        "--due",
        "2018-03-15",
    ]);
    cli.ok(&["outcome", "set", oid.trim(), "--status", "agreed"]);
    let outcomes = cli.json(&["outcomes", "--json"]);
    assert_eq!(outcomes[0]["kind"], "recommendation");
    assert_eq!(outcomes[0]["status"], "agreed");
    assert_eq!(outcomes[0]["lead"], "IOM");
    assert_eq!(outcomes[0]["session"], "2.1");
    assert!(outcomes[0].get("conflicts").is_none());
    let hits = cli.json(&["search", "brief", "--json"]);
    assert_eq!(hits.as_array().unwrap().len(), 2, "{hits}");
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("draft.md");
    let report = cli.ok(&["compile", "--format", "md", "-o", md.to_str().unwrap()]);
    assert!(report.contains("numbered paragraphs"), "{report}");
    let draft = std::fs::read_to_string(&md).unwrap();
    assert!(draft.contains("Brief Member States monthly"));
    // The summary goes into the draft; the raw notes do not when a summary exists.
    assert!(
        draft.contains("Participants discussed support to the negotiations"),
        "{draft}"
    );
    assert!(!draft.contains("proposed monthly briefings"), "{draft}");
    // Errors: non-zero exit, a message on stderr, nothing on stdout.
    assert!(cli
        .fails(&["note", "9.9", "--append", "x"])
        .contains("no session"));
    assert!(cli
        .fails(&["outcome", "set", "nope", "--status", "done"])
        .contains("no outcome"));
    assert!(cli
        .fails(&["agenda", "--event", "nope"])
        .contains("no event"));
}

fn truncated_docx(dir: &Path) -> PathBuf {
    let mut buf = std::io::Cursor::new(Vec::new());
    docx_rs::Docx::new()
        .add_paragraph(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text("Agenda")))
        .build()
        .pack(&mut buf)
        .unwrap();
    let bytes = buf.into_inner();
    let p = dir.join("cut.docx");
    std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
    p
}

fn no_event_ics(dir: &Path) -> PathBuf {
    let path = dir.join("no-event.ics");
    std::fs::write(&path, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n").unwrap();
    path
}

/// A calendar with one broken line imports (calendar apps skip the line too): the new event's
/// id alone on the first line of stdout, the warning with file and line on stderr.
#[test]
fn an_agenda_with_one_bad_line_imports_and_reports_it_on_stderr() {
    let cli = Cli::new();
    let out = cli.run(&["import", &format!("{FIXTURES}/broken.ics")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let id = stdout.lines().next().unwrap();
    assert_eq!(id.len(), 32, "the id alone on the first line: {stdout:?}");
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()), "{stdout:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: broken.ics, line 5: not an iCalendar content line"),
        "{stderr}"
    );
    assert_eq!(cli.json(&["events", "--json"])[0]["id"], id);
}

#[test]
fn bad_agenda_files_are_refused_and_change_nothing() {
    let cli = Cli::new();
    cli.ok(&["demo"]);
    cli.ok(&["note", "1.2", "--append", "Something typed before."]);
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.bin");
    std::fs::write(
        &junk,
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let cases: Vec<(PathBuf, &str)> = vec![
        (junk, "junk.bin"),
        (empty, "empty.txt"),
        (truncated_docx(dir.path()), "cut.docx"),
        (Path::new(FIXTURES).join("no-time.csv"), "no-time.csv"),
        (no_event_ics(dir.path()), "no-event.ics"),
        (huge, "huge.csv"),
    ];
    let before = cli.bytes();
    for (path, name) in cases {
        let err = cli.fails(&["import", path.to_str().unwrap()]);
        assert!(err.contains(name), "the error names the file: {err}");
        assert_eq!(before, cli.bytes(), "importing {name} changed the database");
    }
    assert_eq!(cli.json(&["events", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn the_event_language_is_set_shown_and_used_by_compile() {
    let cli = Cli::new();
    cli.ok(&["demo"]);
    assert_eq!(cli.json(&["agenda", "--json"])["event"]["language"], "en");
    let before = cli.bytes();
    let err = cli.fails(&["event", "set", "--language", "de"]);
    assert!(err.contains("expected en, fr, es, ar, ru or zh"), "{err}");
    assert!(cli
        .fails(&["event", "set"])
        .contains("--language, --title or --follows"));
    assert_eq!(before, cli.bytes(), "a refused language changes nothing");

    assert!(cli
        .ok(&["event", "set", "--language", "fr"])
        .contains("language: fr (Français)"));
    assert_eq!(cli.json(&["agenda", "--json"])["event"]["language"], "fr");
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("draft.md");
    cli.ok(&["compile", "--format", "md", "-o", md.to_str().unwrap()]);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("Projet de conclusions"), "{text}");
    assert!(text.contains("12 au 14 février 2018"), "{text}");
    assert!(text.contains("Original\u{a0}: français"), "{text}");

    let html = dir.path().join("draft.html");
    cli.ok(&[
        "compile",
        "--format",
        "html",
        "--language",
        "ar",
        "-o",
        html.to_str().unwrap(),
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(
        page.contains("الأصل: بالفرنسية"),
        "the original stays French"
    );
    assert!(cli
        .fails(&[
            "compile",
            "--format",
            "md",
            "--language",
            "xx",
            "-o",
            md.to_str().unwrap()
        ])
        .contains("unknown language"));

    cli.ok(&["event", "set", "--title", "Retraite annuelle du GMG"]);
    assert_eq!(
        cli.json(&["agenda", "--json"])["event"]["title"],
        "Retraite annuelle du GMG"
    );
}
