//! The session texts as rows: each paragraph of the notes and the summary is a `text_block`
//! row (`ref` = its position) and each outcome's text one more (`ref` = the outcome id), each
//! with its entry in the full-text index. Kept apart from the other derived tables because it
//! is the hot part of every write: a refresh rewrites only the blocks that changed, so a
//! keystroke costs one block and a peer's paragraphs merged into the middle cost their own
//! inserts plus one position shift, not a rewrite of the session.

use super::{Result, StoreError};
use rusqlite::{params, Connection};
use std::collections::HashMap;

fn sql(context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |e| StoreError::sql(context, e)
}

/// One stored text block: row id, `ref` and text.
type Stored = (i64, String, String);

/// The stored blocks of a session by source; notes and summary in paragraph order.
pub(super) fn read(conn: &Connection, session_id: &str) -> Result<HashMap<String, Vec<Stored>>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT source, id, ref, text FROM text_block WHERE session_id = ?1
             ORDER BY source, CAST(ref AS INTEGER), ref",
        )
        .map_err(sql("reading text blocks"))?;
    let rows = stmt
        .query_map([session_id], |r| {
            Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
        })
        .map_err(sql("reading text blocks"))?;
    let mut out: HashMap<String, Vec<Stored>> = HashMap::new();
    for row in rows {
        let (source, block) = row.map_err(sql("reading text blocks"))?;
        out.entry(source).or_default().push(block);
    }
    Ok(out)
}

/// The statements that keep a text block and its full-text entry in step.
struct BlockWriter<'c> {
    conn: &'c Connection,
    event_id: &'c str,
    session_id: &'c str,
    source: &'c str,
}

const UPDATING: &str = "updating text blocks and the search index";

impl BlockWriter<'_> {
    fn insert(&self, r: &str, text: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO text_block (event_id, session_id, source, ref, text) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .and_then(|mut s| s.execute(params![self.event_id, self.session_id, self.source, r, text]))
            .map_err(sql(UPDATING))?;
        let id = self.conn.last_insert_rowid();
        self.index(id, text)
    }

    fn replace(&self, id: i64, old: &str, text: &str) -> Result<()> {
        self.unindex(id, old)?;
        self.conn
            .prepare_cached("UPDATE text_block SET text = ?2 WHERE id = ?1")
            .and_then(|mut s| s.execute(params![id, text]))
            .map_err(sql(UPDATING))?;
        self.index(id, text)
    }

    fn delete(&self, id: i64, old: &str) -> Result<()> {
        self.unindex(id, old)?;
        self.conn
            .prepare_cached("DELETE FROM text_block WHERE id = ?1")
            .and_then(|mut s| s.execute([id]))
            .map_err(sql(UPDATING))?;
        Ok(())
    }

    fn index(&self, id: i64, text: &str) -> Result<()> {
        self.conn
            .prepare_cached("INSERT INTO search_index (rowid, text) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute(params![id, text]))
            .map_err(sql(UPDATING))?;
        Ok(())
    }

    fn unindex(&self, id: i64, old: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', ?1, ?2)",
            )
            .and_then(|mut s| s.execute(params![id, old]))
            .map_err(sql(UPDATING))?;
        Ok(())
    }

    /// Adds `delta` to the position of every block at `from` or later. Positions are unique,
    /// so the blocks first move to negative positions (`-(new) - 1`), out of everyone's way,
    /// and come back with [`BlockWriter::restore_moved`] once the blocks in between are done.
    fn move_aside(&self, from: usize, delta: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE text_block SET ref = -(CAST(ref AS INTEGER) + ?4) - 1
                 WHERE session_id = ?1 AND source = ?2 AND CAST(ref AS INTEGER) >= ?3",
            )
            .and_then(|mut s| s.execute(params![self.session_id, self.source, from as i64, delta]))
            .map_err(sql(UPDATING))?;
        Ok(())
    }

    fn restore_moved(&self) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE text_block SET ref = -CAST(ref AS INTEGER) - 1
                 WHERE session_id = ?1 AND source = ?2 AND CAST(ref AS INTEGER) < 0",
            )
            .and_then(|mut s| s.execute(params![self.session_id, self.source]))
            .map_err(sql(UPDATING))?;
        Ok(())
    }
}

/// Brings the paragraphs of one text (notes or summary, `ref` = position) in line with `new`.
/// Only the stretch between the unchanged beginning and the unchanged end is rewritten (a
/// keystroke touches one block; paragraphs a peer inserted in the middle are inserted); the
/// unchanged end only changes position, in two statements, and keeps its search entries.
pub(super) fn write_sequence(
    conn: &Connection,
    event_id: &str,
    session_id: &str,
    source: &str,
    old: &[Stored],
    new: &[&str],
) -> Result<()> {
    let w = BlockWriter {
        conn,
        event_id,
        session_id,
        source,
    };
    let (n, m) = (old.len(), new.len());
    let prefix = old
        .iter()
        .zip(new)
        .take_while(|((_, _, o), t)| o == *t)
        .count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|((_, _, o), t)| o == *t)
        .count();
    let delta = m as i64 - n as i64;
    let shift = suffix > 0 && delta != 0;
    if shift {
        w.move_aside(n - suffix, delta)?;
    }
    let (old_mid, new_mid) = (&old[prefix..n - suffix], &new[prefix..m - suffix]);
    for i in 0..old_mid.len().max(new_mid.len()) {
        match (old_mid.get(i), new_mid.get(i)) {
            (Some((_, _, o)), Some(t)) if o == t => {}
            (Some((id, _, o)), Some(t)) => w.replace(*id, o, t)?,
            (None, Some(t)) => w.insert(&(prefix + i).to_string(), t)?,
            (Some((id, _, o)), None) => w.delete(*id, o)?,
            (None, None) => unreachable!("i is below one of the lengths"),
        }
    }
    if shift {
        w.restore_moved()?;
    }
    Ok(())
}

/// Brings blocks keyed by a stable reference (outcomes, by id) in line with `new`.
pub(super) fn write_keyed(
    conn: &Connection,
    event_id: &str,
    session_id: &str,
    old: Vec<Stored>,
    new: &[(String, &str)],
) -> Result<()> {
    let w = BlockWriter {
        conn,
        event_id,
        session_id,
        source: "outcome",
    };
    let mut existing: HashMap<String, (i64, String)> =
        old.into_iter().map(|(id, r, t)| (r, (id, t))).collect();
    for (r, text) in new {
        match existing.remove(r) {
            Some((_, old)) if old == *text => {}
            Some((id, old)) => w.replace(id, &old, text)?,
            None => w.insert(r, text)?,
        }
    }
    for (_, (id, old)) in existing {
        w.delete(id, &old)?;
    }
    Ok(())
}
