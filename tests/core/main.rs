//! The core through its public API and the `rapporteur` command as a user runs it: agenda
//! importers on real documents, the CLI contract, the draft compiler against fixtures, the
//! outcome board's operations and what the window's editing commands rely on.

#[path = "../common/mod.rs"]
mod common;

mod agenda_corpus;
mod agenda_docx;
mod agenda_import;
mod cli;
mod compile_fixtures;
mod outcome_board;
mod participant_import;
mod window_edits;
