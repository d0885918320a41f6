//! Arbitrary bytes through the CSV agenda importer: never a panic. Run with
//! `cargo +nightly fuzz run agenda_csv`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur::agenda::{import_bytes, Format};

fuzz_target!(|data: &[u8]| {
    let _ = import_bytes(data, Format::Csv, "fuzz.csv");
});
