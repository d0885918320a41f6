//! The wire format: the Yjs sync and awareness protocol (y-protocols), byte for byte what
//! y-websocket speaks, so the app can talk to standard Yjs relays and a plain Yjs client can be
//! a test peer. The message types are yrs's own ([`yrs::sync::Message`]); this module adds the
//! limits yrs leaves to the caller, and the envelope for several documents on one connection.
//!
//! **Messages** (one per frame; a relay frame may carry several, see [`decode_messages`]):
//! `varuint type` then
//! - `0` sync: `varuint step` (`0` step 1 + state vector, `1` step 2 + update, `2` update), each
//!   payload a `varuint`-length-prefixed buffer;
//! - `1` awareness: a length-prefixed awareness update;
//! - `2` auth: `0` = permission denied + reason string, `1` = granted;
//! - `3` query awareness: nothing more.
//!
//! Unknown types decode to [`Message::Custom`] and are ignored by the peer (forward
//! compatibility). Trailing bytes after the message are refused.
//!
//! **In-room envelope** (our LAN host/join, where one connection carries every document of an
//! event): `[varuint len][doc id, UTF-8][one y-protocols message]`. The doc id is 1–64 bytes of
//! `[0-9a-f-]` (our ids are 32 hex digits; UUIDs with dashes fit). Relays do not see the
//! envelope: there the room name carries the document (`<event-id>/<doc-id>`) and frames are
//! bare messages ([`encode_message`] / [`decode_message`]).
//!
//! **Limits**: a frame over [`MAX_FRAME_BYTES`] is refused before any decoding; every count
//! read from the wire is checked against the bytes that remain before anything is reserved;
//! every decoding error is a [`SyncError::Malformed`], never a panic.

use super::SyncError;
use crate::store::MAX_UPDATE_BYTES;
use yrs::encoding::read::{Cursor, Read};
use yrs::encoding::write::Write;
use yrs::sync::protocol::{MSG_AUTH, MSG_AWARENESS, MSG_QUERY_AWARENESS, MSG_SYNC};
use yrs::sync::protocol::{MSG_SYNC_STEP_1, MSG_SYNC_STEP_2, MSG_SYNC_UPDATE};
use yrs::sync::{AwarenessUpdate, Message, SyncMessage};
use yrs::updates::encoder::Encode;
use yrs::StateVector;

/// The largest frame accepted: the largest update plus room for the envelope and headers.
pub const MAX_FRAME_BYTES: usize = MAX_UPDATE_BYTES + 1024;
/// The longest document id in an envelope.
pub const MAX_DOC_ID_BYTES: usize = 64;
/// The largest awareness update (cursors and names; never document content).
pub const MAX_AWARENESS_BYTES: usize = 1024 * 1024;

/// One encoded in-room frame, as it travels: envelope + message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame(pub Vec<u8>);

impl Frame {
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// A decoded in-room frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub doc_id: String,
    pub message: Message,
}

/// Checks a document id against the envelope's rules.
pub fn check_doc_id(id: &str) -> Result<(), SyncError> {
    let ok = !id.is_empty()
        && id.len() <= MAX_DOC_ID_BYTES
        && id
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(SyncError::BadDocId(id.chars().take(80).collect()))
    }
}

/// Encodes one y-protocols message (a relay frame).
pub fn encode_message(msg: &Message) -> Vec<u8> {
    msg.encode_v1()
}

/// Encodes an in-room frame. The doc id must satisfy [`check_doc_id`] (ids come from the store).
pub fn encode_frame(doc_id: &str, msg: &Message) -> Frame {
    let mut out = Vec::with_capacity(doc_id.len() + 16);
    out.write_string(doc_id);
    out.extend_from_slice(&msg.encode_v1());
    Frame(out)
}

/// Decodes one y-protocols message (a relay frame), within the limits.
pub fn decode_message(bytes: &[u8]) -> Result<Message, SyncError> {
    check_size(bytes.len())?;
    let mut cur = Cursor::new(bytes);
    let msg = read_message(&mut cur)?;
    if cur.has_content() {
        return Err(SyncError::malformed("trailing bytes after the message"));
    }
    Ok(msg)
}

/// The most messages one relay frame may carry (y-redis sends several back to back).
pub const MAX_MESSAGES_PER_FRAME: usize = 4096;

/// Decodes a relay frame that may carry several y-protocols messages back to back (y-redis
/// joins what it read from Redis into one frame), within the limits. An empty frame is none.
pub fn decode_messages(bytes: &[u8]) -> Result<Vec<Message>, SyncError> {
    check_size(bytes.len())?;
    let mut cur = Cursor::new(bytes);
    let mut out = Vec::new();
    while cur.has_content() {
        if out.len() == MAX_MESSAGES_PER_FRAME {
            return Err(SyncError::malformed(format!(
                "more than {MAX_MESSAGES_PER_FRAME} messages in one frame"
            )));
        }
        out.push(read_message(&mut cur)?);
    }
    Ok(out)
}

