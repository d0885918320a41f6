//! What every reader decides the same way: whether a line (or a row with one filled cell) is a
//! heading — the list's own title or a section such as "Observers", skipped and counted; a
//! page number or running header of a PDF; or a group heading (a delegation's country, an
//! organisation) that gives the entity of the people under it — and how the lines that follow
//! a name become position, organisation, entity and e-mail.

use super::names::{
    email_in, is_contact_line, looks_like_position, split_honorifics, starts_with_honorific,
};
use super::{ListedPerson, SkippedRow};
use crate::entities::{fold, lookup, match_organisation, EntityKind};
use std::collections::HashMap;

/// Headings of lists and of their sections, folded, in the six languages.
const SECTIONS: &[&str] = &[
    "list of participants",
    "provisional list of participants",
    "provisional list of registered participants",
    "final list of participants",
    "participants",
    "participant list",
    "attendees",
    "parties",
    "member states",
    "states members",
    "observer states",
    "observers",
    "observer organizations",
    "observer organisations",
    "non member states",
    "united nations system",
    "un system",
    "united nations secretariat units and bodies",
    "united nations bodies",
    "specialized agencies and related organizations",
    "specialized agencies",
    "intergovernmental organizations",
    "intergovernmental organisations",
    "other intergovernmental organizations",
    "non governmental organizations",
    "non governmental organisations",
    "civil society",
    "media",
    "secretariat",
    "speakers",
    "panellists",
    "panelists",
    "moderators",
    "organizers",
    "organisers",
    "resource persons",
    "other participants",
    "experts",
    "co chairs",
    "liste des participants",
    "etats membres",
    "observateurs",
    "organisations intergouvernementales",
    "institutions specialisees",
    "lista de participantes",
    "estados miembros",
    "observadores",
    "organismos especializados",
    "список участников",
    "государства члены",
    "наблюдатели",
    "与会者名单",
    "会员国",
    "观察员",
    "قائمة المشاركين",
    "الدول الأعضاء",
    "المراقبون",
];

/// A heading line and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    /// The list's title or a section: skipped, and the group it was in ends.
    Section,
    /// A page number or a running header.
    Page,
    /// A group of people: the entity they get (a key of the table), and the text as written.
    Group { entity: String, written: String },
}

fn is_page_number(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-' || c == '/')
}

/// The running headers of a pasted PDF ("COP24.PLOP"): the short line right after a page
/// number, wherever else it appears; never a known entity, a section heading, a name or an
/// address. (A word repeated on many lines is not enough: "Ministre" heads many blocks.)
pub fn running_headers<S: AsRef<str>>(lines: &[S]) -> HashMap<String, usize> {
    let filled: Vec<&str> = lines
        .iter()
        .map(|l| l.as_ref().trim())
        .filter(|l| !l.is_empty())
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for w in filled.windows(2) {
        if is_page_number(w[0]) && w[1].split_whitespace().count() <= 4 {
            *seen.entry(w[1].to_string()).or_default() += 1;
        }
    }
    seen.retain(|k, _| {
        lookup(k).is_none()
            && email_in(k).is_none()
            && !starts_with_honorific(k)
            && !SECTIONS.contains(&fold(k).as_str())
            && !is_page_number(k)
    });
    seen
}

/// The heading a line is, if it is one for sure: a page number, a running header, a known
/// section, a known entity (an organisation or a Member State), or a line ending with ':'.
pub fn known_heading(line: &str, headers: &HashMap<String, usize>) -> Option<Heading> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if is_page_number(t) || headers.contains_key(t) || is_page_label(t) {
        return Some(Heading::Page);
    }
    let body = t.trim_end_matches(':').trim();
    let folded = fold(body);
    if SECTIONS.contains(&folded.as_str()) {
        return Some(Heading::Section);
    }
    if let Some(e) = lookup(body) {
        return Some(Heading::Group {
            entity: e.key.clone(),
            written: body.to_string(),
        });
    }
    if t.ends_with(':') && !t.contains('@') && t.split_whitespace().count() <= 6 {
        return Some(Heading::Section);
    }
    None
}

fn is_page_label(t: &str) -> bool {
    let f = fold(t);
    let mut w = f.split(' ');
    matches!(w.next(), Some("page" | "pagina" | "страница"))
        && w.all(|x| x.chars().all(|c| c.is_ascii_digit()) || x == "of" || x == "de" || x == "sur")
}

/// A group heading nobody lists as known: the text as written is the entity (a Member State
/// or organisation the table does not have), unless it reads as a job title or holds digits.
pub fn written_group(line: &str) -> Option<Heading> {
    let t = line.trim().trim_end_matches(':').trim();
    let ok = !t.is_empty()
        && t.chars().count() <= 160
        && !t.chars().any(|c| c.is_ascii_digit())
        && email_in(t).is_none()
        && !looks_like_position(t);
    ok.then(|| Heading::Group {
        entity: match_organisation(t).unwrap_or_else(|| t.to_string()),
        written: t.to_string(),
    })
}

