//! The review cycle on the 40 × 200 synthetic event (`bench/synthetic.rs`, ~5 MB of
//! Markdown in 40 session documents): the event is written into a store on disk, then a named
//! version is saved, a few paragraphs are reworded, added and removed, and the comparison, the
//! tracked-changes DOCX and a restore are timed. Prints a Markdown table for
//! docs/benchmarks.md. Usage: `bench_review [RUNS] [DIR]` (`bench/run.sh review`).

use rapporteur::compile::{write_docx, CompileOptions};
use rapporteur::doc::session_doc::{OutcomeInput, TextKind};
use rapporteur::host::Origin;
use rapporteur::model::{Agenda, AgendaDay, AgendaRow, EventInfo, SessionKind};
use rapporteur::store::Store;
use std::time::Instant;

#[path = "synthetic.rs"]
mod synthetic;
use synthetic::*;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs: usize = args.first().map(|r| r.parse()).transpose()?.unwrap_or(5);
    let dir = std::path::PathBuf::from(
        args.get(1)
            .cloned()
            .unwrap_or_else(|| "target/bench-review".into()),
    );
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("review.db");
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    let snap = synthetic_event(1);
    let agenda = Agenda {
        event: EventInfo {
            title: snap.info.title.clone(),
            ..EventInfo::default()
        },
        days: snap
            .days
            .iter()
            .map(|d| AgendaDay {
                date: None,
                label: d.label.clone(),
                rows: d
                    .sessions
                    .iter()
                    .map(|s| AgendaRow {
                        title: s.title.values[0].clone(),
                        kind: SessionKind::Working,
                        ..AgendaRow::default()
                    })
                    .collect(),
            })
            .collect(),
        ..Agenda::default()
    };
    let mut store = Store::open(&path)?;
    let event = store.create_event(&agenda, &Origin::Import)?;
    let ids: Vec<String> = store
        .agenda(&event)?
        .days
        .iter()
        .flat_map(|d| d.sessions.iter().map(|s| s.id.clone()))
        .collect();
    let t = Instant::now();
    for (id, s) in ids.iter().zip(snap.sessions()) {
        store.set_text(&event, id, TextKind::Summary, &s.summary, &Origin::Cli)?;
        for o in &s.outcomes {
            let input = OutcomeInput::new(o.kind.values[0], &o.text);
            store.add_outcome(&event, id, &input, &Origin::Cli)?;
        }
    }
    let bytes: usize = snap.sessions().map(|s| s.summary.len()).sum();
    eprintln!(
        "wrote the event ({:.1} MB of Markdown in {} sessions) in {:.1} s",
        bytes as f64 / 1e6,
        ids.len(),
        ms(t) / 1000.0
    );
    let options = CompileOptions::new(chrono::NaiveDate::from_ymd_opt(2018, 2, 15).ok_or("date")?);

    let (mut save, mut diff, mut docx, mut restore, mut changes) =
        (vec![], vec![], vec![], vec![], 0);
    for run in 0..runs {
        let name = format!("v{run}");
        let t = Instant::now();
        store.save_version(&event, &name, &Origin::Cli)?;
        save.push(ms(t));
        // Reword a paragraph in five sessions, add one and remove one elsewhere.
        for (k, id) in ids.iter().enumerate().skip(run % 3).step_by(8) {
            let text = store.session_text(id, true)?;
            let mut paras: Vec<String> = text.split("\n\n").map(String::from).collect();
            paras[10] =
                paras[10].replacen("noted that", &format!("stressed (run {run}, {k}) that"), 1);
            paras.insert(20, format!("A paragraph added in run {run}."));
            paras.remove(40);
            store.set_text(
                &event,
                id,
                TextKind::Summary,
                &paras.join("\n\n"),
                &Origin::Cli,
            )?;
        }
        if run == 0 {
            // Where a comparison's time goes, once.
            let v = store.resolve_version(&event, &name)?;
            let t = Instant::now();
            let before = store.version_snapshot(&event, &v)?;
            let rebuild = ms(t);
            let t = Instant::now();
            let after = store.draft_source(&event)?.snapshot;
            let now = ms(t);
            let t = Instant::now();
            let (a, b) = (
                rapporteur::compile::compile(&before, &options),
                rapporteur::compile::compile(&after, &options),
            );
            let compiles = ms(t);
            let t = Instant::now();
            let changes = rapporteur::compile::redline::compare(&a.document, &b.document);
            let compare = ms(t);
            let t = Instant::now();
            let (_doc, _) = rapporteur::compile::redline::revise(&a.document, &b.document, &|_| {
                Default::default()
            });
            let revise = ms(t);
            eprintln!("breakdown: rebuild the version {rebuild:.0} ms, now {now:.0} ms, compile both {compiles:.0} ms, compare {compare:.0} ms ({} changes), revise {revise:.0} ms", changes.len());
        }
        let t = Instant::now();
        let cmp = store.diff_versions(&event, &name, None, &options)?;
        diff.push(ms(t));
        changes = cmp.changes.len();
        let t = Instant::now();
        let (compiled, _) = store.redline(&event, &name, None, &options)?;
        let bytes = write_docx(&compiled.document)?;
        docx.push(ms(t));
        std::fs::write(dir.join("changes.docx"), bytes)?;
        let t = Instant::now();
        store.restore(&event, &name, None, &Origin::Cli)?;
        restore.push(ms(t));
        eprintln!("run {run}: save {:.0} ms, diff {:.0} ms ({changes} changes), docx {:.0} ms, restore {:.0} ms", save[run], diff[run], docx[run], restore[run]);
    }
    println!(
        "| step (40 sessions × 200 paragraphs, {:.1} MB) | median of {runs} runs |",
        bytes as f64 / 1e6
    );
    println!("|---|---|");
    println!(
        "| `version save` (snapshot and digest of 41 documents, one commit) | {:.0} ms |",
        median(save)
    );
    println!("| `diff VERSION` to now ({changes} changes: rebuild 41 documents, compile both sides, compare, authors) | {:.0} ms |", median(diff));
    println!(
        "| `compile --format docx --changes-since VERSION` | {:.0} ms |",
        median(docx)
    );
    println!(
        "| `restore VERSION` (rebuild, write back as new edits, one commit) | {:.0} ms |",
        median(restore)
    );
    Ok(())
}
