//! One connected peer, as a transport-independent state machine: frames in, frames out.
//!
//! In the spirit of yrs's `sync` protocol and automerge's `sync.rs`: nothing here knows about
//! sockets or time-outs, so the LAN host/join transport (tokio + WebSocket), a relay adapter and
//! the in-memory network of the tests drive the same code.
//!
//! - [`Peer::on_connect`]: one sync step 1 per document of the event (the event's own document,
//!   every document registered under it and every session its agenda lists), carrying our state
//!   vector; plus, where the store remembers what this peer had (`peer_state`), an update with
//!   what it is missing since, so a reconnect need not wait for the round trip.
//! - [`Peer::on_frame`]: step 1 is answered with step 2 (`Store::diff`); step 2 and updates are
//!   applied through `Store::apply(.., Origin::Peer(peer_id))` — the one write path. A frame
//!   that does not decode, is too large, names a document of another event or exceeds the
//!   peer's rate limit is an `Err` and writes nothing. A session document we do not have yet is
//!   accepted once the event's agenda lists it; when an event-document update makes the agenda
//!   list new sessions, we announce them (step 1) so the peer sends their content.
//! - [`Peer::on_local_update`]: forwards an update made on this device.
//!
//! Awareness (cursors, names) is validated and otherwise left to the UI layer for now.
//! Frames must be delivered in order per connection for the best efficiency, but correctness
//! does not depend on it: updates commute, duplicates are no-ops, and a reconnect's step 1
//! exchange fills any gap.

use super::limit::{Bucket, RateLimit};
use super::protocol::{decode_frame, decode_state_vector, encode_frame, step1, Frame};
use super::SyncError;
use crate::host::Origin;
use crate::store::{DocRef, Store, StoreError};
use std::collections::{BTreeSet, HashMap};
use std::time::Instant;
use yrs::sync::{Message, SyncMessage};
use yrs::updates::encoder::Encode;
use yrs::StateVector;

/// The sync state for one peer on one event.
#[derive(Debug)]
pub struct Peer {
    peer_id: String,
    event_id: String,
    origin: Origin,
    bucket: Bucket,
    /// Documents we sent step 1 for on this connection.
    announced: BTreeSet<String>,
    /// Updates from this peer that were new here, for a hub to forward (see
    /// [`Peer::take_applied`]).
    applied: Vec<(DocRef, Vec<u8>)>,
    relaying: bool,
    /// Per document, our state vector when `on_connect` pushed what the peer was missing: the
    /// peer will have at least that once the push arrives (frames on one connection are not
    /// lost without the connection dropping), so the step 2 answer leaves it out.
    pushed: HashMap<String, StateVector>,
}

impl Peer {
    /// `peer_id` names the remote (its device id once authenticated); it is recorded as the
    /// origin of what it sends and keys what we remember about it.
    pub fn new(peer_id: &str, event_id: &str) -> Self {
        Peer {
            peer_id: peer_id.into(),
            event_id: event_id.into(),
            origin: Origin::Peer(peer_id.into()),
            bucket: Bucket::new(RateLimit::default()),
            announced: BTreeSet::new(),
            applied: Vec::new(),
            relaying: false,
            pushed: HashMap::new(),
        }
    }

    pub fn with_limit(mut self, limit: RateLimit) -> Self {
        self.bucket = Bucket::new(limit);
        self
    }

    /// Keeps the updates this peer sends that are new here, for [`Peer::take_applied`].
    pub fn relaying(mut self) -> Self {
        self.relaying = true;
        self
    }

    pub fn peer_id(&self) -> &str {
        &self.peer_id
    }

    pub fn event_id(&self) -> &str {
        &self.event_id
    }

    /// The opening frames of a (re)connection.
    pub fn on_connect(&mut self, store: &mut Store) -> Result<Vec<Frame>, SyncError> {
        self.announced.clear();
        self.pushed.clear();
        let mut docs = vec![self.event_id.clone()];
        for d in store.docs_of_event(&self.event_id)? {
            if !docs.contains(&d.doc_id) {
                docs.push(d.doc_id);
            }
        }
        for s in store.listed_sessions(&self.event_id)? {
            if !docs.contains(&s) {
                docs.push(s);
            }
        }
        let mut out = Vec::new();
        for doc in docs {
            out.push(self.announce(store, &doc)?);
            if let Some(sv) = store.peer_state(&self.peer_id, &doc)? {
                let missing = store.diff(&doc, &sv.encode_v1())?;
                if !is_empty_update(&missing) {
                    out.push(encode_frame(
                        &doc,
                        &Message::Sync(SyncMessage::Update(missing)),
                    ));
                }
            }
        }
        Ok(out)
    }

