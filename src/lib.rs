//! Rapporteur core: the event store on a CRDT update log, agenda import, the draft
//! conclusions compiler and the `rapporteur` CLI. Nothing here depends on Tauri; the desktop
//! shell (`src-tauri/`) is a thin adapter over these modules.
//!
//! Dependencies point one way: `i18n` (the six languages and the draft's phrases) ← `model`
//! ← `agenda`; `model` ← `doc` ← `store`; `model` ←
//! `compile`; `cli` on top.

pub mod agenda;
pub mod cli;
pub mod compile;
pub mod doc;
pub mod draft;
pub mod host;
pub mod i18n;
pub mod live;
pub mod model;
pub mod sample;
pub mod store;
pub mod sync;
