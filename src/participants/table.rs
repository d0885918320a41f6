//! Lists as rows of cells: CSV files, XLSX sheets, DOCX tables and text in columns. A header
//! row (looked for among the first rows, in the six languages) says which column holds what;
//! rows above it are the list's title rows. A row with one filled cell is a heading (a section,
//! or a group such as a delegation). Without a header, a row reads like a "Name, Title,
//! Organisation" line. A "Title" column holds honorifics when most of its values are ones,
//! else job titles.

use super::layout::{self, known_heading, person, written_group, Heading};
use super::names::{
    email_in, looks_like_bare_name, looks_like_position, split_honorifics, starts_with_honorific,
};
use super::{
    ListError, ListFormat, ListedPerson, ParsedList, Warning, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS,
};
use crate::entities::{fold, match_organisation};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    First,
    Last,
    Title,
    Position,
    Organisation,
    Delegation,
    Country,
    Email,
}

fn field_of(header: &str) -> Option<Field> {
    use Field::*;
    let h = fold(header);
    let h = h.trim_end_matches(" s").trim();
    Some(match h {
        "name"
        | "full name"
        | "participant"
        | "participant name"
        | "name of participant"
        | "names"
        | "nom"
        | "nom complet"
        | "nom et prenom"
        | "nom prenom"
        | "prenom et nom"
        | "nombre completo"
        | "nombre y apellido"
        | "nombre y apellidos"
        | "nombres y apellidos"
        | "participante"
        | "имя"
        | "фио"
        | "ф и о"
        | "姓名"
        | "الاسم" => Name,
        "first name"
        | "firstname"
        | "given name"
        | "first"
        | "forename"
        | "prenom"
        | "nombres"
        | "имя отчество" => First,
        "last name" | "lastname" | "surname" | "family name" | "last" | "nom de famille"
        | "apellido" | "apellidos" | "фамилия" => Last,
        "title" | "salutation" | "honorific" | "prefix" | "civilite" | "tratamiento" | "mr ms" => {
            Title
        }
        "position" | "job title" | "function" | "designation" | "post" | "role" | "fonction"
        | "titre" | "poste" | "cargo" | "puesto" | "должность" | "职务" | "المنصب" | "الوظيفة" => {
            Position
        }
        "organization"
        | "organisation"
        | "affiliation"
        | "institution"
        | "agency"
        | "entity"
        | "company"
        | "organization name"
        | "organisation name"
        | "organisme"
        | "institucion"
        | "organizacion"
        | "entidad"
        | "организация"
        | "组织"
        | "机构"
        | "单位"
        | "الجهة"
        | "المنظمة"
        | "department"
        | "ministry" => Organisation,
        "delegation" | "delegacion" | "делегация" | "代表团" | "الوفد" => {
            Delegation
        }
        "country" | "pays" | "pais" | "страна" | "国家" | "البلد" => Country,
        "email"
        | "e mail"
        | "mail"
        | "email address"
        | "e mail address"
        | "courriel"
        | "adresse electronique"
        | "correo"
        | "correo electronico"
        | "электронная почта"
        | "电子邮件"
        | "البريد الالكتروني"
        | "البريد الإلكتروني" => Email,
        _ => return None,
    })
}

/// The header row among the first rows: at least two known columns, one of them a name.
fn find_header(rows: &[(usize, Vec<String>)]) -> Option<(usize, Vec<Option<Field>>)> {
    rows.iter()
        .take(25)
        .enumerate()
        .find_map(|(i, (_, cells))| {
            let fields: Vec<Option<Field>> = cells.iter().map(|c| field_of(c)).collect();
            let known = fields.iter().flatten().count();
            let named = fields
                .iter()
                .any(|f| matches!(f, Some(Field::Name | Field::First | Field::Last)));
            (known >= 2 && named).then_some((i, fields))
        })
}

