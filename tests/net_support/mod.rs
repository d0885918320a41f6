//! Helpers for tests/sync/net.rs: running `rapporteur` (one-shot and long-running), a
//! recording TCP proxy on 127.0.0.1, and polling notes with a time limit.
#![allow(dead_code)]

pub mod relay;
pub mod servers;
pub mod yredis;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_rapporteur");
pub const WAIT: Duration = Duration::from_secs(30);

pub fn run(db: &Path, args: &[&str]) -> Output {
    run_env(db, args, &[])
}

/// As [`run`], with `env` set (every other `RAPPORTEUR_*` setting of the caller removed).
pub fn run_env(db: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RAPPORTEUR_DB")
        .env_remove("RAPPORTEUR_JOIN_CODE")
        .env_remove("RAPPORTEUR_RELAY_TOKEN")
        .env_remove("RAPPORTEUR_RELAY_CA")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

pub fn ok(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert!(
        o.status.success(),
        "rapporteur {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// A long-running `rapporteur` process: stdout lines on a channel, stderr collected; killed
/// when dropped.
pub struct Proc {
    pub child: Child,
    lines: mpsc::Receiver<String>,
    stderr: Arc<Mutex<String>>,
}

impl Proc {
    pub fn start(db: &Path, args: &[&str]) -> Proc {
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(db)
            .args(args)
            .env_remove("RAPPORTEUR_DB")
            .env_remove("RAPPORTEUR_RELAY_CA")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        thread::spawn(move || {
            for l in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(l);
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let (err, sink) = (child.stderr.take().unwrap(), stderr.clone());
        thread::spawn(move || {
            for l in BufReader::new(err).lines().map_while(Result::ok) {
                sink.lock().unwrap().push_str(&(l + "\n"));
            }
        });
        Proc {
            child,
            lines,
            stderr,
        }
    }

    /// The rest of the first stdout line starting with `prefix`.
    pub fn line(&self, prefix: &str) -> String {
        let end = Instant::now() + WAIT;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(l) if l.starts_with(prefix) => return l[prefix.len()..].trim().to_string(),
                Ok(_) => {}
                Err(_) => panic!("no line {prefix:?}; stderr: {}", self.stderr()),
            }
        }
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits for the process to exit; its status.
    pub fn wait(&mut self) -> std::process::ExitStatus {
        let end = Instant::now() + WAIT;
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                thread::sleep(Duration::from_millis(100)); // let the stderr thread finish
                return s;
            }
            assert!(
                Instant::now() < end,
                "process did not exit: {}",
                self.stderr()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A TCP proxy on 127.0.0.1 that records every byte both ways.
pub fn recording_proxy(target: String) -> (u16, Arc<Mutex<Vec<u8>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let log = Arc::new(Mutex::new(Vec::new()));
    let rec = log.clone();
    thread::spawn(move || {
        for client in listener.incoming().map_while(Result::ok) {
            let Ok(server) = TcpStream::connect(&target) else {
                continue;
            };
            for (mut from, mut to) in [
                (client.try_clone().unwrap(), server.try_clone().unwrap()),
                (server, client),
            ] {
                let rec = rec.clone();
                thread::spawn(move || {
                    let mut buf = [0u8; 16384];
                    while let Ok(n) = from.read(&mut buf) {
                        if n == 0 || to.write_all(&buf[..n]).is_err() {
                            break;
                        }
                        rec.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                    let _ = to.shutdown(std::net::Shutdown::Write);
                });
            }
        }
    });
    (port, log)
}

/// The sample event made by `rapporteur demo` in `db`, and the id of the first session of
/// agenda day `day` (0-based), as `agenda --json` lists it.
pub fn demo_event(db: &Path, day: usize) -> (String, String) {
    let event = ok(db, &["demo"]).trim().to_string();
    let agenda: serde_json::Value =
        serde_json::from_str(&ok(db, &["agenda", "--event", &event, "--json"])).unwrap();
    let session = agenda["days"][day]["sessions"][0]["id"]
        .as_str()
        .expect("a session that day")
        .to_string();
    (event, session)
}

/// Polls `rapporteur notes` until it contains `needle`.
pub fn wait_for_notes(db: &Path, session: &str, event: &str, needle: &str) -> String {
    let end = Instant::now() + WAIT;
    loop {
        let o = run(db, &["notes", session, "--event", event]);
        let text = String::from_utf8_lossy(&o.stdout).to_string();
        if o.status.success() && text.contains(needle) {
            return text;
        }
        assert!(
            Instant::now() < end,
            "{needle:?} never arrived in {}: {text} {}",
            db.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        thread::sleep(Duration::from_millis(200));
    }
}

pub fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}