/// The skipped-row record of a heading.
pub fn skipped(line: usize, text: &str, h: &Heading) -> Option<SkippedRow> {
    let why = match h {
        Heading::Section => "heading",
        Heading::Page => "page",
        Heading::Group { .. } => return None,
    };
    Some(SkippedRow {
        line,
        text: text.trim().to_string(),
        why,
    })
}

/// A person from a name line (honorifics included) and the lines under it, in a group or not.
///
/// Contact lines give the e-mail; of the other lines, the organisation is the last one that
/// names a known entity, else the last one unless it reads as a job title; the rest is the
/// position. In a group, the group's entity is the person's and every line is position.
pub fn person(
    line: usize,
    name_line: &str,
    details: &[String],
    group: Option<&Heading>,
) -> ListedPerson {
    let (title, name) = split_honorifics(name_line);
    let mut email = String::new();
    let mut lines: Vec<&str> = Vec::new();
    for d in details {
        let d = d.trim();
        if d.is_empty() {
            continue;
        }
        if is_contact_line(d) {
            if email.is_empty() {
                email = email_in(d).unwrap_or_default();
            }
            continue;
        }
        lines.push(d);
    }
    let mut p = ListedPerson {
        line,
        name: name.trim().trim_end_matches(',').trim().to_string(),
        title,
        email,
        ..ListedPerson::default()
    };
    if let Some(Heading::Group { entity, written }) = group {
        p.entity = entity.clone();
        p.organisation = written.clone();
        p.position = lines.join(", ");
        return p;
    }
    let known = lines
        .iter()
        .rposition(|l| match_organisation(l).is_some() && !looks_like_position(l));
    let org = known.or_else(|| {
        let last = lines.len().checked_sub(1)?;
        (!looks_like_position(lines[last]) || lines.len() > 1).then_some(last)
    });
    if let Some(i) = org {
        p.organisation = lines[i].to_string();
        p.entity = match_organisation(lines[i]).unwrap_or_else(|| lines[i].to_string());
    }
    p.position = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != org)
        .map(|(_, l)| *l)
        .collect::<Vec<_>>()
        .join(", ");
    p
}

/// Whether a known heading is a State (so the people under it are a delegation).
pub fn is_state(entity: &str) -> bool {
    lookup(entity).is_some_and(|e| e.kind == EntityKind::State)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        let none = HashMap::new();
        assert_eq!(known_heading("Observers", &none), Some(Heading::Section));
        assert_eq!(
            known_heading("LIST OF PARTICIPANTS", &none),
            Some(Heading::Section)
        );
        assert_eq!(known_heading("612", &none), Some(Heading::Page));
        assert_eq!(known_heading("Page 3 of 12", &none), Some(Heading::Page));
        assert!(matches!(
            known_heading("Côte d'Ivoire", &none),
            Some(Heading::Group { entity, .. }) if entity == "Côte d'Ivoire"
        ));
        assert!(matches!(
            known_heading("United Nations Development Programme", &none),
            Some(Heading::Group { entity, .. }) if entity == "UNDP"
        ));
        assert_eq!(known_heading("Ministry of Environment", &none), None);
        let headers = running_headers(&["Ministre", "x", "Ministre", "Ministre"]);
        assert!(headers.is_empty());
        let headers = running_headers(&[
            "Mr. A B",
            "121",
            "",
            "COP24.PLOP",
            "Mr. C D",
            "3",
            "Albania",
        ]);
        assert_eq!(known_heading("COP24.PLOP", &headers), Some(Heading::Page));
        assert!(!headers.contains_key("Albania"));
    }

    #[test]
    fn a_block_becomes_a_person() {
        let d = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let p = person(
            3,
            "Ms. Ana Ruiz",
            &d(&[
                "Director",
                "Climate Division",
                "United Nations Development Programme",
                "E-mail: ana@undp.org",
            ]),
            None,
        );
        assert_eq!((p.title.as_str(), p.name.as_str()), ("Ms.", "Ana Ruiz"));
        assert_eq!(p.position, "Director, Climate Division");
        assert_eq!(p.entity, "UNDP");
        assert_eq!(p.email, "ana@undp.org");
        let p = person(3, "Mr. Li Wei", &d(&["Delegate"]), None);
        assert_eq!((p.position.as_str(), p.entity.as_str()), ("Delegate", ""));
        let g = Heading::Group {
            entity: "Angola".into(),
            written: "Angola".into(),
        };
        let p = person(
            3,
            "Mr. Li Wei",
            &d(&["Director", "Ministry of Transport"]),
            Some(&g),
        );
        assert_eq!(
            (p.position.as_str(), p.entity.as_str()),
            ("Director, Ministry of Transport", "Angola")
        );
    }
}
