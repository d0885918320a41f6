//! What goes where: fills the document tree from an event snapshot, following the form in
//! docs/conclusions-form.md. A part with no data is left out; confidential outcomes are left out and
//! counted; decided fields with several values are printed as `[A] [B]` and listed in the
//! report and in annex IV. Paragraph numbers are not known here: references are paragraph ids
//! that `number` resolves at the end.

use super::attribution;
use super::labels;
use super::report::{CompileReport, Warning};
use super::tree::{
    first_strong_rtl, plain_text, Block, Document, Inline, List, ListStyle, Para, Part,
};
use super::{Attribution, CompileOptions};
use crate::i18n::{dates, Args, Language};
use crate::model::{Decided, EventSnapshot, OutcomeKind, OutcomeView, SessionKind, SessionView};
use chrono::NaiveDate;
use fluent_bundle::FluentValue;

/// A visible (non-confidential) outcome with the session it came from.
pub(super) struct Shown<'a> {
    pub outcome: &'a OutcomeView,
    pub kind: OutcomeKind,
}

pub(super) struct Builder<'a> {
    pub snap: &'a EventSnapshot,
    pub opts: &'a CompileOptions,
    /// The language the draft is written in.
    pub lang: Language,
    pub report: CompileReport,
    /// Rows of annex IV: item, field, alternatives.
    pub conflicts: Vec<[String; 3]>,
    pub shown: Vec<Shown<'a>>,
}

pub fn build(snap: &EventSnapshot, opts: &CompileOptions) -> (Document, CompileReport) {
    let lang = opts.language.unwrap_or(snap.info.language);
    let mut b = Builder {
        snap,
        opts,
        lang,
        report: CompileReport::default(),
        conflicts: Vec::new(),
        shown: Vec::new(),
    };
    b.collect_outcomes();
    let mut doc = Document {
        masthead: b.masthead(),
        language: lang,
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
        part.label = labels::chapter(lang, i + 1);
        doc.body.push(part);
    }
    doc.front = b.front_matter();
    doc.annexes = b.annexes();
    if opts.attribution == Attribution::None {
        b.check_leftover_names(&doc);
    }
    (doc, b.report)
}

