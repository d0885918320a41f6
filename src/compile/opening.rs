//! The opening of the draft: masthead, front matter (key messages, matters for decision),
//! I. Introduction and II. Organization of the meeting. Split from `build` to keep each file
//! about one part of the form.

use super::build::{
    bracketed, decided, fmt_date, is_working, lc_first, lettered, para, see, series, session_title,
    trim_end_punct, Builder,
};
use super::report::Warning;
use super::tree::{Block, Inline, List, ListStyle, Masthead, Para, Part};
use super::Attribution;
use crate::i18n::{dates, Language};
use crate::model::{OutcomeKind, OutcomeView};
use fluent_bundle::FluentValue;

impl Builder<'_> {
    pub(super) fn event_field(&self, field: &str) -> Option<String> {
        self.snap
            .conflicts
            .iter()
            .find(|c| c.object == "event" && c.field == field && c.values.len() > 1)
            .map(|c| bracketed(c.values.iter().cloned()))
    }

    pub(super) fn masthead(&mut self) -> Masthead {
        let info = &self.snap.info;
        for c in &self.snap.conflicts {
            if c.values.len() > 1 {
                let v = bracketed(c.values.iter().cloned());
                let w = Warning::new(
                    "unresolved-conflict",
                    format!("{} {}: {} has values {v}", c.object, c.object_id, c.field),
                );
                let item = match c.object.as_str() {
                    "event" => self.t("conflict-event"),
                    "day" => self.tf("conflict-day", &[("id", c.object_id.as_str().into())]),
                    other => format!("{other} {}", c.object_id),
                };
                self.conflict(item, &c.field, v, w);
            }
        }
        let title = self
            .event_field("title")
            .unwrap_or_else(|| info.title.trim().to_string());
        let lang = self.lang;
        let dates = match (self.event_field("start_date"), self.event_field("end_date")) {
            (None, None) => dates::range(lang, info.start_date, info.end_date),
            (s, e) => {
                let s = s
                    .or_else(|| info.start_date.map(|d| fmt_date(lang, d)))
                    .unwrap_or_default();
                let e = e
                    .or_else(|| info.end_date.map(|d| fmt_date(lang, d)))
                    .unwrap_or_default();
                format!("{s} – {e}")
            }
        };
        let venue = self
            .event_field("venue")
            .unwrap_or_else(|| info.venue.trim().to_string());
        let mut t = if title.is_empty() {
            self.t("masthead-title-untitled")
        } else {
            self.tf("masthead-title", &[("title", title.as_str().into())])
        };
        let sep = self.t("title-sep");
        for piece in [&dates, &venue] {
            if !piece.is_empty() {
                t.push_str(&sep);
                t.push_str(piece);
            }
        }
        let distribution = match self.opts.distribution.trim().to_lowercase().as_str() {
            d @ ("restricted" | "limited" | "general") => self.t(&format!("distribution-{d}")),
            _ => self.opts.distribution.trim().to_string(),
        };
        // "Original" is the language the meeting works in, whatever this draft is in.
        let original = self.t(&format!("language-{}", info.language.code()));
        Masthead {
            group: info.group.trim().to_string(),
            title: t,
            status: self.t("masthead-status"),
            version: self.tf(
                "masthead-version",
                &[
                    ("version", self.opts.version.as_str().into()),
                    ("date", fmt_date(lang, self.opts.compiled_on).into()),
                ],
            ),
            distribution: self.tf(
                "masthead-distribution",
                &[("distribution", distribution.into())],
            ),
            original: self.tf("masthead-original", &[("language", original.into())]),
            note: (self.opts.attribution == Attribution::None).then(|| self.t("masthead-chatham")),
        }
    }

    pub(super) fn front_matter(&mut self) -> Vec<Part> {
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
                title: self.t("key-messages"),
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
                    c.extend(see(self.lang, &o.id));
                    c
                })
                .collect();
            parts.push(Part {
                label: String::new(),
                title: self.t("decisions-required"),
                blocks: vec![Block::List(List {
                    style: ListStyle::Bullet,
                    items,
                })],
            });
        }
        parts
    }

    pub(super) fn introduction(&mut self) -> Option<Part> {
        let info = &self.snap.info;
        let mut blocks = Vec::new();
        // A title or venue in conflict is printed with every value bracketed, as in the
        // masthead: the draft never picks one silently.
        let title = self
            .event_field("title")
            .unwrap_or_else(|| info.title.trim().to_string());
        let venue = self
            .event_field("venue")
            .unwrap_or_else(|| info.venue.trim().to_string());
        if !title.is_empty() {
            let group = info.group.trim();
            let when = dates::when(self.lang, info.start_date, info.end_date);
            let yes = |b: bool| FluentValue::from(if b { "yes" } else { "no" });
            let mut s = self.tf(
                "intro-held",
                &[
                    ("title", title.as_str().into()),
                    (
                        "has-group",
                        yes(!group.is_empty() && !title.contains(group)),
                    ),
                    ("group", group.into()),
                    ("has-venue", yes(!venue.is_empty())),
                    ("venue", venue.as_str().into()),
                    ("has-when", yes(!when.is_empty())),
                    ("when", when.as_str().into()),
                ],
            );
            if !info.co_chairs.is_empty() {
                let names = join_and(self.lang, &info.co_chairs);
                s.push_str(&self.tf("intro-co-chaired", &[("names", names.into())]));
            }
            blocks.push(para("intro/purpose", vec![Inline::Text(s)]));
        }
        for (id, lead, items) in [
            (
                "intro/objectives",
                self.t("intro-objectives"),
                &info.objectives,
            ),
            (
                "intro/outcomes",
                self.t("intro-outcomes"),
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
                    list: Some(series(self.lang, items)),
                }));
            }
        }
        (!blocks.is_empty()).then(|| Part {
            label: String::new(),
            title: self.t("chapter-introduction"),
            blocks,
        })
    }

    pub(super) fn organization(&mut self) -> Option<Part> {
        let snap = self.snap;
        let mut subs = Vec::new();
        let first = snap
            .days
            .iter()
            .flat_map(|d| d.sessions.iter().map(move |s| (d, s)))
            .find(|(_, s)| is_working(s));
        if let Some((day, s)) = first {
            let title = session_title(s);
            if is_opening(&title) {
                let yes = |b: bool| FluentValue::from(if b { "yes" } else { "no" });
                let date = day.date.map(|d| fmt_date(self.lang, d)).unwrap_or_default();
                let start = decided(&s.start, |t| t.map(|t| t.to_string()).unwrap_or_default());
                let moderators = s.moderators.trim();
                let methodology = lc_first(s.methodology.trim());
                let t = self.tf(
                    "opening-held",
                    &[
                        ("title", title.as_str().into()),
                        ("has-date", yes(!date.is_empty())),
                        ("date", date.into()),
                        ("has-time", yes(!start.is_empty())),
                        ("time", start.into()),
                        ("has-moderators", yes(!moderators.is_empty())),
                        ("moderators", moderators.into()),
                        ("has-methodology", yes(!methodology.is_empty())),
                        ("methodology", methodology.into()),
                    ],
                );
                subs.push((
                    self.t("section-opening"),
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
            let t = self.tf(
                "attendance",
                &[
                    ("participants", snap.participants.len().into()),
                    ("entities", entities.len().into()),
                ],
            );
            subs.push((
                self.t("section-attendance"),
                vec![para("org/attendance", vec![Inline::Text(t)])],
            ));
        }
        let working = snap.sessions().filter(|s| is_working(s)).count();
        if snap.sessions().next().is_some() {
            let days = snap.days.iter().filter(|d| !d.sessions.is_empty()).count();
            let t = self.tf(
                "agenda-sessions",
                &[("sessions", working.into()), ("days", days.into())],
            );
            subs.push((
                self.t("section-agenda"),
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
                let mut bits = Vec::new();
                if !s.moderators.trim().is_empty() {
                    bits.push(self.tf("roles-moderated", &[("names", s.moderators.trim().into())]));
                }
                if !s.rapporteurs.trim().is_empty() {
                    bits.push(self.tf(
                        "roles-rapporteur",
                        &[("names", s.rapporteurs.trim().into())],
                    ));
                }
                let details = bits.join(&self.t("roles-sep"));
                vec![Inline::Text(self.tf(
                    "roles-item",
                    &[
                        ("title", session_title(s).into()),
                        ("details", details.into()),
                    ],
                ))]
            })
            .collect();
        if !roles.is_empty() {
            subs.push((
                self.t("section-roles"),
                vec![Block::Para(Para {
                    id: "org/roles".into(),
                    number: None,
                    content: vec![Inline::text(self.t("roles-intro"))],
                    list: Some(List {
                        style: ListStyle::Bullet,
                        items: roles,
                    }),
                })],
            ));
        }
        (!subs.is_empty()).then(|| Part {
            label: String::new(),
            title: self.t("chapter-organization"),
            blocks: lettered(self.lang, subs),
        })
    }
}

/// "FAO, IOM and UNHCR" in the draft's language.
fn join_and(lang: Language, items: &[String]) -> String {
    let c = lang.catalog();
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [init @ .., last] => c.format(
            "list-and",
            &[
                ("first", init.join(&c.text("list-sep")).into()),
                ("last", last.as_str().into()),
            ],
        ),
    }
}

/// Whether a session title names the opening session, in any of the six languages (the
/// agenda may be in another language than the draft).
fn is_opening(title: &str) -> bool {
    let title = title.to_lowercase();
    Language::ALL.iter().any(|l| {
        l.catalog()
            .text("opening-words")
            .split(',')
            .map(str::trim)
            .any(|w| !w.is_empty() && title.contains(&w.to_lowercase()))
    })
}
