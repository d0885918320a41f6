//! Tables derived from the documents, refreshed in the same transaction as the log append:
//! events, days, sessions, session texts, outcomes, participants and the full-text index.
//! Nothing else writes them; [`clear_all`] plus a refresh of every document rebuilds them.

use super::{DocRef, Result, StoreError};
use crate::doc::{event_doc, session_doc};
use crate::model::OutcomeView;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
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
        .prepare_cached("INSERT INTO participant (id, event_id, name, entity, handle, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .map_err(sql("writing participants"))?;
    for p in &view.participants {
        p_stmt
            .execute(params![p.id, event_id, p.name, p.entity, p.handle, p.role])
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
    conn.execute(
        "INSERT INTO session_text (session_id, event_id, notes, summary) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(session_id) DO UPDATE SET notes = excluded.notes, summary = excluded.summary",
        params![session_id, event_id, notes, summary],
    )
    .map_err(sql("writing session text"))?;
    conn.execute("DELETE FROM outcome WHERE session_id = ?1", [session_id])
        .map_err(sql("clearing outcomes"))?;
    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO outcome (id, session_id, event_id, kind, status, position, conflict, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(sql("writing outcomes"))?;
    for o in &outcomes {
        stmt.execute(params![
            o.id,
            session_id,
            event_id,
            o.kind.first().map(|k| k.as_str()).unwrap_or(""),
            o.status.first().map(|s| s.as_str()).unwrap_or(""),
            o.position,
            has_conflict(o) as i64,
            serde_json::to_string(o).expect("plain data serialises")
        ])
        .map_err(sql("writing outcomes"))?;
    }
    let mut entries = Vec::new();
    for (source, text) in [("notes", &notes), ("summary", &summary)] {
        for (i, para) in paragraphs(text).enumerate() {
            entries.push((source, i.to_string(), para.to_string()));
        }
    }
    for o in &outcomes {
        entries.push(("outcome", o.id.clone(), o.text.clone()));
    }
    reindex(conn, event_id, session_id, &entries)
}

pub(crate) fn has_conflict(o: &OutcomeView) -> bool {
    o.kind.is_conflict()
        || o.lead.is_conflict()
        || o.deadline.is_conflict()
        || o.status.is_conflict()
        || o.confidential.is_conflict()
        || o.key_message.is_conflict()
}

/// Markdown paragraphs: blocks separated by blank lines.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// Brings the search rows of a session in line with `entries`, touching only rows whose text
/// changed, so a keystroke re-indexes one paragraph rather than the whole session.
fn reindex(
    conn: &Connection,
    event_id: &str,
    session_id: &str,
    entries: &[(&str, String, String)],
) -> Result<()> {
    let mut existing: HashMap<(String, String), (i64, Vec<u8>)> = HashMap::new();
    {
        let mut stmt = conn
            .prepare_cached(
                "SELECT rowid, source, ref, body_hash FROM search_row WHERE session_id = ?1",
            )
            .map_err(sql("reading the search index"))?;
        let rows = stmt
            .query_map([session_id], |r| {
                Ok(((r.get(1)?, r.get(2)?), (r.get(0)?, r.get(3)?)))
            })
            .map_err(sql("reading the search index"))?;
        for row in rows {
            let (k, v) = row.map_err(sql("reading the search index"))?;
            existing.insert(k, v);
        }
    }
    let mut del_fts = conn
        .prepare_cached("DELETE FROM search_index WHERE rowid = ?1")
        .map_err(sql("updating the search index"))?;
    let mut del_row = conn
        .prepare_cached("DELETE FROM search_row WHERE rowid = ?1")
        .map_err(sql("updating the search index"))?;
    let mut ins_row = conn
        .prepare_cached("INSERT INTO search_row (event_id, session_id, source, ref, body_hash) VALUES (?1, ?2, ?3, ?4, ?5)")
        .map_err(sql("updating the search index"))?;
    let mut ins_fts = conn
        .prepare_cached("INSERT INTO search_index (rowid, body) VALUES (?1, ?2)")
        .map_err(sql("updating the search index"))?;
    for (source, r, body) in entries {
        let hash = Sha256::digest(body.as_bytes()).to_vec();
        match existing.remove(&(source.to_string(), r.clone())) {
            Some((_, h)) if h == hash => continue,
            Some((rowid, _)) => {
                del_fts
                    .execute([rowid])
                    .map_err(sql("updating the search index"))?;
                del_row
                    .execute([rowid])
                    .map_err(sql("updating the search index"))?;
            }
            None => {}
        }
        ins_row
            .execute(params![event_id, session_id, source, r, hash])
            .map_err(sql("updating the search index"))?;
        let rowid = conn.last_insert_rowid();
        ins_fts
            .execute(params![rowid, body])
            .map_err(sql("updating the search index"))?;
    }
    for (_, (rowid, _)) in existing {
        del_fts
            .execute([rowid])
            .map_err(sql("updating the search index"))?;
        del_row
            .execute([rowid])
            .map_err(sql("updating the search index"))?;
    }
    Ok(())
}

/// Empties every derived table (the log, snapshots and device are kept).
pub fn clear_all(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM event; DELETE FROM day; DELETE FROM session; DELETE FROM session_text; DELETE FROM outcome;
         DELETE FROM participant; DELETE FROM search_index; DELETE FROM search_row;",
    )
    .map_err(sql("clearing derived tables"))
}
