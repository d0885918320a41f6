//! Importing a list of participants into an event: the plan (who is added, who is merged into
//! a participant already present, what was skipped) made against the event's participants,
//! and the same plan applied in one transaction of the event document — the one write path,
//! as `participant add` uses. The plan applied is made inside that transaction, so what the
//! window previewed and what is written differ only if someone edited the list in between.

use super::{DocRef, Result, Store};
use crate::doc::event_doc;
use crate::host::Origin;
use crate::participants::{plan_import, ImportPlan, ParsedList, PlannedAction};

impl Store {
    /// A handle made from `name` that no participant of the event has yet ("Ana Ruiz" →
    /// `AnaRuiz`, or `AnaRuiz2` when that is taken): what `participant add` gives a person
    /// added without one, and what an import gives each new person.
    pub fn free_handle(&self, event_id: &str, name: &str) -> Result<String> {
        let mut taken = self
            .participants(event_id)?
            .iter()
            .map(|p| p.handle.to_lowercase())
            .collect();
        Ok(crate::participants::plan::unique_handle(name, &mut taken))
    }

    /// What importing `list` into the event would do; writes nothing.
    pub fn plan_participant_import(&self, event_id: &str, list: &ParsedList) -> Result<ImportPlan> {
        self.require_event(event_id)?;
        Ok(plan_import(list, &self.participants(event_id)?))
    }

    /// Imports `list` into the event: new people added with their handles, people already
    /// present given the fields they lacked. Returns what was done.
    pub fn import_participants(
        &mut self,
        event_id: &str,
        list: &ParsedList,
        origin: &Origin,
    ) -> Result<ImportPlan> {
        self.require_event(event_id)?;
        let (_, plan) = self.edit(&DocRef::event(event_id), origin, |txn| {
            let existing = event_doc::read(&*txn).participants;
            let plan = plan_import(list, &existing);
            for planned in &plan.people {
                if let Some(p) = planned.new_participant() {
                    event_doc::add_participant(txn, &p);
                } else if let PlannedAction::Merge { id, fills, .. } = &planned.action {
                    for (field, value) in fills {
                        event_doc::edit_participant(txn, id, field, value)?;
                    }
                }
            }
            Ok(plan)
        })?;
        Ok(plan)
    }
}
