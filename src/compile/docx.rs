//! The DOCX writer, on docx-rs: real Word styles (Title, Heading 1–3, "NumberedPara", a
//! table style) and real numbering (an abstract numbering for the body paragraphs, one for
//! (a) subparagraphs restarted per list, one for bullets), so the co-chairs can keep editing
//! in Word or LibreOffice. Nothing active is written: no fields, no macros, and hyperlinks only
//! for the http/https/mailto targets the Markdown reader let through.
//!
//! In every language the package says which it is (`w:lang`), numbers paragraphs and
//! subparagraphs the way the catalogue writes them, and names fonts that have the script's
//! glyphs. Right to left: a paragraph whose text starts in Arabic script (or, in an Arabic
//! draft, has no strong character) is `w:bidi`; Arabic-script runs are `w:rtl` with the
//! complex-script font; tables of an Arabic draft are `w:bidiVisual`. docx-rs has no API for
//! `w:rtl`, `w:lang` or a default style, so `docx_bidi` adds them to the XML it writes.

use super::docx_bidi::{self, Fonts};
use super::labels;
use super::tree::{
    first_strong_rtl, is_rtl_char, plain_text, whole_change, Block, Document, Inline, List,
    ListStyle, Mark, Part, Table, Zone,
};
use super::CompileError;
use crate::i18n::Language;
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Delete, Docx, Hyperlink, HyperlinkType,
    IndentLevel, Insert, Level, LevelJc, LevelOverride, LevelText, LineSpacing, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
    TableCell, TableRow, WidthType,
};

/// docx-rs puts a default abstract numbering and numbering with id 1 in every package;
/// ours start at 2 so Word and LibreOffice never pick that one for the body paragraphs.
const BODY_NUM: usize = 4;
const LETTER_ABSTRACT: usize = 2;
const BULLET_NUM: usize = 3;
/// Left and right page margins (2 cm), in twentieths of a point.
const MARGIN: i32 = 1134;
/// Width of the text block on A4 with those margins.
const TEXT_WIDTH: usize = 11906 - 2 * MARGIN as usize;

/// Renders the draft as a DOCX package.
pub fn write_docx(doc: &Document) -> Result<Vec<u8>, CompileError> {
    let lang = doc.language;
    let fonts = Fonts::for_language(lang);
    let mut w = DocxWriter {
        docx: Some(base(lang, &fonts)),
        next_num: 10,
        rtl: lang.is_rtl(),
        cs_font: fonts.cs,
    };
    w.run(doc);
    let docx = w.docx.take().unwrap_or_default();
    let mut xml = docx.build();
    docx_bidi::finish(&mut xml, lang)?;
    let mut buf = std::io::Cursor::new(Vec::new());
    xml.pack(&mut buf)
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
fn base(lang: Language, f: &Fonts) -> Docx {
    let fonts = RunFonts::new()
        .ascii(f.latin)
        .hi_ansi(f.latin)
        .east_asia(f.east_asia)
        .cs(f.cs);
    let (para_format, para_text) = labels::docx_para_numbering(lang);
    let (item_format, item_text) = labels::docx_item_numbering(lang);
    let body_level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new(para_format),
        LevelText::new(para_text),
        LevelJc::new("left"),
    )
    .indent(Some(567), Some(SpecialIndentType::Hanging(567)), None, None);
    let letter_level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new(item_format),
        LevelText::new(item_text),
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
    /// The draft is in a right-to-left language: paragraphs without a strong character
    /// (numbers, dates) take that direction.
    rtl: bool,
    cs_font: &'static str,
}

impl DocxWriter {
    fn add(&mut self, p: Paragraph) {
        self.docx = self.docx.take().map(|d| d.add_paragraph(p));
    }

    fn run(&mut self, doc: &Document) {
        let m = &doc.masthead;
        if !m.group.is_empty() {
            let p = self.para(&[Inline::Strong(vec![Inline::text(&m.group)])]);
            self.add(p);
        }
        let p = self.text_para(&m.title).style("Title");
        self.add(p);
        let p = self.para(&[Inline::Emphasis(vec![Inline::text(&m.status)])]);
        self.add(p);
        for l in [&m.version, &m.distribution, &m.original] {
            let p = self.text_para(l);
            self.add(p);
        }
        if let Some(n) = &m.note {
            let p = self.para(&[Inline::Emphasis(vec![Inline::text(n)])]);
            self.add(p);
        }
        let lang = doc.language;
        for (i, p) in doc.front.iter().enumerate() {
            self.part(p, &p.title, part_mark(doc, Zone::Front, i));
        }
        for (i, p) in doc.body.iter().enumerate() {
            let heading = labels::chapter_heading(lang, &p.label, &p.title);
            self.part(p, &heading, part_mark(doc, Zone::Body, i));
        }
        for (i, p) in doc.annexes.iter().enumerate() {
            let heading = [Inline::Text(labels::annex_heading(
                lang, &p.label, &p.title,
            ))];
            let h = self
                .para(&marked(&heading, part_mark(doc, Zone::Annexes, i)))
                .style("Heading1")
                .page_break_before(i == 0);
            self.add(h);
            self.blocks(&p.blocks);
        }
    }

