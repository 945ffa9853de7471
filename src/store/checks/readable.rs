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
    pub problem: Problem,
}

/// Why a value cannot be read back. The words are the catalogue's
/// (`i18n::unreadable_problem`); `Display` gives the English ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A value of another SQLite type (`Real`, `Blob`…).
    WrongType(String),
    /// A whole number too large for the column.
    NumberOutOfRange(i64),
    /// A day (or a moment's day) outside the years the program takes.
    DayOutOfRange(NaiveDate),
    /// A year outside the years the program takes.
    YearOutOfRange(i32),
    /// An amount above the largest one.
    AmountOutOfRange(String),
    /// A progress above 100.
    ProgressOutOfRange(u8),
    /// A value that is not a day as YYYY-MM-DD (the value, as found).
    NotADay(String),
    /// A control character the importer refuses (its name, `U+0007`).
    ControlCharacter(String),
    /// What the decoder said (a word outside a vocabulary, a moment it cannot read).
    Other(String),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::WrongType(t) => write!(f, "a value of type {t}"),
            Problem::NumberOutOfRange(v) => write!(f, "{v} is out of range"),
            Problem::DayOutOfRange(d) => write!(f, "{d} is out of range: {}", bounds::years_text()),
            Problem::YearOutOfRange(y) => {
                write!(f, "{y} is out of range: {}", bounds::years_text())
            }
            Problem::AmountOutOfRange(m) => write!(
                f,
                "{m} is out of range: an amount goes from 0 to {}",
                bounds::MAX_AMOUNT.to_decimal()
            ),
            Problem::ProgressOutOfRange(p) => {
                write!(f, "{p} is out of range: a progress goes from 0 to 100")
            }
            Problem::NotADay(v) => write!(f, "{v} is not a day as YYYY-MM-DD"),
            Problem::ControlCharacter(c) => write!(
                f,
                "holds the control character {c}, which the importer refuses: its export could \
                 not be imported back"
            ),
            Problem::Other(why) => f.write_str(why),
        }
    }
}

/// Reads one column of one row as the program does, then checks its bounds.
type Decoder = fn(&Row<'_>, usize) -> Result<(), Problem>;

/// A table, the column that identifies its rows, and its columns with their decoders.
type TableSpec = (
    &'static str,
    &'static str,
    &'static [(&'static str, Decoder)],
);

fn get<T: FromSql>(r: &Row<'_>, i: usize) -> Result<T, Problem> {
    r.get::<_, T>(i).map_err(|e| match e {
        rusqlite::Error::InvalidColumnType(_, _, t) => Problem::WrongType(t.to_string()),
        rusqlite::Error::FromSqlConversionFailure(_, _, e) => Problem::Other(e.to_string()),
        rusqlite::Error::IntegralValueOutOfRange(_, v) => Problem::NumberOutOfRange(v),
        e => Problem::Other(e.to_string()),
    })
}

fn text(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<String>(r, i).map(drop)
}
fn opt_text(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<Option<String>>(r, i).map(drop)
}
/// A text the importer and every box would take: no character a terminal obeys.
fn held(s: &str, lines: bounds::Lines) -> Result<(), Problem> {
    match bounds::forbidden_char(s, lines) {
        None => Ok(()),
        Some(c) => Err(Problem::ControlCharacter(bounds::char_name(c))),
    }
}
/// A text of one line (a title, a name, a label).
fn line(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    held(&get::<String>(r, i)?, bounds::Lines::One)
}
fn opt_line(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<Option<String>>(r, i)?.map_or(Ok(()), |s| held(&s, bounds::Lines::One))
}
/// A text that may hold several lines (an objective, a description, a note).
fn lines(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    held(&get::<String>(r, i)?, bounds::Lines::Many)
}
fn opt_lines(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<Option<String>>(r, i)?.map_or(Ok(()), |s| held(&s, bounds::Lines::Many))
}
fn in_range(d: NaiveDate) -> Result<(), Problem> {
    if bounds::date_in_range(d) {
        Ok(())
    } else {
        Err(Problem::DayOutOfRange(d))
    }
}
/// A date the program cannot read, said with the value found.
fn not_a_date(r: &Row<'_>, i: usize) -> Problem {
    match r.get::<_, Value>(i) {
        Ok(v) => Problem::NotADay(as_text(&v)),
        Err(e) => Problem::Other(e.to_string()),
    }
}
fn date(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    in_range(get::<NaiveDate>(r, i).map_err(|_| not_a_date(r, i))?)
}
fn opt_date(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<Option<NaiveDate>>(r, i)
        .map_err(|_| not_a_date(r, i))?
        .map_or(Ok(()), in_range)
}
/// Read as the program reads it, then held to the years (in UTC).
fn stamp_in_range(s: &str) -> Result<(), Problem> {
    in_range(decode_timestamp(s).map_err(Problem::Other)?.date_naive())
}
fn stamp(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    stamp_in_range(&get::<String>(r, i)?)
}
fn opt_stamp(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<Option<String>>(r, i)?.map_or(Ok(()), |s| stamp_in_range(&s))
}
fn bounded(m: Money) -> Result<(), Problem> {
    if bounds::amount_in_range(m) {
        Ok(())
    } else {
        Err(Problem::AmountOutOfRange(m.to_string()))
    }
}
fn amount(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    bounded(get::<Money>(r, i)?)
}
fn opt_amount(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<Option<Money>>(r, i)?.map_or(Ok(()), bounded)
}
/// A kept total: a whole number of cents (its value is compared by `drifts`).
fn total(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<Money>(r, i).map(drop)
}
fn int(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<i64>(r, i).map(drop)
}
fn count(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<u32>(r, i).map(drop)
}
fn progress(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    match get::<Option<u8>>(r, i)? {
        Some(p) if p > 100 => Err(Problem::ProgressOutOfRange(p)),
        _ => Ok(()),
    }
}
fn year(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    match get::<Option<i32>>(r, i)? {
        Some(y) if !bounds::year_in_range(y) => Err(Problem::YearOutOfRange(y)),
        _ => Ok(()),
    }
}
fn vocab<T: FromSql>(r: &Row<'_>, i: usize) -> Result<(), Problem> {
    get::<T>(r, i).map(drop)
}
fn opt_vocab<T: FromSql>(r: &Row<'_>, i: usize) -> Result<(), Problem> {
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
        &[
            ("at", stamp),
            ("author", line),
            ("text", lines),
            ("kind", vocab::<NoteKind>),
        ],
    ),
    (
        "meetings",
        "id",
        &[
            ("code", text),
            ("body", vocab::<MeetingBody>),
            ("on_date", date),
            ("title", line),
            ("attendees", lines),
        ],
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
