//! One connection to a relay (see [`super::relay`]), whatever its protocol: the [`Wire`] is
//! y-websocket's socket per document (`ywebsocket`) or Hocuspocus's one socket
//! (`hocuspocus_wire`); every document of the event is driven by one [`Peer`]. What the
//! sockets deliver is handed to the peer in runs (everything that has arrived, one store
//! transaction); what the peer answers goes to its document through the wire, which opens it
//! on first use. Ends with an error when a socket fails or the relay closes one, so the caller
//! can reconnect. Awareness travels with the documents too (the relay forwards it to the
//! others): this device's from the bus, others' to `report`.

use super::bus::{Bus, ConnPresence, Item, Relayed};
use super::hocuspocus_wire::HpWire;
use super::relay_target::{RelayProtocol, RelayReport, RelayTarget, ONCE_TIMEOUT};
use super::status::{NetEvent, Reporter};
use super::ws::Incoming;
use super::ywebsocket::YWire;
use super::{open_peer, receive_run, NetError, Received, SharedStore, KEEPALIVE};
use crate::sync::protocol::{decode_frame, encode_frame};
use crate::sync::{Frame, Peer, SyncError};
use std::time::Duration;
use tokio::sync::{broadcast, mpsc};
use yrs::sync::Message;

/// The most messages handed to the peer as one run.
const RUN_MESSAGES: usize = 512;

/// How the session talks to the relay.
enum Wire<'a> {
    Y(YWire<'a>),
    Hp(HpWire<'a>),
}

impl Wire<'_> {
    async fn send(&mut self, doc: &str, msg: &Message) -> Result<(), NetError> {
        match self {
            Wire::Y(w) => w.send(doc, msg).await,
            Wire::Hp(w) => w.send(doc, msg).await,
        }
    }

    /// The y-protocols messages of a frame from socket `label`, with their documents.
    async fn take(
        &mut self,
        label: &str,
        bytes: &[u8],
    ) -> Result<Vec<(String, Message)>, NetError> {
        match self {
            Wire::Y(w) => w.take(label, bytes),
            Wire::Hp(w) => w.take(bytes).await,
        }
    }

    fn done(&self) -> bool {
        match self {
            Wire::Y(w) => w.done(),
            Wire::Hp(w) => w.done(),
        }
    }

    async fn keepalive(&mut self) -> Result<(), NetError> {
        match self {
            Wire::Y(_) => Ok(()),
            Wire::Hp(w) => w.keepalive().await,
        }
    }

    fn docs(&self) -> usize {
        match self {
            Wire::Y(w) => w.docs(),
            Wire::Hp(w) => w.docs(),
        }
    }

    async fn close(&mut self) {
        match self {
            Wire::Y(w) => w.close().await,
            Wire::Hp(w) => w.close().await,
        }
    }

    /// Sends what the peer produced, each message to its document; counts them in `report`.
    async fn route(
        &mut self,
        frames: Vec<Frame>,
        report: &mut RelayReport,
        addr: &str,
    ) -> Result<(), NetError> {
        for f in frames {
            let env = decode_frame(f.as_bytes()).map_err(|source| NetError::Sync {
                addr: addr.to_string(),
                source,
            })?;
            self.send(&env.doc_id, &env.message).await?;
            report.sent += 1;
        }
        Ok(())
    }
}

/// A sync error of the peer, as a network error: a y-protocols refusal (auth message) is final.
fn peer_error(addr: &str, source: SyncError) -> NetError {
    match source {
        SyncError::PermissionDenied(reason) => NetError::Refused {
            addr: addr.to_string(),
            reason,
        },
        source => NetError::Sync {
            addr: addr.to_string(),
            source,
        },
    }
}

/// The relay session's number on its bus (0 is this device's own).
const ME: u64 = 1;

