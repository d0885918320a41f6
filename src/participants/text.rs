//! Lists pasted as text from a PDF or a web page. Three layouts are told apart:
//!
//! - **columns**: most lines split by tabs (a web table pasted) or by runs of three or more
//!   spaces — read as rows of cells by [`super::table`];
//! - **blocks**: a person's name line (usually led by an honorific) with their position and
//!   organisation on the lines under it, with or without blank lines between people, under
//!   headings such as "Parties" and a delegation's country (a PDF's list pasted);
//! - **lines**: one person a line, "Name, Title, Organisation" or "Name (Organisation)".
//!
//! A known entity's name on its own line right before a person is a group heading when the
//! list is grouped, and the person's organisation when each person ends with one (decided for
//! the whole list: in a flat list nearly every person is preceded by such a line). A list
//! names each group once: an entity already seen as a heading is a delegate's organisation
//! when it comes again. A heading wrapped over two lines ("… Landlocked Developing Countries
//! and" / "Small Island Developing States") is joined when the two lines name a known entity.

use super::layout::{self, known_heading, person, running_headers, written_group, Heading};
use super::names::{looks_like_bare_name, starts_with_honorific};
use super::{table, ListError, ListFormat, ParsedList, MAX_CELL_CHARS, MAX_ROWS};
use std::collections::HashMap;

pub fn read(text: &str, source: &str) -> Result<ParsedList, ListError> {
    let mut lines: Vec<String> = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if i >= MAX_ROWS {
            return Err(ListError::at(
                source,
                i + 1,
                format!("more than {MAX_ROWS} lines; split the list"),
            ));
        }
        if l.chars().count() > MAX_CELL_CHARS {
            return Err(ListError::at(
                source,
                i + 1,
                format!("a line longer than {MAX_CELL_CHARS} characters"),
            ));
        }
        lines.push(
            l.replace(['\u{a0}', '\u{2007}', '\u{202f}'], " ")
                .trim_end()
                .to_string(),
        );
    }
    if let Some(rows) = columns(&lines) {
        return table::from_rows(rows, source, ListFormat::Text);
    }
    let mut list = ParsedList {
        source: source.to_string(),
        format: ListFormat::Text,
        people: Vec::new(),
        skipped: Vec::new(),
        warnings: Vec::new(),
    };
    let headers = running_headers(&lines);
    if is_blocks(&lines) {
        Blocks::new(&lines, &headers, &mut list).run();
    } else {
        by_lines(&lines, &headers, &mut list);
    }
    Ok(list)
}

/// Rows of cells when most non-empty lines split into two or more cells by tabs, or by runs
/// of three or more spaces.
fn columns(lines: &[String]) -> Option<Vec<(usize, Vec<String>)>> {
    let filled: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    if filled.len() < 2 {
        return None;
    }
    let tabbed = filled.iter().filter(|l| l.trim().contains('\t')).count();
    let spaced = filled.iter().filter(|l| l.trim().contains("   ")).count();
    let split: fn(&str) -> Vec<String> = if tabbed * 5 >= filled.len() * 3 {
        |l| l.split('\t').map(|c| c.trim().to_string()).collect()
    } else if spaced * 5 >= filled.len() * 3 {
        |l| {
            l.trim()
                .split("   ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect()
        }
    } else {
        return None;
    };
    Some(
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, split(l)))
            .collect(),
    )
}

/// Blocks when people span several lines: a name line followed by a line that is not a name.
fn is_blocks(lines: &[String]) -> bool {
    let filled: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let named = filled.iter().filter(|l| starts_with_honorific(l)).count();
    let followed = filled
        .windows(2)
        .filter(|w| starts_with_honorific(w[0]) && !starts_with_honorific(w[1]))
        .count();
    let paragraphs = lines
        .split(|l| l.trim().is_empty())
        .filter(|p| !p.is_empty());
    let (mut multi, mut all) = (0, 0);
    for p in paragraphs {
        all += 1;
        multi += usize::from(p.len() >= 2);
    }
    (named > 0 && followed * 3 >= named && !filled.iter().all(|l| l.contains(", ")))
        || (all > 1 && multi * 3 >= all * 2)
}

struct Blocks<'a> {
    lines: &'a [String],
    headers: &'a HashMap<String, usize>,
    list: &'a mut ParsedList,
    blank_separated: bool,
    grouped: bool,
    group: Option<Heading>,
    /// The entities already seen as group headings.
    seen_groups: Vec<String>,
    current: Option<(usize, String, Vec<String>)>,
}

