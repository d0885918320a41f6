//! When `sync --once` may say a relay is up to date with one document: we have what it has
//! (its step 2 arrived) and it has what we have — *acknowledged*, not merely sent. How a relay
//! acknowledges depends on the server:
//!
//! - **Hocuspocus** answers every step 2 and update with a sync status ([`AckRule::Status`]):
//!   done when every one we sent has been answered. A refusal (a read-only connection) is
//!   counted apart, for the caller to report.
//! - **y-websocket servers** say nothing of the kind, and y-redis never answers a step 1 at all.
//!   Both pass every update they apply back to *every* connection of the room, the sender's
//!   included (the reference server from its document's `update` event, y-redis once the update
//!   came back through Redis), and both send their full delete set in the step 2 they send. So
//!   ([`AckRule::Echo`]) what the relay is known to have is gathered from what it sent on this
//!   connection — its step 1's state vector, the insertions and deletions of every step 2 and
//!   update — and a document is acknowledged once everything we sent (the insertions and
//!   deletions of our step 2 answers and updates) is covered. That is sound for any server
//!   (whatever it sends, it has) and waits for nothing a server never sends.

use crate::doc::decode;
use yrs::sync::{Message, SyncMessage};
use yrs::{IdSet, StateVector, ID};

/// How the relay acknowledges what it was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AckRule {
    /// Not tracked (a long-running sync never asks).
    Untracked,
    /// Covered by what the relay sent back ([`Echoes`]).
    Echo,
    /// One sync status per step 2 or update (Hocuspocus).
    Status,
}

/// What the relay is known to have of one document, and what it was sent.
#[derive(Debug, Default)]
pub struct Echoes {
    known_ins: IdSet,
    known_del: IdSet,
    sent_ins: IdSet,
    sent_del: IdSet,
}

impl Echoes {
    /// The relay's state vector (its step 1): it has every clock below.
    pub fn relay_has_state(&mut self, sv: &StateVector) {
        for (client, clock) in sv.iter() {
            if *clock > 0 {
                self.known_ins.insert(ID::new(*client, 0), *clock);
            }
        }
    }

    /// An update (or step 2) the relay sent. One that does not decode is ignored here (the
    /// peer refuses it and ends the connection).
    pub fn relay_sent(&mut self, update: &[u8]) {
        if let Ok(u) = decode::update(update) {
            self.known_ins.merge_with(u.insertions(true));
            self.known_del.merge_with(u.delete_set().clone());
        }
    }

    /// An update (or step 2) we sent.
    pub fn we_sent(&mut self, update: &[u8]) {
        if let Ok(u) = decode::update(update) {
            self.sent_ins.merge_with(u.insertions(true));
            self.sent_del.merge_with(u.delete_set().clone());
        }
    }

    /// Whether everything we sent is known to be on the relay.
    pub fn acknowledged(&self) -> bool {
        let none = |s: IdSet| s.iter().all(|(_, r)| r.is_empty());
        none(self.sent_ins.diff(&self.known_ins)) && none(self.sent_del.diff(&self.known_del))
    }
}

/// The sync state of one document on one connection to a relay.
#[derive(Debug)]
pub struct DocState {
    rule: AckRule,
    /// The relay's step 2 arrived (we have what it has).
    got_step2: bool,
    /// The relay's step 1 arrived and was answered (it was sent what it lacks).
    answered: bool,
    echoes: Echoes,
    /// Step 2s and updates sent, and the sync statuses that answered them.
    sent: u64,
    acked: u64,
    refused: u64,
}

impl DocState {
    pub fn new(rule: AckRule) -> Self {
        DocState {
            rule,
            got_step2: false,
            answered: false,
            echoes: Echoes::default(),
            sent: 0,
            acked: 0,
            refused: 0,
        }
    }

    /// Bookkeeping for a message the relay sent; call it before the answer is routed (the
    /// answer to a step 1 is sent in the same turn, or the connection fails).
    pub fn received(&mut self, msg: &Message) {
        match msg {
            Message::Sync(SyncMessage::SyncStep1(sv)) => {
                self.answered = true;
                if self.rule == AckRule::Echo {
                    self.echoes.relay_has_state(sv);
                }
            }
            Message::Sync(SyncMessage::SyncStep2(u)) => {
                self.got_step2 = true;
                if self.rule == AckRule::Echo {
                    self.echoes.relay_sent(u);
                }
            }
            Message::Sync(SyncMessage::Update(u)) if self.rule == AckRule::Echo => {
                self.echoes.relay_sent(u)
            }
            _ => {}
        }
    }

    /// Bookkeeping for a message sent to the relay.
    pub fn sent(&mut self, msg: &Message) {
        if let Message::Sync(SyncMessage::SyncStep2(u) | SyncMessage::Update(u)) = msg {
            self.sent += 1;
            if self.rule == AckRule::Echo {
                self.echoes.we_sent(u);
            }
        }
    }

    /// A sync status from the relay: one step 2 or update applied, or refused.
    pub fn status(&mut self, applied: bool) {
        if applied {
            self.acked += 1;
        } else {
            self.refused += 1;
        }
    }

