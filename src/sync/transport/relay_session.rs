//! One connection to a y-websocket relay (see [`super::relay`]): a WebSocket per document of
//! the event, all driven by one [`Peer`]. What the sockets deliver is handed to the peer in
//! runs (everything that has arrived, one store transaction); what the peer answers goes to
//! its document's socket, opened on first use. Ends with an error when a socket fails or the
//! relay closes one, so the caller can reconnect. Awareness travels in each document's room
//! too (the relay forwards it to the room): this device's from the bus, others' to `report`.

use super::bus::{Bus, ConnPresence, Item, Relayed};
use super::relay_target::{RelayReport, RelayTarget, ONCE_TIMEOUT};
use super::status::{NetEvent, Reporter};
use super::{open_peer, receive_run, tls, NetError, Received, SharedStore};
use crate::sync::protocol::{decode_frame, decode_message, encode_frame, encode_message};
use crate::sync::{Frame, Peer, MAX_FRAME_BYTES};
use futures_util::stream::SplitSink;
use futures_util::{SinkExt, StreamExt};
use std::collections::HashMap;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::sync::{broadcast, mpsc};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::{Connector, MaybeTlsStream, WebSocketStream};
use yrs::sync::{Message, SyncMessage};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The most messages handed to the peer as one run.
const RUN_MESSAGES: usize = 512;

/// What a socket's reader task hands over: its document and a message (`None` at the end).
type Incoming = (String, Result<Option<Vec<u8>>, NetError>);
type Sink = SplitSink<WebSocketStream<MaybeTlsStream<TcpStream>>, WsMessage>;

#[derive(Default)]
struct DocState {
    got_step2: bool,
    answered: bool,
}

struct Conn<'a> {
    target: &'a RelayTarget,
    event: &'a str,
    sinks: HashMap<String, Sink>,
    state: HashMap<String, DocState>,
    tx: mpsc::Sender<Incoming>,
    report: &'a mut RelayReport,
}

impl Conn<'_> {
    async fn open(&mut self, doc: &str) -> Result<(), NetError> {
        let url = self.target.room_url(self.event, doc);
        let shown = format!("{}/{}/{doc}", self.target.base, self.event);
        let ws_err = move |e: tokio_tungstenite::tungstenite::Error| NetError::WebSocket {
            addr: shown.clone(),
            reason: e.to_string(),
        };
        let config = WebSocketConfig::default()
            .max_message_size(Some(MAX_FRAME_BYTES))
            .max_frame_size(Some(MAX_FRAME_BYTES));
        // `wss://` uses the target's TLS configuration; `ws://` (no connector) stays plain.
        let connector = self.target.tls.clone().map(Connector::Rustls);
        let (ws, _) = tokio::time::timeout(
            CONNECT_TIMEOUT,
            tokio_tungstenite::connect_async_tls_with_config(
                url.as_str(),
                Some(config),
                true,
                connector,
            ),
        )
        .await
        .map_err(|_| NetError::Timeout {
            addr: format!("{}/{}/{doc}", self.target.base, self.event),
            what: "connecting",
            secs: CONNECT_TIMEOUT.as_secs(),
        })?
        .map_err(|e| tls::handshake_error(&self.target.host(), &e).unwrap_or_else(|| ws_err(e)))?;
        let (sink, mut stream) = ws.split();
        let tx = self.tx.clone();
        let name = doc.to_string();
        tokio::spawn(async move {
            loop {
                let item = match stream.next().await {
                    None | Some(Ok(WsMessage::Close(_))) => Ok(None),
                    Some(Ok(WsMessage::Binary(b))) => Ok(Some(b.to_vec())),
                    Some(Ok(_)) => continue,
                    Some(Err(e)) => Err(ws_err(e)),
                };
                let stop = !matches!(item, Ok(Some(_)));
                if tx.send((name.clone(), item)).await.is_err() || stop {
                    break;
                }
            }
        });
        self.sinks.insert(doc.to_string(), sink);
        self.state.entry(doc.to_string()).or_default();
        Ok(())
    }

    /// Sends what the peer produced, each to its document's socket.
    async fn route(&mut self, frames: Vec<Frame>) -> Result<(), NetError> {
        for f in frames {
            let env = decode_frame(f.as_bytes()).map_err(|source| NetError::Sync {
                addr: self.target.base.clone(),
                source,
            })?;
            if !self.sinks.contains_key(&env.doc_id) {
                self.open(&env.doc_id).await?;
            }
            let bytes = encode_message(&env.message);
            if let Some(sink) = self.sinks.get_mut(&env.doc_id) {
                sink.send(WsMessage::Binary(bytes.into()))
                    .await
                    .map_err(|e| NetError::WebSocket {
                        addr: format!("{}/{}/{}", self.target.base, self.event, env.doc_id),
                        reason: e.to_string(),
                    })?;
                self.report.sent += 1;
            }
        }
        Ok(())
    }

    fn quiescent(&self) -> bool {
        !self.state.is_empty() && self.state.values().all(|s| s.got_step2 && s.answered)
    }
}

