//! Domain warnings on a whole database: what `jalon check` reports besides SQLite's
//! own integrity check. Each is a fact with its numbers; the wording is the caller's.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::types::{FromSql, Value};
use rusqlite::{Connection, Row, TransactionBehavior, params};

use super::sqlvocab::decode_timestamp;
use super::{Store, StoreError, classify};
use crate::domain::bounds;
use crate::domain::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A budget line paid more than it committed.
    PaidAboveCommitted {
        action: String,
        line: usize,
        label: Option<String>,
        paid: Money,
        committed: Money,
    },
    /// A budget line committed more than it planned.
    CommittedAbovePlanned {
        action: String,
        line: usize,
        label: Option<String>,
        committed: Money,
        planned: Money,
    },
    /// A done action without its done date.
    DoneWithoutDate { action: String },
    /// A done date on an action that is not done.
    DateWithoutDone { action: String },
    /// A due date before the start date.
    DueBeforeStart { action: String },
    /// The plans' allocations from an envelope add up to more than the envelope.
    AllocationsAboveEnvelope {
        envelope: String,
        allocated: Money,
        amount: Money,
    },
    /// A plan's budget lines on its envelope plan more than its allocation.
    PlannedAboveAllocation {
        plan: String,
        planned: Money,
        allocation: Money,
    },
}

