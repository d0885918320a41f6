//! Stock Yjs servers for the relay tests, installed outside the clone by `scripts/setup.sh relay`
//! from `tests/relay/servers/package.json` (pinned by its lock file): Hocuspocus 4 (and 3) with
//! its Redis and SQLite extensions, the reference y-websocket server (y-websocket@1.5.4 and
//! @y/websocket-server@0.1.1), the Hocuspocus provider; and `redis-server` from Debian. Each is
//! started on 127.0.0.1 on a free port (the server takes port 0 and prints it) and killed when
//! dropped. Missing pieces skip the test with a message, and fail it under CI (`CI` set).

use super::WAIT;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const SCRIPTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/relay");

/// The installed servers, or `None` (the test says it is skipped; under CI it fails).
pub fn servers_or_skip(test: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os("RAPPORTEUR_SERVERS_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
            .join(".cache/rapporteur-servers"),
    };
    let lock = Path::new(SCRIPTS).join("servers/package-lock.json");
    let stamp = dir.join(".installed-lock");
    let ready = std::fs::read(&lock).ok().is_some_and(|l| {
        std::fs::read(&stamp).ok().as_deref() == Some(&l[..])
            && dir
                .join("node_modules/better-sqlite3/build/Release")
                .exists()
    });
    let missing = if !ready {
        Some(format!(
            "the stock servers are not installed in {} (run scripts/setup.sh relay)",
            dir.display()
        ))
    } else {
        None
    };
    skip_or_fail(test, missing)?;
    Some(dir)
}

/// `redis-server` (Debian's), or `None` as for [`servers_or_skip`].
pub fn redis_or_skip(test: &str) -> Option<()> {
    let found = Command::new("redis-server").arg("--version").output();
    let missing = match found {
        Ok(o) if o.status.success() => None,
        _ => Some("redis-server is not installed (run scripts/setup.sh relay)".to_string()),
    };
    skip_or_fail(test, missing)
}

fn skip_or_fail(test: &str, missing: Option<String>) -> Option<()> {
    match missing {
        None => Some(()),
        Some(reason) if std::env::var_os("CI").is_some() => panic!("{test} under CI: {reason}"),
        Some(reason) => {
            eprintln!("skipping {test}: {reason}");
            None
        }
    }
}

/// A server process: its stdout lines collected, killed when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Runs `node SCRIPT ARGS` with the servers on NODE_PATH, until it prints `listening PORT`.
    fn node(dir: &Path, script: &str, args: &[&str]) -> Server {
        let mut cmd = Command::new("node");
        cmd.arg(Path::new(SCRIPTS).join(script))
            .args(args)
            .env("NODE_PATH", dir.join("node_modules"));
        Server::start(cmd, "listening ", None)
    }

    /// Starts `cmd` and waits for a stdout line containing `ready`: the port follows it, unless
    /// `port` is given.
    fn start(mut cmd: Command, ready: &str, port: Option<u16>) -> Server {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let out = child.stdout.take().unwrap();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        let sink = lines.clone();
        thread::spawn(move || {
            for l in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(l.clone());
                sink.lock().unwrap().push(l);
            }
        });
        let end = Instant::now() + WAIT;
        let port = loop {
            let left = end.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(l) if l.contains(ready) => {
                    if let Some(p) = port {
                        break p;
                    }
                    let tail = &l[l.find(ready).unwrap() + ready.len()..];
                    let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
                    break digits.parse().expect("a port");
                }
                Ok(_) => {}
                Err(_) => {
                    let _ = child.kill();
                    panic!("the server did not start: {:?}", lines.lock().unwrap());
                }
            }
        };
        Server { child, port, lines }
    }

    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    /// The stdout lines so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Waits until a stdout line satisfies `f`.
    pub fn wait_line(&self, what: &str, f: impl Fn(&str) -> bool) -> String {
        let end = Instant::now() + WAIT;
        loop {
            if let Some(l) = self.lines().into_iter().find(|l| f(l)) {
                return l;
            }
            assert!(Instant::now() < end, "{what}: {:?}", self.lines());
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// The process id (a test may stop it with a signal of its choosing).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How a Hocuspocus instance is set up.
#[derive(Default, Clone)]
pub struct Hocuspocus<'a> {
    pub token: Option<&'a str>,
    /// Also accepted, for a read-only connection.
    pub readonly_token: Option<&'a str>,
    pub redis: Option<u16>,
    pub sqlite: Option<&'a Path>,
    pub v3: bool,
    /// Listen on this port (a restart keeps its address) instead of a free one.
    pub port: Option<u16>,
}

impl Hocuspocus<'_> {
    pub fn start(&self, dir: &Path) -> Server {
        let port = self.port.unwrap_or(0).to_string();
        let redis = self.redis.map(|p| p.to_string());
        let sqlite = self.sqlite.map(|p| p.to_string_lossy().into_owned());
        let mut args = vec!["--port", &port];
        if let Some(t) = self.token {
            args.extend(["--token", t]);
        }
        if let Some(t) = self.readonly_token {
            args.extend(["--readonly-token", t]);
        }
        if let Some(r) = &redis {
            args.extend(["--redis", r]);
        }
        if let Some(s) = &sqlite {
            args.extend(["--sqlite", s]);
        }
        if self.v3 {
            args.push("--v3");
        }
        Server::node(dir, "hocuspocus-server.mjs", &args)
    }
}

