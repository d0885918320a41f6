//! The grammar of times of day as agendas write them, in the languages the importers read.
//!
//! A **time** is `H:MM`, `H.MM`, `HHMM` (four digits), the French `9h30`/`14H30`/`10h`, or a
//! bare hour with a marker (`2 pm`); a marker is `am`/`a.m.`/`AM`/`pm`/`p.m.`/`PM`, and `hrs`
//! or `h` after a time is ignored. A **range** is two times joined by a dash (`-`, `–`, `—`,
//! `--`, …) or a range word (`to`, `until`, the Spanish `a`, the French `à`, the Russian `до`),
//! with or without spaces. Rules:
//! - `12 am` is midnight and `12 pm` noon; in a range where only the end carries a marker
//!   (`11.00 – 1.30 pm`, `8:00 – 9:20am`) the start takes it too when that keeps it before the
//!   end;
//! - "Noon"/"midday"/"midi"/"mediodía" is 12:00 and "midnight"/"minuit" 00:00;
//! - `ca.`/`approx.`/`~` before a time is dropped; `– open end` after a start gives no end;
//! - a space inside the minutes (`18:0 0`) is read as the typo it is, and flagged;
//! - nothing else is guessed: `2018` followed by words, `4-6 December` and `2018–2019` are not
//!   times, and a bare `9` is a time only with a marker or in a range with one.
//!
//! Whether a time carried a marker is kept ([`Spelled`]), because the day pass (`clock`)
//! decides from the whole document whether a `1:00` after `10:30` means 13:00.

use super::lang::RANGE_WORDS;
use crate::model::ClockTime;

/// One time as written, before a marker is resolved against its partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RawTime {
    hour: u32,
    minute: u32,
    /// `Some(true)` for pm, `Some(false)` for am.
    pm: Option<bool>,
    /// Written with a separator (`:`, `.`, `h`) or a marker: certainly a time.
    explicit: bool,
    /// A bare hour of one or two digits ("9").
    bare: bool,
    /// Four digits without separator ("0900").
    four: bool,
    /// A space inside the minutes ("18:0 0").
    typo: bool,
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

/// A time or a range read at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelled {
    pub start: ClockTime,
    pub end: Option<ClockTime>,
    /// The start (or the end) carried an am/pm marker, its own or its partner's.
    pub start_marked: bool,
    pub end_marked: bool,
    /// A space inside the minutes was read as a typo.
    pub typo: bool,
}

fn digits_at(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// An am/pm marker at the start of `s` (after optional spaces): pm, and bytes consumed.
fn marker_at(s: &str) -> Option<(bool, usize)> {
    let trimmed = s.trim_start();
    let skip = s.len() - trimmed.len();
    let lower = trimmed.to_ascii_lowercase();
    for (marker, pm) in [
        ("a.m.", false),
        ("p.m.", true),
        ("a.m", false),
        ("p.m", true),
        ("am", false),
        ("pm", true),
    ] {
        if let Some(rest) = lower.strip_prefix(marker) {
            if rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                return Some((pm, skip + marker.len()));
            }
        }
    }
    None
}

/// Consumes "hrs"/"hr"/"h" written after a complete time ("9:00 hrs").
fn hours_word_at(s: &str) -> usize {
    let trimmed = s.trim_start();
    let skip = s.len() - trimmed.len();
    let lower = trimmed.to_ascii_lowercase();
    for word in ["hrs.", "hrs", "hr", "h."] {
        if let Some(rest) = lower.strip_prefix(word) {
            if rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                return skip + word.len();
            }
        }
    }
    0
}

/// "Noon", "midday", "midnight" and their French and Spanish words, as times.
fn named_time_at(s: &str) -> Option<(RawTime, usize)> {
    let lower = s.to_lowercase();
    for (word, hour) in [
        ("noon", 12),
        ("midday", 12),
        ("midi", 12),
        ("mediodía", 12),
        ("mediodia", 12),
        ("midnight", 0),
        ("minuit", 0),
        ("medianoche", 0),
    ] {
        if let Some(rest) = lower.strip_prefix(word) {
            if rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                let t = RawTime {
                    hour,
                    minute: 0,
                    pm: None,
                    explicit: true,
                    bare: false,
                    four: false,
                    typo: false,
                };
                // Byte length in `s`: the lowercase form has the same length for these words.
                return Some((t, word.len()));
            }
        }
    }
    None
}

