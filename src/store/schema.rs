//! The database schema: numbered, append-only migrations run in one transaction, and the guard
//! that makes an older app refuse a newer database without touching it.
//!
//! Never edit a migration that has shipped: add a new one at the end. `PRAGMA user_version`
//! records how many have run.

use super::StoreError;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// The migrations, in order. Index + 1 is the schema version after it runs.
pub const MIGRATIONS: &[&str] = &[
    // 1: the update log (the truth), snapshots, and the tables derived from documents.
    r#"
    CREATE TABLE device (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE doc (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'session'))
    );
    CREATE INDEX doc_event ON doc(event_id);
    CREATE TABLE crdt_update (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL REFERENCES doc(id),
        data BLOB NOT NULL,
        sha256 BLOB NOT NULL,
        origin TEXT NOT NULL,
        received_at TEXT NOT NULL,
        UNIQUE (doc_id, sha256)
    );
    CREATE INDEX crdt_update_doc_seq ON crdt_update(doc_id, seq);
    CREATE TABLE crdt_snapshot (
        doc_id TEXT PRIMARY KEY REFERENCES doc(id),
        state BLOB NOT NULL,
        sha256 BLOB NOT NULL,
        upto_seq INTEGER NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE crdt_update_archive (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL,
        doc_id TEXT NOT NULL REFERENCES doc(id),
        data BLOB NOT NULL,
        sha256 BLOB NOT NULL,
        origin TEXT NOT NULL,
        received_at TEXT NOT NULL,
        archived_at TEXT NOT NULL
    );
    CREATE INDEX crdt_update_archive_hash ON crdt_update_archive(doc_id, sha256);

    CREATE TABLE event (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        venue TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        data TEXT NOT NULL
    );
    CREATE TABLE day (
        event_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        id TEXT NOT NULL,
        date TEXT,
        label TEXT NOT NULL,
        PRIMARY KEY (event_id, idx)
    );
    CREATE TABLE session (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        day_idx INTEGER NOT NULL,
        row_idx INTEGER NOT NULL,
        start TEXT,
        end TEXT,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX session_event ON session(event_id, day_idx, row_idx);
    CREATE TABLE outcome (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        position REAL NOT NULL,
        conflict INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX outcome_session ON outcome(session_id);
    CREATE INDEX outcome_event ON outcome(event_id);
    CREATE TABLE participant (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        name TEXT NOT NULL,
        entity TEXT NOT NULL,
        handle TEXT NOT NULL,
        role TEXT NOT NULL
    );
    CREATE INDEX participant_event ON participant(event_id);
    -- Notes and summaries split into blocks (a paragraph with the blank lines after it, so
    -- the blocks concatenate back to the exact text), and outcome texts: a keystroke rewrites
    -- one block, not the whole text. The full-text index reads its content from here.
    CREATE TABLE text_block (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('notes', 'summary', 'outcome')),
        ref TEXT NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (session_id, source, ref)
    );
    CREATE VIRTUAL TABLE search_index USING fts5(
        text,
        content = 'text_block',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    "#,
    // 2: what each sync peer has shown it has, per document (its last state vector), so a
    // reconnect can push what is missing without waiting for a round trip.
    r#"
    CREATE TABLE peer_state (
        peer_id TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        state_vector BLOB NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (peer_id, doc_id)
    );
    "#,
    // 3: what a list of participants gives besides name and entity: honorifics, job title and
    // e-mail (derived from the event document like the other columns).
    r#"
    ALTER TABLE participant ADD COLUMN title TEXT NOT NULL DEFAULT '';
    ALTER TABLE participant ADD COLUMN position TEXT NOT NULL DEFAULT '';
    ALTER TABLE participant ADD COLUMN email TEXT NOT NULL DEFAULT '';
    "#,
    // 4: settings of this device (this database) that never sync, such as the language the
    // window is shown in. One row per key; a missing row means the default.
    r#"
    CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
];

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Refuses a database written by a newer app, reading it through a read-only connection so
/// that the file is left exactly as it was.
pub fn guard(path: &Path) -> Result<(), StoreError> {
    if !path.exists() {
        return Ok(());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::sql("opening the database read-only to check its version", e))?;
    check_version(&conn, path)
}

fn check_version(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StoreError::sql("reading user_version", e))?;
    if found > current_version() {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: current_version(),
        });
    }
    Ok(())
}

/// Runs every pending migration in one transaction and records the new version.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    check_version(conn, path)?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StoreError::sql("reading user_version", e))?;
    if found == current_version() {
        return Ok(());
    }
    let tx = conn
        .transaction()
        .map_err(|e| StoreError::sql("starting the migration", e))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(sql)
            .map_err(|e| StoreError::sql(&format!("running migration {}", i + 1), e))?;
    }
    tx.pragma_update(None, "user_version", current_version())
        .map_err(|e| StoreError::sql("recording user_version", e))?;
    tx.commit()
        .map_err(|e| StoreError::sql("committing the migration", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_applies_in_order_and_validates() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, current_version());
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let fk: Vec<String> = conn
            .prepare("PRAGMA foreign_key_check")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(fk.is_empty());
        // Running again is a no-op.
        migrate(&mut conn, Path::new(":memory:")).unwrap();
    }

    #[test]
    fn each_prefix_of_the_migrations_upgrades_to_the_latest() {
        for k in 0..MIGRATIONS.len() {
            let mut conn = Connection::open_in_memory().unwrap();
            for sql in &MIGRATIONS[..k] {
                conn.execute_batch(sql).unwrap();
            }
            conn.pragma_update(None, "user_version", k as i64).unwrap();
            migrate(&mut conn, Path::new(":memory:")).unwrap();
            let v: i64 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            assert_eq!(v, current_version());
        }
    }
}
