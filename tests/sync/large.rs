//! Sync of what does not fit one frame, and of runs of frames:
//! - a session document bigger than the frame cap (written over several device sessions, as a
//!   long meeting is) reaches a peer that has nothing, in frames that each fit and apply;
//! - a run of frames handed to `Peer::on_frames` at once ends in the same state as the same
//!   frames one by one, and one malformed frame in a run writes nothing of it.

use crate::common;

use common::{dump_derived, session_ids, small_agenda};
use rapporteur::doc::session_doc::TextKind;
use rapporteur::host::{Origin, SystemHost};
use rapporteur::store::Store;
use rapporteur::sync::protocol::encode_frame;
use rapporteur::sync::{Frame, Peer, RateLimit, MAX_FRAME_BYTES};
use std::collections::VecDeque;
use std::path::Path;
use std::sync::Arc;
use yrs::sync::{Message, SyncMessage};

fn open(path: &Path) -> Store {
    Store::open_with_host(path, Arc::new(SystemHost)).unwrap()
}

/// Connects `a` and `b` and delivers every frame, one run per connection per round, until
/// quiet. Returns the largest frame seen.
fn sync(a: &mut Store, b: &mut Store, event: &str) -> usize {
    let mut pa = Peer::new(b.device_id(), event).with_limit(RateLimit::unlimited());
    let mut pb = Peer::new(a.device_id(), event).with_limit(RateLimit::unlimited());
    let mut to_b: VecDeque<Frame> = pa.on_connect(a).unwrap().into();
    let mut to_a: VecDeque<Frame> = pb.on_connect(b).unwrap().into();
    let mut largest = 0;
    while !to_a.is_empty() || !to_b.is_empty() {
        let run: Vec<Frame> = to_b.drain(..).collect();
        largest = run.iter().map(Frame::len).fold(largest, usize::max);
        to_a.extend(pb.on_frames(b, &run).unwrap());
        pb.take_skipped();
        let run: Vec<Frame> = to_a.drain(..).collect();
        largest = run.iter().map(Frame::len).fold(largest, usize::max);
        to_b.extend(pa.on_frames(a, &run).unwrap());
        pa.take_skipped();
    }
    largest
}

#[test]
fn a_document_bigger_than_the_frame_cap_syncs_in_frames_that_fit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    let mut a = open(&path);
    let event = a.create_event(&small_agenda(), &Origin::Import).unwrap();
    let session = session_ids(&a, &event)[0].clone();
    drop(a);
    // Each reopening is a new device session (a new Yjs client); 1.2 MB of notes each.
    let chunk = 1_200_000;
    let rounds = MAX_FRAME_BYTES / chunk + 2;
    for r in 0..rounds {
        let mut a = open(&path);
        let word: String = (0..chunk)
            .map(|i| {
                if i % 997 == 0 {
                    ' '
                } else {
                    (b'a' + ((i + r) % 26) as u8) as char
                }
            })
            .collect();
        a.append_text(&event, &session, TextKind::Notes, &word, &Origin::Local)
            .unwrap();
    }
    let mut a = open(&path);
    let mut b = open(&dir.path().join("b.db"));
    let whole = a.diff(&session, &[0]).unwrap();
    assert!(whole.len() > MAX_FRAME_BYTES, "{} bytes", whole.len());

    let largest = sync(&mut a, &mut b, &event);
    assert!(largest <= MAX_FRAME_BYTES, "a frame of {largest} bytes");
    let (ta, tb) = (
        a.session_text(&session, false).unwrap(),
        b.session_text(&session, false).unwrap(),
    );
    assert_eq!(ta.len(), tb.len());
    assert!(ta == tb, "the notes differ");
    assert_eq!(
        a.state_vector(&session).unwrap(),
        b.state_vector(&session).unwrap()
    );
}

#[test]
fn a_run_of_frames_ends_like_the_frames_one_by_one_and_a_bad_one_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = open(&dir.path().join("a.db"));
    let event = a.create_event(&small_agenda(), &Origin::Import).unwrap();
    let sessions = session_ids(&a, &event);
    for (k, s) in sessions.iter().cycle().take(40).enumerate() {
        a.append_text(
            &event,
            s,
            TextKind::Notes,
            &format!("paragraph {k}"),
            &Origin::Local,
        )
        .unwrap();
    }
    // Everything a has, as updates: the event's document first, then its sessions, which
    // the receiver can only take once the event's agenda (earlier in the run) lists them.
    let mut replies = Vec::new();
    for d in std::iter::once(&event).chain(&sessions) {
        let update = a.diff(d, &[0]).unwrap();
        replies.push(encode_frame(d, &Message::Sync(SyncMessage::Update(update))));
    }
    let mut one = open(&dir.path().join("one.db"));
    let mut run = open(&dir.path().join("run.db"));
    let peer = || Peer::new(a.device_id(), &event).with_limit(RateLimit::unlimited());

    let mut bad = replies.clone();
    bad.insert(bad.len() / 2, Frame(vec![1, b'a', 0, 1, 9, 9]));
    let before = dump_derived(run.conn());
    assert!(peer().on_frames(&mut run, &bad).is_err());
    assert_eq!(
        dump_derived(run.conn()),
        before,
        "a bad frame in a run writes nothing"
    );

    let mut p_one = peer();
    for f in &replies {
        p_one.on_frame(&mut one, f).unwrap();
    }
    let mut p_run = peer();
    p_run.on_frames(&mut run, &replies).unwrap();
    assert!(
        p_run.take_skipped().is_empty(),
        "the run listed its own sessions"
    );
    assert_eq!(dump_derived(one.conn()), dump_derived(run.conn()));
    assert_eq!(dump_derived(run.conn()), dump_derived(a.conn()));
}
