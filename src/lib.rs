//! Rapporteur core: the event store on a CRDT update log, agenda import, the draft
//! conclusions compiler and the `rapporteur` CLI. Nothing here depends on Tauri; the desktop
//! shell (`src-tauri/`) is a thin adapter over these modules.
//!
//! Dependencies point one way: `i18n` (the six languages and the draft's phrases) ← `model`
//! ← `agenda`; `model` ← `doc` ← `store` ← `sync` ← `collab`; `model` ← `compile`; `store` ←
//! `review` (the life of the draft); `cli` on top. The map is docs/architecture.md.

pub mod agenda;
pub mod cli;
pub mod collab;
pub mod compile;
pub mod doc;
pub mod entities;
pub mod host;
pub mod i18n;
pub mod model;
pub mod participants;
pub mod review;
pub mod sample;
pub mod store;
pub mod sync;
