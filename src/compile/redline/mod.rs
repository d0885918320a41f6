//! Two compiled drafts compared: what was added, removed or changed, paragraph by paragraph
//! with the words that changed ([`compare`]), and the later draft with those changes marked as
//! tracked insertions and deletions ([`revise`]), which each writer renders its own way (Word
//! `w:ins`/`w:del`, HTML `<ins>`/`<del>`, CriticMarkup in Markdown).
//!
//! Parts are matched by title, units inside them (paragraphs, headings, list items, table
//! rows) by key (`align`), words by a patience diff (`tokens`). Paragraph numbers and the
//! numbers in references are not compared, so renumbering alone is not a change; the masthead
//! (version line and date of compilation) is not compared either.

mod align;
mod tokens;
mod units;

use super::tree::{
    plain_text, Block, Document, Inline, List, Mark, Para, Part, PartChange, Table, Zone,
};
use align::{align, Keyed, Slot};
use serde::Serialize;
use tokens::{diff, flatten, marked, same, Run, Tok};
use units::{block_key, first_ref, item_key, numbered, row_key, row_text, words_of, wrap};

/// What happened to a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One run of a changed unit's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    /// "equal", "insert" or "delete".
    pub op: &'static str,
    pub text: String,
}

/// One change between two drafts, in the later draft's order (a removed unit where it stood).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub change: ChangeKind,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The part it is in ("Summary of discussions and conclusions").
    pub section: String,
    /// Its paragraph number (the later draft's, or the earlier one's for a removed paragraph).
    pub paragraph: Option<u32>,
    /// What identifies the unit across drafts: a paragraph id, an outcome id, or its text.
    pub key: String,
    /// For a changed unit: its words, unchanged, inserted and deleted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Word>,
    /// The paragraph id or the outcome it comes from, where known (for who wrote it).
    #[serde(skip)]
    pub source: Option<String>,
}

impl Change {
    /// The words this change inserted (for a removal: the words it removed).
    pub fn inserted_words(&self) -> Vec<&str> {
        let pick = match self.change {
            ChangeKind::Removed => {
                return self
                    .before
                    .iter()
                    .flat_map(|b| b.split_whitespace())
                    .collect()
            }
            ChangeKind::Added => {
                return self
                    .after
                    .iter()
                    .flat_map(|a| a.split_whitespace())
                    .collect()
            }
            ChangeKind::Changed => "insert",
        };
        self.words
            .iter()
            .filter(|w| w.op == pick)
            .flat_map(|w| w.text.split_whitespace())
            .collect()
    }
}

/// The changes from `from` to `to`.
pub fn compare(from: &Document, to: &Document) -> Vec<Change> {
    revise(from, to, &|_: &Change| Mark::default()).1
}

/// `to` with every change since `from` marked (each mark from `mark`), and the changes.
pub fn revise(
    from: &Document,
    to: &Document,
    mark: &dyn Fn(&Change) -> Mark,
) -> (Document, Vec<Change>) {
    let mut w = Walker {
        changes: Vec::new(),
        mark,
        parts: Vec::new(),
        section: String::new(),
    };
    let mut out = Document {
        masthead: to.masthead.clone(),
        ..Document::default()
    };
    out.front = w.zone(Zone::Front, &from.front, &to.front);
    out.body = w.zone(Zone::Body, &from.body, &to.body);
    out.annexes = w.zone(Zone::Annexes, &from.annexes, &to.annexes);
    out.changed_parts = w.parts;
    (out, w.changes)
}

struct Walker<'a> {
    changes: Vec<Change>,
    mark: &'a dyn Fn(&Change) -> Mark,
    parts: Vec<PartChange>,
    section: String,
}

