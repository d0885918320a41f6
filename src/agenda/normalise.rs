//! The first pass over pasted text: what a browser, a PDF viewer or a Markdown file puts around
//! an agenda, taken away line by line so the grammar after it sees words, times and cell bars.
//!
//! Line numbers never change: a line that holds nothing (YAML front matter, an HTML comment, a
//! Markdown table rule `|---|---|`, a kramdown `{: …}` attribute) becomes an empty line. On each
//! line: odd spaces (no-break, thin, zero-width) become plain spaces or nothing, private-use
//! glyphs (PDF bullet icons) are dropped, HTML entities are decoded and tags removed, Markdown
//! headings (`### `), bullets (`- `, `* `, `•`, `►`), links (`[text](url)` → text), images,
//! emphasis and hard breaks (`\` at the end) are taken off. What was a heading or a bullet is
//! remembered, because the layout pass reads it.

use super::classify::strip_markup;

/// One line after the first pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clean {
    pub text: String,
    /// The line was a Markdown heading (`#`…).
    pub heading: bool,
    /// The line started with a bullet or a dash.
    pub bullet: bool,
    /// The line started with spaces or a tab (a sub-item).
    pub indented: bool,
    /// A name set in bold with underscores at the end of the line ("… __Bioinformatics
    /// Core__"): the speaker, not part of the title.
    pub speaker: Option<String>,
}

/// Decodes the HTML entities pasted text and generated files carry.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let semi = tail.find(';').filter(|i| *i <= 10);
        let decoded = semi.and_then(|i| {
            let name = &tail[1..i];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Spaces of every kind become a plain space; invisible and private-use characters go.
fn plain_spaces(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
            '\u{E000}'..='\u{F8FF}' => Some(' '),
            c if c.is_whitespace() && c != '\t' => Some(' '),
            c => Some(c),
        })
        .collect()
}

/// `[text](url)` → text; `![alt](src)` → nothing.
fn strip_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let tail = &rest[open..];
        let parsed = tail.find("](").and_then(|close| {
            let end = tail[close + 2..].find(')')? + close + 2;
            Some((&tail[1..close], end + 1))
        });
        match parsed {
            Some((text, len)) if !text.contains('[') => {
                let image = out.ends_with('!');
                if image {
                    out.pop();
                }
                out.push_str(&rest[..open]);
                if !image {
                    out.push_str(text);
                }
                rest = &tail[len..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_table_rule(line: &str) -> bool {
    let t = line.trim();
    t.contains('-')
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t' | '+' | '='))
        && t.chars().filter(|c| *c == '-').count() >= 3
}

const BULLETS: [&str; 12] = [
    "- ", "* ", "+ ", "• ", "•", "► ", "►", "▪ ", "◦ ", "‣ ", "→ ", "· ",
];

/// One line cleaned (see the module docs).
fn clean_line(raw: &str) -> Clean {
    let spaced = plain_spaces(raw);
    let indented = spaced.starts_with([' ', '\t']);
    // Tabs are cell boundaries (a table copied out of Word): only spaces are trimmed.
    let mut s = if spaced.contains('\t') {
        spaced.trim_matches(' ').to_string()
    } else {
        spaced.trim().to_string()
    };
    if s.starts_with("{:") && s.ends_with('}') || is_table_rule(&s) {
        return Clean::default();
    }
    let mut heading = false;
    let hashes = s.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with(' ') {
        s = s[hashes..].trim().to_string();
        heading = true;
    }
    let mut bullet = false;
    for b in BULLETS {
        if let Some(rest) = s.strip_prefix(b) {
            s = rest.trim_start().to_string();
            bullet = true;
            break;
        }
    }
    let mut speaker = None;
    if let Some(body) = s.trim_end().strip_suffix("__") {
        if let Some(open) = body.rfind("__").filter(|i| *i > 0) {
            speaker = Some(body[open + 2..].trim().to_string()).filter(|n| !n.is_empty());
            if speaker.is_some() {
                s = body[..open].to_string();
            }
        }
    }
    let s = strip_markup(&decode_entities(&strip_links(&s)));
    let s = s.trim_end_matches('\\').trim_matches(' ').to_string();
    Clean {
        text: s,
        heading,
        bullet,
        indented,
        speaker,
    }
}

/// Blanks YAML front matter at the top of the text (`---` … `---`).
fn blank_front_matter(lines: &mut [String]) {
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return;
    };
    if lines[first].trim() != "---" {
        return;
    }
    let limit = (first + 80).min(lines.len());
    if let Some(close) = (first + 1..limit).find(|&i| lines[i].trim() == "---") {
        for line in &mut lines[first..=close] {
            line.clear();
        }
    }
}

/// Blanks HTML comments, which a browser never shows, even across lines.
fn blank_comments(lines: &mut [String]) {
    let mut inside = false;
    for line in lines.iter_mut() {
        let mut out = String::new();
        let mut rest = line.as_str();
        loop {
            if inside {
                match rest.find("-->") {
                    Some(i) => {
                        rest = &rest[i + 3..];
                        inside = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(i) => {
                        out.push_str(&rest[..i]);
                        rest = &rest[i + 4..];
                        inside = true;
                    }
                    None => {
                        out.push_str(rest);
                        break;
                    }
                }
            }
        }
        *line = out;
    }
}

/// The raw lines of `text` with what a reader never sees blanked: YAML front matter and HTML
/// comments. The index is the line number minus one.
fn visible_lines(text: &str) -> Vec<String> {
    let mut raw: Vec<String> = text
        .trim_start_matches('\u{feff}')
        .split('\n')
        .map(|l| l.trim_end_matches('\r').to_string())
        .collect();
    blank_front_matter(&mut raw);
    blank_comments(&mut raw);
    raw
}

/// `text` with its front matter and comments blanked, otherwise as written (for the
/// concept-note reader, which reads bullets and enumerators itself).
pub fn visible(text: &str) -> String {
    visible_lines(text).join("\n")
}

/// Every line of `text`, cleaned; the index is the line number minus one.
pub fn lines(text: &str) -> Vec<Clean> {
    visible_lines(text).iter().map(|l| clean_line(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_html_and_spaces_are_taken_off() {
        let l = lines("---\ntitle: x\n---\n### Monday, June 26 \n|:--- |:--- |\n|**8:50 am**  | Zoom |\n- **08:00**: Buses\n[Part 1](part1/README.md)\n<!-- ### Tuesday\n**9:00 am** x -->\nAgenda of&nbsp;the&#x27;day\\\n\u{f0b7} Item");
        let t: Vec<&str> = l.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "",
                "",
                "",
                "Monday, June 26",
                "",
                "|8:50 am  | Zoom |",
                "08:00: Buses",
                "Part 1",
                "",
                "",
                "Agenda of the'day",
                "Item"
            ]
        );
        assert!(l[3].heading && l[6].bullet);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#x3D; c &#39;d&unknown;"),
            "a & b = c 'd&unknown;"
        );
    }
}
