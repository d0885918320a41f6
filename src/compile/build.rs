//! What goes where: fills the document tree from an event snapshot, following the form in
//! `CONCLUSIONS.md`. A part with no data is left out; confidential outcomes are left out and
//! counted; decided fields with several values are printed as `[A] [B]` and listed in the
//! report and in annex IV. Paragraph numbers are not known here: references are paragraph ids
//! that `number` resolves at the end.

use super::annex;
use super::attribution;
use super::markdown_in::{self, MdBlock};
use super::report::{CompileReport, Warning};
use super::tree::{plain_text, Block, Document, Inline, List, ListStyle, Masthead, Para, Part};
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
    doc.annexes = annex::annexes(&mut b);
    if opts.attribution == Attribution::None {
        b.check_leftover_names(&doc);
    }
    (doc, b.report)
}

/// "12 February 2018".
pub(super) fn fmt_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn fmt_dates(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
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
fn lc_first(s: &str) -> String {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s[a.len_utf8()..].chars()).collect()
        }
        _ => s.to_string(),
    }
}

fn trim_end_punct(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ';', ','])
}

fn with_period(s: &str) -> String {
    let t = s.trim();
    if t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// Punctuates a lettered series: "…;", "…; and", "….".
fn series(items: Vec<Vec<Inline>>) -> List {
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

fn para(id: impl Into<String>, content: Vec<Inline>) -> Block {
    Block::Para(Para {
        id: id.into(),
        number: None,
        content,
        list: None,
    })
}

fn heading(label: String, text: String) -> Block {
    Block::Heading {
        level: 2,
        label,
        text: vec![Inline::Text(text)],
    }
}

fn see(target: &str) -> Vec<Inline> {
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
fn lettered(subs: Vec<(String, Vec<Block>)>) -> Vec<Block> {
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

    fn event_field(&self, field: &str) -> Option<String> {
        self.snap
            .conflicts
            .iter()
            .find(|c| c.object == "event" && c.field == field && c.values.len() > 1)
            .map(|c| bracketed(c.values.iter().cloned()))
    }

    fn masthead(&mut self) -> Masthead {
        let info = &self.snap.info;
        for c in &self.snap.conflicts {
            if c.values.len() > 1 {
                let v = bracketed(c.values.iter().cloned());
                let w = Warning::new(
                    "unresolved-conflict",
                    format!("{} {}: {} has values {v}", c.object, c.object_id, c.field),
                );
                self.conflict(format!("{} {}", c.object, c.object_id), &c.field, v, w);
            }
        }
        let title = self
            .event_field("title")
            .unwrap_or_else(|| info.title.trim().to_string());
        let dates = match (self.event_field("start_date"), self.event_field("end_date")) {
            (None, None) => fmt_dates(info.start_date, info.end_date),
            (s, e) => {
                let s = s
                    .or_else(|| info.start_date.map(fmt_date))
                    .unwrap_or_default();
                let e = e
                    .or_else(|| info.end_date.map(fmt_date))
                    .unwrap_or_default();
                format!("{s} – {e}")
            }
        };
        let venue = self
            .event_field("venue")
            .unwrap_or_else(|| info.venue.trim().to_string());
        let mut t = String::from("Draft conclusions");
        if !title.is_empty() {
            t.push_str(" of the ");
            t.push_str(&title);
        }
        for piece in [&dates, &venue] {
            if !piece.is_empty() {
                t.push_str(", ");
                t.push_str(piece);
            }
        }
        Masthead {
            group: info.group.trim().to_string(),
            title: t,
            status: "DRAFT — for consideration by the Principals".to_string(),
            version: format!("Version {} — compiled on {}", self.opts.version, fmt_date(self.opts.compiled_on)),
            distribution: format!("Distribution: {}", self.opts.distribution),
            original: format!("Original: {}", self.opts.language),
            note: (self.opts.attribution == Attribution::None).then(|| {
                "Held under the Chatham House Rule: the information may be used, but neither the identity nor the affiliation of any speaker is revealed.".to_string()
            }),
        }
    }

    fn front_matter(&mut self) -> Vec<Part> {
        let mut parts = Vec::new();
        let keys: Vec<&OutcomeView> = self
            .shown
            .iter()
            .filter(|s| s.outcome.key_message.values.iter().any(|v| *v))
            .map(|s| s.outcome)
            .collect();
        if !keys.is_empty() {
            let items = keys
                .iter()
                .map(|o| vec![Inline::text(trim_end_punct(&self.outcome_text(o)))])
                .collect();
            parts.push(Part {
                label: String::new(),
                title: "Key messages".into(),
                blocks: vec![Block::List(List {
                    style: ListStyle::Bullet,
                    items,
                })],
            });
        }
        let decisions: Vec<&OutcomeView> = self
            .shown
            .iter()
            .filter(|s| s.kind == OutcomeKind::Decision)
            .map(|s| s.outcome)
            .collect();
        if !decisions.is_empty() {
            let items = decisions
                .iter()
                .map(|o| {
                    let mut c = vec![Inline::text(trim_end_punct(&self.outcome_text(o)))];
                    c.extend(see(&o.id));
                    c
                })
                .collect();
            parts.push(Part {
                label: String::new(),
                title: "Matters requiring decision by the Principals".into(),
                blocks: vec![Block::List(List {
                    style: ListStyle::Bullet,
                    items,
                })],
            });
        }
        parts
    }

    fn introduction(&mut self) -> Option<Part> {
        let info = &self.snap.info;
        let mut blocks = Vec::new();
        if !info.title.trim().is_empty() {
            let mut s = format!("The {}", info.title.trim());
            if !info.group.trim().is_empty() && !info.title.contains(info.group.trim()) {
                s.push_str(&format!(" of the {}", info.group.trim()));
            }
            s.push_str(" was held");
            if !info.venue.trim().is_empty() {
                s.push_str(&format!(" in {}", info.venue.trim()));
            }
            let dates = fmt_dates(info.start_date, info.end_date);
            if !dates.is_empty() {
                s.push_str(
                    if info.start_date != info.end_date && info.end_date.is_some() {
                        " from "
                    } else {
                        " on "
                    },
                );
                s.push_str(&dates.replace('–', " to ").replace("  ", " "));
            }
            s.push('.');
            if !info.co_chairs.is_empty() {
                s.push_str(&format!(
                    " It was co-chaired by {}.",
                    join_and(&info.co_chairs)
                ));
            }
            blocks.push(para("intro/purpose", vec![Inline::Text(s)]));
        }
        for (id, lead, items) in [
            (
                "intro/objectives",
                "The objectives of the meeting were to:",
                &info.objectives,
            ),
            (
                "intro/outcomes",
                "The expected outcomes of the meeting were:",
                &info.expected_outcomes,
            ),
        ] {
            let items: Vec<Vec<Inline>> = items
                .iter()
                .filter(|o| !o.trim().is_empty())
                .map(|o| vec![Inline::text(lc_first(o.trim()))])
                .collect();
            if !items.is_empty() {
                blocks.push(Block::Para(Para {
                    id: id.into(),
                    number: None,
                    content: vec![Inline::text(lead)],
                    list: Some(series(items)),
                }));
            }
        }
        (!blocks.is_empty()).then(|| Part {
            label: String::new(),
            title: "Introduction".into(),
            blocks,
        })
    }

    fn organization(&mut self) -> Option<Part> {
        let snap = self.snap;
        let mut subs = Vec::new();
        let first = snap
            .days
            .iter()
            .flat_map(|d| d.sessions.iter().map(move |s| (d, s)))
            .find(|(_, s)| is_working(s));
        if let Some((day, s)) = first {
            let title = session_title(s);
            if title.to_lowercase().contains("opening") || title.to_lowercase().contains("welcome")
            {
                let mut t = format!("The opening session, “{title}”, was held");
                if let Some(d) = day.date {
                    t.push_str(&format!(" on {}", fmt_date(d)));
                }
                let start = decided(&s.start, |t| t.map(|t| t.to_string()).unwrap_or_default());
                if !start.is_empty() {
                    t.push_str(&format!(" at {start}"));
                }
                if !s.moderators.trim().is_empty() {
                    t.push_str(&format!(", moderated by {}", s.moderators.trim()));
                }
                if !s.methodology.trim().is_empty() {
                    t.push_str(&format!(" ({})", lc_first(s.methodology.trim())));
                }
                t.push('.');
                subs.push((
                    "Opening".to_string(),
                    vec![para("org/opening", vec![Inline::Text(t)])],
                ));
            }
        }
        if !snap.participants.is_empty() {
            let mut entities: Vec<&str> = snap
                .participants
                .iter()
                .map(|p| p.entity.trim())
                .filter(|e| !e.is_empty())
                .collect();
            entities.sort_unstable();
            entities.dedup();
            let t = format!(
                "The meeting was attended by {} participant{} from {} entit{} (see annex II).",
                snap.participants.len(),
                if snap.participants.len() == 1 {
                    ""
                } else {
                    "s"
                },
                entities.len(),
                if entities.len() == 1 { "y" } else { "ies" }
            );
            subs.push((
                "Attendance".to_string(),
                vec![para("org/attendance", vec![Inline::Text(t)])],
            ));
        }
        let working = snap.sessions().filter(|s| is_working(s)).count();
        if snap.sessions().next().is_some() {
            let days = snap.days.iter().filter(|d| !d.sessions.is_empty()).count();
            let t = format!(
                "The meeting comprised {working} working session{} over {days} day{}. The agenda, with the methodology of each session, is reproduced in annex I.",
                if working == 1 { "" } else { "s" },
                if days == 1 { "" } else { "s" }
            );
            subs.push((
                "Agenda and methodology".to_string(),
                vec![para("org/agenda", vec![Inline::Text(t)])],
            ));
        }
        let roles: Vec<Vec<Inline>> = snap
            .sessions()
            .filter(|s| {
                is_working(s)
                    && (!s.moderators.trim().is_empty() || !s.rapporteurs.trim().is_empty())
            })
            .map(|s| {
                let mut t = format!("{}: ", session_title(s));
                let mut bits = Vec::new();
                if !s.moderators.trim().is_empty() {
                    bits.push(format!("moderated by {}", s.moderators.trim()));
                }
                if !s.rapporteurs.trim().is_empty() {
                    bits.push(format!("rapporteur {}", s.rapporteurs.trim()));
                }
                t.push_str(&bits.join("; "));
                vec![Inline::Text(t)]
            })
            .collect();
        if !roles.is_empty() {
            subs.push((
                "Moderators and rapporteurs".to_string(),
                vec![Block::Para(Para {
                    id: "org/roles".into(),
                    number: None,
                    content: vec![Inline::text(
                        "The sessions were moderated and reported on as follows:",
                    )],
                    list: Some(List {
                        style: ListStyle::Bullet,
                        items: roles,
                    }),
                })],
            ));
        }
        (!subs.is_empty()).then(|| Part {
            label: String::new(),
            title: "Organization of the meeting".into(),
            blocks: lettered(subs),
        })
    }

    /// Markdown → numbered paragraphs (lists become the previous paragraph's subparagraphs).
    fn md_paras(&mut self, md: &str, id: &str, s: &SessionView, wrap: Option<&str>) -> Vec<Block> {
        let mut out: Vec<Block> = Vec::new();
        let mut k = 0;
        for b in markdown_in::parse(md) {
            match b {
                MdBlock::Para(mut c) => {
                    let unknown =
                        attribution::apply(&mut c, &self.snap.participants, self.opts.attribution);
                    self.unknown_speakers(unknown, s);
                    if let Some(label) = wrap {
                        c.insert(0, Inline::text(format!("[{label}: ")));
                        c.push(Inline::text("]"));
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

    fn discussions(&mut self) -> Option<Part> {
        let snap = self.snap;
        let mut subs = Vec::new();
        for s in snap.sessions().filter(|s| is_working(s)) {
            let title = session_title(s);
            let mut blocks = Vec::new();
            if !s.summary.trim().is_empty() {
                blocks.extend(self.md_paras(&s.summary, &format!("{}/summary", s.id), s, None));
            } else if !s.notes.trim().is_empty() {
                self.report.warnings.push(Warning::new("unedited-notes", format!("session {title:?} has no summary; its raw notes are printed in brackets")).session(&s.id));
                blocks.extend(self.md_paras(
                    &s.notes,
                    &format!("{}/notes", s.id),
                    s,
                    Some("Unedited notes"),
                ));
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
                        OutcomeKind::Conclusion => vec![Inline::Text(format!(
                            "The group concluded that {}",
                            with_period(&lc_first(&text))
                        ))],
                        OutcomeKind::Recommendation => {
                            vec![Inline::Strong(vec![Inline::Text(with_period(&text))])]
                        }
                        OutcomeKind::Decision => vec![Inline::Text(format!(
                            "The group proposed for decision by the Principals: {}",
                            with_period(&text)
                        ))],
                        OutcomeKind::Action => {
                            let mut t = format!("Action: {}", trim_end_punct(&text));
                            let lead = decided(&o.lead, |v| v.clone());
                            let due = decided(&o.deadline, |v| v.clone());
                            let bits: Vec<String> = [("lead", lead), ("deadline", due)]
                                .into_iter()
                                .filter(|(_, v)| !v.trim().is_empty())
                                .map(|(k, v)| format!("{k}: {v}"))
                                .collect();
                            if !bits.is_empty() {
                                t.push_str(&format!(" ({})", bits.join("; ")));
                            }
                            t.push('.');
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
            title: "Summary of discussions and conclusions".into(),
            blocks: lettered(subs),
        })
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

    fn work_plan(&mut self) -> Option<Part> {
        annex::work_plan(self)
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

    fn check_leftover_names(&mut self, doc: &Document) {
        for part in doc.front.iter().chain(&doc.body) {
            for (i, block) in part.blocks.iter().enumerate() {
                let (id, text) = match block {
                    Block::Para(p) => {
                        let mut t = plain_text(&p.content);
                        for item in p.list.iter().flat_map(|l| &l.items) {
                            t.push(' ');
                            t.push_str(&plain_text(item));
                        }
                        (p.id.clone(), t)
                    }
                    Block::List(l) => (
                        format!("{}#{i}", part.title),
                        l.items
                            .iter()
                            .map(|x| plain_text(x))
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
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

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}
