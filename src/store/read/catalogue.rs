//! The region's catalogue against its territories: for each item and territory, the
//! actions made from it; and per territory, the local initiatives (actions made from
//! no item). Four short queries; the grid is put together in memory.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::domain::ActionStatus;

/// An action made from a catalogue item, as a cell of the grid lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridAction {
    pub id: i64,
    pub plan: String,
    pub action: String,
    pub title: String,
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
        "SELECT p.territory_id, COUNT(*) FROM actions a JOIN plans p ON p.id = a.plan_id \
         WHERE a.catalogue_id IS NULL GROUP BY p.territory_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = column.get(&r.get::<_, i64>(0)?) {
            territories[*i].local = r.get::<_, i64>(1)?.max(0) as u64;
        }
    }

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

    let mut stmt = conn.prepare_cached(
        "SELECT a.catalogue_id, p.territory_id, a.id, p.code, a.code, a.title, a.status \
         FROM actions a JOIN plans p ON p.id = a.plan_id \
         WHERE a.catalogue_id IS NOT NULL ORDER BY p.code, a.code",
    )?;
    let mut rows = stmt.query(params![])?;
    while let Some(r) = rows.next()? {
        let (Some(row), Some(col)) = (
            row_of.get(&r.get::<_, i64>(0)?),
            column.get(&r.get::<_, i64>(1)?),
        ) else {
            continue;
        };
        items[*row].cells[*col].push(GridAction {
            id: r.get(2)?,
            plan: r.get(3)?,
            action: r.get(4)?,
            title: r.get(5)?,
            status: r.get(6)?,
        });
    }
    Ok(CatalogueGrid { territories, items })
}
