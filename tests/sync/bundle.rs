//! Offline bundles: idempotent and order-independent import with an honest count of what was
//! new, and damaged, truncated, oversized or mis-hashed files refused with the store unchanged.
//! Also property tests: arbitrary bytes given to the frame decoder, a peer or the bundle reader
//! never panic and never write.

use crate::common;

use common::{dump_derived, memory_store, session_ids, small_agenda};
use proptest::prelude::*;
use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::Origin;
use rapporteur::store::Store;
use rapporteur::sync::bundle::{
    decode_bundle, encode_bundle, export_bundle, import_bundle, write_bundle, MAX_BUNDLE_BYTES,
};
use rapporteur::sync::protocol::{decode_frame, decode_message};
use rapporteur::sync::{Frame, Peer, RateLimit, SyncError};
use std::path::Path;

fn log_rows(s: &Store) -> i64 {
    s.conn()
        .query_row("SELECT COUNT(*) FROM crdt_update", [], |r| r.get(0))
        .unwrap()
}

fn state(s: &Store) -> (Vec<String>, i64) {
    (dump_derived(s.conn()), log_rows(s))
}

/// A: event + notes; B: the same event (from A's first bundle) + its own notes.
fn two_devices(dir: &Path) -> (Store, Store, String, std::path::PathBuf, std::path::PathBuf) {
    let mut a = memory_store();
    let ev = a.create_event(&small_agenda(), &Origin::Import).unwrap();
    let s = session_ids(&a, &ev);
    a.append_text(&ev, &s[0], TextKind::Notes, "From A.", &Origin::Local)
        .unwrap();
    let first = dir.join("a1.rbundle");
    write_bundle(&first, &export_bundle(&mut a, &ev).unwrap()).unwrap();
    let mut b = memory_store();
    import_bundle(&mut b, &first).unwrap();
    b.append_text(&ev, &s[0], TextKind::Notes, "From B.", &Origin::Local)
        .unwrap();
    a.append_text(
        &ev,
        &s[3],
        TextKind::Summary,
        "A's summary.",
        &Origin::Local,
    )
    .unwrap();
    let from_a = dir.join("a2.rbundle");
    write_bundle(&from_a, &export_bundle(&mut a, &ev).unwrap()).unwrap();
    let from_b = dir.join("b1.rbundle");
    write_bundle(&from_b, &export_bundle(&mut b, &ev).unwrap()).unwrap();
    (a, b, ev, from_a, from_b)
}

#[test]
fn import_is_idempotent_order_independent_and_counts_what_was_new() {
    let dir = tempfile::tempdir().unwrap();
    let (_a, _b, ev, from_a, from_b) = two_devices(dir.path());

    // C imports A then B (twice each); D imports B then A.
    let mut c = memory_store();
    let r1 = import_bundle(&mut c, &from_a).unwrap();
    assert!(r1.new_changes > 0, "{r1}");
    assert_eq!(import_bundle(&mut c, &from_a).unwrap().new_changes, 0);
    let r2 = import_bundle(&mut c, &from_b).unwrap();
    // B's only news for C is "From B." plus the paragraph break: a handful of characters.
    assert!(r2.new_changes > 0 && r2.new_changes < 20, "{r2}");
    assert_eq!(import_bundle(&mut c, &from_b).unwrap().new_changes, 0);
    assert!(r2.to_string().contains("new changes from"), "{r2}");

    let mut d = memory_store();
    import_bundle(&mut d, &from_b).unwrap();
    import_bundle(&mut d, &from_a).unwrap();
    assert_eq!(c.snapshot(&ev).unwrap(), d.snapshot(&ev).unwrap());
    assert_eq!(dump_derived(c.conn()), dump_derived(d.conn()));
    let notes = c.session_text(&session_ids(&c, &ev)[0], false).unwrap();
    assert!(
        notes.contains("From A.") && notes.contains("From B."),
        "{notes}"
    );
}

