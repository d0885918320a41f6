//! Shared helpers for the core's integration tests: a fake host and a small agenda.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rapporteur::host::{Change, Host};
use rapporteur::model::{Agenda, AgendaDay, AgendaRow, ClockTime, EventInfo, SessionKind};
use rapporteur::store::Store;
use std::sync::{Arc, Mutex};

/// A host that records what it is told and reads a fixed clock.
#[derive(Default)]
pub struct FakeHost {
    pub changes: Mutex<Vec<Change>>,
}

impl Host for FakeHost {
    fn emit(&self, change: &Change) {
        self.changes.lock().unwrap().push(change.clone());
    }
    fn now(&self) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2018, 2, 13, 9, 30, 0).unwrap()
    }
}

pub fn memory_store() -> Store {
    Store::open_in_memory(Arc::new(FakeHost::default())).unwrap()
}

fn row(start: (u32, u32), end: (u32, u32), title: &str, kind: SessionKind) -> AgendaRow {
    AgendaRow {
        start: ClockTime::new(start.0, start.1),
        end: ClockTime::new(end.0, end.1),
        title: title.into(),
        methodology: "Plenary discussion".into(),
        moderators: "FAO and IOM".into(),
        kind,
        ..AgendaRow::default()
    }
}

/// Two days, five rows (one of them a coffee break).
pub fn small_agenda() -> Agenda {
    Agenda {
        event: EventInfo {
            title: "Test retreat".into(),
            group: "Test Group".into(),
            venue: "Geneva".into(),
            start_date: NaiveDate::from_ymd_opt(2018, 2, 12),
            end_date: NaiveDate::from_ymd_opt(2018, 2, 13),
            co_chairs: vec!["FAO".into(), "IOM".into()],
            ..EventInfo::default()
        },
        days: vec![
            AgendaDay {
                date: NaiveDate::from_ymd_opt(2018, 2, 12),
                label: "Day 1 – Monday 12 February".into(),
                rows: vec![
                    row((9, 0), (10, 30), "Opening", SessionKind::Working),
                    row((10, 30), (11, 0), "Coffee break", SessionKind::Logistics),
                    row(
                        (11, 0),
                        (12, 30),
                        "Supporting the process",
                        SessionKind::Working,
                    ),
                ],
            },
            AgendaDay {
                date: NaiveDate::from_ymd_opt(2018, 2, 13),
                label: "Day 2 – 13 Feb".into(),
                rows: vec![
                    row((9, 0), (11, 0), "Work plan", SessionKind::Working),
                    row((11, 0), (12, 0), "Conclusions", SessionKind::Working),
                ],
            },
        ],
        ..Agenda::default()
    }
}

/// Every session id of the only event, in agenda order.
pub fn session_ids(store: &Store, event_id: &str) -> Vec<String> {
    store
        .agenda(event_id)
        .unwrap()
        .days
        .iter()
        .flat_map(|d| d.sessions.iter().map(|s| s.id.clone()))
        .collect()
}

/// The derived tables as comparable text (search rows without their rowids).
pub fn dump_derived(path_or_conn: &rusqlite::Connection) -> Vec<String> {
    let queries = [
        "SELECT id, title, venue, start_date, end_date, data FROM event ORDER BY id",
        "SELECT event_id, idx, id, date, label FROM day ORDER BY event_id, idx",
        "SELECT id, event_id, day_idx, row_idx, start, end, title, kind, data FROM session ORDER BY id",
        "SELECT id, session_id, event_id, kind, status, position, conflict, data FROM outcome ORDER BY id",
        "SELECT id, event_id, name, entity, handle, role FROM participant ORDER BY id",
        "SELECT event_id, session_id, source, ref, text FROM text_block ORDER BY 1, 2, 3, 4",
        "SELECT b.source, b.ref FROM search_index s JOIN text_block b ON b.id = s.rowid WHERE search_index MATCH 'retreat OR development OR plan OR migration OR a OR b OR c' ORDER BY 1, 2",
    ];
    path_or_conn
        .execute(
            "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .expect("the full-text index matches its content");
    let mut out = Vec::new();
    for q in queries {
        let mut stmt = path_or_conn.prepare(q).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut cells = Vec::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    cells.push(format!("{v:?}"));
                }
                Ok(cells.join(" | "))
            })
            .unwrap();
        for r in rows {
            out.push(r.unwrap());
        }
        out.push(format!("-- end of {q}"));
    }
    out
}
