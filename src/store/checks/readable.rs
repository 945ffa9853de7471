//! Every stored value read back with the program's own decoders, then held to the
//! bounds every reader relies on.

use chrono::NaiveDate;
use rusqlite::types::{FromSql, Value};
use rusqlite::{Connection, Row};

use super::totals::as_text;
use crate::domain::bounds;
use crate::domain::*;
use crate::store::sqlvocab::decode_timestamp;

/// A value the program cannot read back: where it is and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub table: &'static str,
    /// The row's id (the plan's id for `plan_stats`).
    pub row: i64,
    pub column: &'static str,
    pub problem: String,
}

/// Reads one column of one row as the program does, then checks its bounds.
type Decoder = fn(&Row<'_>, usize) -> Result<(), String>;

/// A table, the column that identifies its rows, and its columns with their decoders.
type TableSpec = (
    &'static str,
    &'static str,
    &'static [(&'static str, Decoder)],
);

fn get<T: FromSql>(r: &Row<'_>, i: usize) -> Result<T, String> {
    r.get::<_, T>(i).map_err(|e| match e {
        rusqlite::Error::InvalidColumnType(_, _, t) => format!("a value of type {t}"),
        rusqlite::Error::FromSqlConversionFailure(_, _, e) => e.to_string(),
        rusqlite::Error::IntegralValueOutOfRange(_, v) => format!("{v} is out of range"),
        e => e.to_string(),
    })
}

fn text(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<String>(r, i).map(drop)
}
fn opt_text(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<Option<String>>(r, i).map(drop)
}
/// A text the importer and every box would take: no character a terminal obeys.
fn held(s: &str, lines: bounds::Lines) -> Result<(), String> {
    match bounds::forbidden_char(s, lines) {
        None => Ok(()),
        Some(c) => Err(format!(
            "holds the control character {}, which the importer refuses: its export could \
             not be imported back",
            bounds::char_name(c)
        )),
    }
}
/// A text of one line (a title, a name, a label).
fn line(r: &Row<'_>, i: usize) -> Result<(), String> {
    held(&get::<String>(r, i)?, bounds::Lines::One)
}
fn opt_line(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<Option<String>>(r, i)?.map_or(Ok(()), |s| held(&s, bounds::Lines::One))
}
/// A text that may hold several lines (an objective, a description, a note).
fn lines(r: &Row<'_>, i: usize) -> Result<(), String> {
    held(&get::<String>(r, i)?, bounds::Lines::Many)
}
fn opt_lines(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<Option<String>>(r, i)?.map_or(Ok(()), |s| held(&s, bounds::Lines::Many))
}
fn in_range(d: NaiveDate) -> Result<(), String> {
    if bounds::date_in_range(d) {
        Ok(())
    } else {
        Err(format!("{d} is out of range: {}", bounds::years_text()))
    }
}
/// A date the program cannot read, said with the value found.
fn not_a_date(r: &Row<'_>, i: usize) -> String {
    match r.get::<_, Value>(i) {
        Ok(v) => format!("{} is not a day as YYYY-MM-DD", as_text(&v)),
        Err(e) => e.to_string(),
    }
}
fn date(r: &Row<'_>, i: usize) -> Result<(), String> {
    in_range(get::<NaiveDate>(r, i).map_err(|_| not_a_date(r, i))?)
}
fn opt_date(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<Option<NaiveDate>>(r, i)
        .map_err(|_| not_a_date(r, i))?
        .map_or(Ok(()), in_range)
}
/// Read as the program reads it, then held to the years (in UTC).
fn stamp_in_range(s: &str) -> Result<(), String> {
    in_range(decode_timestamp(s)?.date_naive())
}
fn stamp(r: &Row<'_>, i: usize) -> Result<(), String> {
    stamp_in_range(&get::<String>(r, i)?)
}
fn opt_stamp(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<Option<String>>(r, i)?.map_or(Ok(()), |s| stamp_in_range(&s))
}
fn bounded(m: Money) -> Result<(), String> {
    if bounds::amount_in_range(m) {
        Ok(())
    } else {
        Err(format!(
            "{m} is out of range: an amount goes from 0 to {}",
            bounds::MAX_AMOUNT.to_decimal()
        ))
    }
}
fn amount(r: &Row<'_>, i: usize) -> Result<(), String> {
    bounded(get::<Money>(r, i)?)
}
fn opt_amount(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<Option<Money>>(r, i)?.map_or(Ok(()), bounded)
}
/// A kept total: a whole number of cents (its value is compared by `drifts`).
fn total(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<Money>(r, i).map(drop)
}
fn int(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<i64>(r, i).map(drop)
}
fn count(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<u32>(r, i).map(drop)
}
fn progress(r: &Row<'_>, i: usize) -> Result<(), String> {
    match get::<Option<u8>>(r, i)? {
        Some(p) if p > 100 => Err(format!(
            "{p} is out of range: a progress goes from 0 to 100"
        )),
        _ => Ok(()),
    }
}
fn year(r: &Row<'_>, i: usize) -> Result<(), String> {
    match get::<Option<i32>>(r, i)? {
        Some(y) if !bounds::year_in_range(y) => {
            Err(format!("{y} is out of range: {}", bounds::years_text()))
        }
        _ => Ok(()),
    }
}
fn vocab<T: FromSql>(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<T>(r, i).map(drop)
}
fn opt_vocab<T: FromSql>(r: &Row<'_>, i: usize) -> Result<(), String> {
    get::<Option<T>>(r, i).map(drop)
}

