//! The six UN languages: which one a draft is written in, which one the window speaks, and the
//! catalogue of the compiler's fixed phrases in each.
//!
//! [`Language`] is the vocabulary (codes `en fr es ar ru zh`, defined once here; the CLI, the
//! event document and the window derive from it). [`Catalog`] holds the draft's phrases as
//! Project Fluent messages (`locales/<code>.ftl`, embedded in the binary) and formats them with
//! the language's plural rules; [`dates`] writes dates and date ranges from the catalogue's
//! month and weekday names. The window's own strings are a second Fluent catalogue in
//! `ui/src/i18n/locales/`; both are checked for missing keys by tests.
//!
//! Why Fluent rather than ICU MessageFormat: one file format and two maintained libraries
//! (`fluent-bundle` here, `@fluent/bundle` in the window), plural and selector rules per
//! language written by the translator rather than by the code, and plain-text files a
//! translator can read without tooling. ICU MessageFormat has no maintained Rust formatter.

mod catalog;
pub mod dates;

pub use catalog::{Args, Catalog};

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One of the six official languages of the United Nations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Fr,
    Es,
    Ar,
    Ru,
    Zh,
}

impl Language {
    /// Every language, in the order the UN lists them in English (alphabetical by English name).
    pub const ALL: [Language; 6] = [
        Language::Ar,
        Language::Zh,
        Language::En,
        Language::Fr,
        Language::Ru,
        Language::Es,
    ];

    /// The two-letter code (ISO 639-1) used on the command line, in the event document and in
    /// the catalogue's file names.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Ar => "ar",
            Language::Ru => "ru",
            Language::Zh => "zh",
        }
    }

    /// A BCP 47 tag for documents (`w:lang`, HTML `lang`): the region UN documents are written
    /// for is not implied, so only Chinese carries its script (Simplified).
    pub fn tag(self) -> &'static str {
        match self {
            Language::Zh => "zh-Hans",
            other => other.code(),
        }
    }

    /// Whether text in this language runs right to left.
    pub fn is_rtl(self) -> bool {
        self == Language::Ar
    }

    /// The language's own name for itself ("Français"), for choosing it.
    pub fn autonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "Français",
            Language::Es => "Español",
            Language::Ar => "العربية",
            Language::Ru => "Русский",
            Language::Zh => "中文",
        }
    }

    /// The language a POSIX locale name asks for (`fr_CH.UTF-8`, `ar`, `zh_CN.GB2312`,
    /// `es-419`); English for `C`, `POSIX`, an empty value or a language that is not one of
    /// the six.
    pub fn from_locale(locale: &str) -> Language {
        let lang = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        lang.parse().unwrap_or_default()
    }

    /// The language of the process's locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty, as POSIX orders them; English when none is (or it is `C`).
    pub fn from_environment() -> Language {
        Self::from_env_values(|k| std::env::var(k).ok())
    }

    /// [`Language::from_environment`] with the variables read through `get` (for tests).
    pub fn from_env_values(get: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k))
            .find(|v| !v.trim().is_empty())
            .map(|v| Language::from_locale(v.trim()))
            .unwrap_or_default()
    }

    /// The compiler's catalogue in this language.
    pub fn catalog(self) -> &'static Catalog {
        Catalog::get(self)
    }
}

impl FromStr for Language {
    type Err = String;
    /// The code (`fr`), case-insensitively; the English name (`french`) is accepted as an
    /// alias.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(Language::En),
            "fr" | "french" => Ok(Language::Fr),
            "es" | "spanish" => Ok(Language::Es),
            "ar" | "arabic" => Ok(Language::Ar),
            "ru" | "russian" => Ok(Language::Ru),
            "zh" | "chinese" => Ok(Language::Zh),
            other => Err(format!(
                "unknown language {other:?} (expected en, fr, es, ar, ru or zh)"
            )),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_aliases_parse() {
        for l in Language::ALL {
            assert_eq!(l.code().parse::<Language>(), Ok(l));
            assert_eq!(l.code().to_uppercase().parse::<Language>(), Ok(l));
        }
        assert_eq!("French".parse::<Language>(), Ok(Language::Fr));
        let err = "de".parse::<Language>().unwrap_err();
        assert!(err.contains("expected en, fr, es, ar, ru or zh"), "{err}");
    }

    #[test]
    fn locales_map_to_languages_and_c_is_english() {
        for (locale, want) in [
            ("fr_CH.UTF-8", Language::Fr),
            ("ar_LB.UTF-8", Language::Ar),
            ("zh_CN.GB2312", Language::Zh),
            ("ru_RU", Language::Ru),
            ("es-419", Language::Es),
            ("en_GB.UTF-8", Language::En),
            ("C", Language::En),
            ("C.UTF-8", Language::En),
            ("POSIX", Language::En),
            ("", Language::En),
            ("de_DE.UTF-8", Language::En),
            ("sr_RS@latin", Language::En),
        ] {
            assert_eq!(Language::from_locale(locale), want, "{locale}");
        }
    }

    #[test]
    fn the_environment_is_read_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Language::from_env_values(env(&[])), Language::En);
        assert_eq!(
            Language::from_env_values(env(&[("LANG", "fr_FR.UTF-8")])),
            Language::Fr
        );
        assert_eq!(
            Language::from_env_values(env(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")])),
            Language::En,
            "LC_ALL wins, and C is English"
        );
        assert_eq!(
            Language::from_env_values(env(&[("LC_ALL", ""), ("LC_MESSAGES", "ar_EG.UTF-8")])),
            Language::Ar,
            "an empty variable is skipped"
        );
    }
}
