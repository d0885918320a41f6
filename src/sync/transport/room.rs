//! In the room: the host (`serve`) and the joiner (`join`) over TCP + Noise.
//!
//! The host accepts any number of joiners; each gets its own [`Peer`] (with relaying on) and
//! task, and the host forwards every peer's new updates to the others and this device's own
//! edits to all. A joiner needs no event in its database: the host's hello names it, and the
//! event's documents arrive through the ordinary step 1 / step 2 exchange.

use super::bus::{self, Bus};
use super::code::JoinCode;
use super::link::{self, Hello, VERSION};
use super::status::{backoff, NetEvent, Reporter};
use super::watch;
use super::{secure, with_store, NetError, SharedStore};
use crate::sync::Peer;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::net::{TcpListener, TcpStream};

/// Hosts `event_id` on `listener` until the future is dropped (or the store fails). Each
/// connection's errors are reported on stderr and end only that connection.
pub async fn serve(
    store: SharedStore,
    listener: TcpListener,
    event_id: String,
    code: JoinCode,
) -> Result<(), NetError> {
    serve_reporting(store, listener, event_id, code, Reporter::none()).await
}

/// [`serve`], telling `report` about every connection (see [`NetEvent`]).
pub async fn serve_reporting(
    store: SharedStore,
    listener: TcpListener,
    event_id: String,
    code: JoinCode,
    report: Reporter,
) -> Result<(), NetError> {
    let bus = bus::bus();
    let start = watch::log_end(&store).await?;
    let device = with_store(&store, |s| s.device_id().to_string()).await?;
    let mut watcher = AbortOnDrop(tokio::spawn(watch::watch(
        store.clone(),
        event_id.clone(),
        start,
        bus.clone(),
    )));
    let next = Arc::new(AtomicU64::new(1));
    let code = Arc::new(code);
    let local = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    let accept = async {
        // Owned here, so that dropping `serve` also ends every connection.
        let mut conns = tokio::task::JoinSet::new();
        loop {
            let (stream, remote) = listener.accept().await.map_err(NetError::io(&local))?;
            while conns.try_join_next().is_some() {}
            let me = next.fetch_add(1, Ordering::Relaxed);
            let (store, bus, code, event, device, report) = (
                store.clone(),
                bus.clone(),
                code.clone(),
                event_id.clone(),
                device.clone(),
                report.clone(),
            );
            conns.spawn(async move {
                let addr = remote.to_string();
                let r = host_one(store, stream, &addr, &code, event, device, bus, me, &report);
                let error = match r.await {
                    Ok(who) => {
                        eprintln!("rapporteur: {addr}: {who} left");
                        None
                    }
                    Err(e) => {
                        eprintln!("rapporteur: {e}");
                        Some(e.to_string())
                    }
                };
                report.send(NetEvent::Closed {
                    conn: me,
                    addr,
                    error,
                });
            });
        }
    };
    let result: Result<(), NetError> = tokio::select! {
        r = accept => r,
        w = &mut watcher.0 => match w {
            Ok(r) => r,
            Err(e) => Err(NetError::Task(e.to_string())),
        },
    };
    result
}

/// The log watcher's task, ended with the future that started it.
struct AbortOnDrop(tokio::task::JoinHandle<Result<(), NetError>>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
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
    report: &Reporter,
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
    report.send(NetEvent::Connected {
        conn: me,
        addr: addr.to_string(),
        device: theirs.device.clone(),
        event: event.clone(),
    });
    let peer = Peer::new(&theirs.device, &event).relaying();
    link::run(store, peer, reader, writer, bus, me, (report, me)).await?;
    Ok(format!("device {}", theirs.device))
}

/// Joins the host at `addr` and keeps syncing, reconnecting after a lost connection (waiting
/// 1 s, then doubling up to [`MAX_BACKOFF`](super::status::MAX_BACKOFF); a connection that got
/// through resets the wait). Returns only on an error that retrying cannot fix (a wrong code, a
/// protocol violation), or when the future is dropped. `on_joined` is told the event id once
/// per connection.
pub async fn join(
    store: SharedStore,
    addr: String,
    code: JoinCode,
    on_joined: impl Fn(&str),
) -> Result<(), NetError> {
    join_reporting(store, addr, code, on_joined, Reporter::none()).await
}

/// [`join`], telling `report` about every connection and retry (see [`NetEvent`]).
pub async fn join_reporting(
    store: SharedStore,
    addr: String,
    code: JoinCode,
    on_joined: impl Fn(&str),
    report: Reporter,
) -> Result<(), NetError> {
    let bus = bus::bus();
    let start = watch::log_end(&store).await?;
    let device = with_store(&store, |s| s.device_id().to_string()).await?;
    let mut watcher: Option<AbortOnDrop> = None;
    let mut failures = 0u32;
    let mut conn = 0u64;
    loop {
        conn += 1;
        let mut connected = false;
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
            connected = true;
            report.send(NetEvent::Connected {
                conn,
                addr: addr.clone(),
                device: theirs.device.clone(),
                event: event.clone(),
            });
            on_joined(&event);
            if watcher.is_none() {
                watcher = Some(AbortOnDrop(tokio::spawn(watch::watch(
                    store.clone(),
                    event.clone(),
                    start,
                    bus.clone(),
                ))));
            }
            let peer = Peer::new(&theirs.device, &event);
            let report = (&report, conn);
            link::run(store.clone(), peer, reader, writer, bus.clone(), 1, report).await
        }
        .await;
        let error = match &result {
            Ok(()) => format!("{addr}: the host closed the connection"),
            Err(e) => e.to_string(),
        };
        if connected {
            report.send(NetEvent::Closed {
                conn,
                addr: addr.clone(),
                error: Some(error.clone()),
            });
        }
        match result {
            Err(
                e @ (NetError::CodeMismatch { .. }
                | NetError::Protocol { .. }
                | NetError::Sync { .. }
                | NetError::Store(_)),
            ) => return Err(e),
            _ => eprintln!("rapporteur: {error}; reconnecting"),
        }
        failures = if connected { 1 } else { failures + 1 };
        let delay = backoff(failures);
        report.send(NetEvent::Retrying {
            addr: addr.clone(),
            delay,
            error,
        });
        tokio::time::sleep(delay).await;
    }
}
