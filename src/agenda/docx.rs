//! Agendas from Word files (`.docx`).
//!
//! Read with `zip` + `quick-xml` rather than docx-rs's reader: an import only needs the text
//! of paragraphs and table cells from `word/document.xml`, a streaming pass is small and
//! cannot panic on odd documents, and it lets the caps be enforced while reading — at most
//! [`MAX_ENTRIES`] zip entries, [`MAX_XML_BYTES`] of decompressed XML (a zip bomb stops there),
//! [`MAX_PARAGRAPHS`] paragraphs and [`MAX_CELLS`] table cells (bytes alone do not bound the
//! work: a few kilobytes of zip hold hundreds of thousands of empty paragraphs). docx-rs stays
//! a dev-dependency of the tests, which build fixtures with it.
//!
//! The first table that looks like an agenda (a header row of known column names, or a cell
//! holding a time) gives the rows, read by column: a row whose only filled cell holds a day
//! heading in one of its paragraphs starts a day (a heading row merged across the table); a
//! cell's first paragraph is the title and the others its description; cells side by side
//! under no named column are parallel sessions, joined with " | ". The paragraphs outside that
//! table give the meeting's name, date and place (the heading lines above the table). A
//! document without such a table is read as pasted text (the agenda may be written as
//! paragraphs). The `clock` pass settles the times, as for text.

use super::classify::squash;
use super::clock::{self, RawDay, RawRow};
use super::columns::{match_header_row, settle_header, Column, DEFAULT_ORDER};
use super::days::{parse_day_heading, year_in, year_of, DayHeading};
use super::times::{parse_time_cell, spelled_cell};
use super::{concept, text, ImportError};
use crate::model::Agenda;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// At most this many entries in the zip archive.
pub const MAX_ENTRIES: usize = 10_000;
/// At most this many bytes of decompressed `word/document.xml`.
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
/// At most this many paragraphs in the document (a long agenda has a few hundred). Bytes alone
/// do not bound the work: a few megabytes of XML compress to almost nothing and hold hundreds
/// of thousands of empty paragraphs or cells.
pub const MAX_PARAGRAPHS: usize = 20_000;
/// At most this many table cells in the document.
pub const MAX_CELLS: usize = 20_000;

/// A Word table: rows → cells → paragraphs.
pub(crate) type Table = Vec<Vec<Vec<String>>>;

/// The body of a Word document in order: paragraphs and (top-level) tables.
pub(crate) enum Block {
    Para(String),
    Table(Table),
}

fn read_document_xml(bytes: &[u8], source: &str) -> Result<Vec<u8>, ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ImportError::invalid(
            source,
            format!("not a readable DOCX file (the zip archive is damaged or truncated: {e})"),
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(ImportError::invalid(
            source,
            format!(
                "too many entries in the archive ({}; at most {MAX_ENTRIES})",
                archive.len()
            ),
        ));
    }
    let entry = archive.by_name("word/document.xml").map_err(|e| match e {
        zip::result::ZipError::FileNotFound => ImportError::invalid(
            source,
            "a zip archive without word/document.xml: not a Word document",
        ),
        e => ImportError::invalid(source, format!("cannot open word/document.xml: {e}")),
    })?;
    let mut xml = Vec::new();
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| {
            ImportError::invalid(
                source,
                format!("word/document.xml cannot be decompressed: {e}"),
            )
        })?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(ImportError::invalid(
            source,
            format!("word/document.xml is larger than {MAX_XML_BYTES} bytes when decompressed"),
        ));
    }
    Ok(xml)
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// The paragraphs and tables of the document body, in order.
fn blocks(xml: &[u8], source: &str) -> Result<Vec<Block>, ImportError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut table_depth = 0usize;
    let mut table: Table = Vec::new();
    let mut para = String::new();
    let mut cell: Vec<String> = Vec::new();
    let mut in_text = false;
    let (mut paragraphs, mut cells) = (0usize, 0usize);
    let too_many = |what: &str, max: usize| {
        ImportError::invalid(
            source,
            format!("too many {what} in word/document.xml (more than {max}); not an agenda"),
        )
    };
    loop {
        let ev = reader.read_event_into(&mut buf).map_err(|e| {
            ImportError::invalid(
                source,
                format!(
                    "word/document.xml is not valid XML (at byte {}): {e}",
                    reader.buffer_position()
                ),
            )
        })?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => match e.local_name().as_ref() {
                b"tbl" => {
                    table_depth += 1;
                    if table_depth == 1 {
                        table.clear();
                    }
                }
                b"tr" if table_depth == 1 => table.push(Vec::new()),
                b"tc" if table_depth == 1 => cell.clear(),
                b"p" => para.clear(),
                b"t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => para.push('\t'),
                b"br" | b"cr" => para.push('\n'),
                b"p" => {
                    paragraphs += 1;
                    if paragraphs > MAX_PARAGRAPHS {
                        return Err(too_many("paragraphs", MAX_PARAGRAPHS));
                    }
                    if table_depth == 0 {
                        out.push(Block::Para(String::new()));
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    paragraphs += 1;
                    if paragraphs > MAX_PARAGRAPHS {
                        return Err(too_many("paragraphs", MAX_PARAGRAPHS));
                    }
                    let text = std::mem::take(&mut para);
                    if table_depth == 0 {
                        out.push(Block::Para(text));
                    } else {
                        cell.push(text);
                    }
                }
                b"tc" if table_depth >= 1 => {
                    cells += 1;
                    if cells > MAX_CELLS {
                        return Err(too_many("table cells", MAX_CELLS));
                    }
                    if table_depth > 1 {
                        buf.clear();
                        continue;
                    }
                    if let Some(row) = table.last_mut() {
                        row.push(std::mem::take(&mut cell));
                    }
                }
                b"tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    if table_depth == 0 {
                        out.push(Block::Table(std::mem::take(&mut table)));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                para.push_str(&t.decode().unwrap_or_default());
            }
            Event::GeneralRef(r) if in_text => {
                let c = r
                    .resolve_char_ref()
                    .ok()
                    .flatten()
                    .or_else(|| r.decode().ok().and_then(|n| entity(&n)));
                para.extend(c);
            }
            _ => {}
        }
        buf.clear();
    }
    if table_depth > 0 {
        return Err(ImportError::invalid(
            source,
            "word/document.xml ends inside a table",
        ));
    }
    Ok(out)
}