/// One connection: until it fails, or — with `once` — until every document is up to date and
/// acknowledged. `worked` is set once the relay has answered (so the caller's back-off can
/// start again from the shortest wait). `number` numbers the connection in what `events`
/// hears: the relay as a peer (connected once its documents are open, each exchange, closed
/// with the error that ended it) and others' awareness.
#[allow(clippy::too_many_arguments)]
pub(super) async fn session(
    store: &SharedStore,
    target: &RelayTarget,
    event_id: &str,
    once: bool,
    bus: &Bus,
    report: &mut RelayReport,
    worked: &mut bool,
    (events, number): (&Reporter, u64),
) -> Result<(), NetError> {
    let (tx, mut incoming) = mpsc::channel::<Incoming>(256);
    let addr = target.shown();
    let mut wire = match target.protocol() {
        RelayProtocol::YWebsocket => Wire::Y(YWire::new(target, event_id, tx, once)),
        RelayProtocol::Hocuspocus => Wire::Hp(HpWire::connect(target, event_id, &tx, once).await?),
    };
    let mut from_bus = bus.subscribe();
    let peer_id = format!("relay:{}", target.base);
    let mut peer = Peer::new(&peer_id, event_id).relaying();
    let presence = ConnPresence {
        bus: bus.clone(),
        me: ME,
        report: events.clone(),
        conn: number,
        event: event_id.to_string(),
    };
    let (p, opening) = open_peer(store, peer).await?;
    peer = p;
    let connected = std::sync::atomic::AtomicBool::new(false);
    let synced = || events.send(NetEvent::Synced { conn: number });
    let result = async {
        let opening = opening.map_err(|e| peer_error(&addr, e))?;
        wire.route(opening, report, &addr).await?;
        events.send(NetEvent::Connected {
            conn: number,
            addr: addr.clone(),
            device: peer_id.clone(),
            event: event_id.to_string(),
        });
        connected.store(true, std::sync::atomic::Ordering::Relaxed);
        if !once {
            wire.route(presence.opening(&peer), report, &addr).await?;
        }
        let deadline = tokio::time::sleep(if once {
            ONCE_TIMEOUT
        } else {
            Duration::from_secs(365 * 24 * 3600)
        });
        tokio::pin!(deadline);
        let mut keepalive =
            tokio::time::interval_at(tokio::time::Instant::now() + KEEPALIVE, KEEPALIVE);
        while !(once && wire.done()) {
            tokio::select! {
                next = incoming.recv() => {
                    let Some(first) = next else { return Ok(()) };
                    let mut run = Vec::new();
                    let mut item = Some(first);
                    while let Some((label, frame)) = item.take() {
                        let bytes = frame?.ok_or_else(|| NetError::WebSocket {
                            addr: addr.clone(),
                            reason: "the relay closed the connection".into(),
                        })?;
                        for (doc, msg) in wire.take(&label, &bytes).await? {
                            run.push(encode_frame(&doc, &msg));
                        }
                        if run.len() < RUN_MESSAGES {
                            item = incoming.try_recv().ok();
                        }
                    }
                    *worked = true;
                    if run.is_empty() {
                        continue;
                    }
                    synced();
                    let (p, Received { out, applied, skipped, awareness }) =
                        receive_run(store, peer, run).await?;
                    peer = p;
                    report.received += applied.len();
                    for e in skipped {
                        eprintln!("rapporteur: {addr}: {e}");
                    }
                    wire.route(out.map_err(|e| peer_error(&addr, e))?, report, &addr).await?;
                    presence.received(awareness).map_err(|e| peer_error(&addr, e))?;
                }
                relayed = from_bus.recv(), if !once => match relayed {
                    // What this session received itself (the relay already passed it on).
                    Ok(Relayed { from: ME, .. }) => {}
                    Ok(Relayed { doc, item, .. }) => {
                        let frames = match item {
                            Item::Update(u) => {
                                synced();
                                peer.on_local_update(&doc, &u)
                            }
                            Item::Awareness(a) => peer.on_local_awareness(&doc, &a),
                        };
                        wire.route(frames, report, &addr).await?;
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        let (p, opening) = open_peer(store, peer).await?;
                        peer = p;
                        wire.route(opening.map_err(|e| peer_error(&addr, e))?, report, &addr).await?;
                    }
                    Err(broadcast::error::RecvError::Closed) => return Ok(()),
                },
                _ = keepalive.tick() => wire.keepalive().await?,
                _ = &mut deadline => return Err(NetError::Timeout {
                    addr: addr.clone(),
                    what: "syncing with the relay (--once)",
                    secs: ONCE_TIMEOUT.as_secs(),
                }),
            }
        }
        Ok(())
    }
    .await;
    report.docs = wire.docs();
    wire.close().await;
    if connected.load(std::sync::atomic::Ordering::Relaxed) {
        events.send(NetEvent::Closed {
            conn: number,
            addr,
            error: result.as_ref().err().map(ToString::to_string),
        });
    }
    result
}
