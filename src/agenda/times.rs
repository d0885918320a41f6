//! Time-of-day and time-range parsing for agendas as people type them.
//!
//! Agendas write times in many ways: `13:30`, `0900`, `11.00`, `9.00 am`, `2 pm`, separated by
//! en or em dashes, hyphens (with or without spaces) or the word "to". This module owns turning
//! those spellings into [`ClockTime`] (24-hour). Rules:
//! - a time is `H:MM`, `H.MM`, `HHMM` (four digits), or a bare hour followed by am/pm;
//! - `am`/`a.m.`/`pm`/`p.m.` convert to 24-hour; `12 am` is midnight, `12 pm` noon;
//! - in a range where only the end carries `pm` (`11.00 – 1.30 pm`), the start takes `pm`
//!   too when that keeps it before the end;
//! - nothing else is guessed: `2018` followed by words is not a time.

use crate::model::ClockTime;

/// A time as written, before am/pm is resolved against a partner time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RawTime {
    hour: u32,
    minute: u32,
    /// `Some(true)` for pm, `Some(false)` for am.
    pm: Option<bool>,
    /// Written with a separator (`:`/`.`) or am/pm, so certainly a time.
    explicit: bool,
    /// A bare hour of one or two digits without minutes or am/pm ("9").
    bare: bool,
}

impl RawTime {
    fn resolve(self) -> Option<ClockTime> {
        let hour = match self.pm {
            None => self.hour,
            Some(_) if self.hour == 0 || self.hour > 12 => return None,
            Some(false) => self.hour % 12,
            Some(true) => self.hour % 12 + 12,
        };
        ClockTime::new(hour, self.minute)
    }
}

fn digits_at(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Parses an am/pm marker at the start of `s` (after optional spaces); returns it and the
/// bytes consumed.
fn am_pm_at(s: &str) -> Option<(bool, usize)> {
    let trimmed = s.trim_start();
    let skip = s.len() - trimmed.len();
    let lower = trimmed.to_ascii_lowercase();
    for (marker, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(rest) = lower.strip_prefix(marker) {
            let ends_word = rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
            if ends_word {
                return Some((pm, skip + marker.len()));
            }
        }
    }
    None
}

/// Parses one time at the start of `s`; returns it and the number of bytes consumed.
fn time_at(s: &str) -> Option<(RawTime, usize)> {
    let n = digits_at(s);
    let (hour, minute, mut used, mut explicit) = match n {
        1 | 2 => {
            let hour: u32 = s.get(..n)?.parse().ok()?;
            let rest = s.get(n..)?;
            match rest.chars().next() {
                Some(':') | Some('.') if digits_at(&rest[1..]) == 2 => {
                    let minute: u32 = rest.get(1..3)?.parse().ok()?;
                    (hour, minute, n + 3, true)
                }
                _ => (hour, 0, n, false),
            }
        }
        3 | 4 => {
            let hour: u32 = s.get(..n - 2)?.parse().ok()?;
            let minute: u32 = s.get(n - 2..n)?.parse().ok()?;
            (hour, minute, n, false)
        }
        _ => return None,
    };
    // A digit right after means a longer number, not a time.
    if s.get(used..)?.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut pm = None;
    if let Some((is_pm, len)) = am_pm_at(s.get(used..)?) {
        pm = Some(is_pm);
        used += len;
        explicit = true;
    } else if n <= 2 && !explicit {
        // A bare hour ("9") is only a time with am/pm; callers may still pair it.
        return Some((
            RawTime {
                hour,
                minute,
                pm: None,
                explicit: false,
                bare: true,
            },
            used,
        ));
    }
    if minute > 59 || hour > 23 {
        return None;
    }
    Some((
        RawTime {
            hour,
            minute,
            pm,
            explicit,
            bare: false,
        },
        used,
    ))
}

/// Consumes a range separator (dash, "to", "until") with the spaces around it.
fn separator_at(s: &str) -> Option<usize> {
    let trimmed = s.trim_start();
    let mut used = s.len() - trimmed.len();
    let mut found = false;
    if let Some(c) = trimmed.chars().next() {
        if matches!(c, '-' | '–' | '—' | '‑' | '−' | '‒') {
            used += c.len_utf8();
            found = true;
        }
    }
    if !found {
        let lower = trimmed.to_ascii_lowercase();
        for word in ["to ", "until ", "till "] {
            if lower.starts_with(word) {
                used += word.len();
                found = true;
                break;
            }
        }
    }
    if !found {
        return None;
    }
    let rest = s.get(used..)?;
    Some(used + (rest.len() - rest.trim_start().len()))
}

/// A time range at the start of `s`: start, end, and the text after it (trimmed).
pub fn leading_range(s: &str) -> Option<(ClockTime, ClockTime, &str)> {
    let s = s.trim_start();
    let (start, used1) = time_at(s)?;
    let after_start = s.get(used1..)?;
    let sep = separator_at(after_start)?;
    let after_sep = after_start.get(sep..)?;
    let (end, used2) = time_at(after_sep)?;
    let rest = after_sep.get(used2..)?;
    // A bare hour needs am/pm on its partner; at least one half must be unmistakably a time.
    if (start.bare && end.pm.is_none()) || (end.bare && start.pm.is_none()) {
        return None;
    }
    if !start.explicit && !end.explicit {
        return None;
    }
    let mut start = start;
    if start.pm.is_none() {
        if let Some(true) = end.pm {
            let e = end.resolve()?;
            let as_pm = RawTime {
                pm: Some(true),
                ..start
            };
            if start.hour < 12 {
                if let Some(t) = as_pm.resolve() {
                    if t <= e {
                        start = as_pm;
                    }
                }
            }
        } else if let Some(false) = end.pm {
            start.pm = Some(false);
        }
    }
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == ',');
    Some((start.resolve()?, end.resolve()?, rest.trim_end()))
}