/// Decodes an in-room frame, within the limits.
pub fn decode_frame(bytes: &[u8]) -> Result<Envelope, SyncError> {
    check_size(bytes.len())?;
    let mut cur = Cursor::new(bytes);
    let id_len: u32 = cur.read_var().map_err(SyncError::malformed)?;
    if id_len as usize > MAX_DOC_ID_BYTES || id_len == 0 {
        return Err(SyncError::malformed(format!(
            "document id of {id_len} bytes (1–{MAX_DOC_ID_BYTES} allowed)"
        )));
    }
    let raw = cur
        .read_exact(id_len as usize)
        .map_err(SyncError::malformed)?;
    let doc_id = std::str::from_utf8(raw)
        .map_err(|_| SyncError::malformed("document id is not UTF-8"))?
        .to_string();
    check_doc_id(&doc_id)?;
    let message = read_message(&mut cur)?;
    if cur.has_content() {
        return Err(SyncError::malformed("trailing bytes after the message"));
    }
    Ok(Envelope { doc_id, message })
}

fn check_size(size: usize) -> Result<(), SyncError> {
    if size > MAX_FRAME_BYTES {
        return Err(SyncError::FrameTooLarge {
            size,
            limit: MAX_FRAME_BYTES,
        });
    }
    Ok(())
}

fn read_message(cur: &mut Cursor) -> Result<Message, SyncError> {
    let tag: u32 = cur.read_var().map_err(SyncError::malformed)?;
    match tag as u8 {
        _ if tag > u8::MAX as u32 => Err(SyncError::malformed(format!("message type {tag}"))),
        MSG_SYNC => {
            let step: u32 = cur.read_var().map_err(SyncError::malformed)?;
            let buf = cur.read_buf().map_err(SyncError::malformed)?;
            let msg = match step as u8 {
                _ if step > 2 => return Err(SyncError::malformed(format!("sync step {step}"))),
                MSG_SYNC_STEP_1 => SyncMessage::SyncStep1(decode_state_vector(buf)?),
                MSG_SYNC_STEP_2 => SyncMessage::SyncStep2(buf.to_vec()),
                MSG_SYNC_UPDATE => SyncMessage::Update(buf.to_vec()),
                _ => unreachable!("step checked above"),
            };
            Ok(Message::Sync(msg))
        }
        MSG_AWARENESS => {
            let buf = cur.read_buf().map_err(SyncError::malformed)?;
            Ok(Message::Awareness(decode_awareness(buf)?))
        }
        MSG_AUTH => {
            let granted: u32 = cur.read_var().map_err(SyncError::malformed)?;
            if granted == 0 {
                let reason = cur.read_string().map_err(SyncError::malformed)?;
                Ok(Message::Auth(Some(reason.to_string())))
            } else {
                Ok(Message::Auth(None))
            }
        }
        MSG_QUERY_AWARENESS => Ok(Message::AwarenessQuery),
        other => {
            let buf = cur.read_buf().map_err(SyncError::malformed)?;
            Ok(Message::Custom(other, buf.to_vec()))
        }
    }
}

/// Decodes an awareness update (the payload of an awareness message, as y-protocols'
/// `encodeAwarenessUpdate` makes it), within the limits.
pub fn decode_awareness(buf: &[u8]) -> Result<AwarenessUpdate, SyncError> {
    if buf.len() > MAX_AWARENESS_BYTES {
        return Err(SyncError::malformed(format!(
            "awareness update of {} bytes (limit {MAX_AWARENESS_BYTES})",
            buf.len()
        )));
    }
    // Each client entry takes at least 3 bytes: refuse counts the bytes cannot hold
    // before yrs reserves room for them.
    check_count(buf, 3, "awareness clients")?;
    // A client id above 2^53 is refused on the raw bytes (yrs asserts on it; found by
    // `fuzz/frame_decoder`), and any panic in yrs's decoder is a malformed frame.
    crate::doc::decode::awareness(buf).map_err(SyncError::malformed)
}

/// An in-room frame carrying awareness update bytes (already checked by
/// [`decode_awareness`]): the same bytes as `encode_frame(doc, &Message::Awareness(..))`.
pub fn encode_awareness_frame(doc_id: &str, update: &[u8]) -> Frame {
    let mut out = Vec::with_capacity(doc_id.len() + update.len() + 8);
    out.write_string(doc_id);
    out.write_var(MSG_AWARENESS);
    out.write_buf(update);
    Frame(out)
}

