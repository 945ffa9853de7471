//! The budget totals the database keeps (on each action, and per plan and status
//! in `plan_stats`) recomputed from the budget lines: compared, and rebuilt.

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::Value;
use rusqlite::{Connection, TransactionBehavior, params};

use crate::domain::bounds;
use crate::store::{Store, StoreError, classify};

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

pub(super) fn as_text(v: &Value) -> String {
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
/// Only a coordinator may (when roles are recorded): `who` is checked first.
pub fn repair_totals(store: &mut Store, who: &str) -> Result<usize, RepairError> {
    let path = store.path().to_path_buf();
    let sql = |e: rusqlite::Error| classify(&path, e);
    let tx = store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql)?;
    crate::store::access::check(&tx, &path, who, &crate::store::access::Write::Import)?;
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
         FROM actions GROUP BY plan_id, status; \
         DELETE FROM budget_stats; \
         INSERT INTO budget_stats (plan_id, envelope_id, source, year, planned, committed, paid, lines) \
         SELECT a.plan_id, coalesce(b.envelope_id, 0), b.source, coalesce(b.year, 0), \
         sum(b.planned), sum(coalesce(b.committed, 0)), sum(coalesce(b.paid, 0)), count(*) \
         FROM budget_lines b JOIN actions a ON a.id = b.action_id GROUP BY 1, 2, 3, 4;",
    )
    .map_err(sql)?;
    tx.commit().map_err(sql)?;
    Ok(wrong)
}
