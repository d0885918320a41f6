//! The draft compiler against fixture events: expected Markdown and HTML, the DOCX read back
//! by real readers (pandoc, LibreOffice), hostile notes, Chatham House mode, and references
//! that survive reordering. `UPDATE_EXPECT=1 cargo test -p rapporteur --test core compile_fixtures` rewrites the
//! expected files; review the diff before committing.

use chrono::NaiveDate;
use rapporteur::compile::tree::{plain_text, Block, Inline};
use rapporteur::compile::{
    compile, export, write_docx, write_html, write_markdown, Attribution, CompileOptions, Compiled,
    Format,
};
use rapporteur::i18n::Language;
use rapporteur::model::EventSnapshot;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: [(&str, Attribution); 3] = [
    ("gmg-retreat", Attribution::Named),
    ("conflicts", Attribution::None),
    ("empty", Attribution::Named),
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compile")
}

fn load(name: &str) -> EventSnapshot {
    let text = std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}.json: {e}"))
}

fn options(attribution: Attribution) -> CompileOptions {
    CompileOptions {
        attribution,
        version: "0.3".into(),
        compiled_on: NaiveDate::from_ymd_opt(2018, 2, 15).unwrap(),
        distribution: "Restricted".into(),
        language: None,
    }
}

fn compiled(name: &str) -> Compiled {
    let (_, a) = FIXTURES.iter().find(|(n, _)| *n == name).unwrap();
    compile(&load(name), &options(*a))
}

fn check_expected(file: &str, actual: &str) {
    let path = dir().join(file);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_EXPECT=1)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{file} differs from the compiled output at line {}:\n expected: {:?}\n   actual: {:?}\n(UPDATE_EXPECT=1 rewrites it)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

