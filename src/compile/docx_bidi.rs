//! What docx-rs cannot say, added to the XML parts it builds: `w:rtl` on right-to-left runs,
//! the languages of the text (`w:lang`), `w:bidiVisual` on the tables of a right-to-left
//! draft, and a default paragraph style (`Normal`, `w:default="1"`, as Word's own documents
//! have), so python-docx and Word give unstyled paragraphs the document's look.
//!
//! Each edit looks for the exact markup docx-rs writes and fails with an error naming it
//! when that markup is not there, so a docx-rs upgrade that changes its output is caught by
//! the tests instead of silently dropping the marks.

use super::CompileError;
use crate::i18n::Language;
use docx_rs::XMLDocx;

/// The `w:hint` the writer puts on right-to-left runs' fonts; each such run gets `w:rtl`.
pub const RTL_HINT: &str = "cs";

/// Fonts that have each script's glyphs, on Windows and (through fontconfig or by name, see
/// `scripts/setup.sh`) on Linux, where LibreOffice makes the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fonts {
    /// Latin and Cyrillic.
    pub latin: &'static str,
    /// Chinese: SimSun on Windows; fontconfig maps it to Noto Serif CJK SC on Linux.
    pub east_asia: &'static str,
    /// Arabic ("complex script"): Amiri, a Naskh text face, in Arabic drafts.
    pub cs: &'static str,
}

impl Fonts {
    pub fn for_language(lang: Language) -> Fonts {
        Fonts {
            latin: "Times New Roman",
            east_asia: "SimSun",
            cs: if lang == Language::Ar {
                "Amiri"
            } else {
                "Times New Roman"
            },
        }
    }
}

fn missing(part: &str, what: &str) -> CompileError {
    CompileError::Docx(format!(
        "{part}: the markup docx-rs writes for {what} was not found (has docx-rs changed?)"
    ))
}

fn utf8(bytes: &[u8], part: &str) -> Result<String, CompileError> {
    String::from_utf8(bytes.to_vec())
        .map_err(|_| CompileError::Docx(format!("{part} is not UTF-8")))
}

/// The `w:lang` of the document's runs: the draft's language in the Latin slot (English for
/// Arabic and Chinese drafts, whose own slot is `w:bidi` or `w:eastAsia`).
fn lang_element(lang: Language) -> String {
    let val = match lang {
        Language::En | Language::Ar | Language::Zh => "en-GB",
        Language::Fr => "fr-FR",
        Language::Es => "es-ES",
        Language::Ru => "ru-RU",
    };
    format!(r#"<w:lang w:val="{val}" w:eastAsia="zh-CN" w:bidi="ar-SA" />"#)
}

/// Adds the marks to the built parts.
pub fn finish(xml: &mut XMLDocx, lang: Language) -> Result<(), CompileError> {
    xml.styles = styles(&utf8(&xml.styles, "word/styles.xml")?, lang)?.into_bytes();
    xml.document = document(&utf8(&xml.document, "word/document.xml")?, lang)?.into_bytes();
    Ok(())
}

fn styles(s: &str, lang: Language) -> Result<String, CompileError> {
    const PART: &str = "word/styles.xml";
    // The document defaults' run properties say which languages the text is in.
    let defaults = s
        .find("<w:rPrDefault>")
        .ok_or_else(|| missing(PART, "w:rPrDefault"))?;
    let end = s[defaults..]
        .find("</w:rPr>")
        .map(|i| defaults + i)
        .ok_or_else(|| missing(PART, "the default run properties"))?;
    let mut out = String::with_capacity(s.len() + 256);
    out.push_str(&s[..end]);
    out.push_str(&lang_element(lang));
    out.push_str(&s[end..]);
    // docx-rs writes a Normal style without w:default, which python-docx then does not
    // find. It is written again whole, its children in the schema's order. Direction stays
    // per paragraph (a paragraph without w:bidi inherits the style's, so a bidi Normal would
    // turn the English paragraphs of an Arabic draft right to left); Word carries a
    // paragraph's direction to the new one a co-chair starts after it.
    const NORMAL: &str = r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr /><w:pPr><w:rPr /></w:pPr><w:qFormat /></w:style>"#;
    if !out.contains(NORMAL) {
        return Err(missing(PART, "the Normal style"));
    }
    Ok(out.replacen(
        NORMAL,
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal" /><w:qFormat /><w:pPr /><w:rPr /></w:style>"#,
        1,
    ))
}

fn document(s: &str, lang: Language) -> Result<String, CompileError> {
    const PART: &str = "word/document.xml";
    let hint = format!(r#"w:hint="{RTL_HINT}""#);
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    let mut rest = s;
    while let Some(at) = rest.find(&hint) {
        let close = rest[at..]
            .find("</w:rPr>")
            .map(|i| at + i)
            .ok_or_else(|| missing(PART, "a right-to-left run's properties"))?;
        out.push_str(&rest[..close]);
        out.push_str("<w:rtl />");
        rest = &rest[close..];
    }
    out.push_str(rest);
    if lang.is_rtl() {
        // Columns run from the right: w:bidiVisual goes right after the table's style, as
        // CT_TblPr orders its children.
        const STYLE: &str = r#"<w:tblStyle w:val="TableGrid" />"#;
        let tables = out.matches("<w:tbl>").count();
        if out.matches(STYLE).count() != tables {
            return Err(missing(PART, "the tables' style"));
        }
        out = out.replace(STYLE, &format!("{STYLE}<w:bidiVisual />"));
    }
    Ok(out)
}
