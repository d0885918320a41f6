//! Event facts from a whole concept note: title, organising group, dates, venue, co-chairs,
//! objectives and expected outcomes — only what the text states, never invented.
//!
//! - **Title**: the first non-empty line when it is a heading (not a table line, at most 200
//!   characters), without trailing "Concept Note and Agenda" and without the dates in it.
//! - **Group**: the title up to its first parenthesised acronym ("Global Migration Group (GMG)").
//! - **Dates**: a date or range ("12-14 February 2018", "28 February – 2 March 2018",
//!   "February 12-14, 2018") in the title line, else in a sentence saying where and when the
//!   event takes place ("take place", "will be held", "scheduled", "venue").
//! - **Venue**: a "Venue:"/"Location:" line, else the capitalised words after " in " in that
//!   sentence ("… in New York.").
//! - **Co-chairs**: "co-chairs (FAO and IOM)", "co-chaired by FAO and IOM", or "FAO/IOM
//!   co-chairmanship", in that order of preference.
//! - **Objectives**: the lettered items under a "Specific Objectives" heading, heading lines
//!   only; letters are taken in sequence (a, b, c, …) so a roman "i." inside an objective is
//!   not a new objective, but a repeated letter is kept as written (the seed has two "c)": the
//!   author's slip, and dropping the second would lose an objective the note states).
//! - **Expected outcomes**: the bulleted or numbered items under "Expected Outcomes", without
//!   their "i)" prefixes.

use super::classify::{squash, strip_markup};
use super::days::{find_dates, parse_day_heading};
use super::lang::{is_document_kind, month_number};
use super::times::leading_times;
use crate::model::EventInfo;
use chrono::NaiveDate;

/// Reads the facts a concept note states.
pub fn extract(text: &str) -> EventInfo {
    let lines: Vec<String> = text.lines().map(|l| squash(&strip_markup(l))).collect();
    let mut info = EventInfo::default();
    let first = lines
        .iter()
        .map(|l| l.trim_start_matches(['#', ' ']).trim())
        .find(|l| !l.is_empty() && !is_document_kind(l) && !l.starts_with("---"));
    let raw_first_has_tab = text
        .lines()
        .find(|r| !r.trim().is_empty())
        .is_some_and(|r| r.contains('\t'));
    // Not a title: a day heading, a time, a date, a table line or a labelled field
    // ("Fecha : 18 de mayo de 2011") standing first.
    let labelled_field = |l: &str| {
        l.split_once(':').is_some_and(|(label, _)| {
            let label = label.trim().to_lowercase();
            FIELD_LABELS.contains(&label.as_str()) || VENUE_LABELS.contains(&label.as_str())
        })
    };
    let heading = first.filter(|l| {
        l.chars().count() <= 200
            && !raw_first_has_tab
            && !l.starts_with('|')
            && leading_times(l).is_none()
            && date_line(l).is_none()
            && parse_day_heading(l).is_none()
            && !labelled_field(l)
    });
    if let Some(h) = heading {
        let (title, dates) = title_and_dates(h);
        info.title = title;
        info.group = group_of(&info.title);
        if let Some((a, b)) = dates {
            info.start_date = Some(a);
            info.end_date = Some(b);
        }
    }
    let sentence = lines.iter().find_map(|l| where_and_when(l));
    if info.start_date.is_none() {
        if let Some((a, b, _, _)) = sentence.and_then(find_dates) {
            info.start_date = Some(a);
            info.end_date = Some(b);
        }
    }
    let top: Vec<&String> = lines.iter().filter(|l| !l.is_empty()).take(12).collect();
    let dated_line = top.iter().position(|l| date_line(l).is_some());
    if let (None, Some(i)) = (info.start_date, dated_line) {
        if let Some((a, b)) = date_line(top[i]) {
            info.start_date = Some(a);
            info.end_date = Some(b);
        }
    }
    info.venue = lines
        .iter()
        .find_map(|l| labelled(l, VENUE_LABELS))
        .or_else(|| sentence.and_then(venue_in))
        .or_else(|| {
            dated_line
                .and_then(|i| top.get(i + 1))
                .and_then(|l| place_line(l))
        })
        .unwrap_or_default();
    info.co_chairs = co_chairs(&lines.join("\n"));
    info.objectives = objectives(&lines);
    info.expected_outcomes = expected_outcomes(&lines);
    info
}