/// The paragraphs and tables of a DOCX file, read within every cap: the reader other importers
/// of Word files (lists of participants) share with this one.
pub(crate) fn read_blocks(bytes: &[u8], source: &str) -> Result<Vec<Block>, ImportError> {
    blocks(&read_document_xml(bytes, source)?, source)
}

/// A cell's paragraphs, spaces squashed, empty ones dropped, joined with "\n".
pub(crate) fn cell_text(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .map(|p| squash(p))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn looks_like_agenda(table: &Table) -> bool {
    table.iter().any(|row| {
        let cells: Vec<String> = row.iter().map(|c| cell_text(c)).collect();
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        match_header_row(&refs).is_some() || cells.iter().any(|c| parse_time_cell(c).is_some())
    })
}

/// A day heading among the paragraphs of a row's only filled cell ("DIGITALSUMMIT2030" /
/// "July 27th, 2016 (Hotel Oasis)").
fn heading_in(cell: &[String]) -> Option<DayHeading> {
    cell.iter().find_map(|p| parse_day_heading(&squash(p)))
}

fn table_days(table: &Table) -> (Vec<RawDay>, usize) {
    let mut columns = DEFAULT_ORDER.to_vec();
    let mut days: Vec<RawDay> = Vec::new();
    let mut headings = 0;
    for row in table {
        let cells: Vec<String> = row.iter().map(|c| cell_text(c)).collect();
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        let filled: Vec<usize> = (0..cells.len()).filter(|&i| !cells[i].is_empty()).collect();
        let time_idx = columns
            .iter()
            .position(|c| matches!(c, Column::Time | Column::Start));
        let time = time_idx
            .and_then(|i| refs.get(i))
            .and_then(|c| spelled_cell(c));
        if time.is_none() {
            if let Some(cols) = match_header_row(&refs) {
                columns = settle_header(cols);
                continue;
            }
            if let [only] = filled.as_slice() {
                if let Some(h) = heading_in(&row[*only]) {
                    headings += 1;
                    days.push(RawDay::new(Some(h)));
                    continue;
                }
            }
        }
        let mut raw = RawRow {
            times: time,
            glued: true,
            ..RawRow::default()
        };
        let mut others = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            match columns.get(i).copied().unwrap_or(Column::Other) {
                Column::End => {
                    if let (Some(t), Some(e)) = (raw.times.as_mut(), spelled_cell(cell)) {
                        t.end = Some(e.start);
                        t.end_marked = e.start_marked;
                    }
                }
                Column::Other if !cell.is_empty() && time_idx.is_some_and(|t| i > t) => {
                    others.push(cell.lines().next().unwrap_or("").trim().to_string());
                }
                col => raw.cells.add(col, cell, "; "),
            }
        }
        if raw.cells.title.is_empty() && !others.is_empty() {
            raw.cells.title = others.join(" | ");
        }
        if raw.cells.is_empty() || (time.is_none() && raw.cells.title.is_empty()) {
            continue;
        }
        if days.is_empty() {
            days.push(RawDay::default());
        }
        if let Some(day) = days.last_mut() {
            day.rows.push(raw);
        }
    }
    (days, headings)
}

pub fn import(bytes: &[u8], source: &str) -> Result<Agenda, ImportError> {
    let blocks = read_blocks(bytes, source)?;
    let agenda_table = blocks.iter().position(|b| match b {
        Block::Table(t) => looks_like_agenda(t),
        Block::Para(_) => false,
    });
    let paragraphs: Vec<&str> = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != agenda_table)
        .filter_map(|(_, b)| match b {
            Block::Para(p) => Some(p.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    let prose = paragraphs.join("\n");
    let event = concept::extract(&prose);
    let ctx = text::DateContext {
        start: event.start_date,
        end: event.end_date,
    };
    let settled = match agenda_table.and_then(|i| blocks.get(i)) {
        Some(Block::Table(t)) => {
            let (days, headings) = table_days(t);
            let table_text: String = t
                .iter()
                .flatten()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            let heading_year = days
                .iter()
                .find_map(|d| d.heading.as_ref().and_then(|h| h.year));
            let year = year_of(event.start_date)
                .or(heading_year)
                .or_else(|| year_in(&table_text));
            clock::settle(days, headings > 0, year, ctx.start, ctx.end)
        }
        _ => text::parse_days(&prose, ctx),
    };
    if settled.days.is_empty() {
        return Err(ImportError::NoRows {
            file: source.to_string(),
            hint: "no table with times and no paragraph starting with a time range".into(),
        });
    }
    Ok(super::finish(event, settled))
}
