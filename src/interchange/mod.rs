//! The `jalon/1` JSON format and the CSV export: domain in, bytes out. (To be written.)

use crate::domain::Document;

/// What is wrong with a file, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct InterchangeError {
    /// A JSON path such as `plans[2].actions[5].due`, or `line 3, column 7`.
    pub location: String,
    pub message: String,
}

/// Parses and checks the shape of a `jalon/1` file (not yet its references).
pub fn parse_document(bytes: &[u8]) -> Result<Document, InterchangeError> {
    serde_json::from_slice(bytes).map_err(|e| InterchangeError {
        location: format!("line {}, column {}", e.line(), e.column()),
        message: e.to_string(),
    })
}

pub mod csvout {
    //! CSV that opens correctly in a spreadsheet of the user's language: UTF-8 with a
    //! byte-order mark, `;` between fields in French (where `,` is the decimal mark).

    use std::io::Write;

    use crate::i18n::Lang;

    pub fn writer<W: Write>(mut out: W, lang: Lang) -> std::io::Result<csv::Writer<W>> {
        out.write_all("\u{feff}".as_bytes())?;
        Ok(csv::WriterBuilder::new()
            .delimiter(match lang {
                Lang::Fr => b';',
                Lang::En => b',',
            })
            .from_writer(out))
    }

    /// Amounts in CSV cells: `1234,50` in French, `1234.50` in English (no grouping,
    /// so that spreadsheets read them as numbers).
    pub fn amount(m: crate::domain::Money, lang: Lang) -> String {
        let c = m.cents();
        let s = format!("{}.{:02}", c / 100, (c % 100).abs());
        match lang {
            Lang::Fr => s.replace('.', ","),
            Lang::En => s,
        }
    }
}
