//! The Markdown writer: CommonMark, plus GitHub-style pipe tables for the work plan and the
//! annexes. All text from the event is escaped, so notes can never inject Markdown structure
//! (a line that starts with "1." or "#" in a summary stays text). Tracked changes (a draft
//! compiled with `--changes-since`) are written in CriticMarkup: `{++added++}`, `{--removed--}`.

use super::labels;
use super::tree::{whole_change, Block, Document, Inline, List, ListStyle, Part, Table, Zone};
use crate::i18n::Language;

/// Renders the draft as Markdown.
pub fn write_markdown(doc: &Document) -> String {
    let mut w = MarkdownWriter {
        out: String::new(),
        lang: doc.language,
    };
    w.run(doc);
    w.out
}

struct MarkdownWriter {
    out: String,
    lang: Language,
}

impl MarkdownWriter {
    fn run(&mut self, doc: &Document) {
        let m = &doc.masthead;
        if !m.group.is_empty() {
            self.line_text(&m.group);
            self.out.push('\n');
        }
        self.out.push_str("# ");
        self.text(&m.title, true);
        self.out.push_str("\n\n*");
        self.text(&m.status, false);
        self.out.push_str("*\\\n");
        for (i, l) in [&m.version, &m.distribution, &m.original]
            .iter()
            .enumerate()
        {
            self.text(l, true);
            self.out.push_str(if i < 2 { "\\\n" } else { "\n\n" });
        }
        if let Some(note) = &m.note {
            self.out.push_str("> ");
            self.text(note, true);
            self.out.push_str("\n\n");
        }
        let parts = [
            (Zone::Front, &doc.front),
            (Zone::Body, &doc.body),
            (Zone::Annexes, &doc.annexes),
        ];
        for (zone, list) in parts {
            for (i, p) in list.iter().enumerate() {
                let heading = match zone {
                    Zone::Front => p.title.clone(),
                    Zone::Body => labels::chapter_heading(self.lang, &p.label, &p.title),
                    Zone::Annexes => labels::annex_heading(self.lang, &p.label, &p.title),
                };
                let mark = doc.part_change(zone, i).map(|c| c.inserted);
                self.part(p, &heading, mark);
            }
        }
    }

    fn line_text(&mut self, s: &str) {
        self.text(s, true);
        self.out.push('\n');
    }

