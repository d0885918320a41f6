//! Lists of participants as secretariats publish them: the corpus of real lists in
//! `tests/fixtures/participants/wild/` (each with its source and a hand-written expected
//! result) read and scored person by person; importing into an event (merged, not doubled;
//! unique handles; one write); `participant import` from the command line; and malformed and
//! hostile files (a zip bomb, a huge sheet, broken XML, binary text) refused with a clear error
//! that changes nothing.

use crate::common;

use rapporteur::host::Origin;
use rapporteur::model::Participant;
use rapporteur::participants::{read_bytes, read_file, ListFormat, ListedPerson};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const WILD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/participants/wild"
);

/// People a file is known to get wrong (file, how many, why: the text itself does not say).
/// Every other person of every file must come out exactly as expected. None today.
const KNOWN_MISSES: &[(&str, usize, &str)] = &[];

struct Expected {
    skipped: usize,
    people: Vec<[String; 5]>,
}

fn expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path).unwrap();
    let mut skipped = None;
    let mut people = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(n) = line.strip_prefix("skipped: ") {
            skipped = Some(n.trim().parse().unwrap());
            continue;
        }
        let f: Vec<String> = line.split(" | ").map(|s| s.trim().to_string()).collect();
        assert_eq!(f.len(), 5, "{}: {line:?}", path.display());
        people.push([
            f[0].clone(),
            f[1].clone(),
            f[2].clone(),
            f[3].clone(),
            f[4].clone(),
        ]);
    }
    Expected {
        skipped: skipped.unwrap_or_else(|| panic!("{}: no skipped: line", path.display())),
        people,
    }
}

fn fields(p: &ListedPerson) -> [String; 5] {
    [
        p.title.clone(),
        p.name.clone(),
        p.entity.clone(),
        p.position.clone(),
        p.email.clone(),
    ]
}

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(WILD)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            !n.ends_with(".expected") && !n.ends_with(".py")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_corpus_of_real_lists_reads_right() {
    let files = corpus();
    assert!(files.len() >= 8, "the corpus has {} lists", files.len());
    let mut board = Vec::new();
    let (mut right_all, mut total_all) = (0, 0);
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let want = expected(&file.with_file_name(format!("{name}.expected")));
        let list = read_file(file, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got: Vec<[String; 5]> = list.people.iter().map(fields).collect();
        let right = want.people.iter().zip(&got).filter(|(w, g)| w == g).count();
        let total = want.people.len();
        right_all += right;
        total_all += total;
        board.push(format!(
            "{name:45} {:5} {right:3}/{total:3} people right, skipped {}/{}",
            list.format.as_str(),
            list.skipped.len(),
            want.skipped
        ));
        let allowed = KNOWN_MISSES
            .iter()
            .find(|(f, _, _)| *f == name)
            .map_or(0, |(_, n, _)| *n);
        let diffs: Vec<String> = want
            .people
            .iter()
            .zip(&got)
            .filter(|(w, g)| w != g)
            .map(|(w, g)| format!("  want {w:?}\n  got  {g:?}"))
            .collect();
        assert_eq!(
            got.len(),
            total,
            "{name}: {} people read, {total} expected\n{}",
            got.len(),
            diffs.join("\n")
        );
        assert!(
            total - right <= allowed,
            "{name}: {} people wrong (at most {allowed} known)\n{}",
            total - right,
            diffs.join("\n")
        );
        assert_eq!(
            list.skipped.len(),
            want.skipped,
            "{name}: skipped rows {:?}",
            list.skipped
        );
    }
    board.push(format!("all: {right_all}/{total_all} people right"));
    println!("{}", board.join("\n"));
}

fn event(store: &mut rapporteur::store::Store) -> String {
    store
        .create_event(&common::small_agenda(), &Origin::Import)
        .unwrap()
}

