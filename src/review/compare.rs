//! `diff FROM [TO]` and `compile … --changes-since VERSION`: the drafts of two versions
//! compiled the same way (same attribution) and compared with `compile::redline`; "now" is the
//! event as a compile takes it (its final version when it is final). Each change says who wrote
//! it where the documents can tell (`super::authors`), and a tracked change in Word carries
//! those names as its author and the later version's time as its date.

use super::draft::DraftSource;
use super::Result;
use crate::compile::redline::{self, Change};
use crate::compile::tree::Mark;
use crate::compile::{compile, CompileOptions, Compiled};
use crate::doc::review_doc::{label, VersionRecord};
use crate::model::EventSnapshot;
use crate::store::Store;
use serde::Serialize;
use std::collections::HashMap;

/// One change with who wrote it.
#[derive(Debug, Clone, Serialize)]
pub struct AuthoredChange {
    #[serde(flatten)]
    pub change: Change,
    pub authors: Vec<String>,
}

/// `diff --json`: `{"changes":[…]}`, plus what was compared.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub from: String,
    pub to: String,
    pub changes: Vec<AuthoredChange>,
}

/// The two sides of a comparison, compiled.
struct Sides {
    from: VersionRecord,
    to: Option<VersionRecord>,
    to_label: String,
    before: EventSnapshot,
    after: EventSnapshot,
    to_time: String,
}

fn outcome_sessions(snaps: [&EventSnapshot; 2]) -> HashMap<String, String> {
    let mut m = HashMap::new();
    for s in snaps {
        for session in s.sessions() {
            for o in &session.outcomes {
                m.insert(o.id.clone(), session.id.clone());
            }
        }
        for c in &s.carried {
            m.insert(c.outcome.id.clone(), c.outcome.session_id.clone());
        }
    }
    m
}

impl Store {
    fn sides(
        &mut self,
        event_id: &str,
        from: &str,
        to: Option<&str>,
    ) -> Result<(Sides, Option<DraftSource>)> {
        let from = self.resolve_version(event_id, from)?;
        let before = self.version_snapshot(event_id, &from)?;
        match to {
            Some(t) => {
                let to = self.resolve_version(event_id, t)?;
                let after = self.version_snapshot(event_id, &to)?;
                Ok((
                    Sides {
                        to_label: label(&to),
                        to_time: to.created_at.clone(),
                        to: Some(to),
                        from,
                        before,
                        after,
                    },
                    None,
                ))
            }
            None => {
                let source = self.draft_source(event_id)?;
                let (to_label, to_time) = match &source.final_version {
                    Some(v) => (label(v), v.created_at.clone()),
                    None => ("now".to_string(), self.host().now().to_rfc3339()),
                };
                Ok((
                    Sides {
                        to: source.final_version.clone(),
                        to_label,
                        to_time,
                        from,
                        before,
                        after: source.snapshot.clone(),
                    },
                    Some(source),
                ))
            }
        }
    }

    fn authored(
        &mut self,
        event_id: &str,
        s: &Sides,
        changes: Vec<Change>,
    ) -> Result<Vec<AuthoredChange>> {
        let outcomes = outcome_sessions([&s.before, &s.after]);
        let authors = self.authors_of(event_id, &s.from, s.to.as_ref(), &changes, &outcomes)?;
        Ok(changes
            .into_iter()
            .zip(authors)
            .map(|(change, authors)| AuthoredChange { change, authors })
            .collect())
    }

    /// What changed in the compiled draft from version `from` to version `to` (now when
    /// `None`), paragraph by paragraph, with who wrote each change.
    pub fn diff_versions(
        &mut self,
        event_id: &str,
        from: &str,
        to: Option<&str>,
        options: &CompileOptions,
    ) -> Result<Comparison> {
        let (s, _) = self.sides(event_id, from, to)?;
        let changes = redline::compare(
            &compile(&s.before, options).document,
            &compile(&s.after, options).document,
        );
        let changes = self.authored(event_id, &s, changes)?;
        Ok(Comparison {
            from: label(&s.from),
            to: s.to_label,
            changes,
        })
    }

    /// The draft of version `to` (now when `None`: as `compile` writes it) with every change
    /// since version `from` marked as tracked changes, each with its authors and the time of the
    /// later side, compiled with `options` (see [`DraftSource::options`]). The masthead says what
    /// was compared; the report is the later draft's.
    pub fn redline(
        &mut self,
        event_id: &str,
        from: &str,
        to: Option<&str>,
        options: &CompileOptions,
    ) -> Result<(Compiled, Vec<AuthoredChange>)> {
        let (s, source) = self.sides(event_id, from, to)?;
        let before = compile(&s.before, options);
        let mut after = compile(&s.after, options);
        let plain = redline::compare(&before.document, &after.document);
        let authored = self.authored(event_id, &s, plain)?;
        let by_key: HashMap<(String, String), String> = authored
            .iter()
            .map(|a| {
                let who = if a.authors.is_empty() {
                    "Rapporteur".to_string()
                } else {
                    a.authors.join(", ")
                };
                ((a.change.section.clone(), a.change.key.clone()), who)
            })
            .collect();
        // Word's w:date: UTC to the second.
        let date = chrono::DateTime::parse_from_rfc3339(&s.to_time)
            .map(|d| d.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_else(|_| s.to_time.clone());
        let mark = |c: &Change| Mark {
            author: by_key
                .get(&(c.section.clone(), c.key.clone()))
                .cloned()
                .unwrap_or_else(|| "Rapporteur".into()),
            date: date.clone(),
        };
        let (document, _) = redline::revise(&before.document, &after.document, &mark);
        after.document = document;
        after.document.masthead.version = format!(
            "{} — changes since {} marked ({} change(s))",
            after.document.masthead.version,
            label(&s.from),
            authored.len()
        );
        if let Some(source) = source {
            after.report.warnings.extend(source.warnings);
        }
        Ok((after, authored))
    }
}
