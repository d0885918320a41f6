//! The units the comparison aligns, and their keys: a paragraph by its stable id (or, for a
//! paragraph drawn from a summary's Markdown, which has only a position, by its text within its
//! session), a heading or plain paragraph by its text, a list item or a table row by the
//! paragraph it points to (an outcome) or else its text. Also the small helpers that mark a whole
//! unit and list a word diff.

use super::super::tree::{plain_text, Block, Inline, Mark, Table};
use super::align::Keyed;
use super::tokens::{self, Run};
use super::Word;

/// A paragraph id that is only a position in a summary or notes (`<session>/summary/3`).
pub(super) fn positional(id: &str) -> Option<&str> {
    let (group, n) = id.rsplit_once('/')?;
    (n.chars().all(|c| c.is_ascii_digit())
        && (group.ends_with("/summary") || group.ends_with("/notes")))
    .then_some(group)
}

pub(super) fn first_ref(content: &[Inline]) -> Option<String> {
    content.iter().find_map(|i| match i {
        Inline::Ref { target, .. } => Some(target.clone()),
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => first_ref(c),
        _ => None,
    })
}

pub(super) fn block_key(b: &Block) -> Keyed {
    let (key, family, text) = match b {
        Block::Para(p) => {
            let text = plain_text(&p.content);
            match positional(&p.id) {
                Some(group) => (format!("{group}#{text}"), Some(group.to_string()), text),
                None => (format!("p:{}", p.id), None, text),
            }
        }
        Block::Heading { text, .. } => {
            let t = plain_text(text);
            (format!("h#{t}"), Some("h".into()), t)
        }
        Block::Plain(c) => {
            let t = plain_text(c);
            (format!("t#{t}"), Some("t".into()), t)
        }
        Block::List(_) => ("list".into(), None, String::new()),
        Block::Table(t) => (format!("table#{}", t.header.join("|")), None, String::new()),
    };
    Keyed { key, family, text }
}

pub(super) fn item_key(content: &[Inline], family: &str) -> Keyed {
    let text = plain_text(content);
    match first_ref(content) {
        Some(r) => Keyed {
            key: format!("r:{r}"),
            family: None,
            text,
        },
        None => Keyed {
            key: format!("{family}#{text}"),
            family: Some(family.into()),
            text,
        },
    }
}

/// Whether the table's first column only numbers its rows ("No."): not compared.
pub(super) fn numbered(t: &Table) -> usize {
    usize::from(t.header.first().is_some_and(|h| h == "No."))
}

pub(super) fn row_text(row: &[Vec<Inline>], skip: usize) -> String {
    row.iter()
        .skip(skip)
        .map(|c| plain_text(c))
        .collect::<Vec<_>>()
        .join(" | ")
}

pub(super) fn row_key(row: &[Vec<Inline>], skip: usize) -> Keyed {
    let refs = row.iter().find_map(|c| first_ref(c));
    let text = row_text(row, skip);
    match refs {
        Some(r) => Keyed {
            key: format!("r:{r}"),
            family: None,
            text,
        },
        None => Keyed {
            key: format!("row#{text}"),
            family: Some("row".into()),
            text,
        },
    }
}

pub(super) fn wrap(content: &[Inline], inserted: bool, mark: &Mark) -> Vec<Inline> {
    if content.is_empty() {
        return Vec::new();
    }
    let content = content.to_vec();
    let mark = mark.clone();
    vec![if inserted {
        Inline::Inserted { mark, content }
    } else {
        Inline::Deleted { mark, content }
    }]
}

pub(super) fn words_of(runs: &[Run]) -> Vec<Word> {
    runs.iter()
        .map(|r| match r {
            Run::Same(t) => Word {
                op: "equal",
                text: tokens::text(t),
            },
            Run::Deleted(t) => Word {
                op: "delete",
                text: tokens::text(t),
            },
            Run::Inserted(t) => Word {
                op: "insert",
                text: tokens::text(t),
            },
        })
        .collect()
}