/// One time at the start of `s`; the time and the bytes consumed.
fn time_at(s: &str) -> Option<(RawTime, usize)> {
    if let Some(named) = named_time_at(s) {
        return Some(named);
    }
    let n = digits_at(s);
    let mut t = RawTime {
        hour: 0,
        minute: 0,
        pm: None,
        explicit: false,
        bare: false,
        four: false,
        typo: false,
    };
    let mut used;
    match n {
        1 | 2 => {
            t.hour = s.get(..n)?.parse().ok()?;
            used = n;
            let rest = s.get(n..)?;
            let sep = rest.chars().next();
            match sep {
                Some(':' | '.') if digits_at(&rest[1..]) == 2 => {
                    t.minute = rest.get(1..3)?.parse().ok()?;
                    used += 3;
                    t.explicit = true;
                }
                // "18:0 0": one digit, a space, one digit, then no more digits.
                Some(':') if digits_at(&rest[1..]) == 1 => {
                    let b = rest.as_bytes();
                    if b.get(2) == Some(&b' ')
                        && b.get(3).is_some_and(u8::is_ascii_digit)
                        && !b.get(4).is_some_and(u8::is_ascii_digit)
                    {
                        t.minute = u32::from(b[1] - b'0') * 10 + u32::from(b[3] - b'0');
                        used += 4;
                        t.explicit = true;
                        t.typo = true;
                    } else {
                        return None;
                    }
                }
                Some('h' | 'H') => {
                    let m = digits_at(&rest[1..]);
                    if m == 2 {
                        t.minute = rest.get(1..3)?.parse().ok()?;
                        used += 3;
                    } else if m == 0 && !rest[1..].starts_with(|c: char| c.is_alphabetic()) {
                        used += 1;
                    } else {
                        return None;
                    }
                    t.explicit = true;
                }
                _ => t.bare = true,
            }
        }
        3 | 4 => {
            t.hour = s.get(..n - 2)?.parse().ok()?;
            t.minute = s.get(n - 2..n)?.parse().ok()?;
            t.four = true;
            used = n;
        }
        _ => return None,
    }
    if s.get(used..)?.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some((pm, len)) = marker_at(s.get(used..)?) {
        t.pm = Some(pm);
        t.explicit = true;
        t.bare = false;
        used += len;
    } else if t.explicit {
        used += hours_word_at(s.get(used..)?);
    }
    if t.minute > 59 || t.hour > 23 {
        return None;
    }
    Some((t, used))
}

const DASHES: [char; 7] = ['-', '–', '—', '‑', '−', '‒', '~'];

/// A range separator (dashes, "--", a range word) with the spaces around it.
fn separator_at(s: &str) -> Option<usize> {
    let trimmed = s.trim_start();
    let mut used = s.len() - trimmed.len();
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(c) if DASHES.contains(&c) => {
            used += c.len_utf8();
            if let Some(d) = chars.next().filter(|d| DASHES.contains(d)) {
                used += d.len_utf8();
            }
        }
        _ => {
            let word_end = trimmed.find(char::is_whitespace)?;
            let word = trimmed[..word_end].to_lowercase();
            if !RANGE_WORDS.contains(&word.as_str()) {
                return None;
            }
            used += word_end;
        }
    }
    let rest = s.get(used..)?;
    Some(used + (rest.len() - rest.trim_start().len()))
}

/// "open end", "end", "late" after a dash: a start with no end.
fn open_end_at(s: &str) -> Option<usize> {
    let sep = separator_at(s)?;
    let rest = s.get(sep..)?;
    let lower = rest.to_lowercase();
    for word in [
        "open end", "open-end", "late", "onwards", "onward", "end", "fin", "tbd", "tba",
    ] {
        if let Some(after) = lower.strip_prefix(word) {
            if after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                return Some(sep + word.len());
            }
        }
    }
    None
}

/// Drops "ca.", "c.", "approx.", "~" before a time.
fn approximate_prefix(s: &str) -> &str {
    let t = s.trim_start();
    for p in ["ca.", "ca ", "c.", "approx.", "approx ", "~", "≈"] {
        if let Some(rest) = t.strip_prefix(p) {
            if rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                return rest.trim_start();
            }
        }
    }
    t
}

/// Year-like four-digit pairs ("2018–2019", "2018-19") are not ranges of times.
fn looks_like_years(a: &RawTime, b: &RawTime, b_text: &str) -> bool {
    let year = |t: &RawTime| (1950..=2099).contains(&(t.hour * 100 + t.minute));
    a.four && year(a) && ((b.four && year(b)) || digits_at(b_text) == 2 && b.bare)
}