impl Walker<'_> {
    /// Records a change (in the section being walked) and returns its mark.
    fn record(&mut self, mut c: Change) -> Mark {
        c.section = self.section.clone();
        let m = (self.mark)(&c);
        self.changes.push(c);
        m
    }

    /// Records a unit that is only in one draft (added when `inserted`, else removed).
    fn alone(
        &mut self,
        inserted: bool,
        text: String,
        paragraph: Option<u32>,
        key: &str,
        source: Option<String>,
    ) -> Mark {
        let (kind, before, after) = if inserted {
            (ChangeKind::Added, None, Some(text))
        } else {
            (ChangeKind::Removed, Some(text), None)
        };
        self.record(Change {
            change: kind,
            before,
            after,
            section: String::new(),
            paragraph,
            key: key.to_string(),
            words: Vec::new(),
            source,
        })
    }

    /// A list item that is only in one draft, marked.
    fn lone_item(
        &mut self,
        item: &[Inline],
        inserted: bool,
        paragraph: Option<u32>,
        key: &str,
    ) -> Vec<Inline> {
        let m = self.alone(inserted, plain_text(item), paragraph, key, first_ref(item));
        wrap(item, inserted, &m)
    }

    fn zone(&mut self, zone: Zone, from: &[Part], to: &[Part]) -> Vec<Part> {
        let key = |p: &Part| Keyed {
            key: p.title.clone(),
            family: None,
            text: p.title.clone(),
        };
        let (fk, tk): (Vec<_>, Vec<_>) =
            (from.iter().map(key).collect(), to.iter().map(key).collect());
        let mut out = Vec::new();
        for slot in align(&fk, &tk) {
            let (part, whole) = match slot {
                Slot::Kept {
                    to: t,
                    from: Some(f),
                } => {
                    self.section = to[t].title.clone();
                    let blocks = self.blocks(&from[f].blocks, &to[t].blocks);
                    (
                        Part {
                            blocks,
                            ..to[t].clone()
                        },
                        None,
                    )
                }
                Slot::Kept { to: t, from: None } => (to[t].clone(), Some(true)),
                Slot::Gone { from: f } => (from[f].clone(), Some(false)),
            };
            let part = match whole {
                None => part,
                Some(inserted) => {
                    self.section = part.title.clone();
                    let blocks: Vec<Block> = part
                        .blocks
                        .iter()
                        .flat_map(|b| self.whole(b, inserted))
                        .collect();
                    let mark = (self.mark)(&Change {
                        change: if inserted {
                            ChangeKind::Added
                        } else {
                            ChangeKind::Removed
                        },
                        before: None,
                        after: None,
                        section: part.title.clone(),
                        paragraph: None,
                        key: format!("part:{}", part.title),
                        words: Vec::new(),
                        source: None,
                    });
                    self.parts.push(PartChange {
                        zone,
                        index: out.len(),
                        inserted,
                        mark,
                    });
                    Part { blocks, ..part }
                }
            };
            out.push(part);
        }
        out
    }

    fn blocks(&mut self, from: &[Block], to: &[Block]) -> Vec<Block> {
        let fk: Vec<Keyed> = from.iter().map(block_key).collect();
        let tk: Vec<Keyed> = to.iter().map(block_key).collect();
        let mut out = Vec::new();
        for slot in align(&fk, &tk) {
            match slot {
                Slot::Kept {
                    to: t,
                    from: Some(f),
                } => out.extend(self.pair(&from[f], &to[t], &tk[t].key)),
                Slot::Kept { to: t, from: None } => out.extend(self.whole(&to[t], true)),
                Slot::Gone { from: f } => out.extend(self.whole(&from[f], false)),
            }
        }
        out
    }

    /// A unit of inline content in both drafts: the later one, with its changed words marked.
    fn content(
        &mut self,
        from: &[Inline],
        to: &[Inline],
        paragraph: Option<u32>,
        key: &str,
        source: Option<String>,
    ) -> Vec<Inline> {
        // Most paragraphs did not change: tell that without splitting them into words.
        if tokens::same_inlines(from, to) {
            return to.to_vec();
        }
        let (a, b): (Vec<Tok>, Vec<Tok>) = (flatten(from), flatten(to));
        if same(&a, &b) {
            return to.to_vec();
        }
        let runs = diff(&a, &b);
        let mark = self.record(Change {
            change: ChangeKind::Changed,
            before: Some(plain_text(from)),
            after: Some(plain_text(to)),
            section: String::new(),
            paragraph,
            key: key.to_string(),
            words: words_of(&runs),
            source,
        });
        marked(&runs, &mark)
    }

    fn pair(&mut self, from: &Block, to: &Block, key: &str) -> Vec<Block> {
        match (from, to) {
            (Block::Para(a), Block::Para(b)) => {
                let source = Some(b.id.clone());
                let content = self.content(&a.content, &b.content, b.number, key, source);
                let list = match (&a.list, &b.list) {
                    (Some(la), Some(lb)) => Some(self.items(la, lb, b.number)),
                    (None, Some(lb)) => Some(self.items(
                        &List {
                            items: Vec::new(),
                            ..lb.clone()
                        },
                        lb,
                        b.number,
                    )),
                    (Some(la), None) => Some(self.items(
                        la,
                        &List {
                            items: Vec::new(),
                            ..la.clone()
                        },
                        b.number,
                    )),
                    (None, None) => None,
                };
                vec![Block::Para(Para {
                    content,
                    list,
                    ..b.clone()
                })]
            }
            (
                Block::Heading { text: a, .. },
                Block::Heading {
                    level,
                    label,
                    text: b,
                },
            ) => {
                let text = self.content(a, b, None, key, None);
                vec![Block::Heading {
                    level: *level,
                    label: label.clone(),
                    text,
                }]
            }
            (Block::Plain(a), Block::Plain(b)) => {
                vec![Block::Plain(self.content(a, b, None, key, None))]
            }
            (Block::List(a), Block::List(b)) => vec![Block::List(self.items(a, b, None))],
            (Block::Table(a), Block::Table(b)) => vec![Block::Table(self.rows(a, b))],
            (a, b) => {
                let mut v = self.whole(a, false);
                v.extend(self.whole(b, true));
                v
            }
        }
    }

    fn items(&mut self, from: &List, to: &List, paragraph: Option<u32>) -> List {
        let fk: Vec<Keyed> = from.items.iter().map(|i| item_key(i, "item")).collect();
        let tk: Vec<Keyed> = to.items.iter().map(|i| item_key(i, "item")).collect();
        let mut items = Vec::new();
        for slot in align(&fk, &tk) {
            match slot {
                Slot::Kept {
                    to: t,
                    from: Some(f),
                } => {
                    let source = first_ref(&to.items[t]);
                    items.push(self.content(
                        &from.items[f],
                        &to.items[t],
                        paragraph,
                        &tk[t].key,
                        source,
                    ));
                }
                Slot::Kept { to: t, from: None } => {
                    items.push(self.lone_item(&to.items[t], true, paragraph, &tk[t].key))
                }
                Slot::Gone { from: f } => {
                    items.push(self.lone_item(&from.items[f], false, paragraph, &fk[f].key))
                }
            }
        }
        List {
            items,
            ..to.clone()
        }
    }

    fn rows(&mut self, from: &Table, to: &Table) -> Table {
        let (sf, st) = (numbered(from), numbered(to));
        let fk: Vec<Keyed> = from.rows.iter().map(|r| row_key(r, sf)).collect();
        let tk: Vec<Keyed> = to.rows.iter().map(|r| row_key(r, st)).collect();
        let mut rows = Vec::new();
        for slot in align(&fk, &tk) {
            match slot {
                Slot::Kept {
                    to: t,
                    from: Some(f),
                } => {
                    let (a, b) = (&from.rows[f], &to.rows[t]);
                    let (ta, tb): (Vec<Tok>, Vec<Tok>) = (
                        a.iter().skip(sf).flat_map(|c| flatten(c)).collect(),
                        b.iter().skip(st).flat_map(|c| flatten(c)).collect(),
                    );
                    if same(&ta, &tb) || a.len() != b.len() {
                        rows.push(b.clone());
                        continue;
                    }
                    let mut cells_runs = Vec::new();
                    for (i, (ca, cb)) in a.iter().zip(b).enumerate() {
                        cells_runs.push(if i < st {
                            None
                        } else {
                            Some(diff(&flatten(ca), &flatten(cb)))
                        });
                    }
                    let words: Vec<Word> = cells_runs
                        .iter()
                        .flatten()
                        .flat_map(|r| {
                            let mut w = words_of(r);
                            w.push(Word {
                                op: "equal",
                                text: " | ".into(),
                            });
                            w
                        })
                        .collect();
                    let m = self.record(Change {
                        change: ChangeKind::Changed,
                        before: Some(row_text(a, sf)),
                        after: Some(row_text(b, st)),
                        section: String::new(),
                        paragraph: None,
                        key: tk[t].key.clone(),
                        words,
                        source: b.iter().find_map(|c| first_ref(c)),
                    });
                    rows.push(
                        b.iter()
                            .zip(cells_runs)
                            .map(|(cb, r)| match r {
                                Some(r) if r.iter().any(|x| !matches!(x, Run::Same(_))) => {
                                    marked(&r, &m)
                                }
                                _ => cb.clone(),
                            })
                            .collect(),
                    );
                }
                Slot::Kept { to: t, from: None } => {
                    let row = &to.rows[t];
                    let source = row.iter().find_map(|c| first_ref(c));
                    let m = self.alone(true, row_text(row, st), None, &tk[t].key, source);
                    rows.push(row.iter().map(|c| wrap(c, true, &m)).collect());
                }
                Slot::Gone { from: f } => {
                    let row = &from.rows[f];
                    let source = row.iter().find_map(|c| first_ref(c));
                    let m = self.alone(false, row_text(row, sf), None, &fk[f].key, source);
                    rows.push(row.iter().map(|c| wrap(c, false, &m)).collect());
                }
            }
        }
        Table { rows, ..to.clone() }
    }

    /// A block that is only in one draft: all of it marked, one change recorded per
    /// paragraph, list item or table row.
    fn whole(&mut self, b: &Block, inserted: bool) -> Vec<Block> {
        let key = block_key(b).key;
        let block = match b {
            Block::Para(p) => {
                let mut text = plain_text(&p.content);
                for item in p.list.iter().flat_map(|l| &l.items) {
                    text.push('\n');
                    text.push_str(&plain_text(item));
                }
                let m = self.alone(inserted, text, p.number, &key, Some(p.id.clone()));
                Block::Para(Para {
                    content: wrap(&p.content, inserted, &m),
                    list: p.list.as_ref().map(|l| List {
                        items: l.items.iter().map(|i| wrap(i, inserted, &m)).collect(),
                        ..l.clone()
                    }),
                    ..p.clone()
                })
            }
            Block::Heading { level, label, text } => {
                let m = self.alone(inserted, plain_text(text), None, &key, None);
                Block::Heading {
                    level: *level,
                    label: label.clone(),
                    text: wrap(text, inserted, &m),
                }
            }
            Block::Plain(c) => {
                let m = self.alone(inserted, plain_text(c), None, &key, None);
                Block::Plain(wrap(c, inserted, &m))
            }
            Block::List(l) => {
                let empty = List {
                    items: Vec::new(),
                    ..l.clone()
                };
                return vec![Block::List(if inserted {
                    self.items(&empty, l, None)
                } else {
                    self.items(l, &empty, None)
                })];
            }
            Block::Table(t) => {
                let empty = Table {
                    rows: Vec::new(),
                    ..t.clone()
                };
                return vec![Block::Table(if inserted {
                    self.rows(&empty, t)
                } else {
                    self.rows(t, &empty)
                })];
            }
        };
        vec![block]
    }
}

#[cfg(test)]
mod tests;