    fn part(&mut self, part: &Part, heading: &str, inserted: Option<bool>) {
        self.out.push_str("## ");
        let (open, close) = match inserted {
            Some(true) => ("{++", "++}"),
            Some(false) => ("{--", "--}"),
            None => ("", ""),
        };
        self.out.push_str(open);
        self.text(heading.trim(), open.is_empty());
        self.out.push_str(close);
        self.out.push_str("\n\n");
        for b in &part.blocks {
            self.block(b);
        }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading { level, label, text } => {
                self.out.push_str(&"#".repeat(usize::from(*level) + 1));
                self.out.push(' ');
                if !label.is_empty() {
                    self.out.push_str(label);
                    self.out.push(' ');
                }
                self.inlines(text, label.is_empty());
                self.out.push_str("\n\n");
            }
            Block::Para(p) => {
                let start = match p.number {
                    Some(n) => {
                        let label = labels::para(self.lang, n);
                        // A paragraph that is gone (tracked) has its old number struck too.
                        if let Some((false, _)) = whole_change(&p.content) {
                            self.out.push_str("{--");
                            self.text(&label, false);
                            self.out.push_str("--}");
                        } else {
                            self.text(&label, true);
                        }
                        self.out.push(' ');
                        false
                    }
                    None => true,
                };
                if !p.content.is_empty() {
                    self.inlines(&p.content, start);
                    self.out.push_str("\n\n");
                }
                if let Some(l) = &p.list {
                    self.list(l);
                }
            }
            Block::Plain(c) => {
                self.inlines(c, true);
                self.out.push_str("\n\n");
            }
            Block::List(l) => self.list(l),
            Block::Table(t) => self.table(t),
        }
    }

    fn list(&mut self, l: &List) {
        for (i, item) in l.items.iter().enumerate() {
            match l.style {
                ListStyle::Letter => {
                    self.text(&labels::item(self.lang, i + 1), true);
                    self.out.push(' ');
                    self.inlines(item, false);
                    self.out.push_str("\n\n");
                }
                ListStyle::Bullet => {
                    self.out.push_str("- ");
                    self.inlines(item, true);
                    self.out.push('\n');
                }
            }
        }
        if l.style == ListStyle::Bullet {
            self.out.push('\n');
        }
    }

    fn table(&mut self, t: &Table) {
        self.out.push('|');
        for h in &t.header {
            self.out.push(' ');
            self.text(h, false);
            self.out.push_str(" |");
        }
        self.out.push_str("\n|");
        for _ in &t.header {
            self.out.push_str(" --- |");
        }
        self.out.push('\n');
        for row in &t.rows {
            self.out.push('|');
            for c in row {
                self.out.push(' ');
                self.inlines(c, false);
                self.out.push_str(" |");
            }
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn inlines(&mut self, content: &[Inline], mut at_start: bool) {
        for i in content {
            match i {
                Inline::Text(t) => self.text(t, at_start),
                Inline::Emphasis(c) | Inline::Strong(c) => {
                    let mark = if matches!(i, Inline::Emphasis(_)) {
                        "*"
                    } else {
                        "**"
                    };
                    if c.is_empty() {
                        continue;
                    }
                    self.out.push_str(mark);
                    self.inlines(c, false);
                    self.out.push_str(mark);
                }
                Inline::Link { url, content } => {
                    self.out.push('[');
                    self.inlines(content, false);
                    self.out.push_str("](");
                    for ch in url.chars() {
                        match ch {
                            ' ' => self.out.push_str("%20"),
                            '(' => self.out.push_str("%28"),
                            ')' => self.out.push_str("%29"),
                            '<' => self.out.push_str("%3C"),
                            '>' => self.out.push_str("%3E"),
                            '\\' => self.out.push_str("%5C"),
                            c if c.is_control() => {}
                            c => self.out.push(c),
                        }
                    }
                    self.out.push(')');
                }
                Inline::LineBreak => self.out.push_str("\\\n"),
                Inline::Code(c) => self.code(c),
                Inline::Ref { number, .. } => match number {
                    Some(n) => self.out.push_str(&n.to_string()),
                    None => self.out.push_str("\\[?\\]"),
                },
                Inline::Inserted { content, .. } | Inline::Deleted { content, .. } => {
                    let (open, close) = match i {
                        Inline::Inserted { .. } => ("{++", "++}"),
                        _ => ("{--", "--}"),
                    };
                    self.out.push_str(open);
                    self.inlines(content, false);
                    self.out.push_str(close);
                }
            }
            at_start = false;
        }
    }

    fn code(&mut self, c: &str) {
        let c = c.replace(['\n', '\r'], " ");
        let longest = c.split(|ch| ch != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest + 1);
        let pad = c.starts_with('`') || c.ends_with('`') || c.starts_with(' ');
        self.out.push_str(&fence);
        if pad {
            self.out.push(' ');
        }
        self.out.push_str(&c);
        if pad {
            self.out.push(' ');
        }
        self.out.push_str(&fence);
    }

    /// Escapes text so CommonMark reads it back as the same characters.
    fn text(&mut self, s: &str, at_start: bool) {
        let s = s.replace(['\n', '\r'], " ");
        if at_start {
            let trimmed = s.trim_start();
            let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
            if trimmed.starts_with(['-', '+', '=']) {
                self.out.push('\\');
            } else if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
                self.push_escaped(&trimmed[..digits]);
                self.out.push('\\');
                self.push_escaped(&trimmed[digits..]);
                return;
            }
        }
        self.push_escaped(&s);
    }

    fn push_escaped(&mut self, s: &str) {
        for ch in s.chars() {
            if matches!(
                ch,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&'
            ) {
                self.out.push('\\');
            }
            self.out.push(ch);
        }
    }
}
