//! Sheet names a spreadsheet accepts: at most 31 characters, none of `[]:*?/\`,
//! no apostrophe at either end, not `History` (Excel keeps it), and no two alike
//! (spreadsheets compare them regardless of case).

use std::collections::HashSet;

const MAX_CHARS: usize = 31;

/// The names given so far in one workbook.
#[derive(Default)]
pub struct SheetNames {
    taken: HashSet<String>,
}

impl SheetNames {
    /// A valid name close to `wanted`, unlike every name given before: cleaned,
    /// cut, and numbered ` (2)`, ` (3)`… when it is taken.
    pub fn give(&mut self, wanted: &str) -> String {
        let base = valid(wanted);
        let mut name = base.clone();
        let mut n = 1;
        while self.taken.contains(&key(&name)) || key(&name) == "history" {
            n += 1;
            let suffix = format!(" ({n})");
            let keep = MAX_CHARS - suffix.chars().count();
            let cut: String = base.chars().take(keep).collect();
            name = format!("{}{suffix}", cut.trim_end());
        }
        self.taken.insert(key(&name));
        name
    }
}

fn key(name: &str) -> String {
    name.to_lowercase()
}

fn valid(wanted: &str) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
            c if crate::text::is_unsafe_char(c) || c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    let cut: String = cleaned
        .trim_matches(|c: char| c == '\'' || c.is_whitespace())
        .chars()
        .take(MAX_CHARS)
        .collect();
    let cut = cut.trim_end_matches(|c: char| c == '\'' || c.is_whitespace());
    if cut.is_empty() {
        "-".to_string()
    } else {
        cut.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_cut_and_made_unique() {
        let mut names = SheetNames::default();
        assert_eq!(names.give("Budget"), "Budget");
        assert_eq!(names.give("budget"), "budget (2)");
        assert_eq!(names.give("a/b:c[d]*?\\"), "a-b-c-d----");
        let long = "Délégation départementale de la Haute-Garonne";
        let first = names.give(long);
        assert_eq!(first.chars().count(), 31);
        let second = names.give(long);
        assert_eq!(second.chars().count(), 31);
        assert!(second.ends_with(" (2)"), "{second}");
        assert_eq!(names.give("'quoted'"), "quoted");
        assert_eq!(names.give("History"), "History (2)");
        assert_eq!(names.give("\u{1b}[2J"), "-2J");
        assert_eq!(names.give(""), "-");
    }
}
