//! Lists in spreadsheets (`.xlsx`), read with calamine cell by cell from the first sheet that
//! has people. Before calamine sees the archive, every entry is decompressed once into a sink
//! to measure it (a zip bomb stops at [`MAX_ENTRY_BYTES`] or [`MAX_TOTAL_BYTES`]), and cells
//! are streamed, not laid out as a dense range, so a sheet with one cell at XFD1048576 costs
//! nothing; rows and columns past the caps are refused with the cell that reached them.

use super::{table, ListError, ListFormat, ParsedList, MAX_COLUMNS, MAX_ROWS};
use calamine::{DataType, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// At most this many entries in the archive.
pub const MAX_ENTRIES: usize = 10_000;
/// At most this many bytes in one decompressed entry.
pub const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// At most this many decompressed bytes in the whole archive.
pub const MAX_TOTAL_BYTES: u64 = 160 * 1024 * 1024;

fn check_archive(bytes: &[u8], source: &str) -> Result<(), ListError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ListError::invalid(
            source,
            format!("not a readable XLSX file (the zip archive is damaged or truncated: {e})"),
        )
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err(ListError::invalid(
            source,
            format!(
                "too many entries in the archive ({}; at most {MAX_ENTRIES})",
                zip.len()
            ),
        ));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| {
            ListError::invalid(
                source,
                format!("entry {i} of the archive cannot be opened: {e}"),
            )
        })?;
        let name = entry.name().to_string();
        let n = std::io::copy(&mut entry.take(MAX_ENTRY_BYTES + 1), &mut std::io::sink()).map_err(
            |e| ListError::invalid(source, format!("{name} cannot be decompressed: {e}")),
        )?;
        if n > MAX_ENTRY_BYTES {
            return Err(ListError::invalid(
                source,
                format!("{name} is larger than {MAX_ENTRY_BYTES} bytes when decompressed"),
            ));
        }
        total += n;
        if total > MAX_TOTAL_BYTES {
            return Err(ListError::invalid(
                source,
                format!("the archive holds more than {MAX_TOTAL_BYTES} bytes when decompressed"),
            ));
        }
    }
    Ok(())
}

fn sheet_rows(
    book: &mut Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    source: &str,
) -> Result<Vec<(usize, Vec<String>)>, ListError> {
    let bad = |e: calamine::XlsxError| {
        ListError::invalid(source, format!("sheet {sheet:?} cannot be read: {e}"))
    };
    let mut reader = book.worksheet_cells_reader(sheet).map_err(bad)?;
    let mut rows: BTreeMap<u32, BTreeMap<u32, String>> = BTreeMap::new();
    let mut cells = 0usize;
    while let Some(cell) = reader.next_cell().map_err(bad)? {
        let (r, c) = cell.get_position();
        let value = cell.get_value();
        let text = value
            .as_string()
            .or_else(|| {
                value.as_f64().map(|f| {
                    if f.fract() == 0.0 && f.abs() < 1e15 {
                        format!("{}", f as i64)
                    } else {
                        f.to_string()
                    }
                })
            })
            .unwrap_or_default();
        if text.trim().is_empty() {
            continue;
        }
        if r as usize >= MAX_ROWS || c as usize >= MAX_COLUMNS {
            return Err(ListError::at(
                source,
                r as usize + 1,
                format!("sheet {sheet:?} has a cell at row {}, column {} (at most {MAX_ROWS} rows and {MAX_COLUMNS} columns are read)", r + 1, c + 1),
            ));
        }
        cells += 1;
        if cells > MAX_ROWS * 4 {
            return Err(ListError::invalid(
                source,
                format!(
                    "sheet {sheet:?} has more than {} filled cells",
                    MAX_ROWS * 4
                ),
            ));
        }
        rows.entry(r).or_default().insert(c, text);
    }
    Ok(rows
        .into_iter()
        .map(|(r, cols)| {
            let width = cols.keys().next_back().map_or(0, |c| *c as usize + 1);
            let mut v = vec![String::new(); width];
            for (c, t) in cols {
                v[c as usize] = t;
            }
            (r as usize + 1, v)
        })
        .collect())
}

pub fn read(bytes: &[u8], source: &str) -> Result<ParsedList, ListError> {
    check_archive(bytes, source)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ListError::invalid(source, format!("not a readable XLSX workbook: {e}")))?;
    let names = book.sheet_names().to_vec();
    let mut first_error = None;
    for name in &names {
        let rows = sheet_rows(&mut book, name, source)?;
        match table::from_rows(rows, source, ListFormat::Xlsx) {
            Ok(list) if !list.people.is_empty() => return Ok(list),
            Ok(_) => {}
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(ParsedList {
            source: source.to_string(),
            format: ListFormat::Xlsx,
            people: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
        }),
    }
}
