//! Full-text search over notes, summaries and outcomes (SQLite FTS5). The user's words are
//! quoted before they reach FTS5, so no query syntax typed by a user can fail or inject.

use super::{Result, Store, StoreError};
use serde::Serialize;

/// One search result: where it is and a snippet with the match marked by `[` `]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub event_id: String,
    pub session_id: String,
    pub session_title: String,
    /// "notes", "summary" or "outcome".
    pub source: String,
    /// Paragraph index (notes, summary) or outcome id.
    pub reference: String,
    pub snippet: String,
}

/// Turns free text into an FTS5 query: every word quoted, the last one as a prefix.
pub fn to_fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut q = words.join(" ");
    q.push('*');
    Some(q)
}

impl Store {
    /// Searches an event (or every event), best matches first.
    pub fn search(
        &self,
        query: &str,
        event_id: Option<&str>,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let Some(q) = to_fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT r.event_id, r.session_id, COALESCE(s.title, ''), r.source, r.ref,
                        snippet(search_index, 0, '[', ']', '…', 12)
                 FROM search_index JOIN text_block r ON r.id = search_index.rowid
                 LEFT JOIN session s ON s.id = r.session_id
                 WHERE search_index MATCH ?1 AND (?2 IS NULL OR r.event_id = ?2)
                 ORDER BY rank LIMIT ?3",
            )
            .map_err(|e| StoreError::sql("searching", e))?;
        let rows = stmt
            .query_map((q, event_id, limit as i64), |r| {
                Ok(SearchHit {
                    event_id: r.get(0)?,
                    session_id: r.get(1)?,
                    session_title: r.get(2)?,
                    source: r.get(3)?,
                    reference: r.get(4)?,
                    snippet: r.get(5)?,
                })
            })
            .map_err(|e| StoreError::sql("searching", e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| StoreError::sql("searching", e))
    }
}

#[cfg(test)]
mod tests {
    use super::to_fts_query;

    #[test]
    fn quotes_words_so_syntax_cannot_break_the_query() {
        assert_eq!(
            to_fts_query("food security").as_deref(),
            Some("\"food\" \"security\"*")
        );
        assert_eq!(
            to_fts_query("\"NEAR(a b)\" OR *").as_deref(),
            Some("\"NEAR\" \"a\" \"b\" \"OR\"*")
        );
        assert_eq!(to_fts_query("  ::: "), None);
    }
}
