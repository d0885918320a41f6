//! Speaker tags (`@handle`) in notes and summaries, rewritten for the chosen attribution mode.
//!
//! A tag names a participant by handle (case-insensitive) or, failing that, an entity. In
//! `named` mode it becomes the person's name, in `entity` mode the entity, and in `none`
//! (Chatham House) mode it becomes "a participant" / "participants" so that no name, handle or
//! attributing entity is left in the discussion text. Names typed out in plain text cannot be
//! rewritten safely; `leftover_names` finds them so the report can list them.

use super::tree::{is_rtl_char, Inline};
use super::Attribution;
use crate::i18n::Language;
use crate::model::Participant;

/// What tags become in Chatham House mode, in the draft's language.
struct Anonymous {
    one: String,
    one_start: String,
    many: String,
    many_start: String,
}

impl Anonymous {
    fn new(lang: Language) -> Self {
        let c = lang.catalog();
        Anonymous {
            one: c.text("chatham-one"),
            one_start: c.text("chatham-one-start"),
            many: c.text("chatham-many"),
            many_start: c.text("chatham-many-start"),
        }
    }
}

/// Rewrites speaker tags in place; returns the handles that matched nobody.
pub fn apply(
    content: &mut [Inline],
    people: &[Participant],
    mode: Attribution,
    lang: Language,
) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut first = true;
    let words = Anonymous::new(lang);
    let ctx = Ctx {
        people,
        mode,
        words: &words,
    };
    walk(content, &ctx, &mut first, &mut unknown);
    unknown
}

struct Ctx<'a> {
    people: &'a [Participant],
    mode: Attribution,
    words: &'a Anonymous,
}

fn walk(content: &mut [Inline], ctx: &Ctx<'_>, first: &mut bool, unknown: &mut Vec<String>) {
    for inline in content {
        match inline {
            Inline::Text(t) if t.contains('@') => {
                *t = rewrite(t, ctx, *first, unknown);
            }
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                walk(c, ctx, first, unknown)
            }
            _ => {}
        }
        *first = false;
    }
}

struct Tag {
    start: usize,
    end: usize,
    handle: String,
}

fn find_tags(s: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        // A tag starts a word; in Arabic script it may follow a one-letter prefix written
        // on to it ("و@ирина", "and Irina"), so a letter of that script is a boundary too.
        let boundary = prev.is_none_or(|p| !(is_name_char(p) || p == '_') || is_rtl_char(p));
        if c == '@' && boundary {
            let rest = &s[i + 1..];
            let len: usize = rest
                .chars()
                .take_while(|&ch| is_name_char(ch) || matches!(ch, '_' | '-' | '.'))
                .map(char::len_utf8)
                .sum();
            let handle = rest[..len].trim_end_matches(['.', '-']);
            if handle.chars().next().is_some_and(char::is_alphanumeric) {
                let end = i + 1 + handle.len();
                tags.push(Tag {
                    start: i,
                    end,
                    handle: handle.to_string(),
                });
                while iter.peek().is_some_and(|&(j, _)| j < end) {
                    iter.next();
                }
                prev = handle.chars().last();
                continue;
            }
        }
        prev = Some(c);
    }
    tags
}

/// A letter or digit of a handle in any script, with the combining marks some scripts write
/// on their letters (Arabic vowel signs, decomposed accents) and the joiners Arabic-script
/// names use.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036F      // combining diacritical marks (é written as e + ́)
            | 0x0610..=0x061A    // Arabic signs
            | 0x064B..=0x065F    // Arabic vowel marks (harakat), shadda, sukun
            | 0x0670             // superscript alef
            | 0x06D6..=0x06ED    // Quranic annotation marks
            | 0x200C | 0x200D    // zero-width non-joiner and joiner
        )
}

/// The participant a handle names: by handle first, then by entity.
pub fn resolve<'a>(handle: &str, people: &'a [Participant]) -> Option<(&'a Participant, bool)> {
    people
        .iter()
        .find(|p| !p.handle.is_empty() && p.handle.eq_ignore_ascii_case(handle))
        .map(|p| (p, true))
        .or_else(|| {
            people
                .iter()
                .find(|p| !p.entity.is_empty() && p.entity.eq_ignore_ascii_case(handle))
                .map(|p| (p, false))
        })
}

/// Whether the text between two tags joins them ("@a and @b", "@a et @b", "@a و@b"), in any
/// of the six languages: notes may be in another language than the draft.
fn joiner(gap: &str) -> bool {
    matches!(
        gap.trim(),
        "," | "and"
            | ", and"
            | "/"
            | "&"
            | "+"
            | "et"
            | ", et"
            | "y"
            | ", y"
            | "e"
            | "и"
            | ", и"
            | "و"
            | "، و"
            | "،"
            | "和"
            | "与"
            | "、"
            | "，"
    )
}

