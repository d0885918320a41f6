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

struct Doc {
    state: DocState,
    authenticated: bool,
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

    /// Sends `msg` for `doc`, opening the document (its authentication message) first.
    pub async fn send(&mut self, doc: &str, msg: &Message) -> Result<(), NetError> {
        let name = hocuspocus::doc_name(self.event, doc);
        if !self.docs.contains_key(doc) {
            let auth = hocuspocus::encode_auth(&name, self.target.token());
            self.send_raw(auth).await?;
            let state = DocState::new(self.rule);
            let opened = Doc {
                state,
                authenticated: false,
            };
            self.docs.insert(doc.to_string(), opened);
        }
        self.send_raw(hocuspocus::encode_yjs(&name, msg)).await?;
        if let Some(d) = self.docs.get_mut(doc) {
            d.state.sent(msg);
        }
        Ok(())
    }

    /// Keeps the socket from the server's idle time-out (once a document is open).
    pub async fn keepalive(&mut self) -> Result<(), NetError> {
        let name = hocuspocus::doc_name(self.event, self.event);
        if self.docs.contains_key(self.event) {
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
            Body::Authenticated { .. } => d.authenticated = true,
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
