//! Hocuspocus's framing (`@hocuspocus/server` and `@hocuspocus/provider`, 3.x and 4.x speak the
//! same bytes for what the app uses), read from its source and written here: the most used Yjs
//! server multiplexes every document of a client over **one** WebSocket, so each frame names
//! its document.
//!
//! A frame is `varString document name`, `varUint type`, then by type:
//! - `0` sync and `4` sync reply: a y-protocols sync message (step 1, step 2, update);
//! - `1` awareness: a length-prefixed awareness update; `3` query awareness: nothing;
//! - `2` auth: `varUint` sub-type: `0` token (client → server: `varString token` and, from 4.x
//!   providers, an optional `varString` version; server → client: nothing, "send it again"),
//!   `1` permission denied + `varString reason`, `2` authenticated + `varString scope`
//!   (`read-write` or `readonly`);
//! - `5` stateless and `6` broadcast stateless: a `varString` payload (not used by the app);
//! - `7` close: `varString reason` (the server closed that document's connection);
//! - `8` sync status: `varUint` 1 when the server applied one step 2 or update it was sent,
//!   0 when it refused it (a read-only connection). One per step 2 or update, in order: the
//!   acknowledgement `--once` waits for.
//!
//! `9` ping and `10` pong travel bare (the single type byte, no document name).
//!
//! A document name is `<event-id>/<doc-id>` (as a room on the other relays), so the name is
//! checked against that shape; every count read from the wire is checked against the bytes
//! that remain, a frame over [`MAX_FRAME_BYTES`] is refused before decoding, and nothing here
//! panics on hostile input.

use crate::sync::protocol::{check_doc_id, decode_message, encode_message, MAX_DOC_ID_BYTES};
use crate::sync::{SyncError, MAX_FRAME_BYTES};
use yrs::encoding::read::{Cursor, Read};
use yrs::encoding::write::Write;
use yrs::sync::Message;

const SYNC: u8 = 0;
const AWARENESS: u8 = 1;
const AUTH: u8 = 2;
const QUERY_AWARENESS: u8 = 3;
const SYNC_REPLY: u8 = 4;
const STATELESS: u8 = 5;
const BROADCAST_STATELESS: u8 = 6;
const CLOSE: u8 = 7;
const SYNC_STATUS: u8 = 8;
/// A bare ping frame, and the pong that answers it.
pub const PING: [u8; 1] = [9];
pub const PONG: [u8; 1] = [10];

const AUTH_TOKEN: u32 = 0;
const AUTH_DENIED: u32 = 1;
const AUTH_GRANTED: u32 = 2;
/// The longest reason, scope or stateless payload kept (longer ones are cut).
const MAX_TEXT: usize = 512;

/// What a Hocuspocus server sends about one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// A y-protocols message (sync, awareness, query awareness) for the document.
    Yjs(Message),
    /// Access granted; `read_only` when the server will refuse changes.
    Authenticated { read_only: bool },
    /// Access refused, with the server's reason.
    PermissionDenied(String),
    /// The server asks for the token again (its `onTokenSync`).
    TokenRequest,
    /// The server applied (`true`) or refused (`false`) one step 2 or update.
    SyncStatus(bool),
    /// The server closed this document's connection.
    Close(String),
    /// A stateless message (the app sends none and ignores them).
    Stateless,
}

/// One decoded frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    Doc { name: String, body: Body },
    Ping,
    Pong,
}

/// The document name of `doc` of `event`.
pub fn doc_name(event: &str, doc: &str) -> String {
    format!("{event}/{doc}")
}

/// `(event, doc)` of a document name, checked.
pub fn split_name(name: &str) -> Result<(&str, &str), SyncError> {
    let bad = || SyncError::BadDocId(name.chars().take(80).collect());
    let (event, doc) = name.split_once('/').ok_or_else(bad)?;
    check_doc_id(event).map_err(|_| bad())?;
    check_doc_id(doc).map_err(|_| bad())?;
    Ok((event, doc))
}

/// A y-protocols message for a document.
pub fn encode_yjs(name: &str, msg: &Message) -> Vec<u8> {
    let inner = encode_message(msg);
    let mut out = Vec::with_capacity(name.len() + inner.len() + 2);
    out.write_string(name);
    out.extend_from_slice(&inner);
    out
}

/// The authentication message that opens a document: the token (empty when there is none).
pub fn encode_auth(name: &str, token: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(name.len() + token.len() + 4);
    out.write_string(name);
    out.write_var(AUTH as u32);
    out.write_var(AUTH_TOKEN);
    out.write_string(token);
    out
}

/// A query-awareness message: the server does nothing with it over a client connection, so it
/// serves as the keep-alive that stops the server's idle time-out.
pub fn encode_keepalive(name: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(name.len() + 2);
    out.write_string(name);
    out.write_var(QUERY_AWARENESS as u32);
    out
}

