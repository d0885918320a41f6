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
//! - [`Peer::on_frames`] (or [`Peer::on_frame`] for one): step 1 is answered with step 2
//!   (`Store::diff`); step 2 and updates are applied through
//!   `Store::apply_batch(.., Origin::Peer(peer_id))` — the one write path — one batch per run
//!   of frames that a transport read together, so a catch-up of hundreds of frames costs one
//!   transaction and one derived-row refresh per document, not one per frame. A frame
//!   that does not decode, is too large, names a document of another event or exceeds the
//!   peer's rate limit is an `Err` and writes nothing. A session document we do not have yet is
//!   accepted once the event's agenda lists it; when an event-document update makes the agenda
//!   list new sessions, we announce them (step 1) so the peer sends their content.
//! - [`Peer::on_local_update`]: forwards an update made on this device.
//!
//! - Awareness (who is here, cursors): an awareness message for a document of the event (the
//!   event id itself included, for presence) is validated and kept, never written to the store,
//!   for the transport to take ([`Peer::take_awareness`]) and hand to the window and, on a hub,
//!   to the other peers; [`Peer::on_local_awareness`] frames this device's own.
//!
//! Frames must be delivered in order per connection for the best efficiency, but correctness
//! does not depend on it: updates commute, duplicates are no-ops, and a reconnect's step 1
//! exchange fills any gap.

