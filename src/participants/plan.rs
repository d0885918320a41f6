//! What importing a list would do to an event's participants, decided before anything is
//! written: each person is added (with a unique `@` handle made from the name, as
//! `participant add` makes one, and a number when it is taken), merged into the participant
//! already present under the same name (honorifics, case, accents and word order ignored) —
//! filling the fields that one leaves empty, never overwriting — or merged into a person met
//! earlier in the same list under a compatible entity (two "Mohammad Ali" of two delegations
//! in one list are two people).

use super::names::person_key;
use super::{ListedPerson, ParsedList, SkippedRow, Warning};
use crate::model::{default_handle, Participant};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What happens to one person of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "lowercase")]
pub enum PlannedAction {
    /// A new participant with this handle.
    Add { handle: String },
    /// Already present as `id` (`name`): these fields (name → value) are filled in.
    Merge {
        id: String,
        name: String,
        fills: Vec<(String, String)>,
    },
    /// The same person as on an earlier line of the list.
    Repeat { line: usize },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedPerson {
    pub person: ListedPerson,
    #[serde(flatten)]
    pub action: PlannedAction,
}

/// The whole import, as the CLI prints it and the window previews it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportPlan {
    pub source: String,
    pub format: &'static str,
    pub people: Vec<PlannedPerson>,
    pub added: usize,
    pub merged: usize,
    pub skipped: usize,
    pub skipped_rows: Vec<SkippedRow>,
    pub warnings: Vec<Warning>,
}

impl ImportPlan {
    /// "12 added, 3 merged, 5 skipped".
    pub fn summary(&self) -> String {
        format!(
            "{} added, {} merged, {} skipped",
            self.added, self.merged, self.skipped
        )
    }
}

/// The fields of a participant an import may fill, with the listed value for each.
fn fields(p: &ListedPerson) -> [(&'static str, &str); 4] {
    [
        ("entity", p.entity.as_str()),
        ("title", p.title.as_str()),
        ("position", p.position.as_str()),
        ("email", p.email.as_str()),
    ]
}

fn current<'a>(p: &'a Participant, field: &str) -> &'a str {
    match field {
        "entity" => &p.entity,
        "title" => &p.title,
        "position" => &p.position,
        "email" => &p.email,
        _ => "",
    }
}

/// A handle from the name that no participant has yet (compared without case).
pub fn unique_handle(name: &str, taken: &mut HashSet<String>) -> String {
    let base = default_handle(name);
    let base = if base.is_empty() {
        "Participant".to_string()
    } else {
        base
    };
    let mut handle = base.clone();
    let mut n = 2;
    while taken.contains(&handle.to_lowercase()) {
        handle = format!("{base}{n}");
        n += 1;
    }
    taken.insert(handle.to_lowercase());
    handle
}

/// The participant already present that a listed person is: the one with the same name and
/// entity; else one without an entity (or any, when the list gives none); else the first of
/// that name — unless the list itself has the name under another entity already (two people
/// of two delegations), then none.
fn present<'a>(
    candidates: Option<&Vec<&'a Participant>>,
    person: &ListedPerson,
    name_seen_in_list: bool,
) -> Option<&'a Participant> {
    let c = candidates?;
    c.iter()
        .find(|p| p.entity == person.entity)
        .or_else(|| {
            c.iter()
                .find(|p| p.entity.is_empty() || person.entity.is_empty())
        })
        .or_else(|| (!name_seen_in_list).then(|| c.first()).flatten())
        .copied()
}

