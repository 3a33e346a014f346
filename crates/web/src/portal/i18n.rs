//! Translations (I-2): Fluent files embedded at compile time, one per language, chosen by the
//! signed-in person's preferred language, else the language cookie, else the browser's
//! `Accept-Language`, else English.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
use switchboard_domain::{Language, TimeZone};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static DE: LanguageIdentifier = langid!("de");
static FR: LanguageIdentifier = langid!("fr");

/// The translator of one page: the reader's language, and the time zone they read times in.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Language,
    pub zone: TimeZone,
}

impl Tr {
    pub fn new(lang: Language) -> Self {
        Self {
            lang,
            zone: TimeZone::utc(),
        }
    }

    pub fn in_zone(mut self, zone: TimeZone) -> Self {
        self.zone = zone;
        self
    }

    /// An instant as the reader writes dates, in their time zone, with the zone's abbreviation:
    /// `8 Dec 2026, 14:05 CET`, `08.12.2026, 14:05 CET`, `08/12/2026 14:05 CET`.
    pub fn when(&self, at: switchboard_domain::Timestamp) -> String {
        let t = self.zone.local(at);
        let (d, m, y, hh, mm, zone) = (t.day, t.month, t.year, t.hour, t.minute, t.zone);
        match self.lang {
            Language::English => {
                let month = self.t(&format!("month-short-{m}"));
                format!("{d} {month} {y}, {hh:02}:{mm:02} {zone}")
            }
            Language::German => format!("{d:02}.{m:02}.{y}, {hh:02}:{mm:02} {zone}"),
            Language::French => format!("{d:02}/{m:02}/{y} {hh:02}:{mm:02} {zone}"),
        }
    }

    fn id(&self) -> &'static LanguageIdentifier {
        match self.lang {
            Language::English => &EN,
            Language::German => &DE,
            Language::French => &FR,
        }
    }

    /// The `lang` attribute of the page.
    pub fn code(&self) -> &'static str {
        self.lang.as_str()
    }

    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(self.id(), key)
    }

    /// A message with one argument, e.g. `home-title` with `name`.
    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            HashMap::from([(Cow::Borrowed(name), FluentValue::from(value.to_owned()))]);
        LOCALES.lookup_with_args(self.id(), key, &args)
    }

    /// A message about `count` things: its `$count` is a number, so that the message can
    /// choose its plural form (`one`, `other`).
    pub fn count(&self, key: &str, count: u64) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            HashMap::from([(Cow::Borrowed("count"), FluentValue::from(count))]);
        LOCALES.lookup_with_args(self.id(), key, &args)
    }

    /// A message about `count` things with other named arguments; `$count` is a number, so that
    /// the message can choose its plural form.
    pub fn count_with(&self, key: &str, count: u64, args: &[(&'static str, &str)]) -> String {
        let mut all: HashMap<Cow<'static, str>, FluentValue> =
            HashMap::from([(Cow::Borrowed("count"), FluentValue::from(count))]);
        for (name, value) in args {
            all.insert(Cow::Borrowed(*name), FluentValue::from((*value).to_owned()));
        }
        LOCALES.lookup_with_args(self.id(), key, &all)
    }

    /// A message with named arguments, or `None` when the key has no message.
    pub fn try_with<'a>(
        &self,
        key: &str,
        args: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Option<String> {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .into_iter()
            .map(|(name, value)| {
                (
                    Cow::Owned(name.to_owned()),
                    FluentValue::from(value.to_owned()),
                )
            })
            .collect();
        LOCALES.try_lookup_with_args(self.id(), key, &args)
    }

    /// A field error in this language, by its stable code; the service's English message when
    /// there is no translation for the code.
    pub fn field_error(&self, code: &str, fallback: &str) -> String {
        LOCALES
            .try_lookup(self.id(), &format!("error-{code}"))
            .unwrap_or_else(|| fallback.to_owned())
    }
}

impl Tr {
    /// A refusal in this language, by its stable code, with the value it is about; the
    /// service's English text when there is no translation for the code.
    pub fn problem(&self, error: &switchboard_app::AppError, value: &str) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            HashMap::from([(Cow::Borrowed("value"), FluentValue::from(value.to_owned()))]);
        LOCALES
            .try_lookup_with_args(self.id(), &format!("problem-{}", error.code()), &args)
            .unwrap_or_else(|| error.to_string())
    }
}

/// The best of our languages for an `Accept-Language` header (`de-AT,de;q=0.9,en;q=0.5`).
pub fn negotiate(accept_language: &str) -> Option<Language> {
    let mut ranked: Vec<(f32, Language)> = accept_language
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim().to_ascii_lowercase();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse().ok()))
                .unwrap_or(1.0);
            let primary = tag.split('-').next()?;
            Language::parse(primary).map(|lang| (q, lang))
        })
        .filter(|(q, _)| *q > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked.first().map(|(_, lang)| *lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(ftl: &str) -> Vec<String> {
        ftl.lines()
            .filter(|l| !l.starts_with(' ') && !l.starts_with('#'))
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_owned()))
            .collect()
    }

    #[test]
    fn i2_every_message_exists_in_english_german_and_french() {
        let en = keys(include_str!("../../locales/en/portal.ftl"));
        let de = keys(include_str!("../../locales/de/portal.ftl"));
        let fr = keys(include_str!("../../locales/fr/portal.ftl"));
        assert!(en.len() > 50);
        assert_eq!(en, de, "German keys differ from English");
        assert_eq!(en, fr, "French keys differ from English");
    }

    #[test]
    fn i2_messages_are_translated_with_arguments() {
        assert_eq!(Tr::new(Language::German).t("sign-in-title"), "Anmelden");
        assert_eq!(
            Tr::new(Language::French).t1("home-title", "name", "Émilie"),
            "Bienvenue, Émilie"
        );
        assert_eq!(
            Tr::new(Language::German).field_error("password-too-short", "x"),
            "Das Kennwort braucht mindestens 12 Zeichen."
        );
        assert_eq!(
            Tr::new(Language::German).field_error("no-such-code", "fallback"),
            "fallback"
        );
    }

    #[test]
    fn i2_accept_language_picks_the_best_supported_language() {
        assert_eq!(negotiate("de-AT,de;q=0.9,en;q=0.5"), Some(Language::German));
        assert_eq!(
            negotiate("es-ES,fr;q=0.8,en;q=0.9"),
            Some(Language::English)
        );
        assert_eq!(negotiate("es, it"), None);
        assert_eq!(negotiate("fr;q=0, de;q=0.1"), Some(Language::German));
    }
}
