//! Tables derived from the documents, refreshed in the same transaction as the log append:
//! events, days, sessions, session texts, outcomes, participants and the full-text index.
//! Nothing else writes them; [`clear_all`] plus a refresh of every document rebuilds them.

use super::{DocRef, Result, StoreError};
use crate::doc::{event_doc, session_doc};
use crate::model::OutcomeView;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use yrs::{Doc, Transact};

/// What the `event.data` column holds.
#[derive(Debug, Serialize, Deserialize)]
pub struct EventData {
    pub info: crate::model::EventInfo,
    pub conflicts: Vec<crate::model::FieldConflict>,
}

fn sql(context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |e| StoreError::sql(context, e)
}

/// Refreshes the rows derived from one document.
pub fn refresh(conn: &Connection, doc: &DocRef, ydoc: &Doc) -> Result<()> {
    if doc.is_event_doc() {
        refresh_event(conn, &doc.event_id, ydoc)
    } else {
        refresh_session(conn, &doc.event_id, &doc.doc_id, ydoc)
    }
}

fn refresh_event(conn: &Connection, event_id: &str, ydoc: &Doc) -> Result<()> {
    let view = event_doc::read(&ydoc.transact());
    let data = serde_json::to_string(&EventData {
        info: view.info.clone(),
        conflicts: view.conflicts.clone(),
    })
    .expect("plain data serialises");
    conn.execute(
        "INSERT INTO event (id, title, venue, start_date, end_date, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, venue = excluded.venue, start_date = excluded.start_date,
           end_date = excluded.end_date, data = excluded.data",
        params![event_id, view.info.title, view.info.venue, view.info.start_date.map(|d| d.to_string()), view.info.end_date.map(|d| d.to_string()), data],
    )
    .map_err(sql("writing the event row"))?;
    for table in ["day", "session", "participant"] {
        conn.execute(
            &format!("DELETE FROM {table} WHERE event_id = ?1"),
            [event_id],
        )
        .map_err(sql("clearing derived agenda rows"))?;
    }
    let mut day_stmt = conn
        .prepare_cached(
            "INSERT INTO day (event_id, idx, id, date, label) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(sql("writing days"))?;
    let mut session_stmt = conn
        .prepare_cached(
            "INSERT INTO session (id, event_id, day_idx, row_idx, start, end, title, kind, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .map_err(sql("writing sessions"))?;
    for (d, day) in view.days.iter().enumerate() {
        day_stmt
            .execute(params![
                event_id,
                d as i64,
                day.id,
                day.date.map(|x| x.to_string()),
                day.label
            ])
            .map_err(sql("writing days"))?;
        for (r, s) in day.sessions.iter().enumerate() {
            let data = serde_json::to_string(s).expect("plain data serialises");
            session_stmt
                .execute(params![
                    s.id,
                    event_id,
                    d as i64,
                    r as i64,
                    s.start.first().copied().flatten().map(|t| t.to_string()),
                    s.end.first().copied().flatten().map(|t| t.to_string()),
                    s.title.first().cloned().unwrap_or_default(),
                    s.kind.first().copied().unwrap_or_default().as_str(),
                    data
                ])
                .map_err(sql("writing sessions"))?;
        }
    }
    let mut p_stmt = conn
        .prepare_cached("INSERT INTO participant (id, event_id, name, entity, handle, role, title, position, email) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .map_err(sql("writing participants"))?;
    for p in &view.participants {
        p_stmt
            .execute(params![
                p.id, event_id, p.name, p.entity, p.handle, p.role, p.title, p.position, p.email
            ])
            .map_err(sql("writing participants"))?;
    }
    Ok(())
}

fn refresh_session(conn: &Connection, event_id: &str, session_id: &str, ydoc: &Doc) -> Result<()> {
    let txn = ydoc.transact();
    let notes = session_doc::text(&txn, session_doc::TextKind::Notes);
    let summary = session_doc::text(&txn, session_doc::TextKind::Summary);
    let outcomes = session_doc::outcomes(&txn, session_id);
    drop(txn);
    write_outcomes(conn, event_id, session_id, &outcomes)?;
    let mut blocks: Vec<(&str, String, &str)> = Vec::new();
    for (source, text) in [("notes", notes.as_str()), ("summary", summary.as_str())] {
        blocks.extend(
            split_blocks(text)
                .enumerate()
                .map(|(i, b)| (source, i.to_string(), b)),
        );
    }
    blocks.extend(
        outcomes
            .iter()
            .map(|o| ("outcome", o.id.clone(), o.text.as_str())),
    );
    write_blocks(conn, event_id, session_id, &blocks)
}

/// Rewrites the outcome rows of a session only when they differ from what is stored, so a
/// keystroke in the notes does not rewrite every outcome.
fn write_outcomes(
    conn: &Connection,
    event_id: &str,
    session_id: &str,
    outcomes: &[OutcomeView],
) -> Result<()> {
    let rows: Vec<(String, String)> = outcomes
        .iter()
        .map(|o| {
            (
                o.id.clone(),
                serde_json::to_string(o).expect("plain data serialises"),
            )
        })
        .collect();
    let stored: Vec<(String, String)> = {
        let mut stmt = conn
            .prepare_cached("SELECT id, data FROM outcome WHERE session_id = ?1 ORDER BY id")
            .map_err(sql("reading outcomes"))?;
        let r = stmt
            .query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql("reading outcomes"))?;
        r.collect::<std::result::Result<_, _>>()
            .map_err(sql("reading outcomes"))?
    };
    let mut sorted = rows.clone();
    sorted.sort();
    if sorted == stored {
        return Ok(());
    }
    conn.execute("DELETE FROM outcome WHERE session_id = ?1", [session_id])
        .map_err(sql("clearing outcomes"))?;
    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO outcome (id, session_id, event_id, kind, status, position, conflict, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(sql("writing outcomes"))?;
    for (o, (_, data)) in outcomes.iter().zip(&rows) {
        stmt.execute(params![
            o.id,
            session_id,
            event_id,
            o.kind.first().map(|k| k.as_str()).unwrap_or(""),
            o.status.first().map(|s| s.as_str()).unwrap_or(""),
            o.position,
            has_conflict(o) as i64,
            data
        ])
        .map_err(sql("writing outcomes"))?;
    }
    Ok(())
}

pub(crate) fn has_conflict(o: &OutcomeView) -> bool {
    o.kind.is_conflict()
        || o.lead.is_conflict()
        || o.deadline.is_conflict()
        || o.status.is_conflict()
        || o.confidential.is_conflict()
        || o.key_message.is_conflict()
}

/// Splits Markdown into blocks: each paragraph together with the blank lines that follow it.
/// The blocks concatenate back to exactly the input.
pub fn split_blocks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = match rest.find("\n\n") {
            Some(i) => i + rest[i..].find(|c| c != '\n').unwrap_or(rest.len() - i),
            None => rest.len(),
        };
        let (block, tail) = rest.split_at(end);
        rest = tail;
        Some(block)
    })
}

