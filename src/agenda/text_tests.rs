//! Tests of the text layout pass: each layout it reads, on small inputs.

use super::*;
use crate::model::{AgendaDay, SessionKind};

fn days(text: &str) -> Vec<AgendaDay> {
    parse_days(text, DateContext::default()).days
}

fn titles(d: &[AgendaDay]) -> Vec<String> {
    d.iter()
        .flat_map(|d| &d.rows)
        .map(|r| r.title.clone())
        .collect()
}

#[test]
fn time_alone_on_a_line() {
    let d = days("Day 1\n09:00 – 10:30\nOpening\nWelcome remarks by the chair\nModerator: FAO\n\n10:30 - 11:00\nCoffee break\n");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].label, "Day 1");
    let r = &d[0].rows;
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].title, "Opening");
    assert_eq!(r[0].description, "Welcome remarks by the chair");
    assert_eq!(r[0].moderators, "FAO");
    assert_eq!(r[1].kind, SessionKind::Logistics);
}

#[test]
fn headerless_table_with_wrapped_cells() {
    let d = days("Monday 12 February 2018\t\t\n09:00-10:00\tOpening session\tPlenary\tFAO\n\n\t\tand discussion\t\n10:00-10:30\t*Coffee break*\t\t\n");
    assert_eq!(d[0].date, NaiveDate::from_ymd_opt(2018, 2, 12));
    assert_eq!(d[0].rows[0].title, "Opening session");
    assert_eq!(d[0].rows[1].title, "Coffee break");
}

#[test]
fn no_rows_in_prose() {
    assert!(days("Introduction\n\n2018 will be a crucial year.\n12 February 2018\n").is_empty());
}

#[test]
fn start_and_finish_cells_one_per_line() {
    let d = days("START |\nFINISH |\nACTIVITY |\nLED BY |\n|\nWednesday 27 June |\n08:30 |\n09:00 |\nRegistration |\n|\n09:00 |\n09:15 |\nOpening |\nThe host |\n");
    let r = &d[0].rows;
    assert_eq!(r.len(), 2);
    assert_eq!(
        (
            r[0].start.unwrap().to_string(),
            r[0].end.unwrap().to_string()
        ),
        ("08:30".into(), "09:00".into())
    );
    assert_eq!(r[1].title, "Opening");
    assert_eq!(r[1].moderators, "The host");
}

#[test]
fn a_header_read_by_column_whatever_the_order() {
    let s = parse_days(
        "| Actividad | Hora inicio | Hora fin |\n| Llegada | 7:30 | 8:30 |\n| Debate | 10:30 | 1:00 |\n| Almuerzo | 1:00 | 2:00 |\n",
        DateContext::default(),
    );
    let r = &s.days[0].rows;
    assert_eq!(r[1].end.unwrap().to_string(), "13:00");
    assert_eq!(r[2].start.unwrap().to_string(), "13:00");
    assert_eq!(r[2].kind, SessionKind::Logistics);
    assert!(
        s.warnings.iter().any(|w| w.line == Some(3)),
        "{:?}",
        s.warnings
    );
}

#[test]
fn several_rows_on_one_line_and_a_heading_before_them() {
    let d =
        days("14 сентября 09:00-10:00 | Завтрак | 10:00-13:00 | Работа секций | 18:30 | Ужин |\n");
    assert_eq!(d[0].label, "14 сентября");
    assert_eq!(titles(&d), ["Завтрак", "Работа секций", "Ужин"]);
    assert_eq!(d[0].rows[2].end, None, "no end is invented");
}

#[test]
fn markdown_rows_and_sections() {
    let d = days("# Schedule\n\n### Monday 2020-10-05\n\n**09.00 - 09.10** Welcome\n\n**09.10 - 10.10** Lectures \n  - Good practice\n\n**ca. 12.45** End of day 1\n");
    assert_eq!(d[0].date, NaiveDate::from_ymd_opt(2020, 10, 5));
    assert_eq!(titles(&d), ["Welcome", "Lectures", "End of day 1"]);
    assert_eq!(d[0].rows[1].description, "Good practice");
}

#[test]
fn timeless_programme() {
    let d = days(
        "Martes 27 de enero de 2004\nApertura\nPausa\nMiércoles 28 de enero de 2004\nPlenario\n",
    );
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].date, NaiveDate::from_ymd_opt(2004, 1, 27));
    assert_eq!(d[0].rows[1].kind, SessionKind::Logistics);
    assert!(d[0].rows.iter().all(|r| r.start.is_none()));
}

#[test]
fn warnings_name_the_line() {
    let s = parse_days(
        "Monday\n16:00-18:0 0 Working groups\n??:?? x\n",
        DateContext::default(),
    );
    assert!(
        s.warnings
            .iter()
            .any(|w| w.line == Some(2) && w.message.contains("18:00")),
        "{:?}",
        s.warnings
    );
}

#[test]
fn two_rows_run_together_on_one_line() {
    let d = days("09:00-09:30 Opening 09:30-10:15 Keynote on data\n10:15 Coffee\n");
    assert_eq!(titles(&d), ["Opening", "Keynote on data", "Coffee"]);
    assert_eq!(
        d[0].rows[1].end.map(|t| t.to_string()).as_deref(),
        Some("10:15")
    );
    let d = days("12:30-13:30 Lunch in rooms 2-4 and 5 – 6\n");
    assert_eq!(titles(&d), ["Lunch in rooms 2-4 and 5 – 6"]);
}