/// A time or a range at the start of `s`, and the rest of the text after it (trimmed of the
/// spaces, colons and commas that separate it from a title).
pub fn leading_times(s: &str) -> Option<(Spelled, &str)> {
    let s = approximate_prefix(s);
    let (start, used1) = time_at(s)?;
    let after_start = s.get(used1..)?;
    let range = separator_at(after_start).and_then(|sep| {
        let after_sep = after_start.get(sep..)?;
        let (end, used2) = time_at(after_sep)?;
        Some((end, after_sep.get(used2..)?, after_sep))
    });
    let range = range.filter(|(end, _, end_text)| {
        let markers_ok = !(start.bare && end.pm.is_none() || end.bare && start.pm.is_none());
        let certain = start.explicit || end.explicit || (start.four && end.four);
        markers_ok && certain && !looks_like_years(&start, end, end_text)
    });
    let (start, end, rest) = match range {
        Some((end, rest, _)) => {
            let mut start = start;
            if start.pm.is_none() {
                match end.pm {
                    Some(true) => {
                        let e = end.resolve()?;
                        let as_pm = RawTime {
                            pm: Some(true),
                            ..start
                        };
                        if start.hour < 12 && as_pm.resolve().is_some_and(|t| t <= e) {
                            start = as_pm;
                        }
                    }
                    Some(false) => start.pm = Some(false),
                    None => {}
                }
            }
            (start, Some(end), rest)
        }
        None => {
            // A bare hour, or four digits alone ("2018 will be…"), is not a time by itself.
            if start.bare || (start.four && !start.explicit) {
                return None;
            }
            let rest = match open_end_at(after_start) {
                Some(n) => after_start.get(n..)?,
                None => after_start,
            };
            (start, None, rest)
        }
    };
    let spelled = Spelled {
        start: start.resolve()?,
        end: match end {
            Some(e) => Some(e.resolve()?),
            None => None,
        },
        start_marked: start.pm.is_some(),
        end_marked: end.is_some_and(|e| e.pm.is_some()),
        typo: start.typo || end.is_some_and(|e| e.typo),
    };
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ','));
    Some((spelled, rest.trim_end()))
}

/// A time range at the start of `s`: start, end, and the text after it (trimmed). A single
/// four-digit number is never a range.
#[cfg(test)]
fn leading_range(s: &str) -> Option<(ClockTime, ClockTime, &str)> {
    let (t, rest) = leading_times(s)?;
    Some((t.start, t.end?, rest))
}

/// A whole string that is exactly a time range.
#[cfg(test)]
fn parse_range(s: &str) -> Option<(ClockTime, ClockTime)> {
    match leading_range(s) {
        Some((a, b, "")) => Some((a, b)),
        _ => None,
    }
}

/// A whole string that is exactly one time (`9:05`, `0900`, `9.30 am`, `2 pm`, `10h`).
#[cfg(test)]
fn parse_time(s: &str) -> Option<ClockTime> {
    let s = approximate_prefix(s.trim());
    let (t, used) = time_at(s)?;
    if !s.get(used..)?.trim().is_empty() || t.bare {
        return None;
    }
    t.resolve()
}

/// A whole table cell that is a range or one time, as [`Spelled`].
pub fn spelled_cell(s: &str) -> Option<Spelled> {
    let s = s.trim();
    if let Some((t, "")) = leading_times(s) {
        return Some(t);
    }
    // A lone four-digit cell ("0900") is a time in a table's time column.
    let (t, used) = time_at(approximate_prefix(s))?;
    (used == approximate_prefix(s).len() && !t.bare).then_some(Spelled {
        start: t.resolve()?,
        end: None,
        start_marked: t.pm.is_some(),
        end_marked: false,
        typo: t.typo,
    })
}

/// A time cell of a table: a range, or a single start time. `None` when it is neither.
pub fn parse_time_cell(s: &str) -> Option<(ClockTime, Option<ClockTime>)> {
    spelled_cell(s).map(|t| (t.start, t.end))
}