    /// Whether the document is up to date both ways, acknowledged as the rule says.
    pub fn done(&self) -> bool {
        self.got_step2
            && self.answered
            && match self.rule {
                AckRule::Untracked => true,
                AckRule::Echo => self.echoes.acknowledged(),
                AckRule::Status => self.acked + self.refused >= self.sent,
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yrs::updates::decoder::Decode;
    use yrs::{Doc, GetString, ReadTxn, Text, Transact};

    fn step1(sv: StateVector) -> Message {
        Message::Sync(SyncMessage::SyncStep1(sv))
    }
    fn step2(u: Vec<u8>) -> Message {
        Message::Sync(SyncMessage::SyncStep2(u))
    }
    fn update(u: Vec<u8>) -> Message {
        Message::Sync(SyncMessage::Update(u))
    }

    /// A relay holding "Hello", and our copy that then typed " world" (`typed`: that insertion
    /// alone, as an update) and deleted "H".
    fn docs() -> (Doc, Doc, Vec<u8>) {
        let relay = Doc::with_client_id(1);
        relay
            .get_or_insert_text("notes")
            .push(&mut relay.transact_mut(), "Hello");
        let relay_sv = relay.transact().state_vector();
        let ours = Doc::with_client_id(2);
        let full = relay
            .transact()
            .encode_state_as_update_v1(&StateVector::default());
        ours.transact_mut()
            .apply_update(yrs::Update::decode_v1(&full).unwrap())
            .unwrap();
        let text = ours.get_or_insert_text("notes");
        text.push(&mut ours.transact_mut(), " world");
        let typed = ours.transact().encode_state_as_update_v1(&relay_sv);
        text.remove_range(&mut ours.transact_mut(), 0, 1);
        assert_eq!(text.get_string(&ours.transact()), "ello world");
        (relay, ours, typed)
    }

    #[test]
    fn an_echo_of_what_we_sent_acknowledges_it_and_nothing_less_does() {
        let (relay, ours, typed) = docs();
        let relay_sv = relay.transact().state_vector();
        let mut st = DocState::new(AckRule::Echo);
        // The relay's opening: its step 1 and a step 2 with everything (y-redis does this).
        st.received(&step1(relay_sv.clone()));
        st.received(&step2(
            relay
                .transact()
                .encode_state_as_update_v1(&StateVector::default()),
        ));
        // Our answer: what the relay lacks (the insertion and the deletion).
        let answer = ours.transact().encode_state_as_update_v1(&relay_sv);
        st.sent(&step2(answer.clone()));
        assert!(!st.done(), "sent, not acknowledged");
        // An unrelated update from someone else acknowledges nothing of ours.
        let other = Doc::with_client_id(3);
        other
            .get_or_insert_text("notes")
            .push(&mut other.transact_mut(), "x");
        st.received(&update(
            other
                .transact()
                .encode_state_as_update_v1(&StateVector::default()),
        ));
        assert!(!st.done());
        // The insertion coming back is not enough: the deletion is missing.
        assert!(yrs::Update::decode_v1(&typed)
            .unwrap()
            .delete_set()
            .is_empty());
        st.received(&update(typed));
        assert!(!st.done());
        // The echo itself (y-redis passes the very bytes back, as an update).
        st.received(&update(answer));
        assert!(st.done());
    }

    #[test]
    fn deletions_the_relay_already_had_need_no_echo() {
        let (relay, ours, _) = docs();
        // The relay deletes "H" too, on its own.
        relay
            .get_or_insert_text("notes")
            .remove_range(&mut relay.transact_mut(), 0, 1);
        let relay_sv = relay.transact().state_vector();
        let mut st = DocState::new(AckRule::Echo);
        st.received(&step1(relay_sv.clone()));
        // Its step 2 (answering our step 1) carries its whole delete set.
        let ours_sv = ours.transact().state_vector();
        st.received(&step2(relay.transact().encode_state_as_update_v1(&ours_sv)));
        // We send only what it lacks in insertions, and our delete set (which it has).
        let answer = ours.transact().encode_state_as_update_v1(&relay_sv);
        st.sent(&step2(answer.clone()));
        assert!(!st.done(), "\" world\" is not on the relay yet");
        // The reference server echoes what it applied: the insertion only.
        let applied = {
            let u = yrs::Update::decode_v1(&answer).unwrap();
            let d = Doc::with_client_id(5);
            let full = relay
                .transact()
                .encode_state_as_update_v1(&StateVector::default());
            d.transact_mut()
                .apply_update(yrs::Update::decode_v1(&full).unwrap())
                .unwrap();
            let before = d.transact().state_vector();
            d.transact_mut().apply_update(u).unwrap();
            let applied = d.transact().encode_state_as_update_v1(&before);
            applied
        };
        st.received(&update(applied));
        assert!(st.done());
    }

    #[test]
    fn status_acknowledgements_are_counted_and_refusals_kept() {
        let mut st = DocState::new(AckRule::Status);
        st.received(&step1(StateVector::default()));
        st.received(&step2(vec![0, 0]));
        st.sent(&step2(vec![0, 0]));
        st.sent(&update(vec![0, 0]));
        st.sent(&step1(StateVector::default()));
        assert!(!st.done());
        st.status(true);
        assert!(!st.done());
        st.status(false);
        assert!(st.done());
        assert_eq!(st.refused, 1);
        let mut untracked = DocState::new(AckRule::Untracked);
        untracked.sent(&update(vec![0, 0]));
        assert!(
            !untracked.done(),
            "not before the relay's step 1 and step 2"
        );
        untracked.received(&step1(StateVector::default()));
        untracked.received(&step2(vec![0, 0]));
        assert!(untracked.done());
    }
}
