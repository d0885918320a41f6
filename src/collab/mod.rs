//! Live sync for a long-running app (the window): one background task at a time — hosting
//! the event in the room, joining a host, or syncing through a relay — started and stopped on
//! request, with a [`LiveStatus`] the window reads at any time. The transports are
//! `crate::sync::transport`'s; this module only runs them on the caller's tokio runtime, keeps
//! retrying what can recover (a joiner's lost connection, an unreachable relay) and records
//! what they report. Others' awareness (cursors, who is where) is not status: it goes to the
//! presence reporter the window gives [`Live::with_presence`], even after a stop (so the
//! clients of the connections a stop ended are reported gone).

pub mod reach;
pub mod status;

use crate::store::{Store, StoreError};
use crate::sync::transport::code::JoinCode;
use crate::sync::transport::relay::{self, RelayProtocol, RelayTarget};
use crate::sync::transport::status::{backoff, NetEvent, Reporter};
use crate::sync::transport::{address, discover, room, with_store, NetError, SharedStore};
use chrono::{DateTime, Utc};
use status::{HostInfo, LiveStatus, Mode};
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::net::TcpListener;

/// The one live-sync task of the app and its status.
#[derive(Default)]
pub struct Live {
    inner: Arc<Mutex<Inner>>,
    presence: Reporter,
}

struct Inner {
    status: LiveStatus,
    task: Option<tokio::task::JoinHandle<()>>,
    /// Bumped by every start and stop, so a stopped task's last reports are ignored.
    generation: u64,
}

