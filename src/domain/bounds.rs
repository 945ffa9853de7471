//! The ranges every value must stay within so that every reader (export, the
//! interface, `check`, `board`) can read it back: years, amounts, and the characters
//! a text may hold. One rule each, used by the importer and by every edit, which go
//! through the same checks (`validate`).

use chrono::{Datelike, NaiveDate};

use super::Money;

/// Dates and timestamps (in UTC) are kept within these years.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2199;

/// The largest amount of a budget line, a plan's allocation or an envelope:
/// 10¹¹ € (10¹³ cents). Sums of up to 900 000 such amounts still fit in 64 bits.
pub const MAX_AMOUNT: Money = Money(10_000_000_000_000);

/// The longest one-line text (a title, a name, a label) and the longest text of
/// several lines (a note, an objective, a description), in characters: a longer
/// value fills every screen and report that shows it.
pub const MAX_LINE_CHARS: usize = 500;
pub const MAX_TEXT_CHARS: usize = 20_000;

/// At most this many characters of a bad value are quoted in a message.
pub const QUOTE_CHARS: usize = 80;

pub fn year_in_range(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

pub fn date_in_range(d: NaiveDate) -> bool {
    year_in_range(d.year())
}

pub fn amount_in_range(m: Money) -> bool {
    (0..=MAX_AMOUNT.cents()).contains(&m.cents())
}

/// An email address as a mail client takes it: one `@` between two non-empty parts,
/// no spaces, at most 254 characters.
pub fn email_is_valid(s: &str) -> bool {
    let mut parts = s.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && !domain.is_empty()
        && s.chars().count() <= 254
        && !s.chars().any(char::is_whitespace)
}

/// A sentence saying the accepted years, for messages in files.
pub fn years_text() -> String {
    format!("years go from {MIN_YEAR} to {MAX_YEAR}")
}

/// Whether a text holds one line (titles, names, codes…) or may hold several
/// (notes, objectives, descriptions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// The first character a text may not hold: every character that the outputs
/// escape (`chars::is_unsafe_char`: control characters, bidirectional marks and
/// overrides, line and paragraph separators), which can rewrite a terminal or
/// reorder what is read. What is accepted is thus always shown as it is. A line
/// break is allowed where several lines are, a tab too; a carriage return never is.
pub fn forbidden_char(s: &str, lines: Lines) -> Option<char> {
    s.chars().find(|&c| match c {
        '\n' | '\t' => lines == Lines::One,
        c => super::chars::is_unsafe_char(c),
    })
}

/// `U+001B`: how a message names a character that cannot be shown.
pub fn char_name(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A value quoted for a message, as people read it: in double quotes, control
/// characters shown as their pictures (`␛`), cut to `QUOTE_CHARS` characters with `…`
/// so that a huge bad value keeps the message short (`chars::quote`).
pub fn quote(s: &str) -> String {
    super::chars::quote(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters() {
        assert_eq!(forbidden_char("Point copil", Lines::One), None);
        assert_eq!(forbidden_char("a\u{1b}[2J", Lines::One), Some('\u{1b}'));
        assert_eq!(forbidden_char("a\nb", Lines::One), Some('\n'));
        assert_eq!(forbidden_char("a\nb\tc", Lines::Many), None);
        assert_eq!(forbidden_char("a\r\nb", Lines::Many), Some('\r'));
        assert_eq!(forbidden_char("x\u{7f}", Lines::Many), Some('\u{7f}'));
        assert_eq!(forbidden_char("x\u{9b}", Lines::Many), Some('\u{9b}'));
        assert_eq!(forbidden_char("x\u{202e}y", Lines::Many), Some('\u{202e}'));
        assert_eq!(forbidden_char("x\u{2067}y", Lines::One), Some('\u{2067}'));
        assert_eq!(forbidden_char("Échéance — 🙂", Lines::One), None);
        for c in ['\u{2028}', '\u{2029}', '\u{200E}', '\u{200F}', '\u{61C}'] {
            let s = format!("a{c}b");
            assert_eq!(forbidden_char(&s, Lines::Many), Some(c), "{c:?}");
        }
        assert_eq!(char_name('\u{1b}'), "U+001B");
    }

    #[test]
    fn quotes_are_short() {
        assert_eq!(quote("ab\u{1b}c"), "\"ab␛c\"");
        let long = "x".repeat(100_000);
        let q = quote(&long);
        assert_eq!(q.chars().count(), QUOTE_CHARS + 3);
        assert!(q.ends_with("…\""));
    }
}
