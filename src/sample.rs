//! The sample event: the Global Migration Group's 2018 retreat, created from the copy of its
//! concept note embedded in the binary, with the entities the note names as participants. No
//! notes are invented.

use crate::agenda;
use crate::host::Origin;
use crate::model::Participant;
use crate::store::{Result, Store};

/// Creates the sample event unless an event with its title and dates exists. Returns its id and
/// whether it was created now.
pub fn ensure_sample_event(store: &mut Store) -> Result<(String, bool)> {
    let agenda = agenda::sample_agenda();
    let wanted_start = agenda.event.start_date.map(|d| d.to_string());
    if let Some(e) = store
        .events()?
        .into_iter()
        .find(|e| e.title == agenda.event.title && e.start_date == wanted_start)
    {
        return Ok((e.id, false));
    }
    let id = store.create_event(&agenda, &Origin::Import)?;
    let co_chairs = &agenda.event.co_chairs;
    for entity in agenda::entities_named(&agenda) {
        let role = if co_chairs.iter().any(|c| c == &entity) {
            "Co-chair"
        } else {
            "Member"
        };
        let p = Participant {
            id: String::new(),
            name: entity.clone(),
            entity: entity.clone(),
            handle: entity.clone(),
            role: role.into(),
            ..Participant::default()
        };
        store.add_participant(&id, &p, &Origin::Import)?;
    }
    Ok((id, true))
}
