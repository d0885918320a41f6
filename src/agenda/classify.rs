//! Reading the meaning of an agenda cell: cleaning pasted markup, telling logistics rows
//! (registration, breaks, meals…) from working sessions, and splitting a title from the
//! sub-title glued to it when a table was copied out of Word.
//!
//! **Logistics.** A row is logistics when its title names housekeeping, in any of the languages
//! of `lang`: breaks and meals ("coffee break", "lunch", "pause", "almuerzo", "обед", "午餐")
//! anywhere in the title; registration, reception, arrival, departure, networking or social
//! time ("accueil", "llegada", "регистрация") in a short title (at most six words) — so
//! "Arrival and integration of migrants: policy options for States" stays working. Only the part
//! before a bar is read ("General Assembly plenary | ECOSOC lunch" is the plenary). "Closing
//! day 1", "Opening session" and "Breakout groups" are working.
//!
//! **Title / description split.** Word tables lose the line break between a session's title and
//! its sub-title ("Setting the scene Conversation with the OSRSG…"). The cell is split before
//! the first word W that
//! - starts with a capital and has a lowercase letter (not an acronym like GMG or O-SRSG),
//! - follows a word ending in a lowercase letter or a digit (so not after "2018:" or "GMG"),
//! - is followed by a word starting with a lowercase letter ("Review *of* …"),
//! - lies outside parentheses,
//! - leaves at least two words in the title, and
//! - if the word before W is itself capitalised, that word is preceded by a lowercase word
//!   (a title-case run such as "GMG Work Plan" is a name, not a seam; "of the Agenda Review"
//!   is a seam).
//!
//! When no word qualifies the whole cell stays the title. Logistics rows always keep their
//! whole cell as the title.

use super::lang::{LOGISTICS_ANYWHERE, LOGISTICS_PHRASES, LOGISTICS_SHORT};

/// Removes HTML-like tags (`<i>`, `</b>`, `<br/>` → a space) and Markdown emphasis (`*`,
/// `**`, `__`) where it stands at a word's edge; a `*` inside a word ("H*cking", "7*5") is
/// text and stays.
pub fn strip_markup(s: &str) -> String {
    strip_emphasis(&strip_tags(s))
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '<' {
            let rest = &s[i + 1..];
            let tag_like = rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
            if let (true, Some(close)) = (tag_like, rest.find('>')) {
                let inner = &rest[..close];
                if close <= 40 && !inner.contains('<') {
                    if inner
                        .trim_start_matches('/')
                        .to_ascii_lowercase()
                        .starts_with("br")
                    {
                        out.push(' ');
                    }
                    while chars.peek().is_some_and(|(j, _)| *j <= i + 1 + close) {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

fn strip_emphasis(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let opens_after =
        |c: Option<&char>| c.is_none_or(|c| c.is_whitespace() || "([{\"'«“‘|".contains(*c));
    let closes_before =
        |c: Option<&char>| c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}\"'»”’|".contains(*c));
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|x| **x == c).count();
        let marker = (c == '*' && run <= 3) || (c == '_' && (2..=3).contains(&run));
        if marker {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + run);
            let opening = opens_after(before) && after.is_some_and(|a| !a.is_whitespace());
            let closing = before.is_some_and(|b| !b.is_whitespace()) && closes_before(after);
            if opening || closing {
                i += run;
                continue;
            }
        }
        out.extend(&chars[i..i + run]);
        i += run;
    }
    out
}