fn filled(cells: &[String]) -> Vec<&str> {
    cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Reads rows of cells (each with its line or row number) into a list.
pub fn from_rows(
    rows: Vec<(usize, Vec<String>)>,
    source: &str,
    format: ListFormat,
) -> Result<ParsedList, ListError> {
    if rows.len() > MAX_ROWS {
        return Err(ListError::invalid(
            source,
            format!("more than {MAX_ROWS} rows; split the list"),
        ));
    }
    for (n, cells) in &rows {
        if cells.len() > MAX_COLUMNS {
            return Err(ListError::at(
                source,
                *n,
                format!("more than {MAX_COLUMNS} columns"),
            ));
        }
        if cells.iter().any(|c| c.chars().count() > MAX_CELL_CHARS) {
            return Err(ListError::at(
                source,
                *n,
                format!("a cell longer than {MAX_CELL_CHARS} characters"),
            ));
        }
    }
    let mut list = ParsedList {
        source: source.to_string(),
        format,
        people: Vec::new(),
        skipped: Vec::new(),
        warnings: Vec::new(),
    };
    let headers: HashMap<String, usize> = HashMap::new();
    let header = find_header(&rows);
    let start = header.as_ref().map_or(0, |(i, _)| *i + 1);
    for (n, cells) in &rows[..start.saturating_sub(1)] {
        let text = filled(cells).join(" ");
        list.skipped.push(super::SkippedRow {
            line: *n,
            text,
            why: "heading",
        });
    }
    let fields = header.map(|(_, f)| f);
    let titles = fields
        .as_ref()
        .map_or(TitleColumn::Position, |f| title_column(f, &rows[start..]));
    let mut group: Option<Heading> = None;
    for (k, (n, cells)) in rows[start..].iter().enumerate() {
        let full = filled(cells);
        if full.is_empty() {
            continue;
        }
        let single = full.len() == 1 && !full[0].contains('\n');
        if single {
            let t = full[0];
            let next_is_person = rows[start + k + 1..]
                .iter()
                .map(|(_, c)| filled(c))
                .find(|c| !c.is_empty())
                .is_some_and(|c| c.len() > 1 || starts_with_honorific(c[0]));
            let is_name_only = fields.as_ref().is_some_and(|f| {
                cells
                    .iter()
                    .position(|c| !c.trim().is_empty())
                    .and_then(|i| f.get(i).copied().flatten())
                    == Some(Field::Name)
            }) && (starts_with_honorific(t) || looks_like_bare_name(t));
            if !is_name_only {
                match known_heading(t, &headers)
                    .or_else(|| written_group(t).filter(|_| next_is_person))
                {
                    Some(h @ Heading::Group { .. }) => group = Some(h),
                    Some(h) => {
                        if h == Heading::Section {
                            group = None;
                        }
                        list.skipped.extend(layout::skipped(*n, t, &h));
                    }
                    None => list
                        .skipped
                        .extend(layout::skipped(*n, t, &Heading::Section)),
                }
                continue;
            }
        }
        let p = match &fields {
            Some(f) => by_columns(*n, cells, f, titles, group.as_ref()),
            None => by_order(*n, &full, group.as_ref()),
        };
        match p {
            Some(p) => list.people.push(p),
            None => {
                list.warnings.push(Warning {
                    line: *n,
                    message: format!("no name in this row ({}); skipped", full.join(" | ")),
                });
                list.skipped.push(super::SkippedRow {
                    line: *n,
                    text: full.join(" | "),
                    why: "empty",
                });
            }
        }
    }
    Ok(list)
}

/// What a "Title" column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleColumn {
    Honorific,
    Position,
    /// Something else: talk titles in a workshop's list (long values).
    Other,
}

fn title_column(fields: &[Option<Field>], rows: &[(usize, Vec<String>)]) -> TitleColumn {
    let Some(col) = fields.iter().position(|f| *f == Some(Field::Title)) else {
        return TitleColumn::Position;
    };
    let values: Vec<&str> = rows
        .iter()
        .filter_map(|(_, c)| c.get(col).map(|v| v.trim()))
        .filter(|v| !v.is_empty())
        .collect();
    let honorific = values
        .iter()
        .filter(|v| starts_with_honorific(&format!("{v} X")))
        .count();
    let words: usize = values.iter().map(|v| v.split_whitespace().count()).sum();
    let positions = values.iter().filter(|v| looks_like_position(v)).count();
    if !values.is_empty() && honorific * 2 >= values.len() {
        TitleColumn::Honorific
    } else if positions * 2 >= values.len() || words <= values.len() * 3 {
        TitleColumn::Position
    } else {
        TitleColumn::Other
    }
}

