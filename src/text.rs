//! Text measured in terminal cells (accents, CJK and emoji included), the
//! folding that makes `prevention` find `Prévention`, and the one escaping of
//! control characters that every text written out of Jalon goes through.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The character rule and the escaping live in the domain (which quotes values in its
/// messages); every output reaches them from here.
pub use crate::domain::chars::{QUOTE_MAX, escape, is_unsafe_char, quote};

pub fn width(s: &str) -> usize {
    // Printable ASCII (most codes, titles, dates, amounts): a cell a byte.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Left-aligns `s` in exactly `w` cells (cut with `…` if longer).
pub fn pad_right(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(fill))
}

/// Right-aligns `s` in exactly `w` cells.
pub fn pad_left(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(fill))
}

/// Lower case without accents, for matching as people type.
pub fn fold(s: &str) -> String {
    // ASCII has nothing to fold but its capitals.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Most letters of French text are ASCII: no lower-casing table for them.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            let folded: &str = match l {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
                'ç' => "c",
                'è' | 'é' | 'ê' | 'ë' => "e",
                'ì' | 'í' | 'î' | 'ï' => "i",
                'ñ' => "n",
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
                'ù' | 'ú' | 'û' | 'ü' => "u",
                'ý' | 'ÿ' => "y",
                'œ' => "oe",
                'æ' => "ae",
                '’' => "'",
                other => {
                    out.push(other);
                    continue;
                }
            };
            out.push_str(folded);
        }
    }
    out
}

/// [`fold`]ed, every run of punctuation or spaces one space, trimmed: how names
/// and column headers written by hand compare (`Intitulé de l'action` →
/// `intitule de l action`).
pub fn normal(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for w in folded.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// A row of cells, each padded to its column's width, joined by two spaces; a
/// column marked `true` in `right` is right-aligned.
pub fn table(header: &[String], rows: &[Vec<String>], right: &[bool]) -> String {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(width(c));
        }
    }
    let line = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if right.get(i).copied().unwrap_or(false) {
                    pad_left(c, widths[i])
                } else if i + 1 == n {
                    c.clone()
                } else {
                    pad_right(c, widths[i])
                }
            })
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    let mut out = line(header);
    out.push('\n');
    for r in rows {
        out.push_str(&line(r));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_mixed_text() {
        assert_eq!(fold("Œuvre À l’ÉCOLE Ça"), "oeuvre a l'ecole ca");
        assert_eq!(fold("İstanbul ΣΑΣ"), "i\u{307}stanbul σασ");
    }

    #[test]
    fn widths_in_cells() {
        assert_eq!(width("Prévention"), 10);
        assert_eq!(width("漢字"), 4);
        assert_eq!(truncate("Prévention du suicide", 10), "Préventio…");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert_eq!(width(&pad_right("漢字", 6)), 6);
        assert_eq!(pad_left("12", 4), "  12");
    }

    #[test]
    fn the_ascii_shortcuts_agree_with_the_general_rules() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for s in [
            all.as_str(),
            "Code A-01 / Titre: 1 234,50 €",
            "ABC def\tx",
            "~ }{",
        ] {
            assert_eq!(width(s), UnicodeWidthStr::width(s), "{s:?}");
            let general: String = s.chars().flat_map(char::to_lowercase).collect();
            if s.is_ascii() {
                assert_eq!(fold(s), general, "{s:?}");
            }
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Prévention"), "prevention");
        assert_eq!(fold("ŒUVRE À FAIRE"), "oeuvre a faire");
        assert!(fold("Accélérer les démarches").contains("accelerer"));
    }
}
