//! One sheet as Jalon writes it: a header row (bold, frozen, with a filter), typed
//! cells (text that is never a formula, real dates, euro amounts), late rows
//! filled, a total row of `SUM`s over the rows above, and columns as wide as
//! their content (capped).

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Color, Format, FormatBorder, Formula, Worksheet, XlsxError};

use crate::domain::Money;
use crate::i18n::Lang;

/// What a late row's cells are filled with (a light red, as spreadsheets mark
/// "bad" values).
pub const LATE_FILL: u32 = 0xFFC7CE;
/// Excel's limit for the text of one cell, in UTF-16 units.
const MAX_CELL_TEXT: usize = 32_767;
/// The widest a column is made, in characters: longer texts still show whole in
/// the cell's editor.
const MAX_WIDTH: usize = 60;

/// One cell's value, typed.
pub enum Cell<'a> {
    Text(&'a str),
    Date(Option<NaiveDate>),
    Money(Money),
    /// A count or a year: a whole number, shown without grouping.
    Int(Option<i64>),
    /// A progress of 0–100, shown as a percentage.
    Percent(Option<u8>),
}

/// The formats of one kind of row (ordinary or late).
struct Kinds {
    text: Format,
    date: Format,
    money: Format,
    int: Format,
    percent: Format,
}

impl Kinds {
    fn new(lang: Lang, fill: Option<u32>) -> Kinds {
        let base = || match fill {
            Some(c) => Format::new().set_background_color(Color::RGB(c)),
            None => Format::new(),
        };
        Kinds {
            text: base(),
            date: base().set_num_format(date_format(lang)),
            money: base().set_num_format(money_format(lang)),
            int: base().set_num_format("0"),
            percent: base().set_num_format("0%"),
        }
    }
}

/// Dates as the interface writes them: `31/12/2025` in French, `2025-12-31` in English.
pub fn date_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "dd/mm/yyyy",
        Lang::En => "yyyy-mm-dd",
    }
}

/// Euros to the cent, grouped: `12 500,50 €` / `€12,500.50` (the separators are
/// the spreadsheet's, by its locale; the code's `,` and `.` are placeholders).
pub fn money_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => r##"#,##0.00\ "€";\-#,##0.00\ "€""##,
        Lang::En => r##""€"#,##0.00;\-"€"#,##0.00"##,
    }
}

/// The formats shared by the sheets of one workbook.
pub struct Styles {
    lang: Lang,
    header: Format,
    total: Format,
    total_money: Format,
    plain: Kinds,
    late: Kinds,
}

impl Styles {
    pub fn new(lang: Lang) -> Styles {
        let bold = || {
            Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDE4EE))
        };
        Styles {
            lang,
            header: bold().set_border_bottom(FormatBorder::Thin),
            total: bold().set_border_top(FormatBorder::Thin),
            total_money: bold()
                .set_border_top(FormatBorder::Thin)
                .set_num_format(money_format(lang)),
            plain: Kinds::new(lang, None),
            late: Kinds::new(lang, Some(LATE_FILL)),
        }
    }
}

/// A sheet being written, row after row.
pub struct Sheet<'s> {
    pub ws: Worksheet,
    styles: &'s Styles,
    widths: Vec<usize>,
    /// The next row to write (0 is the header).
    row: u32,
}