fn by_columns(
    line: usize,
    cells: &[String],
    fields: &[Option<Field>],
    titles: TitleColumn,
    group: Option<&Heading>,
) -> Option<ListedPerson> {
    let get = |want: Field| -> String {
        fields
            .iter()
            .zip(cells)
            .filter(|(f, _)| **f == Some(want))
            .map(|(_, c)| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    // First and last names when the list splits them, else the name column.
    let split = fields
        .iter()
        .any(|f| matches!(f, Some(Field::First | Field::Last)));
    let name_cell = if split {
        [get(Field::First), get(Field::Last)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        get(Field::Name)
    };
    // A name cell may hold more lines (a Word cell with the position under the name).
    let mut name_lines = name_cell.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = name_lines.next()?.to_string();
    let extra: Vec<String> = name_lines.map(String::from).collect();
    let (mut title, name) = split_honorifics(&first);
    if name.is_empty() || !name.chars().any(char::is_alphabetic) {
        return None;
    }
    let title_cell = get(Field::Title);
    let mut position: Vec<String> = Vec::new();
    match titles {
        TitleColumn::Honorific if !title_cell.is_empty() => {
            title = [title_cell, title]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
        }
        TitleColumn::Position if !title_cell.is_empty() => position.push(title_cell),
        _ => {}
    }
    position.extend(extra);
    let pos = get(Field::Position);
    if !pos.is_empty() {
        position.push(pos);
    }
    let organisation = get(Field::Organisation).replace('\n', ", ");
    let delegation = get(Field::Delegation);
    let country = get(Field::Country);
    let email = email_in(&get(Field::Email))
        .or_else(|| cells.iter().find_map(|c| email_in(c)))
        .unwrap_or_default();
    let matched = |s: &str| match_organisation(s).unwrap_or_else(|| s.to_string());
    let (entity, organisation) = if !delegation.is_empty() {
        (
            matched(&delegation),
            if organisation.is_empty() {
                delegation
            } else {
                organisation
            },
        )
    } else if !organisation.is_empty() {
        (matched(&organisation), organisation)
    } else if let Some(Heading::Group { entity, written }) = group {
        (entity.clone(), written.clone())
    } else {
        (matched(&country), country)
    };
    Some(ListedPerson {
        line,
        name,
        title,
        position: position.join(", ").replace('\n', ", "),
        organisation,
        entity,
        email,
    })
}

/// A row without a header: its filled cells in order, like a "Name, Title, Organisation" line.
fn by_order(line: usize, full: &[&str], group: Option<&Heading>) -> Option<ListedPerson> {
    let parts: Vec<String> = full
        .iter()
        .flat_map(|c| c.lines())
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let first = parts.first()?;
    if !(starts_with_honorific(first) || looks_like_bare_name(first)) {
        return None;
    }
    Some(person(line, first, &parts[1..], group))
}

/// A CSV file: the delimiter (comma, semicolon or tab) is sniffed from the first lines.
pub fn read_csv(bytes: &[u8], source: &str) -> Result<ParsedList, ListError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ListError::invalid(
            source,
            format!(
                "not UTF-8 text (invalid byte at offset {}); save the CSV as UTF-8",
                e.valid_up_to()
            ),
        )
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| head.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            ListError::at(source, line, format!("not readable as CSV: {e}"))
        })?;
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        if rows.len() >= MAX_ROWS {
            return Err(ListError::at(
                source,
                line,
                format!("more than {MAX_ROWS} rows; split the list"),
            ));
        }
        rows.push((line, record.iter().map(String::from).collect()));
    }
    from_rows(rows, source, ListFormat::Csv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_several_languages() {
        let csv = "Liste des participants;;;\nCivilité;Nom;Organisation;Courriel\nMme;Claire Martin;Organisation internationale pour les migrations;c.martin@example.org\nM.;Jean Dupont;Ministère de l'Intérieur;\n";
        let list = read_csv(csv.as_bytes(), "l.csv").unwrap();
        assert_eq!(list.people.len(), 2);
        assert_eq!(list.people[0].title, "Mme");
        assert_eq!(list.people[0].entity, "IOM");
        assert_eq!(list.people[0].email, "c.martin@example.org");
        assert_eq!(list.people[1].entity, "Ministère de l'Intérieur");
        assert_eq!(list.skipped.len(), 1);
    }

    #[test]
    fn a_title_column_of_job_titles_is_the_position() {
        let csv = "Name,Title,Organization\nAna Ruiz,Director,UNICEF\n\"Observers\",,\nLi Wei,Adviser,Holy See\n";
        let list = read_csv(csv.as_bytes(), "l.csv").unwrap();
        assert_eq!(list.people[0].position, "Director");
        assert_eq!(list.people[0].title, "");
        assert_eq!(list.people[1].entity, "Holy See");
        assert_eq!(
            list.skipped.iter().filter(|s| s.why == "heading").count(),
            1
        );
    }

    #[test]
    fn broken_csv_names_its_line() {
        let err = read_csv(b"Name,Org\n\"open quote,x\n", "b.csv");
        // An unterminated quote runs to the end: the csv crate reads it as one field.
        assert!(err.is_ok() || err.unwrap_err().to_string().contains("b.csv"));
        let err = read_csv(&[0xff, 0xfe, 0x41], "b.csv").unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }
}
