//! What goes where: fills the document tree from an event snapshot, following the form in
//! docs/conclusions-form.md. A part with no data is left out; confidential outcomes are left out and
//! counted; decided fields with several values are printed as `[A] [B]` and listed in the
//! report and in annex IV. Paragraph numbers are not known here: references are paragraph ids
//! that `number` resolves at the end.

use super::attribution;
use super::report::{CompileReport, Warning};
use super::tree::{plain_text, Block, Document, Inline, List, ListStyle, Para, Part};
use super::{Attribution, CompileOptions};
use crate::model::{Decided, EventSnapshot, OutcomeKind, OutcomeView, SessionKind, SessionView};
use chrono::{Datelike, NaiveDate};

/// A visible (non-confidential) outcome with the session it came from.
pub(super) struct Shown<'a> {
    pub outcome: &'a OutcomeView,
    pub kind: OutcomeKind,
}

pub(super) struct Builder<'a> {
    pub snap: &'a EventSnapshot,
    pub opts: &'a CompileOptions,
    pub report: CompileReport,
    /// Rows of annex IV: item, field, alternatives.
    pub conflicts: Vec<[String; 3]>,
    pub shown: Vec<Shown<'a>>,
}

pub fn build(snap: &EventSnapshot, opts: &CompileOptions) -> (Document, CompileReport) {
    let mut b = Builder {
        snap,
        opts,
        report: CompileReport::default(),
        conflicts: Vec::new(),
        shown: Vec::new(),
    };
    b.collect_outcomes();
    let mut doc = Document {
        masthead: b.masthead(),
        ..Document::default()
    };
    let body = [
        b.introduction(),
        b.organization(),
        b.previous_meeting(),
        b.discussions(),
        b.submitted(),
        b.work_plan(),
        b.follow_up(),
    ];
    let numbered: Vec<Part> = body.into_iter().flatten().collect();
    for (i, mut part) in numbered.into_iter().enumerate() {
        part.label = format!("{}.", super::tree::roman(i as u32 + 1));
        doc.body.push(part);
    }
    doc.front = b.front_matter();
    doc.annexes = b.annexes();
    if opts.attribution == Attribution::None {
        b.check_leftover_names(&doc);
    }
    (doc, b.report)
}

/// "12 February 2018".
pub(super) fn fmt_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

pub(super) fn fmt_dates(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if e > s => {
            if (s.year(), s.month()) == (e.year(), e.month()) {
                format!("{}–{}", s.day(), fmt_date(e))
            } else if s.year() == e.year() {
                format!("{} – {}", s.format("%-d %B"), fmt_date(e))
            } else {
                format!("{} – {}", fmt_date(s), fmt_date(e))
            }
        }
        (Some(d), _) | (None, Some(d)) => fmt_date(d),
        (None, None) => String::new(),
    }
}

/// A decided field as printed: its value, or its alternatives in brackets.
pub(super) fn decided<T>(d: &Decided<T>, show: impl Fn(&T) -> String) -> String {
    match d.values.as_slice() {
        [] => String::new(),
        [v] => show(v),
        vs => bracketed(vs.iter().map(show)),
    }
}

pub(super) fn bracketed(values: impl Iterator<Item = String>) -> String {
    values
        .map(|v| format!("[{v}]"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-cases the first letter unless the word is an acronym ("GMG").
pub(super) fn lc_first(s: &str) -> String {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s[a.len_utf8()..].chars()).collect()
        }
        _ => s.to_string(),
    }
}

pub(super) fn trim_end_punct(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ';', ','])
}

pub(super) fn with_period(s: &str) -> String {
    let t = s.trim();
    if t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// Punctuates a lettered series: "…;", "…; and", "….".
pub(super) fn series(items: Vec<Vec<Inline>>) -> List {
    let n = items.len();
    let items = items
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            if let Some(Inline::Text(t)) = c.last_mut() {
                *t = trim_end_punct(t).to_string();
            }
            let end = if i + 1 == n {
                "."
            } else if i + 2 == n {
                "; and"
            } else {
                ";"
            };
            c.push(Inline::text(end));
            c
        })
        .collect();
    List {
        style: ListStyle::Letter,
        items,
    }
}

