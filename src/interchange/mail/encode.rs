//! The encodings a mail needs to carry UTF-8 text through 7-bit transports: base64
//! for the words of a header (RFC 2047), quoted-printable for the body (RFC 2045).

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64, with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// At most this many bytes of text in one encoded word of a subject: 52 base64
/// characters, so that `=?UTF-8?B?…?=` (64) stays within the 75 that RFC 2047
/// allows, and the line `Subject: ` and one word within the 78 that RFC 5322
/// recommends.
pub const SUBJECT_WORD: usize = 39;
/// The same for a name of `From:` or `To:` (shorter than `Subject: `): 60 base64
/// characters, 72 with the brackets, 78 with `From: `.
pub const NAME_WORD: usize = 45;

/// `text` as RFC 2047 encoded words (`=?UTF-8?B?…?=`), cut after a space when the
/// piece has one (some readers keep the space between two words of a name), else
/// between characters, never inside one; the words are to be joined by a folding
/// space.
pub fn encoded_words(text: &str, word_bytes: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut start = 0;
    // Where the piece may end: after its last space, and after its last character.
    let (mut after_space, mut end) = (None, 0);
    for (i, c) in text.char_indices() {
        if i + c.len_utf8() - start > word_bytes {
            // After the space, unless what follows it would not fit with `c`.
            let cut = after_space
                .filter(|s| i + c.len_utf8() - s <= word_bytes)
                .unwrap_or(end);
            pieces.push(start..cut);
            start = cut;
            after_space = None;
        }
        end = i + c.len_utf8();
        if c == ' ' {
            after_space = Some(end);
        }
    }
    if end > start || pieces.is_empty() {
        pieces.push(start..end);
    }
    pieces
        .into_iter()
        .map(|r| format!("=?UTF-8?B?{}?=", base64(&text.as_bytes()[r])))
        .collect()
}

/// Printable ASCII short enough to be written in a header as it is.
pub fn is_plain(text: &str) -> bool {
    text.len() <= 60 && text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// The longest line of a quoted-printable body, the soft break's `=` included.
const QP_LINE: usize = 76;

/// One line of text (no line break in it) as quoted-printable lines, joined by soft
/// breaks (`=` CRLF) between characters (never inside one), ending with CRLF.
/// Beside the rules of RFC 2045, a dot opening a line and the `F` of a line opening
/// with `From ` are encoded too, so that neither a `sendmail` that stops at a lone
/// dot nor an mbox can misread the line.
pub fn quoted_printable_line(line: &str, out: &mut String) {
    let mut current = 0usize;
    for (i, c) in line.char_indices() {
        let last = i + c.len_utf8() == line.len();
        // Room for the character and, unless it ends the line, a soft break after it.
        let room = if last { QP_LINE } else { QP_LINE - 1 };
        let mut literal = is_literal(c, &line[i..], last, current == 0);
        let len = |literal: bool| if literal { 1 } else { 3 * c.len_utf8() };
        if current > 0 && current + len(literal) > room {
            out.push_str("=\r\n");
            current = 0;
            literal = is_literal(c, &line[i..], last, true);
        }
        if literal {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                push_encoded(b, out);
            }
        }
        current += len(literal);
    }
    out.push_str("\r\n");
}

/// Whether `c` (`rest` is the line from it on) is written as it is.
fn is_literal(c: char, rest: &str, last: bool, at_start: bool) -> bool {
    match c {
        '=' => false,
        ' ' | '\t' => !last,
        '.' => !at_start,
        'F' => !(at_start && rest.starts_with("From ")),
        c => c.is_ascii_graphic(),
    }
}

fn push_encoded(b: u8, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('=');
    out.push(char::from(HEX[usize::from(b >> 4)]));
    out.push(char::from(HEX[usize::from(b & 15)]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_rfc_4648_gives_it() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
    }

    #[test]
    fn encoded_words_stay_short_and_whole() {
        let text = "Élodie Béranger-Dupré de la Délégation départementale".repeat(3);
        let words = encoded_words(&text, SUBJECT_WORD);
        assert!(words.len() > 1);
        for w in &words {
            assert!(w.len() <= 64, "{w}");
        }
        assert_eq!(encoded_words("é", SUBJECT_WORD), vec!["=?UTF-8?B?w6k=?="]);
    }

    /// Some readers (Python's `email` among them) keep the space between two encoded
    /// words of a name: cut after a space, a word is never broken in two there.
    #[test]
    fn encoded_words_are_cut_after_a_space() {
        let name = "Chef de projet Démo Région de Compiègne";
        let words = encoded_words(name, SUBJECT_WORD);
        assert!(words.len() > 1, "{words:?}");
        let decoded: Vec<String> = words
            .iter()
            .map(|w| {
                let inner = &w["=?UTF-8?B?".len()..w.len() - 2];
                String::from_utf8(decode64(inner)).unwrap()
            })
            .collect();
        assert_eq!(decoded.concat(), name);
        for d in &decoded[..decoded.len() - 1] {
            assert!(d.ends_with(' '), "{decoded:?}");
        }
        // A text without a space is still cut, between characters.
        let long = "é".repeat(60);
        assert_eq!(encoded_words(&long, SUBJECT_WORD).len(), 4);
        // Every cut keeps its pieces within bounds, wherever the spaces fall.
        for text in [
            "a ééééééééééééééééééééééééééééééé",
            &format!(" {}é", "x".repeat(38)),
            &"é é".repeat(30),
            " ".repeat(90).as_str(),
        ] {
            let words = encoded_words(text, SUBJECT_WORD);
            assert!(words.iter().all(|w| w.len() <= 64), "{words:?}");
        }
    }

    fn decode64(s: &str) -> Vec<u8> {
        let mut bits = 0u32;
        let mut n = 0;
        let mut out = Vec::new();
        for c in s.bytes().filter(|c| *c != b'=') {
            let v = B64.iter().position(|a| *a == c).unwrap() as u32;
            bits = (bits << 6) | v;
            n += 6;
            if n >= 8 {
                n -= 8;
                out.push((bits >> n) as u8);
                bits &= (1 << n) - 1;
            }
        }
        out
    }

    #[test]
    fn quoted_printable_lines() {
        let mut s = String::new();
        quoted_printable_line("Échéance = 5 € ", &mut s);
        assert_eq!(s, "=C3=89ch=C3=A9ance =3D 5 =E2=82=AC=20\r\n");
        let mut s = String::new();
        quoted_printable_line(".", &mut s);
        assert_eq!(s, "=2E\r\n");
        let mut s = String::new();
        quoted_printable_line("From here", &mut s);
        assert_eq!(s, "=46rom here\r\n");
        let mut s = String::new();
        quoted_printable_line(&"é".repeat(100), &mut s);
        for l in s.split("\r\n") {
            assert!(l.len() <= QP_LINE, "{l}");
        }
    }
}
