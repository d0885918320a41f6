//! The entities the product knows: UN-system and other intergovernmental bodies (acronym ↔
//! official names in Arabic, Chinese, English, French, Russian and Spanish) and the Member
//! States of the United Nations, from `assets/entities.tsv` (its header says where the names
//! come from). One table for every importer: the list of participants matches organisations
//! to it, and the agenda importer's acronyms are checked against it.
//!
//! Matching is by a folded form of the text (lower case, accents and punctuation dropped,
//! spaces collapsed, a leading "the" left out), so "Food and Agriculture Organization of the
//! United Nations", "FAO" and "Organisation des Nations Unies pour l'alimentation et
//! l'agriculture" all give the entity `FAO`.

use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

const TABLE: &str = include_str!("../assets/entities.tsv");

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// An organisation (UN system or intergovernmental).
    Organisation,
    /// A Member State (or observer State) of the United Nations.
    State,
}

/// A known entity as the table gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// What the app stores as the participant's entity: the English acronym of an
    /// organisation, the English name of a State.
    pub key: String,
    pub kind: EntityKind,
    /// The English official name.
    pub name: String,
}

struct Table {
    entities: Vec<Entity>,
    /// Folded acronym or name (any language) → index in `entities`.
    by_text: HashMap<String, usize>,
}

fn parse_table(text: &str) -> Table {
    let mut entities: Vec<Entity> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let mut by_text = HashMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [kind, key, lang, acronym, name] = cols[..] else {
            continue; // The table is checked by a test; a malformed row is not used.
        };
        let kind = if kind == "state" {
            EntityKind::State
        } else {
            EntityKind::Organisation
        };
        let i = *index_of.entry(key.to_string()).or_insert_with(|| {
            entities.push(Entity {
                key: key.to_string(),
                kind,
                name: name.to_string(),
            });
            entities.len() - 1
        });
        if lang == "en" && entities[i].name.is_empty() {
            entities[i].name = name.to_string();
        }
        for t in [key, acronym, name] {
            let f = fold(t);
            if !f.is_empty() {
                by_text.entry(f).or_insert(i);
            }
        }
    }
    Table { entities, by_text }
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| parse_table(TABLE))
}

/// The folded form used for matching: lower case, no accents, letters and digits only (other
/// characters become one space), without a leading "the".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if c == '\'' || c == '’' {
            continue;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    let out = out.trim_end();
    out.strip_prefix("the ").unwrap_or(out).to_string()
}

/// The known entity a text names exactly (an acronym or an official name, in any of the six
/// languages), if any.
pub fn lookup(text: &str) -> Option<&'static Entity> {
    let t = table();
    t.by_text.get(&fold(text)).map(|&i| &t.entities[i])
}

/// The organisations a text names in full ("… moderated by the International Organization
/// for Migration and FAO" → IOM), by their official names of three words or more in any of
/// the six languages, in the order they first appear.
pub fn organisations_named_in(text: &str) -> Vec<String> {
    let t = table();
    // Names are folded with apostrophes dropped ("lalimentation"); an elided article before a
    // name ("l'Organisation") needs them as spaces: look in both.
    let hay = format!(" {} ", fold(text));
    let spaced = format!(" {} ", fold(&text.replace(['\'', '’'], " ")));
    let mut found: Vec<(usize, String)> = Vec::new();
    for (name, &i) in &t.by_text {
        let e = &t.entities[i];
        if e.kind != EntityKind::Organisation || name.split(' ').count() < 3 {
            continue;
        }
        let needle = format!(" {name} ");
        if let Some(at) = hay.find(&needle).or_else(|| spaced.find(&needle)) {
            if !found.iter().any(|(_, k)| *k == e.key) {
                found.push((at, e.key.clone()));
            }
        }
    }
    found.sort();
    found.into_iter().map(|(_, k)| k).collect()
}

/// The acronym a text gives in parentheses at its end ("United Nations University (UNU)" →
/// "UNU"), with the text before it.
pub fn trailing_acronym(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_end();
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let acronym = inner[open + 1..].trim();
    let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
    let shape = (2..=12).contains(&letters)
        && acronym
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == ' ' || c.is_ascii_digit())
        && acronym.chars().any(char::is_uppercase);
    shape.then(|| (inner[..open].trim_end(), acronym))
}

