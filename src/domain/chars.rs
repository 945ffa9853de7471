//! The characters a terminal or a text layout would obey rather than show, and the
//! one escaping that makes them visible: the domain quotes values in its messages
//! with it, and every text written out of Jalon goes through it (`crate::text`).

/// True for the characters that a terminal or a text layout would obey rather than
/// show: C0 controls (ESC, BEL, BS, CR, LF, TAB…), DEL, C1 controls, the line and
/// paragraph separators, and the bidirectional marks, embeddings, overrides and
/// isolates that reorder what follows them.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with every unsafe character (see [`is_unsafe_char`]) made visible: a C0
/// control or DEL as its Unicode control picture (`␛`, `␊`, `␡`…, one cell each),
/// anything else as `<U+202E>`. Every text output (reports, `check`, import
/// summaries, error messages) writes data through this, so that a title can
/// neither drive the terminal nor break a report's layout.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7F}' => out.push('\u{2421}'),
            c if is_unsafe_char(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How many characters of a value a message quotes at most.
pub const QUOTE_MAX: usize = 80;

/// A value quoted in a message: escaped, in double quotes, and cut after
/// [`QUOTE_MAX`] characters with `…` (a 100 kB bad value stays one line).
pub fn quote(s: &str) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(QUOTE_MAX).collect();
    let more = if chars.next().is_some() { "…" } else { "" };
    format!("\"{}{more}\"", escape(&head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_made_visible() {
        assert_eq!(escape("Prévention"), "Prévention");
        assert!(matches!(
            escape("Prévention"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(escape("a\u{1b}]0;pwned\u{7}b"), "a␛]0;pwned␇b");
        assert_eq!(
            escape("ligne 1\nligne 2\r\t\u{8}\u{7f}"),
            "ligne 1␊ligne 2␍␉␈␡"
        );
        assert_eq!(escape("x\u{9b}31m"), "x<U+009B>31m");
        assert_eq!(escape("\u{202E}cba\u{2066}"), "<U+202E>cba<U+2066>");
        assert_eq!(escape("a\u{2028}b"), "a<U+2028>b");
        for c in [
            '\u{0}', '\u{1b}', '\u{85}', '\u{202A}', '\u{2069}', '\u{200F}',
        ] {
            let e = escape(&c.to_string()).into_owned();
            assert!(!e.chars().any(is_unsafe_char), "{c:?} -> {e:?}");
        }
    }

    #[test]
    fn quotes_are_escaped_and_bounded() {
        assert_eq!(quote("abc"), "\"abc\"");
        assert_eq!(quote("a\nb"), "\"a␊b\"");
        let long = "x".repeat(100_000);
        let q = quote(&long);
        assert_eq!(q.chars().count(), QUOTE_MAX + 3, "{q}");
        assert!(q.ends_with("…\""));
    }
}
