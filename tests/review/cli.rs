//! The review cycle through the `rapporteur` command, as a rapporteur runs it: circulate 0.1,
//! keep working, send a DOCX whose Word tracked changes show exactly what moved since 0.1 (read
//! back by pandoc with `--track-changes`, and converted by LibreOffice), and the same in HTML and
//! Markdown. The helpers here serve `cli_flow` too.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Cli {
    pub db: PathBuf,
    pub dir: tempfile::TempDir,
}

impl Cli {
    pub fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        Cli {
            db: dir.path().join("r.db"),
            dir,
        }
    }
    pub fn run_as(&self, author: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_rapporteur"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("RAPPORTEUR_DB")
            .env("RAPPORTEUR_AUTHOR", author)
            .output()
            .unwrap()
    }
    pub fn ok_as(&self, author: &str, args: &[&str]) -> String {
        let o = self.run_as(author, args);
        assert!(
            o.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_as("Amina Diallo", args)
    }
    /// Runs a command that must fail; returns its stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let o = self.run_as("Amina Diallo", args);
        assert!(!o.status.success(), "{args:?} should have failed");
        String::from_utf8(o.stderr).unwrap()
    }
    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    pub fn log_rows(&self) -> i64 {
        let c = rusqlite::Connection::open(&self.db).unwrap();
        c.query_row("SELECT COUNT(*) FROM crdt_update", [], |r| r.get(0))
            .unwrap()
    }
}

pub fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Under CI a missing reader is a failure; elsewhere the check is skipped with a line.
pub fn require(program: &str) -> bool {
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

pub fn pandoc(docx: &Path, mode: &str) -> String {
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
pub fn circulated_then_edited(cli: &Cli) -> (String, String, String) {
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