fn rewrite(s: &str, ctx: &Ctx<'_>, at_start: bool, unknown: &mut Vec<String>) -> String {
    let (people, mode) = (ctx.people, ctx.mode);
    let tags = find_tags(s);
    if tags.is_empty() {
        return s.to_string();
    }
    for t in &tags {
        if resolve(&t.handle, people).is_none() && !unknown.contains(&t.handle) {
            unknown.push(t.handle.clone());
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut pos = 0;
    let mut i = 0;
    while i < tags.len() {
        let start = tags[i].start;
        out.push_str(&s[pos..start]);
        match mode {
            Attribution::None => {
                let mut j = i;
                while j + 1 < tags.len() && joiner(&s[tags[j].end..tags[j + 1].start]) {
                    j += 1;
                }
                let before = out.trim_end();
                let cap = (before.is_empty() && at_start)
                    || before.ends_with(['.', '!', '?', '。', '！', '？', '؟']);
                let w = ctx.words;
                let word = match (j > i, cap) {
                    (true, true) => &w.many_start,
                    (true, false) => &w.many,
                    (false, true) => &w.one_start,
                    (false, false) => &w.one,
                };
                out.push_str(word);
                pos = tags[j].end;
                i = j + 1;
            }
            Attribution::Named | Attribution::Entity => {
                let t = &tags[i];
                let shown = match resolve(&t.handle, people) {
                    Some((p, by_handle)) => {
                        let named = mode == Attribution::Named && by_handle && !p.name.is_empty();
                        if named || p.entity.is_empty() {
                            p.name.clone()
                        } else {
                            p.entity.clone()
                        }
                    }
                    None => t.handle.clone(),
                };
                out.push_str(&shown);
                pos = t.end;
                i += 1;
            }
        }
    }
    out.push_str(&s[pos..]);
    out
}

/// Participant names (as written) that occur in `text` as whole words, case-insensitively.
pub fn leftover_names<'a>(text: &str, people: &'a [Participant]) -> Vec<&'a str> {
    let lower = text.to_lowercase();
    let mut found: Vec<&str> = Vec::new();
    for p in people {
        let name = p.name.trim();
        if name.chars().count() >= 3
            && contains_word(&lower, &name.to_lowercase())
            && !found.contains(&name)
        {
            found.push(name);
        }
    }
    found
}

/// Whether `needle` occurs in `hay` with no letter or digit directly before or after it.
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, m)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Vec<Participant> {
        vec![
            Participant {
                id: "p1".into(),
                name: "Amina Diallo".into(),
                entity: "IOM".into(),
                handle: "amina".into(),
                ..Participant::default()
            },
            Participant {
                id: "p2".into(),
                name: String::new(),
                entity: "FAO".into(),
                handle: "fao".into(),
                ..Participant::default()
            },
        ]
    }

    fn run(s: &str, mode: Attribution) -> String {
        let mut c = vec![Inline::text(s)];
        apply(&mut c, &people(), mode, Language::En);
        super::super::tree::plain_text(&c)
    }

    #[test]
    fn modes() {
        let s = "@Amina noted the draft; @FAO and @iom agreed. Mail a@b.org.";
        assert_eq!(
            run(s, Attribution::Named),
            "Amina Diallo noted the draft; FAO and IOM agreed. Mail a@b.org."
        );
        assert_eq!(
            run(s, Attribution::Entity),
            "IOM noted the draft; FAO and IOM agreed. Mail a@b.org."
        );
        assert_eq!(
            run(s, Attribution::None),
            "A participant noted the draft; participants agreed. Mail a@b.org."
        );
        assert_eq!(
            run("It was noted by @amina.", Attribution::None),
            "It was noted by a participant."
        );
    }

    #[test]
    fn handles_in_other_scripts() {
        let mut people = people();
        people.push(Participant {
            id: "p3".into(),
            name: "محمّد الأمين".into(),
            entity: "ESCWA".into(),
            handle: "محمّد".into(),
            role: String::new(),
            ..Participant::default()
        });
        people.push(Participant {
            id: "p4".into(),
            name: "Ирина Петрова".into(),
            entity: "UNECE".into(),
            handle: "ирина".into(),
            role: String::new(),
            ..Participant::default()
        });
        let mut c = vec![Inline::text("قال @محمّد و@ирина إن …")];
        let unknown = apply(&mut c, &people, Attribution::Named, Language::Ar);
        assert!(unknown.is_empty(), "{unknown:?}");
        assert_eq!(
            super::super::tree::plain_text(&c),
            "قال محمّد الأمين وИрина Петрова إن …"
        );
        let mut c = vec![Inline::text("@Ирина et @amina ont noté.")];
        apply(&mut c, &people, Attribution::None, Language::Fr);
        assert_eq!(
            super::super::tree::plain_text(&c),
            "Des participants ont noté."
        );
    }

    #[test]
    fn unknown_handles_reported() {
        let mut c = vec![Inline::text("@nobody spoke")];
        let unknown = apply(&mut c, &people(), Attribution::Named, Language::En);
        assert_eq!(unknown, vec!["nobody".to_string()]);
    }

    #[test]
    fn leftovers() {
        assert_eq!(
            leftover_names("as amina diallo said", &people()),
            vec!["Amina Diallo"]
        );
        // Whole words only: a name inside another word is not a leftover.
        assert!(leftover_names("as xamina dialloz said", &people()).is_empty());
    }
}
