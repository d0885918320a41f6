//! The `rapporteur` command-line program; see `rapporteur --help`.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = rapporteur::cli::Cli::parse();
    match rapporteur::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rapporteur: {e}");
            ExitCode::FAILURE
        }
    }
}
