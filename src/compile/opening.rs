//! The opening of the draft: masthead, front matter (key messages, matters for decision),
//! I. Introduction and II. Organization of the meeting. Split from `build` to keep each file
//! about one part of the form.

use super::build::{
    bracketed, decided, fmt_date, fmt_dates, is_working, lc_first, lettered, para, see, series,
    session_title, trim_end_punct, Builder,
};
use super::report::Warning;
use super::tree::{Block, Inline, List, ListStyle, Masthead, Para, Part};
use super::Attribution;
use crate::model::{OutcomeKind, OutcomeView};

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
            let mut s = format!("The {title}");
            if !info.group.trim().is_empty() && !title.contains(info.group.trim()) {
                s.push_str(&format!(" of the {}", info.group.trim()));
            }
            s.push_str(" was held");
            if !venue.is_empty() {
                s.push_str(&format!(" in {venue}"));
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
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}