impl<'a> Blocks<'a> {
    fn new(
        lines: &'a [String],
        headers: &'a HashMap<String, usize>,
        list: &'a mut ParsedList,
    ) -> Self {
        let persons = lines
            .iter()
            .filter(|l| starts_with_honorific(l.trim()))
            .count();
        let blank_separated = lines
            .windows(2)
            .filter(|w| w[0].trim().is_empty() && starts_with_honorific(w[1].trim()))
            .count()
            * 2
            >= persons.max(1);
        // Known entities on the line right before a person: about one per person in a flat
        // list (each person's organisation), far fewer in a grouped one (one per group).
        let before_person = lines
            .windows(2)
            .filter(|w| {
                starts_with_honorific(w[1].trim())
                    && matches!(known_heading(&w[0], headers), Some(Heading::Group { .. }))
            })
            .count();
        // A known entity right after the list's start, a section heading or a page break is a
        // group heading for sure, and makes the list a grouped one.
        let filled: Vec<&str> = lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect();
        let opens_group = filled.iter().enumerate().any(|(i, l)| {
            matches!(known_heading(l, headers), Some(Heading::Group { .. }))
                && (i == 0
                    || matches!(
                        known_heading(filled[i - 1], headers),
                        Some(Heading::Section | Heading::Page)
                    ))
        });
        let grouped = opens_group || before_person * 5 < persons * 3;
        Blocks {
            lines,
            headers,
            list,
            blank_separated,
            grouped,
            group: None,
            seen_groups: Vec::new(),
            current: None,
        }
    }

    fn next_filled(&self, i: usize) -> Option<&str> {
        self.lines[i + 1..]
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty() && known_heading(l, self.headers) != Some(Heading::Page))
    }

    /// Inside a delegation (a State's group) only another State starts a group: a known
    /// organisation there is a delegate's employer ("United Nations Development Programme").
    fn may_start_group(&self, h: &Heading) -> bool {
        let in_state =
            matches!(&self.group, Some(Heading::Group { entity, .. }) if layout::is_state(entity));
        let Heading::Group { entity, .. } = h else {
            return false;
        };
        (!in_state || layout::is_state(entity)) && !self.seen_groups.contains(entity)
    }

    fn start_group(&mut self, h: Heading) {
        self.flush();
        if let Heading::Group { entity, .. } = &h {
            self.seen_groups.push(entity.clone());
        }
        self.group = Some(h);
    }

    /// A known group heading wrapped over this line and the next (this one ends with a word
    /// that cannot end a name: "and", "of", "for", a comma…), before a person.
    fn wrapped_heading(&self, i: usize) -> Option<Heading> {
        let t = self.lines[i].trim();
        let next = self.lines.get(i + 1)?.trim();
        let last = t.rsplit(' ').next().unwrap_or("").to_lowercase();
        let dangling = t.ends_with(',')
            || [
                "and", "of", "for", "the", "on", "et", "de", "des", "du", "pour", "y", "para",
                "del", "и",
            ]
            .contains(&last.as_str());
        if !dangling
            || next.is_empty()
            || !self.grouped
            || !self.next_filled(i + 1).is_some_and(starts_with_honorific)
        {
            return None;
        }
        match known_heading(&format!("{t} {next}"), self.headers)? {
            h @ Heading::Group { .. } if self.may_start_group(&h) => Some(h),
            _ => None,
        }
    }

    fn flush(&mut self) {
        if let Some((line, name, details)) = self.current.take() {
            let p = person(line, &name, &details, self.group.as_ref());
            self.list.people.push(p);
        }
    }

    fn skip(&mut self, line: usize, text: &str, h: &Heading) {
        self.list.skipped.extend(layout::skipped(line, text, h));
    }

    fn run(mut self) {
        let lines = self.lines;
        let mut paragraph_start = true;
        let mut joined_next = false;
        for i in 0..lines.len() {
            let t = lines[i].trim();
            let n = i + 1;
            if std::mem::take(&mut joined_next) {
                continue;
            }
            if let Some(h) = self.wrapped_heading(i) {
                self.start_group(h);
                joined_next = true;
                continue;
            }
            if t.is_empty() {
                if self.blank_separated {
                    self.flush();
                }
                paragraph_start = true;
                continue;
            }
            let at_start = std::mem::replace(&mut paragraph_start, false);
            let next_is_person = self.next_filled(i).is_some_and(starts_with_honorific);
            if starts_with_honorific(t) {
                self.flush();
                self.current = Some((n, t.to_string(), Vec::new()));
                continue;
            }
            match known_heading(t, self.headers) {
                Some(h @ Heading::Page) => {
                    self.skip(n, t, &h);
                    continue;
                }
                Some(h @ Heading::Section) => {
                    self.flush();
                    self.group = None;
                    self.skip(n, t, &h);
                    continue;
                }
                Some(h @ Heading::Group { .. })
                    if self.current.is_none()
                        || (self.grouped && next_is_person && self.may_start_group(&h)) =>
                {
                    self.start_group(h);
                    continue;
                }
                _ => {}
            }
            if let Some((_, _, details)) = self.current.as_mut() {
                details.push(t.to_string());
                continue;
            }
            // A line outside any person: a heading, or a person written without honorific.
            let next_plain = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
            if at_start
                && looks_like_bare_name(t)
                && !next_plain.is_empty()
                && !starts_with_honorific(next_plain)
                && known_heading(next_plain, self.headers).is_none()
            {
                self.current = Some((n, t.to_string(), Vec::new()));
                continue;
            }
            if next_is_person && self.blank_separated {
                if let Some(h) = written_group(t) {
                    self.start_group(h);
                    continue;
                }
            }
            self.skip(n, t, &Heading::Section);
        }
        self.flush();
    }
}

