//! Where the money stands: the budget lines summed by envelope, territory, plan,
//! action, or one by one, each group split by funding source and year so that the
//! same figures can be read either way. The sums are SQLite's over integer cents
//! (exact; an overflow is an error, never a wrong figure), gathered in `Money`.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, params};

use crate::domain::{FundingSource, Money, Sums};

/// A part of a group's lines: one funding source, one year (`None`: no year given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub source: FundingSource,
    pub year: Option<i32>,
    pub sums: Sums,
}

/// One row of a budget: an envelope, a territory, a plan, an action or a line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Group {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// What the planned money is measured against: an envelope's amount, a
    /// territory's or a plan's allocation; none for actions and lines.
    pub allocation: Option<Money>,
    /// An envelope's allocations to plans (none for other groups).
    pub allocated: Option<Money>,
    /// What the allocation is measured against, where it is not all that is
    /// planned: a plan's lines on its own envelope (other sources are not drawn
    /// from its allocation), summed for a territory.
    pub measured: Option<Money>,
    pub parts: Vec<Part>,
}

impl Group {
    /// Planned above the allocation (on what the allocation is measured against).
    pub fn above_allocation(&self) -> bool {
        let planned = self.measured.unwrap_or(self.sums().planned);
        crate::domain::sums::planned_above_allocation(self.allocation, planned)
    }

    pub fn sums(&self) -> Sums {
        let mut s = Sums::default();
        for p in &self.parts {
            s.add(p.sums);
        }
        s
    }
    pub fn by_source(&self) -> BTreeMap<FundingSource, Sums> {
        let mut m: BTreeMap<FundingSource, Sums> = BTreeMap::new();
        for p in &self.parts {
            m.entry(p.source).or_default().add(p.sums);
        }
        m
    }
    pub fn by_year(&self) -> BTreeMap<Option<i32>, Sums> {
        let mut m: BTreeMap<Option<i32>, Sums> = BTreeMap::new();
        for p in &self.parts {
            m.entry(p.year).or_default().add(p.sums);
        }
        m
    }
}

/// The level of a budget: what its rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// The envelopes, counting only a territory's plans and lines when given.
    Envelopes(Option<i64>),
    /// The region's territories.
    Territories,
    /// A territory's plans (by its id).
    Plans(i64),
    /// A plan's actions that have budget lines (by its id).
    Actions(i64),
    /// An action's budget lines (by its id).
    Lines(i64),
}

const SUMS: &str = "sum(b.planned), sum(coalesce(b.committed, 0)), sum(coalesce(b.paid, 0))";
/// The same from the kept sums (`budget_stats`), whose "no year" is 0.
const KEPT: &str = "nullif(s.year, 0), sum(s.planned), sum(s.committed), sum(s.paid)";

/// Runs a query whose columns are `key, source, year, planned, committed, paid`,
/// and adds each row as a part of the group of that key.
fn parts_by_key(
    conn: &Connection,
    sql: &str,
    p: &[&dyn rusqlite::ToSql],
) -> rusqlite::Result<HashMap<i64, Vec<Part>>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut q = stmt.query(p)?;
    let mut out: HashMap<i64, Vec<Part>> = HashMap::new();
    while let Some(r) = q.next()? {
        let key: Option<i64> = r.get(0)?;
        out.entry(key.unwrap_or(0)).or_default().push(Part {
            source: r.get(1)?,
            year: r.get(2)?,
            sums: Sums {
                planned: r.get(3)?,
                committed: r.get(4)?,
                paid: r.get(5)?,
            },
        });
    }
    Ok(out)
}