#[test]
fn importing_merges_people_already_present_and_makes_unique_handles() {
    let mut store = common::memory_store();
    let ev = event(&mut store);
    let amy = Participant {
        name: "Amy Pope".into(),
        entity: "IOM".into(),
        handle: "AmyPope".into(),
        ..Participant::default()
    };
    store.add_participant(&ev, &amy, &Origin::Cli).unwrap();
    let other_li = Participant {
        name: "Li Wei Chen".into(),
        entity: "WHO".into(),
        handle: "LiWei".into(),
        ..Participant::default()
    };
    store.add_participant(&ev, &other_li, &Origin::Cli).unwrap();
    let text = "List of participants\n\nMs. Amy POPE, Director General, International Organization for Migration (IOM)\nH.E. Mr. Li Wei, Ambassador, Permanent Mission of China\nDr. Ana Ruiz, Senior Adviser, Organisation mondiale de la Santé\nMs. Ana RUIZ, Senior Adviser, WHO\n";
    let list = read_bytes(text.as_bytes(), ListFormat::Text, "pasted text").unwrap();
    let plan = store.plan_participant_import(&ev, &list).unwrap();
    assert_eq!(
        (plan.added, plan.merged, plan.skipped),
        (2, 2, 1),
        "{plan:#?}"
    );
    // The plan writes nothing.
    assert_eq!(store.participants(&ev).unwrap().len(), 2);

    let done = store.import_participants(&ev, &list, &Origin::Cli).unwrap();
    assert_eq!(done.summary(), "2 added, 2 merged, 1 skipped");
    let people = store.participants(&ev).unwrap();
    assert_eq!(people.len(), 4, "{people:#?}");
    let find = |n: &str| people.iter().find(|p| p.name == n).unwrap().clone();
    let amy = find("Amy Pope");
    assert_eq!(
        (amy.title.as_str(), amy.position.as_str()),
        ("Ms.", "Director General")
    );
    assert_eq!(amy.handle, "AmyPope", "a merged person keeps their handle");
    let li = find("Li Wei");
    assert_eq!(
        (li.title.as_str(), li.handle.as_str()),
        ("H.E. Mr.", "LiWei2")
    );
    assert_eq!(li.entity, "Permanent Mission of China");
    let ana = find("Ana Ruiz");
    assert_eq!(
        (ana.entity.as_str(), ana.handle.as_str()),
        ("WHO", "AnaRuiz")
    );

    // Importing the same list again adds nobody.
    let again = store.import_participants(&ev, &list, &Origin::Cli).unwrap();
    assert_eq!((again.added, again.merged), (0, 4));
    assert_eq!(store.participants(&ev).unwrap().len(), 4);
    // What the import wrote is in the update log: rebuilding the derived tables keeps it.
    store.rebuild_derived().unwrap();
    assert_eq!(store.participants(&ev).unwrap(), people);
}

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
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_rapporteur"))
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("RAPPORTEUR_DB")
            .output()
            .unwrap()
    }
    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }
    fn bytes(&self) -> Vec<u8> {
        let mut v = std::fs::read(&self.db).unwrap();
        v.extend(std::fs::read(self.db.with_extension("db-wal")).unwrap_or_default());
        v
    }
}