#[test]
fn damaged_bundles_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_a, mut b, ev, from_a, _) = two_devices(dir.path());
    let before = state(&b);
    let good = std::fs::read(&from_a).unwrap();

    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    for at in [0, 9, 20, good.len() / 2, good.len() - 40, good.len() - 1] {
        let mut flipped = good.clone();
        flipped[at] ^= 0x40;
        cases.push(("flipped byte", flipped));
    }
    cases.push(("truncated", good[..good.len() - 100].to_vec()));
    cases.push(("truncated to the signature", good[..12].to_vec()));
    cases.push(("empty", Vec::new()));
    // A document changed and the whole-file hash recomputed: the document hash catches it.
    let mut bundle = decode_bundle(&good, Path::new("x")).unwrap();
    let last = bundle.docs.len() - 1;
    bundle.docs[last].1 = vec![0, 0];
    bundle.header.docs[last].bytes = 2;
    cases.push(("wrong document hash", encode_bundle(&bundle)));
    for (what, bytes) in cases {
        let p = dir.path().join("bad.rbundle");
        std::fs::write(&p, &bytes).unwrap();
        let err = import_bundle(&mut b, &p).expect_err(what);
        assert!(
            matches!(err, SyncError::BundleCorrupt { .. }),
            "{what}: {err}"
        );
        assert!(err.to_string().contains("bad.rbundle"), "{what}: {err}");
        assert_eq!(state(&b), before, "{what} changed the store");
    }

    // Over the cap: refused from its size alone (a sparse file, nothing is read).
    let big = dir.path().join("big.rbundle");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_BUNDLE_BYTES + 1)
        .unwrap();
    let err = import_bundle(&mut b, &big).unwrap_err();
    assert!(matches!(err, SyncError::BundleTooLarge { .. }), "{err}");
    assert_eq!(state(&b), before);

    // And the good one still imports.
    let r = import_bundle(&mut b, &from_a).unwrap();
    assert!(r.new_changes > 0);
    assert!(b
        .session_text(&session_ids(&b, &ev)[3], true)
        .unwrap()
        .contains("A's summary."));
}

#[test]
fn export_replaces_the_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _, ev, from_a, _) = two_devices(dir.path());
    write_bundle(&from_a, &export_bundle(&mut a, &ev).unwrap()).unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

fn peer_store() -> (Store, String) {
    let mut s = memory_store();
    let ev = s.create_event(&small_agenda(), &Origin::Import).unwrap();
    (s, ev)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_decoders(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_message(&bytes);
        let _ = decode_frame(&bytes);
        let _ = decode_bundle(&bytes, Path::new("p"));
        let mut with_magic = b"RAPPBNDL\x01\x00".to_vec();
        with_magic.extend_from_slice(&bytes);
        let _ = decode_bundle(&with_magic, Path::new("p"));
    }

    #[test]
    fn arbitrary_frames_never_write(doc in "[0-9a-f]{1,32}", tag in 0u8..5, step in 0u8..4,
                                    body in proptest::collection::vec(any::<u8>(), 0..256)) {
        let (mut s, ev) = peer_store();
        let before = state(&s);
        // A plausible envelope around garbage, so decoding gets past the first bytes.
        let mut f = vec![doc.len() as u8];
        f.extend_from_slice(doc.as_bytes());
        f.push(tag);
        f.push(step);
        f.push(body.len() as u8 & 0x7f);
        f.extend_from_slice(&body);
        let mut p = Peer::new("fuzz", &ev).with_limit(RateLimit::unlimited());
        if p.on_frame(&mut s, &Frame(f)).is_err() {
            prop_assert_eq!(state(&s), before);
        }
    }
}

#[test]
fn a_malformed_update_is_refused_and_writes_nothing() {
    let (mut s, ev) = peer_store();
    let before = state(&s);
    let mut p = Peer::new("evil", &ev).with_limit(RateLimit::unlimited());
    let msg = yrs::sync::Message::Sync(yrs::sync::SyncMessage::Update(vec![1, 2, 3, 4, 5]));
    let frame = rapporteur::sync::protocol::encode_frame(&ev, &msg);
    let err = p.on_frame(&mut s, &frame).unwrap_err();
    assert!(matches!(err, SyncError::Malformed { .. }), "{err}");
    assert!(err.is_fatal());
    assert_eq!(state(&s), before);
}

#[test]
fn a_flooding_peer_is_rate_limited() {
    let (mut s, ev) = peer_store();
    let limit = RateLimit {
        frames_per_sec: 1.0,
        frame_burst: 2.0,
        ..RateLimit::default()
    };
    let mut p = Peer::new("flood", &ev).with_limit(limit);
    let msg = yrs::sync::Message::AwarenessQuery;
    let frame = rapporteur::sync::protocol::encode_frame(&ev, &msg);
    let now = std::time::Instant::now();
    p.on_frame_at(&mut s, &frame, now).unwrap();
    p.on_frame_at(&mut s, &frame, now).unwrap();
    let err = p.on_frame_at(&mut s, &frame, now).unwrap_err();
    assert!(matches!(err, SyncError::RateLimited { .. }), "{err}");
}

#[test]
fn a_document_of_another_event_is_refused() {
    let (mut s, ev) = peer_store();
    let (_, other) = peer_store();
    let before = state(&s);
    let mut p = Peer::new("p", &ev).with_limit(RateLimit::unlimited());
    let msg = yrs::sync::Message::Sync(yrs::sync::SyncMessage::Update(vec![0, 0]));
    let frame = rapporteur::sync::protocol::encode_frame(&other, &msg);
    assert!(matches!(
        p.on_frame(&mut s, &frame),
        Err(SyncError::UnknownDoc { .. })
    ));
    assert_eq!(state(&s), before);
}
