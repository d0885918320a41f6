//! One secure connection driven by a [`Peer`]: frames in are applied (on a blocking thread),
//! answers go out, updates from the [`Bus`] are forwarded, a keep-alive is sent when idle.
//! The first frame each way is a small JSON hello (who is speaking, and — from the host — which
//! event), checked before the peer sees anything. Awareness goes along (see [`super::presence`]):
//! this device's and, on a hub, the other connections' at the start and as it changes; what the
//! peer sends goes to the window and onto the bus; its clients are gone when the link ends.

use super::bus::{Bus, ConnPresence, Item, Relayed};
use super::secure::{SecureReader, SecureWriter};
use super::status::{NetEvent, Reporter};
use super::{open_peer, receive_run, NetError, Received, SharedStore, IDLE_TIMEOUT, KEEPALIVE};
use crate::sync::protocol::check_doc_id;
use crate::sync::{Frame, Peer};
use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, mpsc};

/// The protocol version in the hello.
pub const VERSION: u32 = 1;
const MAX_HELLO_BYTES: usize = 1024;

/// The first frame each way.
#[derive(Debug, Serialize, Deserialize)]
pub struct Hello {
    pub v: u32,
    /// The speaker's device id.
    pub device: String,
    /// The event the host shares (absent from the joiner).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

pub async fn send_hello(w: &mut SecureWriter, hello: &Hello) -> Result<(), NetError> {
    let bytes = serde_json::to_vec(hello).map_err(|e| NetError::Task(e.to_string()))?;
    w.send(&bytes).await
}

pub async fn recv_hello(r: &mut SecureReader) -> Result<Hello, NetError> {
    let addr = r.addr().to_string();
    let bad = |reason: String| NetError::Protocol {
        addr: addr.clone(),
        reason,
    };
    let bytes = tokio::time::timeout(super::HANDSHAKE_TIMEOUT, r.recv())
        .await
        .map_err(|_| NetError::Timeout {
            addr: addr.clone(),
            what: "the hello",
            secs: super::HANDSHAKE_TIMEOUT.as_secs(),
        })??
        .ok_or_else(|| bad("closed before the hello".into()))?;
    if bytes.len() > MAX_HELLO_BYTES {
        return Err(bad(format!("hello of {} bytes", bytes.len())));
    }
    let hello: Hello =
        serde_json::from_slice(&bytes).map_err(|e| bad(format!("bad hello: {e}")))?;
    if hello.v != VERSION {
        return Err(bad(format!(
            "protocol version {} (this version speaks {VERSION})",
            hello.v
        )));
    }
    check_doc_id(&hello.device).map_err(|e| bad(e.to_string()))?;
    if let Some(ev) = &hello.event {
        check_doc_id(ev).map_err(|e| bad(e.to_string()))?;
    }
    Ok(hello)
}

/// Drives `peer` over the channel until it closes (`Ok`) or fails. `me` is this connection's
/// number on the bus (never 0, which is this device's own edits); `report` hears of each
/// exchange with content on connection `conn`.
pub async fn run(
    store: SharedStore,
    mut peer: Peer,
    mut reader: SecureReader,
    mut writer: SecureWriter,
    bus: Bus,
    me: u64,
    (report, conn): (&Reporter, u64),
) -> Result<(), NetError> {
    let synced = || report.send(NetEvent::Synced { conn });
    let addr = reader.addr().to_string();
    let mut from_bus = bus.subscribe();
    let presence = ConnPresence {
        bus: bus.clone(),
        me,
        report: report.clone(),
        conn,
        event: peer.event_id().to_string(),
    };
    let (tx, mut incoming) = mpsc::channel::<Result<Vec<u8>, NetError>>(64);
    let read_addr = addr.clone();
    let read_task = tokio::spawn(async move {
        loop {
            let next = match tokio::time::timeout(IDLE_TIMEOUT, reader.recv()).await {
                Ok(Ok(Some(f))) => Ok(f),
                Ok(Ok(None)) => break,
                Ok(Err(e)) => Err(e),
                Err(_) => Err(NetError::Timeout {
                    addr: read_addr.clone(),
                    what: "waiting for the peer",
                    secs: IDLE_TIMEOUT.as_secs(),
                }),
            };
            let stop = next.is_err();
            if tx.send(next).await.is_err() || stop {
                break;
            }
        }
    });
    let result = async {
        let (p, opening) = open_peer(&store, peer).await?;
        peer = p;
        let opening = opening.map_err(|source| NetError::Sync {
            addr: addr.clone(),
            source,
        })?;
        for f in opening.into_iter().chain(presence.opening(&peer)) {
            writer.send(f.as_bytes()).await?;
        }
        let mut keepalive = tokio::time::interval(KEEPALIVE);
        loop {
            tokio::select! {
                next = incoming.recv() => {
                    let Some(first) = next else { return Ok(()) };
                    // Everything already read from the socket is handled as one run (one
                    // transaction); an error ends the run after what came before it.
                    let (run, failed) = take_run(first, &mut incoming);
                    if run.is_empty() {
                        match failed {
                            Some(e) => return Err(e),
                            None => continue,
                        }
                    }
                    let (p, Received { out, applied, skipped, awareness }) =
                        receive_run(&store, peer, run).await?;
                    peer = p;
                    for e in skipped {
                        eprintln!("rapporteur: {addr}: {e}");
                    }
                    match out {
                        Ok(frames) => {
                            for f in frames {
                                writer.send(f.as_bytes()).await?;
                            }
                            synced();
                        }
                        Err(source) => return Err(NetError::Sync { addr: addr.clone(), source }),
                    }
                    presence
                        .received(awareness)
                        .map_err(|source| NetError::Sync { addr: addr.clone(), source })?;
                    if let Some(e) = failed {
                        return Err(e);
                    }
                    for (doc, update) in applied {
                        let _ = bus.send(Relayed { from: me, doc, item: Item::Update(update) });
                    }
                }
                relayed = from_bus.recv() => match relayed {
                    Ok(r) if r.from != me => {
                        let frames = match &r.item {
                            Item::Update(u) => peer.on_local_update(&r.doc, u),
                            Item::Awareness(a) => peer.on_local_awareness(&r.doc, a),
                        };
                        let any = !frames.is_empty() && matches!(r.item, Item::Update(_));
                        for f in frames {
                            writer.send(f.as_bytes()).await?;
                        }
                        if any {
                            synced();
                        }
                    }
                    Ok(_) => {}
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        // Missed some: a fresh step 1 exchange fills any gap.
                        let (p, opening) = open_peer(&store, peer).await?;
                        peer = p;
                        for f in opening.map_err(|source| NetError::Sync { addr: addr.clone(), source })? {
                            writer.send(f.as_bytes()).await?;
                        }
                    }
                    Err(broadcast::error::RecvError::Closed) => return Ok(()),
                },
                _ = keepalive.tick() => writer.send(&[]).await?,
            }
        }
    }
    .await;
    read_task.abort();
    result
}

/// The most frames handled as one run, and the most bytes.
const RUN_FRAMES: usize = 512;
const RUN_BYTES: usize = 16 * 1024 * 1024;

/// `first` and whatever else has already arrived (up to the run limits), without waiting;
/// keep-alives dropped. A read error stops the run and is returned after it.
fn take_run(
    first: Result<Vec<u8>, NetError>,
    incoming: &mut mpsc::Receiver<Result<Vec<u8>, NetError>>,
) -> (Vec<Frame>, Option<NetError>) {
    let (mut run, mut bytes) = (Vec::new(), 0);
    let mut next = Some(first);
    while let Some(item) = next.take() {
        match item {
            Err(e) => return (run, Some(e)),
            Ok(b) if b.is_empty() => {}
            Ok(b) => {
                bytes += b.len();
                run.push(Frame(b));
            }
        }
        if run.len() < RUN_FRAMES && bytes < RUN_BYTES {
            next = incoming.try_recv().ok();
        }
    }
    (run, None)
}