/// The entity an organisation as written in a list stands for: the table's key when the text
/// (or the acronym it gives in parentheses, or its first part before a dash or comma, such as
/// "UNDP - Sierra Leone") is known; else the acronym the text gives; else `None` (the caller
/// keeps the text as written).
pub fn match_organisation(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(e) = lookup(text) {
        return Some(e.key.clone());
    }
    if let Some((name, acronym)) = trailing_acronym(text) {
        if let Some(e) = lookup(acronym).or_else(|| lookup(name)) {
            return Some(e.key.clone());
        }
        return Some(acronym.to_string());
    }
    for sep in [" - ", " – ", " — ", ", ", " / "] {
        if let Some((head, _)) = text.split_once(sep) {
            if let Some(e) = lookup(head) {
                if e.kind == EntityKind::Organisation {
                    return Some(e.key.clone());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_whole() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        for (n, l) in rows.enumerate() {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 5, "row {n}: {l:?}");
            assert!(["org", "state"].contains(&cols[0]), "row {n}: {l:?}");
            assert!(
                ["ar", "en", "es", "fr", "ru", "zh"].contains(&cols[2]),
                "row {n}: {l:?}"
            );
            assert!(!cols[4].trim().is_empty(), "row {n}: {l:?}");
        }
        // Every organisation of the UN system has its name in the six languages.
        for key in ["FAO", "IOM", "UNDP", "WHO", "UNHCR", "UNU", "UN-Women"] {
            let langs: std::collections::BTreeSet<&str> = TABLE
                .lines()
                .filter_map(|l| {
                    let c: Vec<&str> = l.split('\t').collect();
                    (c.len() == 5 && c[1] == key).then(|| c[2])
                })
                .collect();
            assert_eq!(langs.len(), 6, "{key}: {langs:?}");
        }
    }

    #[test]
    fn names_in_six_languages_give_one_key() {
        for name in [
            "FAO",
            "Food and Agriculture Organization of the United Nations",
            "Organisation des Nations Unies pour l’alimentation et l’agriculture",
            "ORGANIZACIÓN DE LAS NACIONES UNIDAS PARA LA ALIMENTACIÓN Y LA AGRICULTURA",
            "Продовольственная и сельскохозяйственная организация Объединенных Наций",
            "联合国粮食及农业组织",
            "منظمة الأغذية والزراعة للأمم المتحدة",
            "ФАО",
        ] {
            assert_eq!(lookup(name).map(|e| e.key.as_str()), Some("FAO"), "{name}");
        }
        assert_eq!(lookup("PNUD").map(|e| e.key.as_str()), Some("UNDP"));
        assert_eq!(
            lookup("the World Bank").map(|e| e.key.as_str()),
            Some("World Bank")
        );
        assert_eq!(
            lookup("Côte d'Ivoire").map(|e| e.kind),
            Some(EntityKind::State)
        );
        assert!(lookup("Ministry of Foreign Affairs").is_none());
    }

    #[test]
    fn organisations_as_lists_write_them() {
        let m = |s: &str| match_organisation(s);
        assert_eq!(m("United Nations University (UNU)").as_deref(), Some("UNU"));
        assert_eq!(
            m("Migration Policy Institute (MPI)").as_deref(),
            Some("MPI")
        );
        assert_eq!(
            m("United Nations Development Programme - Sierra Leone").as_deref(),
            Some("UNDP")
        );
        assert_eq!(
            m("United Nations Development Programme ( UNDP)").as_deref(),
            Some("UNDP")
        );
        assert_eq!(m("Ministry of Environment"), None);
        assert_eq!(m("University of Geneva (Switzerland)"), None);
        assert_eq!(fold("  Côte d’Ivoire — (Abidjan) "), "cote divoire abidjan");
        assert_eq!(
            organisations_named_in("Moderated by the International Organization for Migration with l'Organisation mondiale de la Santé"),
            ["IOM", "WHO"]
        );
    }
}