/// Placeholders written where a time is not known yet ("TBA", "??:??", "TBD").
pub fn is_time_placeholder(s: &str) -> bool {
    let t = s.trim().to_ascii_lowercase();
    matches!(
        t.as_str(),
        "tba" | "tbd" | "tbc" | "??:??" | "?:??" | "--:--" | "xx:xx" | "hh:mm"
    )
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
    fn lead(s: &str) -> Option<(String, Option<String>, String)> {
        leading_times(s).map(|(t, rest)| {
            (
                t.start.to_string(),
                t.end.map(|e| e.to_string()),
                rest.to_string(),
            )
        })
    }

    #[test]
    fn every_spelling_of_a_range() {
        assert_eq!(r("13:30 – 15:00"), pair("13:30", "15:00"));
        assert_eq!(r("0900 – 11:00"), pair("09:00", "11:00"));
        assert_eq!(r("11.00 – 12:30"), pair("11:00", "12:30"));
        assert_eq!(r("15:30 -17:00"), pair("15:30", "17:00"));
        assert_eq!(r("9:00-10:30"), pair("09:00", "10:30"));
        assert_eq!(r("9.00 am – 10.30 am"), pair("09:00", "10:30"));
        assert_eq!(r("2 pm – 3.30 pm"), pair("14:00", "15:30"));
        assert_eq!(r("10:00 — 11:00"), pair("10:00", "11:00"));
        assert_eq!(r("10:00 to 11:00"), pair("10:00", "11:00"));
        assert_eq!(r("11.00 – 1.30 pm"), pair("11:00", "13:30"));
        assert_eq!(r("1 – 2 pm"), pair("13:00", "14:00"));
        assert_eq!(r("12 pm - 1 pm"), pair("12:00", "13:00"));
        assert_eq!(r("9.00 a.m. to 10.30 a.m."), pair("09:00", "10:30"));
        assert_eq!(r("0800 – 0830"), pair("08:00", "08:30"));
        assert_eq!(r("09:30--10:00"), pair("09:30", "10:00"));
        assert_eq!(r("8:00 – 9:20am"), pair("08:00", "09:20"));
        assert_eq!(r("11:50 – 1:00pm"), pair("11:50", "13:00"));
        assert_eq!(r("8:30 AM – 8:40 AM"), pair("08:30", "08:40"));
        assert_eq!(r("9:30 a.m.–12:30 p.m."), pair("09:30", "12:30"));
        assert_eq!(r("14h30-16h"), pair("14:30", "16:00"));
        assert_eq!(r("14h-14H30"), pair("14:00", "14:30"));
        assert_eq!(r("9:00 a 9:20"), pair("09:00", "09:20"));
        assert_eq!(r("11.00- 12.00"), pair("11:00", "12:00"));
        assert_eq!(r("22:30 - 00:00"), pair("22:30", "00:00"));
        assert_eq!(r("Noon – 1:30 p.m."), pair("12:00", "13:30"));
        assert_eq!(r("11:00 am - noon"), pair("11:00", "12:00"));
    }

    #[test]
    fn rejects_what_is_not_a_range() {
        assert_eq!(r("2018 will be a crucial year"), None);
        assert_eq!(r("4.2 Expected Outcomes"), None);
        assert_eq!(r("25:99 - 26:00"), None);
        assert_eq!(r("9 - 10"), None);
        assert_eq!(r("4-6 December 2017"), None);
        assert_eq!(r("2018–2019"), None);
        assert_eq!(r("2018-19"), None);
        assert_eq!(r(""), None);
        assert_eq!(r("13:30"), None);
        assert_eq!(lead("2018 will be a crucial year"), None);
        assert_eq!(lead("15-25 personas"), None);
    }

    #[test]
    fn leading_times_keep_the_rest() {
        assert_eq!(
            lead("09:00 – 10:30 Opening session"),
            Some((
                "09:00".into(),
                Some("10:30".into()),
                "Opening session".into()
            ))
        );
        assert_eq!(
            lead("9h30 : Accueil"),
            Some(("09:30".into(), None, "Accueil".into()))
        );
        assert_eq!(
            lead("10h présentation"),
            Some(("10:00".into(), None, "présentation".into()))
        );
        assert_eq!(
            lead("6:30 – open end |"),
            Some(("06:30".into(), None, "|".into()))
        );
        assert_eq!(
            lead("ca. 12.45 End of day 1"),
            Some(("12:45".into(), None, "End of day 1".into()))
        );
        let (t, rest) = leading_times("16:00-18:0 0 Examining").unwrap();
        assert_eq!(
            (t.end.unwrap().to_string(), t.typo, rest),
            ("18:00".into(), true, "Examining")
        );
        let (t, _) = leading_times("1:00 am First steps").unwrap();
        assert!(t.start_marked);
        let (t, _) = leading_times("1:00 First steps").unwrap();
        assert!(!t.start_marked);
    }

    #[test]
    fn single_times() {
        let t = |s: &str| parse_time(s).map(|t| t.to_string());
        assert_eq!(t("9:05"), Some("09:05".into()));
        assert_eq!(t("0900"), Some("09:00".into()));
        assert_eq!(t("2 pm"), Some("14:00".into()));
        assert_eq!(t("12 am"), Some("00:00".into()));
        assert_eq!(t("9:00am"), Some("09:00".into()));
        assert_eq!(t("10h"), Some("10:00".into()));
        assert_eq!(t("25:99"), None);
        assert_eq!(t("9"), None);
        assert_eq!(t("noon"), Some("12:00".into()));
        assert!(parse_time_cell("09:00").is_some_and(|(_, e)| e.is_none()));
        assert!(is_time_placeholder("??:??") && is_time_placeholder("TBA"));
    }
}