/// The rows of one level, drawing only on the lines of `envelope` when given.
pub fn budget(
    conn: &Connection,
    level: Level,
    envelope: Option<i64>,
) -> rusqlite::Result<Vec<Group>> {
    let env = |col: &str| match envelope {
        Some(_) => format!(" AND {col} = ?2"),
        None => " AND ?2 IS NULL".to_string(),
    };
    let mut groups: Vec<Group> = Vec::new();
    let key: i64;
    let parts_sql;
    match level {
        Level::Envelopes(territory) => {
            key = territory.unwrap_or(0);
            let mut allocated: HashMap<i64, Money> = HashMap::new();
            let mut stmt = conn.prepare_cached(
                "SELECT envelope_id, allocation FROM plans WHERE envelope_id IS NOT NULL \
                 AND (?1 IS NULL OR territory_id = ?1)",
            )?;
            let mut q = stmt.query([territory])?;
            while let Some(r) = q.next()? {
                *allocated.entry(r.get(0)?).or_default() +=
                    r.get::<_, Option<Money>>(1)?.unwrap_or_default();
            }
            let mut stmt =
                conn.prepare_cached("SELECT id, code, label, amount FROM envelopes ORDER BY code")?;
            let mut q = stmt.query([])?;
            while let Some(r) = q.next()? {
                let id: i64 = r.get(0)?;
                groups.push(Group {
                    id,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    allocation: r.get(3)?,
                    allocated: Some(allocated.get(&id).copied().unwrap_or_default()),
                    measured: None,
                    parts: vec![],
                });
            }
            parts_sql = match territory {
                None => format!(
                    "SELECT s.envelope_id, s.source, {KEPT} FROM budget_stats s \
                     WHERE s.envelope_id <> 0 AND ?1 = 0{} GROUP BY 1, 2, 3",
                    env("s.envelope_id")
                ),
                Some(_) => format!(
                    "SELECT s.envelope_id, s.source, {KEPT} FROM plans p \
                     JOIN budget_stats s ON s.plan_id = p.id \
                     WHERE p.territory_id = ?1 AND s.envelope_id <> 0{} GROUP BY 1, 2, 3",
                    env("s.envelope_id")
                ),
            };
        }
        Level::Territories => {
            key = 0;
            let allocations = plan_allocations(conn, "1 = 1", 0, envelope, |p| p.1)?;
            let mut stmt =
                conn.prepare_cached("SELECT id, code, name FROM territories ORDER BY id")?;
            let mut q = stmt.query([])?;
            while let Some(r) = q.next()? {
                let id: i64 = r.get(0)?;
                groups.push(Group {
                    id,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    allocation: allocations.get(&id).map(|a| a.0),
                    measured: allocations.get(&id).map(|a| a.1),
                    ..Group::default()
                });
            }
            parts_sql = format!(
                "SELECT p.territory_id, s.source, {KEPT} FROM budget_stats s \
                 JOIN plans p ON p.id = s.plan_id WHERE ?1 = 0{} GROUP BY 1, 2, 3",
                env("s.envelope_id")
            );
        }
        Level::Plans(territory) => {
            key = territory;
            let allocations =
                plan_allocations(conn, "p.territory_id = ?1", territory, envelope, |p| p.0)?;
            let mut stmt = conn.prepare_cached(
                "SELECT id, code, title FROM plans WHERE territory_id = ?1 ORDER BY code",
            )?;
            let mut q = stmt.query([territory])?;
            while let Some(r) = q.next()? {
                let id: i64 = r.get(0)?;
                groups.push(Group {
                    id,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    allocation: allocations.get(&id).map(|a| a.0),
                    measured: allocations.get(&id).map(|a| a.1),
                    ..Group::default()
                });
            }
            parts_sql = format!(
                "SELECT s.plan_id, s.source, {KEPT} FROM plans p \
                 JOIN budget_stats s ON s.plan_id = p.id \
                 WHERE p.territory_id = ?1{} GROUP BY 1, 2, 3",
                env("s.envelope_id")
            );
        }
        Level::Actions(plan) => {
            key = plan;
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT a.id, a.code, a.title FROM actions a WHERE a.plan_id = ?1 \
                 AND EXISTS (SELECT 1 FROM budget_lines b WHERE b.action_id = a.id{}) \
                 ORDER BY a.code",
                env("b.envelope_id")
            ))?;
            let mut q = stmt.query(params![plan, envelope])?;
            while let Some(r) = q.next()? {
                groups.push(Group {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    ..Group::default()
                });
            }
            parts_sql = format!(
                "SELECT b.action_id, b.source, b.year, {SUMS} FROM actions a \
                 JOIN budget_lines b ON b.action_id = a.id \
                 WHERE a.plan_id = ?1{} GROUP BY 1, 2, 3",
                env("b.envelope_id")
            );
        }
        Level::Lines(action) => {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT b.id, b.position, coalesce(b.label, ''), e.code, b.source, b.year, \
                 b.planned, coalesce(b.committed, 0), coalesce(b.paid, 0) FROM budget_lines b \
                 LEFT JOIN envelopes e ON e.id = b.envelope_id \
                 WHERE b.action_id = ?1{} ORDER BY b.position",
                env("b.envelope_id")
            ))?;
            let mut q = stmt.query(params![action, envelope])?;
            while let Some(r) = q.next()? {
                // Numbered as the budget box shows them, from 1 (positions may
                // start anywhere).
                let number = groups.len() + 1;
                let envelope: Option<String> = r.get(3)?;
                groups.push(Group {
                    id: r.get(0)?,
                    code: number.to_string(),
                    name: match envelope {
                        Some(e) => format!("{} [{e}]", r.get::<_, String>(2)?),
                        None => r.get(2)?,
                    },
                    parts: vec![Part {
                        source: r.get(4)?,
                        year: r.get(5)?,
                        sums: Sums {
                            planned: r.get(6)?,
                            committed: r.get(7)?,
                            paid: r.get(8)?,
                        },
                    }],
                    ..Group::default()
                });
            }
            return Ok(groups);
        }
    }
    let mut parts = parts_by_key(conn, &parts_sql, &[&key, &envelope])?;
    for g in &mut groups {
        if let Some(p) = parts.remove(&g.id) {
            g.parts = p;
        }
    }
    Ok(groups)
}

/// The plans' allocations (those of `envelope` only, when given), with what each
/// is measured against (the lines on the plan's own envelope), summed by the key
/// `by` picks from (plan id, territory id).
fn plan_allocations(
    conn: &Connection,
    cond: &str,
    arg: i64,
    envelope: Option<i64>,
    by: impl Fn((i64, i64)) -> i64,
) -> rusqlite::Result<HashMap<i64, (Money, Money)>> {
    let sql = format!(
        "SELECT p.id, p.territory_id, p.allocation, \
         (SELECT coalesce(sum(x.envelope_planned), 0) FROM plan_stats x WHERE x.plan_id = p.id) \
         FROM plans p WHERE {cond} AND (?2 IS NULL OR p.envelope_id = ?2) AND (?1 = ?1)"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut q = stmt.query(params![arg, envelope])?;
    let mut out: HashMap<i64, (Money, Money)> = HashMap::new();
    while let Some(r) = q.next()? {
        // A plan without an allocation has none (not a zero one to go above).
        if let Some(a) = r.get::<_, Option<Money>>(2)? {
            let e = out.entry(by((r.get(0)?, r.get(1)?))).or_default();
            e.0 += a;
            e.1 += r.get::<_, Money>(3)?;
        }
    }
    Ok(out)
}
