//! Batching a stream of keystroke updates into one durable transaction per window.
//!
//! With `synchronous=FULL` every commit costs an fsync. A typist produces an update per
//! keystroke; the [`Batcher`] commits at most once per window (default 150 ms): an update
//! after a quiet spell is committed at once, and updates arriving within a window of the last
//! commit are held until the window ends and committed together in one transaction. Each
//! update is acknowledged after its commit.
//! The UI shows "Saved" only on that acknowledgement. If a batch fails, its updates are retried
//! one by one so that one bad update cannot take good ones down with it.

use super::{Applied, DocRef, Store, StoreError};
use crate::host::Origin;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The acknowledgement of one submitted update.
pub type Ack = Result<Applied, Arc<StoreError>>;

enum Msg {
    Update(Pending),
    Stop,
}

struct Pending {
    doc: DocRef,
    bytes: Vec<u8>,
    origin: Origin,
    ack: Sender<Ack>,
}

/// A handle to submit updates to a running [`Batcher`]; cheap to clone.
#[derive(Clone)]
pub struct BatchSender {
    tx: Sender<Msg>,
}

impl BatchSender {
    /// Queues an update; the returned receiver yields the acknowledgement after the commit.
    pub fn submit(&self, doc: DocRef, bytes: Vec<u8>, origin: Origin) -> Receiver<Ack> {
        let (ack, rx) = mpsc::channel();
        if let Err(mpsc::SendError(Msg::Update(p))) = self.tx.send(Msg::Update(Pending {
            doc,
            bytes,
            origin,
            ack,
        })) {
            let _ = p.ack.send(Err(Arc::new(StoreError::Stopped)));
        }
        rx
    }
}

/// The writer thread that owns batching.
pub struct Batcher {
    sender: Option<BatchSender>,
    thread: Option<JoinHandle<()>>,
}

impl Batcher {
    pub const DEFAULT_WINDOW: Duration = Duration::from_millis(150);

    /// Starts the writer thread over a shared store.
    pub fn start(store: Arc<Mutex<Store>>, window: Duration) -> Self {
        let (tx, rx) = mpsc::channel::<Msg>();
        let thread = std::thread::Builder::new()
            .name("rapporteur-writer".into())
            .spawn(move || run(store, rx, window))
            .expect("spawning the writer thread");
        Batcher {
            sender: Some(BatchSender { tx }),
            thread: Some(thread),
        }
    }

    pub fn sender(&self) -> BatchSender {
        self.sender.clone().expect("sender lives until drop")
    }
}

impl Drop for Batcher {
    /// Commits what is queued and stops the thread; later submissions through surviving
    /// senders are refused with [`StoreError::Stopped`].
    fn drop(&mut self) {
        if let Some(s) = self.sender.take() {
            let _ = s.tx.send(Msg::Stop);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn run(store: Arc<Mutex<Store>>, rx: Receiver<Msg>, window: Duration) {
    // The first update after a quiet spell commits at once; updates that arrive within a
    // window of the last commit wait for the window to end and go together.
    let mut last_commit: Option<Instant> = None;
    while let Ok(Msg::Update(first)) = rx.recv() {
        let mut batch = vec![first];
        let mut closed = false;
        let deadline = last_commit.map_or_else(Instant::now, |t| t + window);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let next = if left.is_zero() {
                rx.try_recv().map_err(|e| match e {
                    mpsc::TryRecvError::Empty => RecvTimeoutError::Timeout,
                    mpsc::TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
                })
            } else {
                rx.recv_timeout(left)
            };
            match next {
                Ok(Msg::Update(p)) => batch.push(p),
                Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    closed = true;
                    break;
                }
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        commit(&store, batch);
        last_commit = Some(Instant::now());
        if closed {
            break;
        }
    }
}

fn commit(store: &Arc<Mutex<Store>>, batch: Vec<Pending>) {
    let mut store = match store.lock() {
        Ok(s) => s,
        Err(poisoned) => poisoned.into_inner(),
    };
    // One transaction per run of updates with the same origin.
    let mut start = 0;
    while start < batch.len() {
        let origin = batch[start].origin.clone();
        let end = batch[start..]
            .iter()
            .position(|p| p.origin != origin)
            .map_or(batch.len(), |i| start + i);
        let group = &batch[start..end];
        let items: Vec<(DocRef, Vec<u8>)> = group
            .iter()
            .map(|p| (p.doc.clone(), p.bytes.clone()))
            .collect();
        match store.apply_batch(&items, &origin) {
            Ok(results) => {
                for (p, r) in group.iter().zip(results) {
                    let _ = p.ack.send(Ok(r));
                }
            }
            Err(_) => {
                for p in group {
                    let r = store.apply(&p.doc, &p.bytes, &p.origin).map_err(Arc::new);
                    let _ = p.ack.send(r);
                }
            }
        }
        start = end;
    }
}
