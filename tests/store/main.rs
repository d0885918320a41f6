//! The store: the update log as the truth (idempotent, order-free apply; rebuild; verified
//! compaction; the schema guard; batching), convergence as a property, and durability under
//! SIGKILL.

#[path = "../common/mod.rs"]
mod common;

mod convergence;
mod crash;
mod log;
