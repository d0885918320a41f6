//! Tests of `days`: heading spellings in each language, prose that is not a heading, and the
//! dates found in prose.

use super::*;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn date_of(line: &str, year: Option<i32>) -> Option<NaiveDate> {
    parse_day_heading(line)
        .unwrap_or_else(|| panic!("{line:?} is a heading"))
        .date(year, None, None)
}

#[test]
fn every_heading_spelling() {
    let h = parse_day_heading("DAY 1 – Monday 12 February").unwrap();
    assert_eq!(
        (h.number, h.day_of_month, h.month, h.year),
        (Some(1), Some(12), Some(2), None)
    );
    assert_eq!(h.date(Some(2018), None, None), d(2018, 2, 12));
    assert_eq!(h.date(None, None, None), None, "no year is invented");
    assert_eq!(date_of("Day 2 – 13 Feb", Some(2018)), d(2018, 2, 13));
    assert_eq!(date_of("Tuesday, 13 February 2018", None), d(2018, 2, 13));
    let h = parse_day_heading("Day 3").unwrap();
    assert_eq!(h.date(Some(2018), None, None), None);
    assert_eq!(h.date(None, d(2018, 2, 12), d(2018, 2, 14)), d(2018, 2, 14));
    assert_eq!(h.date(None, d(2018, 2, 12), d(2018, 2, 13)), None);
    assert_eq!(
        date_of("Wednesday 14th of February", Some(2018)),
        d(2018, 2, 14)
    );
    assert_eq!(date_of("February 14, 2018", None), d(2018, 2, 14));
    assert_eq!(date_of("Tuesday, June 3", Some(2025)), d(2025, 6, 3));
    assert_eq!(date_of("Friday 23d October", Some(2020)), d(2020, 10, 23));
    assert_eq!(date_of("Friday (2th December 2022)", None), d(2022, 12, 2));
    assert_eq!(date_of("Monday 2020-10-05", None), d(2020, 10, 5));
    assert_eq!(date_of("26th/Feb/2018", None), d(2018, 2, 26));
    assert_eq!(date_of("2 Sept. 2019", None), d(2019, 9, 2));
    assert_eq!(
        date_of("July 27th, 2016 (Hotel Oasis)", None),
        d(2016, 7, 27)
    );
    assert_eq!(
        date_of(
            "Monday, November 30 - Materials to review first",
            Some(2020)
        ),
        d(2020, 11, 30)
    );
    assert!(parse_day_heading("Day 1: Getting started with Python").is_some());
    assert!(parse_day_heading("Day 1 - Containers").is_some());
}

#[test]
fn headings_in_other_languages() {
    assert_eq!(date_of("Samedi 14 mai matin", Some(2016)), d(2016, 5, 14));
    assert_eq!(
        date_of("Samedi 14 mai après-midi", Some(2016)),
        d(2016, 5, 14)
    );
    assert_eq!(date_of("Mercredi 19 nov", Some(2025)), d(2025, 11, 19));
    assert_eq!(
        date_of("Mercredi 9 octobre 2013 - de 9h30 à 17h", None),
        d(2013, 10, 9)
    );
    assert_eq!(date_of("Martes 27 de enero de 2004", None), d(2004, 1, 27));
    assert_eq!(date_of("Jueves 06 de noviembre 2025", None), d(2025, 11, 6));
    assert_eq!(date_of("21 марта. Четверг", Some(2013)), d(2013, 3, 21));
    assert_eq!(date_of("10月20日", Some(2016)), d(2016, 10, 20));
    let a = parse_day_heading("Samedi 14 mai matin").unwrap();
    let b = parse_day_heading("Samedi 14 mai après-midi").unwrap();
    assert!(a.same_day(&b));
    let (h, rest) = heading_then_time("14 сентября 09:00-10:00 | Завтрак").unwrap();
    assert_eq!((h.day_of_month, h.month), (Some(14), Some(9)));
    assert!(rest.starts_with("09:00"));
}

#[test]
fn prose_is_not_a_heading() {
    for line in [
        "Registration of participants",
        "1. Introduction",
        "March 2018",
        "Closing day 1",
        "Day one of the meeting",
        "",
        "Date Morning Afternoon",
        "Monday is a public holiday in the host country",
        "May we remind participants to register",
        "March 5 meeting notes were circulated",
    ] {
        assert!(parse_day_heading(line).is_none(), "{line:?}");
    }
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
    assert_eq!(
        r("Fecha : 18 de mayo de 2011"),
        Some((d(2011, 5, 18), d(2011, 5, 18)))
    );
    assert_eq!(r("April 22, 2021"), Some((d(2021, 4, 22), d(2021, 4, 22))));
    assert_eq!(r("7-8 March 2005"), Some((d(2005, 3, 7), d(2005, 3, 8))));
    assert_eq!(
        r("Regional Committee, New Delhi, 2–6 September 2019"),
        Some((d(2019, 9, 2), d(2019, 9, 6)))
    );
    assert_eq!(
        r("2016年10月21日-10月22日"),
        Some((d(2016, 10, 21), d(2016, 10, 22)))
    );
    assert_eq!(r("26th/Feb/2018"), Some((d(2018, 2, 26), d(2018, 2, 26))));
}