#[test]
fn participant_import_on_the_command_line() {
    let cli = Cli::new();
    cli.ok(&["demo"]);
    let file = format!("{WILD}/cop24-cote-divoire-pdf.txt");
    let out = cli.ok(&["participant", "import", &file]);
    let first = out.lines().next().unwrap();
    assert_eq!(first, "15 added, 0 merged, 2 skipped", "{out}");
    assert!(out.contains("added   @"), "{out}");
    let people: serde_json::Value =
        serde_json::from_str(&cli.ok(&["participants", "--json"])).unwrap();
    let ivorians: Vec<&serde_json::Value> = people
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["entity"] == "Côte d'Ivoire")
        .collect();
    assert_eq!(ivorians.len(), 15);
    assert!(ivorians.iter().any(|p| p["title"] == "H.E. Mr."
        && p["position"]
            == "Ministre, Cabinet, Ministère de l'Environnement et du Développement Durable"));
    let handles: std::collections::HashSet<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["handle"].as_str().unwrap())
        .collect();
    assert_eq!(
        handles.len(),
        people.as_array().unwrap().len(),
        "handles are unique"
    );

    // `participant add` without a handle makes a free one the same way.
    let someone = ivorians[0]["name"].as_str().unwrap();
    cli.ok(&["participant", "add", "--name", someone, "--entity", "UNDP"]);
    let people: serde_json::Value =
        serde_json::from_str(&cli.ok(&["participants", "--json"])).unwrap();
    let same: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == someone)
        .map(|p| p["handle"].as_str().unwrap())
        .collect();
    assert_eq!(same.len(), 2);
    assert_ne!(same[0], same[1], "handles stay unique: {same:?}");
    assert!(same.iter().any(|h| h.ends_with('2')), "{same:?}");

    // Again: everyone is merged, nobody added.
    let out = cli.ok(&["participant", "import", &file, "--format", "text"]);
    assert!(out.starts_with("0 added, 15 merged, 2 skipped"), "{out}");
    // The person added by hand under UNDP is another participant of that name: untouched.
    assert!(cli.ok(&["participants"]).contains("UNDP"));

    // A file that is not a list changes nothing and says why.
    let before = cli.bytes();
    let bad = cli.dir.path().join("bad.xlsx");
    std::fs::write(&bad, b"PK\x03\x04 this is not a zip archive").unwrap();
    let o = cli.run(&["participant", "import", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("bad.xlsx") && err.contains("not a readable XLSX"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    assert_eq!(cli.bytes(), before, "the database is untouched");
}

// --- hostile and malformed files ---------------------------------------------------------

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            z.start_file(*name, opts).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

fn xlsx(sheet: &[u8]) -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

fn sheet(rows: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#).into_bytes()
}

fn inline(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

#[test]
fn a_hand_made_sheet_reads() {
    let rows = format!(
        "<row r=\"1\">{}{}</row><row r=\"2\">{}{}</row>",
        inline("A1", "Name"),
        inline("B1", "Organization"),
        inline("A2", "Ms. Ana Ruiz"),
        inline("B2", "United Nations University (UNU)")
    );
    let list = read_bytes(&xlsx(&sheet(&rows)), ListFormat::Xlsx, "l.xlsx").unwrap();
    assert_eq!(list.people.len(), 1);
    assert_eq!(list.people[0].entity, "UNU");
    assert_eq!(list.people[0].title, "Ms.");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_read() {
    // 70 MB of spaces inside the sheet: a few hundred kilobytes compressed.
    let mut big = sheet("").to_vec();
    big.truncate(big.len() - "</sheetData></worksheet>".len());
    big.extend(std::iter::repeat_n(b' ', 70 * 1024 * 1024));
    big.extend(b"</sheetData></worksheet>");
    let bytes = xlsx(&big);
    assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());
    let err = read_bytes(&bytes, ListFormat::Xlsx, "bomb.xlsx").unwrap_err();
    assert!(
        err.to_string().contains("larger than") && err.to_string().contains("bomb.xlsx"),
        "{err}"
    );
    // The same for a Word file (the agenda importer's cap).
    let docx = zip_of(&[("word/document.xml", &big)]);
    let err = read_bytes(&docx, ListFormat::Docx, "bomb.docx").unwrap_err();
    assert!(err.to_string().contains("larger than"), "{err}");
}

#[test]
fn a_huge_sheet_is_refused_without_laying_it_out() {
    // One cell at the far corner of a sheet (row 1048576, column XFD): a dense range would be
    // 17 billion cells.
    let rows = format!(
        "<row r=\"1\">{}</row><row r=\"1048576\">{}</row>",
        inline("A1", "Name"),
        inline("XFD1048576", "x")
    );
    let err = read_bytes(&xlsx(&sheet(&rows)), ListFormat::Xlsx, "huge.xlsx").unwrap_err();
    assert!(err.to_string().contains("row 1048576"), "{err}");
}

#[test]
fn broken_files_name_what_is_wrong() {
    let broken =
        xlsx(b"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name");
    let err = read_bytes(&broken, ListFormat::Xlsx, "broken.xlsx").unwrap_err();
    assert!(err.to_string().starts_with("broken.xlsx"), "{err}");

    let docx = zip_of(&[(
        "word/document.xml",
        b"<w:document><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ms. A B</w:t>",
    )]);
    let err = read_bytes(&docx, ListFormat::Docx, "broken.docx").unwrap_err();
    assert!(err.to_string().starts_with("broken.docx"), "{err}");

    let no_doc = zip_of(&[("other.xml", b"<x/>")]);
    let err = read_bytes(&no_doc, ListFormat::Docx, "n.docx").unwrap_err();
    assert!(err.to_string().contains("not a Word document"), "{err}");

    let err = read_bytes(b"\x00\x01\x02binary", ListFormat::Text, "b.txt").unwrap_err();
    assert!(err.to_string().contains("b.txt"), "{err}");
    let err = read_bytes(&[0xc3, 0x28, 0x41], ListFormat::Text, "latin.txt").unwrap_err();
    assert!(err.to_string().contains("not UTF-8"), "{err}");
    let err = read_bytes(b"   \n  ", ListFormat::Text, "e.txt").unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
    let long = format!("Ms. {}\n", "a".repeat(20_000));
    let err = read_bytes(long.as_bytes(), ListFormat::Text, "long.txt").unwrap_err();
    assert!(err.to_string().contains("long.txt, line 1"), "{err}");
    let wide = format!("Name{}\n", ",x".repeat(200));
    let err = read_bytes(wide.as_bytes(), ListFormat::Csv, "wide.csv").unwrap_err();
    assert!(err.to_string().contains("wide.csv, line 1"), "{err}");
    let err = read_bytes(
        b"Opening remarks\nCoffee break\n",
        ListFormat::Text,
        "agenda.txt",
    )
    .unwrap_err();
    assert!(err.to_string().contains("no participants found"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("list.pdf");
    std::fs::write(&pdf, b"%PDF-1.4").unwrap();
    let err = read_file(&pdf, None).unwrap_err();
    assert!(
        err.to_string().contains("list.pdf") && err.to_string().contains("paste"),
        "{err}"
    );
    let big = vec![b'a'; rapporteur::participants::MAX_LIST_BYTES + 1];
    let err = read_bytes(&big, ListFormat::Text, "big.txt").unwrap_err();
    assert!(err.to_string().contains("too large"), "{err}");
}

// --- no input makes a reader panic ------------------------------------------------------

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Lines made of what lists are made of, in any order: honorifics and names, headings,
    /// known entities, page furniture, separators, e-mail lines, blank lines.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("Ms. Ana Ruiz".to_string()),
            Just("H.E. Mr.".to_string()),
            Just("S.E. Sra. María López, Ministra, Ministerio de Ambiente".to_string()),
            Just("Observers".to_string()),
            Just("Angola".to_string()),
            Just("United Nations Development Programme".to_string()),
            Just(
                "Office of the High Representative for the Least Developed Countries, and"
                    .to_string()
            ),
            Just("12".to_string()),
            Just("COP24.PLOP".to_string()),
            Just("Director\tFAO\tana@example.org".to_string()),
            Just("Name,Title,Organization,Email".to_string()),
            Just("E-mail: x@y.org".to_string()),
            Just("   1. Li Wei (University of Ghana)".to_string()),
            "[ -~]{0,40}",
            "\\PC{0,20}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn text_layouts(lines in proptest::collection::vec(line(), 0..40)) {
            let text = lines.join("\n");
            for format in [ListFormat::Text, ListFormat::Csv] {
                if let Ok(list) = read_bytes(text.as_bytes(), format, "p") {
                    prop_assert!(list.people.len() <= lines.len());
                    prop_assert!(list.people.iter().all(|p| !p.name.is_empty()));
                }
            }
        }

        #[test]
        fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            for format in [ListFormat::Text, ListFormat::Csv, ListFormat::Xlsx, ListFormat::Docx] {
                let _ = read_bytes(&bytes, format, "p");
            }
        }
    }
}
