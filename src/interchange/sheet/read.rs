//! Bytes to rows of cells: CSV (`;` or `,`, UTF-8 with or without a byte-order
//! mark, else Windows-1252) or the first sheet (or a named one) of an `.xlsx`
//! workbook. Each row carries its line as the spreadsheet numbers it.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;

use crate::domain::sheet::SheetIssue;

/// A cell as read: a formula cell of a workbook is its cached value (never its
/// formula), a date cell a day.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A formula's error (`#DIV/0!`…), as the workbook shows it.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A row and its line number (1 for the first line of the sheet).
pub type Line = (usize, Vec<Cell>);

/// The text of CSV bytes: UTF-8 (a byte-order mark dropped), or else Windows-1252,
/// which every byte is (what Excel writes for "CSV (séparateur : point-virgule)").
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// `;` or `,`, counted outside quotes in the first thirty lines.
pub fn sniff_delimiter(text: &str) -> u8 {
    let (mut semicolons, mut commas, mut quoted, mut lines) = (0usize, 0usize, false, 0);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\n' if !quoted => {
                lines += 1;
                if lines >= 30 {
                    break;
                }
            }
            _ => {}
        }
    }
    // A `;` file may hold more commas than it seems (decimal commas, titles
    // written unquoted): `;` wins unless commas are more than twice as many.
    if semicolons > 0 && semicolons * 2 >= commas || commas == 0 {
        b';'
    } else {
        b','
    }
}

/// The rows of a CSV file.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<Line>, SheetIssue> {
    let text = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            SheetIssue::new(
                Some(i + 1),
                None,
                format!("the CSV cannot be read here: {e}"),
            )
        })?;
        let cells = record
            .iter()
            .map(|s| {
                let s = s.trim();
                if s.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(s.to_string())
                }
            })
            .collect();
        out.push((i + 1, cells));
    }
    Ok(out)
}

/// The rows of one sheet of an `.xlsx` workbook: `sheet` by name, or the first.
pub fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Line>, SheetIssue> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        SheetIssue::new(
            None,
            None,
            format!("not an xlsx workbook ({e}): save the spreadsheet as .xlsx, or as CSV"),
        )
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| crate::text::fold(n) == crate::text::fold(wanted))
            .cloned()
            .ok_or_else(|| {
                SheetIssue::new(
                    None,
                    None,
                    format!(
                        "no sheet {} in the workbook; its sheets are {}",
                        crate::domain::bounds::quote(wanted),
                        names.join(", ")
                    ),
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| SheetIssue::new(None, None, "the workbook has no sheet"))?,
    };
    // Cell by cell, never as one dense range: a stray cell at XFD1048576 would make
    // a range of 17 billion cells.
    let unreadable = |e: calamine::XlsxError| {
        SheetIssue::new(None, None, format!("the sheet {name} cannot be read: {e}"))
    };
    let mut reader = book.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut rows: std::collections::BTreeMap<u32, Vec<Cell>> = Default::default();
    while let Some(c) = reader.next_cell().map_err(unreadable)? {
        let (row, col) = c.get_position();
        let value = cell(&Data::from(c.get_value().clone()));
        if col as usize >= MAX_COLUMNS || value.is_empty() {
            continue;
        }
        if !rows.contains_key(&row) && rows.len() >= MAX_ROWS {
            return Err(SheetIssue::new(
                Some(row as usize + 1),
                None,
                format!("the sheet has more than {MAX_ROWS} rows: split it, one plan at a time"),
            ));
        }
        let cells = rows.entry(row).or_default();
        if cells.len() <= col as usize {
            cells.resize(col as usize + 1, Cell::Empty);
        }
        cells[col as usize] = value;
    }
    Ok(rows
        .into_iter()
        .map(|(row, cells)| (row as usize + 1, cells))
        .collect())
}

/// Columns after this many are not read (a sheet of actions has a few dozen).
pub const MAX_COLUMNS: usize = 256;

/// A workbook's sheet with more filled rows than this is refused.
pub const MAX_ROWS: usize = 100_000;

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.trim().to_string()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "1" } else { "0" }.to_string()),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                Some(day) if dt.is_datetime() => Cell::Date(day),
                _ => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFR\xC3\xA9alis\xC3\xA9e"), "Réalisée");
        assert_eq!(decode(b"R\xE9alis\xE9e \x80"), "Réalisée €");
    }

    #[test]
    fn delimiter_is_sniffed() {
        assert_eq!(sniff_delimiter("Code;Titre;Prévu\nA;b;12,5\n"), b';');
        assert_eq!(
            sniff_delimiter("Code,Title,Planned\nA,\"b; c\",12.5\n"),
            b','
        );
        assert_eq!(sniff_delimiter("Titre\nx\n"), b';');
    }

    #[test]
    fn csv_lines_are_numbered_as_the_spreadsheet_does() {
        let rows = read_csv("a;b\n\"x\ny\";z\n;\n".as_bytes()).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].0, 2);
        assert_eq!(rows[1].1[0], Cell::Text("x\ny".into()));
        assert!(rows[2].1.iter().all(Cell::is_empty));
    }
}