use super::limit::{Bucket, RateLimit};
use super::protocol::encode_awareness_frame;
use super::protocol::{decode_frame, decode_state_vector, encode_frame, step1, Frame};
use super::transport::watch::Connected;
use super::SyncError;
use crate::host::Origin;
use crate::store::{DocRef, Store, StoreError, MAX_UPDATE_BYTES};
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
    /// Per document, what `on_connect` assumed the peer had (the remembered state vector) and
    /// our state vector when it pushed the rest. If the peer's step 1 shows it still has that
    /// much, it will have at least ours once the push arrives (frames on one connection are not
    /// lost without the connection dropping), so the step 2 answer leaves it out; if it shows
    /// less (a relay restarted without its data), the answer carries everything it lacks.
    pushed: HashMap<String, (StateVector, StateVector)>,
    /// Awareness updates received for documents of the event (see [`Peer::take_awareness`]).
    awareness: Vec<(String, Vec<u8>)>,
    /// Non-fatal refusals of the last runs (see [`Peer::take_skipped`]).
    skipped: Vec<SyncError>,
    /// The largest update put in one frame; larger diffs go in parts.
    part_cap: usize,
    /// This process's count of connections to the peer, while a transport drives it.
    connection: Option<Connected>,
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
            awareness: Vec::new(),
            skipped: Vec::new(),
            part_cap: MAX_UPDATE_BYTES,
            connection: None,
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

    /// Marks the peer as connected to this process (see [`crate::sync::transport::watch`]) until it
    /// is dropped; a transport calls this on every (re)connection.
    pub(crate) fn hold_connection(&mut self, c: Connected) {
        self.connection = Some(c);
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
                let parts = store.diff_in_parts(&doc, &sv.encode_v1(), self.part_cap)?;
                if !parts.iter().all(|p| is_empty_update(p)) {
                    let ours = decode_state_vector(&store.state_vector(&doc)?)?;
                    self.pushed.insert(doc.clone(), (sv, ours));
                    for part in parts {
                        out.push(encode_frame(
                            &doc,
                            &Message::Sync(SyncMessage::Update(part)),
                        ));
                    }
                }
            }
        }
        Ok(out)
    }

    /// Handles one frame from the peer, using the system clock for the rate limit.
    pub fn on_frame(&mut self, store: &mut Store, frame: &Frame) -> Result<Vec<Frame>, SyncError> {
        self.on_frame_at(store, frame, Instant::now())
    }

    /// Handles one frame from the peer at time `now`; returns the frames to send back. A frame
    /// for a document this device cannot take yet is `Err(UnknownDoc)` (not fatal).
    pub fn on_frame_at(
        &mut self,
        store: &mut Store,
        frame: &Frame,
        now: Instant,
    ) -> Result<Vec<Frame>, SyncError> {
        let earlier = self.skipped.len();
        let out = self.on_frames_at(store, std::slice::from_ref(frame), now)?;
        if self.skipped.len() > earlier && out.is_empty() {
            if let Some(e) = self.skipped.pop() {
                return Err(e);
            }
        }
        Ok(out)
    }

    /// Handles every frame that has arrived from the peer, using the system clock.
    pub fn on_frames(
        &mut self,
        store: &mut Store,
        frames: &[Frame],
    ) -> Result<Vec<Frame>, SyncError> {
        self.on_frames_at(store, frames, Instant::now())
    }

    /// Handles a run of frames from the peer, in order, at time `now`: what a transport has
    /// read from its socket so far. Every frame is rate-limited and decoded first, so one bad
    /// frame writes nothing of the run. Consecutive updates (step 2 or update) are applied in
    /// one `Store::apply_batch` — one transaction and one refresh of each document's derived
    /// rows for the run, not one per frame. Step 1 is answered with what the peer lacks: the
    /// updates of the run came from the peer, so the answer need not include them. A run is
    /// cut where a frame names a document that only an earlier update of the run (the event's
    /// agenda) makes known. Frames for documents this device cannot take yet are left out and
    /// reported by [`Peer::take_skipped`].
    pub fn on_frames_at(
        &mut self,
        store: &mut Store,
        frames: &[Frame],
        now: Instant,
    ) -> Result<Vec<Frame>, SyncError> {
        let mut envs = Vec::with_capacity(frames.len());
        for frame in frames {
            self.bucket
                .take(frame.len(), now)
                .map_err(|what| SyncError::RateLimited {
                    peer: self.peer_id.clone(),
                    what,
                })?;
            envs.push(decode_frame(frame.as_bytes())?);
        }
        let mut out = Vec::new();
        let mut run: Vec<(DocRef, Vec<u8>)> = Vec::new();
        for env in envs {
            let doc = env.doc_id;
            match env.message {
                Message::Sync(SyncMessage::SyncStep1(sv)) => {
                    self.answer(store, &doc, sv, &mut out)?
                }
                Message::Sync(SyncMessage::SyncStep2(update))
                | Message::Sync(SyncMessage::Update(update)) => {
                    if !store.doc_belongs_to(&self.event_id, &doc)? {
                        // Perhaps the run's event-document updates list it: apply them first.
                        self.apply_run(store, &mut run, &mut out)?;
                        if !store.doc_belongs_to(&self.event_id, &doc)? {
                            self.skipped.push(SyncError::UnknownDoc {
                                doc,
                                event: self.event_id.clone(),
                            });
                            continue;
                        }
                    }
                    if !is_empty_update(&update) {
                        let doc_ref = DocRef {
                            event_id: self.event_id.clone(),
                            doc_id: doc,
                        };
                        run.push((doc_ref, update));
                    }
                }
                Message::Awareness(update) => {
                    // Presence in a document this event does not list (yet) is of no use
                    // here; the run's event-document updates may list it, so apply them first.
                    if !store.doc_belongs_to(&self.event_id, &doc)? {
                        self.apply_run(store, &mut run, &mut out)?;
                    }
                    if store.doc_belongs_to(&self.event_id, &doc)? {
                        self.awareness.push((doc, update.encode_v1()));
                    }
                }
                Message::Auth(Some(reason)) => return Err(SyncError::PermissionDenied(reason)),
                Message::Auth(None) | Message::AwarenessQuery | Message::Custom(..) => {}
            }
        }
        self.apply_run(store, &mut run, &mut out)?;
        Ok(out)
    }

    /// Takes the frames of the last runs that were left out because their document is not
    /// part of the event here (yet); not fatal: they are announced again once the agenda
    /// lists them.
    pub fn take_skipped(&mut self) -> Vec<SyncError> {
        std::mem::take(&mut self.skipped)
    }

    /// Answers a step 1 with what the peer lacks and announces the document in turn.
    fn answer(
        &mut self,
        store: &mut Store,
        doc: &str,
        sv: StateVector,
        out: &mut Vec<Frame>,
    ) -> Result<(), SyncError> {
        if !store.doc_belongs_to(&self.event_id, doc)? {
            // Nothing to answer yet: once the event's agenda lists this session, we
            // announce it ourselves and the peer sends its content.
            return Ok(());
        }
        let mut known = sv.clone();
        if let Some((base, ours)) = self.pushed.get(doc) {
            if covers(&sv, base) {
                known.merge(ours.clone());
            }
        }
        // Over the frame cap it goes in parts, as updates, the last one as the step 2 (a
        // y-websocket client counts itself synced on the step 2).
        let mut parts = store.diff_in_parts(doc, &known.encode_v1(), self.part_cap)?;
        let last = parts.pop().unwrap_or_else(|| vec![0, 0]);
        for part in parts {
            out.push(encode_frame(doc, &Message::Sync(SyncMessage::Update(part))));
        }
        out.push(encode_frame(
            doc,
            &Message::Sync(SyncMessage::SyncStep2(last)),
        ));
        store.remember_peer_state(&self.peer_id, doc, &sv)?;
        if !self.announced.contains(doc) {
            out.push(self.announce(store, doc)?);
        }
        Ok(())
    }

    /// Applies the updates gathered so far in one batch, then announces sessions that the
    /// event's agenda has just listed.
    fn apply_run(
        &mut self,
        store: &mut Store,
        run: &mut Vec<(DocRef, Vec<u8>)>,
        out: &mut Vec<Frame>,
    ) -> Result<(), SyncError> {
        if run.is_empty() {
            return Ok(());
        }
        let updates = std::mem::take(run);
        let applied = store
            .apply_batch(&updates, &self.origin)
            .map_err(|e| match e {
                StoreError::MalformedUpdate { doc, reason } => {
                    SyncError::malformed(format!("update for {doc}: {reason}"))
                }
                other => SyncError::Store(other),
            })?;
        let event_touched = updates.iter().any(|(d, _)| d.doc_id == self.event_id);
        if self.relaying {
            for (a, u) in applied.iter().zip(updates) {
                if a.logged {
                    self.applied.push(u);
                }
            }
        }
        if event_touched {
            for s in store.listed_sessions(&self.event_id)? {
                if !self.announced.contains(&s) {
                    out.push(self.announce(store, &s)?);
                }
            }
        }
        Ok(())
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

    /// Frames that send this device's awareness update for `doc` (bytes as y-protocols'
    /// `encodeAwarenessUpdate` makes them, checked by `protocol::decode_awareness`); empty
    /// when the document is not of this peer's event.
    pub fn on_local_awareness(&self, doc: &DocRef, update: &[u8]) -> Vec<Frame> {
        if doc.event_id != self.event_id {
            return Vec::new();
        }
        vec![encode_awareness_frame(&doc.doc_id, update)]
    }

    /// Takes the awareness updates this peer sent since the last call, per document of the
    /// event (the event's own id included), oldest first. They are never stored.
    pub fn take_awareness(&mut self) -> Vec<(String, Vec<u8>)> {
        std::mem::take(&mut self.awareness)
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
}

/// Whether a peer with state vector `sv` has everything `base` names.
fn covers(sv: &StateVector, base: &StateVector) -> bool {
    base.iter().all(|(client, clock)| sv.get(client) >= *clock)
}

/// yrs encodes "nothing" as an update with no structs and an empty delete set.
fn is_empty_update(update: &[u8]) -> bool {
    update == [0, 0]
}