/// Labels of the meeting's facts written as fields ("Fecha : …", "Date: …").
const FIELD_LABELS: &[&str] = &[
    "date",
    "dates",
    "fecha",
    "fechas",
    "time",
    "heure",
    "hora",
    "horario",
    "дата",
    "日期",
    "organizer",
    "organiser",
    "sponsor",
    "contact",
];

const VENUE_LABELS: &[&str] = &[
    "venue",
    "location",
    "place",
    "lieu",
    "lugar",
    "sede",
    "место",
    "место проведения",
    "地点",
];

/// A line that is a date or a date range, or ends with one ("Regional Committee, New Delhi,
/// 2–6 September 2019", "April 22, 2021", "7-8 March 2005").
fn date_line(line: &str) -> Option<(NaiveDate, NaiveDate)> {
    if line.chars().count() > 120 {
        return None;
    }
    let (a, b, _, end) = find_dates(line)?;
    let after = line.get(end..).unwrap_or("");
    after
        .chars()
        .all(|c| !c.is_alphanumeric())
        .then_some((a, b))
}

/// A short line naming a place, right under the meeting's dates ("Bangkok, Thailand", "上海").
fn place_line(line: &str) -> Option<String> {
    let ok = line.chars().count() <= 40
        && !line.chars().any(|c| c.is_ascii_digit())
        && !is_document_kind(line)
        && leading_times(line).is_none()
        && !line.contains(':');
    ok.then(|| line.trim().to_string())
}

fn labelled(line: &str, labels: &[&str]) -> Option<String> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim().to_lowercase();
    (labels.contains(&label.as_str()) && !value.trim().is_empty()).then(|| value.trim().to_string())
}

/// The clause of a line that says when and where the event takes place.
fn where_and_when(line: &str) -> Option<&str> {
    // ASCII lowercasing keeps byte offsets valid in `line`.
    let lower = line.to_ascii_lowercase();
    let at = [
        "take place",
        "takes place",
        "will be held",
        "scheduled",
        "will convene",
    ]
    .iter()
    .find_map(|k| lower.find(k))?;
    let clause = line.get(at..)?;
    Some(clause.split(". ").next().unwrap_or(clause))
}

fn venue_in(clause: &str) -> Option<String> {
    let words: Vec<&str> = clause.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if *w != "in" {
            continue;
        }
        let mut place = Vec::new();
        for w in &words[i + 1..] {
            let clean = w.trim_end_matches(['.', ',', ';', ':', ')']);
            if clean.starts_with(char::is_uppercase) && !clean.chars().all(|c| c.is_ascii_digit()) {
                place.push(clean);
                if clean.len() != w.len() {
                    break;
                }
            } else {
                break;
            }
        }
        if !place.is_empty() && month_number(place[0]).is_none() {
            return Some(place.join(" "));
        }
    }
    None
}

const TITLE_SUFFIXES: [&str; 8] = [
    "concept note and agenda",
    "concept note and draft agenda",
    "concept note",
    "draft agenda",
    "provisional agenda",
    "tentative agenda",
    "agenda",
    "programme",
];

fn trim_title(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-' | ',' | ':' | '|'))
}

fn title_and_dates(line: &str) -> (String, Option<(NaiveDate, NaiveDate)>) {
    let mut title = line.to_string();
    let mut dates = None;
    if let Some((a, b, from, to)) = find_dates(line) {
        dates = Some((a, b));
        let before = trim_title(&line[..from]);
        title = if before.is_empty() {
            trim_title(&line[to..]).to_string()
        } else {
            before.to_string()
        };
    }
    loop {
        let lower = title.to_ascii_lowercase();
        let Some(suffix) = TITLE_SUFFIXES.iter().find(|s| lower.ends_with(*s)) else {
            break;
        };
        let cut = title.len() - suffix.len();
        title = trim_title(title.get(..cut).unwrap_or("")).to_string();
    }
    (trim_title(&title).to_string(), dates)
}

fn group_of(title: &str) -> String {
    let Some(open) = title.find('(') else {
        return String::new();
    };
    let Some(close) = title[open..].find(')') else {
        return String::new();
    };
    let inner = &title[open + 1..open + close];
    let acronym = inner.len() >= 2 && inner.chars().all(|c| c.is_uppercase() || c == '-');
    if acronym && open > 0 {
        title[..open + close + 1].to_string()
    } else {
        String::new()
    }
}

