//! The y-websocket wire of a relay session (see [`super::relay`]): a WebSocket per document,
//! opened on first use at the room's URL (`<relay>/<event-id>/<doc-id>`, the relay's query
//! string kept, `token=` added), frames of bare y-protocols messages.
//!
//! What servers of this protocol do differently, and how it is met:
//! - y-redis joins several messages into one frame: a frame is read as messages back to back
//!   ([`decode_messages`]).
//! - y-redis pushes its state (step 1 and step 2) when the room opens and never answers our
//!   step 1; the reference server answers it. Neither acknowledges what we send, but both pass
//!   every update they apply back to the sender too: `--once` waits for that ([`AckRule::Echo`]).

use super::ack::{AckRule, DocState};
use super::relay::RelayTarget;
use super::ws::{self, Incoming, Sink};
use super::NetError;
use crate::sync::protocol::{decode_messages, encode_message};
use std::collections::HashMap;
use tokio::sync::mpsc;
use yrs::sync::Message;

pub struct YWire<'a> {
    target: &'a RelayTarget,
    event: &'a str,
    sinks: HashMap<String, Sink>,
    state: HashMap<String, DocState>,
    tx: mpsc::Sender<Incoming>,
    rule: AckRule,
}

impl<'a> YWire<'a> {
    /// A wire whose sockets' frames go to `tx`, labelled with their document; with `once`, it
    /// tracks what the relay passed back.
    pub fn new(
        target: &'a RelayTarget,
        event: &'a str,
        tx: mpsc::Sender<Incoming>,
        once: bool,
    ) -> Self {
        YWire {
            target,
            event,
            sinks: HashMap::new(),
            state: HashMap::new(),
            tx,
            rule: if once {
                AckRule::Echo
            } else {
                AckRule::Untracked
            },
        }
    }

    /// Where a document's room is, for messages (no query string: it may hold a token).
    pub fn shown(&self, doc: &str) -> String {
        format!("{}/{}/{doc}", self.target.base, self.event)
    }

    /// Sends `msg` to `doc`'s room, opening it first if needed.
    pub async fn send(&mut self, doc: &str, msg: &Message) -> Result<(), NetError> {
        let shown = self.shown(doc);
        if !self.sinks.contains_key(doc) {
            let url = self.target.room_url(self.event, doc);
            let sink = ws::open(self.target, &url, &shown, doc, &self.tx).await?;
            self.sinks.insert(doc.to_string(), sink);
        }
        let rule = self.rule;
        if let Some(sink) = self.sinks.get_mut(doc) {
            ws::send(sink, encode_message(msg), &shown).await?;
            self.state
                .entry(doc.to_string())
                .or_insert_with(|| DocState::new(rule))
                .sent(msg);
        }
        Ok(())
    }

    /// The messages of a frame from `doc`'s room, noted for `--once`.
    pub fn take(&mut self, doc: &str, bytes: &[u8]) -> Result<Vec<(String, Message)>, NetError> {
        let msgs = decode_messages(bytes).map_err(|source| NetError::Sync {
            addr: self.shown(doc),
            source,
        })?;
        let rule = self.rule;
        let st = self
            .state
            .entry(doc.to_string())
            .or_insert_with(|| DocState::new(rule));
        for m in &msgs {
            st.received(m);
        }
        Ok(msgs.into_iter().map(|m| (doc.to_string(), m)).collect())
    }

    /// Every open document up to date both ways, and acknowledged.
    pub fn done(&self) -> bool {
        !self.state.is_empty() && self.state.values().all(DocState::done)
    }

    pub fn docs(&self) -> usize {
        self.state.len()
    }

    pub async fn close(&mut self) {
        for (_, mut sink) in self.sinks.drain() {
            let _ = futures_util::SinkExt::close(&mut sink).await;
        }
    }
}
