//! The document tree: what the draft conclusions say, independent of any output format.
//!
//! `build` fills it from an `EventSnapshot`, `number` assigns paragraph numbers and resolves
//! cross-references, and each writer (`md`, `html`, `docx`) walks it. Keeping the tree plain
//! data lets the form of the document be tested once and rendered many ways.

use serde::Serialize;

/// The whole draft: masthead, unnumbered front matter, numbered body, unnumbered annexes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// The language the draft is written in: the writers number and label in it and mark
    /// its direction.
    pub language: crate::i18n::Language,
    pub masthead: Masthead,
    pub front: Vec<Part>,
    pub body: Vec<Part>,
    pub annexes: Vec<Part>,
    /// Parts added or removed as a whole since an earlier version (only in a draft compiled
    /// with `--changes-since`; see `super::redline`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changed_parts: Vec<PartChange>,
}

/// Which list of parts a part is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Zone {
    Front,
    Body,
    Annexes,
}

/// A part that is new, or gone, since the version a draft is compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartChange {
    pub zone: Zone,
    pub index: usize,
    pub inserted: bool,
    pub mark: Mark,
}

/// Who made a tracked change and when (RFC 3339), as Word records it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub author: String,
    pub date: String,
}

impl Document {
    /// The change of a whole part, if it was added or removed.
    pub fn part_change(&self, zone: Zone, index: usize) -> Option<&PartChange> {
        self.changed_parts
            .iter()
            .find(|c| c.zone == zone && c.index == index)
    }
}

/// The block at the top of the first page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Masthead {
    /// The organising group; empty when unknown.
    pub group: String,
    /// "Draft conclusions of the …, dates, venue".
    pub title: String,
    /// "DRAFT — for consideration by the Principals".
    pub status: String,
    /// "Version 0.3 — compiled on 15 February 2018".
    pub version: String,
    /// "Distribution: Restricted".
    pub distribution: String,
    /// "Original: English".
    pub original: String,
    /// The Chatham House note, in the non-attributed mode only.
    pub note: Option<String>,
}

/// A top-level part: a front-matter section, a body chapter ("I.") or an annex ("Annex I").
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Part {
    /// "I.", "Annex II" or empty for front matter.
    pub label: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// Block content of a part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Block {
    /// A subsection heading inside a part; `level` 2 is "A.", 3 is "1.".
    Heading {
        level: u8,
        label: String,
        text: Vec<Inline>,
    },
    /// A body paragraph: numbered when it sits in the body.
    Para(Para),
    /// An unnumbered paragraph (front matter, annexes, notes under a table).
    Plain(Vec<Inline>),
    List(List),
    Table(Table),
}

/// A paragraph with a stable id; `number` is filled by `number::assign` for body paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Para {
    pub id: String,
    pub number: Option<u32>,
    pub content: Vec<Inline>,
    /// Subparagraphs (a), (b) … or bullets that belong to this paragraph.
    pub list: Option<List>,
}

/// How list items are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ListStyle {
    /// (a), (b), (c) …
    Letter,
    Bullet,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct List {
    pub style: ListStyle,
    pub items: Vec<Vec<Inline>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// Inline content. `Ref` points at a paragraph id and is printed as that paragraph's number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    /// Only http, https and mailto URLs ever get here.
    Link {
        url: String,
        content: Vec<Inline>,
    },
    LineBreak,
    Code(String),
    Ref {
        target: String,
        number: Option<u32>,
    },
    /// Text added since an earlier version (a tracked insertion).
    Inserted {
        mark: Mark,
        content: Vec<Inline>,
    },
    /// Text removed since an earlier version (a tracked deletion).
    Deleted {
        mark: Mark,
        content: Vec<Inline>,
    },
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text(s.into())
    }
}

/// When every piece of inline content is a tracked insertion (or every piece a deletion), the
/// paragraph itself is new (or gone): `(inserted, mark)`. Writers mark its number and, in Word,
/// its paragraph mark too, so accepting or rejecting the change leaves no empty paragraph.
pub fn whole_change(content: &[Inline]) -> Option<(bool, &Mark)> {
    let first = match content.first()? {
        Inline::Inserted { mark, .. } => (true, mark),
        Inline::Deleted { mark, .. } => (false, mark),
        _ => return None,
    };
    let all = content.iter().all(|i| match i {
        Inline::Inserted { .. } => first.0,
        Inline::Deleted { .. } => !first.0,
        _ => false,
    });
    all.then_some(first)
}

/// Lower-case letter label for the n-th item (0 → "a", 25 → "z", 26 → "aa").
pub fn letter(n: usize) -> String {
    let c = (b'a' + (n % 26) as u8) as char;
    c.to_string().repeat(n / 26 + 1)
}

/// Upper-case Roman numeral for 1..=3999.
pub fn roman(mut n: u32) -> String {
    const T: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in T {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// The plain text of inlines, references printed as their numbers ("?" when unresolved).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    push_plain(&mut s, inlines);
    s
}

fn push_plain(s: &mut String, inlines: &[Inline]) {
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => s.push_str(t),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Link { content: c, .. }
            | Inline::Inserted { content: c, .. } => push_plain(s, c),
            // Plain text is the text as it now reads.
            Inline::Deleted { .. } => {}
            Inline::LineBreak => s.push(' '),
            Inline::Ref { number, .. } => match number {
                Some(n) => s.push_str(&n.to_string()),
                None => s.push('?'),
            },
        }
    }
}

/// Whether a character belongs to a right-to-left script (Hebrew, Arabic, Syriac, Thaana …).
pub fn is_rtl_char(c: char) -> bool {
    let u = c as u32;
    (0x0590..=0x08FF).contains(&u)
        || (0xFB1D..=0xFDFF).contains(&u)
        || (0xFE70..=0xFEFF).contains(&u)
}

/// The direction of text's first strong character: `Some(true)` right to left, `Some(false)`
/// left to right, `None` when it has none (digits, punctuation), so the paragraph takes the
/// document's direction — the rule of the Unicode bidirectional algorithm (P2, P3).
pub fn first_strong_rtl(text: &str) -> Option<bool> {
    for c in text.chars() {
        if c.is_alphabetic() {
            return Some(is_rtl_char(c));
        }
    }
    None
}

/// Whether text should be laid out right to left: its first strong character is Hebrew or
/// Arabic script.
pub fn is_rtl(text: &str) -> bool {
    first_strong_rtl(text) == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(letter(0), "a");
        assert_eq!(letter(27), "bb");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(19), "XIX");
    }

    #[test]
    fn rtl_detection() {
        assert!(is_rtl("  «مرحبا» world"));
        assert!(is_rtl("שלום"));
        assert!(!is_rtl("123 hello مرحبا"));
    }
}
