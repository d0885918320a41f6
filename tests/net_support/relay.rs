//! The reference y-websocket relay from npm (`y-websocket@1.5.4`) and a plain Node Yjs client
//! (`tests/relay/client.js`), for the relay tests.

use super::WAIT;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The relay for `test`, or `None` when it cannot be installed here (the test then says it is
/// skipped); under CI (`CI` set) that is a failure, never a skip.
pub fn relay_or_skip(test: &str) -> Option<PathBuf> {
    match relay_dir() {
        Ok(d) => Some(d),
        Err(reason) if std::env::var_os("CI").is_some() => panic!("{test} under CI: {reason}"),
        Err(reason) => {
            eprintln!("skipping {test}: {reason}");
            None
        }
    }
}

/// Where the reference relay is installed (outside the clone): `RAPPORTEUR_RELAY_DIR`, else
/// `$HOME/.cache/rapporteur-relay`. Installs it with npm when missing; `Err(reason)` if that
/// is impossible.
pub fn relay_dir() -> Result<PathBuf, String> {
    let dir = match std::env::var_os("RAPPORTEUR_RELAY_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME").ok_or("no HOME")?)
            .join(".cache/rapporteur-relay"),
    };
    let ready = |d: &Path| {
        d.join("node_modules/.bin/y-websocket-server").exists()
            && d.join("node_modules/ws").exists()
    };
    if !ready(&dir) {
        let status = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&dir)
            .args(["y-websocket@1.5.4", "yjs@13", "ws@8"])
            .status()
            .map_err(|e| format!("npm could not be run: {e}"))?;
        if !status.success() || !ready(&dir) {
            return Err(format!(
                "npm install into {} failed ({status})",
                dir.display()
            ));
        }
    }
    Ok(dir)
}

/// Starts the reference relay on 127.0.0.1, on a port below the ephemeral range (so another
/// test's port-0 listener cannot take it between our check and the relay's bind); retries on
/// another port if the relay exits.
pub fn start_relay(dir: &Path) -> (u16, Killed) {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    let seed = std::process::id() as u64 ^ now.map(|d| d.subsec_nanos() as u64).unwrap_or(0);
    for attempt in 0..10u64 {
        let port = 20000 + ((seed.wrapping_mul(7919) + attempt * 997) % 10000) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_err() {
            continue;
        }
        if let Some(server) = start_relay_on(dir, port) {
            return (port, server);
        }
    }
    panic!("the relay did not start");
}

/// Starts the reference relay on 127.0.0.1:`port` (again, after [`start_relay`] and a kill);
/// `None` if it does not come up.
pub fn start_relay_on(dir: &Path, port: u16) -> Option<Killed> {
    let mut server = Killed(
        Command::new(dir.join("node_modules/.bin/y-websocket-server"))
            .env("HOST", "127.0.0.1")
            .env("PORT", port.to_string())
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let end = Instant::now() + WAIT;
    while server.0.try_wait().unwrap().is_none() && Instant::now() < end {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(server);
        }
        thread::sleep(Duration::from_millis(100));
    }
    None
}

pub struct Killed(pub Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn node_client(dir: &Path, url: &str, room: &str, paragraph: Option<&str>) -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/relay/client.js");
    let o = Command::new("node")
        .arg(script)
        .args([url, room])
        .args(paragraph)
        .env("NODE_PATH", dir.join("node_modules"))
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "node client: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice::<String>(&o.stdout).unwrap()
}