impl Default for Inner {
    fn default() -> Self {
        Inner {
            status: LiveStatus::off(),
            task: None,
            generation: 0,
        }
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl Live {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sends others' awareness (`NetEvent::Awareness` and `AwarenessGone`) to `presence`.
    pub fn with_presence(mut self, presence: Reporter) -> Self {
        self.presence = presence;
        self
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What is running and how each peer is doing.
    pub fn status(&self) -> LiveStatus {
        self.lock().status.clone()
    }

    /// Stops whatever runs (hosting ends every connection).
    pub fn stop(&self) {
        let mut inner = self.lock();
        inner.generation += 1;
        if let Some(t) = inner.task.take() {
            t.abort();
        }
        inner.status = LiveStatus::off();
    }

    /// Hosts `event_id` on `port` of every address of this machine (another free port if that
    /// one is taken). Must be called on a tokio runtime.
    pub async fn host(
        &self,
        store: SharedStore,
        event_id: String,
        port: u16,
    ) -> Result<HostInfo, NetError> {
        let ev = event_id.clone();
        with_store(&store, move |s| s.resolve_event(Some(&ev))).await??;
        let listener = match TcpListener::bind(("0.0.0.0", port)).await {
            Ok(l) => l,
            Err(e) if port != 0 && e.kind() == std::io::ErrorKind::AddrInUse => {
                TcpListener::bind(("0.0.0.0", 0))
                    .await
                    .map_err(NetError::io("0.0.0.0:0"))?
            }
            Err(e) => return Err(NetError::io(&format!("0.0.0.0:{port}"))(e)),
        };
        let port = listener
            .local_addr()
            .map_err(NetError::io("the listener"))?
            .port();
        let code = JoinCode::generate();
        let addresses = reach::local_addresses(port);
        let qr_text = reach::qr_text(&addresses[0], &code.to_string());
        let info = HostInfo {
            event_id: event_id.clone(),
            port,
            addresses,
            code: code.to_string(),
            qr_svg: reach::qr_svg(&qr_text).map_err(NetError::Task)?,
            qr_text,
            unannounced: None,
        };
        // Announced so others find it in their Join form; a network without multicast leaves
        // the manual address, which always works.
        let announcer = discover::announce(port).map(|(a, _)| Withdraw(Some(a)));
        let info = HostInfo {
            unannounced: announcer.as_ref().err().map(|e| e.to_string()),
            ..info
        };
        let mut status = LiveStatus::starting(Mode::Hosting, Some(event_id.clone()), None);
        status.host = Some(info.clone());
        self.start(status, move |report| async move {
            let _announced = announcer.ok();
            room::serve_reporting(store, listener, event_id, code, report).await
        });
        Ok(info)
    }

    /// Joins the host at `address` (default port if none) with the join code it shows, and
    /// keeps the connection up, reconnecting with a capped back-off. A code that does not
    /// parse is refused here; a code the host refuses ends the task with that error.
    pub fn join(&self, store: SharedStore, address: &str, code: &str) -> Result<(), NetError> {
        let code = JoinCode::parse(code)?;
        let addr = address::with_default_port(address)?;
        let status = LiveStatus::starting(Mode::Joining, None, Some(addr.clone()));
        self.start(status, move |report| {
            room::join_reporting(store, addr, code, |_| {}, report)
        });
        Ok(())
    }

    /// Syncs `event_id` through the relay at `url`, spoken to in `protocol` (`y-websocket` or
    /// `hocuspocus`), until stopped, reconnecting with a capped back-off when the relay cannot
    /// be reached or drops the connection; a relay that refuses the token stops it. A
    /// `wss://` relay's certificate must verify against the system's roots or the CA in `ca`
    /// (PEM).
    pub fn relay(
        &self,
        store: SharedStore,
        url: &str,
        protocol: &str,
        token: Option<&str>,
        ca: Option<&std::path::Path>,
        event_id: String,
    ) -> Result<(), NetError> {
        let protocol = RelayProtocol::parse(protocol)?;
        let target = RelayTarget::parse_with_ca(url, token, ca)?.with_protocol(protocol);
        let shown = target.shown();
        let mut status =
            LiveStatus::starting(Mode::Relay, Some(event_id.clone()), Some(shown.clone()));
        status.protocol = Some(protocol.name().to_string());
        self.start(status, move |report| {
            relay_until_stopped(store, target, shown, event_id, report)
        });
        Ok(())
    }

    /// Replaces what runs with the task `run` makes, reporting into `status`.
    fn start<F, Fut>(&self, status: LiveStatus, run: F)
    where
        F: FnOnce(Reporter) -> Fut,
        Fut: Future<Output = Result<(), NetError>> + Send + 'static,
    {
        self.stop();
        let mut inner = self.lock();
        inner.generation += 1;
        let generation = inner.generation;
        inner.status = status;
        let shared = self.inner.clone();
        let presence = self.presence.clone();
        let report = Reporter::new(move |event| {
            if let NetEvent::Awareness { .. } | NetEvent::AwarenessGone { .. } = event {
                return presence.send(event);
            }
            let mut inner = shared.lock().unwrap_or_else(PoisonError::into_inner);
            if inner.generation == generation {
                inner.status.apply(event, now_ms());
            }
        });
        let fut = run(report);
        let shared = self.inner.clone();
        inner.task = Some(tokio::spawn(async move {
            let result = fut.await;
            let mut inner = shared.lock().unwrap_or_else(PoisonError::into_inner);
            if inner.generation == generation {
                let refused = matches!(result, Err(NetError::Refused { .. }));
                inner.status.stopped(result.err().map(|e| e.to_string()));
                if refused {
                    inner.status.refused = inner.status.error.clone();
                }
            }
        }));
    }
}

/// `status` with each peer's `pending` filled in: this device's changes logged after the
/// peer's last exchange (see [`Store::local_changes_since`]). While connected that is the
/// little still in flight; after the peer left, what the next connection will send. The last
/// exchange is known to the millisecond, and what was logged within that millisecond went
/// with it, so counting starts at the next one.
pub fn with_pending(mut status: LiveStatus, store: &Store) -> Result<LiveStatus, StoreError> {
    let Some(event) = status.event_id.clone() else {
        return Ok(status);
    };
    for p in &mut status.peers {
        let next_ms = p.last_synced_ms.map(|ms| ms + 1);
        p.pending = match next_ms.and_then(DateTime::<Utc>::from_timestamp_millis) {
            Some(since) => Some(store.local_changes_since(&event, since)?),
            None => None,
        };
    }
    Ok(status)
}

/// Withdraws an mDNS announcement on a thread of its own: the withdrawal waits for the
/// daemon, which must not hold up the async task being stopped.
struct Withdraw(Option<discover::Announcer>);

impl Drop for Withdraw {
    fn drop(&mut self) {
        if let Some(a) = self.0.take() {
            std::thread::spawn(move || drop(a));
        }
    }
}

/// `relay::sync` in a loop: errors a retry can fix (the network, the relay going away) wait
/// and try again; a bad URL, a refusal (the token) or a store failure ends it.
async fn relay_until_stopped(
    store: SharedStore,
    target: RelayTarget,
    url: String,
    event_id: String,
    report: Reporter,
) -> Result<(), NetError> {
    let mut failures = 0u32;
    loop {
        let synced =
            relay::sync_reporting(store.clone(), &target, &event_id, false, report.clone());
        let error = match synced.await {
            Ok(_) => format!("{url}: the relay closed the connection"),
            Err(
                e @ (NetError::BadUrl { .. }
                | NetError::Refused { .. }
                | NetError::Tls { .. }
                | NetError::Store(_)
                | NetError::Task(_)),
            ) => return Err(e),
            Err(e) => e.to_string(),
        };
        failures += 1;
        let delay = backoff(failures);
        report.send(NetEvent::Retrying {
            addr: url.clone(),
            delay,
            error,
        });
        tokio::time::sleep(delay).await;
    }
}
