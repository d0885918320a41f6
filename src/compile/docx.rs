//! The DOCX writer, on docx-rs: real Word styles (Title, Heading 1–3, "NumberedPara", a
//! table style) and real numbering (an abstract numbering for the body paragraphs, one for
//! (a) subparagraphs restarted per list, one for bullets), so the co-chairs can keep editing
//! in Word or LibreOffice. Nothing active is written: no fields, no macros, and hyperlinks only
//! for the http/https/mailto targets the Markdown reader let through.

use super::tree::{
    is_rtl, plain_text, whole_change, Block, Document, Inline, List, ListStyle, Mark, Part, Table,
    Zone,
};
use super::CompileError;
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Delete, Docx, Hyperlink, HyperlinkType,
    IndentLevel, Insert, Level, LevelJc, LevelOverride, LevelText, LineSpacing, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
    TableCell, TableRow, WidthType,
};

const BODY_NUM: usize = 1;
const LETTER_ABSTRACT: usize = 2;
const BULLET_NUM: usize = 3;
/// Left and right page margins (2 cm), in twentieths of a point.
const MARGIN: i32 = 1134;
/// Width of the text block on A4 with those margins.
const TEXT_WIDTH: usize = 11906 - 2 * MARGIN as usize;

/// Renders the draft as a DOCX package.
pub fn write_docx(doc: &Document) -> Result<Vec<u8>, CompileError> {
    let mut w = DocxWriter {
        docx: Some(base()),
        next_num: 10,
    };
    w.run(doc);
    let docx = w.docx.take().unwrap_or_default();
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut buf)
        .map_err(|e| CompileError::Docx(e.to_string()))?;
    Ok(buf.into_inner())
}

fn heading_style(id: &str, name: &str, size: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .bold()
        .size(size)
        .outline_lvl(level)
        .line_spacing(LineSpacing::new().before(240).after(120))
}

/// An empty package with the styles and numbering definitions the writer uses.
fn base() -> Docx {
    let fonts = RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .cs("Times New Roman");
    let body_level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new("decimal"),
        LevelText::new("%1."),
        LevelJc::new("left"),
    )
    .indent(Some(567), Some(SpecialIndentType::Hanging(567)), None, None);
    let letter_level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new("lowerLetter"),
        LevelText::new("(%1)"),
        LevelJc::new("left"),
    )
    .indent(
        Some(1134),
        Some(SpecialIndentType::Hanging(567)),
        None,
        None,
    );
    let bullet_level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new("bullet"),
        LevelText::new("•"),
        LevelJc::new("left"),
    )
    .indent(Some(567), Some(SpecialIndentType::Hanging(284)), None, None);
    Docx::new()
        .page_margin(
            docx_rs::PageMargin::new()
                .top(1418)
                .bottom(1418)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(fonts)
        .default_size(24)
        .default_line_spacing(LineSpacing::new().after(120))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .size(32),
        )
        .add_style(heading_style("Heading1", "heading 1", 28, 0))
        .add_style(heading_style("Heading2", "heading 2", 24, 1))
        .add_style(heading_style("Heading3", "heading 3", 24, 2).italic())
        .add_style(
            Style::new("NumberedPara", StyleType::Paragraph)
                .name("Numbered Paragraph")
                .based_on("Normal")
                .q_format(true)
                .align(AlignmentType::Both),
        )
        .add_style(
            Style::new("SubPara", StyleType::Paragraph)
                .name("Subparagraph")
                .based_on("Normal")
                .q_format(true),
        )
        .add_style(
            Style::new("TableText", StyleType::Paragraph)
                .name("Table Text")
                .based_on("Normal")
                .q_format(true)
                .size(20)
                .line_spacing(LineSpacing::new().after(0)),
        )
        .add_style(
            Style::new("TableGrid", StyleType::Table)
                .name("Table Grid")
                .set_borders(docx_rs::TableBorders::new()),
        )
        .add_abstract_numbering(AbstractNumbering::new(BODY_NUM).add_level(body_level))
        .add_abstract_numbering(AbstractNumbering::new(LETTER_ABSTRACT).add_level(letter_level))
        .add_abstract_numbering(AbstractNumbering::new(BULLET_NUM).add_level(bullet_level))
        .add_numbering(Numbering::new(BODY_NUM, BODY_NUM))
        .add_numbering(Numbering::new(BULLET_NUM, BULLET_NUM))
}

