//! Past the room: sync with any relay that speaks the plain y-websocket protocol (the reference
//! `y-websocket` server, y-redis, y-sweet). One WebSocket per document, room
//! `<event-id>/<doc-id>` appended to the relay URL's path, the token as `?token=`. Frames are
//! bare y-protocols messages ([`encode_message`] / [`decode_message`]); this module wraps them
//! in the in-room envelope so the same [`Peer`] drives them, and routes what the peer answers
//! to the socket of its document (opening it on first use, e.g. for a session the event's
//! agenda has just listed).
//!
//! With `once`, it stops when quiescent: every open document has received the relay's step 2
//! (we have what it has) and has answered the relay's step 1 (it has what we have).

use super::watch::{self, Relayed};
use super::{open_peer, with_store, NetError, SharedStore};
use crate::sync::protocol::{decode_frame, decode_message, encode_frame, encode_message};
use crate::sync::{Frame, Peer, MAX_FRAME_BYTES};
use futures_util::stream::SplitSink;
use futures_util::{SinkExt, StreamExt};
use std::collections::HashMap;
use std::fmt;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::sync::{broadcast, mpsc};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use yrs::sync::{Message, SyncMessage};

/// How long `--once` may take before it gives up.
pub const ONCE_TIMEOUT: Duration = Duration::from_secs(60);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// What a socket's reader task hands over: its document and a message (`None` at the end).
type Incoming = (String, Result<Option<Vec<u8>>, NetError>);
type Sink = SplitSink<WebSocketStream<MaybeTlsStream<TcpStream>>, WsMessage>;

/// A relay URL and its token.
#[derive(Debug, Clone)]
pub struct RelayTarget {
    base: String,
    token: Option<String>,
}

impl RelayTarget {
    /// `ws://HOST:PORT[/PREFIX]`; `wss://` is refused in this version.
    pub fn parse(url: &str, token: Option<&str>) -> Result<Self, NetError> {
        let bad = |reason: &str| NetError::BadUrl {
            url: url.into(),
            reason: reason.into(),
        };
        if url.starts_with("wss://") {
            return Err(NetError::TlsUnsupported { url: url.into() });
        }
        let rest = url
            .strip_prefix("ws://")
            .ok_or_else(|| bad("it must start with ws://"))?;
        if rest.is_empty() || rest.starts_with('/') {
            return Err(bad("no host"));
        }
        if rest.contains(['?', '#', ' ']) {
            return Err(bad(
                "no query, fragment or spaces (give the token with --token)",
            ));
        }
        Ok(RelayTarget {
            base: url.trim_end_matches('/').to_string(),
            token: token.filter(|t| !t.is_empty()).map(str::to_string),
        })
    }

    /// The URL of one document's room.
    pub fn room_url(&self, event_id: &str, doc_id: &str) -> String {
        let mut url = format!("{}/{event_id}/{doc_id}", self.base);
        if let Some(t) = &self.token {
            url.push_str("?token=");
            for b in t.bytes() {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    url.push(b as char);
                } else {
                    url.push_str(&format!("%{b:02X}"));
                }
            }
        }
        url
    }
}

/// What a relay sync did.
#[derive(Debug, Default)]
pub struct RelayReport {
    pub relay: String,
    pub docs: usize,
    pub received: usize,
    pub sent: usize,
}

impl fmt::Display for RelayReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "synced {} documents with {}: {} new updates received, {} messages sent",
            self.docs, self.relay, self.received, self.sent
        )
    }
}

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
    report: RelayReport,
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
        let (ws, _) = tokio::time::timeout(
            CONNECT_TIMEOUT,
            tokio_tungstenite::connect_async_with_config(url.as_str(), Some(config), true),
        )
        .await
        .map_err(|_| NetError::Timeout {
            addr: format!("{}/{}/{doc}", self.target.base, self.event),
            what: "connecting",
            secs: CONNECT_TIMEOUT.as_secs(),
        })?
        .map_err(ws_err.clone())?;
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

/// Syncs `event_id` with the relay; with `once`, until quiescent, else until dropped.
pub async fn sync(
    store: SharedStore,
    target: &RelayTarget,
    event_id: &str,
    once: bool,
) -> Result<RelayReport, NetError> {
    let (tx, mut incoming) = mpsc::channel(256);
    let mut conn = Conn {
        target,
        event: event_id,
        sinks: HashMap::new(),
        state: HashMap::new(),
        tx,
        report: RelayReport {
            relay: target.base.clone(),
            ..RelayReport::default()
        },
    };
    let bus = watch::bus();
    let mut from_bus = bus.subscribe();
    let start = watch::log_end(&store).await?;
    let watcher = (!once).then(|| {
        tokio::spawn(watch::watch(
            store.clone(),
            event_id.to_string(),
            start,
            bus.clone(),
        ))
    });
    let peer_id = format!("relay:{}", target.base);
    let mut peer = Peer::new(&peer_id, event_id).relaying();
    let (p, opening) = open_peer(&store, peer).await?;
    peer = p;
    let addr = target.base.clone();
    let sync_err = |source| NetError::Sync {
        addr: addr.clone(),
        source,
    };
    conn.route(opening.map_err(sync_err)?).await?;
    let deadline = tokio::time::sleep(if once {
        ONCE_TIMEOUT
    } else {
        Duration::from_secs(365 * 24 * 3600)
    });
    tokio::pin!(deadline);
    while !(once && conn.quiescent()) {
        tokio::select! {
            next = incoming.recv() => {
                let Some((doc, item)) = next else { break };
                let bytes = match item? {
                    Some(b) => b,
                    None => return Err(NetError::WebSocket {
                        addr: format!("{}/{event_id}/{doc}", target.base),
                        reason: "the relay closed the connection".into(),
                    }),
                };
                let msg = decode_message(&bytes).map_err(sync_err)?;
                let kind = match &msg {
                    Message::Sync(SyncMessage::SyncStep1(_)) => 1,
                    Message::Sync(SyncMessage::SyncStep2(_)) => 2,
                    _ => 0,
                };
                let frame = encode_frame(&doc, &msg);
                let (p, out, applied) = with_store(&store, move |s| {
                    let out = peer.on_frame(s, &frame);
                    let applied = peer.take_applied();
                    (peer, out, applied)
                })
                .await?;
                peer = p;
                conn.report.received += applied.len();
                match out {
                    Ok(frames) => conn.route(frames).await?,
                    Err(e) if e.is_fatal() => return Err(sync_err(e)),
                    Err(e) => eprintln!("rapporteur: {addr}: {e}"),
                }
                let st = conn.state.entry(doc).or_default();
                match kind {
                    1 => st.answered = true,
                    2 => st.got_step2 = true,
                    _ => {}
                }
            }
            relayed = from_bus.recv(), if !once => match relayed {
                Ok(Relayed { doc, update, .. }) => {
                    let frames = peer.on_local_update(&doc, &update);
                    conn.route(frames).await?;
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    let (p, opening) = open_peer(&store, peer).await?;
                    peer = p;
                    conn.route(opening.map_err(sync_err)?).await?;
                }
                Err(broadcast::error::RecvError::Closed) => break,
            },
            _ = &mut deadline => return Err(NetError::Timeout {
                addr: addr.clone(),
                what: "syncing with the relay (--once)",
                secs: ONCE_TIMEOUT.as_secs(),
            }),
        }
    }
    if let Some(w) = watcher {
        w.abort();
    }
    for (_, mut sink) in conn.sinks.drain() {
        let _ = sink.close().await;
    }
    conn.report.docs = conn.state.len();
    Ok(conn.report)
}
