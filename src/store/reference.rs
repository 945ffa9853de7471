//! The reference tables as the domain says them (other rows by code), in the order
//! they were created: one reader for the export, the import and the interface.

use rusqlite::Connection;

use crate::domain::*;

/// Every reference row with its id, in id order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct References {
    pub themes: Vec<(i64, Theme)>,
    pub territories: Vec<(i64, Territory)>,
    pub organisations: Vec<(i64, Organisation)>,
    pub people: Vec<(i64, Person)>,
    pub envelopes: Vec<(i64, Envelope)>,
    pub catalogue: Vec<(i64, CatalogueItem)>,
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    row: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<(i64, T)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    stmt.query_map([], |r| Ok((r.get(0)?, row(r)?)))?.collect()
}

pub fn load_references(conn: &Connection) -> rusqlite::Result<References> {
    Ok(References {
        themes: rows(
            conn,
            "SELECT id, code, label FROM themes ORDER BY id",
            |r| {
                Ok(Theme {
                    code: r.get(1)?,
                    label: r.get(2)?,
                })
            },
        )?,
        territories: rows(
            conn,
            "SELECT id, code, name, departments FROM territories ORDER BY id",
            |r| {
                Ok(Territory {
                    code: r.get(1)?,
                    name: r.get(2)?,
                    departments: split_list(&r.get::<_, String>(3)?),
                })
            },
        )?,
        organisations: rows(
            conn,
            "SELECT o.id, o.code, o.name, o.kind, t.code FROM organisations o \
             LEFT JOIN territories t ON t.id = o.territory_id ORDER BY o.id",
            |r| {
                Ok(Organisation {
                    code: r.get(1)?,
                    name: r.get(2)?,
                    kind: r.get(3)?,
                    territory: r.get(4)?,
                })
            },
        )?,
        people: rows(
            conn,
            "SELECT pe.id, pe.code, pe.name, o.code, pe.email, pe.phone, pe.login FROM people pe \
             LEFT JOIN organisations o ON o.id = pe.organisation_id ORDER BY pe.id",
            |r| {
                Ok(Person {
                    code: r.get(1)?,
                    name: r.get(2)?,
                    organisation: r.get(3)?,
                    email: r.get(4)?,
                    phone: r.get(5)?,
                    login: r.get(6)?,
                })
            },
        )?,
        envelopes: rows(
            conn,
            "SELECT id, code, label, amount FROM envelopes ORDER BY id",
            |r| {
                Ok(Envelope {
                    code: r.get(1)?,
                    label: r.get(2)?,
                    amount: r.get(3)?,
                })
            },
        )?,
        catalogue: rows(
            conn,
            "SELECT c.id, c.code, c.title, th.code, c.description FROM catalogue c \
             LEFT JOIN themes th ON th.id = c.theme_id ORDER BY c.id",
            |r| {
                Ok(CatalogueItem {
                    code: r.get(1)?,
                    title: r.get(2)?,
                    theme: r.get(3)?,
                    description: r.get(4)?,
                })
            },
        )?,
    })
}

/// Plans without their actions, with their ids, in id order: all, or those of a
/// territory and/or with a code.
pub fn load_plans(
    conn: &Connection,
    territory: Option<&str>,
    plan: Option<&str>,
) -> rusqlite::Result<Vec<(i64, Plan)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.code, t.code, p.kind, p.title, p.status, p.start, p.end, p.signed_on, \
         e.code, p.allocation FROM plans p JOIN territories t ON t.id = p.territory_id \
         LEFT JOIN envelopes e ON e.id = p.envelope_id \
         WHERE (?1 IS NULL OR t.code = ?1) AND (?2 IS NULL OR p.code = ?2) ORDER BY p.id",
    )?;
    stmt.query_map(rusqlite::params![territory, plan], |r| {
        Ok((
            r.get(0)?,
            Plan {
                code: r.get(1)?,
                territory: r.get(2)?,
                kind: r.get(3)?,
                title: r.get(4)?,
                status: r.get(5)?,
                start: r.get(6)?,
                end: r.get(7)?,
                signed_on: r.get(8)?,
                envelope: r.get(9)?,
                allocation: r.get(10)?,
                actions: vec![],
            },
        ))
    })?
    .collect()
}

/// Departments are stored comma-separated.
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

/// The rows without their ids.
pub fn values<T>(rows: Vec<(i64, T)>) -> Vec<T> {
    rows.into_iter().map(|(_, t)| t).collect()
}
