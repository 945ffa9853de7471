//! The reference data held in memory (names and contacts by code), and how many
//! rows use one directory entry.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use crate::domain::*;

/// The reference data, small enough to hold in memory: names and contacts by code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    pub themes: Vec<Theme>,
    pub territories: Vec<(i64, Territory)>,
    pub organisations: HashMap<String, Organisation>,
    pub people: HashMap<String, Person>,
    pub envelopes: Vec<Envelope>,
    pub catalogue: HashMap<String, CatalogueItem>,
    /// Each plan's envelope (plan code → envelope code), for the lines added to it.
    pub plan_envelopes: HashMap<String, String>,
    /// Each plan's territory (plan code → territory code): whom to offer first.
    pub plan_territories: HashMap<String, String>,
    /// Each plan's allocation (plan code → amount), where it has one: what an
    /// envelope has left, said while a plan's allocation is typed.
    pub plan_allocations: HashMap<String, Money>,
}

impl Directory {
    pub fn org_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.organisations
            .get(code)
            .map(|o| o.name.as_str())
            .unwrap_or(code)
    }
    pub fn theme_label<'a>(&'a self, code: &'a str) -> &'a str {
        self.themes
            .iter()
            .find(|t| t.code == code)
            .map(|t| t.label.as_str())
            .unwrap_or(code)
    }
}

/// How many rows refer to the directory entry of that code in `table`
/// (`territories`, `organisations` or `people`), through every foreign key of the
/// schema that points at it (plans, actions, partners, budget lines, organisations,
/// people): 0 for an entry nothing uses yet, or none of that code.
pub fn referrers(conn: &Connection, table: &'static str, code: &str) -> rusqlite::Result<u64> {
    let Some(id) = conn
        .query_row(
            &format!("SELECT id FROM \"{table}\" WHERE code = ?1"),
            [code],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
    else {
        return Ok(0);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
         WHERE m.type = 'table' AND f.\"table\" = ?1 ORDER BY m.name, f.\"from\"",
    )?;
    let keys = stmt
        .query_map([table], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut n = 0u64;
    for (from, column) in keys {
        let count: i64 = conn.query_row(
            &format!("SELECT count(*) FROM \"{from}\" WHERE \"{column}\" = ?1"),
            [id],
            |r| r.get(0),
        )?;
        n += count.unsigned_abs();
    }
    Ok(n)
}

pub fn directory(conn: &Connection) -> rusqlite::Result<Directory> {
    let r = crate::store::reference::load_references(conn)?;
    Ok(Directory {
        themes: crate::store::reference::values(r.themes),
        territories: r.territories,
        organisations: r
            .organisations
            .into_iter()
            .map(|(_, o)| (o.code.clone(), o))
            .collect(),
        people: r
            .people
            .into_iter()
            .map(|(_, p)| (p.code.clone(), p))
            .collect(),
        envelopes: crate::store::reference::values(r.envelopes),
        catalogue: r
            .catalogue
            .into_iter()
            .map(|(_, c)| (c.code.clone(), c))
            .collect(),
        plan_envelopes: conn
            .prepare_cached(
                "SELECT p.code, e.code FROM plans p JOIN envelopes e ON e.id = p.envelope_id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?,
        plan_territories: conn
            .prepare_cached(
                "SELECT p.code, t.code FROM plans p JOIN territories t ON t.id = p.territory_id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?,
        plan_allocations: conn
            .prepare_cached("SELECT code, allocation FROM plans WHERE allocation IS NOT NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?,
    })
}