/// The reference y-websocket server (`impl_`: `y-websocket` or `@y/websocket-server`); with
/// `yauth`, upgrades without `?yauth=TOKEN` are answered 401.
pub fn reference_server(dir: &Path, impl_: &str, yauth: Option<&str>) -> Server {
    let mut args = vec!["--impl", impl_];
    if let Some(t) = yauth {
        args.extend(["--yauth", t]);
    }
    Server::node(dir, "ws-server.mjs", &args)
}

/// A `redis-server` of its own (no persistence, in `dir`) on a free port.
pub fn redis(dir: &Path) -> Server {
    // redis-server cannot take port 0: pick a free one and let it bind (a clash fails the
    // start, which the caller sees at once).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut cmd = Command::new("redis-server");
    cmd.args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--save", "", "--appendonly", "no", "--dir"])
        .arg(dir);
    let s = Server::start(cmd, "Ready to accept connections", Some(port));
    let end = Instant::now() + WAIT;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < end, "redis-server did not listen");
        thread::sleep(Duration::from_millis(50));
    }
    s
}

/// The stock HocuspocusProvider in Node (`tests/relay/hocuspocus-client.mjs`): opens `name` on
/// the server at `url` with `args` (`--token`, `--append`, `--wait-for`, `--name`/`--expect`);
/// its stdout lines (the notes as JSON, then an awareness state) or its exit code and stderr.
pub fn hocuspocus_client(
    dir: &Path,
    url: &str,
    name: &str,
    args: &[&str],
) -> Result<Vec<String>, (i32, String)> {
    let o = Command::new("node")
        .arg(Path::new(SCRIPTS).join("hocuspocus-client.mjs"))
        .args([url, name])
        .args(args)
        .env("NODE_PATH", dir.join("node_modules"))
        .output()
        .unwrap();
    if !o.status.success() {
        return Err((
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        ));
    }
    Ok(String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_string)
        .collect())
}

/// The notes a Hocuspocus client saw (its first line, JSON), panicking on failure.
pub fn hocuspocus_notes(dir: &Path, url: &str, name: &str, args: &[&str]) -> String {
    let lines = hocuspocus_client(dir, url, name, args)
        .unwrap_or_else(|(code, err)| panic!("hocuspocus client exited {code}: {err}"));
    serde_json::from_str(&lines[0]).unwrap()
}
