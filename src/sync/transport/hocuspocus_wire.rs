//! The Hocuspocus wire of a relay session (see [`super::relay`]): **one** WebSocket to the relay
//! URL carries every document of the event, each message naming its document
//! (`<event-id>/<doc-id>`, [`super::hocuspocus`]). A document is opened by its authentication
//! message (the token, empty when there is none) sent before anything else of it; the server
//! holds the rest until its `onAuthenticate` has agreed, and sends nothing of the document
//! before. Its answers are handled here:
//!
//! - permission denied: the token was refused — a final error ([`NetError::Refused`]);
//! - a sync status: one step 2 or update applied (what `--once` waits for), or refused (a
//!   read-only connection: final as well, since nothing typed here could reach the relay);
//! - the server asking for the token again: it is sent again;
//! - a document closed by the server: the connection ends, to be opened again (retried);
//! - a ping: answered with a pong.
//!
//! A document's messages are held back until the server has accepted its token: a refused
//! token then sees nothing of ours, and the server's limits on what an unauthenticated
//! connection may queue (5 MiB, 1,000 messages, 100 documents by default) are never reached by
//! a large event — at most [`MAX_PENDING`] documents wait for their answer at a time.
//!
//! The server closes a socket it has heard nothing on for its time-out (30 s by default), so
//! [`HpWire::keepalive`] sends a query-awareness message every [`super::KEEPALIVE`], which a
//! Hocuspocus server takes without answering.

use super::ack::{AckRule, DocState};
use super::hocuspocus::{self, Body, Frame};
use super::relay::RelayTarget;
use super::ws::{self, Incoming, Sink};
use super::NetError;
use std::collections::HashMap;
use tokio::sync::mpsc;
use yrs::sync::Message;

/// The most documents waiting for the server's answer to their token at once (Hocuspocus
/// closes a connection with more than 100 by default).
pub const MAX_PENDING: usize = 32;

struct Doc {
    state: DocState,
    /// The token was sent (the document may wait for its turn first).
    asked: bool,
    authenticated: bool,
    /// Messages waiting for the server to accept the token.
    held: Vec<Vec<u8>>,
}

pub struct HpWire<'a> {
    target: &'a RelayTarget,
    event: &'a str,
    sink: Sink,
    shown: String,
    docs: HashMap<String, Doc>,
    rule: AckRule,
    /// Whether anything of a document was received (a refusal then says nothing was written).
    received: bool,
}

impl<'a> HpWire<'a> {
    /// Opens the socket; its frames go to `tx`. With `once`, sync statuses are counted.
    pub async fn connect(
        target: &'a RelayTarget,
        event: &'a str,
        tx: &mpsc::Sender<Incoming>,
        once: bool,
    ) -> Result<Self, NetError> {
        let shown = target.base.clone();
        let sink = ws::open(target, &target.socket_url(), &shown, "", tx).await?;
        Ok(HpWire {
            target,
            event,
            sink,
            shown,
            docs: HashMap::new(),
            rule: if once {
                AckRule::Status
            } else {
                AckRule::Untracked
            },
            received: false,
        })
    }

    async fn send_raw(&mut self, bytes: Vec<u8>) -> Result<(), NetError> {
        ws::send(&mut self.sink, bytes, &self.shown).await
    }

    /// Sends `msg` for `doc`, opening the document (its authentication message) first; held
    /// back until the server has accepted the token.
    pub async fn send(&mut self, doc: &str, msg: &Message) -> Result<(), NetError> {
        let name = hocuspocus::doc_name(self.event, doc);
        let bytes = hocuspocus::encode_yjs(&name, msg);
        let rule = self.rule;
        let d = self.docs.entry(doc.to_string()).or_insert_with(|| Doc {
            state: DocState::new(rule),
            asked: false,
            authenticated: false,
            held: Vec::new(),
        });
        d.state.sent(msg);
        if d.authenticated {
            return self.send_raw(bytes).await;
        }
        d.held.push(bytes);
        self.ask_for_access().await
    }