fn split_names(s: &str) -> Vec<String> {
    s.split([',', '/', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_end_matches(['.', ';']).trim().to_string())
        .filter(|p| !p.is_empty() && p.split_whitespace().count() <= 4)
        .collect()
}

fn co_chairs(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let hits: Vec<usize> = lower.match_indices("co-chair").map(|(i, _)| i).collect();
    let after_word = |i: usize| {
        let rest = text.get(i..).unwrap_or("");
        let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        rest[end..].trim_start()
    };
    for &i in &hits {
        if let Some(inner) = after_word(i).strip_prefix('(') {
            let names = split_names(inner.split(')').next().unwrap_or(""));
            if !names.is_empty() {
                return names;
            }
        }
    }
    for &i in &hits {
        if let Some(by) = after_word(i).strip_prefix("by ") {
            let names = split_names(by.split(['.', ';', '\n']).next().unwrap_or(""));
            if !names.is_empty() {
                return names;
            }
        }
    }
    for &i in &hits {
        let before = text.get(..i).unwrap_or("").trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if word.contains(['/', '-']) {
            let names: Vec<String> = word.split(['/', '-']).map(str::to_string).collect();
            if names
                .iter()
                .all(|n| n.len() >= 2 && n.chars().all(char::is_uppercase))
            {
                return names;
            }
        }
    }
    Vec::new()
}

/// A numbered section heading such as "4.2 Expected Outcomes" or "5. Structure".
fn is_section_heading(line: &str) -> bool {
    let mut parts = line.splitn(2, ' ');
    let number = parts.next().unwrap_or("");
    let rest = parts.next().unwrap_or("");
    !number.is_empty()
        && number.chars().next().is_some_and(|c| c.is_ascii_digit())
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
        && rest.starts_with(char::is_uppercase)
}

fn section<'a>(lines: &'a [String], heading: &str) -> &'a [String] {
    let Some(at) = lines
        .iter()
        .position(|l| l.chars().count() <= 60 && l.to_lowercase().contains(heading))
    else {
        return &[];
    };
    let rest = &lines[at + 1..];
    let end = rest
        .iter()
        .position(|l| is_section_heading(l))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// "a) text", "(a) text" or "a. text": the letter and the text.
fn lettered(line: &str) -> Option<(char, &str)> {
    let s = line.strip_prefix('(').unwrap_or(line);
    let mut chars = s.chars();
    let letter = chars.next().filter(char::is_ascii_lowercase)?;
    let rest = chars.as_str();
    let rest = rest.strip_prefix(')').or_else(|| rest.strip_prefix(". "))?;
    Some((letter, rest.trim()))
}

fn objectives(lines: &[String]) -> Vec<String> {
    let mut expected = 'a';
    let mut last = None;
    let mut out = Vec::new();
    for line in section(lines, "specific objectives") {
        if let Some((letter, text)) = lettered(line) {
            if text.is_empty() {
                continue;
            }
            if letter == expected {
                out.push(text.to_string());
                last = Some(letter);
                expected = char::from(expected as u8 + 1);
            } else if Some(letter) == last {
                out.push(text.to_string());
            }
        }
    }
    out
}

fn strip_enumerator(line: &str) -> Option<&str> {
    let s = line.trim_start_matches(['-', '•', '*', '–']).trim_start();
    let bulleted = s.len() != line.len();
    let s2 = s.strip_prefix('(').unwrap_or(s);
    let end = s2.find([')', '.']).unwrap_or(0);
    let marker = &s2[..end];
    let enumerated = end > 0
        && end <= 5
        && (marker.chars().all(|c| "ivxlc".contains(c))
            || marker.chars().all(|c| c.is_ascii_digit()));
    if enumerated {
        return Some(s2[end + 1..].trim());
    }
    bulleted.then_some(s)
}

fn expected_outcomes(lines: &[String]) -> Vec<String> {
    section(lines, "expected outcome")
        .iter()
        .filter_map(|l| strip_enumerator(l))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_without_dates_and_suffix() {
        let (t, _) = title_and_dates("Global Migration Group (GMG) Retreat – Working Level 12- 14 February 2018 Concept Note and Agenda");
        assert_eq!(t, "Global Migration Group (GMG) Retreat – Working Level");
        assert_eq!(group_of(&t), "Global Migration Group (GMG)");
    }

    #[test]
    fn co_chairs_spellings() {
        assert_eq!(
            co_chairs("the GMG co-chairs (FAO and IOM)."),
            ["FAO", "IOM"]
        );
        assert_eq!(
            co_chairs("co-chaired by Mexico and Switzerland."),
            ["Mexico", "Switzerland"]
        );
        assert_eq!(co_chairs("the FAO/IOM co-chairmanship of"), ["FAO", "IOM"]);
        assert!(co_chairs("no chairs here").is_empty());
    }
}
