//! Paragraph numbering and cross-references, done last.
//!
//! Body paragraphs are numbered consecutively from 1 in document order; front matter and
//! annexes are not numbered. References are stored as paragraph ids while the tree is built
//! and resolved here, so moving sessions around never breaks a "see paragraph N".

use super::report::Warning;
use super::tree::{Block, Document, Inline, Part};
use std::collections::HashMap;

/// Numbers the body paragraphs, resolves every reference and returns warnings for references
/// to ids that are not in the body.
pub fn assign(doc: &mut Document) -> (u32, Vec<Warning>) {
    let mut n = 0u32;
    let mut ids: HashMap<String, u32> = HashMap::new();
    for part in &mut doc.body {
        for block in &mut part.blocks {
            if let Block::Para(p) = block {
                n += 1;
                p.number = Some(n);
                ids.entry(p.id.clone()).or_insert(n);
            }
        }
    }
    let mut warnings = Vec::new();
    let parts = doc
        .front
        .iter_mut()
        .chain(doc.body.iter_mut())
        .chain(doc.annexes.iter_mut());
    for part in parts {
        resolve_part(part, &ids, &mut warnings);
    }
    (n, warnings)
}

fn resolve_part(part: &mut Part, ids: &HashMap<String, u32>, w: &mut Vec<Warning>) {
    for block in &mut part.blocks {
        let here = match block {
            Block::Para(p) => Some(p.id.clone()),
            _ => None,
        };
        let mut visit = |c: &mut Vec<Inline>| resolve(c, ids, here.as_deref(), w);
        match block {
            Block::Heading { text, .. } => visit(text),
            Block::Para(p) => {
                visit(&mut p.content);
                if let Some(l) = &mut p.list {
                    l.items.iter_mut().for_each(visit);
                }
            }
            Block::Plain(c) => visit(c),
            Block::List(l) => l.items.iter_mut().for_each(visit),
            Block::Table(t) => t.rows.iter_mut().flatten().for_each(visit),
        }
    }
}

fn resolve(
    content: &mut [Inline],
    ids: &HashMap<String, u32>,
    here: Option<&str>,
    w: &mut Vec<Warning>,
) {
    for i in content {
        match i {
            Inline::Ref { target, number } => {
                *number = ids.get(target.as_str()).copied();
                if number.is_none() {
                    let mut warning = Warning::new(
                        "dangling-reference",
                        format!("reference to paragraph {target:?}, which is not in the draft"),
                    );
                    if let Some(h) = here {
                        warning = warning.paragraph(h);
                    }
                    w.push(warning);
                }
            }
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Link { content: c, .. }
            | Inline::Inserted { content: c, .. }
            | Inline::Deleted { content: c, .. } => resolve(c, ids, here, w),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::tree::{plain_text, Para};

    fn para(id: &str, content: Vec<Inline>) -> Block {
        Block::Para(Para {
            id: id.into(),
            number: None,
            content,
            list: None,
        })
    }

    fn r(id: &str) -> Inline {
        Inline::Ref {
            target: id.into(),
            number: None,
        }
    }

    #[test]
    fn numbers_body_only_and_resolves_refs() {
        let mut doc = Document {
            front: vec![Part {
                blocks: vec![Block::Plain(vec![Inline::text("see "), r("b")])],
                ..Part::default()
            }],
            body: vec![
                Part {
                    blocks: vec![para("a", vec![]), para("b", vec![])],
                    ..Part::default()
                },
                Part {
                    blocks: vec![para("c", vec![Inline::text("see "), r("a")])],
                    ..Part::default()
                },
            ],
            ..Document::default()
        };
        let (n, w) = assign(&mut doc);
        assert_eq!(n, 3);
        assert!(w.is_empty());
        let Block::Plain(front) = &doc.front[0].blocks[0] else {
            panic!()
        };
        assert_eq!(plain_text(front), "see 2");
        let Block::Para(c) = &doc.body[1].blocks[0] else {
            panic!()
        };
        assert_eq!(c.number, Some(3));
        assert_eq!(plain_text(&c.content), "see 1");
    }

    #[test]
    fn dangling_reference_warns() {
        let mut doc = Document {
            body: vec![Part {
                blocks: vec![para("x", vec![r("gone")])],
                ..Part::default()
            }],
            ..Document::default()
        };
        let (_, w) = assign(&mut doc);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, "dangling-reference");
        assert_eq!(w[0].paragraph_id.as_deref(), Some("x"));
    }

    #[test]
    fn reordering_keeps_references_right() {
        let mk = |order: [&str; 2]| Document {
            body: vec![Part {
                blocks: vec![
                    para(order[0], vec![]),
                    para(order[1], vec![]),
                    para("ref", vec![r("q")]),
                ],
                ..Part::default()
            }],
            ..Document::default()
        };
        for (order, want) in [(["p", "q"], "2"), (["q", "p"], "1")] {
            let mut d = mk(order);
            assign(&mut d);
            let Block::Para(p) = &d.body[0].blocks[2] else {
                panic!()
            };
            assert_eq!(plain_text(&p.content), want);
        }
    }
}
