//! The HTML writer: one standalone page with print CSS and no scripts.
//!
//! Every piece of text is escaped as it is written, the page carries a Content Security Policy
//! that forbids scripts and remote content, and the body goes through ammonia as a final guard,
//! so nothing typed in notes can become active markup. Tracked changes (a draft compiled with
//! `--changes-since`) are `<ins>` and `<del>` with the author as their title and the date as
//! their `datetime`.

use super::labels;
use super::tree::{
    first_strong_rtl, plain_text, whole_change, Block, Document, Inline, List, ListStyle, Mark,
    Part, Table, Zone,
};
use crate::i18n::Language;

/// Print CSS with logical properties only (margin-inline-start, text-align: start …), so the
/// same sheet lays out a left-to-right and a right-to-left draft; fonts that have the glyphs
/// of Arabic and Chinese come first for those languages.
const CSS: &str = "body{font-family:'Times New Roman',Times,serif;font-size:12pt;line-height:1.35;max-width:42em;margin:2em auto;padding:0 1em;color:#000}\
:lang(ar){font-family:Amiri,'Noto Naskh Arabic','Traditional Arabic','Times New Roman',serif}\
:lang(zh){font-family:'Noto Serif CJK SC',SimSun,'Songti SC',serif}\
.masthead{border-block-end:1px solid #000;margin-block-end:1.5em}.masthead .group{font-weight:bold;margin:0}\
.masthead h1{font-size:16pt;margin:.4em 0}.masthead p{margin:.15em 0}.masthead .status{font-style:italic}\
.masthead .note{border:1px solid #000;padding:.4em;margin:.6em 0}h2{font-size:13pt;margin:1.4em 0 .6em}\
h3{font-size:12pt;margin:1.1em 0 .5em}p.para{margin-block:0 .6em;margin-inline:2.5em 0;text-indent:-2.5em}\
.num{display:inline-block;min-width:2.5em;text-indent:0}ol.sub,ul{margin-block:0 .6em;margin-inline:2.5em 0;padding-inline-start:1.5em}\
ol.sub{list-style:none;padding-inline-start:0}ol.sub li{margin-inline-start:2.5em;text-indent:-2.5em}\
table{border-collapse:collapse;width:100%;margin:.6em 0 1em;font-size:10.5pt}\
th,td{border:1px solid #000;padding:.2em .4em;vertical-align:top;text-align:start}th{background:#eee}\
.annex{break-before:page}@page{size:A4;margin:2.5cm 2cm}\
@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}tr,p.para{break-inside:avoid}}";

/// Added to the page only when it shows tracked changes, so a plain draft's page is unchanged.
const CHANGES_CSS: &str =
    "ins{background:#dcf3dc;color:#0b5a0b}del{background:#fbe0e0;color:#8a1010}";

/// Renders the draft as a standalone HTML page.
pub fn write_html(doc: &Document) -> String {
    let lang = doc.language;
    let mut w = HtmlWriter {
        out: String::new(),
        lang,
        marked: false,
    };
    w.run(doc);
    let body = ammonia::Builder::default()
        .add_tags(["section", "header"])
        .add_generic_attributes(["class", "id", "dir"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&w.out)
        .to_string();
    let mut page = String::with_capacity(body.len() + 2048);
    page.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        lang.tag(),
        if lang.is_rtl() { "rtl" } else { "ltr" }
    ));
    page.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    page.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    escape(&mut page, &doc.masthead.title);
    page.push_str("</title>\n<style>");
    page.push_str(CSS);
    if w.marked {
        page.push_str(CHANGES_CSS);
    }
    page.push_str("</style>\n</head>\n<body>\n");
    page.push_str(&body);
    page.push_str("\n</body>\n</html>\n");
    page
}

