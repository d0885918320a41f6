//! The agenda importers against the seed concept note, the fixtures under
//! `tests/fixtures/agenda/`, malformed input and arbitrary bytes (Word files: `agenda_docx.rs`;
//! the corpus of real agendas: `agenda_corpus.rs`).

use chrono::NaiveDate;
use proptest::prelude::*;
use rapporteur::agenda::{
    detect_format, entities_named, import_bytes, import_file, sample_agenda, Format, ImportError,
    SAMPLE_CONCEPT_NOTE,
};
use rapporteur::model::{Agenda, AgendaRow, SessionKind};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/agenda")
        .join(name)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn times(r: &AgendaRow) -> (String, String) {
    let show =
        |t: Option<rapporteur::model::ClockTime>| t.map(|t| t.to_string()).unwrap_or_default();
    (show(r.start), show(r.end))
}

fn rows(a: &Agenda) -> Vec<&AgendaRow> {
    a.days.iter().flat_map(|d| &d.rows).collect()
}

fn check_seed(a: &Agenda) {
    let labels: Vec<&str> = a.days.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "DAY 1 – Monday 12 February",
            "Day 2 – 13 Feb",
            "Day 3 – 14 Feb"
        ]
    );
    let dates: Vec<_> = a.days.iter().map(|d| d.date).collect();
    assert_eq!(
        dates,
        [date(2018, 2, 12), date(2018, 2, 13), date(2018, 2, 14)]
    );
    assert_eq!(
        a.days.iter().map(|d| d.rows.len()).collect::<Vec<_>>(),
        [6, 7, 3]
    );
    assert_eq!(a.row_count(), 16);
    assert_eq!(a.working_count(), 10);

    let expected: [(&str, &str, &str, SessionKind); 16] = [
        ("13:30", "15:00", "Registration of participants", SessionKind::Logistics),
        ("15:00", "15:15", "Opening session GMG in 2018: What to Expect GMG Highlights from 2017", SessionKind::Working),
        ("15:15", "15:45", "Adoption of the Agenda", SessionKind::Working),
        ("15:45", "17:30", "Setting the scene", SessionKind::Working),
        ("17:30", "18:00", "Closing day 1", SessionKind::Working),
        ("18:00", "20:00", "Dinner", SessionKind::Logistics),
        ("09:00", "11:00", "Supporting the GCM process", SessionKind::Working),
        ("11:00", "11:30", "Coffee Break", SessionKind::Logistics),
        ("11:30", "12:30", "Supporting the GCM process (continued) continued, and summary of main recommendations and conclusions", SessionKind::Working),
        ("12:30", "14:00", "Lunch", SessionKind::Logistics),
        ("14:00", "15:00", "The link between migration, food security, agriculture, and rural development", SessionKind::Working),
        ("15:00", "15:30", "Coffee break", SessionKind::Logistics),
        ("15:30", "17:00", "The way forward", SessionKind::Working),
        ("09:00", "10:30", "GMG Work Plan for 2018", SessionKind::Working),
        ("10:30", "11:00", "Coffee break", SessionKind::Logistics),
        ("11:00", "12:30", "Conclusions and next steps (including remarks to be made by the co-chairs at DESA Coordination meeting on 15 February)", SessionKind::Working),
    ];
    let all = rows(a);
    for (row, (start, end, title, kind)) in all.iter().zip(expected) {
        assert_eq!(times(row), (start.to_string(), end.to_string()), "{title}");
        assert_eq!(row.title, title);
        assert_eq!(row.kind, kind, "{title}");
    }
    assert_eq!(
        all[2].description,
        "Review of the objectives and of the agenda and adoption"
    );
    assert!(all[3]
        .description
        .starts_with("Conversation with the OSRSG, OPGA"));
    assert!(all[6]
        .description
        .starts_with("Discussions on concrete ways"));
    assert!(all[12]
        .description
        .starts_with("Reflections on the discussions so far"));
    assert!(all[13]
        .description
        .starts_with("Review of the Agenda of Work (focus"));

    let dinner = all[5];
    assert_eq!(
        dinner.methodology,
        "Dinner with GMG members and OSRSG, OPGA and co-facilitators"
    );
    assert_eq!(dinner.moderators, "IOM, FAO");
    let moderators: Vec<&str> = all.iter().map(|r| r.moderators.as_str()).collect();
    assert_eq!(
        moderators,
        [
            "",
            "FAO and IOM UNU",
            "FAO",
            "IOM, FAO All",
            "IOM",
            "IOM, FAO",
            "FAO and IOM",
            "",
            "IOM",
            "",
            "FAO",
            "",
            "FAO and IOM",
            "IOM",
            "",
            "FAO"
        ]
    );
    assert_eq!(all[1].methodology, "Introductory remarks");
    assert_eq!(all[6].methodology, "Plenary discussion with O-SRSG");

    let e = &a.event;
    assert_eq!(
        e.title,
        "Global Migration Group (GMG) Retreat – Working Level"
    );
    assert_eq!(e.group, "Global Migration Group (GMG)");
    assert_eq!(
        (e.start_date, e.end_date),
        (date(2018, 2, 12), date(2018, 2, 14))
    );
    assert_eq!(e.venue, "New York");
    assert_eq!(e.co_chairs, ["FAO", "IOM"]);
    // The note letters its objectives a), b), c), c), d): all five are kept as written.
    assert_eq!(e.objectives.len(), 5, "{:#?}", e.objectives);
    assert!(e.objectives[0].starts_with("Stimulate technical discussions on substantive issues"));
    assert_eq!(
        e.objectives[3],
        "Set the annual agenda of the work of GMG for 2018"
    );
    assert_eq!(
        e.objectives[4],
        "Initiate discussions about the future of the GMG"
    );
    assert_eq!(e.expected_outcomes.len(), 2, "{:#?}", e.expected_outcomes);
    assert!(e.expected_outcomes[0].starts_with("Agreement on working modalities"));
    assert!(e.expected_outcomes[1].starts_with("A GMG workplan for 2018"));

    let entities = entities_named(a);
    for name in ["FAO", "IOM", "UNU", "OSRSG", "OPGA", "GFMD"] {
        assert!(
            entities.contains(&name.to_string()),
            "{name} in {entities:?}"
        );
    }
    assert!(!entities
        .iter()
        .any(|e| ["GMG", "TBC", "GCM", "ALL"].contains(&e.as_str())));
}

