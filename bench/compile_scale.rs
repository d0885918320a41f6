//! Times our DOCX export on the synthetic benchmark event and writes the same Markdown input
//! to a file for pandoc (see `bench/compile_vs_pandoc.sh`).
//! Usage: `compile_bench SCALE MARKDOWN_OUT DOCX_OUT`.

use rapporteur::compile::{compile, write_docx, write_html, CompileOptions};
use std::time::Instant;

#[path = "synthetic.rs"]
mod synthetic;
use synthetic::synthetic_event;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [scale, md_out, docx_out] = args.as_slice() else {
        return Err("usage: compile_bench SCALE MARKDOWN_OUT DOCX_OUT".into());
    };
    let snap = synthetic_event(scale.parse()?);
    let markdown: String = snap
        .sessions()
        .map(|s| format!("## {}\n\n{}\n", s.title.values[0], s.summary))
        .collect();
    std::fs::write(md_out, &markdown)?;
    let options = CompileOptions::new(chrono::NaiveDate::from_ymd_opt(2018, 2, 15).ok_or("date")?);
    let t = Instant::now();
    let compiled = compile(&snap, &options);
    let docx = write_docx(&compiled.document)?;
    std::fs::write(docx_out, &docx)?;
    let docx_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let html = write_html(&compile(&snap, &options).document);
    let html_s = t.elapsed().as_secs_f64();
    println!(
        "markdown_bytes={} paragraphs={} compile_docx_s={docx_s:.3} compile_html_s={html_s:.3} docx_bytes={} html_bytes={}",
        markdown.len(),
        compiled.report.paragraphs,
        docx.len(),
        html.len()
    );
    Ok(())
}
