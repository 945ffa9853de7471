//! The region's catalogue against its territories: for each item and territory, the
//! actions made from it; and per territory, the local initiatives (actions made from
//! no item). Every action is read once, without a join or a sort (a region holds
//! 100,000 of them); the grid is put together in memory.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::{Connection, params};

use crate::domain::ActionStatus;

/// An action made from a catalogue item, as a cell of the grid lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridAction {
    pub id: i64,
    /// The plan's code, shared by its actions (read once per plan).
    pub plan: Arc<str>,
    pub action: String,
    pub status: ActionStatus,
}

/// A territory, a column of the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridTerritory {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// Actions of its plans made from no catalogue item.
    pub local: u64,
}

/// A catalogue item, a row of the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridItem {
    pub code: String,
    pub title: String,
    /// The theme's code, if it has one.
    pub theme: Option<String>,
    /// The actions made from it, one list per territory (in the order of
    /// `CatalogueGrid::territories`), each by plan then action code.
    pub cells: Vec<Vec<GridAction>>,
}

impl GridItem {
    /// Taken up by no territory (of those shown).
    pub fn untaken(&self) -> bool {
        self.cells.iter().all(Vec::is_empty)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogueGrid {
    pub territories: Vec<GridTerritory>,
    /// By code.
    pub items: Vec<GridItem>,
}

/// The grid, for every territory or only the one of that code.
pub fn catalogue_grid(
    conn: &Connection,
    territory: Option<&str>,
) -> rusqlite::Result<CatalogueGrid> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, code, name FROM territories WHERE ?1 IS NULL OR code = ?1 ORDER BY code",
    )?;
    let mut territories = stmt
        .query_map([territory], |r| {
            Ok(GridTerritory {
                id: r.get(0)?,
                code: r.get(1)?,
                name: r.get(2)?,
                local: 0,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let column: HashMap<i64, usize> = territories
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, i))
        .collect();

    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.code, c.title, th.code FROM catalogue c \
         LEFT JOIN themes th ON th.id = c.theme_id ORDER BY c.code",
    )?;
    let mut row_of: HashMap<i64, usize> = HashMap::new();
    let mut items = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        row_of.insert(r.get(0)?, items.len());
        items.push(GridItem {
            code: r.get(1)?,
            title: r.get(2)?,
            theme: r.get(3)?,
            cells: vec![vec![]; territories.len()],
        });
    }

    // Each plan's territory column (if shown) and code.
    let mut stmt = conn.prepare_cached("SELECT id, territory_id, code FROM plans")?;
    let mut plans: HashMap<i64, (usize, Arc<str>)> = HashMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(col) = column.get(&r.get::<_, i64>(1)?) {
            let code: String = r.get(2)?;
            plans.insert(r.get(0)?, (*col, Arc::from(code)));
        }
    }

    let mut stmt =
        conn.prepare_cached("SELECT catalogue_id, plan_id, id, code, status FROM actions")?;
    let mut rows = stmt.query(params![])?;
    while let Some(r) = rows.next()? {
        let Some((col, plan)) = plans.get(&r.get::<_, i64>(1)?) else {
            continue;
        };
        let Some(item) = r.get::<_, Option<i64>>(0)? else {
            territories[*col].local += 1;
            continue;
        };
        let Some(row) = row_of.get(&item) else {
            continue;
        };
        items[*row].cells[*col].push(GridAction {
            id: r.get(2)?,
            plan: Arc::clone(plan),
            action: r.get(3)?,
            status: r.get(4)?,
        });
    }
    for cell in items.iter_mut().flat_map(|i| i.cells.iter_mut()) {
        cell.sort_by(|a, b| (&a.plan, &a.action).cmp(&(&b.plan, &b.action)));
    }
    Ok(CatalogueGrid { territories, items })
}
