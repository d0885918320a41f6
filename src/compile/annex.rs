//! The tabular parts of the draft: the work plan (section V) and the annexes (agenda,
//! participants by entity, bracketed text still under discussion). Annex numbers are fixed by
//! the form (I, II, IV), so "see annex II" stays true whatever else is left out.

use super::build::{decided, is_working, session_title, Builder};
use super::labels;
use super::tree::{Block, Inline, Para, Part, Table};
use super::Attribution;
use crate::i18n::dates;
use crate::model::OutcomeKind;
use std::collections::BTreeMap;

fn cell(s: impl Into<String>) -> Vec<Inline> {
    let s = s.into();
    if s.is_empty() {
        Vec::new()
    } else {
        vec![Inline::Text(s)]
    }
}

impl Builder<'_> {
    /// V. Work plan and action points: a table of the action points.
    pub(super) fn work_plan(&mut self) -> Option<Part> {
        work_plan(self)
    }

    /// The annexes: the agenda, participants by entity, bracketed text still under discussion.
    pub(super) fn annexes(&mut self) -> Vec<Part> {
        annexes(self)
    }
}

fn work_plan(b: &mut Builder<'_>) -> Option<Part> {
    let actions: Vec<_> = b
        .shown
        .iter()
        .filter(|s| s.kind == OutcomeKind::Action)
        .map(|s| s.outcome)
        .collect();
    if actions.is_empty() {
        return None;
    }
    let mut rows = Vec::new();
    for (i, o) in actions.iter().enumerate() {
        rows.push(vec![
            cell((i + 1).to_string()),
            cell(b.outcome_text(o)),
            cell(decided(&o.lead, |v| v.clone())),
            cell(decided(&o.deadline, |v| v.clone())),
            vec![Inline::Ref {
                target: o.id.clone(),
                number: None,
            }],
            cell(decided(&o.status, |v| b.value_name("status", v.as_str()))),
        ]);
    }
    let header = [
        "col-no",
        "col-action",
        "col-lead",
        "col-deadline",
        "col-source",
        "col-status",
    ];
    Some(Part {
        label: String::new(),
        title: b.t("chapter-work-plan"),
        blocks: vec![
            Block::Para(Para {
                id: "v/intro".into(),
                number: None,
                content: vec![Inline::text(b.t("work-plan-intro"))],
                list: None,
            }),
            Block::Table(Table {
                header: header.iter().map(|h| b.t(h)).collect(),
                rows,
            }),
        ],
    })
}

fn annexes(b: &mut Builder<'_>) -> Vec<Part> {
    let mut out = Vec::new();
    out.extend(agenda(b));
    out.extend(participants(b));
    if !b.conflicts.is_empty() {
        let rows = b
            .conflicts
            .iter()
            .map(|[item, field, values]| {
                vec![
                    cell(item.clone()),
                    cell(field.clone()),
                    cell(values.clone()),
                ]
            })
            .collect();
        out.push(Part {
            label: labels::annex(b.lang, 4),
            title: b.t("annex-brackets"),
            blocks: vec![
                Block::Plain(vec![Inline::text(b.t("brackets-intro"))]),
                Block::Table(Table {
                    header: vec![b.t("col-item"), b.t("col-field"), b.t("col-alternatives")],
                    rows,
                }),
            ],
        });
    }
    out
}

fn agenda(b: &Builder<'_>) -> Option<Part> {
    let mut rows = Vec::new();
    for day in &b.snap.days {
        // Each day is written from its date, in the draft's language; the label as imported
        // ("DAY 1 – Monday 12 February") only where the agenda gives no date.
        let label = match day.date {
            Some(d) => dates::with_weekday(b.lang, d),
            None => day.label.trim().to_string(),
        };
        for (i, s) in day.sessions.iter().enumerate() {
            let time = |d: &crate::model::Decided<Option<crate::model::ClockTime>>| {
                decided(d, |t| t.map(|t| t.to_string()).unwrap_or_default())
            };
            let (start, end) = (time(&s.start), time(&s.end));
            let when = match (start.is_empty(), end.is_empty()) {
                (false, false) => format!("{start}–{end}"),
                (false, true) => start,
                (true, false) => format!("–{end}"),
                (true, true) => String::new(),
            };
            let title = session_title(s);
            let title_cell = if is_working(s) {
                cell(title)
            } else {
                vec![Inline::Emphasis(cell(title))]
            };
            rows.push(vec![
                cell(if i == 0 { label.clone() } else { String::new() }),
                cell(when),
                title_cell,
                cell(s.methodology.trim()),
                cell(s.moderators.trim()),
            ]);
        }
    }
    (!rows.is_empty()).then(|| Part {
        label: labels::annex(b.lang, 1),
        title: b.t("annex-agenda"),
        blocks: vec![Block::Table(Table {
            header: [
                "col-day",
                "col-time",
                "col-session",
                "col-methodology",
                "col-moderators",
            ]
            .iter()
            .map(|h| b.t(h))
            .collect(),
            rows,
        })],
    })
}

fn participants(b: &Builder<'_>) -> Option<Part> {
    let mut by_entity: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in &b.snap.participants {
        let entity = if p.entity.trim().is_empty() {
            b.t("no-entity")
        } else {
            p.entity.trim().to_string()
        };
        let mut name = p.name.trim().to_string();
        if !name.is_empty() && !p.role.trim().is_empty() {
            name.push_str(&format!(" ({})", p.role.trim()));
        }
        by_entity.entry(entity).or_default().push(name);
    }
    if by_entity.is_empty() {
        return None;
    }
    let anonymous = b.opts.attribution == Attribution::None;
    let rows = by_entity
        .into_iter()
        .map(|(entity, names)| {
            let who = if anonymous {
                names.len().to_string()
            } else {
                names
                    .into_iter()
                    .filter(|n| !n.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            vec![cell(entity), cell(who)]
        })
        .collect();
    let second = if anonymous {
        b.t("col-participants-count")
    } else {
        b.t("col-participants")
    };
    Some(Part {
        label: labels::annex(b.lang, 2),
        title: b.t("annex-participants"),
        blocks: vec![Block::Table(Table {
            header: vec![b.t("col-entity"), second],
            rows,
        })],
    })
}