/// Splits a "Name, Title, Organisation" line (or "Name (Organisation)", or parts separated
/// by " – " or " | ") into its parts.
fn parts(line: &str) -> Vec<String> {
    let t = line.trim().trim_start_matches(['-', '•', '*', '·']).trim();
    let t = t
        .split_once(". ")
        .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .map_or(t, |(_, rest)| rest);
    if let Some(open) = t.find(" (") {
        if t.ends_with(')') && !t[..open].contains(',') {
            let inner = &t[open + 2..t.len() - 1];
            if crate::entities::trailing_acronym(t).is_none() {
                return vec![t[..open].to_string(), inner.to_string()];
            }
        }
    }
    for sep in [" | ", " – ", " — ", "; ", ", "] {
        if t.contains(sep) {
            return t
                .split(sep)
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
        }
    }
    vec![t.to_string()]
}

fn by_lines(lines: &[String], headers: &HashMap<String, usize>, list: &mut ParsedList) {
    let mut group: Option<Heading> = None;
    let is_person = |parts: &[String]| {
        parts
            .first()
            .is_some_and(|p| starts_with_honorific(p) || looks_like_bare_name(p))
    };
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        let n = i + 1;
        match known_heading(t, headers) {
            Some(Heading::Group { .. }) if !is_person(&parts(t)) => {
                group = known_heading(t, headers);
                continue;
            }
            Some(h @ (Heading::Page | Heading::Section)) => {
                if h == Heading::Section {
                    group = None;
                }
                list.skipped.extend(layout::skipped(n, t, &h));
                continue;
            }
            _ => {}
        }
        let ps = parts(t);
        if is_person(&ps) {
            list.people
                .push(person(n, &ps[0], &ps[1..], group.as_ref()));
            continue;
        }
        let next_person = lines[i + 1..]
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty())
            .is_some_and(|l| is_person(&parts(l)));
        match written_group(t).filter(|_| next_person && ps.len() == 1) {
            Some(h) => group = Some(h),
            None => list
                .skipped
                .extend(layout::skipped(n, t, &Heading::Section)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &ParsedList) -> Vec<(String, String, String)> {
        list.people
            .iter()
            .map(|p| (p.title.clone(), p.name.clone(), p.entity.clone()))
            .collect()
    }

    #[test]
    fn blocks_without_blank_lines_under_headings() {
        let text = "Provisional list of participants\nParties\nAngola\nS.E. Sra. Ana Costa\nMinister\nMinistry of Environment\nMr. Rui Lopes\nAntigua and Barbuda\nH.E. Ms. Jo Baptiste\nAmbassador\n12\nUnited Nations Secretariat units and bodies\nUnited Nations Development Programme\nMs. Kim Park\nAdviser\n";
        let list = read(text, "t").unwrap();
        assert_eq!(
            names(&list),
            [
                ("S.E. Sra.".into(), "Ana Costa".into(), "Angola".into()),
                ("Mr.".into(), "Rui Lopes".into(), "Angola".into()),
                (
                    "H.E. Ms.".into(),
                    "Jo Baptiste".into(),
                    "Antigua and Barbuda".into()
                ),
                ("Ms.".into(), "Kim Park".into(), "UNDP".into()),
            ]
        );
        assert_eq!(list.people[0].position, "Minister, Ministry of Environment");
        assert_eq!(list.skipped.len(), 4, "{:?}", list.skipped);
    }

    #[test]
    fn lines_and_columns() {
        let list = read("Ms. Ana Ruiz, Director, UNDP\nDr. Li Wei, Professor, United Nations University (UNU)\n", "t").unwrap();
        assert_eq!(list.people[1].entity, "UNU");
        assert_eq!(list.people[0].position, "Director");
        let list = read("Name\tPosition\tAffiliation\nAna Ruiz\tDirector\tFAO\nLi Wei\tProfessor\tUniversity of Ghana\n", "t").unwrap();
        assert_eq!(list.people[0].entity, "FAO");
        assert_eq!(list.people[1].entity, "University of Ghana");
    }
}
