//! What a peer lacks, in parts that each fit a frame. A big event's step 2 can be larger than
//! the frame cap (and than [`MAX_UPDATE_BYTES`](super::MAX_UPDATE_BYTES), which every
//! receiver enforces); sent whole, it would be refused and the event would never sync.
//!
//! The split follows the document's clients (every device session that wrote to it has its
//! own): the part for client `c` is the diff against a state vector that has everything
//! except `c`'s missing range, so it holds `c`'s missing structs (plus the delete set, which
//! every update carries). Parts are packed greedily up to the cap and merged with yrs. Each
//! part is a valid update on its own; a part whose structs refer to another part's waits, in
//! the receiver's document, until that part arrives — so they may come in any order, and the
//! last one leaves the receiver with exactly the whole diff.

use super::{Result, Store, StoreError};
use yrs::{ReadTxn, Transact};

impl Store {
    /// The update a peer with state vector `sv` is missing, as updates of at most `cap`
    /// bytes each (one when it fits). Fails, naming the document, when one client's share
    /// alone is over the cap.
    pub fn diff_in_parts(&mut self, doc_id: &str, sv: &[u8], cap: usize) -> Result<Vec<Vec<u8>>> {
        let whole = self.diff(doc_id, sv)?;
        if whole.len() <= cap {
            return Ok(vec![whole]);
        }
        let remote = super::peer_state_vector(doc_id, sv)?;
        let doc = self.doc(doc_id)?;
        let txn = doc.transact();
        let local = txn.state_vector();
        let mut clients: Vec<_> = local
            .iter()
            .filter(|(c, clock)| remote.get(c) < **clock)
            .map(|(c, clock)| (*c, *clock))
            .collect();
        clients.sort_unstable();
        let mut parts: Vec<Vec<u8>> = Vec::new();
        let mut pending: Vec<Vec<u8>> = Vec::new();
        let mut pending_len = 0;
        for (client, _) in clients {
            // Everything but this client's missing range counts as known.
            let mut known = local.clone();
            known.set_min(client, remote.get(&client));
            let part = txn.encode_state_as_update_v1(&known);
            if part.len() > cap {
                return Err(StoreError::UpdateTooLarge {
                    doc: doc_id.into(),
                    size: part.len(),
                    limit: cap,
                });
            }
            if pending_len + part.len() > cap {
                flush(doc_id, &mut pending, cap, &mut parts)?;
                pending_len = 0;
            }
            pending_len += part.len();
            pending.push(part);
        }
        flush(doc_id, &mut pending, cap, &mut parts)?;
        Ok(parts)
    }
}

/// `pending` as few updates as fit the cap: merged into one (merging drops the repeated
/// delete sets, so it is normally smaller than their sum), or as they are if it is not.
fn flush(
    doc_id: &str,
    pending: &mut Vec<Vec<u8>>,
    cap: usize,
    out: &mut Vec<Vec<u8>>,
) -> Result<()> {
    if pending.len() > 1 {
        let merged =
            yrs::merge_updates_v1(pending.iter()).map_err(|e| StoreError::MalformedUpdate {
                doc: doc_id.into(),
                reason: format!("merging parts of a diff: {e}"),
            })?;
        if merged.len() <= cap {
            pending.clear();
            out.push(merged);
            return Ok(());
        }
    }
    out.append(pending);
    Ok(())
}
