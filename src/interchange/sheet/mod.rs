//! Today's spreadsheet ("tableau de suivi") read into [`Sheet`]: bytes to rows of
//! cells (`read`), the header row found and mapped (`header`), each cell parsed
//! (`values`). Every problem is collected, each with its line and column.

pub mod header;
pub mod read;
pub mod values;

use crate::domain::bounds::Lines;
use crate::domain::sheet::{Field, Sheet, SheetIssue, SheetRow, Skipped};
pub use header::{Mapping, parse_mapping};
use read::Cell;

/// The two kinds of spreadsheet read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    Csv,
    Xlsx,
}

/// The columns whose blank cell, below a filled one, is read as the value above:
/// those people merge over several rows to group actions (a territory, a theme).
pub const FILLED_DOWN: [Field; 2] = [Field::Territory, Field::Theme];

/// Reads a whole sheet. A file that cannot be read or has no header is refused; the
/// problems of its cells are kept in [`Sheet::problems`], every one of them.
pub fn read_sheet(
    bytes: &[u8],
    format: SheetFormat,
    sheet: Option<&str>,
    mapping: &Mapping,
) -> Result<Sheet, Vec<SheetIssue>> {
    let lines = match format {
        SheetFormat::Csv => read::read_csv(bytes),
        SheetFormat::Xlsx => read::read_xlsx(bytes, sheet),
    }
    .map_err(|e| vec![e])?;
    let head = header::find_header(&lines, mapping).map_err(|e| vec![e])?;
    let mut out = Sheet {
        columns: head
            .columns
            .iter()
            .map(|(_, f, h)| (*f, h.clone()))
            .collect(),
        ignored: head.ignored.clone(),
        ..Sheet::default()
    };
    let mut errors = Vec::new();
    let mut above: Vec<(Field, Cell)> = Vec::new();
    for (line, cells) in &lines[head.index + 1..] {
        let cell = |f: Field| -> (&Cell, &str) {
            head.columns
                .iter()
                .find(|(_, g, _)| *g == f)
                .map_or((&Cell::Empty, ""), |(i, _, h)| {
                    (cells.get(*i).unwrap_or(&Cell::Empty), h.as_str())
                })
        };
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        if header::is_header_again(cells, &head) {
            out.skipped.push((*line, Skipped::Header));
            continue;
        }
        let first = cells.iter().find(|c| !c.is_empty()).and_then(values::raw);
        let keyless = cell(Field::Code).0.is_empty() && cell(Field::Title).0.is_empty();
        let has_amount = [Field::Planned, Field::Committed, Field::Paid]
            .iter()
            .any(|f| !cell(*f).0.is_empty());
        let says_total = first.is_some_and(|t| {
            let n = values::normal(&t);
            n.starts_with("total") || n.starts_with("sous total")
        });
        if says_total || (keyless && has_amount) {
            out.skipped.push((*line, Skipped::Total));
            continue;
        }
        // Merged cells: the value stands in the first cell only.
        let mut filled: Vec<(Field, Cell)> = Vec::new();
        for f in FILLED_DOWN {
            let (c, _) = cell(f);
            let c = if c.is_empty() {
                above
                    .iter()
                    .find(|(g, _)| *g == f)
                    .map_or(Cell::Empty, |(_, c)| c.clone())
            } else {
                c.clone()
            };
            filled.push((f, c));
        }
        above.clone_from(&filled);
        let filled_cell = |f: Field| filled.iter().find(|(g, _)| *g == f).map(|(_, c)| c);
        let mut row = SheetRow {
            line: *line,
            ..SheetRow::default()
        };
        let mut err = |f: Field, m: String| {
            let (_, h) = cell(f);
            errors.push(SheetIssue::new(Some(*line), Some(h), m));
        };
        macro_rules! take {
            ($field:expr, $slot:expr, $parse:expr) => {
                let c = filled_cell($field).unwrap_or(cell($field).0);
                match $parse(c) {
                    Ok(v) => $slot = v,
                    Err(m) => err($field, m),
                }
            };
        }
        let one = |c: &Cell| values::text(c, Lines::One);
        take!(Field::Territory, row.territory, one);
        take!(Field::Code, row.code, one);
        take!(Field::Title, row.title, one);
        take!(Field::Theme, row.theme, one);
        take!(Field::Pilot, row.pilot, one);
        take!(Field::Person, row.person, one);
        let mut partners: Option<String> = None;
        take!(Field::Partners, partners, one);
        row.partners = partners
            .map(|p| {
                p.split([';', ',', '\n', '+'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        take!(Field::Start, row.start, values::date);
        take!(Field::Due, row.due, values::date);
        take!(Field::DoneOn, row.done_on, values::date);
        take!(Field::Status, row.status, values::status);
        take!(Field::Progress, row.progress, values::progress);
        take!(Field::Weather, row.weather, values::weather);
        take!(Field::Planned, row.planned, values::amount);
        take!(Field::Committed, row.committed, values::amount);
        take!(Field::Paid, row.paid, values::amount);
        take!(Field::Source, row.source, values::source);
        take!(Field::Comment, row.comment, |c| values::text(
            c,
            Lines::Many
        ));
        if row.code.is_none() && row.title.is_none() {
            // Said, unless a code or a title was there but refused.
            if keyless {
                errors.push(SheetIssue::new(
                    Some(*line),
                    None,
                    "the row has neither a code nor a title: give the action's code or its title",
                ));
            }
            continue;
        }
        out.rows.push(row);
    }
    out.problems = errors;
    Ok(out)
}
