//! Dates as the draft writes them, in its language: "12 February 2018", "12 au 14 février
//! 2018", "2018年2月12日至14日", "12-14 شباط/فبراير 2018". The patterns and the month and
//! weekday names are messages of the catalogue (`date`, `date-range-same-month`, `month-2`,
//! `weekday-1` …), so a translator fixes them in the `.ftl` file, not here. Digits stay
//! Western (0–9) in every language, as UN documents print them.

use super::{Catalog, Language};
use chrono::{Datelike, NaiveDate};
use fluent_bundle::FluentValue;

fn month(c: &Catalog, d: NaiveDate) -> String {
    c.text(&format!("month-{}", d.month()))
}

fn s(v: impl ToString) -> FluentValue<'static> {
    FluentValue::from(v.to_string())
}

/// Days, month numbers and years go in as numbers, so a catalogue can select on them
/// (French writes the first of the month "1er").
fn n(v: impl Into<i64>) -> FluentValue<'static> {
    FluentValue::from(v.into())
}

/// One date: "12 February 2018".
pub fn date(lang: Language, d: NaiveDate) -> String {
    let c = lang.catalog();
    c.format(
        "date",
        &[
            ("day", n(d.day())),
            ("month", s(month(c, d))),
            ("monthnum", n(d.month())),
            ("year", n(d.year())),
        ],
    )
}

/// A date with its weekday, as the agenda annex heads each day: "Monday 12 February 2018".
pub fn with_weekday(lang: Language, d: NaiveDate) -> String {
    let c = lang.catalog();
    let weekday = c.text(&format!("weekday-{}", d.weekday().number_from_monday()));
    c.format(
        "date-weekday",
        &[("weekday", s(weekday)), ("date", s(date(lang, d)))],
    )
}

/// A span of dates in the form `prefix` names: `date-range…` for a heading ("12–14 February
/// 2018"), `when-range…` for a sentence ("from 12 to 14 February 2018").
fn span(lang: Language, start: NaiveDate, end: NaiveDate, prefix: &str, day: &str) -> String {
    let c = lang.catalog();
    if end <= start {
        return c.format(day, &[("date", s(date(lang, start)))]);
    }
    if (start.year(), start.month()) == (end.year(), end.month()) {
        c.format(
            &format!("{prefix}-same-month"),
            &[
                ("day1", n(start.day())),
                ("day2", n(end.day())),
                ("month", s(month(c, end))),
                ("monthnum", n(end.month())),
                ("year", n(end.year())),
            ],
        )
    } else if start.year() == end.year() {
        c.format(
            &format!("{prefix}-same-year"),
            &[
                ("day1", n(start.day())),
                ("month1", s(month(c, start))),
                ("monthnum1", n(start.month())),
                ("day2", n(end.day())),
                ("month2", s(month(c, end))),
                ("monthnum2", n(end.month())),
                ("year", n(end.year())),
            ],
        )
    } else {
        c.format(
            prefix,
            &[
                ("date1", s(date(lang, start))),
                ("date2", s(date(lang, end))),
            ],
        )
    }
}

/// The dates of a meeting for a heading: "12–14 February 2018"; one date when only one is
/// known; empty when none is.
pub fn range(lang: Language, start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(a), Some(b)) => span(lang, a, b, "date-range", "date-alone"),
        (Some(d), None) | (None, Some(d)) => date(lang, d),
        (None, None) => String::new(),
    }
}

/// The dates of a meeting inside a sentence: "from 12 to 14 February 2018", "on 12 February
/// 2018"; empty when none is known.
pub fn when(lang: Language, start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(a), Some(b)) => span(lang, a, b, "when-range", "when-day"),
        (Some(d), None) | (None, Some(d)) => lang
            .catalog()
            .format("when-day", &[("date", s(date(lang, d)))]),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn ranges_in_every_language() {
        let (a, b) = (d(2018, 2, 12), d(2018, 2, 14));
        for (lang, want) in [
            (Language::En, "12–14 February 2018"),
            (Language::Fr, "12 au 14 février 2018"),
            (Language::Es, "12 a 14 de febrero de 2018"),
            (Language::Ru, "12–14 февраля 2018 года"),
            (Language::Zh, "2018年2月12日至14日"),
            (Language::Ar, "12-14 شباط/فبراير 2018"),
        ] {
            assert_eq!(range(lang, a, b), want, "{lang}");
        }
        assert_eq!(
            range(Language::En, d(2018, 1, 30), d(2018, 2, 2)),
            "30 January – 2 February 2018"
        );
        assert_eq!(
            range(Language::Zh, d(2018, 12, 30), d(2019, 1, 2)),
            "2018年12月30日至2019年1月2日"
        );
        assert_eq!(range(Language::Fr, a, a), "12 février 2018");
        assert_eq!(range(Language::Fr, None, None), "");
    }

    #[test]
    fn sentences_and_weekdays() {
        let (a, b) = (d(2018, 2, 12), d(2018, 2, 14));
        assert_eq!(when(Language::En, a, b), "from 12 to 14 February 2018");
        assert_eq!(when(Language::Fr, a, b), "du 12 au 14 février 2018");
        assert_eq!(when(Language::Es, a, b), "del 12 al 14 de febrero de 2018");
        assert_eq!(when(Language::Ru, a, b), "с 12 по 14 февраля 2018 года");
        assert_eq!(when(Language::En, a, None), "on 12 February 2018");
        let monday = a.unwrap();
        assert_eq!(
            with_weekday(Language::En, monday),
            "Monday 12 February 2018"
        );
        assert_eq!(with_weekday(Language::Fr, monday), "lundi 12 février 2018");
        assert_eq!(
            with_weekday(Language::Zh, monday),
            "2018年2月12日（星期一）"
        );
        assert_eq!(
            with_weekday(Language::Ar, monday),
            "الاثنين، 12 شباط/فبراير 2018"
        );
    }
}