/// Every part of the package is well-formed XML; returns the parts by name.
fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("DOCX is a zip");
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut s = String::new();
        f.read_to_string(&mut s)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut r = quick_xml::Reader::from_str(&s);
            let mut depth = 0i64;
            loop {
                match r.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                    Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                    Ok(_) => {}
                    Err(e) => panic!("{name} is not well-formed XML: {e}"),
                }
            }
            assert_eq!(depth, 0, "{name}: unbalanced elements");
        }
        parts.push((name, s));
    }
    assert!(parts.iter().any(|(n, _)| n == "word/document.xml"));
    parts
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The DOCX as plain text according to pandoc; `None` (after a skip line) when pandoc is
/// missing, except under CI where that is a failure.
fn pandoc_text(bytes: &[u8]) -> Option<String> {
    if !have("pandoc") {
        assert!(
            std::env::var_os("CI").is_none(),
            "pandoc is required under CI (apt-get install pandoc)"
        );
        eprintln!("skip: pandoc not installed; DOCX not read back");
        return None;
    }
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("draft.docx");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pandoc")
        .args(["-f", "docx", "-t", "plain", "--wrap=none"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pandoc: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn fixtures_match_expected_markdown_and_html() {
    for (name, _) in FIXTURES {
        let c = compiled(name);
        check_expected(&format!("{name}.expected.md"), &write_markdown(&c.document));
        check_expected(&format!("{name}.expected.html"), &write_html(&c.document));
    }
}

/// The sample event's draft in the five other languages: every fixed phrase, heading, date
/// and number of the form, from the catalogues (the notes themselves stay as written).
#[test]
fn translated_drafts_match_expected_markdown_and_html() {
    for lang in [
        Language::Fr,
        Language::Es,
        Language::Ar,
        Language::Ru,
        Language::Zh,
    ] {
        let mut opts = options(Attribution::Named);
        opts.language = Some(lang);
        let c = compile(&load("gmg-retreat"), &opts);
        let name = format!("gmg-retreat.{}", lang.code());
        check_expected(&format!("{name}.expected.md"), &write_markdown(&c.document));
        check_expected(&format!("{name}.expected.html"), &write_html(&c.document));
    }
}

#[test]
fn the_event_language_writes_the_draft_and_names_the_original() {
    let mut snap = load("gmg-retreat");
    snap.info.language = Language::Fr;
    let c = compile(&snap, &options(Attribution::Named));
    let md = write_markdown(&c.document);
    assert!(md.contains("12 au 14 février 2018"), "{md}");
    assert!(md.contains("Original\u{a0}: français"), "{md}");
    // Compiled in Arabic for one reader, the original is still French.
    let mut opts = options(Attribution::Named);
    opts.language = Some(Language::Ar);
    let html = write_html(&compile(&snap, &opts).document);
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("الأصل: بالفرنسية"), "{html}");
    assert!(html.contains("12-14 شباط/فبراير 2018"));
    // The venue of the introduction's sentence (a yes/no switch selects it).
    assert!(
        html.contains("في \u{202A}New York\u{202C} في الفترة من 12 إلى 14"),
        "{html}"
    );
    // English paragraphs (the notes) in the Arabic draft are marked left to right.
    assert!(html.contains("dir=\"ltr\""), "{html}");
    let zh = {
        let mut o = options(Attribution::Named);
        o.language = Some(Language::Zh);
        write_markdown(&compile(&snap, &o).document)
    };
    assert!(zh.contains("2018年2月12日至14日"), "{zh}");
    assert!(zh.contains("## 一. 导言"), "{zh}");
}

/// The sample event with an Arabic summary, compiled in Arabic.
fn arabic_draft() -> Compiled {
    let mut snap = load("gmg-retreat");
    snap.info.language = Language::Ar;
    let s = &mut snap.days[1].sessions[0];
    s.summary = "ناقش المشاركون سبل دعم المفاوضات بشأن الاتفاق العالمي من أجل الهجرة، وأكد @karim أهمية التنسيق بين الكيانات.\n\nWhile the notes were taken in English, this paragraph stays left to right.".into();
    compile(&snap, &options(Attribution::Named))
}

#[test]
fn arabic_docx_is_right_to_left_reads_back_and_converts_to_pdf_with_arabic_text() {
    let c = arabic_draft();
    let docx = write_docx(&c.document).unwrap();
    let parts = docx_parts(&docx);
    let part = |n: &str| parts.iter().find(|(name, _)| name == n).unwrap().1.clone();
    let body = part("word/document.xml");
    let styles = part("word/styles.xml");
    assert!(body.contains("<w:bidi />"), "right-to-left paragraphs");
    assert!(body.contains("<w:rtl />"), "right-to-left runs");
    assert!(
        body.contains(r#"w:cs="Amiri""#),
        "complex-script font on Arabic runs"
    );
    assert!(
        body.contains("<w:bidiVisual />"),
        "tables read from the right"
    );
    assert!(styles.contains(r#"w:bidi="ar-SA""#) && styles.contains(r#"w:eastAsia="zh-CN""#));
    assert!(
        styles.contains(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#),
        "a default paragraph style, as Word's documents have"
    );
    let numbering = part("word/numbering.xml");
    assert!(
        numbering.contains(r#"<w:numFmt w:val="arabicAbjad" />"#),
        "(أ), (ب) …"
    );
    assert!(
        numbering.contains(r#"<w:lvlText w:val="%1 -" />"#),
        "paragraphs 1 -, 2 -"
    );
    // The English paragraph is not marked right to left: every w:p with its text lacks bidi.
    let english = body
        .split("<w:p ")
        .find(|p| p.contains("this paragraph stays left to right"))
        .expect("the English paragraph");
    assert!(!english.contains("<w:bidi />"), "{english}");
    if let Some(text) = pandoc_text(&docx) {
        for want in [
            "أولا - مقدمة",
            "ناقش المشاركون سبل دعم المفاوضات",
            "12-14 شباط/فبراير 2018",
            "المرفق الأول — جدول الأعمال",
        ] {
            assert!(text.contains(want), "pandoc text lacks {want:?}:\n{text}");
        }
    }
    // pdftotext answers -v (on stderr), not --version.
    let pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    if !have("soffice") || !pdftotext {
        assert!(
            std::env::var_os("CI").is_none(),
            "LibreOffice and poppler-utils are required under CI"
        );
        eprintln!("skip: LibreOffice or pdftotext missing; the Arabic PDF is not checked");
        return;
    }
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/drafts");
    std::fs::create_dir_all(&out_dir).unwrap();
    for (name, compiled) in [
        ("ar", c),
        ("zh", {
            let mut o = options(Attribution::Named);
            o.language = Some(Language::Zh);
            compile(&load("gmg-retreat"), &o)
        }),
    ] {
        let pdf = out_dir.join(format!("gmg-retreat.{name}.pdf"));
        export(&compiled, Format::Pdf, &pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        let want = if name == "ar" { "مقدمة" } else { "导言" };
        assert!(text.contains(want), "{name}.pdf lacks {want:?}:\n{text}");
        if name == "ar" {
            assert!(
                text.contains("الاتفاق العالمي"),
                "the Arabic summary is in the PDF:\n{text}"
            );
        }
        // Page images to look at (docs/screenshots keeps copies).
        let _ = Command::new("pdftoppm")
            .args(["-r", "70", "-png", "-f", "1", "-l", "3"])
            .arg(&pdf)
            .arg(out_dir.join(format!("gmg-retreat.{name}")))
            .status();
    }
}

#[test]
fn every_fixture_through_every_writer() {
    let soffice = have("soffice");
    for (name, _) in FIXTURES {
        let c = compiled(name);
        let tmp = tempfile::tempdir().unwrap();
        for format in [Format::Markdown, Format::Html, Format::Docx] {
            let out = tmp.path().join(format!("{name}.{format}"));
            export(&c, format, &out).unwrap();
            assert!(
                std::fs::metadata(&out).unwrap().len() > 100,
                "{name}.{format}"
            );
        }
        let docx = write_docx(&c.document).unwrap();
        docx_parts(&docx);
        if soffice {
            let out = tmp.path().join(format!("{name}.pdf"));
            export(&c, Format::Pdf, &out).unwrap_or_else(|e| panic!("{name}: {e}"));
            let pdf = std::fs::read(&out).unwrap();
            assert!(pdf.starts_with(b"%PDF"), "{name}: not a PDF");
        } else {
            eprintln!("skip: LibreOffice (soffice) not installed; PDF export not exercised");
        }
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left behind");
    }
}

#[test]
fn docx_reads_back_through_pandoc() {
    let c = compiled("gmg-retreat");
    let docx = write_docx(&c.document).unwrap();
    let parts = docx_parts(&docx);
    let part = |n: &str| &parts.iter().find(|(name, _)| name == n).unwrap().1;
    let styles = part("word/styles.xml");
    for style in [
        "\"Title\"",
        "\"Heading1\"",
        "\"Heading2\"",
        "\"NumberedPara\"",
        "\"TableGrid\"",
    ] {
        assert!(styles.contains(style), "style {style} missing");
    }
    let numbering = part("word/numbering.xml");
    assert!(numbering.contains("decimal") && numbering.contains("lowerLetter"));
    let body = part("word/document.xml");
    assert!(
        body.contains("<w:numPr>"),
        "body paragraphs use real numbering"
    );
    assert!(
        body.contains("<w:bidi"),
        "the Arabic paragraph is marked right to left"
    );
    let Some(text) = pandoc_text(&docx) else {
        return;
    };
    for want in [
        "The agenda was adopted without amendment.",
        "The group concluded that the GMG should act in a timely manner",
        "Summary of discussions and conclusions",
        "Work plan and action points",
        "Recommendations and decisions submitted to the Principals",
        "Circulate the roster of focal points to the O-SRSG",
        "Revamp the GMG website and publish harmonized messages on the GCM",
        "2018-02-28",
        "Annex I — Agenda",
    ] {
        assert!(text.contains(want), "pandoc text lacks {want:?}:\n{text}");
    }
    // Real numbering: pandoc sees the body paragraphs as one numbered list.
    assert!(
        text.contains("1.  The Annual GMG Strategic Retreat"),
        "{text}"
    );
}

#[test]
fn report_points_at_sessions() {
    let c = compiled("gmg-retreat");
    let codes: Vec<(&str, Option<&str>)> = c
        .report
        .warnings
        .iter()
        .map(|w| (w.code, w.session_id.as_deref()))
        .collect();
    assert!(
        codes.contains(&("session-without-summary", Some("s1-5"))),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("unedited-notes", Some("s2-3"))),
        "{codes:?}"
    );
    assert_eq!(c.report.confidential_omitted, 0);
    let shown = c.report.to_string();
    assert!(shown.contains("warning[unedited-notes]"), "{shown}");
    let json = serde_json::to_string(&c.report).unwrap();
    assert!(json.contains("\"session_id\":\"s2-3\""), "{json}");
    assert!(write_markdown(&c.document).contains("[Unedited notes: "));
}

#[test]
fn empty_event_has_no_placeholder_parts() {
    let c = compiled("empty");
    let md = write_markdown(&c.document);
    assert!(c.report.warnings.is_empty(), "{}", c.report);
    for absent in ["Introduction", "Annex", "Key messages", "Work plan"] {
        assert!(!md.contains(absent), "{absent} in {md}");
    }
    assert_eq!(c.report.paragraphs, 0);
}

fn section_text(c: &Compiled, title: &str) -> String {
    let mut s = String::new();
    for part in c.document.body.iter().filter(|p| p.title == title) {
        for b in &part.blocks {
            if let Block::Para(p) = b {
                s.push_str(&plain_text(&p.content));
                for i in p.list.iter().flat_map(|l| &l.items) {
                    s.push_str(&plain_text(i));
                }
                s.push('\n');
            }
        }
    }
    s
}

#[test]
fn chatham_house_hides_speakers_and_reports_leftovers() {
    let c = compiled("conflicts");
    let discussion = section_text(&c, "Summary of discussions and conclusions");
    assert!(
        discussion.contains("A participant presented the data portal."),
        "{discussion}"
    );
    assert!(
        discussion.contains("Participants asked about disaggregation"),
        "{discussion}"
    );
    for gone in ["@", "amina", "jonas", "Jonas Berg", "OHCHR", "UNICEF"] {
        assert!(
            !discussion.to_lowercase().contains(&gone.to_lowercase())
                || gone == "amina" && discussion.contains("Amina Diallo"),
            "{gone} in {discussion}"
        );
    }
    let md = write_markdown(&c.document);
    assert!(!md.contains("Jonas Berg"), "{md}");
    let leftovers: Vec<_> = c.report.with_code("leftover-name").collect();
    assert_eq!(leftovers.len(), 1, "{}", c.report);
    assert!(leftovers[0].message.contains("Amina Diallo"));
    assert!(leftovers[0]
        .paragraph_id
        .as_deref()
        .is_some_and(|p| p.starts_with("c1/summary/")));
}

#[test]
fn conflicts_are_bracketed_and_confidential_items_left_out() {
    let c = compiled("conflicts");
    let md = write_markdown(&c.document);
    assert!(md.contains("\\[2018-06-30\\] \\[2018-07-31\\]"), "{md}");
    assert!(md.contains("\\[draft\\] \\[agreed\\]"), "{md}");
    assert!(md.contains("Bracketed text still under discussion"));
    assert!(
        md.contains("\\[Geneva\\] \\[Palais des Nations, Geneva\\]"),
        "{md}"
    );
    assert!(!md.contains("Funding for the portal"));
    assert!(!md.contains("Brief the donor"));
    assert_eq!(c.report.confidential_omitted, 2);
    let conflicts = c.report.with_code("unresolved-conflict").count();
    assert_eq!(conflicts, 4, "{}", c.report);
    assert!(c
        .report
        .with_code("unresolved-conflict")
        .any(|w| w.outcome_id.as_deref() == Some("k1")));
}

/// Section IV items as (outcome text, cited paragraph number).
fn section_iv(c: &Compiled) -> Vec<(String, u32)> {
    let part = c
        .document
        .body
        .iter()
        .find(|p| p.title.starts_with("Recommendations and decisions"))
        .expect("section IV");
    let mut out = Vec::new();
    for b in &part.blocks {
        let Block::Para(p) = b else { continue };
        for item in p.list.iter().flat_map(|l| &l.items) {
            let text = plain_text(item);
            let quoted = text
                .split('“')
                .nth(1)
                .and_then(|t| t.split('”').next())
                .unwrap();
            let n = item
                .iter()
                .find_map(|i| match i {
                    Inline::Ref { number, .. } => *number,
                    _ => None,
                })
                .expect("resolved reference");
            out.push((quoted.to_string(), n));
        }
    }
    out
}

fn para_text(c: &Compiled, n: u32) -> String {
    c.document
        .body
        .iter()
        .flat_map(|p| &p.blocks)
        .find_map(|b| match b {
            Block::Para(p) if p.number == Some(n) => Some(plain_text(&p.content)),
            _ => None,
        })
        .unwrap()
}

#[test]
fn references_follow_reordered_sessions() {
    let mut snap = load("gmg-retreat");
    let before = compile(&snap, &options(Attribution::Named));
    for day in &mut snap.days {
        day.sessions.reverse();
    }
    snap.days.reverse();
    let after = compile(&snap, &options(Attribution::Named));
    let (a, b) = (section_iv(&before), section_iv(&after));
    assert_eq!(a.len(), 5, "{a:?}");
    assert_ne!(
        a.iter().map(|x| x.1).collect::<Vec<_>>(),
        b.iter().map(|x| x.1).collect::<Vec<_>>(),
        "reordering should renumber"
    );
    for (c, items) in [(&before, a), (&after, b)] {
        for (text, n) in items {
            let para = para_text(c, n);
            assert!(
                para.to_lowercase().contains(&text.to_lowercase()),
                "paragraph {n} is {para:?}, not {text:?}"
            );
        }
    }
    assert!(before
        .report
        .with_code("dangling-reference")
        .next()
        .is_none());
}

fn hostile() -> EventSnapshot {
    let mut snap = load("empty");
    snap.info.title = "Hostile <script>alert(1)</script>".into();
    let mut s = load("gmg-retreat").days[0].sessions[2].clone();
    s.summary = [
        "<script>alert(1)</script>",
        "Text <img src=x onerror=alert(1)> and [x](javascript:alert(1)) and [y](JAVASCRIPT:alert(2))",
        "<div onclick=\"alert(1)\">\nraw block\n</div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "A <a href=\"javascript:alert(1)\">link</a> and `<b onmouseover=x>` and \"quotes\" & ampersands",
    ]
    .join("\n\n");
    snap.days = vec![rapporteur::model::DayView {
        id: "d".into(),
        date: None,
        label: "Day".into(),
        sessions: vec![s],
    }];
    snap
}

#[test]
fn hostile_notes_produce_nothing_executable() {
    let c = compile(&hostile(), &options(Attribution::Named));
    let html = write_html(&c.document).to_lowercase();
    for bad in [
        "<script",
        "<iframe",
        "javascript:",
        "<img",
        "<object",
        "<embed",
    ] {
        assert!(!html.contains(bad), "{bad} in HTML:\n{html}");
    }
    // No event-handler attribute in any tag (escaped text is not a tag).
    for tag in html
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        let has_handler = tag
            .split_whitespace()
            .skip(1)
            .any(|attr| attr.starts_with("on") && attr.contains('='));
        assert!(!has_handler, "event handler in <{tag}>");
    }
    assert!(
        html.contains("&lt;b onmouseover=x&gt;"),
        "code text kept as inert text"
    );
    assert!(html.contains("default-src 'none'"));
    let docx = write_docx(&c.document).unwrap();
    for (name, xml) in docx_parts(&docx) {
        let lower = xml.to_lowercase();
        for bad in [
            "javascript",
            "w:instrtext",
            "w:fldsimple",
            "w:fldchar",
            "<script",
        ] {
            assert!(!lower.contains(bad), "{bad} in {name}");
        }
        assert!(!name.contains("vbaProject"), "macro part {name}");
    }
    let md = write_markdown(&c.document);
    // The Markdown, rendered by a CommonMark renderer, is as inert as our HTML.
    let mut rendered = String::new();
    pulldown_cmark::html::push_html(&mut rendered, pulldown_cmark::Parser::new(&md));
    let rendered = rendered.to_lowercase();
    for bad in ["<script", "<iframe", "<img", "javascript:", "<div"] {
        assert!(
            !rendered.contains(bad),
            "{bad} in rendered Markdown:\n{rendered}"
        );
    }
}

#[test]
fn formats_and_modes_parse() {
    assert_eq!("md".parse::<Format>(), Ok(Format::Markdown));
    assert_eq!("Markdown".parse::<Format>(), Ok(Format::Markdown));
    assert_eq!("pdf".parse::<Format>(), Ok(Format::Pdf));
    assert!("odt".parse::<Format>().is_err());
    assert_eq!("none".parse::<Attribution>(), Ok(Attribution::None));
    assert!("anonymous".parse::<Attribution>().is_err());
}