/// Decodes a state vector, refusing counts its bytes cannot hold (2 bytes per entry at least).
pub fn decode_state_vector(buf: &[u8]) -> Result<StateVector, SyncError> {
    check_count(buf, 2, "state vector entries")?;
    crate::doc::decode::state_vector(buf).map_err(SyncError::malformed)
}

fn check_count(buf: &[u8], min_entry: usize, what: &str) -> Result<(), SyncError> {
    let mut c = Cursor::new(buf);
    let n: u64 = c.read_var().map_err(SyncError::malformed)?;
    if n > (buf.len() / min_entry) as u64 {
        return Err(SyncError::malformed(format!(
            "{n} {what} declared in {} bytes",
            buf.len()
        )));
    }
    Ok(())
}

/// A sync step 1 message: "here is what I have".
pub fn step1(sv: StateVector) -> Message {
    Message::Sync(SyncMessage::SyncStep1(sv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_match_y_protocols_bytes() {
        let msg = Message::Sync(SyncMessage::Update(vec![0, 0]));
        assert_eq!(encode_message(&msg), vec![0, 2, 2, 0, 0]);
        let f = encode_frame("ab-12", &msg);
        assert_eq!(&f.0[..6], b"\x05ab-12");
        let env = decode_frame(&f.0).unwrap();
        assert_eq!(env.doc_id, "ab-12");
        assert_eq!(env.message, msg);
        assert_eq!(decode_message(&[3]).unwrap(), Message::AwarenessQuery);
        assert_eq!(decode_message(&[2, 1]).unwrap(), Message::Auth(None));
    }

    #[test]
    fn a_frame_may_carry_several_messages_back_to_back() {
        let a = Message::Sync(SyncMessage::SyncStep1(StateVector::default()));
        let b = Message::Sync(SyncMessage::SyncStep2(vec![0, 0]));
        let mut bytes = encode_message(&a);
        bytes.extend(encode_message(&b));
        bytes.extend([3]);
        assert_eq!(
            decode_messages(&bytes).unwrap(),
            vec![a, b, Message::AwarenessQuery]
        );
        assert!(decode_messages(&[]).unwrap().is_empty());
        // A message cut short after a good one spoils the frame.
        let mut cut = encode_message(&Message::AwarenessQuery);
        cut.extend([0, 2, 9, 0]);
        assert!(decode_messages(&cut).is_err());
        let flood = vec![3u8; MAX_MESSAGES_PER_FRAME + 1];
        assert!(decode_messages(&flood).is_err());
        assert_eq!(
            decode_messages(&flood[1..]).unwrap().len(),
            MAX_MESSAGES_PER_FRAME
        );
    }

    #[test]
    fn an_awareness_frame_from_bytes_is_the_message_s_frame() {
        // One client (id 7, clock 3) whose state is {}.
        let bytes = [1, 7, 3, 2, b'{', b'}'];
        let update = decode_awareness(&bytes).unwrap();
        assert_eq!(update.encode_v1(), bytes);
        let f = encode_awareness_frame("ab", &bytes);
        assert_eq!(f, encode_frame("ab", &Message::Awareness(update)));
        assert!(decode_awareness(&[9, 1]).is_err(), "9 clients in 2 bytes");
    }

    #[test]
    fn bad_frames_are_typed_errors() {
        assert!(matches!(
            decode_frame(&vec![0u8; MAX_FRAME_BYTES + 1]),
            Err(SyncError::FrameTooLarge { .. })
        ));
        assert!(matches!(
            decode_frame(&[2, b'A', b'B', 0]),
            Err(SyncError::BadDocId(_))
        ));
        assert!(decode_frame(&[65]).is_err());
        // A state vector claiming 2^32-1 entries in 5 bytes.
        assert!(matches!(
            decode_message(&[0, 0, 5, 0xff, 0xff, 0xff, 0xff, 0x0f]),
            Err(SyncError::Malformed { .. })
        ));
        assert!(
            decode_message(&[0, 2, 2, 0, 0, 9]).is_err(),
            "trailing byte"
        );
        // Crash inputs found by `cargo fuzz run frame_decoder` (yrs panicked on them).
        for crash in [
            &[
                0x01, 0x0b, 0x01, 0xf5, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xbe, 0x13, 0xbe, 0xbe,
                0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x00, 0xbe,
                0xff, 0xff, 0xb1, 0x01, 0x0a, 0xb4, 0x09, 0x06, 0xb1,
            ][..],
            &[
                0x01, 0x0b, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x03, 0x01, 0xf6,
                0xf5, 0xf5, 0xf7, 0xb1, 0x01, 0x0a, 0xb1,
            ][..],
        ] {
            assert!(decode_message(crash).is_err(), "{crash:?}");
            let mut framed = vec![1, b'a'];
            framed.extend_from_slice(crash);
            assert!(decode_frame(&framed).is_err(), "{crash:?}");
        }
    }
}