    fn part(&mut self, part: &Part, heading: &str, change: Option<(bool, &Mark)>) {
        let heading = [Inline::text(heading.trim())];
        let p = self.para(&marked(&heading, change)).style("Heading1");
        self.add(p);
        self.blocks(&part.blocks);
    }

    fn text_para(&self, s: &str) -> Paragraph {
        self.para(&[Inline::text(s)])
    }

    /// A paragraph of inline content, right to left where its text is.
    fn para(&self, content: &[Inline]) -> Paragraph {
        inline_para(content, self.rtl, self.cs_font)
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
                    let p = self.para(&c).style(style).keep_next(true);
                    self.add(p);
                }
                Block::Para(p) => {
                    if !p.content.is_empty() || p.list.is_none() {
                        let mut para = self.para(&p.content).style("NumberedPara");
                        if p.number.is_some() {
                            para = para.numbering(NumberingId::new(BODY_NUM), IndentLevel::new(0));
                        }
                        self.add(para);
                    }
                    if let Some(l) = &p.list {
                        self.list(l);
                    }
                }
                Block::Plain(c) => {
                    let p = self.para(c);
                    self.add(p)
                }
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
            let p = self
                .para(item)
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
                        self.para(&[Inline::Strong(vec![Inline::text(h.as_str())])])
                            .style("TableText"),
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
                            .add_paragraph(self.para(c).style("TableText"))
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

/// A paragraph of inline content. It is right to left (`w:bidi`) when its first strong
/// character is, or when it has none and the document is. Tracked insertions and deletions
/// become `w:ins` / `w:del` with their author and date.
fn inline_para(content: &[Inline], doc_rtl: bool, cs_font: &'static str) -> Paragraph {
    let mut p = Paragraph::new();
    let f = Fmt {
        cs_font,
        ..Fmt::default()
    };
    for r in runs(content, f) {
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
    if first_strong_rtl(&plain_text(content)).unwrap_or(doc_rtl) {
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
    cs_font: &'static str,
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

/// A run of one direction. A right-to-left run names the complex-script font with the hint
/// `cs`, which `docx_bidi` turns into `w:rtl` as well.
fn styled(text: &str, f: Fmt, rtl: bool) -> Run {
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
    if rtl {
        r = r.fonts(RunFonts::new().cs(f.cs_font).hint(docx_bidi::RTL_HINT));
    }
    r
}

/// Splits text into runs of one direction: a stretch of Arabic-script letters (with the
/// spaces and punctuation between them) is one right-to-left run; everything else is
/// left-to-right. Neutral characters (spaces, punctuation, digits) go with the run before
/// them.
fn direction_runs(text: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in text.char_indices() {
        // Letters are strong; Arabic punctuation (، ؛ ؟), digits and spaces are neutral.
        let strong = c.is_alphabetic().then(|| is_rtl_char(c));
        match (current, strong) {
            (None, Some(d)) => current = Some(d),
            (Some(cur), Some(d)) if cur != d => {
                out.push((&text[start..i], cur));
                start = i;
                current = Some(d);
            }
            _ => {}
        }
    }
    if start < text.len() || out.is_empty() {
        out.push((&text[start..], current.unwrap_or(false)));
    }
    out
}

fn runs(content: &[Inline], f: Fmt) -> Vec<Piece> {
    let mut out = Vec::new();
    for i in content {
        match i {
            Inline::Text(t) => {
                for (piece, rtl) in direction_runs(t) {
                    out.push(Piece::Run(Box::new(styled(piece, f, rtl))));
                }
            }
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
            Inline::Code(c) => out
                .push(Piece::Run(Box::new(styled(c, f, false).fonts(
                    RunFonts::new().ascii("Courier New").hi_ansi("Courier New"),
                )))),
            Inline::Ref { number, .. } => {
                let t = number.map_or_else(|| "[?]".to_string(), |n| n.to_string());
                out.push(Piece::Run(Box::new(styled(&t, f, false))));
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

#[cfg(test)]
mod tests {
    use super::direction_runs;

    #[test]
    fn text_splits_into_runs_of_one_direction() {
        assert_eq!(direction_runs("plain text"), vec![("plain text", false)]);
        assert_eq!(
            direction_runs("خلص الفريق إلى أن the GMG should act."),
            vec![("خلص الفريق إلى أن ", true), ("the GMG should act.", false)]
        );
        assert_eq!(
            direction_runs("FAO: نوقش البند 3."),
            vec![("FAO: ", false), ("نوقش البند 3.", true)]
        );
        assert_eq!(direction_runs(""), vec![("", false)]);
        assert_eq!(direction_runs("12 -"), vec![("12 -", false)]);
    }
}