/// Escapes text for element content and double-quoted attribute values.
fn escape(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

struct HtmlWriter {
    out: String,
    lang: Language,
    /// Whether a tracked change was written.
    marked: bool,
}

impl HtmlWriter {
    fn esc(&mut self, s: &str) {
        escape(&mut self.out, s);
    }

    fn run(&mut self, doc: &Document) {
        let m = &doc.masthead;
        self.out.push_str("<header class=\"masthead\">\n");
        if !m.group.is_empty() {
            self.tagged("p", "group", &m.group);
        }
        self.tagged("h1", "title", &m.title);
        self.tagged("p", "status", &m.status);
        for l in [&m.version, &m.distribution, &m.original] {
            self.tagged("p", "meta", l);
        }
        if let Some(n) = &m.note {
            self.tagged("p", "note", n);
        }
        self.out.push_str("</header>\n");
        let parts = [
            (Zone::Front, &doc.front, "front"),
            (Zone::Body, &doc.body, "part"),
            (Zone::Annexes, &doc.annexes, "annex"),
        ];
        for (zone, list, class) in parts {
            for (i, p) in list.iter().enumerate() {
                let heading = match zone {
                    Zone::Front => p.title.clone(),
                    Zone::Body => labels::chapter_heading(self.lang, &p.label, &p.title),
                    Zone::Annexes => labels::annex_heading(self.lang, &p.label, &p.title),
                };
                let change = doc.part_change(zone, i).map(|c| (c.inserted, &c.mark));
                self.part(p, class, &heading, change);
            }
        }
    }

    fn tagged(&mut self, tag: &str, class: &str, text: &str) {
        self.out.push_str(&format!("<{tag} class=\"{class}\">"));
        self.esc(text);
        self.out.push_str(&format!("</{tag}>\n"));
    }

    fn part(&mut self, part: &Part, class: &str, heading: &str, change: Option<(bool, &Mark)>) {
        self.out.push_str(&format!("<section class=\"{class}\">\n"));
        match change {
            None => self.tagged("h2", "heading", heading.trim()),
            Some((inserted, mark)) => {
                self.out.push_str("<h2 class=\"heading\">");
                let content = [Inline::text(heading.trim())];
                self.change(inserted, mark, &content);
                self.out.push_str("</h2>\n");
            }
        }
        for b in &part.blocks {
            self.block(b);
        }
        self.out.push_str("</section>\n");
    }

    /// A `dir` attribute where the text's own direction differs from the document's (an
    /// Arabic paragraph in an English draft, an English one in an Arabic draft).
    fn dir(&mut self, content: &[Inline]) {
        match first_strong_rtl(&plain_text(content)) {
            Some(true) if !self.lang.is_rtl() => self.out.push_str(" dir=\"rtl\""),
            Some(false) if self.lang.is_rtl() => self.out.push_str(" dir=\"ltr\""),
            _ => {}
        }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading { level, label, text } => {
                let tag = format!("h{}", (level + 1).min(6));
                self.out.push_str(&format!("<{tag}>"));
                if !label.is_empty() {
                    self.esc(label);
                    self.out.push(' ');
                }
                self.inlines(text);
                self.out.push_str(&format!("</{tag}>\n"));
            }
            Block::Para(p) => {
                self.out.push_str("<p class=\"para\" id=\"p-");
                self.esc(&p.id);
                self.out.push('"');
                self.dir(&p.content);
                self.out.push('>');
                if let Some(n) = p.number {
                    // A paragraph that is gone (tracked) has its old number struck too.
                    let gone = matches!(whole_change(&p.content), Some((false, _)));
                    let (open, close) = if gone { ("<del>", "</del>") } else { ("", "") };
                    self.out.push_str("<span class=\"num\">");
                    self.out.push_str(open);
                    self.esc(&labels::para(self.lang, n));
                    self.out.push_str(close);
                    self.out.push_str("</span>");
                }
                self.inlines(&p.content);
                self.out.push_str("</p>\n");
                if let Some(l) = &p.list {
                    self.list(l);
                }
            }
            Block::Plain(c) => {
                self.out.push_str("<p");
                self.dir(c);
                self.out.push('>');
                self.inlines(c);
                self.out.push_str("</p>\n");
            }
            Block::List(l) => self.list(l),
            Block::Table(t) => self.table(t),
        }
    }

    fn list(&mut self, l: &List) {
        let (open, close) = match l.style {
            ListStyle::Letter => ("<ol class=\"sub\">\n", "</ol>\n"),
            ListStyle::Bullet => ("<ul>\n", "</ul>\n"),
        };
        self.out.push_str(open);
        for (i, item) in l.items.iter().enumerate() {
            self.out.push_str("<li");
            self.dir(item);
            self.out.push('>');
            if l.style == ListStyle::Letter {
                self.out.push_str("<span class=\"num\">");
                self.esc(&labels::item(self.lang, i + 1));
                self.out.push_str("</span>");
            }
            self.inlines(item);
            self.out.push_str("</li>\n");
        }
        self.out.push_str(close);
    }

    fn table(&mut self, t: &Table) {
        self.out.push_str("<table>\n<thead><tr>");
        for h in &t.header {
            self.out.push_str("<th>");
            self.esc(h);
            self.out.push_str("</th>");
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for row in &t.rows {
            self.out.push_str("<tr>");
            for c in row {
                self.out.push_str("<td");
                self.dir(c);
                self.out.push('>');
                self.inlines(c);
                self.out.push_str("</td>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");
    }

    fn inlines(&mut self, content: &[Inline]) {
        for i in content {
            match i {
                Inline::Text(t) => self.esc(t),
                Inline::Emphasis(c) => {
                    self.out.push_str("<em>");
                    self.inlines(c);
                    self.out.push_str("</em>");
                }
                Inline::Strong(c) => {
                    self.out.push_str("<strong>");
                    self.inlines(c);
                    self.out.push_str("</strong>");
                }
                Inline::Link { url, content } => {
                    self.out.push_str("<a href=\"");
                    self.esc(url);
                    self.out.push_str("\">");
                    self.inlines(content);
                    self.out.push_str("</a>");
                }
                Inline::LineBreak => self.out.push_str("<br>"),
                Inline::Code(c) => {
                    self.out.push_str("<code>");
                    self.esc(c);
                    self.out.push_str("</code>");
                }
                Inline::Ref { target, number } => match number {
                    Some(n) => {
                        self.out.push_str("<a href=\"#p-");
                        self.esc(target);
                        self.out.push_str(&format!("\">{n}</a>"));
                    }
                    None => self.out.push_str("[?]"),
                },
                Inline::Inserted { mark, content } => self.change(true, mark, content),
                Inline::Deleted { mark, content } => self.change(false, mark, content),
            }
        }
    }

    /// A tracked change: `<ins>` or `<del>`, titled with its author, dated.
    fn change(&mut self, inserted: bool, mark: &Mark, content: &[Inline]) {
        self.marked = true;
        let tag = if inserted { "ins" } else { "del" };
        self.out.push_str(&format!("<{tag} title=\""));
        self.esc(&mark.author);
        self.out.push_str("\" datetime=\"");
        self.esc(&mark.date);
        self.out.push_str("\">");
        self.inlines(content);
        self.out.push_str(&format!("</{tag}>"));
    }
}