#[test]
fn seed_from_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples/gmg-retreat-2018-concept-note.txt");
    let a = import_file(&path, None).expect("seed imports");
    check_seed(&a);
}

#[test]
fn seed_embedded_copy() {
    check_seed(&import_bytes(SAMPLE_CONCEPT_NOTE.as_bytes(), Format::Text, "sample").unwrap());
    check_seed(&sample_agenda());
}

#[test]
fn time_alone_on_a_line() {
    let a = import_file(&fixture("time-alone.txt"), None).unwrap();
    let r = rows(&a);
    assert_eq!(r.len(), 3);
    assert_eq!(times(r[0]), ("09:00".into(), "10:30".into()));
    assert_eq!(
        (r[0].title.as_str(), r[0].description.as_str()),
        ("Opening", "Welcome remarks by the chair")
    );
    assert_eq!(r[0].moderators, "FAO");
    assert_eq!(
        (r[1].title.as_str(), r[1].kind),
        ("Coffee break", SessionKind::Logistics)
    );
    assert_eq!(times(r[2]), ("14:00".into(), "15:30".into()));
    assert_eq!(a.days[0].label, "Day 1");
    assert_eq!(a.days[0].date, None, "no date is invented");
}

#[test]
fn table_without_header_row() {
    let a = import_file(&fixture("no-header.txt"), None).unwrap();
    assert_eq!(a.days.len(), 1);
    assert_eq!(a.days[0].date, date(2018, 2, 13));
    let r = rows(&a);
    assert_eq!(r.len(), 3);
    assert_eq!(times(r[0]), ("08:45".into(), "09:15".into()));
    assert_eq!(r[0].kind, SessionKind::Logistics);
    assert_eq!(
        (r[1].title.as_str(), r[1].description.as_str()),
        ("Taking stock", "Review of progress so far")
    );
    assert_eq!(r[1].methodology, "Plenary and discussion");
    assert_eq!(times(r[2]), ("15:30".into(), "17:00".into()));
}

#[test]
fn every_time_spelling_in_a_table() {
    let spellings = [
        ("13:30 – 15:00", "13:30", "15:00"),
        ("0900 – 11:00", "09:00", "11:00"),
        ("11.00 – 12:30", "11:00", "12:30"),
        ("15:45 - 17:30", "15:45", "17:30"),
        ("15:30 -17:00", "15:30", "17:00"),
        ("9:00-10:30", "09:00", "10:30"),
        ("9.00 am – 10.30 am", "09:00", "10:30"),
        ("08:45–09:15", "08:45", "09:15"),
        ("2 pm – 3.30 pm", "14:00", "15:30"),
        ("10:00 — 11:00", "10:00", "11:00"),
        ("10:00 to 11:00", "10:00", "11:00"),
    ];
    for (spelling, start, end) in spellings {
        let text = format!("{spelling}\tA session\tPlenary\tFAO\n");
        let a = import_bytes(text.as_bytes(), Format::Text, "t.txt").unwrap();
        assert_eq!(times(rows(&a)[0]), (start.into(), end.into()), "{spelling}");
    }
}

