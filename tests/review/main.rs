//! The review cycle, in one test binary: named versions that sync, the comparison (added,
//! removed and reworded paragraphs; renumbering is not a change; who wrote what), restore that
//! syncs and is undone by restoring the later version, versions rebuilt after compaction, two
//! laptops saving the same name, bad input that writes nothing (`versions`); the final lock on
//! every local write path while peers' late edits are kept and reported (`lock`); meetings of a
//! series (`series`); and the `rapporteur` command end to end, with the DOCX read back by pandoc
//! and LibreOffice (`cli`, `cli_flow`).

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod cli_flow;
mod lock;
mod series;
mod support;
mod versions;