/// Collapses runs of whitespace into single spaces and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans a cell: markup stripped, whitespace squashed; paragraph breaks (`\n`) kept.
pub fn clean_cell(s: &str) -> String {
    strip_markup(s)
        .split('\n')
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn words_lower(title: &str) -> Vec<String> {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // "l u n c h": letters spaced out for effect.
    if words.len() > 2 && words.iter().all(|w| w.chars().count() == 1) {
        return vec![words.concat()];
    }
    words
}

/// The text outside parentheses: "Breakout rooms (incl. break)" is not a break.
fn without_parentheses(s: &str) -> String {
    let mut depth = 0u32;
    s.chars()
        .filter(|c| {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect()
}

/// Whether a title names a logistics row (see the module docs). Only the part before a bar is
/// read: "General Assembly plenary | ECOSOC lunch" is the plenary.
pub fn is_logistics(title: &str) -> bool {
    let first = title.split('|').next().unwrap_or(title);
    let words = words_lower(&without_parentheses(first));
    if words.is_empty() {
        return false;
    }
    let listed = |w: &String, list: &[&str]| {
        list.contains(&w.as_str()) || w.split('-').any(|p| list.contains(&p))
    };
    let has = |list: &[&str]| words.iter().any(|w| listed(w, list));
    // A meal or a break anywhere in a title of a dozen words; in a longer one (a description
    // pasted as the title) only among its first three words.
    let head = if words.len() <= 12 { words.len() } else { 3 };
    if words[..head].iter().any(|w| listed(w, LOGISTICS_ANYWHERE)) {
        return true;
    }
    let short = words.len() <= 6;
    let joined = words.join(" ");
    let phrase = LOGISTICS_PHRASES.iter().any(|p| {
        joined == *p || joined.starts_with(&format!("{p} ")) || joined.contains(&format!(" {p}"))
    });
    short && (has(LOGISTICS_SHORT) || phrase)
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn is_capitalised_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !is_acronym(word)
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

fn ends_lower_or_digit(word: &str) -> bool {
    word.chars()
        .last()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// Splits a working session's cell into title and description (see the module docs).
pub fn split_title(cell: &str) -> (String, String) {
    let cell = cell.trim();
    // A cell with several paragraphs already says where its title ends.
    if let Some((first, rest)) = cell.split_once('\n') {
        return (first.trim().to_string(), rest.trim().to_string());
    }
    let words: Vec<&str> = cell.split(' ').filter(|w| !w.is_empty()).collect();
    let mut depth: i32 = 0;
    for (i, w) in words.iter().enumerate() {
        let outside = depth == 0;
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        if !outside || i < 2 || w.starts_with('(') {
            continue;
        }
        let prev = words[i - 1];
        let next = match words.get(i + 1) {
            Some(n) => *n,
            None => continue,
        };
        if !is_capitalised_word(w) || !ends_lower_or_digit(prev) || !starts_lowercase(next) {
            continue;
        }
        if is_capitalised_word(prev)
            && !words
                .get(i.wrapping_sub(2))
                .is_some_and(|p| starts_lowercase(p))
        {
            continue;
        }
        return (words[..i].join(" "), words[i..].join(" "));
    }
    (cell.to_string(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> (&str, String) {
        let (t, d) = split_title(s);
        (Box::leak(t.into_boxed_str()), d)
    }

    #[test]
    fn markup_is_stripped() {
        assert_eq!(clean_cell("<i>Coffee Break</i>"), "Coffee Break");
        assert_eq!(clean_cell("**Initiate** *x*"), "Initiate x");
        assert_eq!(clean_cell("a < b and c > d"), "a < b and c > d");
        assert_eq!(clean_cell(" two\n  lines "), "two\nlines");
    }

    #[test]
    fn logistics_words() {
        for t in [
            "Registration of participants",
            "Coffee Break",
            "Coffee break",
            "Lunch",
            "Dinner",
            "Breakfast",
            "Welcome reception",
            "Cocktail",
            "Networking break",
            "Check-in",
            "Arrival of participants",
            "Departure",
            "Group photo",
            "Tea break",
            "Break",
        ] {
            assert!(is_logistics(t), "{t}");
        }
        for t in [
            "Closing day 1",
            "Opening session",
            "Breakout groups",
            "Arrival and integration of migrants: policy options for States",
            "The link between migration, food security, agriculture, and rural development",
        ] {
            assert!(!is_logistics(t), "{t}");
        }
    }

    #[test]
    fn splits_every_seed_title() {
        let cases = [
            ("Registration of participants", "Registration of participants", ""),
            (
                "Opening session GMG in 2018: What to Expect GMG Highlights from 2017",
                "Opening session GMG in 2018: What to Expect GMG Highlights from 2017",
                "",
            ),
            (
                "Adoption of the Agenda Review of the objectives and of the agenda and adoption",
                "Adoption of the Agenda",
                "Review of the objectives and of the agenda and adoption",
            ),
            (
                "Setting the scene Conversation with the OSRSG, OPGA and co-facilitators on the GCM process and possible role of GMG",
                "Setting the scene",
                "Conversation with the OSRSG, OPGA and co-facilitators on the GCM process and possible role of GMG",
            ),
            ("Closing day 1", "Closing day 1", ""),
            (
                "Supporting the GCM process Discussions on concrete ways to support the negotiation phase, and maintain momentum to the end of the year",
                "Supporting the GCM process",
                "Discussions on concrete ways to support the negotiation phase, and maintain momentum to the end of the year",
            ),
            (
                "Supporting the GCM process (continued) continued, and summary of main recommendations and conclusions",
                "Supporting the GCM process (continued) continued, and summary of main recommendations and conclusions",
                "",
            ),
            (
                "The link between migration, food security, agriculture, and rural development",
                "The link between migration, food security, agriculture, and rural development",
                "",
            ),
            (
                "The way forward Reflections on the discussions so far, and what it means for the work of the GMG in 2018, including events, and how to improve interactions and communication with States",
                "The way forward",
                "Reflections on the discussions so far, and what it means for the work of the GMG in 2018, including events, and how to improve interactions and communication with States",
            ),
            (
                "GMG Work Plan for 2018 Review of the Agenda of Work (focus on priorities for 2018, calendars of events and communication)",
                "GMG Work Plan for 2018",
                "Review of the Agenda of Work (focus on priorities for 2018, calendars of events and communication)",
            ),
            (
                "Conclusions and next steps (including remarks to be made by the co-chairs at DESA Coordination meeting on 15 February)",
                "Conclusions and next steps (including remarks to be made by the co-chairs at DESA Coordination meeting on 15 February)",
                "",
            ),
        ];
        for (cell, title, desc) in cases {
            let (t, d) = split(cell);
            assert_eq!((t, d.as_str()), (title, desc), "{cell}");
        }
        assert_eq!(
            split_title("Opening\nWelcome remarks"),
            ("Opening".into(), "Welcome remarks".into())
        );
    }
}
