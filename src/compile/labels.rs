//! Numbers and labels in the draft's language, from the catalogue: chapters ("I.", "一.",
//! "أولا -"), subsections ("A.", "ألف -"), subparagraphs ("(a)", "a)", "(أ)"), paragraphs
//! ("1.", "1 -"), annexes ("Annex I", "附件一", "المرفق الأول"), how a heading joins label and
//! title, and Word's numbering formats derived from the same messages.

use super::tree::{letter, roman};
use crate::i18n::Language;
use fluent_bundle::FluentValue;

fn numbered(lang: Language, key: &str, n: usize, extra: (&str, String)) -> String {
    lang.catalog().format(
        key,
        &[
            ("n", FluentValue::from(n)),
            (extra.0, FluentValue::from(extra.1)),
        ],
    )
}

/// The label of body chapter `n` (1-based).
pub fn chapter(lang: Language, n: usize) -> String {
    numbered(lang, "chapter-label", n, ("roman", roman(n as u32)))
}

/// The label of subsection `n` (1-based) inside a chapter.
pub fn section(lang: Language, n: usize) -> String {
    numbered(
        lang,
        "section-label",
        n,
        ("letter", letter(n - 1).to_uppercase()),
    )
}

/// The label of subparagraph `n` (1-based).
pub fn item(lang: Language, n: usize) -> String {
    numbered(lang, "item-label", n, ("letter", letter(n - 1)))
}

/// The number of body paragraph `n` as printed.
pub fn para(lang: Language, n: u32) -> String {
    lang.catalog()
        .format("para-number", &[("n", FluentValue::from(n))])
}

/// The label of annex `n` (the form fixes the numbers: I agenda, II participants, IV
/// bracketed text).
pub fn annex(lang: Language, n: usize) -> String {
    numbered(lang, "annex-label", n, ("roman", roman(n as u32)))
}

fn join(lang: Language, key: &str, label: &str, title: &str) -> String {
    if label.is_empty() {
        return title.to_string();
    }
    lang.catalog().format(
        key,
        &[
            ("label", FluentValue::from(label)),
            ("title", FluentValue::from(title)),
        ],
    )
}

/// A body chapter's heading: "I. Introduction", "أولا - مقدمة".
pub fn chapter_heading(lang: Language, label: &str, title: &str) -> String {
    join(lang, "heading-chapter", label, title)
}

/// An annex's heading: "Annex I — Agenda".
pub fn annex_heading(lang: Language, label: &str, title: &str) -> String {
    join(lang, "heading-annex", label, title)
}

/// Word's level text for a numbering built from a message: the message formatted with `%1`
/// where the number goes ("%1.", "(%1)", "%1 -").
fn level_text(lang: Language, key: &str, letter_arg: bool) -> String {
    let mut args = vec![("n", FluentValue::from("%1"))];
    if letter_arg {
        args.push(("letter", FluentValue::from("%1")));
    }
    lang.catalog().format(key, &args)
}

/// Word's numbering of body paragraphs: `(w:numFmt, w:lvlText)`.
pub fn docx_para_numbering(lang: Language) -> (String, String) {
    (
        "decimal".to_string(),
        level_text(lang, "para-number", false),
    )
}

/// Word's numbering of subparagraphs: `(w:numFmt, w:lvlText)`, e.g. `lowerLetter` and
/// `(%1)`, or `arabicAbjad` and `(%1)`.
pub fn docx_item_numbering(lang: Language) -> (String, String) {
    (
        lang.catalog().text("docx-item-format"),
        level_text(lang, "item-label", true),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_each_language() {
        assert_eq!(chapter(Language::En, 4), "IV.");
        assert_eq!(chapter(Language::Zh, 4), "四.");
        assert_eq!(chapter(Language::Ar, 2), "ثانيا -");
        assert_eq!(section(Language::Fr, 2), "B.");
        assert_eq!(section(Language::Ar, 3), "جيم -");
        assert_eq!(item(Language::En, 1), "(a)");
        assert_eq!(item(Language::Es, 3), "c)");
        assert_eq!(item(Language::Ar, 2), "(ب)");
        assert_eq!(para(Language::En, 12), "12.");
        assert_eq!(para(Language::Ar, 12), "12 -");
        assert_eq!(annex(Language::Ru, 2), "Приложение II");
        assert_eq!(annex(Language::Zh, 4), "附件四");
        assert_eq!(annex(Language::Ar, 1), "المرفق الأول");
        assert_eq!(
            chapter_heading(Language::Ar, "أولا -", "مقدمة"),
            "أولا - مقدمة"
        );
        assert_eq!(
            annex_heading(Language::En, "Annex I", "Agenda"),
            "Annex I — Agenda"
        );
        assert_eq!(
            chapter_heading(Language::En, "", "Key messages"),
            "Key messages"
        );
    }

    #[test]
    fn word_numbering_follows_the_messages() {
        assert_eq!(
            docx_para_numbering(Language::En),
            ("decimal".into(), "%1.".into())
        );
        assert_eq!(docx_para_numbering(Language::Ar).1, "%1 -");
        assert_eq!(
            docx_item_numbering(Language::En),
            ("lowerLetter".into(), "(%1)".into())
        );
        assert_eq!(docx_item_numbering(Language::Fr).1, "%1)");
        assert_eq!(
            docx_item_numbering(Language::Ar),
            ("arabicAbjad".into(), "(%1)".into())
        );
    }
}
