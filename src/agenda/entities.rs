//! Which organisations an agenda names as taking part: the acronyms written in its moderators
//! and methodology cells and among its co-chairs.
//!
//! An acronym is a word of 2–8 capital letters, possibly hyphenated ("O-SRSG" is read as
//! "OSRSG"). Left out: the organising group's own acronym, words that are not organisations
//! (TBC, TBD, GCM, ALL, N/A…) and roman numerals. The entity table the product ships
//! ([`crate::entities`]) gives one name to an organisation however it is written: an acronym
//! in another language ("OIM" → IOM) and an official name written out ("International
//! Organization for Migration") count as the same entity.

use crate::model::Agenda;
use std::collections::BTreeSet;

const NOT_ENTITIES: [&str; 10] = [
    "TBC", "TBD", "GCM", "ALL", "NA", "AND", "QA", "AOB", "SDG", "SDGS",
];

fn acronym(word: &str) -> Option<String> {
    let w: String = word.chars().filter(|c| *c != '-').collect();
    let letters = w.chars().count();
    let ok = (2..=8).contains(&letters) && w.chars().all(|c| c.is_ascii_uppercase());
    let roman = w.chars().all(|c| "IVXLCDM".contains(c));
    (ok && !roman && !NOT_ENTITIES.contains(&w.as_str())).then_some(w)
}

fn acronyms_in(text: &str) -> impl Iterator<Item = String> + '_ {
    let known = |w: String| match crate::entities::lookup(&w) {
        Some(e) if e.kind == crate::entities::EntityKind::Organisation => e.key.clone(),
        _ => w,
    };
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter_map(acronym)
        .map(known)
        .chain(crate::entities::organisations_named_in(text))
}

/// The organisations the agenda names as taking part, sorted and deduplicated.
pub fn entities_named(agenda: &Agenda) -> Vec<String> {
    let own: BTreeSet<String> = acronyms_in(&agenda.event.group).collect();
    let rows = agenda.days.iter().flat_map(|d| &d.rows);
    let texts = rows
        .flat_map(|r| [r.moderators.as_str(), r.methodology.as_str()])
        .chain(agenda.event.co_chairs.iter().map(String::as_str));
    let all: BTreeSet<String> = texts.flat_map(acronyms_in).collect();
    all.difference(&own).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_filters() {
        let found: Vec<String> =
            acronyms_in("Plenary with O-SRSG, GFMD (TBC), ALL, II and Mr Smith").collect();
        assert_eq!(found, ["OSRSG", "GFMD"]);
        let found: Vec<String> =
            acronyms_in("OIM et PNUD; the World Health Organization").collect();
        assert_eq!(found, ["IOM", "UNDP", "WHO"]);
    }
}
