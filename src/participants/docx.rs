//! Lists in Word files: the tables of the document (the agenda importer's capped DOCX reader
//! gives the body), read as rows of cells, each cell's paragraphs on separate lines. A document
//! without a table is read as text, a paragraph a line (lists written as paragraphs or blocks).

use super::{table, text, ListError, ListFormat, ParsedList};
use crate::agenda::docx::{read_blocks, Block};

pub fn read(bytes: &[u8], source: &str) -> Result<ParsedList, ListError> {
    let blocks = read_blocks(bytes, source)
        .map_err(|e| ListError::invalid(source, strip_source(&e.to_string(), source)))?;
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    for b in &blocks {
        match b {
            Block::Table(t) => {
                for row in t {
                    let cells = row
                        .iter()
                        .map(|c| {
                            c.iter()
                                .map(|p| p.trim())
                                .filter(|p| !p.is_empty())
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .collect();
                    rows.push((rows.len() + 1, cells));
                }
            }
            Block::Para(p) => paragraphs.push(p.clone()),
        }
    }
    if rows.is_empty() {
        return text::read(&paragraphs.join("\n"), source).map(|mut l| {
            l.format = ListFormat::Docx;
            l
        });
    }
    // The paragraphs above the tables (the list's title) are counted as skipped headings.
    let mut list = table::from_rows(rows, source, ListFormat::Docx)?;
    let titles = paragraphs.iter().filter(|p| !p.trim().is_empty()).take(10);
    for (i, p) in titles.enumerate() {
        list.skipped.insert(
            i,
            super::SkippedRow {
                line: 0,
                text: p.trim().to_string(),
                why: "heading",
            },
        );
    }
    Ok(list)
}

/// The agenda reader's message names the file first: keep only what follows it.
fn strip_source(message: &str, source: &str) -> String {
    message
        .strip_prefix(source)
        .map(|m| m.trim_start_matches(':').trim().to_string())
        .unwrap_or_else(|| message.to_string())
}
