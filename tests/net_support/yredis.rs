//! A harness for y-redis's behaviours (its server is not on the registries reachable here, so
//! CI cannot run it): a small WebSocket proxy in front of a stock reference server that makes
//! the pair behave, on the wire, the way y-redis does (`yjs/y-redis`, `src/ws.js`):
//!
//! - **it never answers the client's sync step 1**: the proxy drops every step 1 the client
//!   sends, so the server never sees one;
//! - **it pushes its state when the room opens**: the proxy sends the server a step 1 with an
//!   empty state vector as the room opens, and passes on the server's answer (a step 2 with
//!   everything), after the server's own step 1 — as y-redis sends step 1 and step 2 at once;
//! - **several messages per frame**: what the server sends within a few milliseconds is joined
//!   into one frame, back to back (y-redis joins what it read from Redis).
//!
//! Everything else passes unchanged: the server still applies what the client sends and passes
//! every update back to every connection, the sender's included (y-redis after Redis). Counters
//! say how often each behaviour was exercised, so a test can check the harness did its part.

use futures_util::{SinkExt, StreamExt};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};
use tokio_tungstenite::tungstenite::Message;

/// How long the proxy gathers the server's messages into one frame.
const JOIN_WINDOW: Duration = Duration::from_millis(20);

#[derive(Default)]
pub struct Counts {
    /// Step 1 messages of the client that the server never saw.
    pub step1_dropped: AtomicUsize,
    /// Frames sent to the client that carried more than one message.
    pub joined_frames: AtomicUsize,
    /// Rooms opened (a WebSocket each).
    pub rooms: AtomicUsize,
}

pub struct YRedisLike {
    pub port: u16,
    pub counts: Arc<Counts>,
    _rt: tokio::runtime::Runtime,
}

impl YRedisLike {
    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    pub fn count(&self, f: impl Fn(&Counts) -> &AtomicUsize) -> usize {
        f(&self.counts).load(Ordering::SeqCst)
    }
}

/// The proxy on a free port of 127.0.0.1, in front of the server at `upstream` (`HOST:PORT`).
pub fn yredis_like(upstream: &str) -> YRedisLike {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let listener = rt.block_on(TcpListener::bind("127.0.0.1:0")).unwrap();
    let port = listener.local_addr().unwrap().port();
    let counts = Arc::new(Counts::default());
    let (up, c) = (upstream.to_string(), counts.clone());
    rt.spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            tokio::spawn(room(tcp, up.clone(), c.clone()));
        }
    });
    YRedisLike {
        port,
        counts,
        _rt: rt,
    }
}

// The handshake callback's error type is tungstenite's, not ours to make smaller.
#[allow(clippy::result_large_err)]
async fn room(tcp: tokio::net::TcpStream, upstream: String, counts: Arc<Counts>) -> Option<()> {
    let path = Arc::new(Mutex::new(String::new()));
    let seen = path.clone();
    let client = tokio_tungstenite::accept_hdr_async(tcp, move |req: &Request, resp: Response| {
        *seen.lock().unwrap() = req.uri().to_string();
        Ok(resp)
    })
    .await
    .ok()?;
    let url = format!("ws://{upstream}{}", path.lock().unwrap());
    let (server, _) = tokio_tungstenite::connect_async(url).await.ok()?;
    counts.rooms.fetch_add(1, Ordering::SeqCst);
    let (mut to_server, mut from_server) = server.split();
    let (mut to_client, mut from_client) = client.split();
    // "Send me everything": sync, step 1, a state vector with no entries.
    to_server
        .send(Message::Binary(vec![0, 0, 1, 0].into()))
        .await
        .ok()?;
    let c = counts.clone();
    tokio::spawn(async move {
        while let Some(Ok(m)) = from_client.next().await {
            match m {
                Message::Binary(b) if b.starts_with(&[0, 0]) => {
                    c.step1_dropped.fetch_add(1, Ordering::SeqCst);
                }
                Message::Binary(b) => {
                    let sent = to_server.send(Message::Binary(b)).await;
                    if sent.is_err() {
                        break;
                    }
                }
                Message::Close(_) => break,
                _ => {}
            }
        }
        let _ = to_server.close().await;
    });
    loop {
        let mut frame = match from_server.next().await? {
            Ok(Message::Binary(b)) => b.to_vec(),
            Ok(Message::Close(_)) | Err(_) => break,
            Ok(_) => continue,
        };
        let mut n = 1;
        let until = tokio::time::Instant::now() + JOIN_WINDOW;
        while let Ok(next) = tokio::time::timeout_at(until, from_server.next()).await {
            match next {
                Some(Ok(Message::Binary(b))) => {
                    frame.extend_from_slice(&b);
                    n += 1;
                }
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => {}
            }
        }
        if n > 1 {
            counts.joined_frames.fetch_add(1, Ordering::SeqCst);
        }
        if to_client.send(Message::Binary(frame.into())).await.is_err() {
            break;
        }
    }
    let _ = to_client.close().await;
    Some(())
}
