//! The compiler's fixed phrases as Project Fluent catalogues, one `.ftl` file per language,
//! embedded at build time and parsed once. A message missing from a translation falls back to
//! English, and one missing from English prints its key: a draft is never refused for a
//! missing phrase, but `tests` below fail on one.

use super::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// Arguments of a message: `(name, value)`; numbers select plural forms.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

/// The `.ftl` source of each language, in [`Language::ALL`] order.
const SOURCES: [(Language, &str); 6] = [
    (Language::Ar, include_str!("locales/ar.ftl")),
    (Language::Zh, include_str!("locales/zh.ftl")),
    (Language::En, include_str!("locales/en.ftl")),
    (Language::Fr, include_str!("locales/fr.ftl")),
    (Language::Ru, include_str!("locales/ru.ftl")),
    (Language::Es, include_str!("locales/es.ftl")),
];

/// One language's phrases.
pub struct Catalog {
    language: Language,
    bundle: FluentBundle<FluentResource>,
    /// Problems found while loading (syntax errors, duplicate keys); empty in a good build.
    problems: Vec<String>,
}

impl Catalog {
    /// The catalogue of `language`, loaded on first use.
    pub fn get(language: Language) -> &'static Catalog {
        static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
        let all =
            CATALOGS.get_or_init(|| SOURCES.iter().map(|(l, s)| Catalog::load(*l, s)).collect());
        all.iter()
            .find(|c| c.language == language)
            .expect("every language has a catalogue")
    }

    fn load(language: Language, source: &str) -> Catalog {
        let mut problems = Vec::new();
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                problems.extend(
                    errors
                        .iter()
                        .map(|e| format!("{}.ftl: {e:?}", language.code())),
                );
                r
            }
        };
        let locale = language
            .code()
            .parse()
            .expect("the six codes are valid language identifiers");
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // No bidi isolation marks (U+2068 … U+2069) around arguments: LibreOffice lays them
        // out as gaps and moves text across them, and the writers mark direction per
        // paragraph and per run instead.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(
                errors
                    .iter()
                    .map(|e| format!("{}.ftl: {e:?}", language.code())),
            );
        }
        Catalog {
            language,
            bundle,
            problems,
        }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether this language's file has the message itself (no fallback).
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    /// A message without arguments.
    pub fn text(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// A message with arguments; English when this language lacks it, the key when English
    /// does too.
    pub fn format(&self, key: &str, args: &Args<'_>) -> String {
        if let Some(s) = self.try_format(key, args) {
            return s;
        }
        if self.language != Language::En {
            return Catalog::get(Language::En).format(key, args);
        }
        key.to_string()
    }

    fn try_format(&self, key: &str, args: &Args<'_>) -> Option<String> {
        let message = self.bundle.get_message(key)?;
        let pattern = message.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let out = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(out.into_owned())
    }

    /// The message ids in this language's file, in file order.
    pub fn keys(&self) -> Vec<String> {
        let (_, source) = SOURCES
            .iter()
            .find(|(l, _)| *l == self.language)
            .expect("every language has a source");
        keys_of(source)
    }

    /// Problems found while loading the file (none in a good build).
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// The variables (`$name`) a message uses, sorted; empty when the message is missing.
    pub fn variables(&self, key: &str) -> Vec<String> {
        variables_of(self.source(), key, false)
    }

    /// The variables a message uses or its comment names (`# $n: the number …`): what the
    /// code passes to it. Checked against English's, where every passed variable is named.
    pub fn passed_variables(&self, key: &str) -> Vec<String> {
        variables_of(self.source(), key, true)
    }

    fn source(&self) -> &'static str {
        SOURCES
            .iter()
            .find(|(l, _)| *l == self.language)
            .map(|(_, s)| *s)
            .expect("every language has a source")
    }
}

fn parse(source: &str) -> fluent_syntax::ast::Resource<&str> {
    fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r)
}

fn keys_of(source: &str) -> Vec<String> {
    parse(source)
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

fn variables_of(source: &str, key: &str, with_comment: bool) -> Vec<String> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn pattern(p: &Pattern<&str>, out: &mut Vec<String>) {
        for e in &p.elements {
            if let PatternElement::Placeable { expression } = e {
                expr(expression, out);
            }
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
            Expression::Inline(i) => inline(i, out),
        }
    }
    fn inline(i: &InlineExpression<&str>, out: &mut Vec<String>) {
        match i {
            InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            InlineExpression::Placeable { expression } => expr(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in parse(source).body {
        if let Entry::Message(m) = entry {
            if m.id.name == key {
                if let Some(v) = &m.value {
                    pattern(v, &mut out);
                }
                if with_comment {
                    for line in m.comment.iter().flat_map(|c| &c.content) {
                        for word in
                            line.split(|c: char| !(c.is_alphanumeric() || "$-_".contains(c)))
                        {
                            if let Some(name) = word.strip_prefix('$') {
                                out.push(name.to_string());
                            }
                        }
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue check: every language has exactly English's keys, parses cleanly, and
    /// uses no variable English does not pass.
    #[test]
    fn every_language_has_every_key_and_no_stray_variable() {
        let en = Catalog::get(Language::En);
        let keys = en.keys();
        assert!(keys.len() > 50, "the English catalogue looks truncated");
        for lang in Language::ALL {
            let c = Catalog::get(lang);
            assert!(c.problems().is_empty(), "{:?}", c.problems());
            let mine = c.keys();
            let missing: Vec<&String> = keys.iter().filter(|k| !mine.contains(k)).collect();
            let extra: Vec<&String> = mine.iter().filter(|k| !keys.contains(k)).collect();
            assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{lang}.ftl has keys English lacks: {extra:?}"
            );
            let mut seen = std::collections::HashSet::new();
            for k in &mine {
                assert!(seen.insert(k), "{lang}.ftl defines {k} twice");
                let stray: Vec<String> = c
                    .variables(k)
                    .into_iter()
                    .filter(|v| !en.passed_variables(k).contains(v))
                    .collect();
                assert!(
                    stray.is_empty(),
                    "{lang}.ftl: {k} uses {stray:?}, which English does not pass"
                );
            }
        }
    }

    #[test]
    fn plural_rules_are_the_languages_own() {
        let n = |lang: Language, k: usize| {
            Catalog::get(lang).format(
                "attendance",
                &[
                    ("participants", FluentValue::from(k)),
                    ("entities", FluentValue::from(1)),
                ],
            )
        };
        assert!(
            n(Language::En, 1).contains("1 participant "),
            "{}",
            n(Language::En, 1)
        );
        assert!(n(Language::En, 2).contains("2 participants"));
        // Russian: 1 участник, 3 участника, 5 участников.
        assert!(
            n(Language::Ru, 3).contains("3 участника"),
            "{}",
            n(Language::Ru, 3)
        );
        assert!(
            n(Language::Ru, 5).contains("5 участников"),
            "{}",
            n(Language::Ru, 5)
        );
        assert!(
            n(Language::Ru, 21).contains("21 участник "),
            "{}",
            n(Language::Ru, 21)
        );
    }

    #[test]
    fn a_missing_key_falls_back_to_english_then_to_the_key() {
        let fr = Catalog::get(Language::Fr);
        assert_eq!(fr.text("no-such-message"), "no-such-message");
        assert!(!fr.has("no-such-message"));
    }
}
