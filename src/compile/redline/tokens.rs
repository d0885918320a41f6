//! Words with their formatting: a paragraph's inlines flattened into tokens (words, spaces and
//! punctuation, each with its bold, italic, code, link or reference), the word-level diff of
//! two token runs (the `similar` crate), and the way back to inlines with the inserted and
//! deleted runs wrapped.
//!
//! A reference ("see paragraph 12") is one token compared by the paragraph it points to, not
//! by its number, so renumbering alone is never a change.

use super::super::tree::{Inline, Mark};
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// How a token is formatted, and what it points to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub link: Option<String>,
    /// The paragraph id a reference points to.
    pub target: Option<String>,
    pub line_break: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub text: String,
    pub style: Style,
}

impl Tok {
    /// What the diff compares: a reference by its target, everything else by text and style.
    fn key(&self) -> (String, Style) {
        if self.style.target.is_some() {
            (String::new(), self.style.clone())
        } else {
            (self.text.clone(), self.style.clone())
        }
    }
    fn is_space(&self) -> bool {
        self.style.target.is_none() && !self.style.line_break && self.text.trim().is_empty()
    }
}

/// Splits text into words (letters and digits), runs of white space, and single other
/// characters.
fn words(s: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum K {
        Word,
        Space,
        Other,
    }
    let kind = |c: char| {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            K::Word
        } else if c.is_whitespace() {
            K::Space
        } else {
            K::Other
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<K> = None;
    for (i, c) in s.char_indices() {
        let k = kind(c);
        if let Some(p) = prev {
            if p != k || k == K::Other {
                out.push(&s[start..i]);
                start = i;
            }
        }
        prev = Some(k);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The tokens of inline content.
pub fn flatten(content: &[Inline]) -> Vec<Tok> {
    let mut out = Vec::new();
    push(content, &Style::default(), &mut out);
    out
}

fn push(content: &[Inline], style: &Style, out: &mut Vec<Tok>) {
    let text = |t: &str, s: &Style, out: &mut Vec<Tok>| {
        out.extend(words(t).into_iter().map(|w| Tok {
            text: w.to_string(),
            style: s.clone(),
        }))
    };
    for i in content {
        match i {
            Inline::Text(t) => text(t, style, out),
            Inline::Code(t) => text(
                t,
                &Style {
                    code: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Emphasis(c) => push(
                c,
                &Style {
                    italic: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Strong(c) => push(
                c,
                &Style {
                    bold: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Link { url, content } => push(
                content,
                &Style {
                    link: Some(url.clone()),
                    ..style.clone()
                },
                out,
            ),
            Inline::LineBreak => out.push(Tok {
                text: "\n".into(),
                style: Style {
                    line_break: true,
                    ..style.clone()
                },
            }),
            Inline::Ref { target, number } => out.push(Tok {
                text: number.map_or_else(|| "?".to_string(), |n| n.to_string()),
                style: Style {
                    target: Some(target.clone()),
                    ..style.clone()
                },
            }),
            Inline::Inserted { content, .. } | Inline::Deleted { content, .. } => {
                push(content, style, out)
            }
        }
    }
}

/// Inlines for a run of tokens: consecutive tokens of one style become one node.
pub fn build(toks: &[Tok]) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let style = &toks[i].style;
        let mut j = i;
        let mut text = String::new();
        while j < toks.len() && toks[j].style == *style {
            text.push_str(&toks[j].text);
            j += 1;
            if style.target.is_some() || style.line_break {
                break;
            }
        }
        i = j;
        // White space at the edges of emphasis stays outside it ("** word**" is not bold in
        // Markdown).
        let styled = style.bold || style.italic || style.link.is_some();
        let (lead, trail) = if styled && style.target.is_none() && !style.line_break {
            let l = text.len() - text.trim_start().len();
            let t = text.len() - text.trim_end().len();
            if l == text.len() {
                (text.clone(), String::new())
            } else {
                (text[..l].to_string(), text[text.len() - t..].to_string())
            }
        } else {
            (String::new(), String::new())
        };
        if lead.len() == text.len() && !lead.is_empty() {
            out.push(Inline::Text(lead));
            continue;
        }
        let text = text[lead.len()..text.len() - trail.len()].to_string();
        if !lead.is_empty() {
            out.push(Inline::Text(lead));
        }
        let mut node = if style.line_break {
            Inline::LineBreak
        } else if let Some(t) = &style.target {
            Inline::Ref {
                target: t.clone(),
                number: text.parse().ok(),
            }
        } else if style.code {
            Inline::Code(text)
        } else {
            Inline::Text(text)
        };
        if style.italic {
            node = Inline::Emphasis(vec![node]);
        }
        if style.bold {
            node = Inline::Strong(vec![node]);
        }
        if let Some(url) = &style.link {
            node = Inline::Link {
                url: url.clone(),
                content: vec![node],
            };
        }
        out.push(node);
        if !trail.is_empty() {
            out.push(Inline::Text(trail));
        }
    }
    out
}

/// Whether two runs of inline content are the same, references compared by the paragraph
/// they point to (not their numbers): the quick test before any word diff.
pub fn same_inlines(a: &[Inline], b: &[Inline]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Inline::Ref { target: t, .. }, Inline::Ref { target: u, .. }) => t == u,
            (Inline::Emphasis(c), Inline::Emphasis(d)) | (Inline::Strong(c), Inline::Strong(d)) => {
                same_inlines(c, d)
            }
            (Inline::Link { url: u, content: c }, Inline::Link { url: v, content: d }) => {
                u == v && same_inlines(c, d)
            }
            (x, y) => x == y,
        })
}

/// Whether two token runs say the same (references compared by target).
pub fn same(a: &[Tok], b: &[Tok]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.key() == y.key())
}

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Same(Vec<Tok>),
    Deleted(Vec<Tok>),
    Inserted(Vec<Tok>),
}

/// The word diff of `old` → `new`: unchanged runs (taken from `new`, so references carry
/// their new numbers), then each change as its deleted words followed by its inserted words.
/// White space alone between two changes joins them, so a reworded phrase reads as one
/// deletion and one insertion rather than word by word.
pub fn diff(old: &[Tok], new: &[Tok]) -> Vec<Run> {
    let (ok, nk): (Vec<_>, Vec<_>) = (
        old.iter().map(Tok::key).collect(),
        new.iter().map(Tok::key).collect(),
    );
    let ops = capture_diff_slices(Algorithm::Patience, &ok, &nk);
    let mut raw: Vec<Run> = Vec::new();
    for op in ops {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                raw.push(Run::Same(new[new_index..new_index + len].to_vec()))
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => raw.push(Run::Deleted(old[old_index..old_index + old_len].to_vec())),
            DiffOp::Insert {
                new_index, new_len, ..
            } => raw.push(Run::Inserted(new[new_index..new_index + new_len].to_vec())),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                raw.push(Run::Deleted(old[old_index..old_index + old_len].to_vec()));
                raw.push(Run::Inserted(new[new_index..new_index + new_len].to_vec()));
            }
        }
    }
    // White space alone between two changes becomes part of both.
    let n = raw.len();
    let mut runs: Vec<Run> = Vec::new();
    for (i, r) in raw.into_iter().enumerate() {
        match r {
            Run::Same(t) if i > 0 && i + 1 < n && t.iter().all(Tok::is_space) => {
                runs.push(Run::Deleted(t.clone()));
                runs.push(Run::Inserted(t));
            }
            other => runs.push(other),
        }
    }
    // Each stretch of changes as one deletion, then one insertion.
    let mut out: Vec<Run> = Vec::new();
    let (mut del, mut ins) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<Run>, del: &mut Vec<Tok>, ins: &mut Vec<Tok>| {
        if !del.is_empty() {
            out.push(Run::Deleted(std::mem::take(del)));
        }
        if !ins.is_empty() {
            out.push(Run::Inserted(std::mem::take(ins)));
        }
    };
    for r in runs {
        match r {
            Run::Same(t) => {
                flush(&mut out, &mut del, &mut ins);
                if !t.is_empty() {
                    out.push(Run::Same(t));
                }
            }
            Run::Deleted(t) => del.extend(t),
            Run::Inserted(t) => ins.extend(t),
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// Inlines of a word diff, with deletions and insertions wrapped and marked.
pub fn marked(runs: &[Run], mark: &Mark) -> Vec<Inline> {
    let mut out = Vec::new();
    for r in runs {
        match r {
            Run::Same(t) => out.extend(build(t)),
            Run::Deleted(t) => out.push(Inline::Deleted {
                mark: mark.clone(),
                content: build(t),
            }),
            Run::Inserted(t) => out.push(Inline::Inserted {
                mark: mark.clone(),
                content: build(t),
            }),
        }
    }
    out
}

/// The plain text of tokens.
pub fn text(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.text.as_str()).collect()
}

/// How alike two texts are, 0 to 1, by their words.
pub fn likeness(a: &str, b: &str) -> f32 {
    similar::TextDiff::from_words(a, b).ratio()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<Tok> {
        flatten(&[Inline::text(s)])
    }

    #[test]
    fn a_reworded_phrase_is_one_deletion_and_one_insertion() {
        let runs = diff(
            &t("The group agreed to hold monthly briefings."),
            &t("The group agreed to hold weekly technical briefings."),
        );
        let shown: Vec<String> = runs
            .iter()
            .map(|r| match r {
                Run::Same(x) => text(x),
                Run::Deleted(x) => format!("[-{}-]", text(x)),
                Run::Inserted(x) => format!("[+{}+]", text(x)),
            })
            .collect();
        assert_eq!(
            shown.concat(),
            "The group agreed to hold [-monthly-][+weekly technical+] briefings."
        );
    }

    #[test]
    fn a_reference_is_compared_by_its_target_not_its_number() {
        let r = |n| {
            flatten(&[
                Inline::text("see paragraph "),
                Inline::Ref {
                    target: "p".into(),
                    number: Some(n),
                },
            ])
        };
        assert!(same(&r(3), &r(4)));
        let runs = diff(&r(3), &r(4));
        assert_eq!(runs.len(), 1);
        assert_eq!(
            text(match &runs[0] {
                Run::Same(x) => x,
                _ => panic!(),
            }),
            "see paragraph 4"
        );
    }

    #[test]
    fn formatting_survives_the_round_trip() {
        let c = vec![
            Inline::text("A "),
            Inline::Strong(vec![Inline::text("bold")]),
            Inline::text(" word"),
        ];
        let back = build(&flatten(&c));
        assert_eq!(
            crate::compile::tree::plain_text(&back),
            crate::compile::tree::plain_text(&c)
        );
        assert!(back.iter().any(|i| matches!(i, Inline::Strong(_))));
    }
}