pub fn warnings(conn: &Connection) -> rusqlite::Result<Vec<Warning>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT p.code || '/' || a.code, b.position, b.label, b.planned, b.committed, b.paid \
         FROM budget_lines b JOIN actions a ON a.id = b.action_id JOIN plans p ON p.id = a.plan_id \
         WHERE b.paid > coalesce(b.committed, 0) OR b.committed > b.planned ORDER BY p.id, a.id, b.position",
    )?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let action: String = r.get(0)?;
        let line = r.get::<_, i64>(1)? as usize + 1;
        let label: Option<String> = r.get(2)?;
        let planned: Money = r.get(3)?;
        let committed: Money = r.get::<_, Option<Money>>(4)?.unwrap_or_default();
        let paid: Money = r.get::<_, Option<Money>>(5)?.unwrap_or_default();
        if paid > committed {
            out.push(Warning::PaidAboveCommitted {
                action: action.clone(),
                line,
                label: label.clone(),
                paid,
                committed,
            });
        }
        if committed > planned {
            out.push(Warning::CommittedAbovePlanned {
                action,
                line,
                label,
                committed,
                planned,
            });
        }
    }

    let mut stmt = conn.prepare(
        "SELECT p.code || '/' || a.code, a.status = 'done', a.done_on IS NOT NULL, \
           a.due IS NOT NULL AND a.start IS NOT NULL AND a.due < a.start \
         FROM actions a JOIN plans p ON p.id = a.plan_id \
         WHERE (a.status = 'done') <> (a.done_on IS NOT NULL) \
            OR (a.due IS NOT NULL AND a.start IS NOT NULL AND a.due < a.start) ORDER BY p.id, a.id",
    )?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let action: String = r.get(0)?;
        let (done, dated, due_before_start): (bool, bool, bool) = (r.get(1)?, r.get(2)?, r.get(3)?);
        if done && !dated {
            out.push(Warning::DoneWithoutDate {
                action: action.clone(),
            });
        }
        if dated && !done {
            out.push(Warning::DateWithoutDone {
                action: action.clone(),
            });
        }
        if due_before_start {
            out.push(Warning::DueBeforeStart { action });
        }
    }

    let mut stmt = conn.prepare(
        "SELECT e.code, sum(p.allocation), e.amount FROM plans p JOIN envelopes e ON e.id = p.envelope_id \
         WHERE e.amount IS NOT NULL GROUP BY e.id HAVING sum(p.allocation) > e.amount ORDER BY e.id",
    )?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        out.push(Warning::AllocationsAboveEnvelope {
            envelope: r.get(0)?,
            allocated: r.get(1)?,
            amount: r.get(2)?,
        });
    }

    let mut stmt = conn.prepare(
        "SELECT p.code, sum(b.planned), p.allocation FROM plans p \
         JOIN actions a ON a.plan_id = p.id JOIN budget_lines b ON b.action_id = a.id AND b.envelope_id = p.envelope_id \
         WHERE p.allocation IS NOT NULL GROUP BY p.id HAVING sum(b.planned) > p.allocation ORDER BY p.id",
    )?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        out.push(Warning::PlannedAboveAllocation {
            plan: r.get(0)?,
            planned: r.get(1)?,
            allocation: r.get(2)?,
        });
    }
    Ok(out)
}

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
    ("region", "id", &[("code", text), ("name", text)]),
    ("themes", "id", &[("code", text), ("label", text)]),
    (
        "territories",
        "id",
        &[("code", text), ("name", text), ("departments", text)],
    ),
    (
        "organisations",
        "id",
        &[
            ("code", text),
            ("name", text),
            ("kind", opt_vocab::<OrgKind>),
        ],
    ),
    (
        "people",
        "id",
        &[
            ("code", text),
            ("name", text),
            ("email", opt_text),
            ("phone", opt_text),
            ("login", opt_text),
        ],
    ),
    (
        "envelopes",
        "id",
        &[("code", text), ("label", text), ("amount", opt_amount)],
    ),
    (
        "catalogue",
        "id",
        &[("code", text), ("title", text), ("description", opt_text)],
    ),
    (
        "plans",
        "id",
        &[
            ("code", text),
            ("kind", vocab::<PlanKind>),
            ("title", text),
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
            ("title", text),
            ("objective", opt_text),
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
    ("partners", "id", &[("position", int), ("role", opt_text)]),
    (
        "milestones",
        "id",
        &[
            ("position", int),
            ("title", text),
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
            ("label", opt_text),
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
            ("label", text),
            ("kind", opt_vocab::<IndicatorKind>),
            ("unit", opt_text),
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
        &[("at", stamp), ("author", text), ("text", text)],
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

/// A kept total that differs from what its rows add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// Which total: `actions P1/A1 planned`, `plan_stats P1 in_progress paid`.
    pub what: String,
    /// What is kept, as stored (possibly not a whole number).
    pub kept: String,
    /// What the rows add up to, in cents.
    pub actual: String,
}

const TOTALS: [&str; 4] = ["planned", "committed", "paid", "envelope_planned"];

/// What the kept totals should be, from the budget lines: per action, then per
/// plan and status. Summed in 128 bits, so that no sum can fail.
struct Truth {
    /// Action id → (PLAN/ACTION, plan id, status, totals).
    actions: Vec<(i64, String, i64, String, [i128; 4])>,
    /// (plan id, status) → (PLAN, action count, totals).
    stats: BTreeMap<(i64, String), (String, i128, [i128; 4])>,
}

fn truth(conn: &Connection) -> rusqlite::Result<Truth> {
    let mut lines: HashMap<i64, [i128; 4]> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT b.action_id, b.planned, b.committed, b.paid, \
           b.envelope_id IS NOT NULL AND b.envelope_id = p.envelope_id \
         FROM budget_lines b JOIN actions a ON a.id = b.action_id JOIN plans p ON p.id = a.plan_id",
    )?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let cents = |i: usize| -> rusqlite::Result<i128> {
            Ok(i128::from(r.get::<_, Option<i64>>(i)?.unwrap_or(0)))
        };
        let sums = lines.entry(r.get(0)?).or_default();
        let planned = cents(1)?;
        sums[0] += planned;
        sums[1] += cents(2)?;
        sums[2] += cents(3)?;
        if r.get::<_, bool>(4)? {
            sums[3] += planned;
        }
    }
    let mut actions = Vec::new();
    let mut stats: BTreeMap<(i64, String), (String, i128, [i128; 4])> = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT a.id, p.code, a.code, a.plan_id, a.status FROM actions a \
         JOIN plans p ON p.id = a.plan_id ORDER BY a.id",
    )?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let id: i64 = r.get(0)?;
        let plan: String = r.get(1)?;
        let code: String = r.get(2)?;
        let plan_id: i64 = r.get(3)?;
        let status: String = r.get(4)?;
        let sums = lines.get(&id).copied().unwrap_or_default();
        let s = stats
            .entry((plan_id, status.clone()))
            .or_insert_with(|| (plan.clone(), 0, [0; 4]));
        s.1 += 1;
        for (acc, add) in s.2.iter_mut().zip(sums) {
            *acc += add;
        }
        actions.push((id, format!("{plan}/{code}"), plan_id, status, sums));
    }
    Ok(Truth { actions, stats })
}

fn as_text(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => format!("{f} (not a whole number)"),
        Value::Text(t) => bounds::quote(t),
        Value::Blob(_) => "a blob".into(),
    }
}

fn differs(kept: &Value, actual: i128) -> bool {
    !matches!(kept, Value::Integer(i) if i128::from(*i) == actual)
}

