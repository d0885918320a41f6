//! What the compiler tells the rapporteur: warnings that point at a session, outcome or
//! paragraph (so the app can jump there), and counts of what was left out.

use serde::Serialize;
use std::fmt;

/// One thing the rapporteur should look at before circulating the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable code: "session-without-summary", "unedited-notes", "unresolved-conflict",
    /// "leftover-name", "dangling-reference", "unknown-speaker".
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph_id: Option<String>,
}

impl Warning {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Warning {
            code,
            message: message.into(),
            session_id: None,
            outcome_id: None,
            paragraph_id: None,
        }
    }
    pub fn session(mut self, id: &str) -> Self {
        self.session_id = Some(id.to_string());
        self
    }
    pub fn outcome(mut self, id: &str) -> Self {
        self.outcome_id = Some(id.to_string());
        self
    }
    pub fn paragraph(mut self, id: &str) -> Self {
        self.paragraph_id = Some(id.to_string());
        self
    }
}

/// The outcome of a compile besides the document itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CompileReport {
    pub warnings: Vec<Warning>,
    /// Outcomes left out because they are (or may be) confidential.
    pub confidential_omitted: usize,
    /// Decided fields printed as bracketed alternatives.
    pub unresolved_conflicts: usize,
    /// Numbered body paragraphs in the draft.
    pub paragraphs: u32,
}

impl CompileReport {
    /// Warnings with the given code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Warning> + 'a {
        self.warnings.iter().filter(move |w| w.code == code)
    }
}

impl fmt::Display for CompileReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} numbered paragraphs; {} confidential item(s) left out; {} unresolved conflict(s); {} warning(s)",
            self.paragraphs,
            self.confidential_omitted,
            self.unresolved_conflicts,
            self.warnings.len()
        )?;
        for w in &self.warnings {
            write!(f, "warning[{}]: {}", w.code, w.message)?;
            let places: Vec<String> = [
                ("session", &w.session_id),
                ("outcome", &w.outcome_id),
                ("paragraph", &w.paragraph_id),
            ]
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {v}")))
            .collect();
            if !places.is_empty() {
                write!(f, " ({})", places.join(", "))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
