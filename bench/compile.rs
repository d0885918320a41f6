//! Compile + HTML and compile + DOCX on a synthetic event of 40 sessions × 200 note paragraphs
//! (~5 MB of Markdown) at 1×, 4× and 16× scale. Figures go to docs/benchmarks.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rapporteur::compile::{compile, write_docx, write_html, CompileOptions};

#[path = "synthetic.rs"]
mod synthetic;
use synthetic::synthetic_event;

fn bench(c: &mut Criterion) {
    let options = CompileOptions::new(chrono::NaiveDate::from_ymd_opt(2018, 2, 15).unwrap());
    let mut group = c.benchmark_group("compile");
    group.sample_size(10);
    for scale in [1usize, 4, 16] {
        let snap = synthetic_event(scale);
        let bytes: usize = snap.sessions().map(|s| s.summary.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("html", scale), &snap, |b, snap| {
            b.iter(|| write_html(&compile(snap, &options).document).len())
        });
        group.bench_with_input(BenchmarkId::new("docx", scale), &snap, |b, snap| {
            b.iter(|| write_docx(&compile(snap, &options).document).map(|d| d.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
