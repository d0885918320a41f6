//! The Word importer: DOCX files built here with docx-rs (a concept note with its agenda table,
//! an agenda written as paragraphs), damaged and hostile archives, and the caps on paragraphs
//! and cells that bound the work a small file can ask for.

use chrono::NaiveDate;
use proptest::prelude::*;
use rapporteur::agenda::{detect_format, import_bytes, Format};
use rapporteur::model::{Agenda, AgendaRow, SessionKind};
use std::io::Write;
use std::path::Path;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn rows(a: &Agenda) -> Vec<&AgendaRow> {
    a.days.iter().flat_map(|d| &d.rows).collect()
}

fn times(r: &AgendaRow) -> (String, String) {
    let show =
        |t: Option<rapporteur::model::ClockTime>| t.map(|t| t.to_string()).unwrap_or_default();
    (show(r.start), show(r.end))
}

fn para(text: &str) -> docx_rs::Paragraph {
    docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(text))
}

fn cell(paragraphs: &[&str]) -> docx_rs::TableCell {
    paragraphs
        .iter()
        .fold(docx_rs::TableCell::new(), |c, p| c.add_paragraph(para(p)))
}

fn row(cells: &[&[&str]]) -> docx_rs::TableRow {
    docx_rs::TableRow::new(cells.iter().map(|c| cell(c)).collect())
}

fn concept_note_docx() -> Vec<u8> {
    let table = docx_rs::Table::new(vec![
        row(&[
            &["Time"],
            &["Agenda item"],
            &["Methodology"],
            &["Moderators"],
        ]),
        row(&[&["Day 1 – Monday 12 March"], &[], &[], &[]]),
        row(&[
            &["09:00 – 10:30"],
            &["Opening session", "Welcome & introductions"],
            &["Plenary", "Q&A"],
            &["FAO, IOM"],
        ]),
        row(&[&["10:30 – 11:00"], &["Coffee break"], &[], &[]]),
        row(&[&["Day 2 – 13 March"], &[], &[], &[]]),
        row(&[
            &["9.00 am – 12.00 pm"],
            &["Working groups"],
            &["Breakouts"],
            &["UNU"],
        ]),
    ]);
    let doc = docx_rs::Docx::new()
        .add_paragraph(para("Regional Consultation on Migration – Concept Note"))
        .add_paragraph(para(
            "The consultation will take place 12-13 March 2019 in Bangkok.",
        ))
        .add_paragraph(para("It is co-chaired by ESCAP and IOM."))
        .add_table(docx_rs::Table::new(vec![row(&[
            &["Contact"],
            &["someone"],
        ])]))
        .add_table(table);
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).unwrap();
    out.into_inner()
}

#[test]
fn docx_concept_note_with_table() {
    let bytes = concept_note_docx();
    assert_eq!(detect_format(Path::new("note"), &bytes), Format::Docx);
    let a = import_bytes(&bytes, Format::Docx, "note.docx").unwrap();
    assert_eq!(a.event.title, "Regional Consultation on Migration");
    assert_eq!(a.event.venue, "Bangkok");
    assert_eq!(a.event.co_chairs, ["ESCAP", "IOM"]);
    assert_eq!(a.days.len(), 2);
    assert_eq!(a.days[0].label, "Day 1 – Monday 12 March");
    assert_eq!(
        a.days.iter().map(|d| d.date).collect::<Vec<_>>(),
        [date(2019, 3, 12), date(2019, 3, 13)]
    );
    let r = rows(&a);
    assert_eq!(r.len(), 3);
    assert_eq!(
        (r[0].title.as_str(), r[0].description.as_str()),
        ("Opening session", "Welcome & introductions")
    );
    assert_eq!(r[0].methodology, "Plenary\nQ&A");
    assert_eq!(r[1].kind, SessionKind::Logistics);
    assert_eq!(times(r[2]), ("09:00".into(), "12:00".into()));
}

#[test]
fn docx_agenda_as_paragraphs() {
    let doc = docx_rs::Docx::new()
        .add_paragraph(para("Day 1"))
        .add_paragraph(para("09:00 – 10:30"))
        .add_paragraph(para("Opening"));
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).unwrap();
    let a = import_bytes(&out.into_inner(), Format::Docx, "p.docx").unwrap();
    assert_eq!(rows(&a)[0].title, "Opening");
}

/// A zip archive holding `word/document.xml` with this body, deflated as Word does.
fn docx_with_body(body: &str) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        write!(
            zip,
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
        )
        .unwrap();
        zip.finish().unwrap();
    }
    out.into_inner()
}

#[test]
fn damaged_and_foreign_archives_are_refused_clearly() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let err = import_bytes(&junk, Format::Docx, "junk.docx").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("junk.docx: not a readable DOCX"),
        "{err}"
    );
    let docx = concept_note_docx();
    assert_refused(
        import_bytes(&docx[..docx.len() / 2], Format::Docx, "half.docx"),
        "half.docx: not a readable DOCX",
    );
    let mut zip = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut zip);
        w.start_file("hello.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut w, b"hello").unwrap();
        w.finish().unwrap();
    }
    assert_refused(
        import_bytes(zip.get_ref(), Format::Docx, "plain.zip"),
        "plain.zip: a zip archive without word/document.xml",
    );
}

fn assert_refused(result: Result<Agenda, rapporteur::agenda::ImportError>, starts: &str) {
    match result {
        Ok(a) => panic!("expected an error starting {starts:?}, got {a:?}"),
        Err(e) => assert!(e.to_string().starts_with(starts), "{e}"),
    }
}

/// A few kilobytes of zip can hold a document of hundreds of thousands of empty paragraphs or
/// cells; the reader stops at its caps with a clear error instead of working through them.
#[test]
fn paragraphs_and_cells_are_capped_not_only_bytes() {
    use rapporteur::agenda::{MAX_DOCX_CELLS, MAX_DOCX_PARAGRAPHS};
    let many_paragraphs = docx_with_body(&"<w:p/>".repeat(MAX_DOCX_PARAGRAPHS + 1));
    assert!(many_paragraphs.len() < 64 * 1024, "a small file");
    assert_refused(
        import_bytes(&many_paragraphs, Format::Docx, "p.docx"),
        &format!(
            "p.docx: too many paragraphs in word/document.xml (more than {MAX_DOCX_PARAGRAPHS})"
        ),
    );
    let row = format!("<w:tr>{}</w:tr>", "<w:tc></w:tc>".repeat(100));
    let many_cells = docx_with_body(&format!(
        "<w:tbl>{}</w:tbl>",
        row.repeat(MAX_DOCX_CELLS / 100 + 1)
    ));
    assert_refused(
        import_bytes(&many_cells, Format::Docx, "c.docx"),
        &format!("c.docx: too many table cells in word/document.xml (more than {MAX_DOCX_CELLS})"),
    );
    // Just under the caps, a real table still reads.
    let fine = docx_with_body(
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>09:00</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Opening</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    );
    assert_eq!(
        rows(&import_bytes(&fine, Format::Docx, "ok.docx").unwrap())[0].title,
        "Opening"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_docx_never_panics(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let mut docx = concept_note_docx();
        if let Some(b) = docx.get_mut(flip) { *b = byte; }
        docx.truncate(docx.len().saturating_sub(cut));
        let _ = import_bytes(&docx, Format::Docx, "fuzz.docx");
    }
}