/// Decodes one frame from a Hocuspocus server, within the limits.
pub fn decode(bytes: &[u8]) -> Result<Frame, SyncError> {
    if bytes.len() > MAX_FRAME_BYTES {
        return Err(SyncError::FrameTooLarge {
            size: bytes.len(),
            limit: MAX_FRAME_BYTES,
        });
    }
    if bytes == PING {
        return Ok(Frame::Ping);
    }
    if bytes == PONG {
        return Ok(Frame::Pong);
    }
    let mut cur = Cursor::new(bytes);
    let len: u32 = cur.read_var().map_err(SyncError::malformed)?;
    // `<event>/<doc>`: two ids and the slash.
    if len as usize > 2 * MAX_DOC_ID_BYTES + 1 {
        return Err(SyncError::malformed(format!(
            "document name of {len} bytes"
        )));
    }
    let raw = cur.read_exact(len as usize).map_err(SyncError::malformed)?;
    let name = std::str::from_utf8(raw)
        .map_err(|_| SyncError::malformed("document name is not UTF-8"))?
        .to_string();
    split_name(&name)?;
    let rest = &bytes[cur.next..];
    let tag: u32 = cur.read_var().map_err(SyncError::malformed)?;
    let body = match u8::try_from(tag).unwrap_or(u8::MAX) {
        SYNC | AWARENESS | QUERY_AWARENESS => Body::Yjs(decode_message(rest)?),
        SYNC_REPLY => {
            // The same as sync, under another type: decode it as sync.
            let mut as_sync = rest.to_vec();
            as_sync[0] = SYNC;
            Body::Yjs(decode_message(&as_sync)?)
        }
        AUTH => match cur.read_var::<u32>().map_err(SyncError::malformed)? {
            AUTH_TOKEN => Body::TokenRequest,
            AUTH_DENIED => Body::PermissionDenied(text(&mut cur)?),
            AUTH_GRANTED => Body::Authenticated {
                read_only: text(&mut cur)? == "readonly",
            },
            other => return Err(SyncError::malformed(format!("auth message type {other}"))),
        },
        STATELESS | BROADCAST_STATELESS => {
            text(&mut cur)?;
            Body::Stateless
        }
        CLOSE => Body::Close(text(&mut cur)?),
        SYNC_STATUS => Body::SyncStatus(cur.read_var::<u32>().map_err(SyncError::malformed)? == 1),
        _ => return Err(SyncError::malformed(format!("message type {tag}"))),
    };
    if !matches!(body, Body::Yjs(_)) && cur.has_content() {
        return Err(SyncError::malformed("trailing bytes after the message"));
    }
    Ok(Frame::Doc { name, body })
}

