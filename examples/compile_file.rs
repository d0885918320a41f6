//! Compiles a snapshot JSON file: `cargo run --example compile_file -- SNAPSHOT.json OUT.(md|html|docx|pdf) [named|entity|none]`.
//! Prints the compile report.

use rapporteur::compile::{compile, export, Attribution, CompileOptions, Format};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out, rest @ ..] = args.as_slice() else {
        return Err(
            "usage: compile_file SNAPSHOT.json OUT.(md|html|docx|pdf) [named|entity|none]".into(),
        );
    };
    let snap = serde_json::from_str(&std::fs::read_to_string(input)?)?;
    let mut options =
        CompileOptions::new(chrono::NaiveDate::from_ymd_opt(2018, 2, 15).ok_or("date")?);
    options.attribution = rest
        .first()
        .map(|a| a.parse::<Attribution>())
        .transpose()?
        .unwrap_or_default();
    let format: Format = Path::new(out)
        .extension()
        .and_then(|e| e.to_str())
        .ok_or("output needs an extension")?
        .parse()?;
    let compiled = compile(&snap, &options);
    export(&compiled, format, Path::new(out))?;
    print!("{}", compiled.report);
    Ok(())
}