pub(super) fn para(id: impl Into<String>, content: Vec<Inline>) -> Block {
    Block::Para(Para {
        id: id.into(),
        number: None,
        content,
        list: None,
    })
}

pub(super) fn heading(label: String, text: String) -> Block {
    Block::Heading {
        level: 2,
        label,
        text: vec![Inline::Text(text)],
    }
}

pub(super) fn see(target: &str) -> Vec<Inline> {
    vec![
        Inline::text(" (see paragraph "),
        Inline::Ref {
            target: target.to_string(),
            number: None,
        },
        Inline::text(")"),
    ]
}

/// Letters subsections only when there are at least two: where there is an A there is a B.
pub(super) fn lettered(subs: Vec<(String, Vec<Block>)>) -> Vec<Block> {
    let letter = subs.len() >= 2;
    let mut out = Vec::new();
    for (i, (title, blocks)) in subs.into_iter().enumerate() {
        let label = if letter {
            format!("{}.", super::tree::letter(i).to_uppercase())
        } else {
            String::new()
        };
        out.push(heading(label, title));
        out.extend(blocks);
    }
    out
}

pub(super) fn is_working(s: &SessionView) -> bool {
    s.kind.values.is_empty() || s.kind.values.contains(&SessionKind::Working)
}

pub(super) fn session_title(s: &SessionView) -> String {
    decided(&s.title, |t| t.clone())
}

impl<'a> Builder<'a> {
    pub(super) fn conflict(&mut self, item: String, field: &str, values: String, w: Warning) {
        self.report.unresolved_conflicts += 1;
        self.report.warnings.push(w);
        self.conflicts.push([item, field.to_string(), values]);
    }

    fn collect_outcomes(&mut self) {
        let snap = self.snap;
        for s in snap.sessions() {
            let title = session_title(s);
            for (field, d) in [("start", &s.start), ("end", &s.end)] {
                if d.is_conflict() {
                    let v = decided(d, |t| t.map(|t| t.to_string()).unwrap_or_default());
                    let w = Warning::new(
                        "unresolved-conflict",
                        format!("session {title:?}: {field} time has values {v}"),
                    );
                    self.conflict(format!("Session “{title}”"), field, v, w.session(&s.id));
                }
            }
            for (field, d) in [
                ("title", decided(&s.title, |t| t.clone())),
                ("kind", decided(&s.kind, |k| k.as_str().to_string())),
            ] {
                let n = if field == "title" {
                    s.title.values.len()
                } else {
                    s.kind.values.len()
                };
                if n > 1 {
                    let w = Warning::new(
                        "unresolved-conflict",
                        format!("session {title:?}: {field} has values {d}"),
                    );
                    self.conflict(format!("Session “{title}”"), field, d, w.session(&s.id));
                }
            }
            if !is_working(s) {
                continue;
            }
            let mut outs: Vec<&OutcomeView> = s.outcomes.iter().collect();
            outs.sort_by(|a, b| a.position.total_cmp(&b.position));
            for o in outs {
                if o.confidential.values.iter().any(|v| *v) {
                    self.report.confidential_omitted += 1;
                    if o.confidential.is_conflict() {
                        self.report.unresolved_conflicts += 1;
                        self.report.warnings.push(
                            Warning::new("unresolved-conflict", "an outcome's confidential flag has concurrent values; it is left out as confidential")
                                .outcome(&o.id)
                                .session(&s.id),
                        );
                    }
                    continue;
                }
                let Some(&kind) = o.kind.first() else {
                    continue;
                };
                let short: String = o.text.chars().take(60).collect();
                let item = format!("Outcome “{}”", short.trim());
                let fields: [(&str, usize, String); 5] = [
                    (
                        "kind",
                        o.kind.values.len(),
                        decided(&o.kind, |k| k.as_str().to_string()),
                    ),
                    ("lead", o.lead.values.len(), decided(&o.lead, |v| v.clone())),
                    (
                        "deadline",
                        o.deadline.values.len(),
                        decided(&o.deadline, |v| v.clone()),
                    ),
                    (
                        "status",
                        o.status.values.len(),
                        decided(&o.status, |v| v.as_str().to_string()),
                    ),
                    (
                        "key message",
                        o.key_message.values.len(),
                        decided(&o.key_message, |v| v.to_string()),
                    ),
                ];
                for (field, n, v) in fields {
                    if n > 1 {
                        let w = Warning::new(
                            "unresolved-conflict",
                            format!("{item}: {field} has values {v}"),
                        );
                        self.conflict(item.clone(), field, v, w.outcome(&o.id).session(&s.id));
                    }
                }
                self.shown.push(Shown { outcome: o, kind });
            }
        }
    }

