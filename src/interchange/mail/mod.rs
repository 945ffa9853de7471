//! Reminders to pilots written out: as text (one block a person) and as mails
//! (RFC 5322, one `.eml` a person, ready for `sendmail -t`). Domain in, bytes out.
//!
//! No value can add a header: an address is written only once `is_address` has
//! accepted it (printable ASCII, no line break), and a name or a subject that is not
//! short printable ASCII goes as RFC 2047 encoded words, which carry no line break.

pub mod body;
mod encode;

use chrono::{DateTime, FixedOffset};

use crate::domain::remind::{Recipient, is_address};
use crate::text::escape;
pub use body::Run;

/// A sender or a recipient: an optional name and an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    pub address: String,
}

impl Mailbox {
    /// `address@domain.org` or `Name <address@domain.org>`; `None` when it is not
    /// one of these (a control character anywhere, above all).
    pub fn parse(s: &str) -> Option<Mailbox> {
        if s.chars().any(crate::text::is_unsafe_char) {
            return None;
        }
        let s = s.trim();
        let (name, address) = match s.strip_suffix('>').and_then(|r| r.rsplit_once('<')) {
            Some((name, address)) => {
                let name = name.trim().trim_matches('"').trim();
                ((!name.is_empty()).then(|| name.to_string()), address.trim())
            }
            None => (None, s),
        };
        is_address(address).then(|| Mailbox {
            name,
            address: address.to_string(),
        })
    }

    /// The mailbox as a header writes it: the name quoted when it is short
    /// printable ASCII, else encoded; the address in angle brackets.
    fn header_value(&self) -> String {
        let name = self.name.as_deref().map(escape).unwrap_or_default();
        let name = name.trim();
        if name.is_empty() {
            return self.address.clone();
        }
        if encode::is_plain(name) {
            let quoted: String = name
                .chars()
                .flat_map(|c| match c {
                    '"' | '\\' => vec!['\\', c],
                    c => vec![c],
                })
                .collect();
            return format!("\"{quoted}\"\r\n <{}>", self.address);
        };
        let words = encode::encoded_words(name, encode::NAME_WORD).join("\r\n ");
        format!("{words}\r\n <{}>", self.address)
    }
}

/// A text (a subject) for a header: as it is when short printable ASCII, else as
/// encoded words, folded.
fn header_text(text: &str) -> String {
    let text = escape(text);
    if encode::is_plain(&text) {
        text.into_owned()
    } else {
        encode::encoded_words(&text, encode::SUBJECT_WORD).join("\r\n ")
    }
}

/// The reminder to `r` as a text block: a heading line with the person and their
/// address (or its lack), then the body's lines.
pub fn text_block(r: &Recipient, run: &Run) -> String {
    let who = match r.address() {
        Ok(a) => format!("{} <{}>", escape(&r.name), a),
        Err(_) => format!("{} ({})", escape(&r.name), escape(&r.code)),
    };
    let mut s = format!("══ {who} — {} ══\n", body::count(r.items.len(), run.lang));
    for l in body::lines(r, run) {
        s.push_str(&l);
        s.push('\n');
    }
    s
}

/// What a mail needs beside its recipient.
#[derive(Debug, Clone)]
pub struct Envelope<'a> {
    pub from: &'a Mailbox,
    pub date: DateTime<FixedOffset>,
    /// Unique to this mail, with its angle brackets.
    pub message_id: &'a str,
}

/// The reminder to `r` as a mail (CRLF line ends, a quoted-printable UTF-8 body);
/// `None` when `r` has no address a mail can go to.
pub fn eml(r: &Recipient, run: &Run, env: &Envelope<'_>) -> Option<Vec<u8>> {
    let to = Mailbox {
        name: Some(r.name.clone()),
        address: r.address().ok()?.to_string(),
    };
    let mut s = String::new();
    let mut header = |name: &str, value: &str| {
        s.push_str(name);
        s.push_str(": ");
        s.push_str(value);
        s.push_str("\r\n");
    };
    header("From", &env.from.header_value());
    header("To", &to.header_value());
    header("Subject", &header_text(&body::subject(r, run)));
    header("Date", &env.date.to_rfc2822());
    header("Message-ID", &escape(env.message_id));
    header("MIME-Version", "1.0");
    header("Content-Type", "text/plain; charset=UTF-8");
    header("Content-Transfer-Encoding", "quoted-printable");
    header("Auto-Submitted", "auto-generated");
    s.push_str("\r\n");
    for l in body::lines(r, run) {
        encode::quoted_printable_line(&l, &mut s);
    }
    Some(s.into_bytes())
}

/// A file name for `code`'s mail: letters, digits, `-`, `_` and `.` kept, anything
/// else as `_`, never starting with a dot; `.eml` added.
pub fn file_name(code: &str) -> String {
    let mut name: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with('.') {
        name.insert(0, '_');
    }
    format!("{name}.eml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn senders() {
        let m = Mailbox::parse("Jalon ARS <jalon@ars.example.org>").unwrap();
        assert_eq!(m.name.as_deref(), Some("Jalon ARS"));
        assert_eq!(m.address, "jalon@ars.example.org");
        let m = Mailbox::parse(" jalon@ars.example.org ").unwrap();
        assert_eq!(m.name, None);
        for bad in [
            "",
            "jalon",
            "Jalon <jalon>",
            "x@y.fr\r\nBcc: z@w.fr",
            "Jalon\n <jalon@ars.example.org>",
        ] {
            assert_eq!(Mailbox::parse(bad), None, "{bad:?}");
        }
    }

    /// A name that fits in one encoded word is not cut: some readers would show the
    /// cut as a space.
    #[test]
    fn a_name_that_fits_is_one_encoded_word() {
        let m = Mailbox {
            name: Some("Chef de projet Démo Région de Compiègne".into()),
            address: "chef@example.org".into(),
        };
        let v = m.header_value();
        assert_eq!(v.matches("=?UTF-8?B?").count(), 1, "{v}");
        assert!(format!("From: {v}").lines().all(|l| l.len() <= 78), "{v}");
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("demo.ais"), "demo.ais.eml");
        assert_eq!(file_name("../etc/x"), "_.._etc_x.eml");
        assert_eq!(file_name(""), "_.eml");
        assert_eq!(file_name("é/ü"), "___.eml");
    }
}
