//! JSON that a terminal can show: every character a terminal or a text layout
//! would obey (DEL, C1 controls, bidi marks, line separators; C0 controls are
//! escaped by JSON itself) written as a `\uXXXX` escape. Still the same JSON:
//! a reader gets the very same text back.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// `value` as indented JSON (`export`, `board --format json`).
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut out = Chunks::new(out);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Safe(PrettyFormatter::new()));
    value.serialize(&mut ser)?;
    out.finish().map_err(serde_json::Error::io)
}

/// `value` as JSON on one line (`overdue --format json`, one item a line).
pub fn to_writer<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> serde_json::Result<()> {
    let mut out = Chunks::new(out);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Safe(CompactFormatter));
    value.serialize(&mut ser)?;
    out.finish().map_err(serde_json::Error::io)
}

/// The serializer's many small pieces (a quote, a colon, an indent) gathered in
/// memory and handed on in large chunks: the writer given may be a `dyn Write`,
/// one call each otherwise.
struct Chunks<W: Write> {
    buf: Vec<u8>,
    out: W,
}

const CHUNK: usize = 1 << 16;

impl<W: Write> Chunks<W> {
    fn new(out: W) -> Chunks<W> {
        Chunks {
            buf: Vec::new(),
            out,
        }
    }

    /// Hands on what is gathered, without flushing the writer underneath: the
    /// caller's buffered standard output or file decides when bytes leave (one
    /// system call per item otherwise, `overdue --format json`).
    fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)
    }
}

impl<W: Write> Write for Chunks<W> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()
    }
}

/// A formatter that escapes what `text::is_unsafe_char` names, else as `F` does.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if fragment.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            // Printable ASCII: nothing here for a terminal to obey.
            return self.0.write_string_fragment(w, fragment);
        }
        let mut rest = fragment;
        while let Some((i, c)) = rest
            .char_indices()
            .find(|(_, c)| crate::text::is_unsafe_char(*c))
        {
            self.0.write_string_fragment(w, &rest[..i])?;
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(w, "\\u{u:04x}")?;
            }
            rest = &rest[i + c.len_utf8()..];
        }
        self.0.write_string_fragment(w, rest)
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    /// A writer that counts the flushes asked of it.
    struct Flushes(Vec<u8>, usize);

    impl std::io::Write for Flushes {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.1 += 1;
            Ok(())
        }
    }

    #[test]
    fn writing_a_value_leaves_flushing_to_the_caller() {
        // `overdue --format json` writes one item at a time into a buffered
        // standard output: a flush per item was a system call per item.
        let mut out = Flushes(Vec::new(), 0);
        for i in 0..3 {
            super::to_writer(&mut out, &serde_json::json!({ "i": i })).unwrap();
            super::to_writer_pretty(&mut out, &serde_json::json!([i])).unwrap();
        }
        assert_eq!(out.1, 0);
        assert!(String::from_utf8(out.0).unwrap().starts_with(r#"{"i":0}["#));
    }

    #[test]
    fn unsafe_characters_are_escaped_and_read_back() {
        let s = "a\u{7f}\u{9b}\u{202e}\u{2028}é🙂\u{1b}";
        let mut out = Vec::new();
        super::to_writer(&mut out, &serde_json::json!({ "t": s })).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, r#"{"t":"a\u007f\u009b\u202e\u2028é🙂\u001b"}"#);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["t"], s);
    }

    #[test]
    fn long_output_in_chunks_is_the_same_json() {
        // More than one chunk, plain ASCII and not, pretty and compact.
        let items: Vec<serde_json::Value> = (0..5000)
            .map(|i| serde_json::json!({ "code": format!("A{i}"), "t": "ok\u{7f}é" }))
            .collect();
        let value = serde_json::json!({ "items": items });
        let mut pretty = Vec::new();
        super::to_writer_pretty(&mut pretty, &value).unwrap();
        assert!(pretty.len() > 2 * super::CHUNK);
        let expected = serde_json::to_string_pretty(&value)
            .unwrap()
            .replace("\u{7f}", "\\u007f");
        assert_eq!(String::from_utf8(pretty).unwrap(), expected);
        let mut compact = Vec::new();
        super::to_writer(&mut compact, &value).unwrap();
        let back: serde_json::Value = serde_json::from_slice(&compact).unwrap();
        assert_eq!(back, value);
    }
}