    /// Handles one frame from the peer, using the system clock for the rate limit.
    pub fn on_frame(&mut self, store: &mut Store, frame: &Frame) -> Result<Vec<Frame>, SyncError> {
        self.on_frame_at(store, frame, Instant::now())
    }

    /// Handles one frame from the peer at time `now`; returns the frames to send back.
    pub fn on_frame_at(
        &mut self,
        store: &mut Store,
        frame: &Frame,
        now: Instant,
    ) -> Result<Vec<Frame>, SyncError> {
        self.bucket
            .take(frame.len(), now)
            .map_err(|what| SyncError::RateLimited {
                peer: self.peer_id.clone(),
                what,
            })?;
        let env = decode_frame(frame.as_bytes())?;
        let doc = env.doc_id;
        let mut out = Vec::new();
        match env.message {
            Message::Sync(SyncMessage::SyncStep1(sv)) => {
                if !store.doc_belongs_to(&self.event_id, &doc)? {
                    // Nothing to answer yet: once the event's agenda lists this session, we
                    // announce it ourselves and the peer sends its content.
                    return Ok(out);
                }
                let mut known = sv.clone();
                if let Some(p) = self.pushed.get(&doc) {
                    known.merge(p.clone());
                }
                let missing = store.diff(&doc, &known.encode_v1())?;
                out.push(encode_frame(
                    &doc,
                    &Message::Sync(SyncMessage::SyncStep2(missing)),
                ));
                store.remember_peer_state(&self.peer_id, &doc, &sv)?;
                if !self.announced.contains(&doc) {
                    out.push(self.announce(store, &doc)?);
                }
            }
            Message::Sync(SyncMessage::SyncStep2(update))
            | Message::Sync(SyncMessage::Update(update)) => {
                self.accept(store, &doc)?;
                if !is_empty_update(&update) {
                    let doc_ref = DocRef {
                        event_id: self.event_id.clone(),
                        doc_id: doc.clone(),
                    };
                    let applied =
                        store
                            .apply(&doc_ref, &update, &self.origin)
                            .map_err(|e| match e {
                                StoreError::MalformedUpdate { reason, .. } => {
                                    SyncError::malformed(format!("update for {doc}: {reason}"))
                                }
                                other => SyncError::Store(other),
                            })?;
                    if applied.logged && self.relaying {
                        self.applied.push((doc_ref, update));
                    }
                }
                if doc == self.event_id {
                    for s in store.listed_sessions(&self.event_id)? {
                        if !self.announced.contains(&s) {
                            out.push(self.announce(store, &s)?);
                        }
                    }
                }
            }
            Message::Auth(Some(reason)) => return Err(SyncError::PermissionDenied(reason)),
            Message::Auth(None)
            | Message::Awareness(_)
            | Message::AwarenessQuery
            | Message::Custom(..) => {}
        }
        Ok(out)
    }

    /// Frames that forward an update made on this device (empty when it is not ours to send).
    pub fn on_local_update(&mut self, doc: &DocRef, update: &[u8]) -> Vec<Frame> {
        if doc.event_id != self.event_id || is_empty_update(update) {
            return Vec::new();
        }
        self.announced.insert(doc.doc_id.clone());
        vec![encode_frame(
            &doc.doc_id,
            &Message::Sync(SyncMessage::Update(update.to_vec())),
        )]
    }

    /// Takes the updates this peer sent that were new here. A device that hosts the room
    /// forwards them to its other peers (their [`Peer::on_local_update`]), as a y-websocket
    /// server does; in a full mesh nobody needs to.
    pub fn take_applied(&mut self) -> Vec<(DocRef, Vec<u8>)> {
        std::mem::take(&mut self.applied)
    }

    fn announce(&mut self, store: &mut Store, doc: &str) -> Result<Frame, SyncError> {
        let sv = decode_state_vector(&store.state_vector(doc)?)?;
        self.announced.insert(doc.to_string());
        Ok(encode_frame(doc, &step1(sv)))
    }

    fn accept(&self, store: &Store, doc: &str) -> Result<(), SyncError> {
        if store.doc_belongs_to(&self.event_id, doc)? {
            Ok(())
        } else {
            Err(SyncError::UnknownDoc {
                doc: doc.into(),
                event: self.event_id.clone(),
            })
        }
    }
}

/// yrs encodes "nothing" as an update with no structs and an empty delete set.
fn is_empty_update(update: &[u8]) -> bool {
    update == [0, 0]
}
