//! The scoreboard of the agenda importers on the corpus of real agendas in
//! `tests/fixtures/agendas/wild/`: every file there (pasted web pages, Markdown, CSV, ICS, DOCX,
//! in several languages) has a sibling `NAME.expected.json` written by hand from the source
//! before the importer was run on it, with the source's address.
//!
//! A row is right when it sits in the expected day (same date), in the expected order, with the
//! expected start, end, title and kind; rows are matched in order (a longest common
//! subsequence), so a row too many costs one row. A file scores rows right / rows expected;
//! rows the importer makes beyond the expected ones are shown as "extra". Expected warnings are matched by
//! line (line 0: a warning anywhere), expected event facts (title, venue, dates) by value.
//!
//! The test prints the table, and fails when a file does worse than the figures recorded in
//! `tests/fixtures/agendas/wild/scoreboard.tsv` (a regression). Run with
//! `UPDATE_SCOREBOARD=1` to write the current figures there after an improvement.

use rapporteur::agenda::import_file;
use rapporteur::model::{Agenda, AgendaRow};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Expected {
    source: String,
    language: String,
    format: String,
    #[serde(default)]
    event: BTreeMap<String, String>,
    days: Vec<ExpectedDay>,
    #[serde(default)]
    warnings: Vec<ExpectedWarning>,
}

#[derive(Debug, Deserialize)]
struct ExpectedDay {
    date: Option<String>,
    rows: Vec<ExpectedRow>,
}

#[derive(Debug, Deserialize)]
struct ExpectedRow {
    start: Option<String>,
    end: Option<String>,
    title: String,
    kind: String,
}

#[derive(Debug, Deserialize)]
struct ExpectedWarning {
    line: usize,
}

/// One file's figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Score {
    rows_right: usize,
    rows_expected: usize,
    rows_extra: usize,
    warnings_found: usize,
    warnings_expected: usize,
    event_right: usize,
    event_expected: usize,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agendas/wild")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn time(t: Option<rapporteur::model::ClockTime>) -> Option<String> {
    t.map(|t| t.to_string())
}

fn row_right(got: &AgendaRow, want: &ExpectedRow) -> bool {
    time(got.start) == want.start
        && time(got.end) == want.end
        && squash(&got.title) == squash(&want.title)
        && got.kind.as_str() == want.kind
}

/// The warnings' lines, where the importer reports them.
fn warning_lines(agenda: &Agenda) -> Vec<usize> {
    agenda
        .warnings
        .iter()
        .map(|w| w.line.unwrap_or(0))
        .collect()
}

/// Rows right in one day: the longest run of expected rows found in order among the imported
/// ones (a longest common subsequence), so one row too many or too few costs one row, not
/// every row after it.
fn rows_right(got: &[AgendaRow], want: &[ExpectedRow]) -> usize {
    let mut table = vec![vec![0usize; want.len() + 1]; got.len() + 1];
    for i in 1..=got.len() {
        for j in 1..=want.len() {
            table[i][j] = if row_right(&got[i - 1], &want[j - 1]) {
                table[i - 1][j - 1] + 1
            } else {
                table[i - 1][j].max(table[i][j - 1])
            };
        }
    }
    table[got.len()][want.len()]
}

fn score(agenda: &Agenda, want: &Expected) -> Score {
    let mut s = Score::default();
    let mut matched = 0;
    for (i, day) in want.days.iter().enumerate() {
        s.rows_expected += day.rows.len();
        let Some(got) = agenda.days.get(i) else {
            continue;
        };
        matched += got.rows.len().min(day.rows.len());
        if got.date.map(|d| d.to_string()) == day.date {
            s.rows_right += rows_right(&got.rows, &day.rows);
        }
    }
    s.rows_extra = agenda.row_count() - matched.min(agenda.row_count());
    let lines = warning_lines(agenda);
    s.warnings_expected = want.warnings.len();
    s.warnings_found = want
        .warnings
        .iter()
        .filter(|w| w.line == 0 && !lines.is_empty() || lines.contains(&w.line))
        .count();
    let e = &agenda.event;
    for (field, value) in &want.event {
        s.event_expected += 1;
        let got = match field.as_str() {
            "title" => e.title.clone(),
            "venue" => e.venue.clone(),
            "start_date" => e.start_date.map(|d| d.to_string()).unwrap_or_default(),
            "end_date" => e.end_date.map(|d| d.to_string()).unwrap_or_default(),
            other => panic!("unknown event field {other:?} in an expected file"),
        };
        if &got == value {
            s.event_right += 1;
        }
    }
    s
}