    /// Sends the token for the documents waiting for their turn, up to [`MAX_PENDING`] waiting
    /// for an answer at once.
    async fn ask_for_access(&mut self) -> Result<(), NetError> {
        let waiting = self
            .docs
            .values()
            .filter(|d| d.asked && !d.authenticated)
            .count();
        let turn: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| !d.asked)
            .map(|(id, _)| id.clone())
            .take(MAX_PENDING.saturating_sub(waiting))
            .collect();
        for doc in turn {
            let name = hocuspocus::doc_name(self.event, &doc);
            self.send_raw(hocuspocus::encode_auth(&name, self.target.token()))
                .await?;
            if let Some(d) = self.docs.get_mut(&doc) {
                d.asked = true;
            }
        }
        Ok(())
    }

    /// Keeps the socket from the server's idle time-out (once a document is open).
    pub async fn keepalive(&mut self) -> Result<(), NetError> {
        let name = hocuspocus::doc_name(self.event, self.event);
        if self.docs.get(self.event).is_some_and(|d| d.authenticated) {
            self.send_raw(hocuspocus::encode_keepalive(&name)).await?;
        }
        Ok(())
    }

    /// What a frame from the server means: y-protocols messages for the peer (with their
    /// document id), or nothing after handling it here.
    pub async fn take(&mut self, bytes: &[u8]) -> Result<Vec<(String, Message)>, NetError> {
        let frame = hocuspocus::decode(bytes).map_err(|source| NetError::Sync {
            addr: self.shown.clone(),
            source,
        })?;
        let (name, body) = match frame {
            Frame::Ping => {
                self.send_raw(hocuspocus::PONG.to_vec()).await?;
                return Ok(Vec::new());
            }
            Frame::Pong => return Ok(Vec::new()),
            Frame::Doc { name, body } => (name, body),
        };
        let (event, doc) = hocuspocus::split_name(&name).map_err(|source| NetError::Sync {
            addr: self.shown.clone(),
            source,
        })?;
        let protocol = |reason: String| NetError::Protocol {
            addr: self.shown.clone(),
            reason,
        };
        if event != self.event {
            return Err(protocol(format!("a message for {name}, of another event")));
        }
        let Some(d) = self.docs.get_mut(doc) else {
            return Err(protocol(format!("a message for {name}, never opened")));
        };
        match body {
            Body::Yjs(msg) => {
                self.received = true;
                d.state.received(&msg);
                return Ok(vec![(doc.to_string(), msg)]);
            }
            Body::Authenticated { .. } => {
                d.authenticated = true;
                for bytes in std::mem::take(&mut d.held) {
                    self.send_raw(bytes).await?;
                }
                self.ask_for_access().await?;
            }
            Body::PermissionDenied(reason) => {
                let written = if self.received {
                    ""
                } else {
                    "; nothing was written"
                };
                return Err(NetError::Refused {
                    addr: self.shown.clone(),
                    reason: format!(
                        "{reason}: check the token (--token){written} (document {name})"
                    ),
                });
            }
            Body::TokenRequest => {
                let auth = hocuspocus::encode_auth(&name, self.target.token());
                self.send_raw(auth).await?;
            }
            Body::SyncStatus(applied) => {
                d.state.status(applied);
                if !applied {
                    return Err(NetError::Refused {
                        addr: self.shown.clone(),
                        reason: format!(
                            "document {name}: a change was refused: this token may only read"
                        ),
                    });
                }
            }
            Body::Close(reason) => {
                return Err(NetError::WebSocket {
                    addr: self.shown.clone(),
                    reason: format!("the relay closed document {name}: {reason}"),
                })
            }
            Body::Stateless => {}
        }
        Ok(Vec::new())
    }

    /// Every open document authenticated, up to date both ways, and acknowledged.
    pub fn done(&self) -> bool {
        !self.docs.is_empty()
            && self
                .docs
                .values()
                .all(|d| d.authenticated && d.state.done())
    }

    pub fn docs(&self) -> usize {
        self.docs.len()
    }

    pub async fn close(&mut self) {
        let _ = futures_util::SinkExt::close(&mut self.sink).await;
    }
}