/// A `varString`, cut to [`MAX_TEXT`] characters for messages.
fn text(cur: &mut Cursor) -> Result<String, SyncError> {
    let s = cur.read_string().map_err(SyncError::malformed)?;
    Ok(s.chars().take(MAX_TEXT).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use yrs::sync::SyncMessage;
    use yrs::{ReadTxn, Text, Transact};

    const NAME: &str = "e0e0/d1d1";

    fn doc(body: Body) -> Frame {
        Frame::Doc {
            name: NAME.into(),
            body,
        }
    }

    /// Bytes as `@hocuspocus/server`'s OutgoingMessage writes them.
    fn server(tag: u8, tail: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        out.write_string(NAME);
        out.push(tag);
        out.extend_from_slice(tail);
        out
    }

    #[test]
    fn server_messages_decode_as_the_server_writes_them() {
        let granted = server(
            AUTH,
            &[
                2, 10, b'r', b'e', b'a', b'd', b'-', b'w', b'r', b'i', b't', b'e',
            ],
        );
        assert_eq!(
            decode(&granted).unwrap(),
            doc(Body::Authenticated { read_only: false })
        );
        let ro = server(
            AUTH,
            &[2, 8, b'r', b'e', b'a', b'd', b'o', b'n', b'l', b'y'],
        );
        assert_eq!(
            decode(&ro).unwrap(),
            doc(Body::Authenticated { read_only: true })
        );
        let denied = server(
            AUTH,
            &[
                1, 17, b'p', b'e', b'r', b'm', b'i', b's', b's', b'i', b'o', b'n', b'-', b'd',
                b'e', b'n', b'i', b'e', b'd',
            ],
        );
        assert_eq!(
            decode(&denied).unwrap(),
            doc(Body::PermissionDenied("permission-denied".into()))
        );
        assert_eq!(
            decode(&server(AUTH, &[0])).unwrap(),
            doc(Body::TokenRequest)
        );
        assert_eq!(
            decode(&server(SYNC_STATUS, &[1])).unwrap(),
            doc(Body::SyncStatus(true))
        );
        assert_eq!(
            decode(&server(SYNC_STATUS, &[0])).unwrap(),
            doc(Body::SyncStatus(false))
        );
        assert_eq!(
            decode(&server(CLOSE, &[2, b'b', b'y'])).unwrap(),
            doc(Body::Close("by".into()))
        );
        assert_eq!(
            decode(&server(STATELESS, &[1, b'x'])).unwrap(),
            doc(Body::Stateless)
        );
        // Sync step 2 with an empty update, as sync and as sync reply.
        let step2 = Body::Yjs(Message::Sync(SyncMessage::SyncStep2(vec![0, 0])));
        assert_eq!(
            decode(&server(SYNC, &[1, 2, 0, 0])).unwrap(),
            doc(step2.clone())
        );
        assert_eq!(
            decode(&server(SYNC_REPLY, &[1, 2, 0, 0])).unwrap(),
            doc(step2)
        );
        assert_eq!(decode(&[9]).unwrap(), Frame::Ping);
        assert_eq!(decode(&[10]).unwrap(), Frame::Pong);
    }

    #[test]
    fn what_the_app_sends_is_what_the_provider_sends() {
        let msg = Message::Sync(SyncMessage::Update(vec![0, 0]));
        let bytes = encode_yjs(NAME, &msg);
        assert_eq!(bytes, server(SYNC, &[2, 2, 0, 0]));
        assert_eq!(decode(&bytes).unwrap(), doc(Body::Yjs(msg)));
        assert_eq!(
            encode_auth(NAME, "tok"),
            server(AUTH, &[0, 3, b't', b'o', b'k'])
        );
        assert_eq!(encode_keepalive(NAME), server(QUERY_AWARENESS, &[]));
        assert_eq!(doc_name("e0e0", "d1d1"), NAME);
    }

    #[test]
    fn hostile_frames_are_typed_errors() {
        assert!(matches!(
            decode(&vec![0u8; MAX_FRAME_BYTES + 1]),
            Err(SyncError::FrameTooLarge { .. })
        ));
        // A name that is not `<event>/<doc>`, one that is too long, one cut short.
        let mut no_slash = Vec::new();
        no_slash.write_string("e0e0d1d1");
        no_slash.push(SYNC_STATUS);
        no_slash.push(1);
        assert!(matches!(decode(&no_slash), Err(SyncError::BadDocId(_))));
        let mut long = Vec::new();
        long.write_string(&"a".repeat(200));
        assert!(decode(&long).is_err());
        assert!(decode(&[40, b'e']).is_err());
        assert!(decode(&[]).is_err());
        // Unknown types, unknown auth sub-types, trailing bytes, a truncated reason.
        assert!(decode(&server(42, &[])).is_err());
        assert!(decode(&server(AUTH, &[7])).is_err());
        assert!(decode(&server(SYNC_STATUS, &[1, 0])).is_err());
        assert!(decode(&server(AUTH, &[1, 50, b'x'])).is_err());
        assert!(decode(&server(SYNC, &[0, 5, 0xff])).is_err());
        // A huge declared length of a reason does not reserve memory.
        assert!(decode(&server(CLOSE, &[0xff, 0xff, 0xff, 0xff, 0x0f])).is_err());
        // A type tag above 255.
        assert!(decode(&server(0x80, &[0x02])).is_err());
    }

    #[test]
    fn arbitrary_and_mutated_bytes_are_errors_or_frames_never_panics() {
        // A deterministic sweep (seeded xorshift): random frames, and every one-byte change and
        // cut of real frames the server sends.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = (next() % 96) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let _ = decode(&bytes);
        }
        let d = yrs::Doc::with_client_id(7);
        let t = d.get_or_insert_text("notes");
        t.push(&mut d.transact_mut(), "Hello");
        let update = d
            .transact()
            .encode_state_as_update_v1(&yrs::StateVector::default());
        let real = [
            encode_yjs(NAME, &Message::Sync(SyncMessage::SyncStep2(update))),
            server(AUTH, &[1, 3, b'n', b'o', b'!']),
            server(SYNC_STATUS, &[1]),
            encode_yjs(
                NAME,
                &Message::Awareness(yrs::sync::AwarenessUpdate {
                    clients: Default::default(),
                }),
            ),
        ];
        for frame in &real {
            assert!(decode(frame).is_ok());
            for i in 0..frame.len() {
                for b in [0u8, 1, 0x7f, 0x80, 0xff, frame[i].wrapping_add(1)] {
                    let mut m = frame.clone();
                    m[i] = b;
                    let _ = decode(&m);
                }
                let _ = decode(&frame[..i]);
            }
        }
    }

    #[test]
    fn names_split_into_event_and_document() {
        assert_eq!(split_name("ab/cd").unwrap(), ("ab", "cd"));
        for bad in ["abcd", "ab/", "/cd", "AB/cd", "ab/cd/ef", "ab/c d"] {
            assert!(split_name(bad).is_err(), "{bad}");
        }
    }
}
