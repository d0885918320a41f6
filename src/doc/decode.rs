//! Decoding Yjs bytes that come from outside this process (peers, relays, bundles, the window)
//! without trusting them.
//!
//! yrs assumes well-behaved input: a client id above 2^53 (beyond JavaScript's safe integers,
//! which Yjs itself never produces) trips a debug assertion — a panic in a debug build, a
//! silently truncated id in a release build — and other hostile bytes may panic in its
//! decoders. The fuzz targets and the property tests found both. Every decoder of outside bytes
//! goes through here: yrs runs under `catch_unwind`, so hostile input is a clear error and never
//! takes the process down; the client ids of a state vector and of an awareness update are
//! checked on the raw bytes first (a release build of yrs would truncate them silently).
//!
//! Not covered: inside an *update*, a release build still truncates an impossible client id
//! rather than refusing it (checking that would mean re-implementing the update decoder). Such
//! an update can only come from a hostile peer holding the join code or relay access, and it
//! is stored and merged like any other edit.

use std::panic::{catch_unwind, AssertUnwindSafe};
use yrs::encoding::read::{Cursor, Read};
use yrs::updates::decoder::Decode;
use yrs::{StateVector, Update};

/// The largest client id a Yjs peer can hold (2^53 − 1).
pub const MAX_CLIENT_ID: u64 = (1 << 53) - 1;

/// Runs a yrs decoder; a panic inside it becomes an error.
fn guarded<T, E: std::fmt::Display>(
    what: &str,
    f: impl FnOnce() -> Result<T, E>,
) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!("{what} that the CRDT library cannot decode")),
    }
}

/// Checks the client ids of a list of `count, (client, rest)*` entries on the raw bytes (a
/// state vector: `rest` is the clock; an awareness update: the clock and the state). Each id
/// is checked as soon as it is read, as yrs makes the client id before reading on; bytes that
/// stop parsing are left for the decoder to report. `what` names the list in the error.
fn check_clients(
    bytes: &[u8],
    what: &str,
    rest: impl Fn(&mut Cursor) -> Result<(), yrs::encoding::read::Error>,
) -> Result<(), String> {
    let mut cur = Cursor::new(bytes);
    let Ok(count) = cur.read_var::<u64>() else {
        return Ok(());
    };
    for _ in 0..count {
        let Ok(client) = cur.read_var::<u64>() else {
            return Ok(());
        };
        if client > MAX_CLIENT_ID {
            return Err(format!("{what} names client {client}, above 2^53 − 1"));
        }
        if rest(&mut cur).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

/// A v1 update from outside; an error when it does not decode (or yrs panics on it).
pub fn update(bytes: &[u8]) -> Result<Update, String> {
    guarded("an update", || Update::decode_v1(bytes))
}

/// A v1 state vector from outside, refused when it does not decode or names a client id no
/// Yjs peer can have.
pub fn state_vector(bytes: &[u8]) -> Result<StateVector, String> {
    check_clients(bytes, "the state vector", |c| c.read_var::<u64>().map(drop))?;
    guarded("a state vector", || StateVector::decode_v1(bytes))
}

/// An awareness update from outside, refused when it does not decode or names a client id no
/// Yjs peer can have.
pub fn awareness(bytes: &[u8]) -> Result<yrs::sync::awareness::AwarenessUpdate, String> {
    check_clients(bytes, "the awareness update", |c| {
        c.read_var::<u64>()?;
        c.read_string().map(drop)
    })?;
    guarded("an awareness update", || {
        yrs::sync::awareness::AwarenessUpdate::decode_v1(bytes)
    })
}

/// Any other yrs decoder, under the same guard.
pub fn other<T, E: std::fmt::Display>(
    what: &str,
    f: impl FnOnce() -> Result<T, E>,
) -> Result<T, String> {
    guarded(what, f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use yrs::encoding::write::Write;
    use yrs::updates::encoder::{Encode, Encoder, EncoderV1};
    use yrs::{ClientID, ReadTxn, Text, Transact};

    #[test]
    fn an_awareness_client_id_above_2_pow_53_is_refused_and_a_real_one_passes() {
        // Found by fuzz/frame_decoder: yrs asserts on such an id (a debug build panics, a
        // release build would truncate it).
        let entry = |client: u64| {
            let mut e = EncoderV1::new();
            e.write_var(1u32);
            e.write_var(client);
            e.write_var(3u32);
            e.write_string("{\"user\":{\"name\":\"A\"}}");
            e.to_vec()
        };
        let err = awareness(&entry(MAX_CLIENT_ID + 1)).unwrap_err();
        assert!(err.contains("above 2^53"), "{err}");
        let ok = awareness(&entry(MAX_CLIENT_ID)).unwrap();
        assert_eq!(ok.clients.len(), 1);
        // The fuzzer's input (the awareness payload it carries): a 72-bit client id, then a
        // clock that does not decode. The id must be refused before the clock is read.
        let mut found = vec![1u8];
        found.extend([217; 10]);
        found.push(3);
        found.extend([217; 36]);
        let err = awareness(&found).unwrap_err();
        assert!(err.contains("above 2^53"), "{err}");
    }

    #[test]
    fn a_client_id_above_2_pow_53_is_refused() {
        let mut e = EncoderV1::new();
        e.write_var(1u32); // one entry
        e.write_var(MAX_CLIENT_ID + 1);
        e.write_var(5u32);
        let err = state_vector(&e.to_vec()).unwrap_err();
        assert!(err.contains("above 2^53"), "{err}");

        let mut ok = EncoderV1::new();
        ok.write_var(1u32);
        ok.write_var(MAX_CLIENT_ID);
        ok.write_var(5u32);
        let sv = state_vector(&ok.to_vec()).unwrap();
        assert_eq!(sv.get(&ClientID::new(MAX_CLIENT_ID)), 5);
    }

    #[test]
    fn a_real_update_decodes_and_garbage_is_an_error() {
        let doc = yrs::Doc::with_client_id(7);
        let t = doc.get_or_insert_text("notes");
        t.push(&mut doc.transact_mut(), "hello");
        let bytes = doc
            .transact()
            .encode_state_as_update_v1(&StateVector::default());
        assert!(update(&bytes).is_ok());
        assert!(update(&[1, 2, 3, 4, 5]).is_err());
        let sv = doc.transact().state_vector().encode_v1();
        assert_eq!(state_vector(&sv).unwrap().get(&ClientID::new(7)), 5);
    }
}