/// Plans importing `list` into an event that has `existing` participants.
pub fn plan_import(list: &ParsedList, existing: &[Participant]) -> ImportPlan {
    let mut by_key: HashMap<String, Vec<&Participant>> = HashMap::new();
    for p in existing {
        by_key.entry(person_key(&p.name)).or_default().push(p);
    }
    let mut taken: HashSet<String> = existing.iter().map(|p| p.handle.to_lowercase()).collect();
    // Earlier people of the list under each key: (line, entity).
    let mut seen: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    let mut warnings = list.warnings.clone();
    let mut people = Vec::new();
    let (mut added, mut merged) = (0, 0);
    for person in &list.people {
        let key = person_key(&person.name);
        // The same person as an earlier one with the same entity; without an entity on either
        // side, the same as the first one unless the list has the name under another entity.
        let earlier = seen.get(&key).and_then(|v| {
            let same = v.iter().find(|(_, e)| *e == person.entity);
            let other = v.iter().any(|(_, e)| !e.is_empty() && *e != person.entity);
            same.or_else(|| {
                v.iter()
                    .find(|(_, e)| person.entity.is_empty() || (e.is_empty() && !other))
            })
            .map(|(line, _)| *line)
        });
        let action = if let Some(line) = earlier {
            merged += 1;
            PlannedAction::Repeat { line }
        } else if let Some(p) = present(by_key.get(&key), person, seen.contains_key(&key)) {
            merged += 1;
            let mut fills = Vec::new();
            for (field, value) in fields(person) {
                let now = current(p, field);
                if value.is_empty() || now == value {
                    continue;
                }
                if now.is_empty() {
                    fills.push((field.to_string(), value.to_string()));
                } else if field == "entity" || field == "email" {
                    warnings.push(Warning {
                        line: person.line,
                        message: format!(
                            "{} is already a participant with {field} {now:?}; the list's {value:?} is not used",
                            p.name
                        ),
                    });
                }
            }
            PlannedAction::Merge {
                id: p.id.clone(),
                name: p.name.clone(),
                fills,
            }
        } else {
            added += 1;
            PlannedAction::Add {
                handle: unique_handle(&person.name, &mut taken),
            }
        };
        seen.entry(key)
            .or_default()
            .push((person.line, person.entity.clone()));
        people.push(PlannedPerson {
            person: person.clone(),
            action,
        });
    }
    ImportPlan {
        source: list.source.clone(),
        format: list.format.as_str(),
        people,
        added,
        merged,
        skipped: list.skipped.len(),
        skipped_rows: list.skipped.clone(),
        warnings,
    }
}

impl PlannedPerson {
    /// The participant to add, for an [`PlannedAction::Add`].
    pub fn new_participant(&self) -> Option<Participant> {
        let PlannedAction::Add { handle } = &self.action else {
            return None;
        };
        let p = &self.person;
        Some(Participant {
            id: String::new(),
            name: p.name.clone(),
            entity: p.entity.clone(),
            handle: handle.clone(),
            role: String::new(),
            title: p.title.clone(),
            position: p.position.clone(),
            email: p.email.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::participants::ListFormat;

    fn listed(line: usize, title: &str, name: &str, entity: &str) -> ListedPerson {
        ListedPerson {
            line,
            name: name.into(),
            title: title.into(),
            entity: entity.into(),
            ..ListedPerson::default()
        }
    }

    #[test]
    fn present_people_are_merged_and_handles_stay_unique() {
        let existing = vec![Participant {
            id: "p1".into(),
            name: "Amy Pope".into(),
            entity: "IOM".into(),
            handle: "AmyPope".into(),
            ..Participant::default()
        }];
        let list = ParsedList {
            source: "l".into(),
            format: ListFormat::Text,
            people: vec![
                listed(1, "Ms.", "Amy POPE", "IOM"),
                listed(2, "Mr.", "Li Wei", "FAO"),
                listed(3, "Dr.", "Li Wei", ""),
                listed(4, "Ms.", "Wei Li", "FAO"),
                listed(5, "Mr.", "Li Wei", "WHO"),
            ],
            skipped: vec![],
            warnings: vec![],
        };
        let plan = plan_import(&list, &existing);
        assert_eq!((plan.added, plan.merged), (2, 3));
        assert_eq!(
            plan.people[0].action,
            PlannedAction::Merge {
                id: "p1".into(),
                name: "Amy Pope".into(),
                fills: vec![("title".into(), "Ms.".into())]
            }
        );
        assert_eq!(
            plan.people[1].action,
            PlannedAction::Add {
                handle: "LiWei".into()
            }
        );
        assert_eq!(plan.people[2].action, PlannedAction::Repeat { line: 2 });
        assert_eq!(plan.people[3].action, PlannedAction::Repeat { line: 2 });
        // The same name in another delegation is another person.
        assert_eq!(
            plan.people[4].action,
            PlannedAction::Add {
                handle: "LiWei2".into()
            }
        );
        let mut taken: HashSet<String> = ["liwei".to_string()].into();
        assert_eq!(unique_handle("Li Wei", &mut taken), "LiWei2");
        assert_eq!(unique_handle("Li Wei", &mut taken), "LiWei3");
    }
}