/// One date in the draft's language ("12 February 2018").
pub(super) fn fmt_date(lang: Language, d: NaiveDate) -> String {
    dates::date(lang, d)
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

/// Sentence and clause punctuation of the six languages' scripts.
const CLAUSE_END: [char; 9] = ['.', ';', ',', '。', '；', '，', '、', '؛', '،'];
const SENTENCE_END: [char; 7] = ['.', '!', '?', '。', '！', '？', '؟'];

pub(super) fn trim_end_punct(s: &str) -> &str {
    s.trim().trim_end_matches(CLAUSE_END)
}

/// The text ending with a full stop (the language's own), unless it already ends a sentence.
pub(super) fn with_period(lang: Language, s: &str) -> String {
    let t = s.trim();
    if t.ends_with(SENTENCE_END) {
        t.to_string()
    } else {
        format!("{t}{}", lang.catalog().text("full-stop"))
    }
}

/// Punctuates a lettered series: "…;", "…; and", "….".
pub(super) fn series(lang: Language, items: Vec<Vec<Inline>>) -> List {
    let c = lang.catalog();
    let (more, penultimate, last) = (
        c.text("series-more"),
        c.text("series-penultimate"),
        c.text("series-last"),
    );
    let n = items.len();
    let items = items
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            if let Some(Inline::Text(t)) = c.last_mut() {
                *t = trim_end_punct(t).to_string();
            }
            let end = if i + 1 == n {
                &last
            } else if i + 2 == n {
                &penultimate
            } else {
                &more
            };
            c.push(Inline::text(end.as_str()));
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

/// " (see paragraph N)", the number a reference resolved later.
pub(super) fn see(lang: Language, target: &str) -> Vec<Inline> {
    // The number is not known yet: format around a placeholder and split there.
    const HOLE: &str = "\u{E000}";
    let text = lang
        .catalog()
        .format("see-paragraph", &[("n", FluentValue::from(HOLE))]);
    let (before, after) = text.split_once(HOLE).unwrap_or((text.as_str(), ""));
    let mut out = Vec::new();
    if !before.is_empty() {
        out.push(Inline::text(before));
    }
    out.push(Inline::Ref {
        target: target.to_string(),
        number: None,
    });
    if !after.is_empty() {
        out.push(Inline::text(after));
    }
    out
}

/// Letters subsections only when there are at least two: where there is an A there is a B.
pub(super) fn lettered(lang: Language, subs: Vec<(String, Vec<Block>)>) -> Vec<Block> {
    let letter = subs.len() >= 2;
    let mut out = Vec::new();
    for (i, (title, blocks)) in subs.into_iter().enumerate() {
        let label = if letter {
            labels::section(lang, i + 1)
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
    /// A fixed phrase in the draft's language.
    pub(super) fn t(&self, key: &str) -> String {
        self.lang.catalog().text(key)
    }

    /// A fixed phrase with arguments. In a right-to-left draft an argument that starts in a
    /// left-to-right script (an English title, "FAO and IOM") is embedded left to right
    /// (U+202A … U+202C), so its brackets and quotation marks stay with it instead of being
    /// mirrored into the Arabic sentence around it.
    pub(super) fn tf(&self, key: &str, args: &Args<'_>) -> String {
        if !self.lang.is_rtl() {
            return self.lang.catalog().format(key, args);
        }
        let embedded: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .map(|(name, value)| match value {
                // Not the yes/no switches (`has-…`) the messages select on.
                FluentValue::String(s)
                    if !name.starts_with("has-") && first_strong_rtl(s) == Some(false) =>
                {
                    (*name, FluentValue::from(format!("\u{202A}{s}\u{202C}")))
                }
                other => (*name, other.clone()),
            })
            .collect();
        self.lang.catalog().format(key, &embedded)
    }

    /// A decided field's name in annex IV ("deadline", "échéance").
    pub(super) fn field_name(&self, field: &str) -> String {
        let key = format!("field-{}", field.replace(' ', "-"));
        if self.lang.catalog().has(&key) || Language::En.catalog().has(&key) {
            self.t(&key)
        } else {
            field.to_string()
        }
    }

    /// A status or kind value as the draft prints it ("agreed", "convenue").
    pub(super) fn value_name(&self, prefix: &str, value: &str) -> String {
        let key = format!("{prefix}-{value}");
        if Language::En.catalog().has(&key) {
            self.t(&key)
        } else {
            value.to_string()
        }
    }

    /// A field with several values: counted, reported (in English, for the rapporteur) and
    /// listed in annex IV (in the draft's language). `item` is already in that language.
    pub(super) fn conflict(&mut self, item: String, field: &str, values: String, w: Warning) {
        self.report.unresolved_conflicts += 1;
        self.report.warnings.push(w);
        let field = self.field_name(field);
        self.conflicts.push([item, field, values]);
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
                    let item = self.tf("conflict-session", &[("title", title.as_str().into())]);
                    self.conflict(item, field, v, w.session(&s.id));
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
                    let item = self.tf("conflict-session", &[("title", title.as_str().into())]);
                    self.conflict(item, field, d, w.session(&s.id));
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
                let shown_item = self.tf("conflict-outcome", &[("text", short.trim().into())]);
                let fields: [(&str, usize, String); 5] = [
                    (
                        "kind",
                        o.kind.values.len(),
                        decided(&o.kind, |k| self.value_name("kind", k.as_str())),
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
                        decided(&o.status, |v| self.value_name("status", v.as_str())),
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
                        self.conflict(
                            shown_item.clone(),
                            field,
                            v,
                            w.outcome(&o.id).session(&s.id),
                        );
                    }
                }
                self.shown.push(Shown { outcome: o, kind });
            }
        }
    }

    /// Outcome text with speaker tags rewritten.
    pub(super) fn outcome_text(&mut self, o: &OutcomeView) -> String {
        let mut c = vec![Inline::text(o.text.trim())];
        attribution::apply(
            &mut c,
            &self.snap.participants,
            self.opts.attribution,
            self.lang,
        );
        plain_text(&c)
    }

    fn submitted(&mut self) -> Option<Part> {
        let mut items = Vec::new();
        for (kind, verb) in [
            (OutcomeKind::Recommendation, "invited-endorse"),
            (OutcomeKind::Decision, "invited-approve"),
            (OutcomeKind::Conclusion, "invited-note"),
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
                let text = self.outcome_text(o);
                let mut c = vec![Inline::Text(
                    self.tf(verb, &[("text", trim_end_punct(&text).into())]),
                )];
                c.extend(see(self.lang, &o.id));
                items.push(c);
            }
        }
        if items.is_empty() {
            return None;
        }
        let p = Para {
            id: "iv/invited".into(),
            number: None,
            content: vec![Inline::text(self.t("invited"))],
            list: Some(series(self.lang, items)),
        };
        Some(Part {
            label: String::new(),
            title: self.t("chapter-submitted"),
            blocks: vec![Block::Para(p)],
        })
    }

    fn follow_up(&mut self) -> Option<Part> {
        let has = |k: OutcomeKind| self.shown.iter().any(|s| s.kind == k);
        let mut blocks = Vec::new();
        if has(OutcomeKind::Recommendation) || has(OutcomeKind::Decision) {
            blocks.push(para(
                "vi/principals",
                vec![Inline::text(self.t("follow-up-principals"))],
            ));
        }
        if has(OutcomeKind::Action) {
            blocks.push(para(
                "vi/actions",
                vec![Inline::text(self.t("follow-up-actions"))],
            ));
        }
        (!blocks.is_empty()).then(|| Part {
            label: String::new(),
            title: self.t("chapter-follow-up"),
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
