//! "Follow-up to the previous meeting": the action points carried over from the earlier
//! meeting of the series, with their status as it stands (the same items as in that meeting's
//! work plan; see `crate::review::series`). Left out when nothing was carried over.

use super::build::{decided, Builder};
use super::tree::{Block, Inline, Para, Part, Table};

fn cell(s: String) -> Vec<Inline> {
    if s.is_empty() {
        Vec::new()
    } else {
        vec![Inline::Text(s)]
    }
}

impl Builder<'_> {
    pub(super) fn previous_meeting(&mut self) -> Option<Part> {
        let carried: Vec<_> = self
            .snap
            .carried
            .iter()
            .filter(|c| !c.outcome.confidential.values.iter().any(|v| *v))
            .collect();
        self.report.confidential_omitted += self.snap.carried.len() - carried.len();
        if carried.is_empty() {
            return None;
        }
        let mut titles: Vec<&str> = carried
            .iter()
            .map(|c| c.from_title.trim())
            .filter(|t| !t.is_empty())
            .collect();
        titles.dedup();
        let intro = if titles.is_empty() {
            "The group reviewed the action points carried over from its previous meeting:"
                .to_string()
        } else {
            format!(
                "The group reviewed the action points carried over from its previous meeting, the {}:",
                titles.join(" and the ")
            )
        };
        let rows = carried
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let o = &c.outcome;
                vec![
                    cell((i + 1).to_string()),
                    cell(self.outcome_text(o)),
                    cell(decided(&o.lead, |v| v.clone())),
                    cell(decided(&o.deadline, |v| v.clone())),
                    cell(decided(&o.status, |v| v.as_str().to_string())),
                ]
            })
            .collect();
        Some(Part {
            label: String::new(),
            title: "Follow-up to the previous meeting".into(),
            blocks: vec![
                Block::Para(Para {
                    id: "prev/intro".into(),
                    number: None,
                    content: vec![Inline::Text(intro)],
                    list: None,
                }),
                Block::Table(Table {
                    header: ["No.", "Action", "Lead entity", "Deadline", "Status"]
                        .iter()
                        .map(|h| h.to_string())
                        .collect(),
                    rows,
                }),
            ],
        })
    }
}