struct DocxWriter {
    docx: Option<Docx>,
    next_num: usize,
}

impl DocxWriter {
    fn add(&mut self, p: Paragraph) {
        self.docx = self.docx.take().map(|d| d.add_paragraph(p));
    }

    fn run(&mut self, doc: &Document) {
        let m = &doc.masthead;
        if !m.group.is_empty() {
            self.add(inline_para(&[Inline::Strong(vec![Inline::text(&m.group)])]));
        }
        self.add(text_para(&m.title).style("Title"));
        self.add(inline_para(&[Inline::Emphasis(vec![Inline::text(
            &m.status,
        )])]));
        for l in [&m.version, &m.distribution, &m.original] {
            self.add(text_para(l));
        }
        if let Some(n) = &m.note {
            self.add(inline_para(&[Inline::Emphasis(vec![Inline::text(n)])]));
        }
        for (i, p) in doc.front.iter().enumerate() {
            self.part(p, &p.title, part_mark(doc, Zone::Front, i));
        }
        for (i, p) in doc.body.iter().enumerate() {
            let heading = format!("{} {}", p.label, p.title);
            self.part(p, &heading, part_mark(doc, Zone::Body, i));
        }
        for (i, p) in doc.annexes.iter().enumerate() {
            let heading = [Inline::Text(format!("{} — {}", p.label, p.title))];
            let h = inline_para(&marked(&heading, part_mark(doc, Zone::Annexes, i)))
                .style("Heading1")
                .page_break_before(i == 0);
            self.add(h);
            self.blocks(&p.blocks);
        }
    }

    fn part(&mut self, part: &Part, heading: &str, change: Option<(bool, &Mark)>) {
        let heading = [Inline::text(heading.trim())];
        self.add(inline_para(&marked(&heading, change)).style("Heading1"));
        self.blocks(&part.blocks);
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Heading { level, label, text } => {
                    let mut c = Vec::new();
                    if !label.is_empty() {
                        c.push(Inline::Text(format!("{label} ")));
                    }
                    c.extend(text.iter().cloned());
                    let style = if *level <= 2 { "Heading2" } else { "Heading3" };
                    self.add(inline_para(&c).style(style).keep_next(true));
                }
                Block::Para(p) => {
                    if !p.content.is_empty() || p.list.is_none() {
                        let mut para = inline_para(&p.content).style("NumberedPara");
                        if p.number.is_some() {
                            para = para.numbering(NumberingId::new(BODY_NUM), IndentLevel::new(0));
                        }
                        self.add(para);
                    }
                    if let Some(l) = &p.list {
                        self.list(l);
                    }
                }
                Block::Plain(c) => self.add(inline_para(c)),
                Block::List(l) => self.list(l),
                Block::Table(t) => self.table(t),
            }
        }
    }

    fn list(&mut self, l: &List) {
        let num = match l.style {
            ListStyle::Bullet => BULLET_NUM,
            ListStyle::Letter => {
                // A numbering instance per list, so each list starts again at (a).
                let id = self.next_num;
                self.next_num += 1;
                self.docx = self.docx.take().map(|d| {
                    d.add_numbering(
                        Numbering::new(id, LETTER_ABSTRACT)
                            .add_override(LevelOverride::new(0).start(1)),
                    )
                });
                id
            }
        };
        for item in &l.items {
            let p = inline_para(item)
                .style("SubPara")
                .numbering(NumberingId::new(num), IndentLevel::new(0));
            self.add(p);
        }
    }

    fn table(&mut self, t: &Table) {
        let widths = column_widths(t);
        let header = TableRow::new(
            t.header
                .iter()
                .zip(&widths)
                .map(|(h, w)| {
                    TableCell::new().width(*w, WidthType::Dxa).add_paragraph(
                        Paragraph::new()
                            .style("TableText")
                            .add_run(Run::new().add_text(h.as_str()).bold()),
                    )
                })
                .collect(),
        );
        let mut rows = vec![header];
        for row in &t.rows {
            rows.push(TableRow::new(
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| {
                        TableCell::new()
                            .width(*w, WidthType::Dxa)
                            .add_paragraph(inline_para(c).style("TableText"))
                    })
                    .collect(),
            ));
        }
        let table = docx_rs::Table::new(rows)
            .style("TableGrid")
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(docx_rs::TableLayoutType::Fixed);
        self.docx = self.docx.take().map(|d| d.add_table(table));
    }
}