/// The relay session's number on its bus (0 is this device's own).
const ME: u64 = 1;

/// One connection: until it fails, or — with `once` — until quiescent. `worked` is set once
/// the relay has answered (so the caller's back-off can start again from the shortest wait).
/// `number` numbers the connection in what `events` hears: the relay as a peer (connected
/// once its rooms are open, each exchange, closed with the error that ended it) and others'
/// awareness.
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
    let (tx, mut incoming) = mpsc::channel(256);
    let mut conn = Conn {
        target,
        event: event_id,
        sinks: HashMap::new(),
        state: HashMap::new(),
        tx,
        report,
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
    let addr = target.base.clone();
    let sync_err = |source| NetError::Sync {
        addr: addr.clone(),
        source,
    };
    let connected = std::sync::atomic::AtomicBool::new(false);
    let synced = || events.send(NetEvent::Synced { conn: number });
    let result = async {
        conn.route(opening.map_err(sync_err)?).await?;
        events.send(NetEvent::Connected {
            conn: number,
            addr: addr.clone(),
            device: peer_id.clone(),
            event: event_id.to_string(),
        });
        connected.store(true, std::sync::atomic::Ordering::Relaxed);
        if !once {
            conn.route(presence.opening(&peer)).await?;
        }
        let deadline = tokio::time::sleep(if once {
            ONCE_TIMEOUT
        } else {
            Duration::from_secs(365 * 24 * 3600)
        });
        tokio::pin!(deadline);
        while !(once && conn.quiescent()) {
            tokio::select! {
                next = incoming.recv() => {
                    let Some(first) = next else { return Ok(()) };
                    let mut run = Vec::new();
                    let mut kinds = Vec::new();
                    let mut item = Some(first);
                    while let Some((doc, msg)) = item.take() {
                        let bytes = msg?.ok_or_else(|| NetError::WebSocket {
                            addr: format!("{}/{event_id}/{doc}", target.base),
                            reason: "the relay closed the connection".into(),
                        })?;
                        let msg = decode_message(&bytes).map_err(sync_err)?;
                        kinds.push((doc.clone(), match &msg {
                            Message::Sync(SyncMessage::SyncStep1(_)) => 1,
                            Message::Sync(SyncMessage::SyncStep2(_)) => 2,
                            _ => 0,
                        }));
                        run.push(encode_frame(&doc, &msg));
                        if run.len() < RUN_MESSAGES {
                            item = incoming.try_recv().ok();
                        }
                    }
                    *worked = true;
                    synced();
                    let (p, Received { out, applied, skipped, awareness }) =
                        receive_run(store, peer, run).await?;
                    peer = p;
                    conn.report.received += applied.len();
                    for e in skipped {
                        eprintln!("rapporteur: {addr}: {e}");
                    }
                    conn.route(out.map_err(sync_err)?).await?;
                    presence.received(awareness).map_err(sync_err)?;
                    for (doc, kind) in kinds {
                        let st = conn.state.entry(doc).or_default();
                        match kind {
                            1 => st.answered = true,
                            2 => st.got_step2 = true,
                            _ => {}
                        }
                    }
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
                        conn.route(frames).await?;
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        let (p, opening) = open_peer(store, peer).await?;
                        peer = p;
                        conn.route(opening.map_err(sync_err)?).await?;
                    }
                    Err(broadcast::error::RecvError::Closed) => return Ok(()),
                },
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
    conn.report.docs = conn.state.len();
    for (_, mut sink) in conn.sinks.drain() {
        let _ = sink.close().await;
    }
    if connected.load(std::sync::atomic::Ordering::Relaxed) {
        events.send(NetEvent::Closed {
            conn: number,
            addr,
            error: result.as_ref().err().map(ToString::to_string),
        });
    }
    result
}
