//! In the room: the host (`serve`) and the joiner (`join`) over TCP + Noise.
//!
//! The host accepts any number of joiners; each gets its own [`Peer`] (with relaying on) and
//! task, and the host forwards every peer's new updates to the others and this device's own
//! edits to all. A joiner needs no event in its database: the host's hello names it, and the
//! event's documents arrive through the ordinary step 1 / step 2 exchange.

use super::code::JoinCode;
use super::link::{self, Hello, VERSION};
use super::watch::{self, Bus};
use super::{secure, with_store, NetError, SharedStore};
use crate::sync::Peer;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};

/// How long a joiner waits before reconnecting after a lost connection.
pub const RECONNECT: Duration = Duration::from_secs(2);

/// Hosts `event_id` on `listener` until the future is dropped (or the store fails). Each
/// connection's errors are reported on stderr and end only that connection.
pub async fn serve(
    store: SharedStore,
    listener: TcpListener,
    event_id: String,
    code: JoinCode,
) -> Result<(), NetError> {
    let bus = watch::bus();
    let start = watch::log_end(&store).await?;
    let device = with_store(&store, |s| s.device_id().to_string()).await?;
    let watcher = tokio::spawn(watch::watch(
        store.clone(),
        event_id.clone(),
        start,
        bus.clone(),
    ));
    let next = Arc::new(AtomicU64::new(1));
    let code = Arc::new(code);
    let local = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    let accept = async {
        loop {
            let (stream, remote) = listener.accept().await.map_err(NetError::io(&local))?;
            let me = next.fetch_add(1, Ordering::Relaxed);
            let (store, bus, code, event, device) = (
                store.clone(),
                bus.clone(),
                code.clone(),
                event_id.clone(),
                device.clone(),
            );
            tokio::spawn(async move {
                let addr = remote.to_string();
                match host_one(store, stream, &addr, &code, event, device, bus, me).await {
                    Ok(who) => eprintln!("rapporteur: {addr}: {who} left"),
                    Err(e) => eprintln!("rapporteur: {e}"),
                }
            });
        }
    };
    let result: Result<(), NetError> = tokio::select! {
        r = accept => r,
        w = watcher => match w {
            Ok(r) => r,
            Err(e) => Err(NetError::Task(e.to_string())),
        },
    };
    result
}

#[allow(clippy::too_many_arguments)]
async fn host_one(
    store: SharedStore,
    stream: TcpStream,
    addr: &str,
    code: &JoinCode,
    event: String,
    device: String,
    bus: Bus,
    me: u64,
) -> Result<String, NetError> {
    let _ = stream.set_nodelay(true);
    let (mut reader, mut writer) = secure::respond(stream, code, addr).await?;
    let hello = Hello {
        v: VERSION,
        device,
        event: Some(event.clone()),
    };
    link::send_hello(&mut writer, &hello).await?;
    let theirs = link::recv_hello(&mut reader).await?;
    eprintln!("rapporteur: {addr}: device {} joined", theirs.device);
    let peer = Peer::new(&theirs.device, &event).relaying();
    link::run(store, peer, reader, writer, bus, me).await?;
    Ok(format!("device {}", theirs.device))
}

/// Joins the host at `addr` and keeps syncing, reconnecting after a lost connection. Returns
/// only on an error that retrying cannot fix (a wrong code, a protocol violation), or when
/// the future is dropped. `on_joined` is told the event id once per connection.
pub async fn join(
    store: SharedStore,
    addr: String,
    code: JoinCode,
    on_joined: impl Fn(&str),
) -> Result<(), NetError> {
    let bus = watch::bus();
    let start = watch::log_end(&store).await?;
    let device = with_store(&store, |s| s.device_id().to_string()).await?;
    let mut watcher: Option<tokio::task::JoinHandle<Result<(), NetError>>> = None;
    loop {
        let result = async {
            let stream = TcpStream::connect(&addr)
                .await
                .map_err(NetError::io(&addr))?;
            let _ = stream.set_nodelay(true);
            let (mut reader, mut writer) = secure::initiate(stream, &code, &addr).await?;
            let theirs = link::recv_hello(&mut reader).await?;
            let event = theirs.event.clone().ok_or_else(|| NetError::Protocol {
                addr: addr.clone(),
                reason: "the host named no event".into(),
            })?;
            let mine = Hello {
                v: VERSION,
                device: device.clone(),
                event: None,
            };
            link::send_hello(&mut writer, &mine).await?;
            on_joined(&event);
            if watcher.is_none() {
                watcher = Some(tokio::spawn(watch::watch(
                    store.clone(),
                    event.clone(),
                    start,
                    bus.clone(),
                )));
            }
            let peer = Peer::new(&theirs.device, &event);
            link::run(store.clone(), peer, reader, writer, bus.clone(), 1).await
        }
        .await;
        match result {
            Ok(()) => eprintln!("rapporteur: {addr}: the host closed the connection; reconnecting"),
            Err(
                e @ (NetError::CodeMismatch { .. }
                | NetError::Protocol { .. }
                | NetError::Sync { .. }
                | NetError::Store(_)),
            ) => return Err(e),
            Err(e) => eprintln!("rapporteur: {e}; reconnecting"),
        }
        tokio::time::sleep(RECONNECT).await;
    }
}
