//! Arbitrary bytes through the pasted-text agenda importer (normalising, the time grammar, day
//! headings, the layout and day passes, the concept-note facts): never a panic, never a hang.
//! Run with `cargo +nightly fuzz run agenda_text`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur::agenda::{import_bytes, Format};

fuzz_target!(|data: &[u8]| {
    let _ = import_bytes(data, Format::Text, "fuzz.txt");
});
