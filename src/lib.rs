//! Rapporteur core: the event store on a CRDT update log, agenda import, the draft
//! conclusions compiler and the `rapporteur` CLI. Nothing here depends on Tauri; the desktop
//! shell (`src-tauri/`) is a thin adapter over these modules.

pub mod compile;
pub mod model;