/// A whole string that is exactly a time range.
pub fn parse_range(s: &str) -> Option<(ClockTime, ClockTime)> {
    match leading_range(s) {
        Some((a, b, "")) => Some((a, b)),
        _ => None,
    }
}

/// A whole string that is exactly one time (`9:00`, `0900`, `9.30 am`, `2 pm`).
pub fn parse_time(s: &str) -> Option<ClockTime> {
    let s = s.trim();
    let (t, used) = time_at(s)?;
    if !s.get(used..)?.trim().is_empty() {
        return None;
    }
    if t.bare {
        return None;
    }
    t.resolve()
}

/// A time cell of a table: a range, or a single start time. `None` when it is neither.
pub fn parse_time_cell(s: &str) -> Option<(ClockTime, Option<ClockTime>)> {
    let s = s.trim();
    if let Some((a, b)) = parse_range(s) {
        return Some((a, Some(b)));
    }
    parse_time(s).map(|t| (t, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Option<(String, String)> {
        parse_range(s).map(|(a, b)| (a.to_string(), b.to_string()))
    }
    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn every_spelling_of_a_range() {
        assert_eq!(r("13:30 – 15:00"), pair("13:30", "15:00"));
        assert_eq!(r("0900 – 11:00"), pair("09:00", "11:00"));
        assert_eq!(r("11.00 – 12:30"), pair("11:00", "12:30"));
        assert_eq!(r("15:45 - 17:30"), pair("15:45", "17:30"));
        assert_eq!(r("15:30 -17:00"), pair("15:30", "17:00"));
        assert_eq!(r("9:00-10:30"), pair("09:00", "10:30"));
        assert_eq!(r("9.00 am – 10.30 am"), pair("09:00", "10:30"));
        assert_eq!(r("08:45–09:15"), pair("08:45", "09:15"));
        assert_eq!(r("2 pm – 3.30 pm"), pair("14:00", "15:30"));
        assert_eq!(r("10:00 — 11:00"), pair("10:00", "11:00"));
        assert_eq!(r("10:00 to 11:00"), pair("10:00", "11:00"));
        assert_eq!(r("11.00 – 1.30 pm"), pair("11:00", "13:30"));
        assert_eq!(r("1 – 2 pm"), pair("13:00", "14:00"));
        assert_eq!(r("12 pm - 1 pm"), pair("12:00", "13:00"));
        assert_eq!(r("9.00 a.m. to 10.30 a.m."), pair("09:00", "10:30"));
    }

    #[test]
    fn rejects_what_is_not_a_range() {
        assert_eq!(r("2018 will be a crucial year"), None);
        assert_eq!(r("4.2 Expected Outcomes"), None);
        assert_eq!(r("25:99 - 26:00"), None);
        assert_eq!(r("9 - 10"), None);
        assert_eq!(r("4-6 December 2017"), None);
        assert_eq!(r(""), None);
        assert_eq!(r("13:30"), None);
    }

    #[test]
    fn leading_range_keeps_the_rest() {
        let (a, b, rest) = leading_range("09:00 – 10:30 Opening session").unwrap();
        assert_eq!(
            (a.to_string(), b.to_string(), rest),
            ("09:00".into(), "10:30".into(), "Opening session")
        );
    }

    #[test]
    fn single_times() {
        assert_eq!(
            parse_time("9:05").map(|t| t.to_string()),
            Some("09:05".into())
        );
        assert_eq!(
            parse_time("0900").map(|t| t.to_string()),
            Some("09:00".into())
        );
        assert_eq!(
            parse_time("2 pm").map(|t| t.to_string()),
            Some("14:00".into())
        );
        assert_eq!(
            parse_time("12 am").map(|t| t.to_string()),
            Some("00:00".into())
        );
        assert_eq!(parse_time("25:99"), None);
        assert_eq!(parse_time("9"), None);
        assert_eq!(parse_time("noon"), None);
        assert!(parse_time_cell("09:00").is_some_and(|(_, e)| e.is_none()));
    }
}
