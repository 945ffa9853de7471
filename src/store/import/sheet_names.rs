//! Names written in a spreadsheet matched to the directory: by code (as written,
//! then without regard to case), else by name without accents, case or
//! punctuation. Two matches are ambiguous; none is unmatched.

use crate::text::normal;

/// What a name matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Found {
    One(String),
    Many(Vec<String>),
    None,
}

/// One kind of the directory: code, the code and the name as compared.
#[derive(Debug, Default)]
pub(super) struct Names {
    entries: Vec<(String, String, String)>,
}

impl Names {
    pub(super) fn new<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> Names {
        let mut n = Names::default();
        for (code, name) in items {
            n.add(code, name);
        }
        n
    }

    pub(super) fn add(&mut self, code: &str, name: &str) {
        self.entries
            .push((code.to_string(), normal(code), normal(name)));
    }

    pub(super) fn has_code(&self, code: &str) -> bool {
        self.entries.iter().any(|e| e.0 == code)
    }

    pub(super) fn find(&self, wanted: &str) -> Found {
        if let Some(e) = self.entries.iter().find(|e| e.0 == wanted) {
            return Found::One(e.0.clone());
        }
        let n = normal(wanted);
        if n.is_empty() {
            return Found::None;
        }
        let pick = |hits: Vec<&String>| -> Found {
            let mut codes: Vec<String> = hits.into_iter().cloned().collect();
            codes.dedup();
            match codes.len() {
                0 => Found::None,
                1 => Found::One(codes.remove(0)),
                _ => Found::Many(codes),
            }
        };
        let by_code = pick(
            self.entries
                .iter()
                .filter(|e| e.1 == n)
                .map(|e| &e.0)
                .collect(),
        );
        if by_code != Found::None {
            return by_code;
        }
        pick(
            self.entries
                .iter()
                .filter(|e| e.2 == n)
                .map(|e| &e.0)
                .collect(),
        )
    }

    /// A code made from `name` for something created from the sheet: its words in
    /// capitals joined by `-` (`CPTS du Laonnois` → `CPTS-DU-LAONNOIS`), with
    /// `-2`, `-3`… when already taken.
    pub(super) fn make_code(&self, name: &str, fallback: &str) -> String {
        let base: String = normal(name)
            .to_ascii_uppercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let mut base: String = base.trim_matches('-').chars().take(34).collect();
        base = base.trim_end_matches('-').to_string();
        if base.is_empty() {
            base = fallback.to_string();
        }
        let mut code = base.clone();
        let mut n = 2;
        while self.has_code(&code) {
            code = format!("{base}-{n}");
            n += 1;
        }
        code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names::new(
            [
                ("CPTS-LAON", "CPTS du Laonnois"),
                ("CH-LAON", "Centre hospitalier de Laon"),
                ("CH-LAON2", "Centre Hospitalier de Laon"),
            ]
            .into_iter(),
        )
    }

    #[test]
    fn by_code_then_by_name_without_accents_or_case() {
        let n = names();
        assert_eq!(n.find("CPTS-LAON"), Found::One("CPTS-LAON".into()));
        assert_eq!(n.find("cpts-laon"), Found::One("CPTS-LAON".into()));
        assert_eq!(n.find("CPTS DU LAONNOIS"), Found::One("CPTS-LAON".into()));
        assert_eq!(
            n.find("centre hospitalier de laon"),
            Found::Many(vec!["CH-LAON".into(), "CH-LAON2".into()])
        );
        assert_eq!(n.find("Mairie"), Found::None);
    }

    #[test]
    fn made_codes_are_free_and_valid() {
        let mut n = names();
        assert_eq!(n.make_code("Mairie de Chauny", "ORG"), "MAIRIE-DE-CHAUNY");
        n.add("MAIRIE-DE-CHAUNY", "x");
        assert_eq!(n.make_code("Mairie de Chauny", "ORG"), "MAIRIE-DE-CHAUNY-2");
        assert_eq!(n.make_code("«»", "ORG"), "ORG");
        assert!(crate::domain::is_valid_code(
            &n.make_code(&"é".repeat(90), "ORG")
        ));
    }
}