/// Every column the program reads, with the decoder it reads it with; the first
/// column named is the row's id.
const TABLES: &[TableSpec] = &[
    ("region", "id", &[("code", text), ("name", line)]),
    ("themes", "id", &[("code", text), ("label", line)]),
    (
        "territories",
        "id",
        &[("code", text), ("name", line), ("departments", text)],
    ),
    (
        "organisations",
        "id",
        &[
            ("code", text),
            ("name", line),
            ("kind", opt_vocab::<OrgKind>),
        ],
    ),
    (
        "people",
        "id",
        &[
            ("code", text),
            ("name", line),
            ("email", opt_line),
            ("phone", opt_line),
            ("login", opt_line),
        ],
    ),
    (
        "envelopes",
        "id",
        &[("code", text), ("label", line), ("amount", opt_amount)],
    ),
    (
        "catalogue",
        "id",
        &[("code", text), ("title", line), ("description", opt_lines)],
    ),
    (
        "plans",
        "id",
        &[
            ("code", text),
            ("kind", vocab::<PlanKind>),
            ("title", line),
            ("status", opt_vocab::<PlanStatus>),
            ("start", opt_date),
            ("end", opt_date),
            ("signed_on", opt_date),
            ("allocation", opt_amount),
            ("version", int),
        ],
    ),
    (
        "actions",
        "id",
        &[
            ("code", text),
            ("title", line),
            ("objective", opt_lines),
            ("status", vocab::<ActionStatus>),
            ("progress", progress),
            ("weather", opt_vocab::<Weather>),
            ("start", opt_date),
            ("due", opt_date),
            ("done_on", opt_date),
            ("planned", total),
            ("committed", total),
            ("paid", total),
            ("envelope_planned", total),
            ("version", int),
            ("updated_at", opt_stamp),
            ("updated_by", opt_text),
        ],
    ),
    ("partners", "id", &[("position", int), ("role", opt_line)]),
    (
        "milestones",
        "id",
        &[
            ("position", int),
            ("title", line),
            ("due", date),
            ("done_on", opt_date),
        ],
    ),
    (
        "budget_lines",
        "id",
        &[
            ("position", int),
            ("source", vocab::<FundingSource>),
            ("year", year),
            ("label", opt_line),
            ("planned", amount),
            ("committed", opt_amount),
            ("paid", opt_amount),
        ],
    ),
    (
        "indicators",
        "id",
        &[
            ("position", int),
            ("label", line),
            ("kind", opt_vocab::<IndicatorKind>),
            ("unit", opt_line),
            ("baseline", opt_text),
            ("target", opt_text),
            ("target_date", opt_date),
        ],
    ),
    (
        "indicator_values",
        "id",
        &[("on_date", date), ("value", text)],
    ),
    (
        "notes",
        "id",
        &[("at", stamp), ("author", line), ("text", lines)],
    ),
    (
        "changes",
        "id",
        &[
            ("at", stamp),
            ("who", text),
            ("origin", text),
            ("entity", text),
            ("entity_key", text),
            ("field", opt_text),
            ("old", opt_text),
            ("new", opt_text),
        ],
    ),
    (
        "plan_stats",
        "plan_id",
        &[
            ("status", vocab::<ActionStatus>),
            ("actions", count),
            ("planned", total),
            ("committed", total),
            ("paid", total),
            ("envelope_planned", total),
        ],
    ),
];

/// Every value the program could not read back, read with the program's own
/// decoders (dates, timestamps, amounts, vocabularies) and checked against the
/// bounds every reader relies on.
pub fn unreadable(conn: &Connection) -> rusqlite::Result<Vec<Unreadable>> {
    let mut out = Vec::new();
    for (table, key, columns) in TABLES {
        let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
        let mut stmt = conn.prepare(&format!(
            "SELECT {key}, \"{}\" FROM {table} ORDER BY {key}",
            names.join("\", \"")
        ))?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let row: i64 = r.get(0)?;
            for (i, (column, decode)) in columns.iter().enumerate() {
                if let Err(problem) = decode(r, i + 1) {
                    out.push(Unreadable {
                        table,
                        row,
                        column,
                        problem,
                    });
                }
            }
        }
    }
    Ok(out)
}
