//! Arbitrary bytes through the bundle reader (with and without a valid signature in front):
//! never a panic, never an allocation past the caps. Run with
//! `cargo +nightly fuzz run bundle_reader`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur::sync::bundle::decode_bundle;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let _ = decode_bundle(data, Path::new("fuzz"));
    let mut framed = b"RAPPBNDL\x01\x00".to_vec();
    framed.extend_from_slice(data);
    let _ = decode_bundle(&framed, Path::new("fuzz"));
});