fn corpus() -> Vec<(String, PathBuf, Expected)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let want: Expected = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            !want.source.is_empty() && !want.language.is_empty(),
            "{name}"
        );
        let sample = std::fs::read_dir(corpus_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                let n = p.file_name().unwrap().to_string_lossy().into_owned();
                n != name && p.file_stem().is_some_and(|s| s.to_string_lossy() == stem)
            })
            .unwrap_or_else(|| panic!("{name}: no agenda file beside it"));
        out.push((stem.to_string(), sample, want));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn read_baseline(path: &Path) -> BTreeMap<String, Score> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeMap::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let n = |i: usize| f.get(i).and_then(|v| v.parse().ok()).unwrap_or(0);
            let score = Score {
                rows_right: n(1),
                rows_expected: n(2),
                rows_extra: n(3),
                warnings_found: n(4),
                warnings_expected: n(5),
                event_right: n(6),
                event_expected: n(7),
            };
            (f[0].to_string(), score)
        })
        .collect()
}

fn write_baseline(path: &Path, scores: &[(String, Score)]) {
    let mut out = String::from(
        "# file\trows right\trows expected\trows extra\twarnings found\twarnings expected\tevent facts right\tevent facts expected\n",
    );
    for (name, s) in scores {
        let _ = writeln!(
            out,
            "{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            s.rows_right,
            s.rows_expected,
            s.rows_extra,
            s.warnings_found,
            s.warnings_expected,
            s.event_right,
            s.event_expected
        );
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn corpus_scoreboard() {
    let corpus = corpus();
    assert!(
        corpus.len() >= 40,
        "the corpus holds {} agendas",
        corpus.len()
    );
    let mut table = String::new();
    let mut scores = Vec::new();
    let (mut right, mut total, mut perfect) = (0, 0, 0);
    for (name, path, want) in &corpus {
        let s = match import_file(path, None) {
            Ok(agenda) => score(&agenda, want),
            Err(e) => {
                let _ = writeln!(table, "  {name}: refused: {e}");
                Score {
                    rows_expected: want.days.iter().map(|d| d.rows.len()).sum(),
                    warnings_expected: want.warnings.len(),
                    event_expected: want.event.len(),
                    ..Score::default()
                }
            }
        };
        right += s.rows_right;
        total += s.rows_expected;
        let whole = s.rows_right == s.rows_expected
            && s.rows_extra == 0
            && s.warnings_found == s.warnings_expected
            && s.event_right == s.event_expected;
        perfect += usize::from(whole);
        let _ = writeln!(
            table,
            "{:>4}/{:<4} {:>3} extra  warnings {}/{}  event {}/{}  {:<5} {:<4} {}",
            s.rows_right,
            s.rows_expected,
            s.rows_extra,
            s.warnings_found,
            s.warnings_expected,
            s.event_right,
            s.event_expected,
            want.format,
            want.language,
            name
        );
        scores.push((name.clone(), s));
    }
    println!("rows right/expected, per file:\n{table}");
    println!(
        "corpus: {right}/{total} rows right; {perfect} of {} files exactly right",
        corpus.len()
    );
    let baseline_path = corpus_dir().join("scoreboard.tsv");
    if std::env::var_os("UPDATE_SCOREBOARD").is_some() {
        write_baseline(&baseline_path, &scores);
        return;
    }
    let baseline = read_baseline(&baseline_path);
    let mut worse = Vec::new();
    for (name, s) in &scores {
        let Some(b) = baseline.get(name) else {
            continue;
        };
        if s.rows_right < b.rows_right
            || s.rows_extra > b.rows_extra
            || s.warnings_found < b.warnings_found
            || s.event_right < b.event_right
        {
            worse.push(format!("{name}: now {s:?}, recorded {b:?}"));
        }
    }
    assert!(
        worse.is_empty(),
        "regressions against scoreboard.tsv:\n{}",
        worse.join("\n")
    );
}
