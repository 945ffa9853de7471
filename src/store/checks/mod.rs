//! What `jalon check` reports besides SQLite's own integrity check: values the
//! program could not read back (`readable`), kept totals that drifted from their
//! lines (`totals`, which also repairs them), and the domain's warnings (here).
//! Each is a fact with its numbers; the wording is the caller's.

mod readable;
mod totals;

pub use readable::{Problem, Unreadable, unreadable};
pub use totals::{Drift, RepairError, drifts, repair_totals};

use rusqlite::Connection;

use crate::domain::Money;

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