#[test]
fn every_day_heading_spelling() {
    let text = "Meeting 2018\nDAY 1 – Monday 12 February\t\t\n09:00 – 10:00\tA\n\
                Day 2 – 13 Feb\n09:00 – 10:00\tB\n\
                Tuesday, 13 February 2018\n09:00 – 10:00\tC\n\
                Day 3\n09:00 – 10:00\tD\n";
    let a = import_bytes(text.as_bytes(), Format::Text, "t.txt").unwrap();
    let labels: Vec<&str> = a.days.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "DAY 1 – Monday 12 February",
            "Day 2 – 13 Feb",
            "Tuesday, 13 February 2018",
            "Day 3"
        ]
    );
    let dates: Vec<_> = a.days.iter().map(|d| d.date).collect();
    assert_eq!(
        dates,
        [
            date(2018, 2, 12),
            date(2018, 2, 13),
            date(2018, 2, 13),
            None
        ]
    );
}

#[test]
fn csv_comma_with_quoted_newlines() {
    let a = import_file(&fixture("comma.csv"), None).unwrap();
    assert_eq!(a.days.len(), 2);
    assert_eq!(a.days[0].label, "Day 1 – Monday 12 February 2018");
    assert_eq!(a.days[0].date, date(2018, 2, 12));
    let r = rows(&a);
    assert_eq!(
        (r[0].title.as_str(), r[0].description.as_str()),
        ("Opening session", "Welcome remarks")
    );
    assert_eq!(r[0].moderators, "FAO, IOM");
    assert_eq!(r[1].kind, SessionKind::Logistics);
    assert_eq!(times(r[2]), ("09:00".into(), "10:30".into()));
    assert_eq!(r[2].methodology, "Presentation, then \"open\" discussion");
}

#[test]
fn csv_semicolon_with_start_and_end_columns() {
    let a = import_file(&fixture("semicolon.csv"), None).unwrap();
    assert_eq!(
        a.days.iter().map(|d| d.date).collect::<Vec<_>>(),
        [date(2018, 2, 12), date(2018, 2, 13)]
    );
    let r = rows(&a);
    assert_eq!(times(r[0]), ("09:00".into(), "10:30".into()));
    assert_eq!(
        (
            r[0].description.as_str(),
            r[0].moderators.as_str(),
            r[0].rapporteurs.as_str()
        ),
        ("Welcome by the chair", "FAO", "Ana")
    );
    assert_eq!(r[1].kind, SessionKind::Logistics);
    assert_eq!(times(r[2]), ("14:00".into(), "15:30".into()));
}

#[test]
fn csv_tab_separated() {
    let bytes = std::fs::read(fixture("tab.tsv")).unwrap();
    assert_eq!(detect_format(Path::new("tab.tsv"), &bytes), Format::Csv);
    let a = import_bytes(&bytes, Format::Csv, "tab.tsv").unwrap();
    let r = rows(&a);
    assert_eq!(r.len(), 2);
    assert_eq!(
        (r[1].methodology.as_str(), r[1].moderators.as_str()),
        ("Remarks", "FAO")
    );
}

#[test]
fn csv_without_time_column() {
    let err = import_file(&fixture("no-time.csv"), None).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("no-time.csv, line 1: no time column"),
        "{msg}"
    );
    assert!(msg.contains("Title, Moderators, Room"), "{msg}");
}

#[test]
fn ics_zones_folding_escapes() {
    let a = import_file(&fixture("calendar.ics"), None).unwrap();
    assert_eq!(a.event.title, "GMG Retreat 2018");
    assert_eq!(a.event.venue, "New York");
    assert_eq!(a.event.time_zone, "America/New_York");
    assert_eq!(
        a.days.iter().map(|d| d.date).collect::<Vec<_>>(),
        [date(2018, 2, 12), date(2018, 2, 13), date(2018, 2, 14)]
    );
    let r = rows(&a);
    assert_eq!(r[0].title, "Registration of participants");
    assert_eq!(times(r[0]), ("13:30".into(), "15:00".into()));
    // 20:00 UTC is 15:00 in New York in February.
    assert_eq!(times(r[1]), ("15:00".into(), "15:15".into()));
    assert_eq!(r[1].title, "Opening session with a very long title that is folded across two content lines of the file");
    assert_eq!(
        r[2].description,
        "Discussions on concrete ways, and momentum; part two\nSecond line"
    );
    assert_eq!(
        times(r[3]),
        ("".into(), "".into()),
        "all-day event has no times"
    );
    assert_eq!(r[3].title, "Day 3 – field visit");
    assert_eq!(
        times(r[4]),
        ("10:00".into(), "10:30".into()),
        "floating time with DURATION"
    );
    assert_eq!(r[4].kind, SessionKind::Logistics);
}

