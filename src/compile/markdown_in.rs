//! Notes and summaries are Markdown typed in the room; this turns them into tree content.
//!
//! Parsing goes through pulldown-cmark. Nothing from the source is passed through as markup:
//! raw HTML (blocks and inline tags) is dropped, link targets other than http, https and
//! mailto are dropped (their text stays as plain text), images keep only their alt text, and
//! headings, quotes and code blocks become ordinary paragraphs. Each paragraph of the source
//! becomes one paragraph of the draft; a list becomes the subparagraphs of the paragraph before.

use super::tree::{Inline, List, ListStyle};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A block of parsed notes.
#[derive(Debug, Clone, PartialEq)]
pub enum MdBlock {
    Para(Vec<Inline>),
    List(List),
}

/// Whether a link target may become a live link in the draft.
pub fn is_safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("http://") || u.starts_with("https://") || u.starts_with("mailto:")
}

enum Frame {
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(String, Vec<Inline>),
    Plain(Vec<Inline>),
}

impl Frame {
    fn content(&mut self) -> &mut Vec<Inline> {
        match self {
            Frame::Emphasis(c) | Frame::Strong(c) | Frame::Link(_, c) | Frame::Plain(c) => c,
        }
    }
}

struct Reader {
    blocks: Vec<MdBlock>,
    cur: Vec<Inline>,
    stack: Vec<Frame>,
    list_depth: usize,
    list_style: ListStyle,
    items: Vec<Vec<Inline>>,
    html_depth: usize,
}

/// Parses Markdown into paragraphs and lists of safe inline content.
pub fn parse(md: &str) -> Vec<MdBlock> {
    let mut r = Reader {
        blocks: Vec::new(),
        cur: Vec::new(),
        stack: Vec::new(),
        list_depth: 0,
        list_style: ListStyle::Bullet,
        items: Vec::new(),
        html_depth: 0,
    };
    for ev in Parser::new(md) {
        r.event(ev);
    }
    r.flush_para();
    r.blocks
}

impl Reader {
    fn push(&mut self, i: Inline) {
        let target = match self.stack.last_mut() {
            Some(f) => f.content(),
            None => &mut self.cur,
        };
        if let (Inline::Text(t), Some(Inline::Text(prev))) = (&i, target.last_mut()) {
            prev.push_str(t);
            return;
        }
        target.push(i);
    }

    fn pop_frame(&mut self) {
        if let Some(f) = self.stack.pop() {
            match f {
                Frame::Emphasis(c) => self.push(Inline::Emphasis(c)),
                Frame::Strong(c) => self.push(Inline::Strong(c)),
                Frame::Link(url, c) if is_safe_url(&url) => self.push(Inline::Link {
                    url: url.trim().to_string(),
                    content: c,
                }),
                Frame::Link(_, c) | Frame::Plain(c) => {
                    for i in c {
                        self.push(i);
                    }
                }
            }
        }
    }

    fn take_cur(&mut self) -> Vec<Inline> {
        while !self.stack.is_empty() {
            self.pop_frame();
        }
        let mut c = std::mem::take(&mut self.cur);
        trim(&mut c);
        c
    }

    fn flush_para(&mut self) {
        let c = self.take_cur();
        if c.is_empty() {
            return;
        }
        if self.list_depth > 0 {
            self.items.push(c);
        } else {
            self.blocks.push(MdBlock::Para(c));
        }
    }

