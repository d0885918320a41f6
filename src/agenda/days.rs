//! Day headings of an agenda ("DAY 1 – Monday 12 February", "Day 2 – 13 Feb",
//! "Tuesday, 13 February 2018", "Day 3") and the dates they stand for.
//!
//! A heading is recognised only when the whole line is made of heading words: an optional
//! "Day N", weekday names, a day of the month, a month name (full or abbreviated) and a
//! four-digit year, with dashes, commas and colons between. Anything else on the line means it
//! is not a heading. The date is resolved later with [`DayHeading::date`]: a year missing from
//! the heading comes from the caller (the event's dates or a year written near the agenda); a
//! heading that names only "Day 3" gets a date only from the event's stated start date.
//!
//! It also finds dates and date ranges written in prose ([`find_dates`]: "12-14 February
//! 2018", "28 February – 2 March 2018", "February 12-14, 2018", "5 May 2019"), which the
//! concept-note reader uses for the event's dates.

use chrono::{Datelike, NaiveDate};

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
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month number of a month name or its abbreviation ("Feb", "Sept").
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    w.len() >= 3
        && WEEKDAYS
            .iter()
            .any(|d| *d == w || (d.starts_with(&w) && w.len() <= 4))
}

/// A day-of-month number, allowing ordinal suffixes ("13th").
fn day_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Recognises a whole line as a day heading.
pub fn parse_day_heading(line: &str) -> Option<DayHeading> {
    let label = line.trim();
    if label.is_empty() || label.chars().count() > 60 {
        return None;
    }
    let words: Vec<&str> = label
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '–' | '—' | '-' | ':' | '/' | '|'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut h = DayHeading {
        label: label.to_string(),
        ..DayHeading::default()
    };
    let mut has_weekday = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let lower = w.to_lowercase();
        if lower == "day" && h.number.is_none() && i == 0 {
            let n: u32 = words.get(i + 1)?.parse().ok()?;
            h.number = Some(n);
            i += 2;
            continue;
        }
        if is_weekday(w) && !has_weekday {
            has_weekday = true;
        } else if let Some(m) = month_number(w).filter(|_| h.month.is_none()) {
            h.month = Some(m);
        } else if let Some(d) = day_number(w).filter(|_| h.day_of_month.is_none()) {
            h.day_of_month = Some(d);
        } else if w.len() == 4 && h.year.is_none() && w.chars().all(|c| c.is_ascii_digit()) {
            h.year = w.parse().ok();
        } else {
            return None;
        }
        i += 1;
    }
    let dated = h.month.is_some() && h.day_of_month.is_some();
    if h.number.is_none() && !dated && !has_weekday {
        return None;
    }
    // A month without a day (or the other way round) is not a heading ("March 2018").
    if h.month.is_some() != h.day_of_month.is_some() {
        return None;
    }
    if h.year.is_some() && !dated {
        return None;
    }
    Some(h)
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
}

/// The first plausible four-digit year (1990–2100) written in `text`.
pub fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// The year of a date, for callers that only have the event's dates.
pub fn year_of(date: Option<NaiveDate>) -> Option<i32> {
    date.map(|d| d.year())
}

/// Tokens of a line: runs of letters/digits with their byte spans.
fn tokens(s: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i, &s[a..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn num(w: &str, max: u32) -> Option<u32> {
    w.parse().ok().filter(|n| (1..=max).contains(n))
}

fn year(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y))
}