#[test]
fn ics_broken_line_is_skipped_and_reported() {
    let a = import_file(&fixture("broken.ics"), None).unwrap();
    assert_eq!(a.row_count(), 1);
    assert_eq!(times(rows(&a)[0]), ("09:00".into(), "".into()));
    let w = &a.warnings[0];
    assert_eq!(w.line, Some(5));
    assert_eq!(
        w.message,
        "not an iCalendar content line (no colon), skipped: \"SUMMARY Opening\""
    );
}

fn assert_error(result: Result<Agenda, ImportError>, starts: &str) {
    match result {
        Ok(a) => panic!("expected an error starting {starts:?}, got {a:?}"),
        Err(e) => assert!(e.to_string().starts_with(starts), "{e}"),
    }
}

#[test]
fn malformed_input_gives_clear_errors() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    assert_error(
        import_bytes(&junk, Format::Text, "junk.bin"),
        "junk.bin: not UTF-8",
    );
    assert_error(
        import_bytes(&[0, 1, 2, 3, 0, 0, 0, 0], Format::Text, "zeros.txt"),
        "zeros.txt: binary data",
    );
    assert_error(
        import_bytes(b"", Format::Csv, "empty.csv"),
        "empty.csv: the file is empty",
    );
    assert_error(
        import_bytes(b" \n\n", Format::Text, "blank.txt"),
        "blank.txt: the file is empty",
    );
    assert_error(
        import_bytes(
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n",
            Format::Ics,
            "open.ics",
        ),
        "open.ics: no agenda rows found",
    );
    assert_error(
        import_bytes(
            b"Introduction\n\nThis note has no agenda at all.\n",
            Format::Text,
            "prose.txt",
        ),
        "prose.txt: no agenda rows found",
    );
    // A file with rows is never refused for one bad line: the row is kept, the line reported.
    let a = import_bytes(b"Time,Title\n25:99,Opening\n", Format::Csv, "agenda.csv").unwrap();
    assert_eq!(rows(&a)[0].title, "Opening");
    assert_eq!(a.warnings[0].line, Some(2));
    assert!(
        a.warnings[0]
            .message
            .starts_with("field `Time`: \"25:99\" is not a time of day"),
        "{:?}",
        a.warnings
    );
    assert_error(
        import_file(&fixture("does-not-exist.txt"), None),
        "does-not-exist.txt: cannot read",
    );
}

#[test]
fn file_over_the_cap_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(rapporteur::agenda::MAX_IMPORT_BYTES as u64 + 1)
        .unwrap(); // sparse
    assert_error(import_file(&path, None), "huge.txt: too large");
    let big = vec![b'a'; rapporteur::agenda::MAX_IMPORT_BYTES + 1];
    assert_error(
        import_bytes(&big, Format::Text, "big.txt"),
        "big.txt: too large",
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        for format in [Format::Text, Format::Csv, Format::Ics, Format::Docx] {
            let _ = import_bytes(&bytes, format, "fuzz");
        }
    }

    #[test]
    fn agenda_like_text_never_panics(text in "[0-9:.\\-–— \\t\\napmDdayFebMonBEGINEDVCALTS;,\"()<>*]{0,400}") {
        for format in [Format::Text, Format::Csv, Format::Ics] {
            let _ = import_bytes(text.as_bytes(), format, "fuzz");
        }
    }

    #[test]
    fn calendar_values_never_panic(start in "[0-9TZ]{0,20}", end in "[0-9TZ]{0,20}", dur in "[PTHMS0-9]{0,24}", text in "[ -~]{0,40}") {
        let ics = format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Europe/Paris:{start}\r\nDTEND:{end}\r\nDURATION:{dur}\r\nSUMMARY:{text}\r\nDESCRIPTION:{text}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let _ = import_bytes(ics.as_bytes(), Format::Ics, "fuzz.ics");
    }

    #[test]
    fn spliced_seed_never_panics(a in 0usize..20_000, b in 0usize..20_000, junk in "[ -~\t\n–é]{0,40}") {
        let seed = SAMPLE_CONCEPT_NOTE;
        let cut = |i: usize| (0..=i.min(seed.len())).rev().find(|j| seed.is_char_boundary(*j)).unwrap_or(0);
        let (x, y) = (cut(a.min(b)), cut(a.max(b)));
        let text = format!("{}{junk}{}", &seed[..x], &seed[y..]);
        for format in [Format::Text, Format::Csv, Format::Ics] {
            let _ = import_bytes(text.as_bytes(), format, "fuzz");
        }
    }
}
