//! The config file's warnings put into words, once the language is decided (it may
//! come from the file itself). The key names, the values as written, the TOML
//! parser's message and the file's path stay as they are.

use super::{Lang, T, reason};
use crate::config::{COLOUR_NAMES, ConfigProblem as P, ConfigWarning, Section};

/// One warning of `Config::load`, in `lang`.
pub fn config_warning(lang: Lang, w: &ConfigWarning) -> String {
    let file: &dyn std::fmt::Display = &w.file;
    match &w.problem {
        P::Unreadable { reason: why } => lang.fill(
            T::CfgUnreadable,
            &[("file", file), ("why", &reason(lang, why))],
        ),
        P::NotToml { message } => lang.fill(T::CfgNotToml, &[("file", file), ("why", message)]),
        P::UnknownLang { value } => {
            lang.fill(T::CfgUnknownLang, &[("file", file), ("value", value)])
        }
        P::NotText { key, value } => lang.fill(
            T::CfgNotText,
            &[("file", file), ("key", key), ("value", value)],
        ),
        P::DueSoonDays { value, kept } => lang.fill(
            T::CfgDueSoonDays,
            &[("file", file), ("value", value), ("kept", kept)],
        ),
        P::UnknownColourRole { key } => {
            lang.fill(T::CfgUnknownColourRole, &[("file", file), ("key", key)])
        }
        P::UnknownColour { key, value } => lang.fill(
            T::CfgUnknownColour,
            &[
                ("file", file),
                ("key", key),
                ("value", value),
                ("names", &COLOUR_NAMES.join(", ")),
            ],
        ),
        P::MouseNotBool { value, kept } => lang.fill(
            T::CfgMouseNotBool,
            &[("file", file), ("value", value), ("kept", kept)],
        ),
        P::UnknownMailKey { key, value } => lang.fill(
            T::CfgUnknownMailKey,
            &[("file", file), ("key", key), ("value", value)],
        ),
        P::NotSection { section, value } => {
            let key = section.name();
            let hint = match section {
                Section::Colours { .. } => lang.fill(T::CfgHintColours, &[("key", &key)]),
                Section::Keys => lang.t(T::CfgHintKeys).to_string(),
                Section::Mail => lang.t(T::CfgHintMail).to_string(),
            };
            lang.fill(
                T::CfgNotSection,
                &[
                    ("file", file),
                    ("key", &key),
                    ("value", value),
                    ("hint", &hint),
                ],
            )
        }
        P::UnknownKey { key } => lang.fill(T::CfgUnknownKey, &[("file", file), ("key", key)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// The one warning `text` gives, in both languages.
    fn both(text: &str) -> (String, String) {
        let (_, w) = Config::parse(text, "c.toml");
        assert_eq!(w.len(), 1, "{w:?}");
        (
            config_warning(Lang::En, &w[0]),
            config_warning(Lang::Fr, &w[0]),
        )
    }

    #[test]
    fn each_warning_of_the_config_file_reads_in_english_and_french() {
        let names = COLOUR_NAMES.join(", ");
        let cases: &[(&str, String, String)] = &[
            (
                "lang = \"de\"",
                "c.toml: key `lang`: \"de\" is neither \"fr\" nor \"en\"; ignored".into(),
                "c.toml : clé `lang` : \"de\" n'est ni « fr » ni « en » ; ignorée".into(),
            ),
            (
                "lang = 3",
                "c.toml: key `lang`: 3 is not a string; ignored".into(),
                "c.toml : clé `lang` : 3 n'est pas une chaîne de caractères ; ignorée".into(),
            ),
            (
                "me = true",
                "c.toml: key `me`: true is not a string; ignored".into(),
                "c.toml : clé `me` : true n'est pas une chaîne de caractères ; ignorée".into(),
            ),
            (
                "due_soon_days = -1",
                "c.toml: key `due_soon_days`: -1 is not a number of days between 0 and 3650; using 30".into(),
                "c.toml : clé `due_soon_days` : -1 n'est pas un nombre de jours entre 0 et 3650 ; la valeur 30 s'applique".into(),
            ),
            (
                "[colours]\nlate = \"red\"",
                "c.toml: key `colours.late`: unknown colour role (known: overdue, due_soon, done, accent); ignored".into(),
                "c.toml : clé `colours.late` : rôle de couleur inconnu (rôles connus : overdue, due_soon, done, accent) ; ignorée".into(),
            ),
            (
                "[colors]\noverdue = \"pink\"",
                format!("c.toml: key `colors.overdue`: \"pink\" is not one of the 16 colour names ({names}); ignored"),
                format!("c.toml : clé `colors.overdue` : \"pink\" n'est pas l'un des 16 noms de couleur ({names}) ; ignorée"),
            ),
            (
                "mouse = \"no\"",
                "c.toml: key `mouse`: \"no\" is neither true nor false; using true".into(),
                "c.toml : clé `mouse` : \"no\" n'est ni true ni false ; la valeur true s'applique".into(),
            ),
            (
                "[mail]\nfrm = \"a@b.fr\"",
                "c.toml: key `mail.frm`: \"a@b.fr\" is not known (known: from = \"address@domain.org\"); ignored".into(),
                "c.toml : clé `mail.frm` : \"a@b.fr\" n'est pas reconnu (seule clé connue : from = \"adresse@domaine.org\") ; ignorée".into(),
            ),
            (
                "mail = 3",
                "c.toml: key `mail`: 3 is not a section ([mail], then from = \"address@domain.org\"); ignored".into(),
                "c.toml : clé `mail` : 3 n'est pas une section ([mail], puis from = \"adresse@domaine.org\") ; ignorée".into(),
            ),
            (
                "keys = \"q\"",
                "c.toml: key `keys`: \"q\" is not a section ([keys], one command name = key per line); ignored".into(),
                "c.toml : clé `keys` : \"q\" n'est pas une section ([keys], puis un nom de commande = touche par ligne) ; ignorée".into(),
            ),
            (
                "colors = \"red\"",
                "c.toml: key `colors`: \"red\" is not a section ([colors], then one role = \"colour name\" per line); ignored".into(),
                "c.toml : clé `colors` : \"red\" n'est pas une section ([colors], puis un rôle = \"nom de couleur\" par ligne) ; ignorée".into(),
            ),
            (
                "due_soon_dayz = 3",
                "c.toml: unknown key `due_soon_dayz` (known: lang, due_soon_days, colours, keys, mouse, me, mail); ignored".into(),
                "c.toml : clé `due_soon_dayz` inconnue (clés connues : lang, due_soon_days, colours, keys, mouse, me, mail) ; ignorée".into(),
            ),
        ];
        for (text, en, fr) in cases {
            assert_eq!(&both(text), &(en.clone(), fr.clone()), "{text}");
        }
    }

    #[test]
    fn a_file_that_is_not_toml_keeps_the_parsers_words() {
        let (_, w) = Config::parse("this is not toml", "c.toml");
        let P::NotToml { message } = &w[0].problem else {
            panic!("{w:?}");
        };
        let (en, fr) = both("this is not toml");
        assert_eq!(
            en,
            format!("c.toml: not valid TOML ({message}); using the defaults")
        );
        assert_eq!(
            fr,
            format!(
                "c.toml : ce n'est pas du TOML valide ({message}) ; les valeurs par défaut s'appliquent"
            )
        );
    }

    #[test]
    fn a_file_that_cannot_be_read_says_why_in_both_languages() {
        let w = ConfigWarning {
            file: "/home/a/.config/jalon/config.toml".into(),
            problem: P::Unreadable {
                reason: crate::store::io_reason(&std::io::Error::from(
                    std::io::ErrorKind::PermissionDenied,
                )),
            },
        };
        assert_eq!(
            config_warning(Lang::En, &w),
            "/home/a/.config/jalon/config.toml: cannot be read (permission denied); using the defaults"
        );
        assert_eq!(
            config_warning(Lang::Fr, &w),
            "/home/a/.config/jalon/config.toml : lecture impossible (permission refusée) ; les valeurs par défaut s'appliquent"
        );
        // A folder where the file should be is read as such.
        let dir = tempfile::tempdir().expect("a folder");
        let (c, w) = Config::load(Some(dir.path()));
        assert_eq!(c, Config::default());
        assert!(
            matches!(
                w[..],
                [ConfigWarning {
                    problem: P::Unreadable { .. },
                    ..
                }]
            ),
            "{w:?}"
        );
    }
}
