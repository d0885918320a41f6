//! What a compile of an event starts from. An open event compiles as it stands, with the
//! action points it carries over and the last draft number on the masthead. A final event
//! compiles as it was at the lock (its final version), whatever peers sent since; the compile
//! report names what was left out (`super::late`).

use super::state::snapshot_of;
use super::Result;
use crate::compile::{CompileOptions, Warning};
use crate::doc::review_doc::{self, VersionRecord};
use crate::doc::session_doc;
use crate::model::{CarriedOutcome, EventSnapshot};
use crate::store::Store;
use yrs::Transact;

/// The event as a compile takes it, and what the masthead and report say about it.
#[derive(Debug, Clone)]
pub struct DraftSource {
    pub snapshot: EventSnapshot,
    /// The draft number of the masthead: the last circulated or final number, "0.1" before.
    pub number: String,
    /// The final version the event is locked on, if it is.
    pub final_version: Option<VersionRecord>,
    /// Report lines: changes received after the lock.
    pub warnings: Vec<Warning>,
}

impl DraftSource {
    /// Compile options for this source: the masthead's version ("1.0 (final)" for a final
    /// event, compiled on the day of the lock) over `base`.
    pub fn options(&self, mut base: CompileOptions) -> CompileOptions {
        match &self.final_version {
            Some(v) => {
                base.version = format!("{} (final)", self.number);
                if let Ok(at) = chrono::DateTime::parse_from_rfc3339(&v.created_at) {
                    base.compiled_on = at.date_naive();
                }
            }
            None => base.version = self.number.clone(),
        }
        base
    }
}

impl Store {
    /// The event as a compile takes it now (see the module doc).
    pub fn draft_source(&mut self, event_id: &str) -> Result<DraftSource> {
        let records = self.version_records(event_id)?;
        let last = records
            .iter()
            .filter_map(|v| v.number.clone())
            .max_by_key(|n| super::ops::parse_number(n).unwrap_or((0, 0)));
        let lock = self.lock_state(event_id)?;
        if let Some(entry) = lock.locked_on() {
            if let Some(v) = records.iter().find(|v| v.id == entry.version) {
                let snapshot = self.version_snapshot(event_id, v)?;
                let warnings = self.late_changes(event_id, v)?;
                return Ok(DraftSource {
                    snapshot,
                    number: v.number.clone().unwrap_or_else(|| "1.0".into()),
                    final_version: Some(v.clone()),
                    warnings,
                });
            }
        }
        let mut snapshot = self.snapshot(event_id)?;
        snapshot.carried = self.carried_for_draft(event_id)?;
        Ok(DraftSource {
            snapshot,
            number: last.unwrap_or_else(|| "0.1".into()),
            final_version: None,
            warnings: Vec::new(),
        })
    }

    /// The event at version `v`, with the action points it carried then, as they stood then.
    pub fn version_snapshot(&mut self, event_id: &str, v: &VersionRecord) -> Result<EventSnapshot> {
        let docs = self.docs_at(event_id, v)?;
        let mut snapshot = snapshot_of(event_id, &docs);
        let titles: Vec<(String, String)> = self
            .events()?
            .into_iter()
            .map(|e| (e.id, e.title))
            .collect();
        for r in review_doc::carried(&docs.event.transact()) {
            let Some(doc) = docs.sessions.get(&r.session) else {
                continue;
            };
            let found = session_doc::outcomes(&doc.transact(), &r.session)
                .into_iter()
                .find(|o| o.id == r.outcome);
            if let Some(outcome) = found {
                snapshot.carried.push(CarriedOutcome {
                    outcome,
                    from_title: titles
                        .iter()
                        .find(|(id, _)| *id == r.event)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_default(),
                    from_event: r.event,
                });
            }
        }
        Ok(snapshot)
    }
}

impl DraftSource {
    /// The draft compiled from this source with `options`, the report naming what arrived
    /// after the lock.
    pub fn compile(&self, options: &CompileOptions) -> crate::compile::Compiled {
        let mut compiled = crate::compile::compile(&self.snapshot, options);
        compiled
            .report
            .warnings
            .extend(self.warnings.iter().cloned());
        compiled
    }

    /// The Draft view's preview of this source.
    pub fn preview(&self, options: &CompileOptions) -> crate::compile::draft::Preview {
        crate::compile::draft::preview(self.compile(options))
    }
}
