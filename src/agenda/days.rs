//! Day headings of an agenda and the dates they stand for, in the languages of `lang`:
//! "DAY 1 – Monday 12 February", "Day 2 – 13 Feb", "Tuesday, June 3", "Wednesday 21st October",
//! "Samedi 14 mai matin", "Martes 27 de enero de 2004", "21 марта. Четверг", "10月20日",
//! "Monday 2020-10-05", "26th/Feb/2018", "Day 1: Getting started" …
//!
//! A heading is read by date parsing, not by pattern: the line must *begin* with heading words
//! (an optional "Day N", weekday names, a day of the month with or without an ordinal suffix,
//! a month name or abbreviation, a four-digit year, fillers such as "de"/"of"/"matin", and
//! ISO or Chinese dates) that name a day — a "Day N", a weekday, or a day and a month. What
//! follows may be the day's theme after a dash, colon or parenthesis ("Day 1 - Containers",
//! "July 27th, 2016 (Hotel Oasis)"), at most 80 characters; any other text after the date
//! means the line is prose. [`leading_day_heading`] also hands back the rest of a line whose
//! heading is followed by a time, as in "14 сентября 09:00-10:00 | Завтрак".
//!
//! The date is resolved with [`DayHeading::date`]: a year missing from the heading comes only
//! from a year written in the document (the caller passes it); a heading that names only
//! "Day 3" gets a date only from the meeting's stated first day.
//!
//! [`find_dates`] finds the meeting's dates written in prose or a heading line ("12-14 February
//! 2018", "28 February – 2 March 2018", "February 12-14, 2018", "18 de mayo de 2011",
//! "2016年10月21日-10月22日").

use super::lang::{month_number, weekday, DAY_WORDS, HEADING_FILLERS};
use super::times::leading_times;
use chrono::{Datelike, NaiveDate};

/// Words that join the parts of a date ("27 de enero", "14th of February").
const CONNECTORS: &[&str] = &["de", "del", "of", "the", "le", "el", "la", "du"];

/// A recognised day heading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayHeading {
    /// The heading as written (trimmed), kept as the day's label.
    pub label: String,
    /// N of "Day N".
    pub number: Option<u32>,
    pub day_of_month: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
    pub weekday: Option<usize>,
    /// A half-day word was read ("matin", "afternoon"): the heading may continue a day.
    pub half_day: bool,
}

/// A day-of-month number, allowing ordinal suffixes ("13th", "23d", "1er", "2º").
fn day_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &w[digits.len()..];
    let ordinal = [
        "", "st", "nd", "rd", "th", "d", "er", "e", "re", "º", "°", "ª", "-го", "го",
    ];
    if digits.is_empty() || digits.len() > 2 || !ordinal.contains(&suffix) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_word(w: &str) -> Option<i32> {
    (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y))
}