    /// Outcome text with speaker tags rewritten.
    pub(super) fn outcome_text(&mut self, o: &OutcomeView) -> String {
        let mut c = vec![Inline::text(o.text.trim())];
        attribution::apply(&mut c, &self.snap.participants, self.opts.attribution);
        plain_text(&c)
    }

    fn submitted(&mut self) -> Option<Part> {
        let mut items = Vec::new();
        for (kind, verb) in [
            (OutcomeKind::Recommendation, "endorse the recommendation"),
            (OutcomeKind::Decision, "approve the proposal"),
            (OutcomeKind::Conclusion, "take note of the conclusion"),
        ] {
            let outs: Vec<&OutcomeView> = self
                .shown
                .iter()
                .filter(|s| {
                    s.kind == kind
                        && (kind != OutcomeKind::Conclusion
                            || s.outcome.key_message.values.iter().any(|v| *v))
                })
                .map(|s| s.outcome)
                .collect();
            for o in outs {
                let mut c = vec![Inline::Text(format!(
                    "{verb} “{}”",
                    trim_end_punct(&self.outcome_text(o))
                ))];
                c.extend(see(&o.id));
                items.push(c);
            }
        }
        if items.is_empty() {
            return None;
        }
        let p = Para {
            id: "iv/invited".into(),
            number: None,
            content: vec![Inline::text("The Principals are invited to:")],
            list: Some(series(items)),
        };
        Some(Part {
            label: String::new(),
            title: "Recommendations and decisions submitted to the Principals".into(),
            blocks: vec![Block::Para(p)],
        })
    }

    fn follow_up(&mut self) -> Option<Part> {
        let has = |k: OutcomeKind| self.shown.iter().any(|s| s.kind == k);
        let mut blocks = Vec::new();
        if has(OutcomeKind::Recommendation) || has(OutcomeKind::Decision) {
            blocks.push(para("vi/principals", vec![Inline::text("The co-chairs will submit the recommendations and proposals in section IV to the Principals for their consideration.")]));
        }
        if has(OutcomeKind::Action) {
            blocks.push(para("vi/actions", vec![Inline::text("Lead entities will report on progress on the action points in section V to the group.")]));
        }
        (!blocks.is_empty()).then(|| Part {
            label: String::new(),
            title: "Follow-up and next steps".into(),
            blocks,
        })
    }

    /// In Chatham House mode, lists participant names still found in the discussion text (the
    /// paragraphs drawn from summaries and notes). The introduction, the organisation of the
    /// meeting and the lead entities of outcomes name organisations by design, not speakers.
    fn check_leftover_names(&mut self, doc: &Document) {
        for part in doc.front.iter().chain(&doc.body) {
            for block in &part.blocks {
                // Discussion lists hang off their paragraph (`p.list`); a standalone list is
                // never discussion text.
                let (id, text) = match block {
                    Block::Para(p) if is_discussion(&p.id) => {
                        let mut t = plain_text(&p.content);
                        for item in p.list.iter().flat_map(|l| &l.items) {
                            t.push(' ');
                            t.push_str(&plain_text(item));
                        }
                        (p.id.clone(), t)
                    }
                    _ => continue,
                };
                for name in attribution::leftover_names(&text, &self.snap.participants) {
                    self.report.warnings.push(
                        Warning::new(
                            "leftover-name",
                            format!("participant name {name:?} still appears in the text"),
                        )
                        .paragraph(&id),
                    );
                }
            }
        }
    }
}

/// Paragraphs drawn from a session's summary or notes carry ids `<session>/summary/N` or
/// `<session>/notes/N`.
fn is_discussion(id: &str) -> bool {
    id.contains("/summary/") || id.contains("/notes/")
}
