//! Arbitrary bytes through the sync frame and message decoders: never a panic, never an
//! unbounded allocation. Run with `cargo +nightly fuzz run frame_decoder`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur::sync::protocol::{decode_frame, decode_message};

fuzz_target!(|data: &[u8]| {
    let _ = decode_frame(data);
    let _ = decode_message(data);
});