/// Text as a cell may hold it: control characters made visible (as in every
/// output of Jalon), cut to the spreadsheet's limit.
pub fn clean(s: &str) -> String {
    let s = crate::text::escape(s);
    if s.len() <= MAX_CELL_TEXT {
        return s.into_owned();
    }
    let mut units = 0;
    let mut out = String::new();
    for c in s.chars() {
        units += c.len_utf16();
        if units > MAX_CELL_TEXT - 1 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

impl<'s> Sheet<'s> {
    pub fn new(name: &str, styles: &'s Styles, headers: &[&str]) -> Result<Sheet<'s>, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        let mut widths = Vec::with_capacity(headers.len());
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, clean(h), &styles.header)?;
            widths.push(crate::text::width(h) + 2);
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(Sheet {
            ws,
            styles,
            widths,
            row: 1,
        })
    }

    fn fit(&mut self, col: usize, width: usize) {
        if let Some(w) = self.widths.get_mut(col) {
            *w = (*w).max(width.min(MAX_WIDTH));
        }
    }

    /// Writes one row; a late row's cells are all filled, its empty ones too.
    pub fn row(&mut self, cells: &[Cell<'_>], late: bool) -> Result<(), XlsxError> {
        self.row_marked(cells, |_| late)
    }

    /// Writes one row, filling the cells of the columns `late` says.
    pub fn row_marked(
        &mut self,
        cells: &[Cell<'_>],
        late: impl Fn(usize) -> bool,
    ) -> Result<(), XlsxError> {
        let lang = self.styles.lang;
        let row = self.row;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            let late = late(c);
            let k = if late {
                &self.styles.late
            } else {
                &self.styles.plain
            };
            let width = match cell {
                // Always a string cell: `write_string` never reads a formula or a
                // number into the text.
                Cell::Text(s) if !s.is_empty() => {
                    let s = clean(s);
                    self.ws.write_string_with_format(row, col, &s, &k.text)?;
                    crate::text::width(&s)
                }
                Cell::Date(Some(d)) if (1900..=9999).contains(&d.year()) => {
                    self.ws.write_date_with_format(row, col, d, &k.date)?;
                    10
                }
                // A day a spreadsheet cannot hold is written as the interface writes it.
                Cell::Date(Some(d)) => {
                    let s = lang.date(*d);
                    self.ws.write_string_with_format(row, col, &s, &k.text)?;
                    s.len()
                }
                Cell::Money(m) => {
                    self.ws
                        .write_number_with_format(row, col, euros(*m), &k.money)?;
                    crate::text::width(&m.format(lang))
                }
                Cell::Int(Some(n)) => {
                    self.ws
                        .write_number_with_format(row, col, *n as f64, &k.int)?;
                    n.to_string().len()
                }
                Cell::Percent(Some(p)) => {
                    self.ws.write_number_with_format(
                        row,
                        col,
                        f64::from(*p) / 100.0,
                        &k.percent,
                    )?;
                    5
                }
                Cell::Text(_) | Cell::Date(None) | Cell::Int(None) | Cell::Percent(None) => {
                    if late {
                        self.ws.write_blank(row, col, &k.text)?;
                    }
                    0
                }
            };
            self.fit(c, width + 1);
        }
        self.row += 1;
        Ok(())
    }

    /// Ends the sheet: a filter over the header and the rows, then (when `total`
    /// names its label and the columns to add up) a total row whose cells are
    /// `SUM`s over the rows above, each with the value Jalon computed for it, then
    /// the columns' widths.
    pub fn finish(
        mut self,
        total: Option<(&str, &[(u16, TotalValue)])>,
    ) -> Result<Worksheet, XlsxError> {
        let last_col = (self.widths.len().max(1) - 1) as u16;
        let last_row = self.row - 1;
        self.ws.autofilter(0, 0, last_row, last_col)?;
        if let Some((label, columns)) = total {
            let row = self.row;
            self.ws
                .write_string_with_format(row, 0, clean(label), &self.styles.total)?;
            for c in 1..=last_col {
                self.ws.write_blank(row, c, &self.styles.total)?;
            }
            for (col, value) in columns {
                let (cached, format) = match value {
                    TotalValue::Money(m) => (euros(*m).to_string(), &self.styles.total_money),
                    TotalValue::Count(n) => (n.to_string(), &self.styles.total),
                };
                if last_row == 0 {
                    // Nothing above to add up.
                    self.ws.write_number_with_format(row, *col, 0.0, format)?;
                    continue;
                }
                let range = rust_xlsxwriter::utility::cell_range(1, *col, last_row, *col);
                let formula = Formula::new(format!("=SUM({range})")).set_result(cached);
                self.ws
                    .write_formula_with_format(row, *col, formula, format)?;
            }
            self.row += 1;
        }
        for (c, w) in self.widths.iter().enumerate() {
            self.ws.set_column_width(c as u16, *w as f64 + 1.0)?;
        }
        Ok(self.ws)
    }
}

/// A total's value as Jalon computed it (what the spreadsheet shows before it
/// recalculates, and what it finds again when it does).
pub enum TotalValue {
    Money(Money),
    Count(u64),
}

fn euros(m: Money) -> f64 {
    m.cents() as f64 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_text_has_no_control_characters_and_fits_a_cell() {
        let s = clean("Point\u{1b}[2J copil\u{7}\r\n");
        assert!(!s.chars().any(crate::text::is_unsafe_char), "{s:?}");
        // Wide characters count double in UTF-16: the cut is made on those units.
        let long = "😀".repeat(20_000);
        let s = clean(&long);
        assert!(s.encode_utf16().count() <= MAX_CELL_TEXT, "{}", s.len());
        assert!(s.ends_with('…'));
        assert_eq!(
            clean("=1+1"),
            "=1+1",
            "text stays as typed; it is written as text"
        );
    }
}