/// Column widths: each column gets room for its longest word (so "FAO" or "2018-02-28" never
/// breaks), and what is left goes to the columns with long text, in proportion to their
/// average length.
fn column_widths(t: &Table) -> Vec<usize> {
    const PER_CHAR: usize = 130;
    const PADDING: usize = 260;
    let mut minimum = Vec::new();
    let mut average = Vec::new();
    for (i, header) in t.header.iter().enumerate() {
        let cells: Vec<String> = t
            .rows
            .iter()
            .filter_map(|r| r.get(i))
            .map(|c| plain_text(c))
            .collect();
        let word = cells
            .iter()
            .chain(std::iter::once(header))
            .flat_map(|c| c.split_whitespace())
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(1)
            .min(18);
        minimum.push(word * PER_CHAR + PADDING);
        average.push(cells.iter().map(|c| c.chars().count()).sum::<usize>() / cells.len().max(1));
    }
    let min_total: usize = minimum.iter().sum();
    if min_total >= TEXT_WIDTH {
        return minimum.iter().map(|m| m * TEXT_WIDTH / min_total).collect();
    }
    let spare = TEXT_WIDTH - min_total;
    let extra: Vec<usize> = average
        .iter()
        .zip(&minimum)
        .map(|(a, m)| (a * PER_CHAR).saturating_sub(*m - PADDING))
        .collect();
    let extra_total: usize = extra.iter().sum();
    minimum
        .iter()
        .zip(&extra)
        .map(|(m, e)| match extra_total {
            0 => m + spare / t.header.len().max(1),
            total => m + spare * e / total,
        })
        .collect()
}

fn text_para(s: &str) -> Paragraph {
    inline_para(&[Inline::text(s)])
}

/// The change of a whole part, as (inserted, mark).
fn part_mark(doc: &Document, zone: Zone, index: usize) -> Option<(bool, &Mark)> {
    doc.part_change(zone, index).map(|c| (c.inserted, &c.mark))
}

/// `content` wrapped as one tracked insertion or deletion, or as it is.
fn marked(content: &[Inline], change: Option<(bool, &Mark)>) -> Vec<Inline> {
    match change {
        Some((true, mark)) => vec![Inline::Inserted {
            mark: mark.clone(),
            content: content.to_vec(),
        }],
        Some((false, mark)) => vec![Inline::Deleted {
            mark: mark.clone(),
            content: content.to_vec(),
        }],
        None => content.to_vec(),
    }
}

