//! The live-sync commands: `serve`, `join` and `sync --relay`. Each builds a small tokio
//! runtime, hands the store to the transport in `crate::sync::transport`, and stops on Ctrl+C.

use super::CliResult;
use crate::store::Store;
use crate::sync::transport::code::JoinCode;
use crate::sync::transport::{address, discover, relay, room, NetError, SharedStore};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
}

/// Runs `fut` until it ends or Ctrl+C (which is a clean exit).
fn until_ctrl_c(fut: impl std::future::Future<Output = Result<(), NetError>>) -> CliResult {
    runtime()?.block_on(async {
        tokio::select! {
            r = fut => r.map_err(Into::into),
            _ = tokio::signal::ctrl_c() => {
                eprintln!("rapporteur: stopped");
                Ok(())
            }
        }
    })
}

fn say(line: &str) -> CliResult {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}

pub fn serve(db: &Path, event: Option<&str>, listen: &str, announce: bool) -> CliResult {
    let store = Store::open(db)?;
    let event_id = store.resolve_event(event)?;
    let store: SharedStore = Arc::new(Mutex::new(store));
    let code = JoinCode::generate();
    let rt = runtime()?;
    let listener = rt
        .block_on(tokio::net::TcpListener::bind(listen))
        .map_err(|source| NetError::Io {
            addr: listen.to_string(),
            source,
        })?;
    let bound = listener.local_addr()?;
    say(&format!("event {event_id}"))?;
    say(&format!("listening on {bound}"))?;
    if bound.ip().is_unspecified() {
        say(&format!(
            "(every address of this machine, port {}; others join with `rapporteur join <this machine's address>:{} --code …`)",
            bound.port(),
            bound.port()
        ))?;
    }
    say(&format!("join code: {code}"))?;
    // Announced only when others can reach it; a failure leaves the manual path.
    let _announcer = if announce && !bound.ip().is_loopback() {
        match discover::announce(bound.port()) {
            Ok((a, ann)) => {
                say(&format!(
                    "announced on the local network as {}",
                    ann.instance
                ))?;
                Some(a)
            }
            Err(e) => {
                eprintln!("rapporteur: {e}; join by address instead");
                None
            }
        }
    } else {
        None
    };
    drop(rt);
    until_ctrl_c(async move {
        let listener =
            tokio::net::TcpListener::from_std(listener.into_std().map_err(|source| {
                NetError::Io {
                    addr: bound.to_string(),
                    source,
                }
            })?)
            .map_err(|source| NetError::Io {
                addr: bound.to_string(),
                source,
            })?;
        room::serve(store, listener, event_id, code).await
    })
}

/// How long `join` without an address listens for hosts.
const DISCOVER_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

pub fn join(db: &Path, address: Option<&str>, code: &str) -> CliResult {
    let store = Store::open(db)?;
    let code = JoinCode::parse(code)?;
    let addr = match address {
        Some(a) => address::with_default_port(a)?,
        None => pick_host(&code)?,
    };
    let store: SharedStore = Arc::new(Mutex::new(store));
    let shown = addr.clone();
    until_ctrl_c(room::join(store, addr, code, move |event| {
        let _ = say(&format!("joined {shown}: event {event}"));
    }))
}

/// A host found by mDNS that accepts `code` (the handshake tells; nothing else is exchanged).
fn pick_host(code: &JoinCode) -> Result<String, NetError> {
    let found = discover::discover(DISCOVER_WAIT)?;
    let rt = runtime().map_err(|e| NetError::Task(e.to_string()))?;
    for host in &found {
        for addr in &host.addrs {
            let addr = addr.to_string();
            let probe = rt.block_on(async {
                let tcp = tokio::time::timeout(
                    std::time::Duration::from_secs(3),
                    tokio::net::TcpStream::connect(&addr),
                )
                .await
                .map_err(|_| NetError::Task("timed out".into()))?
                .map_err(NetError::io(&addr))?;
                crate::sync::transport::secure::initiate(tcp, code, &addr).await
            });
            match probe {
                Ok(_) => return Ok(addr),
                Err(e) => eprintln!("rapporteur: {} at {addr}: {e}", host.instance),
            }
        }
    }
    Err(NetError::NoHostFound {
        secs: DISCOVER_WAIT.as_secs(),
    })
}

pub fn discover(wait: u64) -> CliResult {
    let found = discover::discover(std::time::Duration::from_secs(wait))?;
    if found.is_empty() {
        say(&format!(
            "no host found within {wait} s (mDNS; venue Wi-Fi often blocks it: join by address)"
        ))?;
    }
    for f in found {
        let addrs: Vec<String> = f.addrs.iter().map(|a| a.to_string()).collect();
        let v = f
            .version
            .map(|v| format!(" (protocol {v})"))
            .unwrap_or_default();
        say(&format!("{}\t{}{v}", f.instance, addrs.join(" ")))?;
    }
    Ok(())
}

pub fn sync(
    db: &Path,
    relay_url: &str,
    protocol: &str,
    token: Option<&str>,
    ca: Option<&Path>,
    once: bool,
    event: Option<&str>,
) -> CliResult {
    let store = Store::open(db)?;
    let event_id = match event {
        // An event this database does not have yet may be fetched from the relay by id.
        Some(e) if store.resolve_event(Some(e)).is_err() => {
            crate::sync::protocol::check_doc_id(e)?;
            e.to_string()
        }
        e => store.resolve_event(e)?,
    };
    let protocol = relay::RelayProtocol::parse(protocol)?;
    let target = relay::RelayTarget::parse_with_ca(relay_url, token, ca)?.with_protocol(protocol);
    let store: SharedStore = Arc::new(Mutex::new(store));
    until_ctrl_c(async move {
        let report = relay::sync(store, &target, &event_id, once).await?;
        let _ = say(&report.to_string());
        Ok(())
    })
}