    fn event(&mut self, ev: Event<'_>) {
        if self.html_depth > 0 {
            if let Event::End(TagEnd::HtmlBlock) = ev {
                self.html_depth -= 1;
            }
            return;
        }
        match ev {
            Event::Start(tag) => match tag {
                Tag::HtmlBlock => self.html_depth += 1,
                Tag::List(start) => {
                    self.flush_para();
                    if self.list_depth == 0 {
                        self.list_style = if start.is_some() {
                            ListStyle::Letter
                        } else {
                            ListStyle::Bullet
                        };
                    }
                    self.list_depth += 1;
                }
                Tag::Item => self.flush_para(),
                Tag::Emphasis => self.stack.push(Frame::Emphasis(Vec::new())),
                Tag::Strong => self.stack.push(Frame::Strong(Vec::new())),
                Tag::Link { dest_url, .. } => self
                    .stack
                    .push(Frame::Link(dest_url.to_string(), Vec::new())),
                Tag::Image { .. } | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {
                    self.stack.push(Frame::Plain(Vec::new()))
                }
                Tag::Paragraph if self.list_depth > 0 && !self.cur.is_empty() => {
                    self.push(Inline::text(" "));
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock
                    if self.list_depth == 0 =>
                {
                    self.flush_para();
                }
                TagEnd::Item => self.flush_para(),
                TagEnd::List(_) => {
                    self.flush_para();
                    self.list_depth = self.list_depth.saturating_sub(1);
                    if self.list_depth == 0 && !self.items.is_empty() {
                        let items = std::mem::take(&mut self.items);
                        self.blocks.push(MdBlock::List(List {
                            style: self.list_style,
                            items,
                        }));
                    }
                }
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript => self.pop_frame(),
                _ => {}
            },
            Event::Text(t) => self.push(Inline::text(t.as_ref())),
            Event::Code(t) => self.push(Inline::Code(t.to_string())),
            Event::SoftBreak => self.push(Inline::text(" ")),
            Event::HardBreak => self.push(Inline::LineBreak),
            // Raw HTML is never passed through, not even as text.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push(Inline::text(t.as_ref())),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) | Event::Rule => {}
        }
    }
}

/// Drops leading and trailing whitespace and line breaks of a paragraph.
fn trim(c: &mut Vec<Inline>) {
    while matches!(c.last(), Some(Inline::LineBreak)) {
        c.pop();
    }
    while matches!(c.first(), Some(Inline::LineBreak)) {
        c.remove(0);
    }
    if let Some(Inline::Text(t)) = c.first_mut() {
        let s = t.trim_start().to_string();
        *t = s;
    }
    if let Some(Inline::Text(t)) = c.last_mut() {
        let s = t.trim_end().to_string();
        *t = s;
    }
    c.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::tree::plain_text;

    fn paras(md: &str) -> Vec<String> {
        parse(md)
            .into_iter()
            .map(|b| match b {
                MdBlock::Para(c) => plain_text(&c),
                MdBlock::List(l) => format!(
                    "{:?}:{}",
                    l.style,
                    l.items
                        .iter()
                        .map(|i| plain_text(i))
                        .collect::<Vec<_>>()
                        .join("|")
                ),
            })
            .collect()
    }

    #[test]
    fn paragraphs_and_lists() {
        assert_eq!(
            paras("One *two*\nthree.\n\nFour.\n\n- a\n- b\n\n1. x\n2. y\n"),
            vec!["One two three.", "Four.", "Bullet:a|b", "Letter:x|y"]
        );
    }

    #[test]
    fn emphasis_and_strong_kept() {
        let b = parse("a *b* **c** `d`");
        assert_eq!(
            b,
            vec![MdBlock::Para(vec![
                Inline::text("a "),
                Inline::Emphasis(vec![Inline::text("b")]),
                Inline::text(" "),
                Inline::Strong(vec![Inline::text("c")]),
                Inline::text(" "),
                Inline::Code("d".into()),
            ])]
        );
    }

    #[test]
    fn unsafe_links_become_text() {
        let b = parse("[x](javascript:alert(1)) and [y](https://example.org) <mailto:a@b.org>");
        let MdBlock::Para(c) = &b[0] else {
            panic!("not a paragraph")
        };
        assert_eq!(c[0], Inline::text("x and "));
        assert!(matches!(&c[1], Inline::Link { url, .. } if url == "https://example.org"));
        assert!(matches!(&c[3], Inline::Link { url, .. } if url == "mailto:a@b.org"));
    }

    #[test]
    fn raw_html_dropped() {
        let got = paras(
            "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> more\n\n<div>\nblock\n</div>\n\n<iframe src=\"https://evil\"></iframe>",
        );
        for p in &got {
            assert!(!p.contains('<'), "{p}");
        }
        assert!(got.iter().any(|p| p == "Text  more"));
        assert!(!got.iter().any(|p| p.contains("block")));
    }

    #[test]
    fn headings_and_code_become_paragraphs() {
        assert_eq!(paras("# Title\n\n    code\n"), vec!["Title", "code"]);
    }
}
