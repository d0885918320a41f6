//! III. Summary of discussions and conclusions: one subsection per working session, from its
//! summary (or, failing that, its unedited notes in brackets) and its outcomes.

use super::attribution;
use super::build::{
    decided, is_working, lc_first, lettered, para, session_title, trim_end_punct, with_period,
    Builder,
};
use super::markdown_in::{self, MdBlock};
use super::report::Warning;
use super::tree::{Block, Inline, Para, Part};
use crate::model::{OutcomeKind, OutcomeView, SessionView};

impl Builder<'_> {
    /// Markdown → numbered paragraphs (lists become the previous paragraph's subparagraphs).
    fn md_paras(&mut self, md: &str, id: &str, s: &SessionView, wrap: bool) -> Vec<Block> {
        let (open, close) = (
            self.t("unedited-notes-open"),
            self.t("unedited-notes-close"),
        );
        let mut out: Vec<Block> = Vec::new();
        let mut k = 0;
        for b in markdown_in::parse(md) {
            match b {
                MdBlock::Para(mut c) => {
                    let unknown = attribution::apply(
                        &mut c,
                        &self.snap.participants,
                        self.opts.attribution,
                        self.lang,
                    );
                    self.unknown_speakers(unknown, s);
                    if wrap {
                        c.insert(0, Inline::text(open.as_str()));
                        c.push(Inline::text(close.as_str()));
                    }
                    k += 1;
                    out.push(para(format!("{id}/{k}"), c));
                }
                MdBlock::List(mut l) => {
                    for item in &mut l.items {
                        let unknown = attribution::apply(
                            item,
                            &self.snap.participants,
                            self.opts.attribution,
                            self.lang,
                        );
                        self.unknown_speakers(unknown, s);
                    }
                    match out.last_mut() {
                        Some(Block::Para(p)) if p.list.is_none() => p.list = Some(l),
                        _ => {
                            k += 1;
                            out.push(Block::Para(Para {
                                id: format!("{id}/{k}"),
                                number: None,
                                content: Vec::new(),
                                list: Some(l),
                            }));
                        }
                    }
                }
            }
        }
        out
    }

    fn unknown_speakers(&mut self, unknown: Vec<String>, s: &SessionView) {
        for h in unknown {
            self.report.warnings.push(
                Warning::new(
                    "unknown-speaker",
                    format!("@{h} matches no participant handle or entity"),
                )
                .session(&s.id),
            );
        }
    }

    pub(super) fn discussions(&mut self) -> Option<Part> {
        let snap = self.snap;
        let mut subs = Vec::new();
        for s in snap.sessions().filter(|s| is_working(s)) {
            let title = session_title(s);
            let mut blocks = Vec::new();
            if !s.summary.trim().is_empty() {
                blocks.extend(self.md_paras(&s.summary, &format!("{}/summary", s.id), s, false));
            } else if !s.notes.trim().is_empty() {
                self.report.warnings.push(Warning::new("unedited-notes", format!("session {title:?} has no summary; its raw notes are printed in brackets")).session(&s.id));
                blocks.extend(self.md_paras(&s.notes, &format!("{}/notes", s.id), s, true));
            }
            let order = [
                OutcomeKind::Conclusion,
                OutcomeKind::Recommendation,
                OutcomeKind::Decision,
                OutcomeKind::Action,
            ];
            let mine: Vec<(OutcomeKind, &OutcomeView)> = self
                .shown
                .iter()
                .filter(|x| {
                    x.outcome.session_id == s.id || s.outcomes.iter().any(|o| o.id == x.outcome.id)
                })
                .map(|x| (x.kind, x.outcome))
                .collect();
            for kind in order {
                for (_, o) in mine.iter().filter(|(k, _)| *k == kind) {
                    let text = self.outcome_text(o);
                    let content = match kind {
                        OutcomeKind::Conclusion => vec![Inline::Text(with_period(
                            self.lang,
                            &self.tf(
                                "concluded",
                                &[
                                    ("text", text.as_str().into()),
                                    ("text-lc", lc_first(&text).into()),
                                ],
                            ),
                        ))],
                        OutcomeKind::Recommendation => {
                            vec![Inline::Strong(vec![Inline::Text(with_period(
                                self.lang, &text,
                            ))])]
                        }
                        OutcomeKind::Decision => vec![Inline::Text(with_period(
                            self.lang,
                            &self.tf("proposed", &[("text", text.as_str().into())]),
                        ))],
                        OutcomeKind::Action => {
                            let mut t =
                                self.tf("action-text", &[("text", trim_end_punct(&text).into())]);
                            let lead = decided(&o.lead, |v| v.clone());
                            let due = decided(&o.deadline, |v| v.clone());
                            let bits: Vec<String> = [
                                ("action-lead", "lead", lead),
                                ("action-deadline", "deadline", due),
                            ]
                            .into_iter()
                            .filter(|(_, _, v)| !v.trim().is_empty())
                            .map(|(key, arg, v)| self.tf(key, &[(arg, v.into())]))
                            .collect();
                            if !bits.is_empty() {
                                let details = bits.join(&self.t("roles-sep"));
                                t.push_str(
                                    &self.tf("action-details", &[("details", details.into())]),
                                );
                            }
                            t.push_str(&self.t("full-stop"));
                            vec![Inline::Text(t)]
                        }
                    };
                    blocks.push(para(o.id.clone(), content));
                }
            }
            if blocks.is_empty() {
                self.report.warnings.push(Warning::new("session-without-summary", format!("session {title:?} has no summary, notes or outcomes; it is left out of section III")).session(&s.id));
                continue;
            }
            subs.push((title, blocks));
        }
        (!subs.is_empty()).then(|| Part {
            label: String::new(),
            title: self.t("chapter-discussions"),
            blocks: lettered(self.lang, subs),
        })
    }
}