/// Brings a session's text blocks and their full-text entries in line with `blocks`, touching
/// only blocks whose text changed, so a keystroke rewrites one block rather than the session.
fn write_blocks(
    conn: &Connection,
    event_id: &str,
    session_id: &str,
    blocks: &[(&str, String, &str)],
) -> Result<()> {
    let mut existing: HashMap<(String, String), (i64, String)> = HashMap::new();
    {
        let mut stmt = conn
            .prepare_cached("SELECT id, source, ref, text FROM text_block WHERE session_id = ?1")
            .map_err(sql("reading text blocks"))?;
        let rows = stmt
            .query_map([session_id], |r| {
                Ok(((r.get(1)?, r.get(2)?), (r.get(0)?, r.get(3)?)))
            })
            .map_err(sql("reading text blocks"))?;
        for row in rows {
            let (k, v) = row.map_err(sql("reading text blocks"))?;
            existing.insert(k, v);
        }
    }
    let e = sql("updating text blocks and the search index");
    let mut unindex = conn
        .prepare_cached(
            "INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', ?1, ?2)",
        )
        .map_err(&e)?;
    let mut index = conn
        .prepare_cached("INSERT INTO search_index (rowid, text) VALUES (?1, ?2)")
        .map_err(&e)?;
    let mut update = conn
        .prepare_cached("UPDATE text_block SET text = ?2 WHERE id = ?1")
        .map_err(&e)?;
    let mut insert = conn
        .prepare_cached("INSERT INTO text_block (event_id, session_id, source, ref, text) VALUES (?1, ?2, ?3, ?4, ?5)")
        .map_err(&e)?;
    let mut delete = conn
        .prepare_cached("DELETE FROM text_block WHERE id = ?1")
        .map_err(&e)?;
    for (source, r, text) in blocks {
        match existing.remove(&(source.to_string(), r.clone())) {
            Some((_, old)) if old == *text => {}
            Some((id, old)) => {
                unindex.execute(params![id, old]).map_err(&e)?;
                update.execute(params![id, text]).map_err(&e)?;
                index.execute(params![id, text]).map_err(&e)?;
            }
            None => {
                insert
                    .execute(params![event_id, session_id, source, r, text])
                    .map_err(&e)?;
                index
                    .execute(params![conn.last_insert_rowid(), text])
                    .map_err(&e)?;
            }
        }
    }
    for (_, (id, old)) in existing {
        unindex.execute(params![id, old]).map_err(&e)?;
        delete.execute([id]).map_err(&e)?;
    }
    Ok(())
}

/// Empties every derived table (the log, snapshots and device are kept).
pub fn clear_all(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM event; DELETE FROM day; DELETE FROM session; DELETE FROM outcome; DELETE FROM participant;
         DELETE FROM text_block; INSERT INTO search_index (search_index) VALUES ('delete-all');",
    )
    .map_err(sql("clearing derived tables"))
}

#[cfg(test)]
mod tests {
    use super::split_blocks;

    #[test]
    fn blocks_concatenate_back_to_the_text() {
        for t in [
            "",
            "one",
            "one\n\ntwo",
            "one\n\n\n\ntwo\n",
            "\n\nlead",
            "a\nb\n\nc\n\n",
            "é\n\nü",
        ] {
            let blocks: Vec<&str> = split_blocks(t).collect();
            assert_eq!(blocks.concat(), t);
            assert!(blocks.iter().all(|b| !b.is_empty()));
        }
        assert_eq!(
            split_blocks("one\n\ntwo").collect::<Vec<_>>(),
            ["one\n\n", "two"]
        );
    }
}