/// A paragraph of inline content; right-to-left text gets `w:bidi`. Tracked insertions and
/// deletions become `w:ins` / `w:del` with their author and date.
fn inline_para(content: &[Inline]) -> Paragraph {
    let mut p = Paragraph::new();
    for r in runs(content, Fmt::default()) {
        p = match r {
            Piece::Run(r) => p.add_run(*r),
            Piece::Link(url, rs) => {
                let mut h = Hyperlink::new(url, HyperlinkType::External);
                for r in rs {
                    h = h.add_run(r);
                }
                p.add_hyperlink(h)
            }
            Piece::Inserted(mark, rs) => {
                let mut ins = Insert::new_with_empty()
                    .author(mark.author.as_str())
                    .date(mark.date.as_str());
                for r in rs {
                    ins = ins.add_run(r);
                }
                p.add_insert(ins)
            }
            Piece::Deleted(mark, rs) => {
                let mut del = Delete::new()
                    .author(mark.author.as_str())
                    .date(mark.date.as_str());
                for r in rs {
                    del = del.add_run(r);
                }
                p.add_delete(del)
            }
        };
    }
    match whole_change(content) {
        Some((true, m)) => p = p.insert(m.author.as_str(), m.date.as_str()),
        Some((false, m)) => p = p.delete(m.author.as_str(), m.date.as_str()),
        None => {}
    }
    if is_rtl(&plain_text(content)) {
        p.property = p.property.clone().bidi(true);
    }
    p
}

#[derive(Clone, Copy, Default)]
struct Fmt {
    bold: bool,
    italic: bool,
    /// Inside a tracked deletion: text goes in `w:delText`.
    deleted: bool,
}

enum Piece {
    Run(Box<Run>),
    Link(String, Vec<Run>),
    Inserted(Mark, Vec<Run>),
    Deleted(Mark, Vec<Run>),
}

/// The plain runs of pieces (inside a tracked change a link's runs stand alone: `w:ins` and
/// `w:del` hold runs only).
fn plain_runs(pieces: Vec<Piece>) -> Vec<Run> {
    pieces
        .into_iter()
        .flat_map(|p| match p {
            Piece::Run(r) => vec![*r],
            Piece::Link(_, rs) | Piece::Inserted(_, rs) | Piece::Deleted(_, rs) => rs,
        })
        .collect()
}

fn styled(text: &str, f: Fmt) -> Run {
    let mut r = if f.deleted {
        Run::new().add_delete_text(text)
    } else {
        Run::new().add_text(text)
    };
    if f.bold {
        r = r.bold();
    }
    if f.italic {
        r = r.italic();
    }
    r
}

fn runs(content: &[Inline], f: Fmt) -> Vec<Piece> {
    let mut out = Vec::new();
    for i in content {
        match i {
            Inline::Text(t) => out.push(Piece::Run(Box::new(styled(t, f)))),
            Inline::Emphasis(c) => out.extend(runs(c, Fmt { italic: true, ..f })),
            Inline::Strong(c) => out.extend(runs(c, Fmt { bold: true, ..f })),
            Inline::Link { url, content } => {
                let inner = runs(content, f)
                    .into_iter()
                    .filter_map(|p| match p {
                        Piece::Run(r) => Some((*r).underline("single").color("1F4E79")),
                        Piece::Link(..) | Piece::Inserted(..) | Piece::Deleted(..) => None,
                    })
                    .collect();
                out.push(Piece::Link(url.clone(), inner));
            }
            Inline::LineBreak => out.push(Piece::Run(Box::new(
                Run::new().add_break(BreakType::TextWrapping),
            ))),
            Inline::Code(c) => out.push(Piece::Run(Box::new(
                styled(c, f).fonts(RunFonts::new().ascii("Courier New").hi_ansi("Courier New")),
            ))),
            Inline::Ref { number, .. } => {
                let t = number.map_or_else(|| "[?]".to_string(), |n| n.to_string());
                out.push(Piece::Run(Box::new(styled(&t, f))));
            }
            Inline::Inserted { mark, content } => {
                out.push(Piece::Inserted(mark.clone(), plain_runs(runs(content, f))))
            }
            Inline::Deleted { mark, content } => {
                let inner = runs(content, Fmt { deleted: true, ..f });
                out.push(Piece::Deleted(mark.clone(), plain_runs(inner)));
            }
        }
    }
    out
}
