//! Who wrote a change, where the documents can tell. Every local write records the Yjs client
//! id it writes with, and who that is (device and rapporteur's name), in the document it writes
//! (`store::write`, the `clients` map of `doc::review_doc`). A changed paragraph of the draft comes from a session's summary or notes,
//! an outcome, or the event's own document; the text inserted there between the two versions
//! is read with yrs's snapshot diff, each inserted run with the client that typed it. The
//! authors of a change are those whose inserted text holds the words the change inserted; when
//! no words match (a pure deletion, a status change) they are every client that wrote in that
//! place between the two versions. Deletions carry no author in Yjs, so who removed text is only
//! known that way. A client that was never recorded (an app from before this, a plain Yjs
//! client) is left out rather than guessed.

use super::Result;
use crate::compile::redline::Change;
use crate::doc::review_doc::{self, VersionRecord};
use crate::doc::{new_doc, session_doc};
use crate::store::Store;
use std::collections::{BTreeSet, HashMap};
use yrs::types::text::{ChangeKind, YChange};
use yrs::updates::decoder::Decode;
use yrs::{Doc, Map, Out, ReadTxn, Snapshot, Text, TextRef, Transact, Update};

/// Where in the documents a paragraph of the draft comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Place {
    Summary(String),
    Notes(String),
    /// (session, outcome)
    Outcome(String, String),
    Event,
}

/// What was written in one place between the two versions: each inserted run with its
/// client, every client that wrote in the document at all, and who the document says its
/// clients are.
#[derive(Default)]
struct Written {
    runs: Vec<(u64, String)>,
    clients: BTreeSet<u64>,
    names: HashMap<u64, String>,
}

fn place(source: Option<&str>, outcomes: &HashMap<String, String>) -> Place {
    let Some(s) = source else { return Place::Event };
    let parts: Vec<&str> = s.split('/').collect();
    match parts.as_slice() {
        [sid, "summary", _] => Place::Summary(sid.to_string()),
        [sid, "notes", _] => Place::Notes(sid.to_string()),
        [id] => match outcomes.get(*id) {
            Some(sid) => Place::Outcome(sid.clone(), id.to_string()),
            None => Place::Event,
        },
        _ => Place::Event,
    }
}

/// A private copy of a document (yrs's snapshot diff splits the blocks of what it reads).
fn copy(doc: &Doc) -> Doc {
    let out = new_doc();
    let state = doc
        .transact()
        .encode_state_as_update_v1(&yrs::StateVector::default());
    if let Ok(u) = Update::decode_v1(&state) {
        let _ = out.transact_mut().apply_update(u);
    }
    out
}

fn text_of<T: ReadTxn>(txn: &T, place: &Place) -> Option<TextRef> {
    match place {
        Place::Summary(_) => txn.get_text(session_doc::SUMMARY),
        Place::Notes(_) => txn.get_text(session_doc::NOTES),
        Place::Outcome(_, id) => match txn.get_map("outcomes")?.get(txn, id) {
            Some(Out::YMap(m)) => match m.get(txn, "text") {
                Some(Out::YText(t)) => Some(t),
                _ => None,
            },
            _ => None,
        },
        Place::Event => None,
    }
}

fn snapshot(v: Option<&VersionRecord>, doc_id: &str) -> Option<Snapshot> {
    v.and_then(|v| v.docs.get(doc_id))
        .and_then(|b| Snapshot::decode_v1(b).ok())
}

impl Store {
    /// The authors of each change between version `from` and `to` (`None`: now), by name.
    pub fn authors_of(
        &mut self,
        event_id: &str,
        from: &VersionRecord,
        to: Option<&VersionRecord>,
        changes: &[Change],
        outcomes: &HashMap<String, String>,
    ) -> Result<Vec<Vec<String>>> {
        let mut names: HashMap<u64, String> = review_doc::clients(&self.doc(event_id)?.transact())
            .into_iter()
            .map(|(c, i)| (c, i.name))
            .collect();
        let mut written: HashMap<Place, Written> = HashMap::new();
        let mut out = Vec::with_capacity(changes.len());
        for c in changes {
            let p = place(c.source.as_deref(), outcomes);
            if !written.contains_key(&p) {
                let w = self.written_in(event_id, &p, from, to)?;
                names.extend(w.names.iter().map(|(c, n)| (*c, n.clone())));
                written.insert(p.clone(), w);
            }
            let w = &written[&p];
            let words: Vec<String> = c
                .inserted_words()
                .into_iter()
                .map(|w| {
                    w.trim_matches(|ch: char| !ch.is_alphanumeric())
                        .to_lowercase()
                })
                .filter(|w| w.chars().count() >= 3)
                .collect();
            let mut who: BTreeSet<u64> = w
                .runs
                .iter()
                .filter(|(_, text)| {
                    let t = text.to_lowercase();
                    words.iter().any(|word| t.contains(word.as_str()))
                })
                .map(|(client, _)| *client)
                .collect();
            if who.is_empty() {
                who = w.clients.clone();
            }
            let mut shown: Vec<String> = who
                .iter()
                .filter_map(|c| names.get(c).cloned())
                .filter(|n| !n.is_empty())
                .collect();
            shown.sort();
            shown.dedup();
            out.push(shown);
        }
        Ok(out)
    }

    fn written_in(
        &mut self,
        event_id: &str,
        place: &Place,
        from: &VersionRecord,
        to: Option<&VersionRecord>,
    ) -> Result<Written> {
        let doc_id = match place {
            Place::Summary(s) | Place::Notes(s) | Place::Outcome(s, _) => s.clone(),
            Place::Event => event_id.to_string(),
        };
        let lo = snapshot(Some(from), &doc_id).unwrap_or_default();
        let hi = snapshot(to, &doc_id);
        let doc = copy(self.doc(&doc_id)?);
        let mut w = Written {
            names: review_doc::clients(&doc.transact())
                .into_iter()
                .map(|(c, i)| (c, i.name))
                .collect(),
            ..Written::default()
        };
        {
            let txn = doc.transact();
            let now = txn.state_vector();
            let upper = hi.as_ref().map_or(&now, |h| &h.state_map);
            for (client, clock) in upper.iter() {
                if *clock > lo.state_map.get(client) {
                    w.clients.insert(client.get());
                }
            }
        }
        let mut txn = doc.transact_mut();
        if let Some(text) = text_of(&txn, place) {
            for d in text.diff_range(&mut txn, hi.as_ref(), Some(&lo), YChange::identity) {
                if let Some(YChange {
                    kind: ChangeKind::Added,
                    id,
                }) = d.ychange
                {
                    if let Out::Any(yrs::Any::String(s)) = d.insert {
                        w.runs.push((id.client.get(), s.to_string()));
                    }
                }
            }
        }
        Ok(w)
    }
}