/// Words of a line with their byte spans; separators are spaces and heading punctuation.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let sep = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '–' | '—' | '-' | ':' | '/' | '|' | '(' | ')' | '.' | '·'
            )
    };
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (sep(c), start) {
            (false, None) => start = Some(i),
            (true, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// "2020-10-05" at the start of `s`: the date and its length.
fn iso_date(s: &str) -> Option<(NaiveDate, usize)> {
    let head = s.get(..10)?;
    let d = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    Some((d, 10))
}

/// "2016年10月21日" or "10月21日" at the start of `s`: (year, month, day) and byte length.
fn cjk_date(s: &str) -> Option<(Option<i32>, u32, u32, usize)> {
    let mut rest = s;
    let mut year = None;
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    if n == 4 {
        if let Some(after) = rest[4..].strip_prefix('年') {
            year = rest[..4].parse().ok();
            rest = after;
        }
    }
    let m_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let month: u32 = rest.get(..m_len)?.parse().ok()?;
    let after_m = rest.get(m_len..)?.strip_prefix('月')?;
    let d_len = after_m.bytes().take_while(u8::is_ascii_digit).count();
    let day: u32 = after_m.get(..d_len)?.parse().ok()?;
    let after_d = after_m.get(d_len..)?;
    let after_d = after_d
        .strip_prefix('日')
        .or_else(|| after_d.strip_prefix('号'))?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((
        year,
        month,
        day,
        s.len() - after_d.len(),
    ))
}

/// A day heading at the start of `line`, and the text after it.
pub fn leading_day_heading(line: &str) -> Option<(DayHeading, &str)> {
    let label_src = line.trim();
    if label_src.is_empty() {
        return None;
    }
    let mut h = DayHeading::default();
    let mut covered = 0usize; // bytes of `label_src` read as heading words
    if let Some((d, len)) = iso_date(label_src) {
        (h.year, h.month, h.day_of_month) = (Some(d.year()), Some(d.month()), Some(d.day()));
        covered = len;
    } else if let Some((y, m, d, len)) = cjk_date(label_src) {
        (h.year, h.month, h.day_of_month) = (y, Some(m), Some(d));
        covered = len;
    }
    let ws = words(label_src);
    let mut i = ws
        .iter()
        .position(|(a, _)| *a >= covered)
        .unwrap_or(ws.len());
    let mut any_word = covered > 0;
    while let Some(&(a, b)) = ws.get(i) {
        let w = &label_src[a..b];
        let lower = w.to_lowercase();
        if let (None, Some((d, len))) = (h.month, iso_date(&label_src[a..])) {
            (h.year, h.month, h.day_of_month) = (Some(d.year()), Some(d.month()), Some(d.day()));
            covered = a + len;
            i = ws
                .iter()
                .position(|(x, _)| *x >= covered)
                .unwrap_or(ws.len());
            any_word = true;
            continue;
        }
        let next_number = ws
            .get(i + 1)
            .and_then(|&(c, d)| label_src[c..d].parse::<u32>().ok());
        if DAY_WORDS.contains(&lower.as_str()) && h.number.is_none() && !any_word {
            let Some(n) = next_number else { break };
            h.number = Some(n);
            covered = ws[i + 1].1;
            i += 2;
            any_word = true;
            continue;
        }
        if let Some(wd) = weekday(w).filter(|_| h.weekday.is_none()) {
            h.weekday = Some(wd);
        } else if let Some(m) = month_number(w).filter(|_| h.month.is_none()) {
            h.month = Some(m);
        } else if let Some(d) = day_number(w).filter(|_| h.day_of_month.is_none()) {
            h.day_of_month = Some(d);
        } else if let Some(y) = year_word(w).filter(|_| h.year.is_none()) {
            h.year = Some(y);
        } else if any_word && CONNECTORS.contains(&lower.as_str()) {
            // "de", "of": part of the heading only when a date word follows.
            i += 1;
            continue;
        } else if any_word && HEADING_FILLERS.contains(&lower.as_str()) {
            h.half_day = true;
        } else {
            break;
        }
        any_word = true;
        covered = b;
        i += 1;
    }
    let dated = h.month.is_some() && h.day_of_month.is_some();
    if !(dated || h.number.is_some() || h.weekday.is_some()) {
        return None;
    }
    // A month without a day (or the other way round) is not a heading ("March 2018").
    if h.month.is_some() != h.day_of_month.is_some() || (h.year.is_some() && !dated) {
        return None;
    }
    let rest = &label_src[covered..];
    h.label = label_src.to_string();
    Some((h, rest))
}

/// Recognises a whole line as a day heading (see the module docs for what may follow it).
pub fn parse_day_heading(line: &str) -> Option<DayHeading> {
    let (h, rest) = leading_day_heading(line)?;
    let after = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '*');
    if after.is_empty() || after.chars().all(|c| !c.is_alphanumeric()) {
        return Some(h);
    }
    let joined_by = rest.trim_start();
    let separated = rest.starts_with(char::is_whitespace)
        && joined_by.starts_with(['-', '–', '—', ':', '(', '|', ','])
        || rest.starts_with([':', '(', ',', '.'])
        || rest.starts_with(" (");
    (separated && after.chars().count() <= 80).then_some(h)
}

impl DayHeading {
    /// The date this heading stands for. `year` is the fallback for a heading without one;
    /// `event_start`/`event_end` let "Day N" count from the event's stated first day.
    pub fn date(
        &self,
        year: Option<i32>,
        event_start: Option<NaiveDate>,
        event_end: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        if let (Some(m), Some(d)) = (self.month, self.day_of_month) {
            let y = self.year.or(year)?;
            return NaiveDate::from_ymd_opt(y, m, d);
        }
        let n = self.number?;
        let (start, end) = (event_start?, event_end?);
        let date = start.checked_add_days(chrono::Days::new(u64::from(n.checked_sub(1)?)))?;
        (date <= end).then_some(date)
    }

    /// Whether `other` continues this heading's day: it names the same calendar day with a
    /// half-day word ("Samedi 14 mai matin", then "Samedi 14 mai après-midi").
    pub fn same_day(&self, other: &DayHeading) -> bool {
        other.half_day
            && self.month.is_some()
            && self.month == other.month
            && self.day_of_month == other.day_of_month
            && (self.year == other.year || self.year.is_none() || other.year.is_none())
    }
}

/// The first plausible four-digit year (1990–2100) written in `text`.
pub fn year_in(text: &str) -> Option<i32> {
    tokens(text)
        .into_iter()
        .find_map(|(_, _, w)| year_word(w).or_else(|| w.strip_suffix('年').and_then(year_word)))
}

pub fn year_of(date: Option<NaiveDate>) -> Option<i32> {
    date.map(|d| d.year())
}

/// Tokens of a line: runs of letters/digits with their byte spans; the filler words of dates
/// ("de", "of") are left out.
fn tokens(s: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                let w = &s[a..i];
                if !matches!(
                    w.to_lowercase().as_str(),
                    "de" | "del" | "of" | "the" | "el"
                ) {
                    out.push((a, i, w));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn num(w: &str, max: u32) -> Option<u32> {
    day_number(w).filter(|n| *n <= max)
}

/// "2016年10月21日-10月22日" anywhere in `s`.
fn find_cjk_dates(s: &str) -> Option<(NaiveDate, NaiveDate, usize, usize)> {
    for (i, _) in s.char_indices() {
        let Some((Some(y), m, d, len)) = cjk_date(&s[i..]) else {
            continue;
        };
        let start = NaiveDate::from_ymd_opt(y, m, d)?;
        let after = &s[i + len..];
        let dash = after.trim_start_matches(['-', '–', '—', '~', '至', ' ']);
        if dash.len() < after.len() {
            if let Some((_, m2, d2, len2)) = cjk_date(dash) {
                let end = NaiveDate::from_ymd_opt(y, m2, d2)?;
                return Some((start, end, i, s.len() - dash.len() + len2));
            }
        }
        return Some((start, start, i, i + len));
    }
    None
}

/// The first date or date range in `s`: (start, end, byte start, byte end).
pub fn find_dates(s: &str) -> Option<(NaiveDate, NaiveDate, usize, usize)> {
    if let Some(found) = find_cjk_dates(s) {
        return Some(found);
    }
    let t = tokens(s);
    let w = |i: usize| t.get(i).map(|x| x.2).unwrap_or("");
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    for i in 0..t.len() {
        let a = t[i].0;
        let end = |j: usize| t.get(j).map(|x| x.1).unwrap_or(s.len());
        if let Some((d, _)) = iso_date(&s[a..]) {
            return Some((d, d, a, a + 10));
        }
        // 12-14 February 2018 / 12 and 14 February 2018
        if let Some(d1) = num(w(i), 31) {
            let k = if matches!(w(i + 1), "and" | "to" | "au" | "al" | "y" | "et") {
                i + 2
            } else {
                i + 1
            };
            if let (Some(d2), Some(m), Some(y)) =
                (num(w(k), 31), month_number(w(k + 1)), year_word(w(k + 2)))
            {
                if let (Some(x), Some(z)) = (ymd(y, m, d1), ymd(y, m, d2)) {
                    return Some((x, z, a, end(k + 2)));
                }
            }
            // 28 February – 2 March 2018
            if let (Some(m1), Some(d2), Some(m2), Some(y)) = (
                month_number(w(i + 1)),
                num(w(i + 2), 31),
                month_number(w(i + 3)),
                year_word(w(i + 4)),
            ) {
                if let (Some(x), Some(z)) = (ymd(y, m1, d1), ymd(y, m2, d2)) {
                    return Some((x, z, a, end(i + 4)));
                }
            }
            // 12 February 2018 / 26th/Feb/2018
            if let (Some(m), Some(y)) = (month_number(w(i + 1)), year_word(w(i + 2))) {
                if let Some(x) = ymd(y, m, d1) {
                    return Some((x, x, a, end(i + 2)));
                }
            }
        }
        // February 12-14, 2018 / February 12, 2018
        if let (Some(m), Some(d1)) = (month_number(w(i)), num(w(i + 1), 31)) {
            if let (Some(d2), Some(y)) = (num(w(i + 2), 31), year_word(w(i + 3))) {
                if let (Some(x), Some(z)) = (ymd(y, m, d1), ymd(y, m, d2)) {
                    return Some((x, z, a, end(i + 3)));
                }
            }
            if let Some(y) = year_word(w(i + 2)) {
                if let Some(x) = ymd(y, m, d1) {
                    return Some((x, x, a, end(i + 2)));
                }
            }
        }
    }
    None
}

/// Whether a line that starts like a heading goes on with a time ("14 сентября 09:00-10:00").
pub fn heading_then_time(line: &str) -> Option<(DayHeading, &str)> {
    let (mut h, rest) = leading_day_heading(line)?;
    let r = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '.'));
    if h.day_of_month.is_none() && h.number.is_none() || leading_times(r).is_none() {
        return None;
    }
    let t = line.trim();
    h.label = t[..t.len() - rest.len()].trim_end().to_string();
    Some((h, r))
}

#[cfg(test)]
#[path = "days_tests.rs"]
mod tests;