/// Every kept total (on actions and in `plan_stats`) that differs from what the
/// budget lines add up to.
pub fn drifts(conn: &Connection) -> rusqlite::Result<Vec<Drift>> {
    let truth = truth(conn)?;
    let mut out = Vec::new();
    let mut stmt = conn
        .prepare("SELECT planned, committed, paid, envelope_planned FROM actions WHERE id = ?1")?;
    for (id, key, _, _, sums) in &truth.actions {
        let kept: [Value; 4] =
            stmt.query_row([id], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]))?;
        for k in 0..4 {
            if differs(&kept[k], sums[k]) {
                out.push(Drift {
                    what: format!("actions {key} {}", TOTALS[k]),
                    kept: as_text(&kept[k]),
                    actual: sums[k].to_string(),
                });
            }
        }
    }
    let mut kept_stats: BTreeMap<(i64, String), [Value; 5]> = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT plan_id, status, actions, planned, committed, paid, envelope_planned FROM plan_stats",
    )?;
    let mut q = stmt.query([])?;
    while let Some(r) = q.next()? {
        let status: Value = r.get(1)?;
        let status = match status {
            Value::Text(t) => t,
            other => as_text(&other),
        };
        kept_stats.insert(
            (r.get(0)?, status),
            [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?],
        );
    }
    let zero = || [0i64, 0, 0, 0, 0].map(Value::Integer);
    let plan_codes: HashMap<i64, String> = truth
        .stats
        .iter()
        .map(|((id, _), (code, _, _))| (*id, code.clone()))
        .collect();
    let mut keys: Vec<&(i64, String)> = truth.stats.keys().chain(kept_stats.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let kept = kept_stats.get(key).cloned().unwrap_or_else(zero);
        let (count, sums) = truth
            .stats
            .get(key)
            .map_or((0, [0; 4]), |(_, n, s)| (*n, *s));
        let actual = [count, sums[0], sums[1], sums[2], sums[3]];
        let plan = plan_codes
            .get(&key.0)
            .cloned()
            .unwrap_or_else(|| format!("#{}", key.0));
        for k in 0..5 {
            if differs(&kept[k], actual[k]) {
                let column = if k == 0 { "actions" } else { TOTALS[k - 1] };
                out.push(Drift {
                    what: format!("plan_stats {plan} {} {column}", key.1),
                    kept: as_text(&kept[k]),
                    actual: actual[k].to_string(),
                });
            }
        }
    }
    Ok(out)
}

#[derive(Debug, thiserror::Error)]
pub enum RepairError {
    #[error(
        "the budget lines of {action} add up to {cents} cents of {column}, more than can be \
         counted; correct those amounts, then run `jalon check --repair` again"
    )]
    TooLarge {
        action: String,
        column: &'static str,
        cents: i128,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Rebuilds every kept total from the budget lines, in one transaction: all or
/// nothing. Returns how many totals were wrong. A sum that does not fit in 64 bits
/// is refused (the amounts must be corrected first), and nothing is written.
pub fn repair_totals(store: &mut Store) -> Result<usize, RepairError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| classify(&path, e);
    let tx = store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql)?;
    let wrong = drifts(&tx).map_err(sql)?.len();
    let truth = truth(&tx).map_err(sql)?;
    // The per-plan counters are rebuilt below; emptied first so that the action
    // triggers do not add to wrong values meanwhile.
    tx.execute("DELETE FROM plan_stats", []).map_err(sql)?;
    {
        let mut update = tx
            .prepare(
                "UPDATE actions SET planned = ?2, committed = ?3, paid = ?4, envelope_planned = ?5 \
                 WHERE id = ?1",
            )
            .map_err(sql)?;
        for (id, key, _, _, sums) in &truth.actions {
            let fit = |k: usize| {
                i64::try_from(sums[k]).map_err(|_| RepairError::TooLarge {
                    action: key.clone(),
                    column: TOTALS[k],
                    cents: sums[k],
                })
            };
            update
                .execute(params![id, fit(0)?, fit(1)?, fit(2)?, fit(3)?])
                .map_err(sql)?;
        }
    }
    tx.execute_batch(
        "DELETE FROM plan_stats; \
         INSERT INTO plan_stats (plan_id, status, actions, planned, committed, paid, envelope_planned) \
         SELECT plan_id, status, count(*), sum(planned), sum(committed), sum(paid), sum(envelope_planned) \
         FROM actions GROUP BY plan_id, status;",
    )
    .map_err(sql)?;
    tx.commit().map_err(sql)?;
    Ok(wrong)
}
