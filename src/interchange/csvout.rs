//! CSV that opens correctly in a spreadsheet of the user's language: UTF-8 with a
//! byte-order mark, `;` between fields in French (where `,` is the decimal mark).

use std::io::Write;

use crate::i18n::Lang;

pub fn writer<W: Write>(mut out: W, lang: Lang) -> std::io::Result<csv::Writer<W>> {
    out.write_all("\u{feff}".as_bytes())?;
    Ok(csv::WriterBuilder::new()
        .delimiter(crate::present::csv_delimiter(lang))
        .from_writer(out))
}

/// Every text cell of every CSV goes through this: control characters made
/// visible (`text::escape`), and a cell that a spreadsheet would take for a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
/// preceded by `'`, as OWASP recommends. Numbers and dates are written as they
/// are, never through this.
pub fn text(s: &str) -> String {
    let s = crate::text::escape(s);
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.into_owned(),
    }
}

/// The pilot in one cell: `Organisation (Person)`, either alone, or empty.
pub fn pilot(org: Option<&str>, person: Option<&str>) -> String {
    match (org, person) {
        (Some(o), Some(p)) => format!("{o} ({p})"),
        (Some(o), None) => o.to_string(),
        (None, Some(p)) => p.to_string(),
        (None, None) => String::new(),
    }
}

/// Amounts in CSV cells: `1234,50` in French, `1234.50` in English (no grouping,
/// so that spreadsheets read them as numbers).
pub fn amount(m: crate::domain::Money, lang: Lang) -> String {
    let c = m.cents();
    let mark = crate::present::decimal_mark(lang);
    // The sign apart: -0.50 has no euros to carry it.
    let sign = if c < 0 { "-" } else { "" };
    let abs = c.unsigned_abs();
    format!("{sign}{}{mark}{:02}", abs / 100, abs % 100)
}
