//! Arbitrary bytes through the iCalendar agenda importer (the structure repair, the nesting
//! cap, the `icalendar` parser behind it): never a panic, never a stack overflow. Run with
//! `cargo +nightly fuzz run agenda_ics`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur::agenda::{import_bytes, Format};

fuzz_target!(|data: &[u8]| {
    let _ = import_bytes(data, Format::Ics, "fuzz.ics");
});