/// The first date or date range in `s`: (start, end, byte start, byte end).
pub fn find_dates(s: &str) -> Option<(NaiveDate, NaiveDate, usize, usize)> {
    let t = tokens(s);
    let w = |i: usize| t.get(i).map(|x| x.2).unwrap_or("");
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    for i in 0..t.len() {
        let a = t[i].0;
        let end = |j: usize| t.get(j).map(|x| x.1).unwrap_or(s.len());
        // 12-14 February 2018 / 12 and 14 February 2018
        if let Some(d1) = num(w(i), 31) {
            let k = if matches!(w(i + 1), "and" | "to") {
                i + 2
            } else {
                i + 1
            };
            if let (Some(d2), Some(m), Some(y)) =
                (num(w(k), 31), month_number(w(k + 1)), year(w(k + 2)))
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
                year(w(i + 4)),
            ) {
                if let (Some(x), Some(z)) = (ymd(y, m1, d1), ymd(y, m2, d2)) {
                    return Some((x, z, a, end(i + 4)));
                }
            }
            // 12 February 2018
            if let (Some(m), Some(y)) = (month_number(w(i + 1)), year(w(i + 2))) {
                if let Some(x) = ymd(y, m, d1) {
                    return Some((x, x, a, end(i + 2)));
                }
            }
        }
        // February 12-14, 2018 / February 12, 2018
        if let (Some(m), Some(d1)) = (month_number(w(i)), num(w(i + 1), 31)) {
            if let (Some(d2), Some(y)) = (num(w(i + 2), 31), year(w(i + 3))) {
                if let (Some(x), Some(z)) = (ymd(y, m, d1), ymd(y, m, d2)) {
                    return Some((x, z, a, end(i + 3)));
                }
            }
            if let Some(y) = year(w(i + 2)) {
                if let Some(x) = ymd(y, m, d1) {
                    return Some((x, x, a, end(i + 2)));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn every_heading_spelling() {
        let h = parse_day_heading("DAY 1 – Monday 12 February").unwrap();
        assert_eq!(
            (h.number, h.day_of_month, h.month, h.year),
            (Some(1), Some(12), Some(2), None)
        );
        assert_eq!(h.date(Some(2018), None, None), d(2018, 2, 12));
        assert_eq!(h.date(None, None, None), None);
        let h = parse_day_heading("Day 2 – 13 Feb").unwrap();
        assert_eq!(h.date(Some(2018), None, None), d(2018, 2, 13));
        let h = parse_day_heading("Tuesday, 13 February 2018").unwrap();
        assert_eq!(h.date(None, None, None), d(2018, 2, 13));
        let h = parse_day_heading("Day 3").unwrap();
        assert_eq!(h.date(Some(2018), None, None), None);
        assert_eq!(h.date(None, d(2018, 2, 12), d(2018, 2, 14)), d(2018, 2, 14));
        assert_eq!(h.date(None, d(2018, 2, 12), d(2018, 2, 13)), None);
        let h = parse_day_heading("Wednesday 14th of February").map(|h| h.day_of_month);
        assert_eq!(h, None, "\"of\" is not a heading word");
        let h = parse_day_heading("February 14, 2018").unwrap();
        assert_eq!(h.date(None, None, None), d(2018, 2, 14));
    }

    #[test]
    fn prose_is_not_a_heading() {
        assert!(parse_day_heading("Registration of participants").is_none());
        assert!(parse_day_heading("1. Introduction").is_none());
        assert!(parse_day_heading("March 2018").is_none());
        assert!(parse_day_heading("Closing day 1").is_none());
        assert!(parse_day_heading("Day one of the meeting").is_none());
        assert!(parse_day_heading("").is_none());
    }

    #[test]
    fn finds_years() {
        assert_eq!(year_in("Tentative Agenda 2018"), Some(2018));
        assert_eq!(year_in("12 February"), None);
    }

    #[test]
    fn dates_in_many_forms() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let r = |s: &str| find_dates(s).map(|x| (x.0, x.1));
        assert_eq!(
            r("12- 14 February 2018"),
            Some((d(2018, 2, 12), d(2018, 2, 14)))
        );
        assert_eq!(
            r("28 February – 2 March 2018"),
            Some((d(2018, 2, 28), d(2018, 3, 2)))
        );
        assert_eq!(
            r("February 12-14, 2018"),
            Some((d(2018, 2, 12), d(2018, 2, 14)))
        );
        assert_eq!(r("on 5 May 2019."), Some((d(2019, 5, 5), d(2019, 5, 5))));
        assert_eq!(r("in April 2018"), None);
    }
}
