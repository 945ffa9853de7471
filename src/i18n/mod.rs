//! The one catalogue of user-facing text, in French and English: the words are in
//! `catalogue/` (one part per area, chained into one `T`), the labels of the domain's
//! vocabularies in `labels.rs`, the errors put into words in `errors.rs` and
//! `problems.rs`.

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// French when the locale says French (`LC_ALL`, then `LC_MESSAGES`, then `LANG`,
    /// the first one set wins, as in POSIX), English otherwise.
    pub fn from_env() -> Lang {
        Lang::from_locale_vars(|k| std::env::var(k).ok())
    }

    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k))
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if locale.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    pub fn date(self, d: NaiveDate) -> String {
        // Written by hand for the usual years: chrono's `format` parses its pattern
        // on every call, and a list formats a date per row.
        let (y, m, day) = (d.year(), d.month(), d.day());
        if (0..=9999).contains(&y) {
            return match self {
                Lang::Fr => format!("{day:02}/{m:02}/{y:04}"),
                Lang::En => format!("{y:04}-{m:02}-{day:02}"),
            };
        }
        match self {
            Lang::Fr => d.format("%d/%m/%Y").to_string(),
            Lang::En => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// A warning line for standard error: `warning: …` / `attention : …` (each
    /// language's typography), the parts joined the same way.
    pub fn warning(self, parts: &[&str]) -> String {
        let colon = self.t(T::Colon);
        format!("{}{colon}{}", self.t(T::WarningPrefix), parts.join(colon))
    }

    pub fn opt_date(self, d: Option<NaiveDate>) -> String {
        d.map(|d| self.date(d)).unwrap_or_else(|| "—".to_string())
    }

    pub fn t(self, text: T) -> &'static str {
        match self {
            Lang::Fr => text.fr(),
            Lang::En => text.en(),
        }
    }

    /// Days as a short unit: `12 j` / `12 d`.
    pub fn days(self, n: i64) -> String {
        match self {
            Lang::Fr => format!("{n} j"),
            Lang::En => format!("{n} d"),
        }
    }

    pub fn percent(self, p: impl Into<i64>) -> String {
        let p: i64 = p.into();
        match self {
            Lang::Fr => format!("{p} %"),
            Lang::En => format!("{p}%"),
        }
    }

    /// A catalogue text with its `{name}` places filled with `values` (see [`fill`]).
    pub fn fill(self, text: T, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        fill(self.t(text), values)
    }

    /// `1 plan`, `2 plans`: a count with its noun. French writes the singular for
    /// zero (`0 action`), English the plural (`0 actions`).
    pub fn count(self, n: u64, one: T, many: T) -> String {
        let singular = match self {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        };
        format!("{n} {}", self.t(if singular { one } else { many }))
    }
}

/// `template` with each `{name}` of `values` replaced, in one pass: a value is never
/// read as a place itself, and a brace that opens no known place stays as it is.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let place = after.find('}').and_then(|close| {
            let value = values.iter().find(|(name, _)| *name == &after[..close])?.1;
            Some((value, close))
        });
        match place {
            Some((value, close)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

macro_rules! catalogue {
    ($($key:ident => $fr:expr, $en:expr;)+) => {
        /// A piece of user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),+ }
        impl T {
            pub fn fr(self) -> &'static str { match self { $(T::$key => $fr),+ } }
            pub fn en(self) -> &'static str { match self { $(T::$key => $en),+ } }
        }
    };
}

// The parts of the catalogue, in the order they chain (each names the next).
#[macro_use]
mod catalogue {
    #[macro_use]
    mod views;
    #[macro_use]
    mod keys;
    #[macro_use]
    mod editing;
    #[macro_use]
    mod base;
}

words_base! {}

pub mod access;
mod config_words;
mod errors;
mod labels;
mod problems;

pub use config_words::config_warning;
pub use errors::{cli_error, error_text, reason, store_error, unreadable_problem};
pub use labels::*;
pub use problems::problem_text;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_chrono_writes_them() {
        for (y, m, d) in [
            (2026, 12, 2),
            (1, 1, 1),
            (999, 3, 9),
            (9999, 12, 31),
            (10000, 1, 5),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
            assert_eq!(Lang::Fr.date(date), date.format("%d/%m/%Y").to_string());
            assert_eq!(Lang::En.date(date), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn locale_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "fr_FR.UTF-8")])),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_MESSAGES", "fr_BE"), ("LANG", "C")])),
            Lang::Fr
        );
        assert_eq!(Lang::from_locale_vars(env(&[])), Lang::En);
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", ""), ("LANG", "fr_FR")])),
            Lang::Fr
        );
    }

    #[test]
    fn every_reason_the_store_words_has_a_french_form() {
        use std::io::ErrorKind as K;
        for kind in [
            K::NotFound,
            K::PermissionDenied,
            K::ReadOnlyFilesystem,
            K::NotADirectory,
            K::StorageFull,
            K::AlreadyExists,
        ] {
            let en = crate::store::io_reason(&std::io::Error::from(kind));
            assert_ne!(reason(Lang::Fr, &en), en, "{kind:?}");
        }
    }

    #[test]
    fn dates_by_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(Lang::Fr.date(d), "22/11/2026");
        assert_eq!(Lang::En.date(d), "2026-11-22");
    }
}
